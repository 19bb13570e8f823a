import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdvisoryService, type PostureChange } from '../../src/advisories/index.js';
import { ScreeningPosture } from '../../src/domain/index.js';
import { auditRecords, author, DAY, ntas, openHarness, publishNew, type Harness } from './advisory-fixtures.js';
import { testDialect } from '../helpers/test-store.js';

describe(`screening posture from advisories (${testDialect()})`, () => {
  let h: Harness;
  let changes: PostureChange[];
  beforeEach(async () => {
    h = await openHarness();
    changes = [];
    h.advisories.onPostureChange((c) => changes.push(c));
  });
  afterEach(() => h.close());

  it('is the baseline when no advisory is in force', async () => {
    const posture = await h.advisories.currentPosture();
    expect(ScreeningPosture.parse(posture)).toEqual({
      id: 'baseline',
      scheme: 'baseline',
      level: 'baseline',
      reviewThreshold: 0.7,
      matchThreshold: 0.9,
      enhanced: { ports: [], channels: [], routes: [] },
      since: new Date(0).toISOString(),
    });
    await publishNew(h, ntas({ level: 'bulletin' }));
    expect(await h.advisories.currentPosture()).toMatchObject({ id: 'ntas:bulletin', reviewThreshold: 0.7, matchThreshold: 0.9 });
  });

  it('lowers the review threshold when the level rises, and announces and audits each change', async () => {
    const elevated = await publishNew(h, ntas({ ports: ['JFK'] }));
    const posture = await h.advisories.currentPosture();
    expect(posture).toMatchObject({ id: 'ntas:elevated', advisoryId: elevated, reviewThreshold: 0.65, matchThreshold: 0.9 });
    // Elevated names a port but enhanced screening there is for Imminent.
    expect(posture.enhanced.ports).toEqual([]);
    expect(changes.map((c) => [c.previous.id, c.current.id, c.current.reviewThreshold])).toEqual([['baseline', 'ntas:elevated', 0.65]]);

    h.clock.advance(DAY);
    const imminent = await publishNew(h, ntas({ level: 'imminent', ports: ['JFK', 'EWR'], routes: ['IST-JFK', 'CAI'], channels: ['air_arrival'] }));
    const raised = await h.advisories.currentPosture();
    expect(ScreeningPosture.parse(raised)).toMatchObject({
      id: 'ntas:imminent',
      advisoryId: imminent,
      reviewThreshold: 0.6,
      matchThreshold: 0.9,
      enhanced: { ports: ['EWR', 'JFK'], routes: ['CAI', 'IST-JFK'], channels: ['air_arrival'] },
      since: h.clock.now().toISOString(),
    });

    h.clock.advance(DAY);
    await h.advisories.cancel(author, imminent, 'Disrupted.');
    expect(await h.advisories.currentPosture()).toMatchObject({ id: 'ntas:elevated', reviewThreshold: 0.65, enhanced: { ports: [] } });
    expect(changes.map((c) => c.current.id)).toEqual(['ntas:elevated', 'ntas:imminent', 'ntas:elevated']);

    const audited = (await auditRecords(h.audit)).filter((r) => r.action === 'posture.change');
    expect(audited.map((r) => [r.decision, (r.details?.['to'] as { reviewThreshold: number }).reviewThreshold])).toEqual([
      ['ntas:elevated', 0.65],
      ['ntas:imminent', 0.6],
      ['ntas:elevated', 0.65],
    ]);
    expect((await h.advisories.postureHistory()).map((p) => p.posture.id)).toEqual(['ntas:elevated', 'ntas:imminent', 'ntas:elevated']);
  });

  it('takes the strictest thresholds and every enhanced port across the advisories in force', async () => {
    await publishNew(h, ntas({ level: 'imminent', ports: ['JFK'] }));
    await publishNew(h, { scheme: 'uk', level: 'critical', title: 'Critical', summary: 'Highly likely soon.', regions: ['Great Britain'], ports: ['LHR'] });
    const posture = await h.advisories.currentPosture();
    expect(posture).toMatchObject({ reviewThreshold: 0.6, enhanced: { ports: ['JFK', 'LHR'] } });
  });

  it('follows the UK level down when a lower level is announced later', async () => {
    await publishNew(h, { scheme: 'uk', level: 'critical', title: 'Critical', summary: 'Soon.', regions: ['Great Britain'], ports: ['LHR'] });
    h.clock.advance(DAY);
    await publishNew(h, { scheme: 'uk', level: 'substantial', title: 'Lowered', summary: 'Likely.', regions: ['Great Britain'] });
    expect(await h.advisories.currentPosture()).toMatchObject({ id: 'uk:substantial', reviewThreshold: 0.68, enhanced: { ports: [] } });
    // The page keeps the earlier level, marked as no longer in force.
    expect(await h.advisories.page(undefined)).toMatch(/Critical: Critical <span class="status">\(superseded by a later level\)/);
  });

  it('returns to the baseline at the sunset, at the time asked for', async () => {
    await publishNew(h, ntas({ level: 'imminent', ports: ['JFK'] }));
    const later = new Date(h.clock.now().getTime() + 30 * DAY);
    expect(await h.advisories.currentPosture(later)).toMatchObject({ id: 'baseline', reviewThreshold: 0.7, since: new Date(h.clock.now().getTime() + 14 * DAY).toISOString() });
    h.clock.set(later.toISOString());
    await h.advisories.sweep();
    expect(changes.map((c) => c.current.id)).toEqual(['ntas:imminent', 'baseline']);
  });

  it('follows configured rules, and refuses a rule for a level no scheme has', async () => {
    const configured = createAdvisoryService(h.store, {
      audit: h.audit,
      now: h.clock.now,
      settings: { baseline: { reviewThreshold: 0.75, matchThreshold: 0.92 }, postures: { 'ntas:elevated': { reviewThreshold: 0.5, matchThreshold: 0.85, enhanced: { channels: ['visa_waiver'] } } } },
    });
    expect(await configured.currentPosture()).toMatchObject({ reviewThreshold: 0.75, matchThreshold: 0.92 });
    await publishNew(h, ntas());
    expect(await configured.currentPosture()).toMatchObject({ reviewThreshold: 0.5, matchThreshold: 0.85, enhanced: { channels: ['visa_waiver'] } });
    expect(() => createAdvisoryService(h.store, { audit: h.audit, settings: { postures: { 'ntas:purple': { reviewThreshold: 0.5, matchThreshold: 0.9 } } } })).toThrow(/ntas:purple/);
  });
});
