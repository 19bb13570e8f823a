import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Entity, VigilError, type EntityInput, type ListRecord } from '../../domain/index.js';
import { createFtmAdapter, createFtmDeltaAdapter } from './index.js';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/ftm');
const FULL = join(FIXTURES, 'entities.ftm.json');

async function collect(records: AsyncIterable<ListRecord>): Promise<ListRecord[]> {
  const out: ListRecord[] = [];
  for await (const record of records) out.push(record);
  return out;
}

function entitiesById(records: ListRecord[]): Map<string, EntityInput> {
  const map = new Map<string, EntityInput>();
  for (const record of records) if (record.kind === 'entity') map.set(record.entity.id, record.entity);
  return map;
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigil-ftm-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createFtmAdapter on an OpenSanctions-style export', () => {
  it('streams the screenable entities, skips other schemata and counts what it folded', async () => {
    const adapter = createFtmAdapter({ file: FULL });
    expect(adapter.source).toBe('ftm');
    expect(adapter.mode).toBe('full');
    const records = await collect(adapter.records());
    expect(records.filter((r) => r.kind !== 'entity')).toEqual([]);
    const entities = entitiesById(records);
    expect([...entities.keys()].sort()).toEqual(
      [
        'ftm:NK-Arm3dGr0up',
        'ftm:NK-Kh4lidM4nsour1',
        'ftm:NK-M4r14RuizC',
        'ftm:NK-N0rth3rnSt4r',
        'ftm:NK-R4A12345',
        'ftm:NK-S3rg3iV0lk0v',
        'ftm:NK-V0lg4M4r1t1me',
      ].sort(),
    );
    for (const entity of entities.values()) expect(Entity.safeParse(entity).success).toBe(true);
    expect(adapter.stats()).toMatchObject({
      entities: 7,
      invalid: 0,
      folded: 14,
      unattached: 1, // the Sanction on a Security
      skipped: { Position: 1, Security: 1 },
    });
  });

  it('maps an Arabic-script person with names, dates, a sanction before and a passport after it', async () => {
    const entities = entitiesById(await collect(createFtmAdapter({ file: FULL }).records()));
    const person = must(entities.get('ftm:NK-Kh4lidM4nsour1'));
    expect(person).toMatchObject({
      source: 'ftm',
      sourceId: 'NK-Kh4lidM4nsour1',
      schema: 'Person',
      caption: 'Khalid Hamad AL-MANSOURI',
      birthDates: [
        { kind: 'exact', date: '1971-03-14' },
        { kind: 'exact', date: '1972' },
      ],
      birthPlaces: ['Mosul, Iraq'],
      nationalities: ['IQ'],
      gender: 'male',
    });
    expect(person.names).toEqual([
      {
        full: 'Khalid Hamad AL-MANSOURI',
        kind: 'primary',
        script: 'Latn',
        parts: [
          { role: 'given', value: 'Khalid' },
          { role: 'patronymic', value: 'Hamad' },
          { role: 'family', value: 'AL-MANSOURI' },
        ],
      },
      { full: 'خالد حمد المنصوري', kind: 'original_script', script: 'Arab' },
      { full: 'Khaled Hamad al-Mansuri', kind: 'alias', script: 'Latn' },
      { full: 'Abu Yasir al-Iraqi', kind: 'alias', script: 'Latn' },
      { full: 'Abu Yasir', kind: 'weak_alias', script: 'Latn' },
    ]);
    expect(person.listings).toEqual([
      { authority: 'Office of Foreign Assets Control', program: 'SDGT', listedOn: '2015-09-29', reference: '31245' },
    ]);
    expect(person.documents).toEqual([
      { type: 'passport', number: 'A1234567', country: 'IQ', note: 'Passport; issued 2010-06-01; expires 2020-05-31' },
    ]);
    expect(person.relations).toEqual([
      { type: 'member_of', targetId: 'ftm:NK-Arm3dGr0up', note: 'member of (financier)' },
      { type: 'associate', targetId: 'ftm:NK-M4r14RuizC', note: 'associate (business associate)' },
    ]);
    expect(person.remarks).toEqual([
      'Financial facilitator; see also UN QDi.999.',
      'Office of Foreign Assets Control: Financier for an armed group in northern Iraq.',
    ]);
    expect(person.properties).toMatchObject({
      topics: ['sanction'],
      programId: ['US-TSRSM'],
      title: ['Sheikh'],
      referents: ['ofac-31245', 'unsc-qdi999'],
      datasets: ['us_ofac_sdn', 'un_sc_sanctions'],
      target: ['true'],
    });
  });

  it('attaches Cyrillic name parts to the Cyrillic name and keeps region codes it cannot map', async () => {
    const entities = entitiesById(await collect(createFtmAdapter({ file: FULL }).records()));
    const person = must(entities.get('ftm:NK-S3rg3iV0lk0v'));
    const cyrillic = person.names.find((name) => name.script === 'Cyrl');
    expect(cyrillic).toEqual({
      full: 'Сергей Петрович Волков',
      kind: 'original_script',
      script: 'Cyrl',
      parts: [
        { role: 'given', value: 'Сергей' },
        { role: 'patronymic', value: 'Петрович' },
        { role: 'family', value: 'Волков' },
      ],
    });
    expect(person.names[0]?.parts?.map((part) => part.value)).toEqual(['Sergei', 'Petrovich', 'VOLKOV']);
    expect(person.birthDates).toEqual([{ kind: 'exact', date: '1965-11' }]);
    expect(person.citizenships).toEqual(['SU']);
    expect(person.properties?.citizenship).toEqual(['ge-ab']);
    // The internal passport repeats idNumber: one national id, with the folded record's country.
    expect(person.documents).toEqual([
      { type: 'national_id', number: '4509 123456', country: 'RU', note: 'Internal passport' },
    ]);
    expect(person.listings).toEqual([
      {
        authority: 'European Union',
        program: "Restrictive measures in view of Russia's actions destabilising the situation in Ukraine",
        listedOn: '2022-03-09',
      },
    ]);
    expect(person.relations).toEqual([
      { type: 'family', targetId: 'ftm:NK-M4r14RuizC', note: 'relative of (spouse)' },
      { type: 'linked_to', targetId: 'ftm:NK-V0lg4M4r1t1me', note: 'director of (General Director)' },
    ]);
  });

  it('keeps what it cannot type (a circa date) and resolves country names', async () => {
    const entities = entitiesById(await collect(createFtmAdapter({ file: FULL }).records()));
    const person = must(entities.get('ftm:NK-M4r14RuizC'));
    expect(person.birthDates).toEqual([{ kind: 'exact', date: '1980' }]);
    expect(person.properties?.birthDate).toEqual(['circa 1981']);
    expect(person.nationalities).toEqual(['VE', 'CO']);
    expect(person.gender).toBe('female');
    expect(person.names.map((name) => [name.kind, name.full])).toEqual([
      ['primary', 'Maria Elena RUIZ CASTRO'],
      ['former', 'Maria Elena RUIZ'],
    ]);
    expect(person.addresses).toEqual([{ full: 'Avenida Libertador 120, Caracas, Venezuela' }]);
    expect(person.documents).toEqual([{ type: 'tax_id', number: 'V-12345678-9' }]);
    expect(person.listings).toEqual([
      { authority: 'Office of Foreign Assets Control', program: 'VENEZUELA-EO13850', listedOn: '2019-04-17' },
    ]);
  });

  it('maps a company, a vessel and an aircraft with their identifiers, address and ownership', async () => {
    const entities = entitiesById(await collect(createFtmAdapter({ file: FULL }).records()));
    const company = must(entities.get('ftm:NK-V0lg4M4r1t1me'));
    expect(company.schema).toBe('Organization');
    expect(company.names.map((name) => name.kind)).toEqual(['primary', 'original_script', 'alias']);
    expect(company.addresses).toEqual([
      {
        full: 'ul. Naberezhnaya 5, 414000 Astrakhan, Russia',
        street: 'ul. Naberezhnaya 5',
        city: 'Astrakhan',
        postalCode: '414000',
        country: 'RU',
      },
    ]);
    expect(company.documents).toEqual([
      { type: 'tax_id', number: '7701234567', note: 'INN' },
      { type: 'registration', number: '1127746012345' },
    ]);
    expect(company.listings?.map((listing) => listing.program)).toEqual(['IRAN']);
    expect(company.relations).toEqual([
      { type: 'other', targetId: 'ftm:NK-N0rth3rnSt4r', note: 'owns (100%)' },
      { type: 'linked_to', targetId: 'ftm:NK-S3rg3iV0lk0v', note: 'director (General Director)' },
      { type: 'linked_to', targetId: 'ftm:NK-M4r14RuizC', note: 'linked to (Linked To)' },
    ]);
    expect(company.properties?.jurisdiction).toEqual(['ru']);

    const vessel = must(entities.get('ftm:NK-N0rth3rnSt4r'));
    expect(vessel.schema).toBe('Vessel');
    expect(vessel.names.map((name) => [name.kind, name.full])).toEqual([
      ['primary', 'NORTHERN STAR'],
      ['former', 'SEA EAGLE'],
    ]);
    expect(vessel.documents).toEqual([{ type: 'other', number: 'IMO9123456', note: 'IMO number' }]);
    expect(vessel.properties).toMatchObject({ imoNumber: ['IMO9123456'], flag: ['km'], callSign: ['D6A2345'] });
    expect(vessel.relations).toEqual([{ type: 'owned_by', targetId: 'ftm:NK-V0lg4M4r1t1me', note: 'owned by (100%)' }]);
    expect(vessel.listings).toEqual([{ authority: 'Office of Foreign Assets Control', program: 'IRAN', listedOn: '2023-02-01' }]);

    expect(entities.get('ftm:NK-R4A12345')?.schema).toBe('Aircraft');
    const group = must(entities.get('ftm:NK-Arm3dGr0up'));
    expect(group.names.map((name) => [name.kind, name.script])).toEqual([
      ['primary', 'Latn'],
      ['original_script', 'Arab'],
      ['weak_alias', 'Latn'],
    ]);
    expect(group.relations).toEqual([{ type: 'other', targetId: 'ftm:NK-Kh4lidM4nsour1', note: 'has member (financier)' }]);
  });

  it('prefixes ids with the source it is given and refuses a malformed source id', async () => {
    const records = await collect(createFtmAdapter({ file: FULL, source: 'os-default' }).records());
    const first = records.find((record) => record.kind === 'entity');
    expect(first?.kind === 'entity' && first.entity.id).toBe('os-default:NK-Kh4lidM4nsour1');
    expect(() => createFtmAdapter({ file: FULL, source: 'Bad Source' })).toThrow(VigilError);
  });

  it('folds the same way whatever the order of the lines', async () => {
    const lines = (await readFile(FULL, 'utf8')).trim().split('\n');
    const expected = entitiesById(await collect(createFtmAdapter({ file: FULL }).records()));
    const sortAll = (entity: EntityInput): unknown => ({
      ...entity,
      listings: [...(entity.listings ?? [])].map((l) => JSON.stringify(l)).sort(),
      relations: [...(entity.relations ?? [])].map((r) => JSON.stringify(r)).sort(),
      documents: [...(entity.documents ?? [])].map((d) => JSON.stringify(d)).sort(),
      remarks: [...(entity.remarks ?? [])].sort(),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(lines, { minLength: lines.length }), async (shuffled) => {
        const file = join(dir, `shuffled-${run++}.json`);
        await writeFile(file, `${shuffled.join('\n')}\n`);
        const actual = entitiesById(await collect(createFtmAdapter({ file }).records()));
        expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [id, entity] of expected) expect(sortAll(must(actual.get(id)))).toEqual(sortAll(entity));
      }),
      { numRuns: 15 },
    );
  });
});

