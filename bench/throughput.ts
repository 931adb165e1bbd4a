/**
 * Throughput bench: `npm run bench -- [FILE.jsonl] [--workers N] [--limit N] [--synthetic N]`.
 *
 * Default mode: reads up to --limit lines of a JSONL file of reports (default
 * ../shared/eval/gva/dev.articles.jsonl relative to the working directory) and reports
 * reports/s, MB/s and peak RSS of
 *   1. bare wink-nlp (`readDoc` + POS), the floor every extraction pays,
 *   2. the full extraction pipeline in one thread,
 *   3. the full pipeline on N worker threads (default: all cores),
 * and the ratio full / bare (target: >= 0.25, and >= 100 reports/s per core).
 *
 * --synthetic N: generates N report lines on the fly and streams them through the CLI's
 * pipeline (never held in memory), printing RSS at 10%, 50% and 100% to show memory stays flat.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { getNlp } from '../src/nlp/analyse.js';
import { jobsFromJsonl, runPipeline } from '../src/jobs/pipeline.js';
import type { Job } from '../src/jobs/process.js';
import { positiveInt } from './args.js';

interface Args {
  file: string;
  workers: number;
  limit: number;
  synthetic: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { file: resolve('../shared/eval/gva/dev.articles.jsonl'), workers: availableParallelism(), limit: Infinity, synthetic: 0 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const num = () => positiveInt(argv[++i], k);
    if (k === '--workers') a.workers = num();
    else if (k === '--limit') a.limit = num();
    else if (k === '--synthetic') a.synthetic = num();
    else if (k.startsWith('--')) throw new Error(`unknown option ${k}`);
    else a.file = resolve(k);
  }
  return a;
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
const kb = (n: number) => (n / 1024).toFixed(0);
let peakRss = 0;
function sampleRss(): number {
  const r = process.memoryUsage.rss();
  if (r > peakRss) peakRss = r;
  return r;
}

async function* limited(jobs: AsyncIterable<Job>, limit: number): AsyncGenerator<Job> {
  let n = 0;
  for await (const j of jobs) {
    if (n++ >= limit) return;
    yield j;
  }
}

interface FullRun { n: number; ok: number; bytes: number; secs: number; steady: number; peak: number; perCpuSec: number }

/** Full pipeline over the file; `steady` is reports/s after the first result (model and gazetteer loading excluded). */
async function runFull(file: string, limit: number, workers: number): Promise<FullRun> {
  peakRss = 0;
  const timer = setInterval(sampleRss, 50);
  const t0 = performance.now();
  let n = 0;
  let ok = 0;
  let bytes = 0;
  let tFirst = 0;
  let cpuFirst = process.cpuUsage();
  for await (const r of runPipeline(limited(jobsFromJsonl(file), limit), { format: 'jsonl', workers, waitReady: true })) {
    if (!n) { tFirst = performance.now(); cpuFirst = process.cpuUsage(); }
    n++;
    bytes += r.bytes;
    if (r.error === undefined) ok++;
  }
  const tEnd = performance.now();
  const secs = (tEnd - t0) / 1000;
  clearInterval(timer);
  sampleRss();
  // CPU time of the whole process (all threads) after the first result: robust to other load on the machine
  const cpu = process.cpuUsage(cpuFirst);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  return { n, ok, bytes, secs, steady: n > 1 ? ((n - 1) * 1000) / (tEnd - tFirst) : 0, peak: peakRss, perCpuSec: n > 1 ? (n - 1) / cpuSecs : 0 };
}

type Nlp = ReturnType<typeof winkNLP>;

/** `readDoc` + POS over the texts: `nlp` is wink-nlp as it comes (default pipeline) or ours. */
async function runBare(file: string, limit: number, nlp: Nlp): Promise<{ n: number; bytes: number; secs: number; cpuSecs: number }> {
  const texts: string[] = [];
  for await (const j of limited(jobsFromJsonl(file), limit)) if (j.input) texts.push(j.input.text);
  const its = nlp.its;
  nlp.readDoc('warm up the model.').tokens().out(its.pos);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let bytes = 0;
  for (const t of texts) {
    nlp.readDoc(t).tokens().out(its.pos);
    bytes += t.length;
  }
  const c = process.cpuUsage(c0);
  return { n: texts.length, bytes, secs: (performance.now() - t0) / 1000, cpuSecs: (c.user + c.system) / 1e6 };
}

const SYN_PLACES = ['Raqqa', 'Aleppo', 'Mosul', 'Chicago', 'Houston', 'Kabul', 'Mogadishu', 'Detroit'];
const SYN_ACTORS = ['local activists', 'the Syrian Observatory for Human Rights', 'police', 'a hospital official', 'witnesses'];

