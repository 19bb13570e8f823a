import type { EntityInput, ListRecord } from '../../src/domain/index.js';

/**
 * Hand-made list records for store tests, so they need no list adapter: entities with a
 * few fields that a `variant` number changes, and streams that carry them with line numbers.
 */
export function person(source: string, n: number, variant = 0): EntityInput {
  const sourceId = String(n);
  return {
    id: `${source}:${sourceId}`,
    source,
    sourceId,
    schema: n % 7 === 0 ? 'Organization' : 'Person',
    caption: `Person ${n}`,
    names: [
      { full: `Person ${n}`, kind: 'primary' },
      ...(variant % 2 === 1 ? [{ full: `Alias ${n}-${variant}`, kind: 'alias' as const }] : []),
    ],
    birthDates: variant >= 2 ? [{ kind: 'exact', date: `19${String(50 + (variant % 50)).padStart(2, '0')}` }] : [],
    nationalities: ['IR'],
    listings: [{ authority: 'Test', program: `PROGRAM-${n % 5}` }],
    remarks: [`remark for ${n}`],
  };
}

/** A file's worth of records, one per line from line 1. */
export async function* recordsOf(entities: Iterable<EntityInput | ListRecord>, file = 'list.test'): AsyncGenerator<ListRecord> {
  let line = 0;
  for (const item of entities) {
    line += 1;
    if ('kind' in item && (item.kind === 'entity' || item.kind === 'delete' || item.kind === 'invalid')) {
      yield item as ListRecord;
    } else {
      const entity = item as EntityInput;
      yield { kind: 'entity', entity, at: { file, line, record: entity.sourceId } };
    }
  }
}

export function deleteRecord(id: string, line: number, file = 'delta.test'): ListRecord {
  return { kind: 'delete', id, at: { file, line, record: id } };
}

/** `count` people numbered from `start`. */
export function people(source: string, count: number, start = 0, variant = 0): EntityInput[] {
  return Array.from({ length: count }, (_, i) => person(source, start + i, variant));
}

/** Roughly the size of an OFAC SDN entity: several names, a date, a document, an address. */
export function richEntity(source: string, n: number, variant = 0): EntityInput {
  const sourceId = String(n);
  return {
    id: `${source}:${sourceId}`,
    source,
    sourceId,
    schema: n % 4 === 0 ? 'Organization' : 'Person',
    caption: `SURNAME${n}, Given Name ${variant}`,
    names: [
      { full: `SURNAME${n}, Given Name ${variant}`, kind: 'primary', parts: [{ role: 'family', value: `SURNAME${n}` }, { role: 'given', value: 'Given' }] },
      { full: `Alias One ${n}`, kind: 'alias' },
      { full: `Alias Two ${n}`, kind: 'alias' },
      { full: `Weak ${n}`, kind: 'weak_alias' },
    ],
    birthDates: [{ kind: 'exact', date: `19${String(40 + (n % 60)).padStart(2, '0')}-0${1 + (n % 9)}-1${n % 10}` }],
    birthPlaces: ['Tehran, Iran'],
    nationalities: ['IR'],
    documents: [{ type: 'passport', number: `P${n}00${n % 97}`, country: 'IR' }],
    addresses: [{ full: `${n} Example Street, Tehran`, city: 'Tehran', country: 'IR' }],
    listings: [{ authority: 'OFAC', program: `PROGRAM-${n % 30}`, listedOn: '2012-03-01' }],
    remarks: [`DOB 19${40 + (n % 60)}; POB Tehran, Iran; nationality Iran; Passport P${n} (Iran).`],
    properties: { title: ['Director'] },
  };
}
