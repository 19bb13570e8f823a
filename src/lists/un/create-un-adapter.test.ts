import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VigilError, type Entity, type ListRecord } from '../../domain/index.js';
import { createUnAdapter } from './create-un-adapter.js';

const fixtures = path.resolve(process.cwd(), 'test/fixtures/un');
const fixture = (name: string): string => path.join(fixtures, name);

async function collect(file: string): Promise<ListRecord[]> {
  const records: ListRecord[] = [];
  for await (const record of createUnAdapter({ file }).records()) records.push(record);
  return records;
}

async function entity(file: string, sourceId: string): Promise<Entity> {
  for (const record of await collect(file)) {
    if (record.kind === 'entity' && record.entity.sourceId === sourceId) return record.entity as Entity;
  }
  throw new Error(`${sourceId} not found`);
}

/** The error a file is refused with, and the records yielded before it. */
async function refusal(file: string): Promise<VigilError & { yielded: ListRecord[] }> {
  const yielded: ListRecord[] = [];
  try {
    for await (const record of createUnAdapter({ file }).records()) yielded.push(record);
  } catch (error) {
    if (error instanceof VigilError) return Object.assign(error, { yielded });
    throw error;
  }
  throw new Error(`${file} was not refused`);
}

describe('createUnAdapter on a hand-written list', () => {
  const small = fixture('small.xml');

  it('is a full list with the source id un-sc and the generation date of the file', () => {
    const adapter = createUnAdapter({ file: small });
    expect(adapter.source).toBe('un-sc');
    expect(adapter.mode).toBe('full');
    expect(adapter.publishedAt()).toBe('2026-01-15T10:00:00.000Z');
  });

  it('streams every record in file order with the line its element starts on', async () => {
    const records = await collect(small);
    expect(records.map((record) => (record.kind === 'invalid' ? `invalid@${record.issue.line}` : `${record.kind === 'entity' ? record.entity.id : ''}@${record.kind === 'entity' ? record.at.line : 0}`))).toEqual([
      'un-sc:XXi.001@5',
      'invalid@139',
      'invalid@146',
      'un-sc:XXi.003@158',
      'un-sc:XXe.001@169',
    ]);
  });

  it('maps INDIVIDUAL to a Person with positional name parts and the original script', async () => {
    const person = await entity(small, 'XXi.001');
    expect(person.schema).toBe('Person');
    expect(person.caption).toBe('JOHN QUINCY EXAMPLE AL-SAMPLE');
    expect(person.names[0]).toEqual({
      full: 'JOHN QUINCY EXAMPLE AL-SAMPLE',
      kind: 'primary',
      script: 'Latn',
      parts: ['JOHN', 'QUINCY', 'EXAMPLE', 'AL-SAMPLE'].map((value) => ({ role: 'part', value })),
    });
    expect(person.names).toContainEqual({ full: 'جون كوينسي إكزامبل', kind: 'original_script', script: 'Arab' });
  });

  it('reads alias quality: Good and a.k.a. and blank are aliases, Low is weak; empty aliases are skipped', async () => {
    const names = (await entity(small, 'XXi.001')).names.filter((name) => name.kind !== 'primary' && name.kind !== 'original_script');
    expect(names.map((name) => [name.kind, name.full])).toEqual([
      ['alias', 'Johnny Example'],
      ['weak_alias', 'Abu Example'],
      ['alias', 'J. Q. Sample'],
      ['alias', 'Ivan Example'],
      ['alias', 'Иван Пример'],
      ['alias', 'Jon Exampel'],
      ['alias', 'Jonn Exampol'],
    ]);
  });

  it('keeps what an alias says about birth and use in the remarks', async () => {
    const person = await entity(small, 'XXi.001');
    expect(person.remarks).toContain('Alias "J. Q. Sample": date of birth 1970-05-05; place of birth Basra, Iraq; used on a false passport');
  });

  it('maps every kind of date of birth, reading 1 January as the year alone', async () => {
    const person = await entity(small, 'XXi.001');
    expect(person.birthDates).toEqual([
      { kind: 'exact', date: '1971-03-02' },
      { kind: 'exact', date: '1972' },
      { kind: 'approximate', date: '1966' },
      { kind: 'range', from: '1965', to: '1969', raw: 'Approximately' },
      { kind: 'exact', date: '1960' },
      { kind: 'exact', date: '1973-11', raw: 'Nov. 1973' },
    ]);
  });

  it('resolves nationalities to alpha-2, keeps an unknown country verbatim and drops "na"', async () => {
    const person = await entity(small, 'XXi.001');
    expect(person.nationalities).toEqual(['IQ', 'IR']);
    expect(person.remarks).toContain('Nationality: Atlantis');
    expect(person.remarks.join(' ')).not.toMatch(/Nationality: na/);
    expect(person.gender).toBe('male');
  });

  it('maps birth places, documents and addresses', async () => {
    const person = await entity(small, 'XXi.001');
    expect(person.birthPlaces).toEqual(['Mosul, Nineveh, Iraq']);
    expect(person.documents).toEqual([
      { type: 'passport', number: 'A1234567', country: 'IQ', note: 'issued 2010-06-01; expired 2015' },
      { type: 'national_id', number: '987654321', country: 'SY', note: 'National Identification Number (Civil identification number)' },
    ]);
    expect(person.remarks).toContain('Document: Examplish passport number X 55 issued 1999');
    expect(person.addresses).toEqual([
      {
        full: '12 Example Street, Baghdad, Baghdad Governorate, 10001, Iraq',
        street: '12 Example Street',
        city: 'Baghdad',
        region: 'Baghdad Governorate',
        postalCode: '10001',
        country: 'IQ',
        note: 'previous address',
      },
    ]);
  });

  it('records the listing, title, designation and comments', async () => {
    const person = await entity(small, 'XXi.001');
    expect(person.listings).toEqual([{ authority: 'UN Security Council', program: 'Al-Qaida', listedOn: '2015-04-07', reference: 'XXi.001' }]);
    expect(person.properties['title']).toEqual(['Dr.']);
    expect(person.properties['designation']).toEqual(['Treasurer']);
    expect(person.remarks[0]).toMatch(/^Leader of Example Front \(XXe\.001\)\. Associated with Jane Doe/);
  });

  it('links only parenthesised reference numbers of other parties', async () => {
    const person = await entity(small, 'XXi.001');
    expect(person.relations.map((relation) => relation.targetId)).toEqual(['un-sc:XXe.001', 'un-sc:XXi.003']);
    expect(person.relations[0]).toEqual({ type: 'associate', targetId: 'un-sc:XXe.001', note: 'Leader of Example Front (XXe.001).' });
    const organisation = await entity(small, 'XXe.001');
    expect(organisation.relations.map((relation) => relation.targetId)).toEqual(['un-sc:XXi.001']);
  });

  it('maps ENTITY to an Organization with f.k.a. as a former name and its addresses', async () => {
    const organisation = await entity(small, 'XXe.001');
    expect(organisation.schema).toBe('Organization');
    expect(organisation.names.map((name) => [name.kind, name.full, name.script])).toEqual([
      ['primary', 'EXAMPLE FRONT', 'Latn'],
      ['original_script', 'Пример Фронт', 'Cyrl'],
      ['alias', 'Example Front (EF)', 'Latn'],
      ['former', 'Old Example Society', 'Latn'],
      ['alias', 'Front of Examples', 'Latn'],
    ]);
    expect(organisation.addresses).toEqual([
      { full: '1 Sample Road, Hong Kong, China, Hong Kong Special Administrative Region', street: '1 Sample Road', city: 'Hong Kong', country: 'HK' },
      { note: 'Branch offices in several countries' },
    ]);
  });

  it('reads predefined entities and CDATA as text', async () => {
    expect((await entity(small, 'XXi.003')).caption).toBe('JANE DOE & SONS');
  });

  it('yields a record without REFERENCE_NUMBER or with a bad date as invalid and goes on', async () => {
    const invalid = (await collect(small)).filter((record) => record.kind === 'invalid');
    expect(invalid.map((record) => record.kind === 'invalid' && record.issue)).toEqual([
      { file: small, line: 139, field: 'REFERENCE_NUMBER', message: 'the INDIVIDUAL has no REFERENCE_NUMBER (DATAID 2)' },
      { file: small, line: 146, record: 'XXi.002', field: 'INDIVIDUAL_DATE_OF_BIRTH/DATE', message: '"1970-13-45" is not a date (YYYY-MM-DD)' },
    ]);
  });
});