describe('createFtmAdapter on bad input', () => {
  it('reports bad lines as invalid, in line order, and goes on streaming', async () => {
    const adapter = createFtmAdapter({ file: join(FIXTURES, 'entities-bad.ftm.json') });
    const records = await collect(adapter.records());
    const summary = records.map((record) =>
      record.kind === 'invalid'
        ? ['invalid', record.issue.line, record.issue.field, record.issue.record]
        : record.kind === 'entity'
          ? ['entity', record.at.line, record.entity.id]
          : ['delete', record.at.line],
    );
    expect(summary).toEqual([
      ['entity', 1, 'ftm:NK-G00dP3rs0n'],
      ['invalid', 2, undefined, undefined],
      ['invalid', 3, 'schema', 'NK-Sp4c3'],
      ['invalid', 4, 'id', undefined],
      ['invalid', 6, 'properties.entity', 'sanc-orphan'],
      ['invalid', 7, 'caption', 'NK-N0N4me'],
      ['entity', 8, 'ftm:NK-L4stG00d'],
    ]);
    const invalid = records.filter((record) => record.kind === 'invalid');
    for (const record of invalid) expect(record.issue.file).toContain('entities-bad.ftm.json');
    expect(invalid[0]?.kind === 'invalid' && invalid[0].issue.message).toMatch(/not valid JSON/);
    expect(invalid[1]?.kind === 'invalid' && invalid[1].issue.message).toMatch(/Spaceship/);
    const good = must(entitiesById(records).get('ftm:NK-G00dP3rs0n'));
    expect(good.birthDates).toEqual([]);
    expect(good.properties?.birthDate).toEqual(['1969-02-30']);
    expect(adapter.stats().invalid).toBe(5);
  });

  it('throws LIST_PARSE_FAILED naming the file and line of bad UTF-8', async () => {
    const file = join(dir, 'latin1.ftm.json');
    const good = '{"id": "a", "schema": "Person", "properties": {"name": ["Ali"]}}\n';
    const bad = Buffer.concat([
      Buffer.from('{"id": "b", "schema": "Person", "properties": {"name": ["Jos'),
      Buffer.from([0xe9]),
      Buffer.from('"]}}\n'),
    ]);
    await writeFile(file, Buffer.concat([Buffer.from(good), Buffer.from(good.replace('"a"', '"c"')), bad]));
    const error = await collect(createFtmAdapter({ file }).records()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VigilError);
    expect(error).toMatchObject({ code: 'LIST_PARSE_FAILED', details: { file, line: 3 } });
    expect((error as VigilError).message).toContain('line 3');
  });

  it('throws LIST_PARSE_FAILED for a file that does not exist', async () => {
    await expect(collect(createFtmAdapter({ file: join(dir, 'missing.json') }).records())).rejects.toMatchObject({
      code: 'LIST_PARSE_FAILED',
    });
  });
});

