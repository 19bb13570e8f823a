import { describe, expect, it } from 'vitest';
import { Entity } from '../domain/index.js';
import { changedFields } from './changed-fields.js';

const base = Entity.parse({
  id: 'un-sc:QDi.001',
  source: 'un-sc',
  sourceId: 'QDi.001',
  schema: 'Person',
  caption: 'Example Person',
  names: [{ full: 'Example Person', kind: 'primary' }],
});

describe('changedFields', () => {
  it('names the top-level fields whose values differ, sorted', () => {
    const after = Entity.parse({ ...base, names: [...base.names, { full: 'Alias', kind: 'alias' }], gender: 'male', remarks: ['new'] });
    expect(changedFields(base, after)).toEqual(['gender', 'names', 'remarks']);
  });

  it('is empty for equal entities whose keys were built in another order', () => {
    const reordered = Entity.parse(Object.fromEntries(Object.entries(base).reverse()));
    expect(changedFields(base, reordered)).toEqual([]);
  });

  it('sees a field that disappears', () => {
    const withGender = Entity.parse({ ...base, gender: 'female' });
    expect(changedFields(withGender, base)).toEqual(['gender']);
  });
});
