import { fileURLToPath } from 'node:url';
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { buildJaroWinklerIndex, jaro, jaroWinkler } from './baselines/jaro-winkler.js';
import { foldName } from './fold.js';
import { KEYBOARD_NEIGHBOURS, middleInitials, typo } from './datasets/perturb.js';
import { findLegalForm, swapLegalForm } from './datasets/organisations.js';
import { createRng } from './prng.js';
import { renderArabicScript, respellArabicLatin, respellArabicScript } from './translit/arabic.js';
import { cyrillicFromLatin, romaniseCyrillic } from './translit/cyrillic.js';
import { loadTranslitTable } from './translit/wikidata.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../test/fixtures/eval/${name}`, import.meta.url));

describe('Cyrillic romanisations', () => {
  it('writes Щукин under each documented scheme', () => {
    expect(romaniseCyrillic('Щукин', 'iso9')).toBe('Ŝukin');
    expect(romaniseCyrillic('Щукин', 'bgn')).toBe('Shchukin');
    expect(romaniseCyrillic('Щукин', 'icao')).toBe('Shchukin');
    expect(romaniseCyrillic('Щукин', 'scholarly')).toBe('Ščukin');
    expect(romaniseCyrillic('Щукин', 'german')).toBe('Schtschukin');
    expect(romaniseCyrillic('Щукин', 'french')).toBe('Chtchoukine');
  });

  it('follows each scheme on the letters where they differ', () => {
    expect(romaniseCyrillic('Евгений Хрущёв', 'bgn')).toBe('Yevgeniy Khrushchyov');
    expect(romaniseCyrillic('Евгений Хрущёв', 'icao')).toBe('Evgenii Khrushchev');
    expect(romaniseCyrillic('Евгений Хрущёв', 'german')).toBe('Jewgeni Chruschtschjow');
    expect(romaniseCyrillic('Юлия Тимошенко', 'iso9')).toBe('Ûliâ Timošenko');
    expect(romaniseCyrillic('Юлия Тимошенко', 'french')).toBe('Ioulia Timochenko');
    expect(romaniseCyrillic('ДОКУ УМАРОВ', 'icao')).toBe('DOKU UMAROV');
  });

  it('rebuilds Cyrillic from a BGN-style spelling only when it romanises back to it', () => {
    expect(cyrillicFromLatin('Sergey Dmitriyevich Shchukin')).toBe('Сергей Дмитриевич Щукин');
    expect(cyrillicFromLatin('Aleksei Novyi')).toBe('Алексей Новый');
    // "Victor" is not a BGN spelling (c): no guess.
    expect(cyrillicFromLatin('Victor Petrov')).toBeUndefined();
    const wikidata = loadTranslitTable(fixture('wd_russian_sample'));
    expect(cyrillicFromLatin('Ivan', (w) => wikidata.toNative(w))).toBe('Иван');
  });
});

describe('Arabic-origin spellings', () => {
  it('renders a Latin name in Arabic script through the table, with the article and abd joined as written', () => {
    const table = loadTranslitTable(fixture('wd_arabic_sample'));
    expect(renderArabicScript('Mohamed Ali', table)).toBe('محمد علي');
    // Mohammed is not in the table; its close variant Mohamed is. Muhammad is too far from it.
    expect(renderArabicScript('Mohammed al-Hassan', table)).toBe('محمد الحسن');
    expect(renderArabicScript('Muhammad', table)).toBeUndefined();
    expect(renderArabicScript('Abdul Rahman', table)).toBe('عبد الرحمن');
    // A part the table lacks: no half-guessed rendering.
    expect(renderArabicScript('Mohamed Zzyzx', table)).toBeUndefined();
  });

  it('re-spells a Latin name into a different string, deterministically', () => {
    const a = respellArabicLatin('Muhammad Hussein al-Tikriti', createRng(7));
    const b = respellArabicLatin('Muhammad Hussein al-Tikriti', createRng(7));
    expect(a).toEqual(b);
    expect(a?.text.replace(/[-\s]/g, '')).not.toBe('muhammadhusseinaltikriti');
    expect(a?.steps.length).toBeGreaterThan(0);
  });

  it('writes an Arabic-script name another way', () => {
    const r = respellArabicScript('إبراهيم أحمد', createRng(1));
    expect(r).toBeDefined();
    expect(r?.text).not.toBe('إبراهيم أحمد');
  });
});