describe('createFtmDeltaAdapter', () => {
  it('yields ADD and MOD as entities, DEL as deletes, and reports what it cannot apply', async () => {
    const adapter = createFtmDeltaAdapter({ file: join(FIXTURES, 'entities.delta.json'), source: 'ftm' });
    expect(adapter.mode).toBe('delta');
    const records = await collect(adapter.records());
    const summary = records.map((record) =>
      record.kind === 'invalid'
        ? ['invalid', record.issue.line, record.issue.field]
        : record.kind === 'entity'
          ? ['entity', record.at.line, record.entity.id]
          : ['delete', record.at.line, record.id],
    );
    expect(summary).toEqual([
      ['entity', 1, 'ftm:NK-N3wP3rs0n'],
      ['entity', 2, 'ftm:NK-N0rth3rnSt4r'],
      ['delete', 3, 'ftm:NK-M4r14RuizC'],
      ['invalid', 6, 'op'],
      ['invalid', 7, 'entity.id'],
      // A changed Sanction of an entity the delta does not carry cannot be applied alone.
      ['invalid', 5, 'entity'],
    ]);
    const added = must(entitiesById(records).get('ftm:NK-N3wP3rs0n'));
    expect(added.listings).toEqual([
      { authority: 'Office of Foreign Assets Control', program: 'SDGT', listedOn: '2024-04-30' },
    ]);
    expect(added.names.map((name) => name.kind)).toEqual(['primary', 'original_script']);
    const vessel = must(entitiesById(records).get('ftm:NK-N0rth3rnSt4r'));
    expect(vessel.names.filter((name) => name.kind === 'former').map((name) => name.full)).toEqual([
      'SEA EAGLE',
      'OCEAN PEARL',
    ]);
    const unapplied = records.at(-1);
    expect(unapplied?.kind === 'invalid' && unapplied.issue.message).toMatch(/NK-S3rg3iV0lk0v/);
    expect(adapter.stats()).toMatchObject({ entities: 2, deletes: 1, invalid: 3 });
  });
});
