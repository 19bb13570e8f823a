import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Entity, type Subject } from '../domain/index.js';
import { buildIndex, createScreener, DEFAULT_THRESHOLDS, MatchIndex, measureCandidateRecall, scoreSubject } from './index.js';

/**
 * Classes of names the engine used to miss or to alert on wrongly, each with a real example
 * (hand-written fixture entries modelled on OFAC and UN listings). The screener must find the
 * listed entity at review or above, or stay clear.
 */
const entities = (JSON.parse(readFileSync(new URL('../../test/fixtures/matching/problem-classes.json', import.meta.url), 'utf8')) as unknown[]).map(
  (e) => Entity.parse(e),
);
const index = buildIndex(entities);
const screener = createScreener(index);
const { review } = DEFAULT_THRESHOLDS;

function hitScore(name: string, id: string, extra: Partial<Subject> = {}): number {
  const hit = screener.screen({ id: 's', name, ...extra }).hits.find((h) => h.entityId === id);
  return hit?.score ?? 0;
}

function topScore(name: string, extra: Partial<Subject> = {}): number {
  return screener.screen({ id: 's', name, ...extra }).hits[0]?.score ?? 0;
}

describe('Russian names re-romanised in another convention', () => {
  it('finds German (Duden) spellings: w, sch, tsch, ch for х, -ow, -witsch', () => {
    expect(hitScore('Aleksandr Michailowitsch Ossipow', 'fx:osipov')).toBeGreaterThanOrEqual(review);
    expect(hitScore('Alexander Michailowitsch Ossipow', 'fx:osipov')).toBeGreaterThanOrEqual(review);
  });

  it('finds ISO 9 and scholarly spellings with háčeks, circumflexes and x for х', () => {
    expect(hitScore('Ûrij Âkovlevič Čajka', 'fx:chayka')).toBeGreaterThanOrEqual(review);
    expect(hitScore('IRINA VIKTOROVNA BELYX', 'fx:belykh')).toBeGreaterThanOrEqual(review);
  });

  it('finds French and passport (ICAO) spellings', () => {
    expect(hitScore('IOULIA ALEKSANDROVNA SERGUEEVA', 'fx:sergeeva')).toBeGreaterThanOrEqual(review);
    expect(hitScore('Iurii Viacheslavovich Afonin', 'fx:afonin')).toBeGreaterThanOrEqual(review);
  });
});

describe('legal forms spelled out, transliterated or mistyped', () => {
  it('reads a romanised Russian form in any romanisation as the abbreviation', () => {
    expect(hitScore('OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTIU LAGGAR PRO', 'fx:laggar')).toBeGreaterThanOrEqual(review);
    expect(hitScore('ООО ЛАГГАР ПРО', 'fx:laggar')).toBeGreaterThanOrEqual(review);
  });

  it('reads a Spanish form spelled out as its abbreviation', () => {
    expect(hitScore('MOREXPRESS SOCIEDAD ANONIMA DE CAPITAL VARIABLE', 'fx:morexpress')).toBeGreaterThanOrEqual(review);
  });

  it('reads a legal form with a slip as the form', () => {
    expect(hitScore('LIMITED LIABILIT COMPANY KOSMOSAVIA', 'fx:kosmosavia')).toBeGreaterThanOrEqual(review);
  });

  it('reads a short weak alias without a schema also as a company name', () => {
    expect(hitScore('UZGA AO', 'fx:uzga')).toBeGreaterThanOrEqual(review);
  });
});

describe('joined and split spellings (name alternatives)', () => {
  it('meets an Arabic-script name written with عبد joined or split', () => {
    expect(hitScore('عبد الحی مطمئن', 'fx:motmaen')).toBeGreaterThanOrEqual(review);
    expect(hitScore('عبدالحق وثيق', 'fx:wasiq')).toBeGreaterThanOrEqual(review);
  });

  it('does not let one part take a joined pair it only partly spells', () => {
    expect(hitScore('KVARTA VK LLC', 'fx:kvarta')).toBeGreaterThanOrEqual(review);
    expect(hitScore('SANATORIUM AY PETRI JSC', 'fx:sanatorium')).toBeGreaterThanOrEqual(review);
  });
});

