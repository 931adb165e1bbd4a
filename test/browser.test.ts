/**
 * Browser tests: the built web app (dist/web) served by the real `corroborate serve`, driven by
 * playwright-core in Debian's chromium. A temp case file is filled from fixtures written for
 * these tests (an execution told by a local group, a monitor citing it and an outlet citing the
 * monitor, who disagree on the death toll; a car bombing; an abduction; a hostile report
 * carrying <script> and <img onerror>), then the app is used as a documenter would: open it,
 * sign in, search, open an incident, read its provenance graph, open a report with highlights,
 * be refused as a viewer, correct a field as an editor and find the audit entry.
 *
 * Needs chromium (`.ci/run` installs it). Without it the test fails, unless
 * CORROBORATE_SKIP_BROWSER=1. CORROBORATE_SCREENSHOTS=DIR saves the README's screenshots.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { findChromium, launchChromium } from './browser/chromium.js';
import { cli, createToken, removeDb, ROOT, serve, tempDb, type Served } from './browser/server.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'browser');
const skip = process.env.CORROBORATE_SKIP_BROWSER === '1';
const shots = process.env.CORROBORATE_SCREENSHOTS;

describe.skipIf(skip)('web app in chromium', () => {
  let browser: Browser;
  let server: Served;
  let page: Page;
  let db: string;
  let viewer: string;
  let editor: string;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  const shot = async (name: string) => {
    if (!shots) return;
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  };

  const signIn = async (token: string) => {
    await page.locator('.signin button', { hasText: /Sign in|Change token/ }).click();
    await page.getByLabel('API token').fill(token);
    await page.locator('.signin form button[type=submit]').click();
  };

  beforeAll(async () => {
    const executable = findChromium();
    if (!executable) {
      throw new Error('chromium not found (looked at $CHROMIUM_PATH, /usr/bin/chromium, PATH): install it with `apt-get install -y chromium` (.ci/run does) or set CORROBORATE_SKIP_BROWSER=1 to skip the browser tests');
    }
    if (!existsSync(join(ROOT, 'dist', 'web', 'index.html')) || !existsSync(join(ROOT, 'dist', 'src', 'cli.js'))) {
      throw new Error('the app is not built (dist/web/index.html or dist/src/cli.js missing): run `npm run build` first (`npm test` does)');
    }
    db = tempDb();
    await cli(['ingest', '--db', db, '--by', 'browser-test', '--no-progress', join(FIXTURES, 'reports.jsonl'), join(FIXTURES, 'hostile.jsonl')]);
    viewer = await createToken(db, 'viewer', 'vera-viewer');
    editor = await createToken(db, 'editor', 'eddie-editor');
    server = await serve(db);
    browser = await launchChromium(executable);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(10_000);
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (db) removeDb(db);
  });

  it('opens the app, says a token is needed, then lists incidents on a map and a timeline', async () => {
    await page.goto(server.url + '/');
    await expect.poll(() => page.locator('[role=alert]').first().textContent()).toMatch(/token|401/i);
    await signIn(viewer);
    await expect.poll(() => page.locator('.who').textContent()).toContain('viewer');
    await page.locator('tr[data-incident]').first().waitFor();
    expect(await page.locator('tr[data-incident]').count()).toBeGreaterThanOrEqual(3);
    // the map draws the Natural Earth boundaries and one dot per placed incident
    await page.locator('.map path.country').first().waitFor();
    expect(await page.locator('.map path.country').count()).toBeGreaterThan(100);
    expect(await page.locator('.map circle.dot').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.timeline rect.mark').count()).toBeGreaterThanOrEqual(3);
    await shot('incidents');
  });

  it('searches the incidents', async () => {
    const all = await page.locator('tr[data-incident]').count();
    await page.getByLabel('Search incidents').fill('Mosul');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.url()).toContain('q=Mosul');
    // the Mosul report's incidents only: the bombing, and none of the others
    await expect.poll(() => page.locator('tr[data-incident]').count()).toBeLessThan(all);
    const rows = await page.locator('tr[data-incident]').allTextContents();
    expect(rows.join('|')).toMatch(/bombing/);
    expect(rows.join('|')).not.toMatch(/execution|abduction/);
    await page.getByLabel('Search incidents').fill('Kafr Nasih');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.locator('tr[data-incident]').first().textContent()).toMatch(/execution/);
    await expect.poll(() => page.locator('tr[data-incident]').count()).toBe(1);
  });

  it('downloads the listed incidents as ACLED CSV, with the list\'s filters and the token', async () => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'ACLED CSV' }).click()]);
    expect(file.suggestedFilename()).toBe('acled.csv');
    const csv = readFileSync((await file.path())!, 'utf8').trim().split(/\r?\n/);
    expect(csv[0]).toMatch(/^event_id_cnty,/);
    expect(csv).toHaveLength(2);
    expect(csv[1]).toMatch(/Syria/);
  });

  it('opens an incident: fields with their origins, the contradiction side by side, the provenance graph', async () => {
    await page.locator('tr[data-incident] a', { hasText: 'execution' }).first().click();
    await page.locator('h1', { hasText: 'execution' }).waitFor();
    const killed = page.locator('tr.field[data-field=killed]');
    expect(await killed.getAttribute('class')).toContain('contradiction');
    const stated = await killed.locator('.side-by-side .stated-value').allTextContents();
    expect(stated.sort()).toEqual(['3', '4']);
    // the graph: sources as nodes, citations as arrows, the origin marked
    const graph = page.locator('figure.provenance svg');
    await graph.waitFor();
    const origins = graph.locator('g.node[data-origin=true]');
    expect(await origins.count()).toBeGreaterThanOrEqual(1);
    expect((await origins.allTextContents()).join(' ')).toMatch(/Kafr Nasih|KNDV/);
    expect(await origins.first().getAttribute('aria-label')).toMatch(/origin/);
    expect(await graph.locator('g.node[data-origin=false]').count()).toBeGreaterThanOrEqual(1);
    expect(await graph.locator('path.edge').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('ul.reports li').count()).toBe(3);
    await shot('incident');
  });

  it('opens a report with its sources, cues, claims, hedges and evidence highlighted, and clicks back to the incident', async () => {
    const incidentUrl = page.url();
    // from the value "4" on the case sheet to a report that states it, its evidence marked
    const four = page.locator('tr.field[data-field=killed] .stated', { has: page.locator('.stated-value', { hasText: /^4$/ }) });
    await four.locator('.in-reports a[title="Four men executed in Syrian town, monitor says"]').click();
    await page.locator('.report-text').waitFor();
    expect(await page.locator('.report-text mark.focus').count()).toBeGreaterThan(0);
    for (const kind of ['source', 'cue', 'content', 'hedge', 'evidence']) {
      expect(await page.locator(`.report-text mark.hl-${kind}`).count(), `highlights of kind ${kind}`).toBeGreaterThan(0);
    }
    expect(await page.locator('.report-text mark.hl-hedge').allTextContents()).toContain('allegedly');
    // highlights only wrap the text: it reads exactly as stored
    const text = await page.locator('.report-text').textContent();
    expect(text).toContain('according to the monitoring group SOHR');
    await shot('report');
    await page.locator('.report-text mark[data-incident]').first().click();
    await expect.poll(() => page.url()).toBe(incidentUrl);
  });

  it('refuses a correction from a viewer and changes nothing', async () => {
    const killed = page.locator('tr.field[data-field=killed]');
    const before = await killed.locator('.value').textContent();
    await killed.getByRole('button', { name: 'Correct…' }).click();
    await page.getByLabel('corrected killed').fill('5');
    await page.getByRole('button', { name: 'Save correction' }).click();
    const alert = killed.locator('[role=alert]');
    await expect.poll(() => alert.textContent()).toMatch(/403|editor|role|forbidden/i);
    await page.reload();
    await page.locator('tr.field[data-field=killed]').waitFor();
    expect(await page.locator('tr.field[data-field=killed] .value').textContent()).toBe(before);
    expect(await page.locator('table.audit tbody tr').count()).toBe(0);
  });

  it('lets an editor correct a field: the extraction is kept, the correction shown, the audit entry names who and the previous value', async () => {
    await signIn(editor);
    await expect.poll(() => page.locator('.who').textContent()).toContain('eddie-editor');
    const killed = page.locator('tr.field[data-field=killed]');
    await killed.getByRole('button', { name: 'Correct…' }).click();
    await page.getByLabel('corrected killed').fill('4');
    await page.getByLabel('note on killed').fill('the monitor names all four men');
    await page.getByRole('button', { name: 'Save correction' }).click();
    await expect.poll(() => killed.locator('.corrected').textContent()).toBe('4');
    expect(await killed.locator('del').textContent()).toBe('3–4');
    const row = page.locator('table.audit tbody tr').first();
    await row.waitFor();
    const entry = await row.textContent();
    expect(entry).toContain('eddie-editor');
    expect(entry).toContain('killed: 3–4');
    expect(entry).toContain('killed: 4');
    expect(entry).toContain('the monitor names all four men');
    // the global audit log shows it too
    await page.locator('nav.tabs').getByRole('link', { name: 'Audit log' }).click();
    await expect.poll(() => page.locator('table.audit tbody tr').first().textContent()).toContain('eddie-editor');
  });

  it('lets an editor split a report off an incident and merge it back, both in the audit', async () => {
    await page.goto(server.url + '/?q=' + encodeURIComponent('Kafr Nasih'));
    await page.locator('tr[data-incident] a', { hasText: 'execution' }).first().click();
    await page.locator('h1', { hasText: 'execution' }).waitFor();
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    expect(await page.locator('ul.reports li').count()).toBe(3);
    await page.getByLabel('select Four men executed in Syrian town, monitor says to split off').check();
    await page.getByLabel('why merge or split').fill('the outlet may describe another execution');
    await page.getByRole('button', { name: 'Split off 1 selected report' }).click();
    const made = page.locator('.notice a[data-made]');
    await made.first().waitFor();
    const newId = (await made.first().getAttribute('data-made'))!;
    expect(newId).not.toBe(id);
    await expect.poll(() => page.locator('ul.reports li').count()).toBe(2);
    await page.getByLabel('incidents to merge with').fill(newId);
    await page.getByLabel('why merge or split').fill('same execution after all');
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect.poll(() => page.locator('ul.reports li').count()).toBe(3);
    const actions = () => page.locator('table.audit tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    await expect.poll(actions).toContain('incidents.merge');
    expect(await actions()).toContain('incidents.split');
  });

  it('lets an editor merge two sources into one and split a name off again, both in the audit log', async () => {
    // the Mosul report names "police" and "police officials": one source to a documenter
    await page.locator('nav.tabs').getByRole('link', { name: 'Sources' }).click();
    await page.getByLabel('Search sources').fill('police');
    await page.getByRole('button', { name: 'Search' }).click();
    const rows = page.locator('tr[data-source]');
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByLabel('select police', { exact: true }).check();
    await page.getByLabel('select police officials', { exact: true }).check();
    await page.getByLabel('name of the merged source').fill('police');
    await page.getByRole('button', { name: 'Merge 2 selected' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('police officials');
    await rows.first().getByRole('button', { name: 'Split…' }).click();
    await page.getByLabel('names to split off').fill('police officials');
    await page.getByRole('button', { name: 'Split off' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    await page.locator('nav.tabs').getByRole('link', { name: 'Audit log' }).click();
    await expect.poll(() => page.locator('table.audit tbody tr[data-action="sources.split"]').count()).toBe(1);
    expect(await page.locator('table.audit tbody tr[data-action="sources.merge"]').count()).toBe(2);
  });

  it('lists what one source said, from the sources to its claims', async () => {
    await page.locator('nav.tabs').getByRole('link', { name: 'Sources' }).click();
    await page.locator('tr[data-source] a', { hasText: 'Syrian Observatory for Human Rights' }).click();
    await expect.poll(() => page.url()).toContain('/claims?source=');
    const rows = page.locator('tr[data-claim]');
    await rows.first().waitFor();
    const sources = await rows.locator('td:first-child').allTextContents();
    expect(sources.length).toBeGreaterThan(0);
    expect(new Set(sources)).toEqual(new Set(['Syrian Observatory for Human Rights']));
    expect((await rows.locator('td:nth-child(3)').allTextContents()).join(' ')).toMatch(/Kafr Nasih/);
  });

  it('lets an editor add a report in the app; its markup is kept as text and it is linked into an incident', async () => {
    await page.locator('nav.tabs').getByRole('link', { name: 'Reports' }).click();
    await page.locator('details.upload summary').click();
    await page.getByLabel('title', { exact: true }).fill('Three farmers killed near Idlib');
    await page.getByLabel('published', { exact: true }).fill('2021-08-07');
    await page.getByLabel('report text').fill('Gunmen killed three farmers in a village near Idlib on Friday, <b onmouseover="window.__pwned=5">the civil defence</b> said.');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const added = page.locator('details.upload li', { hasText: 'added' });
    await added.waitFor();
    await added.locator('a').click();
    await page.locator('.report-text').waitFor();
    expect(await page.locator('.report-text').textContent()).toContain('<b onmouseover="window.__pwned=5">the civil defence</b>');
    expect(await page.locator('.report-text b').count()).toBe(0);
    await expect.poll(() => page.locator('.reader-side a', { hasText: 'incident:' }).count()).toBeGreaterThan(0);
  });

  it('shows a hostile report literally and runs nothing it contains', async () => {
    await page.goto(server.url + '/reports');
    if (!((await page.locator('.who').textContent()) ?? '').includes('(')) await signIn(viewer);
    await page.locator('nav.tabs').getByRole('link', { name: 'Reports' }).click();
    await page.locator('tr[data-report] a', { hasText: 'Two traders shot near Homs' }).click();
    await page.locator('.report-text').waitFor();
    const text = await page.locator('.report-text').textContent();
    expect(text).toContain('<script>window.__pwned = 1; alert("script ran")</script>');
    expect(text).toContain(`<img src=x onerror="window.__pwned = 2; alert('onerror ran')">`);
    expect(await page.locator('h1').textContent()).toContain('<img src=x onerror="window.__pwned=3">');
    // no element was made from the report's markup, no link runs its javascript: url
    expect(await page.locator('#root script, #root img, #root iframe').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    // its incident's case sheet lists the hostile title as text too
    await page.locator('.reader-side a', { hasText: 'incident:' }).first().click();
    await page.locator('ul.reports li', { hasText: 'Two traders shot near Homs <img src=x' }).waitFor();
    expect(await page.locator('#root script, #root img, #root iframe').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    // the API serves the page with a script policy that would stop inline script anyway
    const res = await fetch(page.url());
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('raised no script error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
