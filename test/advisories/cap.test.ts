import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approver, author, CAP_EXAMPLES, DAY, ntas, openHarness, partner, publishNew, validateCap, validateCapFile, type Harness } from './advisory-fixtures.js';
import { testDialect } from '../helpers/test-store.js';

function field(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

describe('the CAP 1.2 schema check', () => {
  it.each(readdirSync(CAP_EXAMPLES).filter((f) => f.endsWith('.xml')))('accepts the published example %s', (file) => {
    const result = validateCapFile(join(CAP_EXAMPLES, file));
    expect(result.output).toContain('validates');
    expect(result.ok).toBe(true);
  });

  it('rejects a message that breaks the schema, so a pass means something', () => {
    const broken = '<?xml version="1.0"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</identifier><sender>s</sender><sent>2025-01-01T00:00:00Z</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope></alert>';
    expect(validateCap(broken).ok).toBe(false);
  });
});

describe(`advisories as CAP 1.2 (${testDialect()})`, () => {
  let h: Harness;
  let id: string;
  let restricted: string;
  let privateId: string;
  let uk: string;
  beforeAll(async () => {
    h = await openHarness({ settings: { sender: 'ntas@dhs.example', publicBaseUrl: 'https://vigil.example.gov' } });
    id = await publishNew(h, ntas({ title: 'Threat & <danger> "quoted"', ports: ['JFK', 'EWR'], routes: ['IST-JFK'] }));
    h.clock.advance(DAY);
    await h.advisories.update(author, id, { level: 'imminent' });
    await h.advisories.approve(approver, id);
    await h.advisories.publish(author, id);
    h.clock.advance(DAY);
    await h.advisories.cancel(author, id, 'The plot was disrupted.');
    restricted = await publishNew(h, ntas({ scope: 'restricted', title: 'Restricted alert' }));
    privateId = await publishNew(h, ntas({ scope: 'private', addresses: ['port-authority', 'airline-x'], title: 'Private alert' }));
    uk = await publishNew(h, { scheme: 'uk', level: 'critical', title: 'Critical', summary: 'An attack is highly likely in the near future.', regions: ['Great Britain', 'Northern Ireland'] });
  });
  afterAll(() => h.close());

  it('gives the first publication as a valid Alert in the shape of the HSAS example', async () => {
    const xml = await h.advisories.cap(undefined, id, 1);
    expect(validateCap(xml)).toMatchObject({ ok: true });
    expect(field(xml, 'msgType')).toBe('Alert');
    expect(field(xml, 'status')).toBe('Actual');
    expect(field(xml, 'scope')).toBe('Public');
    expect(field(xml, 'category')).toBe('Security');
    expect(field(xml, 'sender')).toBe('ntas@dhs.example');
    expect(field(xml, 'sent')).toBe('2025-03-01T12:00:00+00:00');
    expect(field(xml, 'expires')).toBe('2025-03-15T12:00:00+00:00');
    expect([field(xml, 'urgency'), field(xml, 'severity'), field(xml, 'certainty')]).toEqual(['Expected', 'Severe', 'Likely']);
    expect(field(xml, 'areaDesc')).toBe('United States');
    expect(field(xml, 'headline')).toBe('Threat &amp; &lt;danger&gt; &quot;quoted&quot;');
    expect(field(xml, 'web')).toBe(`https://vigil.example.gov/advisories#${id}`);
    expect(xml).not.toContain('<references>');
  });

  it('gives a later version as a valid Update that references the earlier one', async () => {
    const xml = await h.advisories.cap(undefined, id, 2);
    expect(validateCap(xml)).toMatchObject({ ok: true });
    expect(field(xml, 'msgType')).toBe('Update');
    expect(field(xml, 'references')).toBe(`ntas@dhs.example,${id}.v1,2025-03-01T12:00:00+00:00`);
    expect([field(xml, 'urgency'), field(xml, 'severity')]).toEqual(['Immediate', 'Extreme']);
  });

  it('gives a cancellation as a valid Cancel that references every version, and it is the latest message', async () => {
    const xml = await h.advisories.cap(undefined, id);
    expect(validateCap(xml)).toMatchObject({ ok: true });
    expect(field(xml, 'msgType')).toBe('Cancel');
    expect(field(xml, 'identifier')).toBe(`${id}.cancel`);
    expect(field(xml, 'references')?.split(' ')).toEqual([`ntas@dhs.example,${id}.v1,2025-03-01T12:00:00+00:00`, `ntas@dhs.example,${id}.v2,2025-03-02T12:00:00+00:00`]);
    expect(field(xml, 'note')).toBe('The plot was disrupted.');
    expect(field(xml, 'incidents')).toBe(id);
  });

  it('marks a restricted advisory Restricted with a restriction, valid', async () => {
    const xml = await h.advisories.cap(partner, restricted);
    expect(validateCap(xml)).toMatchObject({ ok: true });
    expect(field(xml, 'scope')).toBe('Restricted');
    expect(field(xml, 'restriction')).toMatch(/law enforcement/i);
  });

  it('addresses a private advisory to its organisations, valid', async () => {
    const xml = await h.advisories.cap(partner, privateId);
    expect(validateCap(xml)).toMatchObject({ ok: true });
    expect(field(xml, 'scope')).toBe('Private');
    expect(field(xml, 'addresses')).toBe('port-authority airline-x');
  });

  it('gives a UK level without a sunset, one area per region, valid', async () => {
    const xml = await h.advisories.cap(undefined, uk);
    expect(validateCap(xml)).toMatchObject({ ok: true });
    expect(xml).not.toContain('<expires>');
    expect([...xml.matchAll(/<areaDesc>([^<]*)<\/areaDesc>/g)].map((m) => m[1])).toEqual(['Great Britain', 'Northern Ireland']);
    expect(xml).toContain('<valueName>responseLevel</valueName>');
  });

  it('never carries the justification, even to law enforcement', async () => {
    for (const advisory of [id, restricted, privateId]) {
      expect(await h.advisories.cap(partner, advisory)).not.toContain('SOURCE-CONFIDENTIAL');
    }
  });

  it('has no CAP message for a draft', async () => {
    const draft = await h.advisories.create(author, ntas());
    await expect(h.advisories.cap(author, draft.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
