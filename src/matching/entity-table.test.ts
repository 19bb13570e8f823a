import { describe, expect, it } from 'vitest';
import { Entity } from '../domain/index.js';
import { ArrayEntityTable, packEntities, PackedEntityTable } from './entity-table.js';

function entity(fields: Partial<Entity> & Pick<Entity, 'id' | 'source' | 'sourceId' | 'caption' | 'names'>): Entity {
  return Entity.parse({ schema: 'Person', birthDates: [], birthPlaces: [], nationalities: [], citizenships: [], documents: [], addresses: [], listings: [], relations: [], remarks: [], properties: {}, ...fields });
}

/** What a worker's entity carries: everything matching reads, nothing else. */
function matchingFields(e: Entity): Partial<Entity> {
  const { id, source, sourceId, schema, caption, names, birthDates, nationalities, citizenships, documents, gender } = e;
  return { id, source, sourceId, schema, caption, names, birthDates, nationalities, citizenships, documents, ...(gender === undefined ? {} : { gender }) };
}

describe('packed entities (what worker threads read)', () => {
  const entities = [
    // The common case: id derived from source and source id, caption its first name, no facts.
    entity({ id: 'ofac-sdn:17754', source: 'ofac-sdn', sourceId: '17754', caption: 'ABISOV, Sergei', names: [{ full: 'ABISOV, Sergei', kind: 'primary' }] }),
    // An id of another form, a caption that is no name of it, facts and names in other scripts.
    entity({
      id: 'os-sanctions:NK-abc',
      source: 'os-sanctions',
      sourceId: 'abc',
      schema: 'Organization',
      caption: 'Bank «Россия»',
      names: [
        { full: 'BANK ROSSIYA', kind: 'primary' },
        { full: 'Банк «Россия»', kind: 'original_script' },
        { full: 'بنك روسيا', kind: 'weak_alias' },
      ],
      nationalities: ['RU'],
      documents: [{ type: 'other', number: '1027800000084', country: 'RU' }],
    }),
    entity({ id: 'un-sc:QDi.001', source: 'un-sc', sourceId: 'QDi.001', caption: 'Ayman al-Zawahiri', names: [{ full: 'Ayman al-Zawahiri', kind: 'primary' }, { full: 'أيمن الظواهري', kind: 'original_script' }], birthDates: [{ kind: 'exact', date: '1951-06-19' }], gender: 'male' }),
    // A vessel whose only name is written otherwise than its caption.
    entity({ id: 'ofac-sdn:1', source: 'ofac-sdn', sourceId: '1', caption: 'OCEAN SPIRIT', names: [{ full: 'Ocean Spirit', kind: 'primary' }], schema: 'Vessel' }),
  ];

  it('gives back every field matching reads, by position and by id', () => {
    const packed = new PackedEntityTable(packEntities(new ArrayEntityTable(entities)));
    expect(packed.length).toBe(entities.length);
    entities.forEach((e, i) => {
      expect(packed.id(i)).toBe(e.id);
      expect(matchingFields(packed.get(i))).toEqual(matchingFields(e));
      expect(packed.indexOf(e.id)).toBe(i);
    });
    expect(packed.indexOf('ofac-sdn:999')).toBeUndefined();
    expect(() => packed.get(entities.length)).toThrow(RangeError);
  });

  it('writes out only what cannot be derived: one source name for all its entities', () => {
    const many = Array.from({ length: 200 }, (_, n) => entity({ id: `ofac-sdn:${n}`, source: 'ofac-sdn', sourceId: String(n), caption: `NAME ${n}`, names: [{ full: `NAME ${n}`, kind: 'primary' }] }));
    const packed = packEntities(new ArrayEntityTable(many));
    expect(packed.sources).toEqual(['ofac-sdn']);
    const units = many.reduce((sum, e) => sum + e.sourceId.length + e.caption.length, 0);
    expect(packed.text.length).toBe(units);
  });
});
