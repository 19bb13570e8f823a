import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseName, type NameForm } from './index.js';

/**
 * The UN Security Council list gives 366 individuals and entities their name in Arabic or
 * Cyrillic script beside its Latin parts. An officer screening the Arabic spelling must find the
 * Latin one and the other way round: the Latin parts' tokens must meet the original-script
 * tokens on a skeleton or a variant class (the candidate index's keys).
 */

const xml = readFileSync(new URL('../../../shared/data/un/consolidated_2026-02-27.xml', import.meta.url), 'utf8');

interface Listed {
  reference: string;
  original: string;
  latin: string;
}

function individuals(): Listed[] {
  const out: Listed[] = [];
  for (const block of xml.split('<INDIVIDUAL>').slice(1)) {
    const original = /<NAME_ORIGINAL_SCRIPT>([^<]*)</.exec(block)?.[1]?.trim();
    if (original === undefined || original === '') continue;
    const parts = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
      .map((tag) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(block)?.[1]?.trim())
      .filter((p): p is string => p !== undefined && p !== '');
    const reference = /<REFERENCE_NUMBER>([^<]*)</.exec(block)?.[1] ?? '?';
    out.push({ reference, original, latin: parts.join(' ') });
  }
  return out;
}

const keys = (form: NameForm) => [
  ...form.tokens.filter((t) => t.role !== 'particle' && t.role !== 'title'),
  ...form.alternatives,
];

/** Share of the Latin name's identifying tokens that meet a term of the original-script name. */
function meeting(listed: readonly Listed[]): { met: number; total: number; misses: string[] } {
  let met = 0;
  let total = 0;
  const misses: string[] = [];
  for (const l of listed) {
    const latin = analyseName(l.latin, { schema: 'Person' });
    const original = keys(analyseName(l.original, { schema: 'Person' }));
    latin.tokens.forEach((t, i) => {
      if (t.role === 'particle' || t.role === 'title') return;
      total++;
      const spanning = latin.alternatives.filter((a) => a.start <= i && a.end >= i);
      const ok = [t, ...spanning].some((x) =>
        original.some((o) => o.skeleton === x.skeleton || o.variantIds.some((id) => x.variantIds.includes(id))),
      );
      if (ok) met++;
      else misses.push(`${l.reference} ${t.text}`);
    });
  }
  return { met, total, misses };
}

describe('UN list: original-script names meet their Latin spellings', () => {
  const all = individuals();
  const arabic = all.filter((l) => /[\u0600-\u06ff]/.test(l.original));
  const cyrillic = all.filter((l) => /[\u0400-\u04ff]/.test(l.original));

  it('reads the list', () => {
    expect(arabic.length).toBeGreaterThan(300);
    expect(cyrillic.length).toBeGreaterThanOrEqual(8);
  });

  it('meets at least 95% of the Latin name parts of Arabic-script names', () => {
    const { met, total } = meeting(arabic);
    expect(met / total).toBeGreaterThanOrEqual(0.95);
  });

  it('meets every Latin name part of the Cyrillic names', () => {
    expect(meeting(cyrillic).misses).toEqual([]);
  });

  it('meets Saddam Hussein al-Tikriti token by token', () => {
    const latin = analyseName('SADDAM HUSSEIN AL-TIKRITI');
    const arabic = analyseName('صدام حسين التكريتي');
    expect(latin.tokens.map((t) => t.skeleton)).toEqual(arabic.tokens.map((t) => t.skeleton));
  });
});