/** A synthetic report line for the memory test (varied, in the style of a wire story). */
function syntheticLine(i: number): string {
  const place = SYN_PLACES[i % SYN_PLACES.length];
  const who = SYN_ACTORS[(i * 7) % SYN_ACTORS.length];
  const killed = (i % 5) + 1;
  const text = `${killed} people were killed and ${(i % 3) + 2} injured when gunmen opened fire on a checkpoint in ${place} on Tuesday, ${who} said.\n\n` +
    `According to ${who}, the attackers fled in a white car. Reuters could not independently verify the report (case ${i}).`;
  return JSON.stringify({ id: `syn-${i}`, title: `Attack in ${place}`, published: '2016-05-03', text });
}

async function* syntheticJobs(n: number): AsyncGenerator<Job> {
  for (let i = 0; i < n; i++) {
    const line = syntheticLine(i);
    const rec = JSON.parse(line);
    yield { label: `synthetic:${i + 1}`, id: rec.id, bytes: line.length + 1, input: rec };
  }
}

async function synthetic(n: number, workers: number): Promise<void> {
  console.log(`synthetic: ${n} reports through the pipeline on ${workers} worker(s)`);
  const marks = new Set([Math.ceil(n * 0.1), Math.ceil(n * 0.5), n]);
  const t0 = performance.now();
  let done = 0;
  let outBytes = 0;
  for await (const r of runPipeline(syntheticJobs(n), { format: 'jsonl', workers, waitReady: true })) {
    done++;
    outBytes += r.output?.length ?? 0;
    if (marks.has(done)) {
      const secs = (performance.now() - t0) / 1000;
      console.log(`  ${String(Math.round((done / n) * 100)).padStart(3)}%  ${done} reports  ${(done / secs).toFixed(0)} reports/s  RSS ${mb(sampleRss())} MB  heap ${mb(process.memoryUsage().heapUsed)} MB  output ${mb(outBytes)} MB`);
    }
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.synthetic) return synthetic(args.synthetic, args.workers);
  if (!existsSync(args.file)) {
    console.log(`bench skipped: ${args.file} not found (give a JSONL file of {"id","text"} lines, or --synthetic N)`);
    return;
  }
  console.log(`file: ${args.file}${Number.isFinite(args.limit) ? ` (first ${args.limit} lines)` : ''}; cores: ${availableParallelism()}`);
  // The reference is wink-nlp as it comes: winkNLP(model) with its default pipeline, readDoc + POS.
  const bare = await runBare(args.file, args.limit, winkNLP(model));
  const bareRate = bare.n / bare.secs;
  const bareCpuRate = bare.n / bare.cpuSecs;
  console.log(`bare wink-nlp readDoc+pos (default pipeline): ${bare.n} reports in ${bare.secs.toFixed(2)} s = ${bareRate.toFixed(1)} reports/s, ${kb(bare.bytes / bare.secs)} KB/s; ${bareCpuRate.toFixed(1)} reports per CPU-second`);
  // For transparency: the same with the reduced pipeline corroborate itself runs (sbd + pos).
  const ours = await runBare(args.file, args.limit, getNlp());
  console.log(`  (wink-nlp readDoc+pos with corroborate's sbd+pos pipeline: ${(ours.n / ours.secs).toFixed(1)} reports/s; ${(ours.n / ours.cpuSecs).toFixed(1)} reports per CPU-second)`);
  const one = await runFull(args.file, args.limit, 1);
  console.log(`full extraction, 1 thread: ${one.n} reports (${one.ok} ok) in ${one.secs.toFixed(2)} s incl. loading; steady ${one.steady.toFixed(1)} reports/s, ${kb((one.bytes / one.n) * one.steady)} KB/s; ${one.perCpuSec.toFixed(1)} reports per CPU-second; peak RSS ${mb(one.peak)} MB`);
  console.log(`  ratio full / bare wink: ${(one.steady / bareRate).toFixed(2)} wall-clock, ${(one.perCpuSec / bareCpuRate).toFixed(2)} CPU time (target >= 0.25); per core: ${one.perCpuSec.toFixed(1)} reports per CPU-second (target >= 100)`);
  if (args.workers > 1) {
    const many = await runFull(args.file, args.limit, args.workers);
    console.log(`full extraction, ${args.workers} workers: ${many.n} reports (${many.ok} ok) in ${many.secs.toFixed(2)} s incl. loading; steady ${many.steady.toFixed(1)} reports/s (${(many.steady / args.workers).toFixed(1)} per worker, speed-up ${(many.steady / one.steady).toFixed(2)}x); ${many.perCpuSec.toFixed(1)} reports per CPU-second; peak RSS of the process incl. workers ${mb(many.peak)} MB`);
  }
}

main().catch((e) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
