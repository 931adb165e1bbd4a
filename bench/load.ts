/**
 * Load test of the incident search on loopback:
 *   node dist/bench/load.js [--db DIR] [--limit N] [--duration S] [--connections N] [--max-requests N] [--keep]
 *
 * Ingests the GVA dev articles (../shared/eval/gva/dev.articles.jsonl; skipped cleanly when
 * absent) into a fresh embedded PGlite directory (or reuses --db when it already holds reports),
 * starts `corroborate serve --public` on it as a child process, and hits
 * `GET /api/incidents?...&limit=50` with a mix of queries and filters (full text, type, date
 * range, radius, origin count, pages) using autocannon, bounded in time (--duration, default
 * 10 s, at most 60) and in count (--max-requests, default 500,000 per run). Three runs: the 18
 * searches with the server's search cache off (every request is searched) and on (the default:
 * identical searches answered from memory until the next write), then a stream of varied searches
 * (a different combination of words, type, dates, place and page for each request, drawn at
 * random: thousands of distinct searches, so the cache rarely helps) with the cache on. Prints
 * req/s, p50 / p99 latency and errors for each. Target: >= 500 req/s with p99 < 50 ms, which the
 * runs that the cache does not serve must meet.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { jsonlReports, ingestReports } from '../src/jobs/ingest.js';
import { relink } from '../src/jobs/case-file.js';
import { openStore, storeCounts } from '../src/store/index.js';
import { positiveInt } from './args.js';
import { evalFile } from './eval/data.js';

interface Args { dir?: string; limit: number; duration: number; connections: number; maxRequests: number; keep: boolean }

function parseArgs(argv: string[]): Args {
  const a: Args = { limit: Infinity, duration: 10, connections: 10, maxRequests: 500_000, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    if (k === '--db') a.dir = argv[++i];
    else if (k === '--limit') a.limit = positiveInt(argv[++i], k);
    else if (k === '--duration') a.duration = Math.min(60, positiveInt(argv[++i], k));
    else if (k === '--connections') a.connections = Math.min(200, positiveInt(argv[++i], k));
    else if (k === '--max-requests') a.maxRequests = positiveInt(argv[++i], k);
    else if (k === '--keep') a.keep = true;
    else throw new Error(`unknown option ${k}`);
  }
  return a;
}

const CLI = fileURLToPath(new URL('../src/cli.js', import.meta.url));

/** The search mix: what a person using the list and the map asks. */
const PATHS = [
  '/api/incidents?limit=50',
  '/api/incidents?limit=50&offset=50',
  '/api/incidents?q=shooting&limit=50',
  '/api/incidents?q=killed&limit=50',
  '/api/incidents?q=police%20officer&limit=50',
  '/api/incidents?q=teen&limit=50',
  '/api/incidents?q=Chicago&limit=50',
  '/api/incidents?q=Philadelphia&limit=50',
  '/api/incidents?q=%22domestic%20dispute%22&limit=50',
  '/api/incidents?type=shooting&limit=50',
  '/api/incidents?type=killing&limit=50',
  '/api/incidents?from=2016-01-01&to=2016-06-30&limit=50',
  '/api/incidents?from=2017-01-01&limit=50',
  '/api/incidents?near=41.88,-87.63,50&limit=50',
  '/api/incidents?near=40.71,-74.01,40&limit=50',
  '/api/incidents?near=29.76,-95.37,60&type=shooting&limit=50',
  '/api/incidents?minOrigins=2&limit=50',
  '/api/incidents?q=wounded&type=shooting&from=2016-01-01&limit=50',
];

/** Words a documenter searches GVA-like reports for (one or two per varied search). */
const WORDS = ['shooting', 'shot', 'killed', 'wounded', 'police', 'officer', 'teen', 'woman', 'man', 'child', 'gunman', 'suspect',
  'robbery', 'domestic', 'party', 'car', 'home', 'apartment', 'street', 'bar', 'store', 'gas station', 'drive-by', 'arrested',
  'hospital', 'victim', 'Chicago', 'Philadelphia', 'Houston', 'Baltimore', 'Memphis', 'St. Louis', 'New Orleans', 'Detroit',
  'Atlanta', 'Milwaukee', 'Indianapolis', 'Jacksonville', 'Cleveland', 'Oakland'];
const CITIES: [number, number][] = [[41.88, -87.63], [39.95, -75.17], [29.76, -95.37], [39.29, -76.61], [35.15, -90.05], [38.63, -90.2],
  [29.95, -90.07], [42.33, -83.05], [33.75, -84.39], [43.04, -87.91], [39.77, -86.16], [30.33, -81.66], [41.5, -81.69], [37.8, -122.27]];
const TYPES = ['shooting', 'killing', 'assault', 'armed_clash'];

/** A random search as the web app's list and map send it (deterministic for a given random source). */
export function variedPath(rnd: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const q = new URLSearchParams();
  if (rnd() < 0.6) q.set('q', rnd() < 0.3 ? `${pick(WORDS)} ${pick(WORDS)}` : pick(WORDS));
  if (rnd() < 0.3) q.set('type', pick(TYPES));
  if (rnd() < 0.3) {
    const y = 2014 + Math.floor(rnd() * 4);
    const m = 1 + Math.floor(rnd() * 12);
    q.set('from', `${y}-${String(m).padStart(2, '0')}-01`);
    if (rnd() < 0.5) q.set('to', `${y + (m > 6 ? 1 : 0)}-${String(((m + 5) % 12) + 1).padStart(2, '0')}-01`);
  }
  if (rnd() < 0.3) {
    const [lat, lon] = pick(CITIES);
    q.set('near', `${(lat + (rnd() - 0.5) / 5).toFixed(3)},${(lon + (rnd() - 0.5) / 5).toFixed(3)},${5 + Math.floor(rnd() * 95)}`);
  }
  if (rnd() < 0.15) q.set('minOrigins', String(1 + Math.floor(rnd() * 2)));
  q.set('limit', '50');
  if (rnd() < 0.2) q.set('offset', String(50 * (1 + Math.floor(rnd() * 3))));
  return '/api/incidents?' + q.toString();
}

