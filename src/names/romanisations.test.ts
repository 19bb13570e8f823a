import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseName, type NameForm } from './index.js';

/**
 * Table-driven: every spelling in test/fixtures/names/romanisations.tsv must meet the name as
 * written in its own script. Two forms meet when their identifying parts, joined or split, share
 * a skeleton or a variant class: what the candidate index looks up.
 */

function terms(form: NameForm): { skeleton: string; variantIds: readonly number[] }[] {
  return [
    ...form.tokens.filter((t) => t.role !== 'particle' && t.role !== 'title'),
    ...form.alternatives,
  ];
}

function meet(a: NameForm, b: NameForm): boolean {
  const bt = terms(b);
  return terms(a).some((x) =>
    bt.some((y) => x.skeleton === y.skeleton || x.variantIds.some((id) => y.variantIds.includes(id))),
  );
}

const rows = readFileSync(new URL('../../test/fixtures/names/romanisations.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => {
    const [native = '', spellings = '', note = ''] = line.split('\t');
    return { native, spellings: spellings.split(',').map((s) => s.trim()), note };
  });

describe('romanisations of one name meet', () => {
  it('reads the fixture', () => {
    expect(rows.length).toBeGreaterThan(20);
  });
  for (const row of rows) {
    it(`${row.native}: ${row.note}`, () => {
      const native = analyseName(row.native);
      const missed = row.spellings.filter((s) => !meet(native, analyseName(s)));
      expect(missed).toEqual([]);
    });
  }
});
