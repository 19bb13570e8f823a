import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Entity, VigilError, type EntityInput, type ListRecord } from '../../domain/index.js';
import { createNominationsAdapter } from './index.js';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/nominations');

async function collect(records: AsyncIterable<ListRecord>): Promise<ListRecord[]> {
  const out: ListRecord[] = [];
  for await (const record of records) out.push(record);
  return out;
}

function byId(records: ListRecord[]): Map<string, EntityInput> {
  return new Map(
    records.flatMap((record) => (record.kind === 'entity' ? [[record.entity.id, record.entity] as const] : [])),
  );
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigil-nominations-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createNominationsAdapter on CSV', () => {
  it('reads every documented column into the entity', async () => {
    const adapter = createNominationsAdapter({ file: join(FIXTURES, 'nominations.csv'), authority: 'Border Agency' });
    expect(adapter).toMatchObject({ source: 'nominations', mode: 'full' });
    const records = await collect(adapter.records());
    expect(records.filter((record) => record.kind !== 'entity')).toEqual([]);
    const entities = byId(records);
    expect(entities.size).toBe(6);
    for (const entity of entities.values()) expect(Entity.safeParse(entity).success).toBe(true);

    const tariq = must(entities.get('nominations:NOM-2024-001'));
    expect(tariq).toMatchObject({
      sourceId: 'NOM-2024-001',
      schema: 'Person',
      caption: 'Tariq Saleh AL-JUBOURI',
      birthDates: [
        { kind: 'exact', date: '1978-06-12' },
        { kind: 'approximate', date: '1979', raw: 'circa 1979' },
      ],
      birthPlaces: ['Tikrit, Iraq'],
      nationalities: ['IQ', 'SY'],
      gender: 'male',
      documents: [
        { type: 'passport', number: 'B7654321', country: 'IQ' },
        { type: 'passport', number: 'N0012345', country: 'SY' },
      ],
      listings: [{ authority: 'Border Agency', program: 'Counter-terrorism', listedOn: '2024-02-15' }],
      remarks: ['Reason: Facilitates travel of foreign fighters through the border crossings.'],
      relations: [
        { type: 'linked_to', targetId: 'nominations:NOM-2024-004', targetName: 'Al-Rafidain Relief Committee' },
      ],
    });
    expect(tariq.names).toEqual([
      { full: 'Tariq Saleh AL-JUBOURI', kind: 'primary', script: 'Latn' },
      { full: 'طارق صالح الجبوري', kind: 'original_script', script: 'Arab' },
      { full: 'Tareq Salih al-Jabouri', kind: 'alias', script: 'Latn' },
      { full: 'Tariq al-Juburi', kind: 'alias', script: 'Latn' },
      { full: 'Abu Hafs', kind: 'weak_alias', script: 'Latn' },
    ]);
  });

  it('reads ranges, country names, quoted line breaks, and links by name forwards and backwards', async () => {
    const records = await collect(createNominationsAdapter({ file: join(FIXTURES, 'nominations.csv') }).records());
    const entities = byId(records);
    const orlov = must(entities.get('nominations:NOM-2024-002'));
    expect(orlov.birthDates).toEqual([{ kind: 'range', from: '1962', to: '1964', raw: '1962 to 1964' }]);
    expect(orlov.nationalities).toEqual(['RU']);
    expect(orlov.gender).toBe('male');
    expect(orlov.remarks).toEqual(['Reason: Procures dual-use components.', 'Seen in Tallinn, 2023.\nTravels on a second passport.']);
    expect(orlov.relations).toEqual([
      { type: 'linked_to', targetId: 'nominations:NOM-2024-005', targetName: 'Arctic Supply Fleet Ltd' },
      { type: 'linked_to', targetId: 'nominations:NOM-2024-006', targetName: 'NORDIC DAWN' },
    ]);
    expect(orlov.names.find((name) => name.kind === 'original_script')?.script).toBe('Cyrl');
    expect(orlov.listings?.[0]?.authority).toBe('nominations');

    const vessel = must(entities.get('nominations:NOM-2024-006'));
    expect(vessel.schema).toBe('Vessel');
    expect(vessel.relations).toEqual([
      { type: 'linked_to', targetId: 'nominations:NOM-2024-005', targetName: 'Arctic Supply Fleet Ltd' },
      { type: 'linked_to', targetName: 'Unknown Shipping Agent LLC' },
    ]);
    // The row after the multi-line remark still knows where it starts.
    const at = records.map((record) => (record.kind === 'entity' ? record.at.line : -1));
    expect(at).toEqual([2, 3, 5, 6, 7, 8]);
    expect(must(entities.get('nominations:NOM-2024-005')).nationalities).toEqual(['RU', 'CY']);
    expect(must(entities.get('nominations:NOM-2024-003')).documents).toEqual([
      { type: 'national_id', number: 'CC-1098765432', country: 'CO' },
    ]);
  });

  it('yields one invalid record per bad row, naming line and field, and goes on', async () => {
    const records = await collect(createNominationsAdapter({ file: join(FIXTURES, 'nominations-bad-rows.csv') }).records());
    const summary = records.map((record) =>
      record.kind === 'invalid'
        ? ['invalid', record.issue.line, record.issue.field ?? '', record.issue.record ?? '']
        : ['entity', record.kind === 'entity' ? record.at.line : 0, record.kind === 'entity' ? record.entity.sourceId : ''],
    );
    expect(summary).toEqual([
      ['invalid', 2, 'birth_date', 'BAD-1'],
      ['invalid', 3, 'nationality', 'BAD-2'],
      ['invalid', 4, 'name', 'BAD-3'],
      ['invalid', 5, 'gender', 'BAD-4'],
      ['invalid', 6, 'passport_numbers', 'BAD-5'],
      ['invalid', 7, '', 'BAD-6'],
      ['entity', 8, 'OK-7'],
      ['invalid', 9, 'id', 'OK-7'],
      ['invalid', 10, 'birth_date', 'BAD-9'],
    ]);
    const messages = records.flatMap((record) => (record.kind === 'invalid' ? [record.issue.message] : []));
    expect(messages[1]).toMatch(/Atlantis/);
    expect(messages[5]).toMatch(/expected 7 columns, found 4/);
    for (const record of records) if (record.kind === 'invalid') expect(record.issue.file).toMatch(/nominations-bad-rows\.csv$/);
  });

  it('rejects a file whose header has an unknown column, naming it', async () => {
    const file = join(FIXTURES, 'nominations-bad-header.csv');
    const error = await collect(createNominationsAdapter({ file }).records()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VigilError);
    expect(error).toMatchObject({ code: 'LIST_PARSE_FAILED', details: { file, line: 1, field: 'nationalty' } });
    expect((error as Error).message).toContain('nationalty');
  });

  it('rejects a header without a name column and a file with bad UTF-8', async () => {
    const noName = join(dir, 'no-name.csv');
    await writeFile(noName, 'id,aliases\n1,x\n');
    await expect(collect(createNominationsAdapter({ file: noName }).records())).rejects.toMatchObject({
      code: 'LIST_PARSE_FAILED',
      details: { field: 'name' },
    });
    const latin1 = join(dir, 'latin1.csv');
    await writeFile(latin1, Buffer.concat([Buffer.from('id,name\n1,Jos'), Buffer.from([0xe9]), Buffer.from('\n')]));
    await expect(collect(createNominationsAdapter({ file: latin1 }).records())).rejects.toMatchObject({
      code: 'LIST_PARSE_FAILED',
      details: { line: 2 },
    });
  });

  it('rejects an unclosed quote as a file that cannot be read', async () => {
    const file = join(dir, 'unclosed.csv');
    await writeFile(file, 'id,name\n1,"Open quote\n2,Other\n');
    await expect(collect(createNominationsAdapter({ file }).records())).rejects.toMatchObject({ code: 'LIST_PARSE_FAILED' });
  });
});

