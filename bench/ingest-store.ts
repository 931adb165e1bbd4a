/**
 * Ingest-into-the-case-file bench:
 *   node dist/bench/ingest-store.js [FILE.jsonl] [--db DIR | --url URL | (DATABASE_URL=...)] [--limit N] [--synthetic N]
 *
 * Streams reports (default ../shared/eval/gva/dev.articles.jsonl; skipped cleanly when absent)
 * through extractReport + storeReport (archive + extraction in one transaction per report) and
 * prints reports/s (overall, and for the store alone) and peak RSS.
 *
 * With neither --db, --url nor DATABASE_URL it runs itself twice in child processes (so each
 * peak RSS is its own): embedded PGlite on a temp directory, and the PostgreSQL server at
 * postgres://postgres@127.0.0.1:5432/test (or BENCH_DATABASE_URL) in a throwaway schema when
 * one answers; then prints both side by side.
 *
 * --synthetic N: N generated reports (never all in memory), RSS printed at 10%, 50%, 100%
 * to show memory stays flat. --no-extract: store only (a minimal extraction per report).
 * --batch N: N reports per transaction (default 1: one commit per report).
 * --synthetic N --write-jsonl FILE: write the N generated reports as JSON Lines and stop, for
 * measuring the command line itself: `corroborate ingest --input-jsonl FILE --db DIR --stats`
 * prints reports/s and RSS at 10%, 50% and 100% of the input and after linking.
 * A fresh PGlite directory is initialised (initdb) in a separate process first, so the peak RSS
 * is that of ingesting, not of the one-time initdb.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Extraction, ReportInput } from '../src/model/schema.js';
import { openStore, reportStatuses, storeCounts, storeReports, type Db, type PutReportInput, type StoreOptions, type StoreOutcome } from '../src/store/index.js';
import { positiveInt } from './args.js';

interface Args {
  file: string;
  dir?: string;
  url?: string;
  limit: number;
  synthetic: number;
  extract: boolean;
  keep: boolean;
  batch: number;
  initOnly: boolean;
  writeJsonl?: string;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { file: resolve('../shared/eval/gva/dev.articles.jsonl'), limit: Infinity, synthetic: 0, extract: true, keep: false, batch: 1, initOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const num = () => positiveInt(argv[++i], k);
    if (k === '--limit') a.limit = num();
    else if (k === '--synthetic') a.synthetic = num();
    else if (k === '--db') a.dir = argv[++i];
    else if (k === '--url') a.url = argv[++i];
    else if (k === '--no-extract') a.extract = false;
    else if (k === '--keep') a.keep = true;
    else if (k === '--batch') a.batch = num();
    else if (k === '--init-only') a.initOnly = true;
    else if (k === '--write-jsonl') a.writeJsonl = resolve(argv[++i]);
    else if (k.startsWith('--')) throw new Error(`unknown option ${k}`);
    else a.file = resolve(k);
  }
  if (!a.dir && !a.url && process.env.DATABASE_URL) a.url = process.env.DATABASE_URL;
  return a;
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
let peakRss = 0;
function sampleRss(): number {
  const r = process.memoryUsage.rss();
  if (r > peakRss) peakRss = r;
  return r;
}

interface Result {
  engine: string;
  reports: number;
  added: number;
  skipped: number;
  failed: number;
  seconds: number;
  storeSeconds: number;
  extractSeconds: number;
  peakRssMb: number;
  batch: number;
  rssAt: { pct: number; mb: number }[];
}

// --- inputs ----------------------------------------------------------------------------------

async function* gvaInputs(file: string, limit: number): AsyncGenerator<ReportInput> {
  const { readJsonl } = await import('../src/ingest/files.js');
  let n = 0;
  for await (const item of readJsonl(file)) {
    if (n >= limit) return;
    if ('input' in item) {
      n++;
      yield item.input;
    }
  }
}

const CITIES = ['Springfield', 'Riverton', 'Fairview', 'Madison', 'Georgetown', 'Clinton', 'Salem', 'Franklin', 'Greenville', 'Bristol'];
const NAMES = ['James Carter', 'Maria Lopez', 'Dwayne Hill', 'Keisha Brown', 'Tom Nguyen', 'Ana Petrova', 'Luis Ortega', 'Sam Okafor'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const OUTLETS = ['Daily Sentinel', 'Evening Star', 'Channel 7 News', 'The Courier'];

/**
 * Generated reports in the style of local crime news, all different, never held in memory.
 * Like a real collection, one incident is told by a few reports (three here, from different
 * outlets, published the day after), four incidents a day in different cities, so incidents
 * stay small however many reports there are.
 */