describe('createUnAdapter refusing files', () => {
  it('refuses a truncated file, naming the file and the line, after the records before the cut', async () => {
    const file = fixture('truncated.xml');
    const error = await refusal(file);
    expect(error.yielded.map((record) => record.kind === 'entity' && record.entity.id)).toEqual(['un-sc:XXi.001']);
    expect(error).toMatchObject({ code: 'LIST_PARSE_FAILED', details: { file, line: 15 } });
    expect(error.message).toContain(`${file}, line 15`);
    expect(error.message).toContain('unclosed tag');
  });

  it('refuses a billion-laughs DOCTYPE before expanding anything', async () => {
    const file = fixture('billion-laughs.xml');
    const error = await refusal(file);
    expect(error.code).toBe('LIST_PARSE_FAILED');
    expect(error.details).toMatchObject({ file, line: 13 });
    expect(error.message).toMatch(/declares entities/);
    expect(error.yielded).toEqual([]);
  });

  it('refuses an external entity and never reads the file it names', async () => {
    const file = fixture('external-entity.xml');
    const error = await refusal(file);
    expect(error.code).toBe('LIST_PARSE_FAILED');
    expect(error.details).toMatchObject({ file, line: 4 });
    expect(error.yielded).toEqual([]);
  });

  it('refuses a reference to an entity XML does not predefine', async () => {
    const file = fixture('unknown-entity.xml');
    const error = await refusal(file);
    expect(error.code).toBe('LIST_PARSE_FAILED');
    expect(error.details).toMatchObject({ file, line: 5 });
    expect(error.message).toMatch(/undefined entity/);
  });

  it('says the format is unknown when the root is not CONSOLIDATED_LIST', async () => {
    const error = await refusal(fixture('not-a-list.xml'));
    expect(error.code).toBe('LIST_FORMAT_UNKNOWN');
    expect(createUnAdapter({ file: fixture('not-a-list.xml') }).publishedAt()).toBeUndefined();
  });

  it('reports a missing file as LIST_PARSE_FAILED', async () => {
    const error = await refusal(fixture('does-not-exist.xml'));
    expect(error.code).toBe('LIST_PARSE_FAILED');
    expect(() => createUnAdapter({ file: fixture('does-not-exist.xml') }).publishedAt()).toThrow(
      expect.objectContaining({ code: 'LIST_PARSE_FAILED' }),
    );
  });

  it('rejects a source id that is not one', () => {
    expect(() => createUnAdapter({ file: fixture('small.xml'), source: 'UN SC' })).toThrow(VigilError);
  });
});
