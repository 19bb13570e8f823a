import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/advisories/index.js';
import { analyst, anonymous, author, ntas, officer, openHarness, otherPartner, outsideSupervisor, partner, publishNew, type Harness } from './advisory-fixtures.js';
import { testDialect } from '../helpers/test-store.js';

const SECRET = 'SOURCE-CONFIDENTIAL';

/**
 * One advisory of each scope, and who may see each: the public sees only the public one, law
 * enforcement and partners also the restricted one, the organisations named the private one.
 */
describe(`scope on every output path (${testDialect()})`, () => {
  let h: Harness;
  let pub: string;
  let restricted: string;
  let priv: string;
  let draft: string;
  const subscriptions: Record<string, string> = {};
  const seen: Record<string, string[]> = {};

  beforeAll(async () => {
    h = await openHarness();
    for (const [name, orgId, roles] of [
      ['public', 'newsroom', []],
      ['port', 'port-authority', ['partner']],
      ['airline', 'airline-x', ['partner']],
    ] as const) {
      const { subscription } = await h.notifier.subscribe({ url: `http://127.0.0.1:9/${name}`, eventTypes: ['*'], orgId, roles: [...roles] });
      subscriptions[name] = subscription.id;
    }
    for (const [name, viewer] of [
      ['anonymous', undefined],
      ['partner', partner],
      ['otherPartner', otherPartner],
    ] as const) {
      seen[name] = [];
      h.sse.subscribe({ principal: viewer, write: (chunk) => void seen[name]?.push(chunk) });
    }
    pub = await publishNew(h, ntas({ title: 'Public bulletin', level: 'bulletin' }));
    restricted = await publishNew(h, ntas({ title: 'Restricted alert', scope: 'restricted' }));
    priv = await publishNew(h, ntas({ title: 'Private alert', scope: 'private', addresses: ['port-authority'] }));
    draft = (await h.advisories.create(author, ntas({ title: 'Unpublished draft' }))).id;
  });
  afterAll(() => h.close());

  const cases: Array<[string, Viewer | undefined, string[]]> = [
    ['the public', anonymous, ['pub']],
    ['an officer', officer, ['pub', 'restricted']],
    ['a partner named by the private advisory', partner, ['pub', 'restricted', 'priv']],
    ['a partner not named', otherPartner, ['pub', 'restricted']],
    ['the issuing supervisor', author, ['pub', 'restricted', 'priv', 'draft']],
    ['a supervisor of another organisation', outsideSupervisor, ['pub', 'restricted']],
  ];
  const ids = (): Record<string, string> => ({ pub, restricted, priv, draft });

  it.each(cases)('JSON list and get: %s sees exactly what it may', async (_who, viewer, expected) => {
    const all = ids();
    const listed = (await h.advisories.list(viewer)).map((a) => a.id).sort();
    expect(listed).toEqual(expected.map((k) => all[k]).sort());
    for (const [key, id] of Object.entries(all)) {
      if (expected.includes(key)) expect((await h.advisories.get(viewer, id)).id).toBe(id);
      else await expect(h.advisories.get(viewer, id)).rejects.toMatchObject({ code: 'STORE_NOT_FOUND' });
    }
  });

  it.each(cases)('current levels and advisories: %s', async (_who, viewer, expected) => {
    const { advisories, levels } = await h.advisories.current(viewer);
    const all = ids();
    expect(advisories.map((a) => a.id).sort()).toEqual(expected.filter((k) => k !== 'draft').map((k) => all[k]).sort());
    // The public never learns of the restricted alert through the level either.
    if (viewer === undefined) expect(levels.map((l) => l.level)).toEqual(['bulletin']);
    else expect(levels.map((l) => l.level)).toEqual(['elevated']);
  });

  it.each(cases)('HTML page: %s', async (_who, viewer, expected) => {
    const html = await h.advisories.page(viewer);
    for (const [key, title] of [['pub', 'Public bulletin'], ['restricted', 'Restricted alert'], ['priv', 'Private alert'], ['draft', 'Unpublished draft']] as const) {
      if (expected.includes(key) && key !== 'draft') expect(html).toContain(title);
      else expect(html).not.toContain(title);
    }
  });

  it.each(cases)('Atom feed: %s', async (_who, viewer, expected) => {
    const feed = await h.advisories.feed(viewer);
    const all = ids();
    const entries = [...feed.matchAll(/<id>urn:vigil:advisory:([^<]+)<\/id>/g)].map((m) => m[1]).sort();
    expect(entries).toEqual(expected.filter((k) => k !== 'draft').map((k) => all[k]).sort());
    expect(feed).not.toContain(SECRET);
  });

  it.each(cases)('CAP: %s', async (_who, viewer, expected) => {
    const all = ids();
    for (const key of ['pub', 'restricted', 'priv']) {
      const id = all[key] ?? '';
      if (expected.includes(key)) expect(await h.advisories.cap(viewer, id)).toContain(`<incidents>${id}</incidents>`);
      else await expect(h.advisories.cap(viewer, id)).rejects.toMatchObject({ code: 'STORE_NOT_FOUND' });
    }
  });

  it('webhooks: public to every subscriber, restricted to partners, private to the organisations named', async () => {
    const received = async (name: string): Promise<string[]> => {
      const deliveries = await h.notifier.listDeliveries({ subscriptionId: subscriptions[name] ?? '' });
      return deliveries.map((d) => d.eventId).sort();
    };
    expect(await received('public')).toEqual([`${pub}.v1`]);
    expect(await received('airline')).toEqual([`${pub}.v1`, `${restricted}.v1`].sort());
    expect(await received('port')).toEqual([`${pub}.v1`, `${restricted}.v1`, `${priv}.v1`].sort());
  });

  it('server-sent events: each client gets only what it may see', () => {
    const events = (name: string): string[] => (seen[name] ?? []).map((chunk) => /"title":"([^"]+)"/.exec(chunk)?.[1] ?? '').sort();
    expect(events('anonymous')).toEqual(['Public bulletin']);
    expect(events('otherPartner')).toEqual(['Public bulletin', 'Restricted alert']);
    expect(events('partner')).toEqual(['Private alert', 'Public bulletin', 'Restricted alert']);
  });

  it('shows the justification to law enforcement in JSON and on the page, to no one elsewhere', async () => {
    expect((await h.advisories.get(officer, restricted)).justification).toContain(SECRET);
    expect((await h.advisories.get(analyst, pub)).justification).toContain(SECRET);
    expect((await h.advisories.get(undefined, pub)).justification).toBeUndefined();
    expect((await h.advisories.get(partner, pub)).justification).toBeUndefined();
    expect(await h.advisories.page(officer)).toContain(SECRET);
    expect(await h.advisories.page(undefined)).not.toContain(SECRET);
    expect(await h.advisories.page(partner)).not.toContain(SECRET);
    const deliveries = await h.notifier.listDeliveries();
    expect(deliveries.length).toBeGreaterThan(0);
    expect(seen['partner']?.join('')).not.toContain(SECRET);
    const bodies = await h.store.db.withTables<{ webhook_deliveries: { body: string } }>().selectFrom('webhook_deliveries').select('body').execute();
    expect(bodies.map((b) => b.body).join('')).not.toContain(SECRET);
  });
});
