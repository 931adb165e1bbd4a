/**
 * Browser tests: the built web app (dist/web) served by the real `corroborate serve`, driven by
 * playwright-core in Debian's chromium. A temp case file is filled from fixtures written for
 * these tests (an execution told by a local group, a monitor citing it and an outlet citing the
 * monitor, who disagree on the death toll; a car bombing; an abduction; a hostile report
 * carrying <script> and <img onerror>), then the app is used as a documenter would: open it,
 * sign in, search, open an incident, read its provenance graph, open a report with highlights,
 * be refused as a viewer, correct a field as an editor and find the audit entry. A second suite
 * starts `serve --tiles` against a tile server run by the test (one PNG colour per tile, in a
 * checkerboard) and checks what is requested, where it is drawn and that the CSP lets it in; and
 * that without --tiles nothing is fetched from anywhere but the server.
 *
 * Needs chromium (`.ci/run` installs it). Without it the test fails, unless
 * CORROBORATE_SKIP_BROWSER=1. CORROBORATE_SCREENSHOTS=DIR saves the README's screenshots.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, ConsoleMessage, Page, Request } from 'playwright-core';
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
    // and the incident list states the correction, marked as one
    await page.goto(server.url + '/?q=' + encodeURIComponent('Kafr Nasih'));
    const listed = page.locator('tr[data-incident]', { hasText: 'execution' }).first();
    await listed.waitFor();
    expect(await listed.locator('td.num').first().textContent()).toBe('4');
    expect(await listed.locator('.badge.ok').textContent()).toBe('corrected: killed');
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

// ---------------------------------------------------------------------------------------------
// `serve --tiles URL`: raster tiles from a tile server behind the Natural Earth boundaries

/** CRC-32 of PNG chunks. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A 256 × 256 RGB PNG of one colour. */
function tilePng([r, g, b]: readonly number[]): Buffer {
  const size = 256;
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3); // filter byte 0, then the pixels
    for (let x = 0; x < size; x++) rows.set([r, g, b], row + 1 + x * 3);
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

// tiles in a checkerboard of two colours found nowhere else in the app
const TILE_EVEN = [255, 170, 60] as const; // (x + y) even: orange
const TILE_ODD = [90, 200, 120] as const; // (x + y) odd: green
const SEA = [0xe4, 0xee, 0xf5] as const; // .sea, under the tiles

interface TileHit { z: number; x: number; y: number }

