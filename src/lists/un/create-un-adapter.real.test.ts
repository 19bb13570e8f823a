import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity, ListRecord } from '../../domain/index.js';
import { createUnAdapter } from './create-un-adapter.js';

const file = path.join(path.resolve(process.cwd(), '../shared/data/un'), 'consolidated_2026-02-27.xml');

describe('createUnAdapter on the UN consolidated list of 2026-02-27', () => {
  const records: ListRecord[] = [];
  const entities = new Map<string, Entity>();

  beforeAll(async () => {
    for await (const record of createUnAdapter({ file }).records()) {
      records.push(record);
      if (record.kind === 'entity') entities.set(record.entity.sourceId, record.entity as Entity);
    }
  });

  const count = (predicate: (entity: Entity) => boolean): number => [...entities.values()].filter(predicate).length;

  it('gives 730 individuals and 273 entities, none invalid', () => {
    expect(records.filter((record) => record.kind === 'invalid')).toEqual([]);
    expect(records).toHaveLength(1003);
    expect(count((entity) => entity.schema === 'Person')).toBe(730);
    expect(count((entity) => entity.schema === 'Organization')).toBe(273);
  });

  it('finds an original-script name on 336 individuals and 42 entities, by script 366 Arabic, 11 Cyrillic, 1 Latin', () => {
    const original = (entity: Entity) => entity.names.find((name) => name.kind === 'original_script');
    expect(count((entity) => entity.schema === 'Person' && original(entity) !== undefined)).toBe(336);
    expect(count((entity) => entity.schema === 'Organization' && original(entity) !== undefined)).toBe(42);
    const scripts = new Map<string, number>();
    for (const entity of entities.values()) {
      const script = original(entity)?.script;
      if (script !== undefined) scripts.set(script, (scripts.get(script) ?? 0) + 1);
    }
    expect(Object.fromEntries(scripts)).toEqual({ Arab: 366, Cyrl: 11, Latn: 1 });
  });

  it('maps Aiman al-Zawahiri (QDi.006): names, date of birth, nationality, passport, listing, links', () => {
    const record = records.find((r) => r.kind === 'entity' && r.entity.sourceId === 'QDi.006');
    expect(record?.kind === 'entity' && record.at).toEqual({ file, line: 14005, record: 'QDi.006' });
    const person = entities.get('QDi.006');
    expect(person?.id).toBe('un-sc:QDi.006');
    expect(person?.caption).toBe('AIMAN MUHAMMED RABI AL-ZAWAHIRI');
    expect(person?.names[0]?.parts?.map((part) => part.value)).toEqual(['AIMAN', 'MUHAMMED', 'RABI', 'AL-ZAWAHIRI']);
    expect(person?.names).toContainEqual({ full: 'أيمن محمد ربيع الظواهري', kind: 'original_script', script: 'Arab' });
    expect(person?.names).toContainEqual({ full: 'Ayman Al-Zawahari', kind: 'alias', script: 'Latn' });
    expect(person?.names).toContainEqual({ full: 'Abu Fatma', kind: 'weak_alias', script: 'Latn' });
    expect(person?.birthDates).toEqual([{ kind: 'exact', date: '1951-06-19' }]);
    expect(person?.birthPlaces).toEqual(['Giza, Egypt']);
    expect(person?.nationalities).toEqual(['EG']);
    expect(person?.documents).toContainEqual({ type: 'passport', number: '1084010', country: 'EG' });
    expect(person?.listings).toEqual([{ authority: 'UN Security Council', program: 'Al-Qaida', listedOn: '2001-01-25', reference: 'QDi.006' }]);
    expect(person?.relations.map((relation) => relation.targetId)).toEqual(['un-sc:QDe.004', 'un-sc:QDe.003']);
  });

  it('keeps QUALITY Low aliases as weak aliases, splitting a name given in two scripts (QDi.299)', () => {
    const weak = entities.get('QDi.299')?.names.filter((name) => name.kind === 'weak_alias').map((name) => name.full);
    expect(weak).toEqual(['أبو دعاء', 'Dr. Ibrahim', 'أبو بكر البغدادي الحسيني القريشي', 'Abu Bakr al-Baghdadi al-Husayni al-Quraishi', 'Abu Bakr al-Baghdadi']);
    // 229 records carry a non-empty QUALITY Low alias in the file.
    expect(count((entity) => entity.names.some((name) => name.kind === 'weak_alias'))).toBe(229);
  });

  it('reads a 1 January date beside the same year as one year-only date (CFi.012)', () => {
    expect(entities.get('CFi.012')?.birthDates).toEqual([{ kind: 'exact', date: '1967' }]);
  });

  it('every relation points at a UN reference of another record', () => {
    for (const entity of entities.values()) {
      for (const relation of entity.relations) {
        expect(relation.targetId).toMatch(/^un-sc:[A-Z]{2}[ie]\.\d{3}$/);
        expect(relation.targetId).not.toBe(entity.id);
      }
    }
  });
});
