/**
 * The HTTP API (src/api) over a real case file: the case-file fixtures (two incidents, an echo
 * chain, a 3-vs-4 killed contradiction) ingested into a temporary PGlite store, and requests
 * injected into the Fastify server (no socket). Every route, the roles, and bad input: malformed
 * JSON, oversize bodies, unknown ids, missing or wrong tokens, wrong content types — each a clear
 * JSON 4xx that changes nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, contentSecurityPolicy } from '../src/api/server.js';
import { AnswerCache } from '../src/api/cache.js';
import { checkTileTemplate } from '../src/api/tile-template.js';
import { ingestReports, rawReports } from '../src/jobs/ingest.js';
import { relink } from '../src/jobs/case-file.js';
import { createToken, getIncident, openStore, revokeToken, storeCounts, type Db } from '../src/store/index.js';
import { PG_URL, pgServerUp } from './support/pg-server.js';

const REPORTS = fileURLToPath(new URL('./fixtures/case-file/reports', import.meta.url));
const API_FIXTURES = fileURLToPath(new URL('./fixtures/api', import.meta.url));
// uploads to `priv` are extracted in a worker thread running the built worker (npm test builds first)
const WORKER = new URL('../dist/src/jobs/extract-worker.js', import.meta.url);
const CLI = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url));

let tmp: string;
let db: Db;
let pub: FastifyInstance; // --public
let priv: FastifyInstance; // tokens needed
let small: FastifyInstance; // tiny body limits
const tok = { viewer: '', editor: '', admin: '' };
let airstrike = '';
let shooting = '';

const auth = (t: string) => ({ authorization: `Bearer ${t}` });
const json = (r: LightMyRequestResponse) => JSON.parse(r.body);

function expectError(r: LightMyRequestResponse, status: number, code: string, message?: RegExp) {
  expect(r.statusCode, r.body).toBe(status);
  expect(r.headers['content-type']).toMatch(/^application\/json/);
  const b = json(r);
  expect(b.error.status).toBe(status);
  expect(b.error.code).toBe(code);
  expect(typeof b.error.message).toBe('string');
  expect(b.error.message.length).toBeGreaterThan(10);
  if (message) expect(b.error.message).toMatch(message);
}

/** Everything a rejected request must leave as it was. */
async function snapshot() {
  const c = await storeCounts(db);
  const [a] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
  const [r] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM field_reviews');
  const [k] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM custody');
  return { reports: c.reports, incidents: c.incidents, sources: c.sources, audit: a.n, reviews: r.n, custody: k.n };
}

/** Starts the built `corroborate serve ARGS` and resolves with the child and the URL it says it serves. */
async function startServe(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (s: string) => {
      err += s;
      const m = /serving (http:\/\/[^/\s]+)\//.exec(err);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  return { child, url };
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'corroborate-api-'));
  db = await openStore({ dir: join(tmp, 'db') });
  await ingestReports(db, rawReports([REPORTS], null), { by: 'test' });
  await relink(db);
  tok.viewer = (await createToken(db, { role: 'viewer', name: 'vera' })).token;
  tok.editor = (await createToken(db, { role: 'editor', name: 'eddie' })).token;
  tok.admin = (await createToken(db, { role: 'admin', name: 'ada' })).token;
  const noWeb = join(tmp, 'no-web');
  pub = await buildServer({ db, public: true, webDir: noWeb, tiles: 'https://tiles.example.org/{z}/{x}/{y}.png' });
  if (!existsSync(fileURLToPath(WORKER))) throw new Error(`${fileURLToPath(WORKER)} not found: build first (npm run build, or npm test which builds)`);
  priv = await buildServer({ db, webDir: noWeb, workerScript: WORKER });
  small = await buildServer({ db, webDir: noWeb, uploadLimit: 2000, jsonLimit: 300 });
  const list = json(await pub.inject('/api/incidents'));
  airstrike = list.items.find((i: { type: string }) => i.type === 'airstrike').id;
  shooting = list.items.find((i: { type: string }) => i.type === 'shooting').id;
}, 120_000);