/** A local XYZ tile server: a PNG for any /{z}/{x}/{y}.png, every request counted. */
async function tileServer(): Promise<{ origin: string; hits: TileHit[]; others: string[]; close: () => Promise<void> }> {
  const hits: TileHit[] = [];
  const others: string[] = [];
  const png = { even: tilePng(TILE_EVEN), odd: tilePng(TILE_ODD) };
  const server: Server = createServer((req, res) => {
    const m = /^\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(req.url ?? '');
    if (!m) {
      others.push(req.url ?? '');
      res.writeHead(404).end();
      return;
    }
    const [z, x, y] = m.slice(1).map(Number);
    hits.push({ z, x, y });
    res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' }).end((x + y) % 2 ? png.odd : png.even);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, hits, others, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** How many pixels of a PNG are within `tol` of each colour (decoded by chromium in a blank page). */
async function countColours(browser: Browser, png: Buffer, colours: Record<string, readonly number[]>, tol = 12): Promise<Record<string, number> & { total: number }> {
  const blank = await browser.newPage();
  try {
    return await blank.evaluate(async ({ data, colours, tol }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const g = canvas.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const px = g.getImageData(0, 0, canvas.width, canvas.height).data;
      const out: Record<string, number> = { total: canvas.width * canvas.height };
      for (const [name, [r, gr, b]] of Object.entries(colours)) {
        let n = 0;
        for (let i = 0; i < px.length; i += 4) if (Math.abs(px[i] - r) <= tol && Math.abs(px[i + 1] - gr) <= tol && Math.abs(px[i + 2] - b) <= tol) n++;
        out[name] = n;
      }
      return out as Record<string, number> & { total: number };
    }, { data: png.toString('base64'), colours, tol });
  } finally {
    await blank.close();
  }
}

/** Web Mercator tile coordinates (fractional) of a point at zoom z. */
function tileXY(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const phi = (lat * Math.PI) / 180;
  return [((lon + 180) / 360) * n, ((1 - Math.asinh(Math.tan(phi)) / Math.PI) / 2) * n];
}

describe.skipIf(skip)('map tiles from a tile server configured with serve --tiles', () => {
  let browser: Browser;
  let tiles: Awaited<ReturnType<typeof tileServer>>;
  let server: Served | null = null;
  let db: string;

  /** Opens the incidents page, noting every request that leaves the server and every CSP complaint. */
  const open = async (served: Served) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(10_000);
    const external: string[] = [];
    const images: string[] = [];
    const csp: string[] = [];
    const errors: string[] = [];
    page.on('request', (r: Request) => {
      if (new URL(r.url()).origin !== served.url) external.push(r.url());
      if (r.resourceType() === 'image') images.push(r.url());
    });
    page.on('console', (m: ConsoleMessage) => { if (/Content Security Policy/i.test(m.text())) csp.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(served.url + '/');
    await page.locator('tr[data-incident]').first().waitFor();
    await page.locator('.map path.country').first().waitFor();
    return { page, external, images, csp, errors };
  };

  beforeAll(async () => {
    const executable = findChromium();
    if (!executable) throw new Error('chromium not found: install it with `apt-get install -y chromium` or set CORROBORATE_SKIP_BROWSER=1');
    tiles = await tileServer();
    db = tempDb();
    await cli(['ingest', '--db', db, '--by', 'browser-test', '--no-progress', join(FIXTURES, 'reports.jsonl')]);
    browser = await launchChromium(executable);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await tiles?.close();
    if (db) removeDb(db);
  });

  it('requests the tiles of the map\'s view, draws them under the boundaries, and the CSP lets them in', async () => {
    const template = `${tiles.origin}/{z}/{x}/{y}.png`;
    server = await serve(db, ['--public', '--tiles', template]);
    expect(await (await fetch(server.url + '/api/config')).json()).toEqual({ tiles: template, public: true });
    const policy = (await fetch(server.url + '/')).headers.get('content-security-policy') ?? '';
    expect(policy).toContain(`img-src 'self' data: ${tiles.origin};`);

    const { page, external, csp, errors } = await open(server);
    const map = page.locator('.map svg');
    await map.locator('image').first().waitFor();
    const drawn = await map.locator('image').evaluateAll((els) => els.map((e) => ({
      href: e.getAttribute('href')!, x: Number(e.getAttribute('x')), y: Number(e.getAttribute('y')), size: Number(e.getAttribute('width')),
    })));
    // every tile drawn is fetched from the tile server, once per tile, and nothing else is
    const keys = drawn.map((t) => t.href.slice(tiles.origin.length + 1).replace(/\.png$/, ''));
    await expect.poll(() => new Set(tiles.hits.map((h) => `${h.z}/${h.x}/${h.y}`)).size).toBe(new Set(keys).size);
    expect(new Set(tiles.hits.map((h) => `${h.z}/${h.x}/${h.y}`))).toEqual(new Set(keys));
    expect(tiles.others).toEqual([]);
    expect(external.every((u) => u.startsWith(tiles.origin + '/'))).toBe(true);
    // one zoom, tiles that exist at it, enough of them to cover the 640 × 360 view
    const zs = new Set(tiles.hits.map((h) => h.z));
    expect(zs.size).toBe(1);
    const z = [...zs][0];
    for (const h of tiles.hits) {
      expect(h.x).toBeGreaterThanOrEqual(0);
      expect(h.y).toBeGreaterThanOrEqual(0);
      expect(h.x).toBeLessThan(2 ** z);
      expect(h.y).toBeLessThan(2 ** z);
    }
    const size = drawn[0].size;
    expect(drawn.every((t) => Math.abs(t.size - size) < 1e-6)).toBe(true);
    expect(size).toBeGreaterThan(256 / Math.SQRT2 - 1);
    expect(size).toBeLessThan(256 * Math.SQRT2 + 1);
    expect(drawn.length).toBeGreaterThanOrEqual(Math.ceil(640 / size) * Math.ceil(360 / size));

    // the view: the dots are where Web Mercator puts the incidents, and the tiles sit under them
    // at the same place (computed here from lat/lon, not by the app's code)
    const items = (await (await fetch(server.url + '/api/incidents')).json()).items as { id: string; location: { lat: number | null; lon: number | null } | null }[];
    const dots = await map.locator('circle.dot').evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-incident')!, cx: Number(e.getAttribute('cx')), cy: Number(e.getAttribute('cy')) })));
    expect(dots.length).toBeGreaterThanOrEqual(3);
    const placed = dots.map((d) => {
      const loc = items.find((i) => i.id === d.id)!.location!;
      return { ...d, lon: loc.lon!, lat: loc.lat! };
    });
    // the zoom is the one whose tiles are nearest 256 px at the map's scale (from two dots' spacing)
    const [a, b] = [...placed].sort((p, q) => p.lon - q.lon).filter((p, i, all) => i === 0 || i === all.length - 1);
    expect(b.lon - a.lon).toBeGreaterThan(1);
    const worldPx = ((b.cx - a.cx) / (b.lon - a.lon)) * 360;
    expect(z).toBe(Math.round(Math.log2(worldPx / 256)));
    expect(z).toBeGreaterThanOrEqual(3); // a region of the Middle East, not the world
    expect(z).toBeLessThanOrEqual(8);
    for (const d of placed) {
      const [fx, fy] = tileXY(d.lon, d.lat, z);
      const key = `${z}/${Math.floor(fx)}/${Math.floor(fy)}`;
      expect(keys, `the tile under ${d.id} (${d.lat}, ${d.lon})`).toContain(key);
      const t = drawn[keys.indexOf(key)];
      expect(t.x + (fx - Math.floor(fx)) * t.size).toBeCloseTo(d.cx, 0);
      expect(t.y + (fy - Math.floor(fy)) * t.size).toBeCloseTo(d.cy, 0);
    }

    // the boundaries come after the tiles (drawn on top) and let them show through
    const order = await map.locator('g[clip-path]').evaluate((g) => [...g.children].map((c) => c.tagName.toLowerCase()));
    expect(order.lastIndexOf('image')).toBeLessThan(order.indexOf('path'));
    const countries = map.locator('path.country.over-tiles');
    expect(await countries.count()).toBeGreaterThan(100);
    expect(await countries.first().evaluate((e) => getComputedStyle(e).fill)).toBe('none');
    expect(await page.locator('.map figcaption').textContent()).toContain('tiles as configured');

    // on the screen (the dots hidden): both tile colours, so the images loaded and were drawn; no
    // sea showing between them; and the boundaries' lines over them: hiding the boundaries gives
    // back tile colour where they were
    await page.waitForLoadState('networkidle');
    await map.locator('circle.dot').evaluateAll((els) => { for (const e of els) (e as SVGElement).style.visibility = 'hidden'; });
    const colours = { even: TILE_EVEN, odd: TILE_ODD, sea: SEA };
    // (the pixels of a tile's edge that are not whole are a blend of two tiles)
    const tileShare = (c: Record<string, number>) => (c.even + c.odd) / c.total;
    const withBoundaries = await countColours(browser, await map.screenshot(), colours);
    await countries.evaluateAll((els) => { for (const e of els) (e as SVGElement).style.visibility = 'hidden'; });
    const tilesAlone = await countColours(browser, await map.screenshot(), colours);
    await countries.evaluateAll((els) => { for (const e of els) (e as SVGElement).style.visibility = ''; });
    await map.locator('circle.dot').evaluateAll((els) => { for (const e of els) (e as SVGElement).style.visibility = ''; });
    const seen = JSON.stringify({ withBoundaries, tilesAlone });
    expect(withBoundaries.even / withBoundaries.total, seen).toBeGreaterThan(0.1);
    expect(withBoundaries.odd / withBoundaries.total, seen).toBeGreaterThan(0.1);
    expect(tilesAlone.sea, seen).toBe(0);
    expect(tileShare(tilesAlone), seen).toBeGreaterThan(0.96);
    expect(tileShare(tilesAlone) - tileShare(withBoundaries), seen).toBeGreaterThan(0.01);

    // nothing was refused by the CSP; an image from any other origin would be (and would be seen here)
    expect(csp).toEqual([]);
    await page.evaluate(() => { const img = document.createElement('img'); img.src = 'http://127.0.0.1:9/not-the-tile-server.png'; document.body.append(img); });
    await expect.poll(() => csp.length).toBeGreaterThan(0);
    expect(csp[0]).toMatch(/img-src/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('without --tiles the map is drawn from the bundled boundaries alone: no image is fetched from outside', async () => {
    await server?.stop();
    server = await serve(db, ['--public']);
    const before = tiles.hits.length;
    const policy = (await fetch(server.url + '/')).headers.get('content-security-policy') ?? '';
    expect(policy).toContain("img-src 'self' data:;");
    const { page, external, images, csp, errors } = await open(server);
    await page.waitForLoadState('networkidle');
    expect(external).toEqual([]);
    expect(images.filter((u) => !u.startsWith(server!.url + '/'))).toEqual([]);
    expect(tiles.hits.length).toBe(before);
    expect(await page.locator('.map svg image').count()).toBe(0);
    expect(await page.locator('.map path.graticule').count()).toBe(1);
    expect(await page.locator('.map path.country').count()).toBeGreaterThan(100);
    expect(await page.locator('.map path.country.over-tiles').count()).toBe(0);
    expect(await page.locator('.map figcaption').textContent()).not.toContain('tiles');
    expect(csp).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
