import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VigilError, type EntityInput, type InvalidRecord, type ListRecord } from '../../domain/index.js';
import { createOfacAdapter, type OfacAdapterOptions } from './index.js';

const DATA = path.resolve(process.cwd(), '../shared/data/ofac');
const FIXTURES = path.resolve(process.cwd(), 'test/fixtures/ofac');

interface Collected {
  entities: Map<string, EntityInput>;
  order: string[];
  invalid: InvalidRecord[];
}

async function collect(options: OfacAdapterOptions): Promise<Collected> {
  const entities = new Map<string, EntityInput>();
  const order: string[] = [];
  const invalid: InvalidRecord[] = [];
  for await (const record of createOfacAdapter(options).records()) {
    if (record.kind === 'entity') {
      entities.set(record.entity.id, record.entity);
      order.push(record.entity.id);
    } else if (record.kind === 'invalid') invalid.push(record.issue);
  }
  return { entities, order, invalid };
}

const entity = (result: Collected, id: string): EntityInput => {
  const found = result.entities.get(id);
  if (found === undefined) throw new Error(`${id} missing`);
  return found;
};

describe('createOfacAdapter on the 2021-07 SDN trio', async () => {
  const result = await collect({
    source: 'ofac-sdn',
    primary: path.join(DATA, 'sdn_2021-07.csv'),
    aliases: path.join(DATA, 'alt_2021-07.csv'),
    addresses: path.join(DATA, 'add_2021-07.csv'),
  });

  it('yields exactly the 8,976 published entities and no invalid record', () => {
    expect(result.invalid).toEqual([]);
    expect(result.entities.size).toBe(8976);
  });

  it('attaches every alt.csv name and every non-empty add.csv address', () => {
    const all = [...result.entities.values()];
    // 11,541 aka/nka rows, less 6 that repeat a name the entity already has.
    expect(all.flatMap((found) => found.names).filter((name) => name.kind === 'alias')).toHaveLength(11535);
    // 13,837 add.csv rows, less 2,397 with every field `-0-`.
    expect(all.flatMap((found) => found.addresses ?? [])).toHaveLength(11440);
  });

  it('does not turn the trailing 0x1A end-of-file mark into a record', () => {
    // The line before the mark is the last record of the file.
    expect(result.order.at(-1)).toBe('ofac-sdn:32391');
    expect([...result.entities.keys()].some((id) => id.includes('\x1a'))).toBe(false);
  });

  it('reads ofac-sdn:12926 (AL-BADRI) with its DOB, POB, weak and strong aliases and address', () => {
    const badri = entity(result, 'ofac-sdn:12926');
    expect(badri.schema).toBe('Person');
    expect(badri.birthDates).toEqual([{ kind: 'exact', date: '1971', raw: '1971' }]);
    expect(badri.birthPlaces?.some((place) => place.includes('Samarra'))).toBe(true);
    const weak = badri.names.filter((name) => name.kind === 'weak_alias').map((name) => name.full);
    expect(weak).toEqual(expect.arrayContaining(['ABU BAKR AL-BAGHDADI', "ABU DU'A"]));
    expect(badri.names.filter((name) => name.kind === 'alias')).toHaveLength(6);
    expect(badri.names[0]?.parts?.find((part) => part.role === 'family')?.value).toBe('AL-BADRI');
    expect(badri.addresses).toEqual([{ full: 'Iraq', country: 'IQ' }]);
    expect(badri.listings).toEqual([{ authority: 'OFAC', program: 'SDGT' }]);
  });

  it('attaches alt.csv names and add.csv addresses (ofac-sdn:306, BANCO NACIONAL DE CUBA)', () => {
    const bank = entity(result, 'ofac-sdn:306');
    expect(bank.schema).toBe('Organization');
    expect(bank.names.map((name) => [name.full, name.kind])).toEqual([
      ['BANCO NACIONAL DE CUBA', 'primary'],
      ['NATIONAL BANK OF CUBA', 'alias'],
      ['BNC', 'weak_alias'],
    ]);
    expect(bank.addresses).toHaveLength(4);
    expect(bank.addresses?.[0]).toMatchObject({ street: 'Zweierstrasse 35', city: 'Zurich CH-8022', country: 'CH' });
  });

  it('reads vessel columns into properties (ofac-sdn:4234, HERMANN)', () => {
    const vessel = entity(result, 'ofac-sdn:4234');
    expect(vessel.schema).toBe('Vessel');
    expect(vessel.properties).toMatchObject({ callSign: ['CL2685'], vesselFlag: ['Cuba'], tonnage: ['2597'] });
  });

  it('resolves Linked To names to ids in the same file, keeping the name', () => {
    expect(entity(result, 'ofac-sdn:26503').relations).toEqual([
      { type: 'linked_to', targetId: 'ofac-sdn:26367', targetName: 'PETROLEOS DE VENEZUELA, S.A.' },
    ]);
    expect(entity(result, 'ofac-sdn:15431').schema).toBe('Aircraft');
  });
});