describe('short names respelled', () => {
  it('meets diphthong spellings and Persian readings of Arabic names', () => {
    expect(hitScore('WALEED ACHMAD ZAYN', 'fx:zein')).toBeGreaterThanOrEqual(review);
    expect(hitScore('Ridha Taghipur', 'fx:taghipour')).toBeGreaterThanOrEqual(review);
  });
});

describe('false alerts that are not raised', () => {
  it('does not take a Chinese surname with another initial for a slip', () => {
    expect(hitScore('藏晨', 'fx:wang')).toBeLessThan(review);
    expect(hitScore('XIN TONG', 'fx:yongxin')).toBeLessThan(review);
  });

  it('does not take another syllable of a name written in Han for a slip', () => {
    expect(hitScore('蓬中海', 'fx:zhonghua')).toBeLessThan(review);
  });

  it('does not join a Chinese given name of two-letter syllables into another word', () => {
    expect(hitScore('堂波', 'fx:tango')).toBeLessThan(review);
  });

  it('does not take words whose vowels sit elsewhere around the same consonants for one name', () => {
    expect(topScore('Silva LTDA')).toBeLessThan(review);
    expect(topScore('Durak Inc')).toBeLessThan(review);
  });
});

describe('the screener and the pure scorer agree', () => {
  it('scores these classes alike through the index and pairwise, and finds all brute force finds', () => {
    const subjects: Subject[] = [
      'Aleksandr Michailowitsch Ossipow',
      'OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTIU LAGGAR PRO',
      'UZGA AO',
      'عبد الحی مطمئن',
      'KVARTA VK LLC',
      'WALEED ACHMAD ZAYN',
    ].map((name, i) => ({ id: `s${i}`, name }));
    const report = measureCandidateRecall(index, subjects);
    expect(report.recall).toBe(1);
    expect(report.scoreMismatches).toEqual([]);
    for (const s of subjects) {
      for (const hit of screener.screen(s).hits) {
        const entity = entities.find((e) => e.id === hit.entityId) as Entity;
        expect(scoreSubject(s, entity, { index }).score).toBeCloseTo(hit.score, 9);
      }
    }
  });

  it('answers alike from its transferable form (alternatives, vowels and syllables travel too)', () => {
    const copy = createScreener(MatchIndex.fromTransferable(structuredClone(index.toTransferable())), { minScore: 0.3 });
    const original = createScreener(index, { minScore: 0.3 });
    for (const name of ['عبد الحی مطمئن', 'KVARTA VK LLC', 'WALEED ACHMAD ZAYN', '蓬中海', 'Silva LTDA', 'UZGA AO']) {
      expect(copy.screen({ id: name, name })).toEqual(original.screen({ id: name, name }));
    }
  });
});

describe('one-word company names', () => {
  it('does not alert on a company whose only word sounds like a listed one', () => {
    const listed = [
      Entity.parse({ id: 'fx:leda', source: 'fx', sourceId: 'leda', schema: 'Organization', caption: 'LEDA LIMITED LIABILITY COMPANY', names: [{ full: 'LEDA LIMITED LIABILITY COMPANY', kind: 'primary' }] }),
      Entity.parse({ id: 'fx:unidas', source: 'fx', sourceId: 'unidas', schema: 'Organization', caption: 'UNIDAS S.A.', names: [{ full: 'UNIDAS S.A.', kind: 'primary' }] }),
    ];
    const small = createScreener(buildIndex([...entities, ...listed]));
    expect(small.screen({ id: 's', name: 'Ledda s.r.l.' }).decision).toBe('clear');
    // A slip in the one word still reaches review: lists' own typos look just like it.
    expect(small.screen({ id: 's', name: 'UNIFAS S.A.' }).hits[0]?.entityId).toBe('fx:unidas');
  });
});