function* syntheticInputs(n: number): Generator<ReportInput & { outlet: string }> {
  const DAY = 86_400_000;
  const start = Date.UTC(2000, 0, 1);
  for (let i = 0; i < n; i++) {
    const k = Math.floor(i / 3); // the incident
    const city = CITIES[k % CITIES.length];
    const name = NAMES[(k * 7) % NAMES.length];
    const when = start + Math.floor(k / 4) * DAY;
    const day = WEEKDAYS[new Date(when).getUTCDay() === 0 ? 6 : new Date(when).getUTCDay() - 1];
    const age = 18 + (k % 50);
    const hurt = 1 + (k % 4);
    const published = new Date(when + DAY).toISOString().slice(0, 10);
    const text = [
      `${city} police said ${name}, ${age}, was shot and killed on ${day} night near the ${k}th block of Main Street. ` +
        `Officers said ${hurt} other people were wounded and taken to a local hospital. Case number ${i}.`,
      `A ${age}-year-old man, ${name}, died after a shooting on Main Street in ${city} on ${day}, police said. ` +
        `${hurt} others were hurt. A witness told reporters she heard "at least ten shots" before the car drove off. Report ${i}.`,
      `Police in ${city} are looking for the driver of a car seen leaving Main Street after ${name} was shot dead on ${day}. ` +
        `${hurt} more people were wounded, officers said. Story ${i}.`,
    ][i % 3];
    yield { id: `synthetic-${i}`, text, title: `${hurt + 1} shot, one fatally, in ${city}`, published, outlet: OUTLETS[i % OUTLETS.length] };
  }
}

/** The cheapest valid extraction: for --no-extract (the store's own cost). */
function minimalExtraction(input: ReportInput): Extraction {
  const text = input.text;
  return {
    report: { id: '', title: input.title ?? null, published: input.published ?? null, language: 'en', text },
    sources: [{ id: 's1', name: 'police', aliases: [], kind: 'government' }],
    claims: [{ id: 'c1', source: 's1', sourceSpan: null, cue: null, content: { start: 0, end: Math.min(80, text.length), text: text.slice(0, 80) }, quote: 'indirect', hedges: [], via: null }],
    citations: [],
    incidents: [],
  };
}

// --- one engine, in this process --------------------------------------------------------------

async function runOne(args: Args): Promise<Result> {
  const spec: StoreOptions = args.url ? { url: args.url, schema: process.env.BENCH_SCHEMA || undefined } : { dir: args.dir };
  const synthetic = args.synthetic > 0;
  if (args.initOnly) {
    await (await openStore(spec)).close();
    process.exit(0);
  }
  if (!synthetic && !existsSync(args.file)) {
    console.log(`skipped: ${args.file} not found (the GVA dev articles live in ../shared/eval/gva/)`);
    process.exit(0);
  }
  const extractReport = args.extract ? (await import('../src/extract/index.js')).extractReport : null;
  const db: Db = await openStore(spec);
  const total = synthetic ? args.synthetic : args.limit;
  const marks = synthetic ? [0.1, 0.5, 1].map((p) => Math.max(1, Math.round(p * total))) : [];
  const rssAt: Result['rssAt'] = [];
  const res = { reports: 0, added: 0, skipped: 0, failed: 0 };
  let storeMs = 0;
  let extractMs = 0;
  const { createHash } = await import('node:crypto');
  sampleRss();
  const t0 = performance.now();
  const inputs: AsyncIterable<ReportInput> | Iterable<ReportInput> = synthetic ? syntheticInputs(args.synthetic) : gvaInputs(args.file, args.limit);
  type Item = { input: PutReportInput; outcome: StoreOutcome };
  let pending: Item[] = [];
  const flush = async () => {
    const s1 = performance.now();
    const rs = await storeReports(db, pending);
    storeMs += performance.now() - s1;
    for (const r of rs) {
      if (r.added) res.added++;
      if (r.saved === 'failed') res.failed++;
    }
    pending = [];
  };
  for await (const input of inputs) {
    const raw = Buffer.from(input.text, 'utf8');
    const id = 'sha256:' + createHash('sha256').update(raw).digest('hex');
    // resumable: a report already extracted is not extracted again
    const s0 = performance.now();
    const known = (await reportStatuses(db, [id])).get(id);
    storeMs += performance.now() - s0;
    res.reports++;
    if (known === 'ok') {
      res.skipped++;
      continue;
    }
    const e0 = performance.now();
    let outcome: StoreOutcome;
    try {
      outcome = { extraction: extractReport ? extractReport(input) : minimalExtraction(input) };
    } catch (e) {
      outcome = { error: (e as Error).message };
    }
    extractMs += performance.now() - e0;
    pending.push({ input: { raw, by: 'bench', from: synthetic ? 'synthetic' : args.file, externalId: input.id ?? null, title: input.title ?? null, published: input.published ?? null, url: input.url ?? null, format: 'jsonl' }, outcome });
    if (pending.length >= args.batch) await flush();
    if (res.reports % 25 === 0) sampleRss();
    if (marks.includes(res.reports)) {
      const rss = sampleRss();
      rssAt.push({ pct: Math.round((100 * res.reports) / total), mb: Math.round(rss / 1048576) });
      console.log(`  ${res.reports} reports (${Math.round((100 * res.reports) / total)}%): rss ${mb(rss)} MB, heap ${mb(process.memoryUsage().heapUsed)} MB`);
    }
  }
  await flush();
  const seconds = (performance.now() - t0) / 1000;
  sampleRss();
  const counts = await storeCounts(db);
  await db.close();
  const peakKb = process.resourceUsage().maxRSS;
  console.log(`  store now holds ${counts.reports} reports (${counts.ok} ok, ${counts.failed} failed, ${counts.pending} pending), ${counts.claims} claims, ${counts.mentions} incident mentions`);
  return {
    engine: args.url ? 'postgres' : 'pglite', ...res, seconds, storeSeconds: storeMs / 1000, extractSeconds: extractMs / 1000,
    peakRssMb: Math.round(Math.max(peakRss, peakKb * 1024) / 1048576), batch: args.batch, rssAt,
  };
}

