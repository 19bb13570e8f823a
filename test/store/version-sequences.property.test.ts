import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Entity, VigilError, type ListRecord } from '../../src/domain/index.js';
import type { ListDiff } from '../../src/store/index.js';
import { deleteRecord, person, recordsOf } from '../helpers/list-records.js';
import { importInput, openTestStore, readAll, testDialect, type TestStore } from '../helpers/test-store.js';

/** Entity number -> content variant: the model of one list version. */
type Model = Map<number, number>;

const UNIVERSE = 8;
const VARIANTS = 4;

type Step =
  | { mode: 'full'; entities: Array<number | null> }
  | { mode: 'delta'; ops: Array<{ op: 'keep' } | { op: 'delete' } | { op: 'upsert'; variant: number }> };

const variant = fc.integer({ min: 0, max: VARIANTS - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ mode: fc.constant('full' as const), entities: fc.array(fc.option(variant), { minLength: UNIVERSE, maxLength: UNIVERSE }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      mode: fc.constant('delta' as const),
      ops: fc.array(
        fc.oneof(
          { weight: 4, arbitrary: fc.constant({ op: 'keep' as const }) },
          { weight: 1, arbitrary: fc.constant({ op: 'delete' as const }) },
          { weight: 2, arbitrary: variant.map((v) => ({ op: 'upsert' as const, variant: v })) },
        ),
        { minLength: UNIVERSE, maxLength: UNIVERSE },
      ),
    }),
  },
);

const sameModel = (a: Model, b: Model): boolean => a.size === b.size && [...a].every(([n, v]) => b.get(n) === v);

/** The expected entities of a model, in the store's id order. */
function entitiesOf(source: string, model: Model): Entity[] {
  return [...model]
    .map(([n, v]) => Entity.parse(person(source, n, v)))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The diff computed the obvious way: set comparison of two models. */
function naiveDiff(source: string, before: Model, after: Model): Omit<ListDiff, 'source' | 'from' | 'to'> {
  const summary = (e: Entity) => ({ id: e.id, caption: e.caption, schema: e.schema });
  const old = new Map(entitiesOf(source, before).map((e) => [e.id, e]));
  const now = entitiesOf(source, after);
  const nowIds = new Set(now.map((e) => e.id));
  return {
    added: now.filter((e) => !old.has(e.id)).map(summary),
    changed: now
      .filter((e) => old.has(e.id) && JSON.stringify(old.get(e.id)) !== JSON.stringify(e))
      .map((e) => {
        const was = old.get(e.id) as Record<string, unknown>;
        const is = e as Record<string, unknown>;
        const fields = Object.keys(is).filter((k) => JSON.stringify(was[k]) !== JSON.stringify(is[k])).sort();
        return { ...summary(e), fields };
      }),
    removed: [...old.values()].filter((e) => !nowIds.has(e.id)).map(summary),
  };
}

describe(`random sequences of list versions (${testDialect()})`, () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => store.close());

  it('diffs consecutive versions like a set comparison and reads every version back exactly', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        // A source per run keeps runs apart in one store.
        const source = `p${(run += 1)}`;
        const versions: Model[] = [];
        for (const s of steps) {
          const current = versions.at(-1);
          let records: ListRecord[] = [];
          let target: Model;
          let expectError: string | undefined;
          if (s.mode === 'full') {
            target = new Map(s.entities.flatMap((v, n) => (v === null ? [] : [[n, v] as const])));
            records = [...target].map(([n, v], i) => ({ kind: 'entity', entity: person(source, n, v), at: { file: 'full.test', line: i + 1 } }));
            if (target.size === 0) expectError = 'LIST_PARSE_FAILED';
          } else {
            target = new Map(current ?? []);
            let line = 0;
            for (const [n, op] of s.ops.entries()) {
              if (op.op === 'keep') continue;
              line += 1;
              if (op.op === 'delete') {
                records.push(deleteRecord(`${source}:${n}`, line));
                if (!target.has(n)) expectError ??= 'LIST_PARSE_FAILED';
                target.delete(n);
              } else {
                const entity = person(source, n, op.variant);
                records.push({ kind: 'entity', entity, at: { file: 'delta.test', line } });
                target.set(n, op.variant);
              }
            }
            if (current === undefined) expectError = 'STORE_NOT_FOUND';
          }

          const attempt = store.importList(importInput(source, recordsOf(records), { mode: s.mode }));
          if (expectError !== undefined) {
            const error = await attempt.then(() => undefined, (e: unknown) => e);
            expect(error).toBeInstanceOf(VigilError);
            expect((error as VigilError).code).toBe(expectError);
            continue;
          }
          const result = await attempt;
          if (current !== undefined && sameModel(current, target)) {
            expect(result.status).toBe('unchanged');
            expect(result.version.version).toBe(versions.length);
            continue;
          }
          expect(result.status).toBe('created');
          versions.push(target);
          expect(result.version.version).toBe(versions.length);
          const naive = naiveDiff(source, current ?? new Map(), target);
          expect(result.counts).toEqual({ entities: target.size, added: naive.added.length, changed: naive.changed.length, removed: naive.removed.length });
        }

        if (versions.length === 0) return;
        expect((await store.listVersions(source)).map((v) => v.version)).toEqual(versions.map((_, i) => i + 1));
        for (const [index, model] of versions.entries()) {
          const version = index + 1;
          expect(await readAll(store, source, version)).toEqual(entitiesOf(source, model));
          const diff = await store.diff(source, version - 1, version);
          expect(diff).toEqual({ source, from: version - 1, to: version, ...naiveDiff(source, versions[index - 1] ?? new Map(), model) });
          for (let n = 0; n < UNIVERSE; n += 1) {
            const stored = await store.getEntity(`${source}:${n}`, version);
            const v = model.get(n);
            expect(stored?.entity).toEqual(v === undefined ? undefined : Entity.parse(person(source, n, v)));
          }
        }
        const last = versions.length;
        expect(await store.diff(source, 0, last)).toEqual({ source, from: 0, to: last, ...naiveDiff(source, new Map(), versions[last - 1] ?? new Map()) });
        expect(await store.diff(source, last, 1)).toEqual({ source, from: last, to: 1, ...naiveDiff(source, versions[last - 1] ?? new Map(), versions[0] ?? new Map()) });
      }),
      { numRuns: 40 },
    );
  });
});
