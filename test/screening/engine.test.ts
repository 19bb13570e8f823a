import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntityInput, ScreeningPosture } from '../../src/domain/index.js';
import { createScreener } from '../../src/matching/index.js';
import { ScreeningEngine } from '../../src/screening/index.js';
import type { Store } from '../../src/store/index.js';
import { recordsOf } from '../helpers/list-records.js';
import { importInput, openTestStore, type TestStore } from '../helpers/test-store.js';

function listed(sourceId: string, name: string, extra: Partial<EntityInput> = {}): EntityInput {
  return { id: `nominations:${sourceId}`, source: 'nominations', sourceId, schema: 'Person', caption: name, names: [{ full: name, kind: 'primary' }], ...extra };
}

const KHALID = listed('N-1', 'Khalid Yusuf Al-Rashidi', { birthDates: [{ kind: 'exact', date: '1979-04-02' }] });
const NEW_ALIAS = listed('N-1', 'Khalid Yusuf Al-Rashidi', {
  birthDates: [{ kind: 'exact', date: '1979-04-02' }],
  names: [{ full: 'Khalid Yusuf Al-Rashidi', kind: 'primary' }, { full: 'Abu Hafsa al-Tikriti', kind: 'alias' }],
});

const BASELINE: ScreeningPosture = { id: 'baseline', scheme: 'ntas', level: 'none', reviewThreshold: 0.7, matchThreshold: 0.9, enhanced: { ports: [], channels: [], routes: [] }, since: '2026-01-01T00:00:00Z' };

describe('the screening engine over the store', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore();
    await store.importList(importInput('nominations', recordsOf([KHALID, listed('N-2', 'Olena Petrenko')])));
  });
  afterEach(() => store.close());

  it('finds a listed person and says which list versions it used', async () => {
    const engine = await ScreeningEngine.open(store);
    const result = engine.screen({ id: 't1', name: 'Khaled Yousef al Rashidi', birthDate: '1979-04-02' });
    expect(result.hits[0]?.entityId).toBe('nominations:N-1');
    expect(result.decision).not.toBe('clear');
    expect(result.listVersions).toEqual({ nominations: 1 });
  });

  it('swaps the index whole when a list changes: the old snapshot keeps its answers, the new one sees the alias', async () => {
    const engine = await ScreeningEngine.open(store);
    const before = engine.snapshot;
    const alias = { id: 't2', name: 'Abu Hafsa al-Tikriti' };
    expect(engine.screen(alias).decision).toBe('clear');

    await store.importList(importInput('nominations', recordsOf([NEW_ALIAS, listed('N-2', 'Olena Petrenko')])));
    expect(engine.screen(alias).decision).toBe('clear');
    expect(await engine.refresh()).toBe(true);
    const after = engine.screen(alias);
    expect(after.hits[0]?.entityId).toBe('nominations:N-1');
    expect(after.listVersions).toEqual({ nominations: 2 });
    expect(createScreener(before.index).screen(alias).decision).toBe('clear');
    expect(await engine.refresh()).toBe(false);
  });

  it('keeps the previous snapshot when a rebuild fails', async () => {
    const engine = await ScreeningEngine.open(store);
    const snapshot = engine.snapshot;
    await store.importList(importInput('nominations', recordsOf([NEW_ALIAS])));
    const failingReads = new Proxy(store, {
      get(target, property, receiver) {
        if (property !== 'iterateEntities') return Reflect.get(target, property, receiver) as unknown;
        return async function* failing(): AsyncGenerator<never> {
          yield* [];
          throw new Error('disk read failed');
        };
      },
    });
    // The engine's store is private; a failing disk is simulated by swapping it.
    (engine as unknown as { store: Store }).store = failingReads;
    await expect(engine.refresh()).rejects.toThrow('disk read failed');
    expect(engine.snapshot).toBe(snapshot);
    expect(engine.screen({ id: 't3', name: 'Khalid Yusuf Al-Rashidi' }).hits[0]?.entityId).toBe('nominations:N-1');
    expect(engine.screen({ id: 't3', name: 'Khalid Yusuf Al-Rashidi' }).listVersions).toEqual({ nominations: 1 });
  });

  it('applies the posture in force: lower thresholds and enhanced ports, recorded in the result', async () => {
    const engine = await ScreeningEngine.open(store);
    const namesake = { id: 't4', name: 'Olena Petrenko', birthDate: '1990-01-01' };
    const baseline = engine.screen(namesake, { posture: BASELINE, context: { port: 'JFK', channel: 'air_arrival' } });
    const elevated: ScreeningPosture = { ...BASELINE, id: 'ntas:imminent', level: 'imminent', reviewThreshold: 0.6, enhanced: { ports: ['JFK'], channels: [], routes: [] } };
    const stranger = { id: 't5', name: 'Jonathan Whitfield', birthDate: '1985-07-07' };
    const atJfk = engine.screen(stranger, { posture: elevated, context: { port: 'jfk', channel: 'air_arrival' } });
    const atBos = engine.screen(stranger, { posture: elevated, context: { port: 'BOS', channel: 'air_arrival' } });
    expect(baseline.posture).toMatchObject({ id: 'baseline', reviewThreshold: 0.7 });
    expect(baseline.posture?.enhanced).toBeUndefined();
    expect(atJfk.decision).toBe('review');
    expect(atJfk.posture).toMatchObject({ id: 'ntas:imminent', enhanced: 'port jfk' });
    expect(atBos.decision).toBe('clear');
  });
});
