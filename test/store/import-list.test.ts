import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Entity, VigilError, type EntityInput, type ListRecord } from '../../src/domain/index.js';
import { deleteRecord, people, person, recordsOf } from '../helpers/list-records.js';
import { importInput, openTestStore, readAll, testDialect, type TestStore } from '../helpers/test-store.js';

const S = 'test-list';

async function rejection(promise: Promise<unknown>): Promise<VigilError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VigilError);
  return error as VigilError;
}

describe(`importing lists (${testDialect()})`, () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore({ now: () => new Date('2024-05-01T10:00:00.000Z') });
  });
  afterEach(() => store.close());

  it('makes version 1 from the first import', async () => {
    const result = await store.importList(
      importInput(S, recordsOf(people(S, 10)), { fileSha256: 'a'.repeat(64), fileNames: ['sdn.csv', 'alt.csv'], publishedAt: '2024-04-30' }),
    );
    expect(result.status).toBe('created');
    expect(result.counts).toEqual({ entities: 10, added: 10, changed: 0, removed: 0 });
    expect(result.skipped).toEqual([]);
    const expected = {
      source: S,
      version: 1,
      importedAt: '2024-05-01T10:00:00.000Z',
      publishedAt: '2024-04-30',
      fileSha256: 'a'.repeat(64),
      fileNames: ['sdn.csv', 'alt.csv'],
      mode: 'full',
      entityCount: 10,
      added: 10,
      changed: 0,
      removed: 0,
    };
    expect(result.version).toEqual(expected);
    expect(await store.getVersion(S)).toEqual(expected);
    expect(await store.getVersion(S, 1)).toEqual(expected);
    expect(await store.listVersions(S)).toEqual([expected]);
    expect(await store.listSources()).toEqual([
      { source: S, currentVersion: 1, entityCount: 10, lastImportedAt: '2024-05-01T10:00:00.000Z', current: expected },
    ]);
    const stored = await readAll(store, S);
    expect(stored).toEqual(people(S, 10).map((e) => Entity.parse(e)).sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  it('makes no version when the file or every entity is unchanged', async () => {
    await store.importList(importInput(S, recordsOf(people(S, 10)), { fileSha256: 'b'.repeat(64) }));
    const sameFile = await store.importList(importInput(S, recordsOf(people(S, 10)), { fileSha256: 'b'.repeat(64) }));
    expect(sameFile.status).toBe('unchanged');
    expect(sameFile.version.version).toBe(1);
    expect(sameFile.counts).toEqual({ entities: 10, added: 0, changed: 0, removed: 0 });
    // Another file (say, re-exported with other line endings) with the same entities, in another order.
    const sameEntities = await store.importList(importInput(S, recordsOf(people(S, 10).reverse())));
    expect(sameEntities.status).toBe('unchanged');
    expect(sameEntities.version.version).toBe(1);
    expect((await store.listVersions(S)).map((v) => v.version)).toEqual([1]);
  });

  it('records added, changed with their fields, and removed; older versions keep their content', async () => {
    await store.importList(importInput(S, recordsOf(people(S, 5))));
    const next: EntityInput[] = [
      person(S, 0), // unchanged
      person(S, 1, 1), // an alias added: names
      person(S, 2, 2), // a birth date added: birthDates
      { ...person(S, 3), caption: 'Renamed 3', nationalities: ['SY'] },
      // 4 removed
      person(S, 5), // added
      person(S, 6), // added
    ];
    const result = await store.importList(importInput(S, recordsOf(next)));
    expect(result.status).toBe('created');
    expect(result.counts).toEqual({ entities: 6, added: 2, changed: 3, removed: 1 });
    expect(result.version).toMatchObject({ version: 2, entityCount: 6, added: 2, changed: 3, removed: 1 });

    const diff = await store.diff(S);
    expect(diff.from).toBe(1);
    expect(diff.to).toBe(2);
    expect(diff.added).toEqual([
      { id: `${S}:5`, caption: 'Person 5', schema: 'Person' },
      { id: `${S}:6`, caption: 'Person 6', schema: 'Person' },
    ]);
    expect(diff.changed).toEqual([
      { id: `${S}:1`, caption: 'Person 1', schema: 'Person', fields: ['names'] },
      { id: `${S}:2`, caption: 'Person 2', schema: 'Person', fields: ['birthDates'] },
      { id: `${S}:3`, caption: 'Renamed 3', schema: 'Person', fields: ['caption', 'nationalities'] },
    ]);
    expect(diff.removed).toEqual([{ id: `${S}:4`, caption: 'Person 4', schema: 'Person' }]);

    // Version 1 still reads exactly as imported.
    expect(await readAll(store, S, 1)).toEqual(people(S, 5).map((e) => Entity.parse(e)));
    expect((await store.getEntity(`${S}:3`, 1))?.entity.caption).toBe('Person 3');
    expect((await store.getEntity(`${S}:3`))?.entity.caption).toBe('Renamed 3');
    expect(await store.getEntity(`${S}:4`)).toBeUndefined();
    expect((await store.getEntity(`${S}:4`, 1))?.entity).toEqual(Entity.parse(person(S, 4)));
    expect(await store.getEntity(`${S}:5`, 1)).toBeUndefined();
  });

  it('reads an entity as of a version, with the version, since and content hash', async () => {
    await store.importList(importInput(S, recordsOf(people(S, 3))));
    await store.importList(importInput(S, recordsOf([person(S, 0, 1), person(S, 1), person(S, 2)])));
    await store.importList(importInput(S, recordsOf([person(S, 0, 1), person(S, 1)])));

    const first = await store.getEntity(`${S}:0`, 1);
    const current = await store.getEntity(`${S}:0`);
    expect(first).toMatchObject({ source: S, version: 1, since: 1 });
    expect(current).toMatchObject({ source: S, version: 3, since: 2 });
    expect(first?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(current?.contentHash).not.toBe(first?.contentHash);
    expect(current?.entity.names.map((n) => n.full)).toEqual(['Person 0', 'Alias 0-1']);
    expect((await store.getEntity(`${S}:1`))?.since).toBe(1);
    expect(await store.getEntity(`${S}:2`, 3)).toBeUndefined();
    expect(await store.getEntity('nowhere:1')).toBeUndefined();
    expect(await store.getEntity('no-colon')).toBeUndefined();
    expect((await rejection(store.getEntity(`${S}:0`, 4))).code).toBe('STORE_NOT_FOUND');

    expect(await store.entityHistory(`${S}:0`)).toEqual([
      { version: 1, contentHash: first?.contentHash, change: 'added' },
      { version: 2, contentHash: current?.contentHash, change: 'changed' },
    ]);
    const removed = await store.getEntity(`${S}:2`, 2);
    expect(await store.entityHistory(`${S}:2`)).toEqual([
      { version: 1, contentHash: removed?.contentHash, change: 'added' },
      { version: 3, contentHash: removed?.contentHash, change: 'removed' },
    ]);
    expect(await store.entityHistory(`${S}:99`)).toEqual([]);
  });

  it('stores one content row for an entity that is unchanged across versions', async () => {
    await store.importList(importInput(S, recordsOf(people(S, 100))));
    await store.importList(importInput(S, recordsOf([...people(S, 100), person(S, 100)])));
    await store.importList(importInput(S, recordsOf(people(S, 100))));
    const contents = await store.db.selectFrom('entity_contents').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(contents.n)).toBe(101);
  });

  it('diffs with defaults: version 1 against nothing, and any two versions either way', async () => {
    await store.importList(importInput(S, recordsOf(people(S, 3))));
    const first = await store.diff(S);
    expect(first).toMatchObject({ from: 0, to: 1, changed: [], removed: [] });
    expect(first.added.map((e) => e.id)).toEqual([`${S}:0`, `${S}:1`, `${S}:2`]);

    await store.importList(importInput(S, recordsOf([person(S, 0, 1), person(S, 1), person(S, 3)])));
    await store.importList(importInput(S, recordsOf([person(S, 0), person(S, 1), person(S, 3), person(S, 4)])));
    // 0 changed and changed back: no difference between 1 and 3.
    const across = await store.diff(S, 1, 3);
    expect(across.added.map((e) => e.id)).toEqual([`${S}:3`, `${S}:4`]);
    expect(across.removed.map((e) => e.id)).toEqual([`${S}:2`]);
    expect(across.changed).toEqual([]);
    const backwards = await store.diff(S, 3, 1);
    expect(backwards.added.map((e) => e.id)).toEqual([`${S}:2`]);
    expect(backwards.removed.map((e) => e.id)).toEqual([`${S}:3`, `${S}:4`]);
    expect((await store.diff(S, undefined, 2)).changed.map((e) => [e.id, e.fields])).toEqual([[`${S}:0`, ['names']]]);
    expect(await store.diff(S, 2, 2)).toEqual({ source: S, from: 2, to: 2, added: [], changed: [], removed: [] });

    expect((await rejection(store.diff(S, 1, 4))).code).toBe('STORE_NOT_FOUND');
    expect((await rejection(store.diff(S, -1))).code).toBe('STORE_NOT_FOUND');
    expect((await rejection(store.diff('unknown'))).code).toBe('STORE_NOT_FOUND');
    expect((await rejection(store.getVersion(S, 9))).details).toEqual({ source: S, version: 9 });
    expect((await rejection(store.listVersions('unknown'))).code).toBe('STORE_NOT_FOUND');
  });

  it('rejects a file with an invalid record and changes nothing', async () => {
    await store.importList(importInput(S, recordsOf(people(S, 5))));
    const bad: ListRecord = { kind: 'invalid', issue: { file: 'list.test', line: 4, record: '3', field: 'DOB', message: 'not a date' } };
    const records = [...people(S, 3, 10), bad, ...people(S, 5000, 20)];
    const error = await rejection(store.importList(importInput(S, recordsOf(records))));
    expect(error.code).toBe('LIST_PARSE_FAILED');
    expect(error.details).toEqual({ file: 'list.test', line: 4, record: '3', field: 'DOB' });
    expect(error.message).toBe('list.test, line 4, record 3, field DOB: not a date');
    await expectOnlyVersionOne(5);
  });

  it('rejects an entity that fails the Entity schema, naming file, line, record and field', async () => {
    await store.importList(importInput(S, recordsOf(people(S, 5))));
    // 3000 valid records first, so a batch was already written inside the transaction.
    const broken = { ...person(S, 9000), names: [{ full: '', kind: 'primary' as const }] };
    const error = await rejection(store.importList(importInput(S, recordsOf([...people(S, 3000, 10), broken]))));
    expect(error.code).toBe('LIST_PARSE_FAILED');
    expect(error.details).toEqual({ file: 'list.test', line: 3001, record: `${S}:9000`, field: 'names.0.full' });
    expect(error.message).toContain('list.test, line 3001, record test-list:9000, field names.0.full');
    await expectOnlyVersionOne(5);
  });

  it('rolls back when the adapter fails part way through the file', async () => {
    await store.importList(importInput(S, recordsOf(people(S, 5))));
    async function* truncated(): AsyncGenerator<ListRecord> {
      yield* recordsOf(people(S, 2500, 10));
      throw new VigilError('LIST_PARSE_FAILED', 'list.test, line 2501: unexpected end of file', { file: 'list.test', line: 2501 });
    }
    const error = await rejection(store.importList(importInput(S, truncated())));
    expect(error.message).toBe('list.test, line 2501: unexpected end of file');
    await expectOnlyVersionOne(5);
  });

  it('rejects entities of another source', async () => {
    const error = await rejection(store.importList(importInput(S, recordsOf([person('other', 1)]))));
    expect(error.details).toMatchObject({ line: 1, record: 'other:1', field: 'source' });
    const wrongId = { ...person(S, 1), id: 'other:1' };
    expect((await rejection(store.importList(importInput(S, recordsOf([wrongId]))))).details).toMatchObject({ field: 'id' });
    expect(await store.listSources()).toEqual([]);
  });

  it('imports the valid records under skipInvalid and returns every skipped one', async () => {
    const records: Array<EntityInput | ListRecord> = [
      person(S, 0),
      { kind: 'invalid', issue: { file: 'list.test', line: 2, message: 'unreadable row' } },
      { ...person(S, 2), schema: 'Ship' } as unknown as EntityInput,
      person(S, 3),
      person(S, 0, 1),
    ];
    const result = await store.importList(importInput(S, recordsOf(records), { skipInvalid: true }));
    expect(result.status).toBe('created');
    expect(result.counts.entities).toBe(2);
    expect(result.skipped).toEqual([
      { file: 'list.test', line: 2, message: 'unreadable row' },
      expect.objectContaining({ file: 'list.test', line: 3, record: `${S}:2`, field: 'schema' }),
      { file: 'list.test', line: 5, record: `${S}:0`, field: 'id', message: `duplicate id ${S}:0: first at line 1, again at line 5` },
    ]);
    // The first of two duplicates is the one kept.
    expect((await store.getEntity(`${S}:0`))?.entity).toEqual(Entity.parse(person(S, 0)));
  });

  it('rejects a duplicate id naming both lines', async () => {
    const error = await rejection(store.importList(importInput(S, recordsOf([person(S, 1), person(S, 2), person(S, 1, 1)]))));
    expect(error.code).toBe('LIST_PARSE_FAILED');
    expect(error.details).toEqual({ file: 'list.test', line: 3, record: `${S}:1`, field: 'id' });
    expect(error.message).toContain('first at line 1, again at line 3');
    expect(await store.listSources()).toEqual([]);
  });

  it('refuses an empty full list', async () => {
    await store.importList(importInput(S, recordsOf(people(S, 5))));
    const error = await rejection(store.importList(importInput(S, recordsOf([]))));
    expect(error.code).toBe('LIST_PARSE_FAILED');
    expect(error.message).toContain('would remove every entity');
    const allInvalid = await rejection(
      store.importList(importInput(S, recordsOf([{ kind: 'invalid', issue: { file: 'f', line: 1, message: 'bad' } }]), { skipInvalid: true })),
    );
    expect(allInvalid.message).toContain('all 1 records were invalid');
    await expectOnlyVersionOne(5);
  });

  it('applies a delta of upserts and deletes to the current version', async () => {
    await store.importList(importInput(S, recordsOf(people(S, 5))));
    const delta = recordsOf([person(S, 1, 1), person(S, 7), deleteRecord(`${S}:2`, 3), deleteRecord(`${S}:4`, 4), person(S, 3)], 'delta.test');
    const result = await store.importList(importInput(S, delta, { mode: 'delta' }));
    expect(result.status).toBe('created');
    expect(result.counts).toEqual({ entities: 4, added: 1, changed: 1, removed: 2 });
    expect(result.version).toMatchObject({ version: 2, mode: 'delta', entityCount: 4 });
    expect((await readAll(store, S)).map((e) => e.id)).toEqual([`${S}:0`, `${S}:1`, `${S}:3`, `${S}:7`]);
    const diff = await store.diff(S);
    expect(diff.removed.map((e) => e.id)).toEqual([`${S}:2`, `${S}:4`]);
    expect(diff.changed.map((e) => e.id)).toEqual([`${S}:1`]);
    expect(diff.added.map((e) => e.id)).toEqual([`${S}:7`]);

    // The same delta file again is recognised and not applied twice.
    const again = await store.importList(importInput(S, recordsOf([]), { mode: 'delta', fileSha256: result.version.fileSha256 }));
    expect(again.status).toBe('unchanged');
    // A delta that changes nothing makes no version.
    expect((await store.importList(importInput(S, recordsOf([person(S, 3)]), { mode: 'delta' }))).status).toBe('unchanged');
  });

  it('rejects a delta deleting an entity that is not current, a delete in a full list, and a delta with nothing to apply to', async () => {
    const noBase = await rejection(store.importList(importInput(S, recordsOf([person(S, 1)]), { mode: 'delta' })));
    expect(noBase.code).toBe('STORE_NOT_FOUND');
    await store.importList(importInput(S, recordsOf(people(S, 5))));
    const unknown = await rejection(store.importList(importInput(S, recordsOf([person(S, 6), deleteRecord(`${S}:9`, 2)]), { mode: 'delta' })));
    expect(unknown.code).toBe('LIST_PARSE_FAILED');
    expect(unknown.details).toEqual({ file: 'delta.test', line: 2, record: `${S}:9` });
    const inFull = await rejection(store.importList(importInput(S, recordsOf([person(S, 6), deleteRecord(`${S}:1`, 2)]))));
    expect(inFull.code).toBe('LIST_PARSE_FAILED');
    const twice = await rejection(store.importList(importInput(S, recordsOf([deleteRecord(`${S}:1`, 1), person(S, 1, 1)]), { mode: 'delta' })));
    expect(twice.message).toContain('first at line 1, again at line 2');
    await expectOnlyVersionOne(5);
  });

  it('streams a version in id order across pages', async () => {
    await store.importList(importInput(S, recordsOf(people(S, 4500))));
    const ids = (await readAll(store, S)).map((e) => e.id);
    expect(ids).toHaveLength(4500);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(4500);
  });

  it('reports progress while importing', async () => {
    const seen: number[] = [];
    await store.importList(importInput(S, recordsOf(people(S, 4500)), { onProgress: (n) => seen.push(n) }));
    expect(seen).toEqual([2000, 4000, 4500]);
  });

  it('serialises concurrent imports of one source into consecutive versions', async () => {
    // One store: SQLite serialises on its one connection, PostgreSQL on the source row lock
    // across pooled connections. (Two better-sqlite3 connections in one process would block
    // the event loop in busy_timeout; separate processes wait for each other as they should.)
    const results = await Promise.all([
      store.importList(importInput(S, recordsOf(people(S, 3000)))),
      store.importList(importInput(S, recordsOf(people(S, 3000, 1)))),
    ]);
    expect(results.map((r) => r.version.version).sort()).toEqual([1, 2]);
    const versions = await store.listVersions(S);
    expect(versions.map((v) => v.entityCount)).toEqual([3000, 3000]);
    expect(versions[1]).toMatchObject({ added: 1, removed: 1, changed: 0 });
  });

  it('rejects a source id that is not one', async () => {
    const error = await rejection(store.importList(importInput('Bad Source', recordsOf([]))));
    expect(error.code).toBe('INVALID_INPUT');
  });

  async function expectOnlyVersionOne(entities: number): Promise<void> {
    expect((await store.listVersions(S)).map((v) => v.version)).toEqual([1]);
    expect((await store.getVersion(S)).entityCount).toBe(entities);
    expect(await readAll(store, S)).toEqual(people(S, entities).map((e) => Entity.parse(e)));
    const spans = await store.db.selectFrom('entity_spans').select(['entity_id', 'last_version', 'first_version']).execute();
    expect(spans.every((s) => s.first_version === 1 && s.last_version === null)).toBe(true);
    const contents = await store.db.selectFrom('entity_contents').select('content_hash').execute();
    expect(contents).toHaveLength(entities);
  }
});