describe('createOfacAdapter on other published files', () => {
  it('parses the consolidated (non-SDN) trio: 442 primary records', async () => {
    const result = await collect({
      source: 'ofac-cons',
      primary: path.join(DATA, 'cons_prim.csv'),
      aliases: path.join(DATA, 'cons_alt.csv'),
      addresses: path.join(DATA, 'cons_add.csv'),
    });
    expect(result.invalid).toEqual([]);
    expect(result.entities.size).toBe(442);
    expect(entity(result, 'ofac-cons:9639').names.map((name) => name.full)).toContain('HANIYA, Ismail');
  });

  const history: [string, number][] = [
    ['2024-04-12', 14576], ['2024-04-15', 14598], ['2024-04-18', 14624], ['2024-04-19', 14630],
    ['2024-04-23', 14641], ['2024-04-25', 14670], ['2024-04-26', 14668], ['2024-05-01', 14966],
    ['2024-05-02', 14973], ['2024-05-03', 14965],
  ];
  it.each(history)('parses history/sdn_%s.csv alone with no invalid record (%i entities)', async (date, count) => {
    const result = await collect({ source: 'ofac-sdn', primary: path.join(DATA, 'history', `sdn_${date}.csv`) });
    expect(result.invalid).toEqual([]);
    expect(result.entities.size).toBe(count);
  });
});

describe('createOfacAdapter on broken input', () => {
  it('yields malformed rows as invalid records naming file, line and field, and goes on', async () => {
    const primary = path.join(FIXTURES, 'malformed-sdn.csv');
    const aliases = path.join(FIXTURES, 'malformed-alt.csv');
    const result = await collect({ source: 'ofac-sdn', primary, aliases, addresses: path.join(FIXTURES, 'malformed-add.csv') });
    expect([...result.entities.keys()]).toEqual(['ofac-sdn:100', 'ofac-sdn:106']);
    expect(result.invalid.map(({ file, line, record, field }) => [path.basename(file), line, record, field])).toEqual([
      ['malformed-alt.csv', 2, '106', 'alt_type'],
      ['malformed-sdn.csv', 2, '101', 'Remarks'],
      ['malformed-sdn.csv', 3, undefined, 'ent_num'],
      ['malformed-sdn.csv', 4, '103', 'SDN_Name'],
      ['malformed-sdn.csv', 5, '104', 'SDN_Name'],
      ['malformed-sdn.csv', 6, '105', 'SDN_Type'],
      ['malformed-sdn.csv', 7, '100', 'ent_num'],
      ['malformed-alt.csv', 3, '999', 'ent_num'],
    ]);
    expect(result.invalid[3]?.message).toBe('unterminated quoted field');
  });

  it('keeps unknown clauses in remarks and joins the side files', async () => {
    const result = await collect({
      source: 'ofac-sdn',
      primary: path.join(FIXTURES, 'malformed-sdn.csv'),
      aliases: path.join(FIXTURES, 'malformed-alt.csv'),
      addresses: path.join(FIXTURES, 'malformed-add.csv'),
    });
    const person = entity(result, 'ofac-sdn:100');
    expect(person.remarks).toEqual(['Known as the fixture person']);
    expect(person.names.map((name) => name.kind)).toEqual(['primary', 'alias', 'weak_alias']);
    expect(person.addresses).toEqual([{ full: '1 Main Street, Samarra, Iraq', street: '1 Main Street', city: 'Samarra', country: 'IQ' }]);
    const vessel = entity(result, 'ofac-sdn:106');
    expect(vessel.relations).toEqual([{ type: 'linked_to', targetId: 'ofac-sdn:100', targetName: 'GOOD, Person One' }]);
    expect(vessel.addresses).toEqual([{ full: 'Region: Crimea', region: 'Crimea', note: 'Region: Crimea' }]);
    expect(vessel.properties).toMatchObject({ imoNumber: ['9187629'], mmsi: ['422031200'] });
  });

  const failure = async (primary: string): Promise<VigilError> => {
    try {
      await collect({ source: 'ofac-sdn', primary });
    } catch (error) {
      if (error instanceof VigilError) return error;
      throw error;
    }
    throw new Error('expected a failure');
  };

  it('throws LIST_PARSE_FAILED naming file and line for a byte that is not UTF-8', async () => {
    const error = await failure(path.join(FIXTURES, 'bad-encoding-sdn.csv'));
    expect(error.code).toBe('LIST_PARSE_FAILED');
    expect(error.details).toMatchObject({ line: 2, column: 9, byte: '0xC9' });
    expect(error.message).toContain('bad-encoding-sdn.csv: line 2');
  });

  it('throws LIST_PARSE_FAILED for a file that ends inside a record', async () => {
    const error = await failure(path.join(FIXTURES, 'truncated-sdn.csv'));
    expect(error.code).toBe('LIST_PARSE_FAILED');
    expect(error.details).toMatchObject({ line: 2, record: '202' });
    expect(error.message).toMatch(/truncated-sdn\.csv: line 2: the file ends inside a record/);
  });

  it('throws LIST_PARSE_FAILED for a file that cannot be read', async () => {
    expect((await failure(path.join(FIXTURES, 'missing.csv'))).code).toBe('LIST_PARSE_FAILED');
  });
});
