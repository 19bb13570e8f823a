import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, apiSession, eventually, focused, hasText, launchChromium, listFile, screenshot, signIn, startVigil, type Vigil } from './harness.js';

const OFAC = listFile('ofac', 'history', 'sdn_2024-05-03.csv');
const UN = listFile('un', 'consolidated_2026-02-27.xml');
const ZAWAHIRI_AR = 'أيمن محمد ربيع الظواهري';
const ZAWAHIRI = 'AIMAN MUHAMMED RABI AL-ZAWAHIRI';

describe('the analyst console in Chromium against vigil serve', () => {
  let vigil: Vigil;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  async function newPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'en-GB' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => errors.push(error.message));
    return page;
  }

  beforeAll(async () => {
    [vigil, browser] = await Promise.all([startVigil([OFAC, UN]), launchChromium()]);
    for (const [name, role] of [['olga', 'officer'], ['anna', 'analyst'], ['sam', 'supervisor'], ['sue', 'supervisor']] as const) await addUser(vigil, name, role);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await vigil?.stop();
  });

  it('serves the console at / with its assets, and every console path', async () => {
    const index = await fetch(`${vigil.base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${vigil.base}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${vigil.base}/cases/some-case`)).status).toBe(200);
    // Unknown API paths still answer JSON 404s, not the console.
    const unknown = await fetch(`${vigil.base}/v1/no-such-thing`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe('ROUTE_NOT_FOUND');
  });

  it('refuses a wrong password and signs in; the dashboard shows the threat level in force', async () => {
    // A published advisory: drafted by the admin, approved by a supervisor, published.
    const created = await vigil.admin('/v1/advisories', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scheme: 'uk', level: 'substantial', title: 'Threat level raised to substantial', summary: 'An attack is likely.', regions: ['Great Britain'] }),
    });
    expect(created.status).toBe(201);
    const advisoryId = ((await created.json()) as { id: string }).id;
    const supervisor = await apiSession(vigil.base, 'sam');
    expect((await supervisor(`/v1/advisories/${advisoryId}/approve`, {})).status).toBe(200);
    expect((await vigil.admin(`/v1/advisories/${advisoryId}/publish`, { method: 'POST' })).status).toBe(200);

    const page = await newPage();
    await page.goto(`${vigil.base}/`);
    await page.getByLabel('User name').fill('olga');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await hasText(page.getByRole('alert'), /not right/);
    await screenshot(page, '01-sign-in');

    await signIn(page, vigil.base, 'olga');
    const level = page.getByRole('region', { name: 'Threat level' });
    await hasText(level.locator('.level__name'), 'Substantial');
    await hasText(level, /Great Britain/i);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, '02-dashboard');
  });

  it('screens a name written in Arabic as it is typed and explains the hit', async () => {
    const page = await newPage();
    await signIn(page, vigil.base, 'olga');
    await page.getByRole('link', { name: 'Screen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Screen a person' }).waitFor();
    // Typed key by key: results follow the typing, debounced.
    await page.getByLabel('Full name').pressSequentially(ZAWAHIRI_AR, { delay: 15 });
    const hits = page.getByRole('list', { name: 'Hits' });
    await hits.getByText(ZAWAHIRI).first().waitFor();
    await hasText(page.locator('.results [aria-live="polite"]'), /hit/);
    const first = hits.getByRole('listitem').first();
    await hasText(first, 'un-sc:QDi.006');
    await hasText(first.getByRole('table'), 'Exact');
    // Both names as written, side by side.
    await first.getByLabel(`Name screened: ${ZAWAHIRI_AR}`).waitFor();
    await screenshot(page, '03-screen-arabic');

    // Dates and documents: the feature contributions say what agreed.
    await page.getByLabel('Full name').fill('Aiman al-Zawahry');
    await page.getByLabel('Date of birth').fill('1951-06-19');
    await page.getByLabel('Nationality').fill('EG');
    await page.getByRole('button', { name: 'Add a document' }).click();
    await page.getByLabel('Number').fill('1084010');
    await hasText(hits.getByRole('listitem').first(), 'decisive');
    await hasText(hits.getByRole('listitem').first(), 'same date of birth as listed');
    await screenshot(page, '04-screen-features');
  });

  it('is usable with the keyboard: skip link first, visible focus, labelled landmarks', async () => {
    const page = await newPage();
    await signIn(page, vigil.base, 'olga');
    // Signing in lands on the dashboard with focus on its heading, for screen readers.
    await eventually(async () => expect(await focused(page)).toBe('Dashboard'));
    // A page opened afresh starts at the top: the skip link comes first.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Skip to main content');
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await focused(page)).toMatch(/Dashboard/));
    // Tab order then follows the page: the dashboard's first control after the heading.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Screen a person');
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('contentinfo').count()).toBe(1);
    // The screening form is reachable and typed into from the keyboard alone.
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Screen a person' }).waitFor();
    await page.getByLabel('Full name').focus();
    await page.keyboard.type('Ayman al-Zawahiri');
    await page.getByRole('list', { name: 'Hits' }).getByRole('listitem').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Add another name');
  });

  it('shows an entity with all its names, scripts, documents, programmes, relations and history', async () => {
    const page = await newPage();
    await signIn(page, vigil.base, 'anna');
    // From a hit: the screened dates and documents beside the listed record's.
    await page.getByRole('link', { name: 'Screen', exact: true }).click();
    await page.getByLabel('Date of birth').fill('1951-06-19');
    await page.getByRole('button', { name: 'Add a document' }).click();
    await page.getByLabel('Number').fill('1084010');
    await page.getByLabel('Full name').fill(ZAWAHIRI_AR);
    const first = page.getByRole('list', { name: 'Hits' }).getByRole('listitem').first();
    await first.getByRole('button', { name: 'Compare dates and documents' }).click();
    const comparison = first.getByRole('table').filter({ hasText: 'beside the listed record' });
    await hasText(comparison.getByRole('row').filter({ hasText: 'Date of birth' }), /1951-06-19\s+1951-06-19 same/i);
    await hasText(comparison.getByRole('row').filter({ hasText: 'Documents' }), /passport 1084010[\s\S]*passport 1084010 \(EG\)/);
    await screenshot(page, '05a-screen-compare');
    await first.getByRole('link', { name: 'Open listed record' }).click();
    await page.getByRole('heading', { level: 1, name: ZAWAHIRI }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/entities/${encodeURIComponent('un-sc:QDi.006')}`);
    const names = page.getByRole('region', { name: 'Names' });
    await hasText(names.getByRole('row').filter({ hasText: ZAWAHIRI_AR }), 'Arabic');
    await hasText(page.getByRole('region', { name: 'Documents' }), '1084010');
    await hasText(page.getByRole('region', { name: 'Programmes' }), 'Al-Qaida');
    await hasText(page.getByRole('region', { name: 'Relations' }), 'QDe.004');
    await hasText(page.getByRole('region', { name: 'Version history' }), 'un-sc v1');
    await screenshot(page, '05-entity');
  });

  it('lists versions and the differences between two of them', async () => {
    const older = await readFile(listFile('ofac', 'history', 'sdn_2024-05-02.csv'));
    const imported = await vigil.admin('/v1/lists/ofac-sdn/import?filename=sdn_2024-05-02.csv', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: older });
    expect(imported.status).toBe(200);
    const page = await newPage();
    await signIn(page, vigil.base, 'anna');
    await page.getByRole('link', { name: 'Lists', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Lists and their versions' }).waitFor();
    await hasText(page.getByRole('row').filter({ hasText: 'v2' }), 'sdn_2024-05-02.csv');
    // 2024-05-03 removed 8 entries: going back to 05-02 adds them again.
    await hasText(page.locator('.diff__totals'), /Version 1 → 2: 8 added/);
    await screenshot(page, '06-lists-diff');
  });

  it('fits a tablet: the navigation folds into a menu', async () => {
    const page = await newPage({ width: 820, height: 1180 });
    await signIn(page, vigil.base, 'olga');
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.waitFor();
    await page.getByRole('navigation', { name: 'Main' }).waitFor({ state: 'hidden' });
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('link', { name: 'Screen', exact: true }).click();
    await page.getByLabel('Full name').fill(ZAWAHIRI_AR);
    await page.getByRole('list', { name: 'Hits' }).getByText(ZAWAHIRI).first().waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBe(0);
    await screenshot(page, '07-tablet-screen', false);
  });

  describe('adjudication', () => {
    it('an officer decides a case; only a supervisor who did not propose it confirms the true match', async () => {
      const officer = await newPage();
      await signIn(officer, vigil.base, 'olga');
      // A screening that is not clear opens a case. The name last: the form screens once.
      await officer.getByRole('link', { name: 'Screen', exact: true }).click();
      await officer.getByLabel('Date of birth').fill('1951-06-19');
      await officer.getByRole('button', { name: 'Add a document' }).click();
      await officer.getByLabel('Number').fill('1084010');
      await officer.getByLabel('Full name').fill('Aiman al-Zawahry');
      // Results while typing open no case; referring the traveller does.
      await officer.getByRole('list', { name: 'Hits' }).getByRole('listitem').first().waitFor();
      await officer.getByRole('button', { name: 'Refer for review' }).click();
      await officer.getByRole('link', { name: 'open the case' }).click();
      const hit = officer.getByRole('region', { name: /Hit 1:/ });
      await hit.waitFor();
      await hasText(hit, 'un-sc:QDi.006');
      await officer.getByRole('button', { name: 'Take the case' }).click();
      await hasText(officer.getByRole('status').filter({ hasText: 'yours' }), 'The case is yours');
      await hit.getByRole('radio', { name: 'True match' }).check();
      await hit.getByLabel('Reason code').selectOption('confirmed_identity_document');
      await hit.getByLabel(/Note/).fill('Passport 1084010 presented at the desk.');
      await hit.getByRole('button', { name: 'Record decision' }).click();
      await hasText(officer.locator('.status-line'), /awaits a supervisor/);
      await hasText(hit, 'Awaiting confirmation by a supervisor');
      expect(await hit.getByRole('button', { name: 'Confirm decision' }).count()).toBe(0);
      await screenshot(officer, '08-case-proposed');

      // The officer's own session is refused the confirmation by the server, not just the page.
      const caseId = decodeURIComponent(new URL(officer.url()).pathname.split('/').pop() ?? '');
      const detail = (await (await officer.request.get(`${vigil.base}/v1/cases/${caseId}`)).json()) as { hits: Array<{ entityId: string; decision?: { id: string; state: string } }> };
      const proposed = detail.hits.find((h) => h.entityId === 'un-sc:QDi.006')?.decision;
      expect(proposed?.state).toBe('proposed');
      const refused = await officer.request.post(`${vigil.base}/v1/cases/${caseId}/hits/${encodeURIComponent('un-sc:QDi.006')}/decisions/${proposed?.id ?? ''}/confirm`, { data: {} });
      expect(refused.status()).toBe(403);
      expect(((await refused.json()) as { code: string }).code).toBe('FORBIDDEN');

      const supervisor = await newPage();
      await signIn(supervisor, vigil.base, 'sam');
      await supervisor.getByRole('link', { name: 'Review queue' }).click();
      await supervisor.getByLabel('Awaiting confirmation').check();
      const row = supervisor.getByRole('row').filter({ hasText: 'Aiman al-Zawahry' });
      await row.first().waitFor();
      await screenshot(supervisor, '09-queue-awaiting');
      await row.first().getByRole('link').click();
      const supervisedHit = supervisor.getByRole('region', { name: /Hit 1:/ });
      await supervisedHit.getByRole('button', { name: 'Confirm decision' }).click();
      await hasText(supervisor.locator('.status-line'), /Confirmed: True match/);
      await hasText(supervisedHit, /Confirmed · by/);
      await screenshot(supervisor, '10-case-confirmed');
    });

    it('a false positive suppresses the hit for the same traveller until the listing changes', async () => {
      const officer = await newPage();
      await signIn(officer, vigil.base, 'olga');
      const screenGubareva = async (): Promise<void> => {
        await officer.goto(`${vigil.base}/screen`);
        // The name last: the form screens once, with everything it identifies the traveller by.
        await officer.getByLabel('Nationality').fill('FR');
        await officer.getByLabel('Full name').fill('Ekaterina Gubareva');
        await officer.getByRole('list', { name: 'Hits' }).locator('.hit__caption', { hasText: 'GUBAREVA, Ekaterina' }).first().waitFor();
      };
      await screenGubareva();
      await officer.getByRole('button', { name: 'Refer for review' }).click();
      await officer.getByRole('link', { name: 'open the case' }).click();
      const hit = officer.getByRole('region', { name: /Hit 1: GUBAREVA/ });
      await hit.getByRole('radio', { name: 'False positive' }).check();
      await hit.getByLabel('Reason code').selectOption('different_nationality');
      await hit.getByRole('button', { name: 'Record decision' }).click();
      await hasText(officer.locator('.status-line'), /False positive recorded/);
      await screenshot(officer, '11-case-false-positive');

      // The same traveller again: the hit is set aside and nothing is referred.
      await screenGubareva();
      const again = officer.getByRole('list', { name: 'Hits' }).getByRole('listitem').first();
      await hasText(again, 'Set aside by redress');
      await hasText(officer.locator('.results__head'), /Clear/i);
      await screenshot(officer, '12-screen-suppressed');

      // OFAC amends the listing (a place of birth added): the suppression lapses, the hit is back.
      const listed = await readFile(OFAC, 'utf8');
      const amended = listed.replace('"DOB 05 Jul 1983; nationality Ukraine;', '"DOB 05 Jul 1983; POB Sevastopol, Crimea; nationality Ukraine;');
      expect(amended).not.toBe(listed);
      const file = join(vigil.dir, 'sdn_amended.csv');
      await writeFile(file, amended);
      const imported = await vigil.admin('/v1/lists/ofac-sdn/import?filename=sdn_amended.csv', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: await readFile(file) });
      expect(imported.status).toBe(200);
      await screenGubareva();
      const back = officer.getByRole('list', { name: 'Hits' }).getByRole('listitem').first();
      await hasText(officer.locator('.results__head'), /Match/i);
      expect(await back.getByText('Set aside by redress').count()).toBe(0);
      const suppressions = (await (await officer.request.get(`${vigil.base}/v1/suppressions?entityId=${encodeURIComponent('ofac-sdn:17754')}`)).json()) as { suppressions: Array<{ status: string }> };
      expect(suppressions.suppressions.map((x) => x.status)).toContain('lapsed');
      await screenshot(officer, '13-screen-lapsed');
    });
  });

  it('shows a vetting alert live when a list change hits an enrolled traveller', async () => {
    // A traveller enrolled for recurrent vetting (as a visa screening would enrol them).
    const enrolled = join(vigil.dir, 'enrolled.jsonl');
    await writeFile(enrolled, `${JSON.stringify({ id: 'e2e-traveller-abisov', name: 'Sergei Abisov', birthDate: '1967-11-27' })}\n`);
    await vigil.cli(['subjects', 'import', enrolled, '--channel', 'visa']);

    const page = await newPage();
    await signIn(page, vigil.base, 'anna');
    await page.getByRole('link', { name: 'Alerts', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Vetting alerts' }).waitFor();
    await hasText(page.locator('.live'), /Live/);

    // OFAC amends ABISOV's listing; vetting the change raises the alert, which the page receives.
    const listed = await readFile(OFAC, 'utf8');
    const amended = listed
      .replace('"DOB 05 Jul 1983; nationality Ukraine;', '"DOB 05 Jul 1983; POB Sevastopol, Crimea; nationality Ukraine;')
      .replace('"DOB 27 Nov 1967; POB Simferopol, Crimea, Ukraine;', '"DOB 27 Nov 1967; POB Simferopol, Crimea, Ukraine; nationality Russia;');
    const file = join(vigil.dir, 'sdn_amended_2.csv');
    await writeFile(file, amended);
    const imported = await vigil.admin('/v1/lists/ofac-sdn/import?filename=sdn_amended_2.csv', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: await readFile(file) });
    expect(imported.status).toBe(200);
    // The server vets the change it imported at once: no `vigil vet`, no waiting for a tick.
    const alert = page.getByRole('list', { name: 'Alerts, newest first' }).getByRole('listitem').filter({ hasText: 'e2e-traveller-abisov' });
    await hasText(alert, 'ABISOV, Sergei', 30_000).catch((error: unknown) => {
      throw new Error(`no alert for the enrolled traveller; the server logged:\n${vigil.log().slice(-4_000)}`, { cause: error });
    });
    await hasText(alert, /changed \(nationalities\) in ofac-sdn/);
    await hasText(page.locator('[aria-live="polite"]').filter({ hasText: 'New alert' }), 'e2e-traveller-abisov');
    await hasText(page.locator('.live'), /Live/);
    await screenshot(page, '14-alerts-live');
    // The dashboard counts it among today's alerts, beside the queue it fed.
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await hasText(page.getByRole('region', { name: 'Alerts today' }), 'e2e-traveller-abisov');
    await page.waitForLoadState('networkidle');
    await screenshot(page, '15-dashboard-analyst');
  });

  it('threw no script error in any page', () => {
    expect(errors).toEqual([]);
  });
});