function print(r: Result) {
  const rate = (n: number, s: number) => (s > 0 ? (n / s).toFixed(1) : '-');
  console.log(`${r.engine} (batch ${r.batch}): ${r.reports} reports (${r.added} added, ${r.skipped} already there, ${r.failed} failed) in ${r.seconds.toFixed(1)} s` +
    ` = ${rate(r.reports, r.seconds)} reports/s overall; store alone ${rate(r.reports, r.storeSeconds)} reports/s` +
    ` (${r.storeSeconds.toFixed(1)} s), extraction ${r.extractSeconds.toFixed(1)} s; peak RSS ${r.peakRssMb} MB`);
}

// --- both engines, each in its own process -----------------------------------------------------

async function serverUp(url: string): Promise<boolean> {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

function child(argv: string[], env: NodeJS.ProcessEnv): Promise<Result | null> {
  return new Promise((res, rej) => {
    const p = spawn(process.execPath, [fileURLToPath(import.meta.url), ...argv], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => {
      const s = d.toString();
      out += s;
      process.stdout.write(s.split('\n').filter((l) => !l.startsWith('RESULT ')).join('\n'));
    });
    p.on('error', rej);
    p.on('close', (code) => {
      if (code !== 0) return rej(new Error(`bench child exited with ${code}`));
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      res(line ? (JSON.parse(line.slice(7)) as Result) : null);
    });
  });
}

async function main() {
  const argv = process.argv.slice(2);
  const args = parseArgs(argv);
  if (args.writeJsonl) {
    if (!args.synthetic) throw new Error('--write-jsonl needs --synthetic N');
    const { createWriteStream } = await import('node:fs');
    const out = createWriteStream(args.writeJsonl);
    for (const r of syntheticInputs(args.synthetic)) if (!out.write(JSON.stringify(r) + '\n')) await new Promise<void>((ok) => out.once('drain', () => ok()));
    await new Promise<void>((ok, ko) => out.end((e?: Error | null) => (e ? ko(e) : ok())));
    console.log(`wrote ${args.synthetic} synthetic reports to ${args.writeJsonl}`);
    return;
  }
  if (args.dir || args.url) {
    const r = await runOne(args);
    print(r);
    console.log('RESULT ' + JSON.stringify(r));
    return;
  }
  if (!args.synthetic && !existsSync(args.file)) {
    console.log(`skipped: ${args.file} not found (the GVA dev articles live in ../shared/eval/gva/)`);
    return;
  }
  const results: Result[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-bench-'));
  try {
    console.log(`PGlite (embedded, ${dir}):`);
    await child(['--db', dir, '--init-only'], process.env);
    const r = await child([...argv, '--db', dir], process.env);
    if (r) results.push(r);
  } finally {
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  if (await serverUp(url)) {
    const schema = `corroborate_bench_${process.pid}`;
    console.log(`PostgreSQL server (schema ${schema}):`);
    try {
      const r = await child([...argv, '--url', url], { ...process.env, BENCH_SCHEMA: schema });
      if (r) results.push(r);
    } finally {
      if (!args.keep) {
        const { default: pg } = await import('pg');
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => c.end());
      }
    }
  } else {
    console.log(`PostgreSQL server at ${url} not reachable: server figures SKIPPED`);
  }
  console.log('\nsummary');
  for (const r of results) print(r);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