afterAll(async () => {
  await Promise.all([pub?.close(), priv?.close(), small?.close()]);
  await db?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('meta routes', () => {
  it('health counts the case file; config and me say how the server runs', async () => {
    const h = await priv.inject('/api/health');
    expect(h.statusCode).toBe(200);
    expect(json(h)).toEqual({ ok: true, reports: 5, incidents: 2, sources: expect.any(Number) });
    expect(json(await pub.inject('/api/config'))).toEqual({ tiles: 'https://tiles.example.org/{z}/{x}/{y}.png', public: true });
    expect(json(await priv.inject('/api/config'))).toEqual({ tiles: null, public: false });
    expect(json(await pub.inject('/api/me'))).toEqual({ role: 'public' });
    expect(json(await priv.inject({ url: '/api/me', headers: auth(tok.editor) }))).toEqual({ name: 'eddie', role: 'editor' });
  });

  it('the OpenAPI document describes every route', async () => {
    const r = await priv.inject('/api/openapi.json');
    expect(r.statusCode).toBe(200);
    const doc = json(r);
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/incidents', '/api/incidents/{id}', '/api/incidents/{id}/review', '/api/incidents/{id}/audit', '/api/incidents/merge',
      '/api/incidents/{id}/split', '/api/reports', '/api/reports/{id}', '/api/reports/{id}/raw', '/api/sources', '/api/sources/merge',
      '/api/sources/{id}/split', '/api/claims', '/api/audit', '/api/export/{file}', '/api/config', '/api/me', '/api/health']) {
      expect(doc.paths[p], p).toBeTruthy();
    }
    expect(doc.paths['/api/incidents'].get.parameters.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(['q', 'type', 'from', 'to', 'near', 'minOrigins', 'limit', 'offset']));
  });

  it('every response carries the CSP and nosniff, errors and the web app included; the tile host may serve images', async () => {
    for (const r of [await pub.inject('/api/health'), await pub.inject('/api/nope'), await pub.inject('/some/page'), await priv.inject('/api/incidents')]) {
      expect(r.headers['content-security-policy']).toContain("script-src 'self'");
      expect(r.headers['content-security-policy']).toContain("object-src 'none'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
    }
    expect((await priv.inject('/api/incidents')).headers['cache-control']).toBe('no-store');
    expect((await pub.inject('/api/health')).headers['content-security-policy']).toContain("img-src 'self' data: https://tiles.example.org;");
    expect(contentSecurityPolicy('not a url')).toContain("img-src 'self' data:;");
  });

  it('a tile URL is checked when the server starts: http(s), {z}, {x} and {y}, no other placeholder', async () => {
    expect(checkTileTemplate(' http://127.0.0.1:8081/tiles/{z}/{x}/{y}.png?key=abc ')).toBe('http://127.0.0.1:8081/tiles/{z}/{x}/{y}.png?key=abc');
    expect(() => checkTileTemplate('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toThrow(/only \{z\}, \{x\} and \{y\}, not \{s\}: give one host/);
    expect(() => checkTileTemplate('https://tile.example.org/{z}/{x}/{-y}.png')).toThrow(/\{y\} missing/);
    expect(() => checkTileTemplate('https://tile.example.org/{z}/{x}.png')).toThrow(/must contain \{z\}, \{x\} and \{y\}.*\{y\} missing/);
    expect(() => checkTileTemplate('tile.example.org/{z}/{x}/{y}.png')).toThrow(/not a URL/);
    expect(() => checkTileTemplate('file:///tiles/{z}/{x}/{y}.png')).toThrow(/http or https.*file:/);
    await expect(buildServer({ db, webDir: join(tmp, 'no-web'), tiles: 'https://{s}.tile.example.org/{z}/{x}/{y}.png' })).rejects.toThrow(/not \{s\}/);
  });

  it('non-API paths get the web app (index.html) or, when it is not built, a page saying so; unknown API paths a JSON 404', async () => {
    const notBuilt = await pub.inject('/incidents/anything');
    expect(notBuilt.statusCode).toBe(200);
    expect(notBuilt.body).toContain('web app not built: run npm run build');
    const web = join(tmp, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    const app = await buildServer({ db, public: true, webDir: web });
    try {
      const deep = await app.inject('/incidents/incident:1');
      expect(deep.statusCode).toBe(200);
      expect(deep.body).toContain('<div id="root">');
      const asset = await app.inject('/assets/app.js');
      expect(asset.body).toBe('console.log(1)');
      expectError(await app.inject('/api/nothing-here'), 404, 'not_found', /no API route GET \/api\/nothing-here/);
    } finally {
      await app.close();
    }
  });
});

describe('access: tokens and roles', () => {
  it('without --public every request needs a valid token (401, saying how to get one)', async () => {
    expectError(await priv.inject('/api/incidents'), 401, 'unauthorized', /Bearer/);
    expectError(await priv.inject({ url: '/api/incidents', headers: auth('not-a-real-token') }), 401, 'unauthorized', /unknown or revoked/);
    expectError(await priv.inject({ url: '/api/incidents', headers: { authorization: `Basic ${tok.viewer}` } }), 401, 'unauthorized', /Bearer <token>/);
    expect((await priv.inject({ url: '/api/incidents', headers: auth(tok.viewer) })).statusCode).toBe(200);
    // health, config and the OpenAPI document are open
    expect((await priv.inject('/api/health')).statusCode).toBe(200);
  });

  it('--public opens reading only: writes still need a token, and a wrong token is still refused', async () => {
    expect((await pub.inject('/api/incidents')).statusCode).toBe(200);
    const before = await snapshot();
    expectError(await pub.inject({ method: 'POST', url: `/api/incidents/${airstrike}/review`, payload: { field: 'killed', action: 'accept' } }), 401, 'unauthorized');
    expectError(await pub.inject({ url: '/api/incidents', headers: auth('wrong') }), 401, 'unauthorized');
    expect(await snapshot()).toEqual(before);
  });

  it('a viewer may not write (403 naming the role needed); an editor may not manage tokens; an admin may', async () => {
    const before = await snapshot();
    expectError(await priv.inject({ method: 'POST', url: `/api/incidents/${airstrike}/review`, headers: auth(tok.viewer), payload: { field: 'killed', action: 'accept' } }), 403, 'forbidden', /editor role.*"vera".*viewer/);
    expectError(await priv.inject({ method: 'POST', url: '/api/reports', headers: { ...auth(tok.viewer), 'content-type': 'text/plain' }, payload: 'Two killed.' }), 403, 'forbidden');
    expectError(await priv.inject({ url: '/api/tokens', headers: auth(tok.editor) }), 403, 'forbidden', /admin/);
    expect(await snapshot()).toEqual(before);

    const created = await priv.inject({ method: 'POST', url: '/api/tokens', headers: auth(tok.admin), payload: { role: 'viewer', name: 'temp' } });
    expect(created.statusCode).toBe(201);
    const t = json(created);
    expect(t.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(json(await priv.inject({ url: '/api/me', headers: auth(t.token) }))).toEqual({ name: 'temp', role: 'viewer' });
    // only the hash is stored
    const rows = await db.query<{ hash: string }>('SELECT hash FROM api_tokens WHERE id = $1', [t.id]);
    expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].hash).not.toContain(t.token);
    const list = json(await priv.inject({ url: '/api/tokens', headers: auth(tok.admin) }));
    expect(list.items.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(['vera', 'eddie', 'ada', 'temp']));
    expect(JSON.stringify(list)).not.toContain(t.token);
    expect((await priv.inject({ method: 'DELETE', url: `/api/tokens/${t.id}`, headers: auth(tok.admin) })).statusCode).toBe(200);
    expectError(await priv.inject({ url: '/api/me', headers: auth(t.token) }), 401, 'unauthorized');
    expectError(await priv.inject({ method: 'DELETE', url: `/api/tokens/${t.id}`, headers: auth(tok.admin) }), 404, 'not_found');
  });

  it('a token revoked outside the server stops working once its short cache expires', async () => {
    const t = await createToken(db, { role: 'viewer', name: 'short' });
    const app = await buildServer({ db, webDir: join(tmp, 'no-web') });
    try {
      expect((await app.inject({ url: '/api/me', headers: auth(t.token) })).statusCode).toBe(200);
      await revokeToken(db, t.id);
      // this server remembers the token for a few seconds; a server started now does not
      const fresh = await buildServer({ db, webDir: join(tmp, 'no-web') });
      expectError(await fresh.inject({ url: '/api/me', headers: auth(t.token) }), 401, 'unauthorized');
      await fresh.close();
    } finally {
      await app.close();
    }
  });
});

describe('GET /api/incidents', () => {
  it('lists incidents with origins, independence, contradictions; paginated with a total', async () => {
    const all = json(await pub.inject('/api/incidents'));
    expect(all.total).toBe(2);
    expect(all.limit).toBe(50);
    expect(all.offset).toBe(0);
    const a = all.items.find((i: { id: string }) => i.id === airstrike);
    expect(a).toMatchObject({ type: 'airstrike', date: { start: '2016-05-10', end: '2016-05-10' }, killed: { min: 3, max: 4 }, reports: 3, origins: 1, contradictions: ['killed'] });
    expect(a.location.name).toBe('Maskanah');
    // the monitor cites the committee, and both outlets cite the monitor: one origin
    expect(a.independence).toMatch(/3 reports, 3 outlets, 1 independent origin\b/);
    expect(Array.isArray(a.perpetrators)).toBe(true);
    const p1 = json(await pub.inject('/api/incidents?limit=1'));
    const p2 = json(await pub.inject('/api/incidents?limit=1&offset=1'));
    expect(p1.items).toHaveLength(1);
    expect(p2.items).toHaveLength(1);
    expect(p1.total).toBe(2);
    expect(p2.total).toBe(2);
    expect(p1.items[0].id).not.toBe(p2.items[0].id);
    const past = json(await pub.inject('/api/incidents?offset=10'));
    expect(past).toEqual({ items: [], total: 2, limit: 50, offset: 10 });
  });

  it('filters by text, type, date range, radius and origin count', async () => {
    const ids = async (qs: string) => json(await pub.inject(`/api/incidents?${qs}`)).items.map((i: { id: string }) => i.id);
    expect(await ids('q=Maskanah')).toEqual([airstrike]);
    expect(await ids('q=bar%20gunman')).toEqual([shooting]);
    expect(await ids('type=shooting')).toEqual([shooting]);
    expect(await ids('type=bombing')).toEqual([]);
    expect(await ids('from=2016-06-01')).toEqual([shooting]);
    expect(await ids('to=2016-05-31')).toEqual([airstrike]);
    expect(await ids('from=2016-05-10&to=2016-05-10')).toEqual([airstrike]);
    const near = json(await pub.inject('/api/incidents?near=36.2,38.0,50'));
    expect(near.items.map((i: { id: string }) => i.id)).toEqual([airstrike]);
    expect(near.items[0].km).toBeLessThan(50);
    expect(await ids('near=36.2,38.0,1')).toEqual([]);
    expect(await ids('minOrigins=1')).toHaveLength(2);
    expect(await ids('minOrigins=2')).toEqual([shooting]);
    expect(await ids('minOrigins=3')).toEqual([]);
  });

  it('bad parameters are a 400 that names the parameter', async () => {
    expectError(await pub.inject('/api/incidents?limit=0'), 400, 'bad_request', /limit/);
    expectError(await pub.inject('/api/incidents?limit=501'), 400, 'bad_request', /limit must be <= 500/);
    expectError(await pub.inject('/api/incidents?offset=-1'), 400, 'bad_request', /offset/);
    expectError(await pub.inject('/api/incidents?limit=ten'), 400, 'bad_request', /limit/);
    expectError(await pub.inject('/api/incidents?from=10/05/2016'), 400, 'bad_request', /from/);
    expectError(await pub.inject('/api/incidents?from=2016-02-30'), 400, 'bad_request', /from date "2016-02-30"/);
    expectError(await pub.inject('/api/incidents?type=riot'), 400, 'bad_request', /type/);
    expectError(await pub.inject('/api/incidents?near=36,38'), 400, 'bad_request', /near must be LAT,LON,KM/);
    expectError(await pub.inject('/api/incidents?near=95,38,10'), 400, 'bad_request', /near/);
    expectError(await pub.inject('/api/incidents?colour=red'), 400, 'bad_request', /additional properties|colour/i);
  });
});

describe('GET /api/incidents/:id (the case sheet)', () => {
  it('returns the stored record, the provenance graph with origins marked, its reports, reviews and effective values', async () => {
    const r = await pub.inject(`/api/incidents/${encodeURIComponent(airstrike)}`);
    expect(r.statusCode).toBe(200);
    const s = json(r);
    expect(s.incident.id).toBe(airstrike);
    expect(s.incident.killed).toMatchObject({ min: 3, max: 4 });
    const killed = s.incident.fields.find((f: { field: string }) => f.field === 'killed');
    expect(killed.contradiction).toBe(true);
    expect(killed.values.map((v: { value: string }) => v.value).sort()).toEqual(['3', '4']);
    const origins = s.incident.provenance.nodes.filter((n: { origin: boolean }) => n.origin).map((n: { name: string }) => n.name).sort();
    expect(origins).toEqual(['Maskanah Coordination Committee']);
    expect(s.incident.provenance.edges.length).toBeGreaterThan(0);
    expect(s.incident.provenance.edges[0]).toEqual({ from: expect.any(String), to: expect.any(String), evidence: expect.any(Array) });
    expect(s.incident.provenance.summary).toMatch(/1 independent origin\b/);
    expect(s.reports).toHaveLength(3);
    expect(s.reports[0]).toEqual({ id: expect.stringMatching(/^sha256:/), externalId: null, title: expect.anything(), published: expect.anything(), url: null });
    expect(s.reviews).toEqual([]);
    expect(s.effective.killed).toMatchObject({ min: 3, max: 4 });
    expect(s.effective.type).toBe('airstrike');
    expect(s.effective.place.name).toBe('Maskanah');
  });

  it('an unknown id is a 404 that says what to do', async () => {
    expectError(await pub.inject('/api/incidents/incident:999'), 404, 'not_found', /no incident incident:999.*\/api\/audit/);
  });
});

describe('POST /api/incidents/:id/review', () => {
  const review = (payload: unknown, token = tok.editor, id = airstrike) =>
    priv.inject({ method: 'POST', url: `/api/incidents/${id}/review`, headers: auth(token), payload: payload as Record<string, unknown> });

  it('accepts a field, then corrects it: logged with who and the previous value; the stored record is not changed', async () => {
    const acc = await review({ field: 'type', action: 'accept', note: 'checked against the monitor' });
    expect(acc.statusCode).toBe(201);
    expect(json(acc)).toMatchObject({ field: 'type', action: 'accept', value: 'airstrike', previous: 'airstrike', by: 'eddie', note: 'checked against the monitor' });

    const cor = await review({ field: 'killed', action: 'correct', value: 4, note: 'the committee later said four' });
    expect(cor.statusCode).toBe(201);
    expect(json(cor)).toMatchObject({ field: 'killed', action: 'correct', value: { min: 4, max: 4 }, by: 'eddie' });
    expect(json(cor).previous).toMatchObject({ min: 3, max: 4 });
    expect(json(cor).at).toMatch(/^\d{4}-\d\d-\d\dT/);

    const sheet = json(await priv.inject({ url: `/api/incidents/${airstrike}`, headers: auth(tok.viewer) }));
    expect(sheet.effective.killed).toEqual({ min: 4, max: 4 });
    expect(sheet.incident.killed).toMatchObject({ min: 3, max: 4 });
    expect(sheet.reviews.map((x: { field: string; action: string }) => `${x.field}:${x.action}`)).toEqual(['type:accept', 'killed:correct']);
    // the linked record in the store is untouched
    expect((await getIncident(db, airstrike))!.record.killed).toMatchObject({ min: 3, max: 4 });

    const second = await review({ field: 'killed', action: 'correct', value: { min: 4, max: 5 } });
    expect(json(second).previous).toEqual({ min: 4, max: 4 });
    for (const [field, value, expected] of [
      ['date', '2016-05-09', { start: '2016-05-09', end: '2016-05-09' }],
      ['place', { name: 'Maskanah', admin1: 'Aleppo', lat: 35.96, lon: 38.04 }, { name: 'Maskanah', admin1: 'Aleppo', country: null, lat: 35.96, lon: 38.04 }],
      ['perpetrators', ['unidentified aircraft'], [{ name: 'unidentified aircraft', group: null, text: null }]],
      ['injured', null, null],
    ] as const) {
      const r = await review({ field, action: 'correct', value });
      expect(r.statusCode, r.body).toBe(201);
      expect(json(r).value).toEqual(expected);
    }

    // the corrections are what the list, the filters and the exports state now
    const listed = json(await priv.inject({ url: '/api/incidents?from=2016-05-09&to=2016-05-09&near=35.96,38.04,1', headers: auth(tok.viewer) }));
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([airstrike]);
    expect(listed.items[0]).toMatchObject({
      killed: { min: 4, max: 5 }, injured: null, date: { start: '2016-05-09', end: '2016-05-09' },
      location: { name: 'Maskanah', admin1: 'Aleppo', lat: 35.96, lon: 38.04 }, perpetrators: ['unidentified aircraft'],
      reviewed: ['date', 'injured', 'killed', 'perpetrators', 'place'],
    });
    const line = json(await priv.inject({ url: '/api/export/incidents.jsonl?from=2016-05-09&to=2016-05-09&type=airstrike', headers: auth(tok.viewer) }));
    expect(line).toMatchObject({ id: airstrike, killed: { min: 4, max: 5 }, location: { name: 'Maskanah' } });
    expect(line.corrected.killed.linked).toMatchObject({ min: 3, max: 4 });
    const csv = (await priv.inject({ url: '/api/export/acled.csv?type=airstrike&from=2016-05-09', headers: auth(tok.viewer) })).body.split('\r\n');
    const head = csv[0].split(',');
    expect(csv[1]).toContain('Corrected by a documenter: date, injured, killed, perpetrators, place.');
    expect(csv[1].split(',')[head.indexOf('event_date')]).toBe('2016-05-09');

    const audit = json(await priv.inject({ url: `/api/incidents/${airstrike}/audit`, headers: auth(tok.viewer) }));
    expect(audit.total).toBe(7);
    const killedEntry = audit.items.find((e: { action: string; value: Record<string, unknown> }) => e.action === 'review.correct' && 'killed' in e.value);
    expect(killedEntry).toMatchObject({ by: 'eddie', targetKind: 'incident', target: airstrike });
    expect(killedEntry.at).toMatch(/^\d{4}-/);
    const all = json(await priv.inject({ url: '/api/audit?limit=2', headers: auth(tok.viewer) }));
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThanOrEqual(7);
  });

  it('refuses bad reviews with a 400 naming the problem, and changes nothing', async () => {
    const before = await snapshot();
    expectError(await review({ field: 'killed', action: 'correct' }), 400, 'bad_request', /needs a value/);
    expectError(await review({ field: 'killed', action: 'correct', value: -1 }), 400, 'bad_request', /whole number/);
    expectError(await review({ field: 'killed', action: 'correct', value: { min: 5, max: 2 } }), 400, 'bad_request', /min <= max/);
    expectError(await review({ field: 'date', action: 'correct', value: '2016-13-01' }), 400, 'bad_request', /YYYY-MM-DD/);
    expectError(await review({ field: 'type', action: 'correct', value: 'riot' }), 400, 'bad_request', /airstrike/);
    expectError(await review({ field: 'place', action: 'correct', value: { name: 'X', lat: 200, lon: 0 } }), 400, 'bad_request', /lat/);
    expectError(await review({ field: 'victims', action: 'accept' }), 400, 'bad_request', /field/);
    expectError(await review({ field: 'killed', action: 'delete' }), 400, 'bad_request', /action/);
    expectError(await review({ field: 'killed', action: 'accept', extra: 1 }), 400, 'bad_request');
    expectError(await review({ field: 'killed', action: 'accept' }, tok.editor, 'incident:999'), 404, 'not_found', /incident:999/);
    // malformed JSON, a body that is not JSON, no body, an oversize body
    expectError(await priv.inject({ method: 'POST', url: `/api/incidents/${airstrike}/review`, headers: { ...auth(tok.editor), 'content-type': 'application/json' }, payload: '{"field": "killed", ' }), 400, 'bad_request', /not valid JSON/);
    expectError(await priv.inject({ method: 'POST', url: `/api/incidents/${airstrike}/review`, headers: { ...auth(tok.editor), 'content-type': 'text/plain' }, payload: 'killed=4' }), 415, 'unsupported_media_type', /application\/json/);
    expectError(await priv.inject({ method: 'POST', url: `/api/incidents/${airstrike}/review`, headers: { ...auth(tok.editor), 'content-type': 'application/json' }, payload: '{"field": "killed", "action": "accept", "__proto__": {"admin": true}}' }), 400, 'bad_request', /not valid JSON/);
    expectError(await priv.inject({ method: 'POST', url: `/api/incidents/${airstrike}/review`, headers: { ...auth(tok.editor), 'content-type': 'application/json' }, payload: '' }), 400, 'bad_request', /empty/);
    expectError(await small.inject({ method: 'POST', url: `/api/incidents/${airstrike}/review`, headers: { ...auth(tok.editor), 'content-type': 'application/json' }, payload: JSON.stringify({ field: 'killed', action: 'accept', note: 'x'.repeat(400) }) }), 413, 'payload_too_large', /300 bytes/);
    expect(await snapshot()).toEqual(before);
  });

  it('takes a count with no upper bound (max null) and an approximate one; lists and exports state them as given', async () => {
    const open = await review({ field: 'killed', action: 'correct', value: { min: 1, max: null } }, tok.editor, shooting);
    expect(open.statusCode, open.body).toBe(201);
    expect(json(open).value).toEqual({ min: 1, max: null });
    const about = await review({ field: 'injured', action: 'correct', value: { min: 20, max: 20, approximate: true } }, tok.editor, shooting);
    expect(json(about).value).toEqual({ min: 20, max: 20, approximate: true });
    expectError(await review({ field: 'killed', action: 'correct', value: { min: null, max: 3 } }, tok.editor, shooting), 400, 'bad_request', /max.*null/);
    expectError(await review({ field: 'killed', action: 'correct', value: { min: 2, max: 3, approximate: 'yes' } }, tok.editor, shooting), 400, 'bad_request');
    const item = json(await priv.inject({ url: '/api/incidents?type=shooting', headers: auth(tok.viewer) })).items.find((i: { id: string }) => i.id === shooting);
    expect(item).toMatchObject({ killed: { min: 1, max: null }, injured: { min: 20, max: 20, approximate: true } });
    const line = json(await priv.inject({ url: '/api/export/incidents.jsonl?type=shooting', headers: auth(tok.viewer) }));
    expect(line).toMatchObject({ killed: { min: 1, max: null }, injured: { min: 20, max: 20, approximate: true } });
    const csv = (await priv.inject({ url: '/api/export/acled.csv?type=shooting', headers: auth(tok.viewer) })).body.split('\r\n');
    // fatalities (the stated minimum), then tags
    expect(csv[0]).toContain(',fatalities,tags,');
    expect(csv[1]).toContain(`,1,corroborate id=${shooting};`);
  });
});

describe('reports', () => {
  it('lists reports with status and size, searchable, paginated', async () => {
    const all = json(await pub.inject('/api/reports'));
    expect(all.total).toBeGreaterThanOrEqual(5);
    expect(all.items[0]).toEqual({ id: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), externalId: expect.anything(), title: expect.anything(), published: expect.anything(), url: expect.anything(), status: 'ok', bytes: expect.any(Number) });
    const hit = json(await pub.inject('/api/reports?q=Observatory'));
    expect(hit.total).toBeGreaterThanOrEqual(1);
    expect(hit.total).toBeLessThan(all.total);
    expect(json(await pub.inject('/api/reports?status=failed')).total).toBe(0);
    expectError(await pub.inject('/api/reports?status=lost'), 400, 'bad_request', /status/);
  });

  it('one report: text, sources, claims, citations, its incidents and highlight spans that index its text', async () => {
    const id = json(await pub.inject('/api/reports?q=Observatory%20Coordination')).items[0].id;
    const r = json(await pub.inject(`/api/reports/${id}`));
    expect(r.report.id).toBe(id);
    expect(r.report.text).toContain('Syrian Observatory for Human Rights');
    expect(r.sources.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['Syrian Observatory for Human Rights']));
    expect(r.claims.length).toBeGreaterThan(0);
    expect(r.incidents).toEqual([{ mentionId: expect.any(String), incidentId: airstrike, type: 'airstrike' }]);
    const kinds = new Set(r.highlights.map((h: { kind: string }) => h.kind));
    for (const k of ['source', 'cue', 'content', 'evidence']) expect(kinds.has(k), k).toBe(true);
    for (const h of r.highlights) {
      expect(h.start).toBeGreaterThanOrEqual(0);
      expect(h.end).toBeLessThanOrEqual(r.report.text.length);
      expect(h.end).toBeGreaterThan(h.start);
    }
    const content = r.highlights.find((h: { kind: string }) => h.kind === 'content');
    const claim = r.claims.find((c: { id: string }) => c.id === content.claim);
    expect(r.report.text.slice(content.start, content.end)).toBe(claim.content.text);
    expect(r.highlights.find((h: { kind: string }) => h.kind === 'evidence').incident).toBe(airstrike);
  });

  it('raw: the archived bytes exactly, as an attachment that cannot run', async () => {
    const bytes = readFileSync(join(REPORTS, 'maskanah', 'wire-outlet.html'));
    const list = json(await pub.inject('/api/reports?limit=500')).items as { id: string; bytes: number }[];
    const { createHash } = await import('node:crypto');
    const id = 'sha256:' + createHash('sha256').update(bytes).digest('hex');
    expect(list.map((x) => x.id)).toContain(id);
    const r = await pub.inject(`/api/reports/${id}/raw`);
    expect(r.statusCode).toBe(200);
    expect(r.rawPayload.equals(bytes)).toBe(true);
    expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename="[0-9a-f]{16}\.txt"$/);
    expect(r.headers['content-security-policy']).toBe('sandbox');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('unknown report ids are a 404', async () => {
    expectError(await pub.inject(`/api/reports/sha256:${'0'.repeat(64)}`), 404, 'not_found', /no report/);
    expectError(await pub.inject(`/api/reports/nonsense/raw`), 404, 'not_found');
  });
});

describe('POST /api/reports (upload)', () => {
  const upload = (app: FastifyInstance, type: string, payload: string | Buffer, url = '/api/reports') =>
    app.inject({ method: 'POST', url, headers: { ...auth(tok.editor), 'content-type': type }, payload });

  it('plain text with its date and title: archived byte for byte, extracted, linked; the same bytes again are "present"', async () => {
    const list = async () => json(await priv.inject({ url: '/api/incidents', headers: auth(tok.viewer) }));
    const before = await list();
    const text = readFileSync(join(API_FIXTURES, 'shelling.txt'));
    const r = await upload(priv, 'text/plain; charset=utf-8', text, '/api/reports?published=2018-01-15&title=Shelling%20kills%20three');
    expect(r.statusCode, r.body).toBe(201);
    const [res] = json(r).results;
    expect(res.outcome).toBe('added');
    const raw = await pub.inject(`/api/reports/${res.id}/raw`);
    expect(raw.rawPayload.equals(text)).toBe(true);
    const rep = json(await pub.inject(`/api/reports/${res.id}`));
    expect(rep.report.published).toBe('2018-01-15');
    expect(rep.report.title).toBe('Shelling kills three');
    expect(rep.custody[0]).toMatchObject({ action: 'added', by: 'eddie', from: 'api' });
    // the server's search cache was dropped by the write: the new incident is listed
    const after = await list();
    expect(after.total).toBeGreaterThan(before.total);
    expect(json(await priv.inject({ url: '/api/incidents?q=Kafr%20Nabl', headers: auth(tok.viewer) })).total).toBeGreaterThanOrEqual(1);
    const again = await upload(priv, 'text/plain', text);
    expect(json(again).results[0]).toMatchObject({ id: res.id, outcome: 'present' });
    const audit = json(await priv.inject({ url: '/api/audit', headers: auth(tok.viewer) }));
    expect(audit.items.some((e: { action: string; target: string; by: string }) => e.action === 'reports.upload' && e.target === res.id && e.by === 'eddie')).toBe(true);
  });

  it('JSON Lines: each line a report; a line without text is kept as failed, with the reason', async () => {
    const r = await upload(priv, 'application/x-ndjson', readFileSync(join(API_FIXTURES, 'two-lines.jsonl')));
    expect(r.statusCode, r.body).toBe(201);
    const results = json(r).results;
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({ outcome: 'added', input: 'line 1' });
    expect(results[1]).toMatchObject({ outcome: 'failed', input: 'line 2', error: expect.stringMatching(/text/) });
    const rep = json(await pub.inject(`/api/reports/${results[0].id}`));
    expect(rep.report).toMatchObject({ externalId: 'desk-1', title: 'Man shot dead in Flint', published: '2019-07-02', url: 'https://flintdesk.example/shot' });
    expect(json(await pub.inject('/api/reports?status=failed')).total).toBe(1);
    // the publisher a line names is kept, as `corroborate ingest` keeps it
    const [row] = await db.query<{ outlet: string | null }>('SELECT outlet FROM reports WHERE id = $1', [results[0].id]);
    expect(row.outlet).toBe('Flint Desk');
  });

  it('a JSON object {text, ...}; a hostile HTML report comes back as data only', async () => {
    const r = await upload(priv, 'application/json', JSON.stringify({ id: 'json-1', text: 'Two men were shot dead in Basra on Friday, April 5, 2019, police said.', published: '2019-04-06', title: '<b>Basra</b>' }));
    expect(r.statusCode, r.body).toBe(201);
    expect(json(r).results[0].outcome).toBe('added');

    const html = readFileSync(join(API_FIXTURES, 'hostile.html'));
    const h = await upload(priv, 'text/html', html);
    expect(h.statusCode, h.body).toBe(201);
    const id = json(h).results[0].id;
    const rep = await pub.inject(`/api/reports/${id}`);
    expect(rep.headers['content-type']).toMatch(/^application\/json/);
    const body = json(rep);
    expect(body.report.text).toContain('Gunmen shot and killed a security guard');
    expect(body.report.text).not.toMatch(/<img|onerror/);
    const raw = await pub.inject(`/api/reports/${id}/raw`);
    expect(raw.rawPayload.equals(html)).toBe(true);
    expect(raw.headers['content-security-policy']).toBe('sandbox');
    expect(raw.headers['content-disposition']).toMatch(/^attachment/);
  });

  it('a body that is not text is kept as a failed report, its bytes served back as octet-stream', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe, 0x00, 0x01]);
    const r = await upload(priv, 'text/plain', bytes);
    expect(r.statusCode, r.body).toBe(201);
    const [res] = json(r).results;
    expect(res).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/binary/) });
    const raw = await pub.inject(`/api/reports/${res.id}/raw`);
    expect(raw.headers['content-type']).toBe('application/octet-stream');
    expect(raw.headers['content-disposition']).toMatch(/\.bin"$/);
    expect(raw.rawPayload.equals(bytes)).toBe(true);
    const rep = json(await pub.inject(`/api/reports/${res.id}`));
    expect(rep.report.status).toBe('failed');
    expect(rep.highlights).toEqual([]);
  });

  it('bad uploads are refused with a clear 4xx and change nothing', async () => {
    const before = await snapshot();
    expectError(await upload(small, 'text/plain', 'x'.repeat(3000)), 413, 'payload_too_large', /2000 bytes/);
    expectError(await upload(priv, 'application/xml', '<report/>'), 415, 'unsupported_media_type', /text\/plain/);
    expectError(await upload(priv, 'text/plain', ''), 400, 'bad_request', /empty/);
    expectError(await upload(priv, 'application/json', '{"text": '), 400, 'bad_request', /not valid JSON/);
    expectError(await upload(priv, 'application/json', '{"title": "no text"}'), 400, 'bad_request', /text/);
    expectError(await upload(priv, 'application/json', '[{"text": "a"}]'), 400, 'bad_request', /x-ndjson/);
    expectError(await upload(priv, 'text/plain', 'Three killed.', '/api/reports?published=yesterday'), 400, 'bad_request', /published/);
    expectError(await priv.inject({ method: 'POST', url: '/api/reports', headers: { 'content-type': 'text/plain' }, payload: 'Three killed.' }), 401, 'unauthorized');
    expect(await snapshot()).toEqual(before);
  });
});