describe('clerical changes', () => {
  it('knows QWERTY neighbours', () => {
    expect([...KEYBOARD_NEIGHBOURS['a']!].sort().join('')).toBe('qswz');
    expect(KEYBOARD_NEIGHBOURS['g']).toContain('h');
  });

  it('makes one typo of the asked kind', () => {
    const rng = createRng(3);
    for (let i = 0; i < 50; i++) {
      const sub = typo('Khamatovich', 'substitution', rng)!;
      expect(distance(sub, 'Khamatovich')).toBe(1);
      expect(sub.length).toBe(11);
      expect(typo('Khamatovich', 'deletion', rng)!.length).toBe(10);
      const t = typo('Khamatovich', 'transposition', rng);
      if (t !== undefined) expect([...t].sort().join('')).toBe([...'Khamatovich'].sort().join(''));
    }
    expect(typo('Ali', 'deletion', rng)).toBeUndefined();
  });

  it('keeps a particle with its name when making initials', () => {
    const initials = middleInitials(['Abd', 'Al', 'Hamid', 'Sulaiman', 'Muhammed'], createRng(1))!;
    expect(initials.slice(0, 3)).toEqual(['Abd', 'Al', 'Hamid']);
    expect(initials.slice(3).map((w) => w.replace('.', ''))).toEqual(['S', 'M']);
    expect(middleInitials(['Abdul', 'Qadeer'], createRng(1))).toBeUndefined();
    expect(middleInitials(['Fethi', 'Ben', 'Rebai'], createRng(1))!.map((w) => w.replace('.', ''))).toEqual(['Fethi', 'R']);
  });

  it('rewrites a legal form in another language', () => {
    expect(findLegalForm('LIMITED LIABILITY COMPANY STEK')).toMatchObject({ group: 0, at: 'start' });
    expect(findLegalForm('GRANPECT CO. LTD.')).toMatchObject({ at: 'end' });
    const v = swapLegalForm('LIMITED LIABILITY COMPANY STEK', createRng(2))!;
    expect(v.text).toMatch(/STEK/);
    expect(v.text).not.toMatch(/^LIMITED LIABILITY COMPANY/);
  });
});

describe('Jaro-Winkler baseline', () => {
  it('gives the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 4);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 4);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });

  it('finds exactly what a naive loop over every name finds', () => {
    const rng = createRng(11);
    const letters = 'abdehiklmnorstuy ';
    // Folded already, as the index keeps names: single spaces, no edges.
    const word = (): string => foldName(Array.from({ length: 4 + rng.int(40) }, () => rng.pick([...letters])).join('')) || 'a';
    const names = Array.from({ length: 400 }, (_, i) => ({ entityId: `e${i % 150}`, name: word() }));
    const index = buildJaroWinklerIndex(names);
    for (let q = 0; q < 60; q++) {
      const query = word();
      const naive = new Map<string, number>();
      for (const n of names) naive.set(n.entityId, Math.max(naive.get(n.entityId) ?? 0, jaroWinkler(query, n.name)));
      const best = Math.max(...naive.values());
      const found = index.search(query, { floor: 0, limit: 1 })[0];
      expect(found?.score ?? 0).toBeCloseTo(best, 12);
      const above = [...naive.values()].filter((s) => s >= 0.8).length;
      expect(index.search(query, { floor: 0.8, limit: 1000 }).length).toBe(above);
    }
  });
});