describe('createNominationsAdapter on JSON lines', () => {
  it('reads arrays or strings, refuses unknown keys per row and reports lines that are not JSON', async () => {
    const records = await collect(createNominationsAdapter({ file: join(FIXTURES, 'nominations.jsonl'), source: 'agency-x' }).records());
    const summary = records.map((record) =>
      record.kind === 'invalid' ? ['invalid', record.issue.line, record.issue.field ?? ''] : ['entity', record.kind === 'entity' ? record.entity.id : ''],
    );
    expect(summary).toEqual([
      ['entity', 'agency-x:J-1'],
      ['entity', 'agency-x:J-2'],
      ['invalid', 3, 'nickname'],
      ['invalid', 4, ''],
      ['entity', 'agency-x:4'],
    ]);
    const entities = byId(records);
    expect(must(entities.get('agency-x:J-1'))).toMatchObject({
      nationalities: ['EG'],
      documents: [{ type: 'passport', number: 'A00123456', country: 'EG' }],
      relations: [{ type: 'linked_to', targetId: 'agency-x:J-2', targetName: 'Nile Delta Charitable Foundation' }],
    });
    expect(must(entities.get('agency-x:J-2'))).toMatchObject({ schema: 'Organization', nationalities: ['EG'] });
    expect(must(entities.get('agency-x:4')).birthDates).toEqual([{ kind: 'approximate', date: '1990', raw: 'circa 1990' }]);
  });
});