describe('sources, claims, audit', () => {
  it('lists canonical sources, most named first, searchable by name or alias', async () => {
    const all = json(await pub.inject('/api/sources'));
    expect(all.total).toBeGreaterThanOrEqual(5);
    expect(all.items[0]).toEqual({ id: expect.any(String), name: expect.any(String), kind: expect.any(String), aliases: expect.any(Array), reports: expect.any(Number) });
    expect(all.items[0].reports).toBeGreaterThanOrEqual(all.items[all.items.length - 1].reports);
    const sohr = json(await pub.inject('/api/sources?q=SOHR'));
    expect(sohr.items[0].name).toBe('Syrian Observatory for Human Rights');
    expect(json(await pub.inject('/api/sources?q=zzzzqqq')).total).toBe(0);
    expectError(await pub.inject('/api/sources?limit=9999'), 400, 'bad_request', /limit/);
  });

  it('lists claims with their source, filterable by text and by canonical source', async () => {
    const all = json(await pub.inject('/api/claims?limit=500'));
    expect(all.total).toBeGreaterThan(3);
    const c = all.items.find((x: { source: { name: string } | null }) => x.source?.name === 'Syrian Observatory for Human Rights');
    expect(c).toMatchObject({ id: expect.any(String), reportId: expect.stringMatching(/^sha256:/), content: { text: expect.any(String) }, quote: expect.any(String), hedges: expect.any(Array) });
    const bySource = json(await pub.inject(`/api/claims?source=${encodeURIComponent(c.source.id)}`));
    expect(bySource.total).toBeGreaterThanOrEqual(1);
    expect(bySource.items.every((x: { source: { id: string } }) => x.source.id === c.source.id)).toBe(true);
    const text = json(await pub.inject('/api/claims?q=market'));
    expect(text.items.every((x: { content: { text: string } }) => /market/i.test(x.content.text))).toBe(true);
  });

  it('the audit log needs at least a viewer token when not public', async () => {
    expectError(await priv.inject('/api/audit'), 401, 'unauthorized');
    const a = json(await priv.inject({ url: '/api/audit', headers: auth(tok.viewer) }));
    expect(Object.keys(a.items[0]).sort()).toEqual(['action', 'at', 'by', 'note', 'previous', 'seq', 'target', 'targetKind', 'value']);
    expect(a.items[0]).toMatchObject({ seq: expect.any(Number), by: expect.any(String), at: expect.any(String), action: expect.any(String), target: expect.any(String) });
    expect(a.items[0].seq).toBeGreaterThan(a.items[a.items.length - 1].seq);
  });

  it('the audit log is append-only', async () => {
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});

describe('merge, split and exports', () => {
  const post = (url: string, payload: unknown, token = tok.editor) => priv.inject({ method: 'POST', url, headers: auth(token), payload: payload as Record<string, unknown> });

  it('merge / split answer 404 for unknown ids and 400 for bad bodies, changing nothing', async () => {
    const before = await snapshot();
    expectError(await post('/api/incidents/merge', { ids: [airstrike, 'incident:999'] }), 404, 'not_found', /incident:999/);
    expectError(await post('/api/incidents/merge', { ids: [airstrike] }), 400, 'bad_request', /ids/);
    expectError(await post('/api/incidents/merge', { ids: [airstrike, airstrike] }), 400, 'bad_request', /ids/);
    expectError(await post('/api/sources/merge', { ids: 'a,b' }), 400, 'bad_request', /ids/);
    expectError(await post('/api/sources/merge', { ids: ['src:nobody', 'src:nowhere'] }), 404, 'not_found', /src:nobody/);
    expectError(await post(`/api/incidents/${airstrike}/split`, {}), 400, 'bad_request', /reports/);
    expectError(await post(`/api/incidents/${airstrike}/split`, { reports: [`sha256:${'1'.repeat(64)}`] }), 400, 'bad_request', /not reports of incident/);
    expectError(await post('/api/incidents/incident:999/split', { reports: ['x'] }), 404, 'not_found');
    expectError(await post('/api/sources/src:x/split', { names: [] }), 400, 'bad_request', /names/);
    expectError(await post('/api/sources/src:nobody/split', { names: ['a'] }), 404, 'not_found');
    expectError(await post('/api/incidents/merge', { ids: [airstrike, shooting] }, tok.viewer), 403, 'forbidden');
    expect(await snapshot()).toEqual(before);
  });

  it('merges two incidents and splits them again: logged for each incident, reviews kept', async () => {
    const shootingReports = json(await pub.inject(`/api/incidents/${shooting}`)).reports.map((r: { id: string }) => r.id);
    const merged = await post('/api/incidents/merge', { ids: [airstrike, shooting], why: 'test: same event' });
    expect(merged.statusCode, merged.body).toBe(201);
    expect(json(merged).result).toMatchObject({ incident: airstrike });
    expectError(await priv.inject({ url: `/api/incidents/${shooting}`, headers: auth(tok.viewer) }), 404, 'not_found', new RegExp(`${shooting}: it was merged into ${airstrike} by eddie`));
    const sheet = json(await priv.inject({ url: `/api/incidents/${airstrike}`, headers: auth(tok.viewer) }));
    expect(sheet.reports.length).toBe(3 + shootingReports.length);
    expect(sheet.reviews.length).toBeGreaterThan(0); // the reviews made before the merge follow its mentions
    // the search list (held in memory on this embedded store) follows the write at once
    const listed = json(await priv.inject({ url: '/api/incidents?limit=500', headers: auth(tok.viewer) })).items as { id: string; reports: number }[];
    expect(listed.some((i) => i.id === shooting)).toBe(false);
    expect(listed.find((i) => i.id === airstrike)?.reports).toBe(3 + shootingReports.length);
    const gone = json(await priv.inject({ url: `/api/incidents/${shooting}/audit`, headers: auth(tok.viewer) }));
    expect(gone.items[0]).toMatchObject({ action: 'incidents.merge', by: 'eddie', note: 'test: same event' });
    expect(gone.items[0].previous.members.length).toBeGreaterThan(0);

    const split = await post(`/api/incidents/${airstrike}/split`, { reports: shootingReports, why: 'test: two events' });
    expect(split.statusCode, split.body).toBe(201);
    const [, fresh] = json(split).result.incidents;
    const back = json(await priv.inject({ url: `/api/incidents/${fresh}`, headers: auth(tok.viewer) }));
    expect(back.reports.map((r: { id: string }) => r.id).sort()).toEqual([...shootingReports].sort());
    expect(json(await priv.inject({ url: `/api/incidents/${airstrike}`, headers: auth(tok.viewer) })).reports).toHaveLength(3);
  });

  it('merges two sources into one identity and splits a name out again', async () => {
    const list = json(await pub.inject('/api/sources?limit=500')).items as { id: string; name: string }[];
    const a = list.find((s) => s.name === 'Maskanah Coordination Committee')!;
    const b = list.find((s) => s.name === 'Syrian Observatory for Human Rights')!;
    const merged = await post('/api/sources/merge', { ids: [a.id, b.id], name: 'Maskanah monitors', why: 'test' });
    expect(merged.statusCode, merged.body).toBe(201);
    const after = json(await priv.inject({ url: '/api/sources?limit=500', headers: auth(tok.viewer) })).items as { id: string; name: string }[];
    expect(after.some((s) => s.id === b.id)).toBe(false);
    expect(after.find((s) => s.id === a.id)!.name).toBe('Maskanah monitors');
    const audit = json(await priv.inject({ url: '/api/audit?limit=5', headers: auth(tok.viewer) }));
    expect(audit.items.filter((e: { action: string }) => e.action === 'sources.merge').map((e: { target: string }) => e.target).sort()).toEqual([a.id, b.id].sort());
    const entryB = audit.items.find((e: { action: string; target: string }) => e.action === 'sources.merge' && e.target === b.id);
    expect(entryB.previous).toMatchObject({ name: 'Syrian Observatory for Human Rights', aliases: expect.arrayContaining(['SOHR']) });
    const split = await post(`/api/sources/${encodeURIComponent(a.id)}/split`, { names: ['Syrian Observatory for Human Rights'], why: 'test' });
    expect(split.statusCode, split.body).toBe(201);
    expect(json(split).result.sources.length).toBeGreaterThanOrEqual(2);
  });

  it('export routes validate the file name and the filters', async () => {
    expectError(await pub.inject('/api/export/incidents.xlsx'), 400, 'bad_request', /file/);
    expectError(await pub.inject('/api/export/acled.csv?from=yesterday'), 400, 'bad_request', /from/);
    expectError(await pub.inject('/api/export/acled.csv?from=2016-02-30'), 400, 'bad_request', /from date/);
    expectError(await pub.inject('/api/export/incidents.geojson?near=1,2'), 400, 'bad_request', /near/);
    expectError(await priv.inject('/api/export/incidents.jsonl'), 401, 'unauthorized');
  });

  it('exports the incidents matching the filters in each format, as attachments', async () => {
    // (the public server's search cache does not see the other server's writes: count through the writer)
    const count = async (qs: string) => json(await priv.inject({ url: `/api/incidents?${qs}`, headers: auth(tok.viewer) })).total;
    const total = await count('');
    const csv = await pub.inject('/api/export/acled.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="acled.csv"');
    expect(csv.body.split('\n')[0]).toMatch(/event_id_cnty/);
    const geo = await pub.inject('/api/export/incidents.geojson');
    expect(geo.headers['content-type']).toMatch(/^application\/geo\+json/);
    const fc = json(geo);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBe(total);
    const one = json(await pub.inject('/api/export/incidents.geojson?type=airstrike'));
    expect(one.features).toHaveLength(await count('type=airstrike'));
    expect(one.features.length).toBeLessThan(total);
    const lines = (await pub.inject('/api/export/incidents.jsonl?minOrigins=2')).body.trim().split('\n');
    expect(lines.length).toBe(await count('minOrigins=2'));
    expect(lines.length).toBeLessThan(total);
    expect(JSON.parse(lines[0]).id).toMatch(/^incident:/);
    const prov = await pub.inject('/api/export/prov.json?limit=1');
    expect(prov.statusCode).toBe(200);
    expect(Object.keys(json(prov))).toEqual(expect.arrayContaining(['prefix']));
  });
});

describe('the answer cache', () => {
  it('keeps recent answers, evicts the oldest, and drops everything (and late answers) on a write', () => {
    const c = new AnswerCache(2);
    const g = c.current;
    c.set('a', '1', g);
    c.set('b', '2', g);
    expect(c.get('a')).toBe('1');
    c.set('c', '3', g); // evicts b, the least recently used
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe('1');
    c.clear();
    expect(c.size).toBe(0);
    c.set('d', '4', g); // computed before the write: not kept
    expect(c.get('d')).toBeUndefined();
  });

  it('expires answers after its time to live', async () => {
    const c = new AnswerCache(10, 20);
    c.set('a', '1', c.current);
    expect(c.get('a')).toBe('1');
    await new Promise((r) => setTimeout(r, 40));
    expect(c.get('a')).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// The same server over a PostgreSQL server (TEST_DATABASE_URL), in a throwaway schema

const pgUp = await pgServerUp('api.test');

describe.skipIf(!pgUp)('on a PostgreSQL server', () => {
  const schema = `api_test_${process.pid}`;
  let pdb: Db;
  let app: FastifyInstance;
  let editor = '';

  beforeAll(async () => {
    pdb = await openStore({ url: PG_URL, schema });
    await ingestReports(pdb, rawReports([REPORTS], null), { by: 'test' });
    await relink(pdb);
    editor = (await createToken(pdb, { role: 'editor', name: 'pg-editor' })).token;
    app = await buildServer({ db: pdb, webDir: join(tmpdir(), 'corroborate-no-web') });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    if (pdb) {
      await pdb.exec(`DROP SCHEMA ${schema} CASCADE`).catch(() => {});
      await pdb.close();
    }
  });

  it('searches, shows a case sheet, takes a review and an upload, refuses bad input', async () => {
    const h = auth(editor);
    const list = json(await app.inject({ url: '/api/incidents?minOrigins=1', headers: h }));
    expect(list.total).toBe(2);
    const air = list.items.find((i: { type: string }) => i.type === 'airstrike');
    expect(air).toMatchObject({ killed: { min: 3, max: 4 }, origins: 1, contradictions: ['killed'] });
    expect(json(await app.inject({ url: '/api/incidents?q=Maskanah&near=36.2,38.0,50', headers: h })).items.map((i: { id: string }) => i.id)).toEqual([air.id]);
    const r = await app.inject({ method: 'POST', url: `/api/incidents/${air.id}/review`, headers: h, payload: { field: 'killed', action: 'correct', value: { min: 4, max: 4 } } });
    expect(r.statusCode, r.body).toBe(201);
    const sheet = json(await app.inject({ url: `/api/incidents/${air.id}`, headers: h }));
    expect(sheet.effective.killed).toEqual({ min: 4, max: 4 });
    expect(sheet.incident.killed).toMatchObject({ min: 3, max: 4 });
    const up = await app.inject({ method: 'POST', url: '/api/reports?published=2018-01-15', headers: { ...h, 'content-type': 'text/plain' }, payload: readFileSync(join(API_FIXTURES, 'shelling.txt')) });
    expect(up.statusCode, up.body).toBe(201);
    expect(json(up).results[0].outcome).toBe('added');
    expect(json(await app.inject({ url: '/api/incidents?q=Kafr%20Nabl', headers: h })).total).toBeGreaterThanOrEqual(1);
    const audit = json(await app.inject({ url: '/api/audit', headers: h }));
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['reports.upload', 'review.correct']);
    expectError(await app.inject({ method: 'POST', url: `/api/incidents/${air.id}/review`, headers: { ...h, 'content-type': 'application/json' }, payload: '{oops' }), 400, 'bad_request', /not valid JSON/);
    expectError(await app.inject({ url: '/api/incidents' }), 401, 'unauthorized');
    expect(json(await app.inject({ url: '/api/audit', headers: h })).total).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------
// The command line: corroborate token create | list | revoke, corroborate serve (the built CLI)

describe('corroborate token and serve (built command line)', () => {
  const run = async (args: string[]) => {
    const { execFile } = await import('node:child_process');
    const env = { ...process.env };
    delete env.DATABASE_URL;
    return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [CLI, ...args], { env }, (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
    });
  };

  it('creates a token (printed once), serves with it, lists and revokes it', async () => {
    const dir = join(tmp, 'cli-db');
    const created = await run(['token', 'create', '--role', 'viewer', '--name', 'cli-viewer', '--db', dir]);
    expect(created.code, created.stderr).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toMatch(/shown only this once/);
    expect((await run(['token', 'create', '--role', 'root', '--db', dir])).code).toBe(2);

    const env = { ...process.env };
    delete env.DATABASE_URL;
    const { child, url } = await startServe(['--db', dir, '--port', '0'], env);
    try {
      const me = await fetch(`${url}/api/me`, { headers: auth(token) });
      expect(await me.json()).toEqual({ name: 'cli-viewer', role: 'viewer' });
      expect((await fetch(`${url}/api/incidents`)).status).toBe(401);
      const page = await fetch(`${url}/`);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    const list = await run(['token', 'list', '--db', dir]);
    expect(list.stdout).toMatch(/cli-viewer\s+viewer/);
    expect(list.stdout).not.toContain(token);
    expect((await run(['token', 'revoke', '1', '--db', dir])).code).toBe(0);
    const again = await run(['token', 'revoke', '1', '--db', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/no active token 1/);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// Rate limits (src/api/rate-limit.ts): failed authentications per address, writes per token;
// reads not limited unless configured; each limit can be turned off

describe('rate limits', () => {
  const noWeb = () => join(tmp, 'no-web');
  // a write the server refuses after the limits are checked (ids needs two items): counted, changes nothing
  const cheapWrite = (app: FastifyInstance, token: string, remoteAddress?: string) =>
    app.inject({ method: 'POST', url: '/api/incidents/merge', headers: auth(token), payload: { ids: ['incident:x'] }, ...(remoteAddress ? { remoteAddress } : {}) });
  function expect429(r: LightMyRequestResponse, message: RegExp) {
    expectError(r, 429, 'too_many_requests', message);
    const wait = Number(r.headers['retry-after']);
    expect(Number.isInteger(wait), `Retry-After: ${r.headers['retry-after']}`).toBe(true);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(json(r).error.message).toContain(`wait ${wait} s`);
    // the usual headers of every response are there too
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['cache-control']).toBe('no-store');
  }
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('refuses an address with 429 after its budget of refused tokens, whatever token it then sends, until the window ends', async () => {
    const app = await buildServer({ db, webDir: noWeb(), rateLimit: { authFailures: 3, windowMs: 1500 } });
    try {
      // no token at all, or a good token with too low a role, guesses nothing: not counted
      for (let i = 0; i < 5; i++) {
        expectError(await app.inject({ url: '/api/incidents' }), 401, 'unauthorized');
        expectError(await cheapWrite(app, tok.viewer), 403, 'forbidden');
      }
      for (const t of ['guess-1', 'guess-2', 'guess-3']) expectError(await app.inject({ url: '/api/incidents', headers: auth(t) }), 401, 'unauthorized');
      const before = await snapshot();
      const refused = await app.inject({ url: '/api/incidents', headers: auth('guess-4') });
      expect429(refused, /too many failed authentications from 127\.0\.0\.1 \(3 in 1\.5 s\).*valid token/);
      // the token is not even looked at: a valid one is refused the same way, reads and writes alike
      expect429(await app.inject({ url: '/api/incidents', headers: auth(tok.viewer) }), /failed authentications/);
      expect429(await app.inject({ method: 'POST', url: `/api/incidents/${airstrike}/review`, headers: auth(tok.editor), payload: { field: 'killed', action: 'accept' } }), /failed authentications/);
      expect(await snapshot()).toEqual(before);
      // open routes are not limited; another address has its own budget
      expect((await app.inject('/api/health')).statusCode).toBe(200);
      expect((await app.inject({ url: '/api/incidents', headers: auth(tok.viewer), remoteAddress: '192.0.2.7' })).statusCode).toBe(200);
      expectError(await app.inject({ url: '/api/incidents', headers: auth('guess'), remoteAddress: '192.0.2.7' }), 401, 'unauthorized');
      // once the window has passed, the address may authenticate again
      await sleep(1600);
      expect((await app.inject({ url: '/api/incidents', headers: auth(tok.viewer) })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('a public server still answers token-less reads from a refused address; tokens from it are refused', async () => {
    const app = await buildServer({ db, public: true, webDir: noWeb(), rateLimit: { authFailures: 2 } });
    try {
      for (const t of ['a-wrong-token', 'another-wrong-token']) expectError(await app.inject({ url: '/api/incidents', headers: auth(t) }), 401, 'unauthorized');
      expect429(await app.inject({ url: '/api/incidents', headers: auth(tok.viewer) }), /failed authentications/);
      expect429(await cheapWrite(app, tok.editor), /failed authentications/);
      // a write without a token is told it needs one (it presents nothing to guess with)
      expectError(await app.inject({ method: 'POST', url: '/api/incidents/merge', payload: { ids: ['a', 'b'] } }), 401, 'unauthorized');
      const r = await app.inject('/api/incidents');
      expect(r.statusCode).toBe(200);
      expect(json(r).total).toBeGreaterThanOrEqual(2);
    } finally {
      await app.close();
    }
  });

  it('limits writes per token: 429 with Retry-After and a message naming the token and the option; other tokens and reads go on', async () => {
    const app = await buildServer({ db, webDir: noWeb(), rateLimit: { writes: 2 } });
    try {
      const first = await cheapWrite(app, tok.editor);
      expectError(first, 400, 'bad_request');
      expect(first.headers['x-ratelimit-limit']).toBe('2');
      expect(first.headers['x-ratelimit-remaining']).toBe('1');
      expect(Number(first.headers['x-ratelimit-reset'])).toBeGreaterThan(0);
      expect((await cheapWrite(app, tok.editor)).headers['x-ratelimit-remaining']).toBe('0');
      const before = await snapshot();
      // a real change over the limit is refused before anything is done
      const refused = await app.inject({ method: 'POST', url: `/api/incidents/${airstrike}/review`, headers: auth(tok.editor), payload: { field: 'killed', action: 'accept' } });
      expect429(refused, /too many writes with the token "eddie" \(at most 2 in a minute\).*application\/x-ndjson.*--rate-limit-writes/);
      expect(refused.headers['x-ratelimit-remaining']).toBe('0');
      // an upload is a write too (refused before its body is looked at)
      expect429(await app.inject({ method: 'POST', url: '/api/reports', headers: { ...auth(tok.editor), 'content-type': 'text/plain' }, payload: 'Two men were killed.' }), /too many writes/);
      expect(await snapshot()).toEqual(before);
      // the limit is the token's, whatever the address; another token has its own
      expect429(await cheapWrite(app, tok.editor, '192.0.2.9'), /too many writes/);
      expectError(await cheapWrite(app, tok.admin), 400, 'bad_request');
      // reads with the same token are not limited, and say nothing of limits
      const reads = await Promise.all(Array.from({ length: 50 }, () => app.inject({ url: '/api/incidents', headers: auth(tok.editor) })));
      expect(reads.map((r) => r.statusCode)).toEqual(reads.map(() => 200));
      expect(reads[0].headers['x-ratelimit-limit']).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('by default: 60 writes a token a minute, 30 failed authentications an address, reads not limited', async () => {
    const app = await buildServer({ db, public: true, webDir: noWeb() });
    try {
      for (let i = 0; i < 60; i++) expect((await cheapWrite(app, tok.editor)).statusCode).toBe(400);
      expect429(await cheapWrite(app, tok.editor), /at most 60 in a minute/);
      // 2000 reads, with a token and without, none refused and none counted
      for (let round = 0; round < 20; round++) {
        const batch = await Promise.all(Array.from({ length: 100 }, (_, i) => app.inject(i % 2 ? { url: '/api/incidents?q=airstrike', headers: auth(tok.viewer) } : { url: '/api/incidents' })));
        expect(batch.filter((r) => r.statusCode !== 200)).toEqual([]);
        expect(batch.some((r) => r.headers['x-ratelimit-limit'] !== undefined)).toBe(false);
      }
      for (let i = 0; i < 30; i++) expect((await app.inject({ url: '/api/me', headers: auth(`wrong-${i}`) })).statusCode).toBe(401);
      expect429(await app.inject({ url: '/api/me', headers: auth('wrong-31') }), /\(30 in a minute\)/);
      // the OpenAPI document says so
      const doc = json(await app.inject('/api/openapi.json'));
      expect(doc.info.description).toMatch(/30 failed authentications .* per client address in a minute.*60 writes per token in a minute; reads are not limited.*429.*Retry-After/);
    } finally {
      await app.close();
    }
  });

  it('each limit can be turned off (0), and reads can be limited when asked for', async () => {
    const off = await buildServer({ db, webDir: noWeb(), rateLimit: { authFailures: 0, writes: 0 } });
    try {
      for (let i = 0; i < 80; i++) expect((await off.inject({ url: '/api/me', headers: auth(`wrong-${i}`) })).statusCode).toBe(401);
      for (let i = 0; i < 80; i++) expect((await cheapWrite(off, tok.editor)).statusCode).toBe(400);
      expect((await off.inject({ url: '/api/me', headers: auth(tok.viewer) })).statusCode).toBe(200);
      expect(json(await off.inject('/api/openapi.json')).info.description).toContain('This server has no rate limits.');
    } finally {
      await off.close();
    }
    const reads = await buildServer({ db, public: true, webDir: noWeb(), rateLimit: { reads: 3 } });
    try {
      for (let i = 0; i < 3; i++) expect((await reads.inject({ url: '/api/incidents', headers: auth(tok.viewer) })).statusCode).toBe(200);
      expect429(await reads.inject({ url: '/api/incidents', headers: auth(tok.viewer) }), /too many reads with the token "vera" \(at most 3 in a minute\).*--rate-limit-reads/);
      // without a token, per address
      for (let i = 0; i < 3; i++) expect((await reads.inject({ url: '/api/incidents', remoteAddress: '192.0.2.20' })).statusCode).toBe(200);
      expect429(await reads.inject({ url: '/api/incidents', remoteAddress: '192.0.2.20' }), /too many reads from 192\.0\.2\.20 without a token/);
      expect((await reads.inject({ url: '/api/incidents', remoteAddress: '192.0.2.21' })).statusCode).toBe(200);
      expect((await reads.inject('/api/health')).statusCode).toBe(200);
    } finally {
      await reads.close();
    }
    await expect(buildServer({ db, webDir: noWeb(), rateLimit: { writes: -1 } })).rejects.toThrow(/whole number >= 0/);
  });

  it('behind a trusted reverse proxy the client is the one X-Forwarded-For names; otherwise that header changes nothing', async () => {
    const proxied = await buildServer({ db, webDir: noWeb(), rateLimit: { authFailures: 2 }, trustProxy: '127.0.0.1' });
    try {
      const from = (client: string, token: string) => proxied.inject({ url: '/api/me', headers: { ...auth(token), 'x-forwarded-for': client } });
      for (const t of ['w1', 'w2']) expectError(await from('203.0.113.5', t), 401, 'unauthorized');
      expect429(await from('203.0.113.5', tok.viewer), /from 203\.0\.113\.5/);
      expect((await from('203.0.113.6', tok.viewer)).statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
    const direct = await buildServer({ db, webDir: noWeb(), rateLimit: { authFailures: 2 } });
    try {
      for (const c of ['203.0.113.5', '203.0.113.6']) expectError(await direct.inject({ url: '/api/me', headers: { ...auth('wrong'), 'x-forwarded-for': c } }), 401, 'unauthorized');
      // a forged header does not buy a new budget
      expect429(await direct.inject({ url: '/api/me', headers: { ...auth('wrong'), 'x-forwarded-for': '203.0.113.99' } }), /from 127\.0\.0\.1/);
    } finally {
      await direct.close();
    }
  });
});

describe('corroborate serve --rate-limit-* (built command line)', () => {

  it('takes the limits from its options, answers 429 with Retry-After over HTTP, and refuses a bad value', async () => {
    const { execFile } = await import('node:child_process');
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const dir = join(tmp, 'cli-rate-db');
    const token = await new Promise<string>((resolve, reject) => execFile(process.execPath, [CLI, 'token', 'create', '--role', 'editor', '--name', 'rl-editor', '--db', dir], { env }, (err, stdout) => (err ? reject(err) : resolve(stdout.trim()))));
    const bad = await new Promise<{ code: number; stderr: string }>((resolve) => execFile(process.execPath, [CLI, 'serve', '--db', dir, '--rate-limit-writes', '-3'], { env }, (err, _o, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stderr })));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--rate-limit-writes.*whole number >= 0/);
    const badTiles = await new Promise<{ code: number; stderr: string }>((resolve) => execFile(process.execPath, [CLI, 'serve', '--db', dir, '--tiles', 'https://{s}.tile.example.org/{z}/{x}/{y}.png'], { env }, (err, _o, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stderr })));
    expect(badTiles.code).toBe(2);
    expect(badTiles.stderr).toMatch(/--tiles.*not \{s\}: give one host/);

    const { child, url } = await startServe(['--db', dir, '--port', '0', '--rate-limit-auth', '1', '--rate-limit-writes', '0'], env);
    try {
      // writes are not limited (--rate-limit-writes 0)
      for (let i = 0; i < 70; i++) {
        const w = await fetch(`${url}/api/incidents/merge`, { method: 'POST', headers: { ...auth(token), 'content-type': 'application/json' }, body: '{"ids":["a"]}' });
        expect(w.status).toBe(400);
      }
      expect((await fetch(`${url}/api/me`, { headers: auth('a-guess') })).status).toBe(401);
      const refused = await fetch(`${url}/api/me`, { headers: auth(token) });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
      const body = await refused.json() as { error: { status: number; code: string; message: string } };
      expect(body.error).toMatchObject({ status: 429, code: 'too_many_requests' });
      expect(body.error.message).toMatch(/too many failed authentications from 127\.0\.0\.1 \(1 in a minute\): wait \d+ s/);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  }, 60_000);
});