async function prepare(a: Args): Promise<{ dir: string; fresh: boolean } | null> {
  let dir = a.dir;
  let fresh = false;
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), 'corroborate-load-'));
    fresh = true;
  }
  const db = await openStore({ dir });
  try {
    const before = await storeCounts(db);
    if (before.reports === 0) {
      const file = evalFile('gva', 'dev.articles.jsonl');
      if (!file) {
        if (fresh) rmSync(dir, { recursive: true, force: true });
        return null;
      }
      const t0 = performance.now();
      let n = 0;
      async function* limited() {
        for await (const r of jsonlReports(file!)) {
          if (n++ >= a.limit) return;
          yield r;
        }
      }
      const sum = await ingestReports(db, limited(), { by: 'bench' });
      const linked = await relink(db);
      console.log(`ingested ${sum.added} GVA dev articles (${sum.failed} failed) into ${dir}: ${linked.incidents} incidents, ${linked.sources} sources in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } else {
      console.log(`reusing ${dir}: ${before.reports} reports, ${before.incidents} incidents`);
    }
  } finally {
    await db.close();
  }
  return { dir, fresh };
}

function startServer(dir: string, cache: boolean): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--db', dir, '--public', '--port', '0', '--search-cache', cache ? '500' : '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (s: string) => {
      err += s;
      const m = /serving (http:\/\/[^/\s]+)\//.exec(err);
      if (m) resolveStart({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}): ${err.trim()}`)));
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

interface Measured { label: string; rps: number; p50: number; p99: number; errors: number; non2xx: number; total: number; seconds: number }

async function measure(label: string, url: string, a: Args, varied = false): Promise<Measured & { distinct?: number }> {
  // a warm-up pass: every path once (and the first answers of the cache)
  for (const p of PATHS) {
    const r = await fetch(url + p);
    if (!r.ok) throw new Error(`${p}: HTTP ${r.status} ${await r.text()}`);
    await r.arrayBuffer();
  }
  // varied searches: a seeded random source, so two runs send the same stream
  let seed = 20261204;
  const rnd = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const sent = new Set<string>();
  const requests = varied
    ? [{ method: 'GET' as const, setupRequest: (req: autocannon.Request) => {
      const path = variedPath(rnd);
      sent.add(path);
      return { ...req, path };
    } }]
    : PATHS.map((path) => ({ method: 'GET' as const, path }));
  const res = await new Promise<autocannon.Result>((resolveRun, reject) => {
    // bounded in count (autocannon's amount) and in time (stopped after the duration)
    const inst = autocannon({
      url,
      connections: a.connections,
      amount: a.maxRequests,
      requests,
    }, (err, result) => {
      clearTimeout(timer);
      if (err) reject(err);
      else resolveRun(result);
    });
    const timer = setTimeout(() => inst.stop(), a.duration * 1000);
  });
  return {
    // completed requests over the elapsed time (autocannon's own average is over whole seconds)
    label, rps: res.requests.total / Math.max(0.01, res.duration), p50: res.latency.p50, p99: res.latency.p99,
    errors: res.errors + res.timeouts, non2xx: res.non2xx, total: res.requests.total, seconds: res.duration,
    ...(varied ? { distinct: sent.size } : {}),
  };
}

const line = (m: Measured & { distinct?: number }) =>
  `${m.label.padEnd(34)} ${m.rps.toFixed(0).padStart(6)} req/s   p50 ${m.p50.toFixed(1).padStart(5)} ms   p99 ${m.p99.toFixed(1).padStart(5)} ms   ${m.total} requests in ${m.seconds.toFixed(1)} s, ${m.errors} errors, ${m.non2xx} non-2xx${m.distinct ? `, ${m.distinct} distinct searches` : ''}`;

const met = (m: Measured) => m.rps >= 500 && m.p99 < 50 && m.errors === 0 && m.non2xx === 0;

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  if (!existsSync(CLI)) throw new Error(`${CLI} not found: npm run build first`);
  const prepared = await prepare(a);
  if (!prepared) return;
  const results: (Measured & { distinct?: number })[] = [];
  try {
    for (const [cache, varied, label] of [[false, false, 'search cache off'], [true, false, 'search cache on (default)'], [true, true, 'varied searches, cache on']] as const) {
      const { child, url } = await startServer(prepared.dir, cache);
      try {
        results.push(await measure(label, url, a, varied));
      } finally {
        await stopServer(child);
      }
    }
  } finally {
    if (prepared.fresh && !a.keep) rmSync(prepared.dir, { recursive: true, force: true });
    else console.log(`case file kept in ${resolve(prepared.dir)}`);
  }
  console.log(`GET /api/incidents (${PATHS.length} searches in turn, or varied ones; limit 50), ${a.connections} connections, at most ${a.duration} s and ${a.maxRequests} requests each, embedded PGlite, loopback:`);
  for (const m of results) console.log(line(m));
  console.log(`target >= 500 req/s with p99 < 50 ms: ${results.map((m) => `${m.label}: ${met(m) ? 'met' : 'NOT met'}`).join('; ')}`);
}

main().catch((e: unknown) => {
  console.error(`bench:load: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
