/**
 * Throughput bench: `npm run bench -- [FILE.jsonl] [--workers N] [--limit N] [--synthetic N]`.
 *
 * Default mode: reads up to --limit lines of a JSONL file of reports (default
 * ../shared/eval/gva/dev.articles.jsonl relative to the working directory) and reports
 * reports/s, MB/s and peak RSS of
 *   1. bare wink-nlp as it comes (`winkNLP(model)`, `readDoc` + POS), the floor every extraction pays,
 *   2. the full extraction pipeline in one thread,
 *   3. the full pipeline on N worker threads (default: all cores),
 * and the ratio full / bare (target: >= 0.25, and >= 100 reports/s per core). Every rate is
 * measured on a second pass over the texts, after a first pass in the same threads ("cold":
 * loading and JIT compiling, reported too).
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

interface FullRun { n: number; ok: number; bytes: number; coldSecs: number; cold: number; warm: number; peak: number; warmPerCpuSec: number; coldPerCpuSec: number }

const WARM = 'warm:';

/** The file's jobs, twice over; the second pass's labels start with WARM. */
async function* twice(file: string, limit: number): AsyncGenerator<Job> {
  yield* limited(jobsFromJsonl(file), limit);
  for await (const j of limited(jobsFromJsonl(file), limit)) yield { ...j, label: WARM + j.label };
}

/**
 * Full pipeline over the file, twice through the same threads. Pass 1 ("cold") includes loading
 * the model and the gazetteer and V8's compiling of the hot code (a few seconds, paid once per
 * thread); pass 2 ("warm") is the rate a long run settles at, the one that matters for big inputs.
 * CPU time is the whole process's (all threads), robust to other load on the machine.
 */
async function runFull(file: string, limit: number, workers: number): Promise<FullRun> {
  peakRss = 0;
  const timer = setInterval(sampleRss, 50);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let n = 0, ok = 0, bytes = 0;
  let t1 = 0, c1 = c0, perPass = 0;
  // results come in input order: the warm pass is timed from its first result on
  for await (const r of runPipeline(twice(file, limit), { format: 'jsonl', workers, waitReady: true })) {
    n++;
    bytes += r.bytes;
    if (r.error === undefined) ok++;
    if (!perPass && r.label.startsWith(WARM)) { perPass = n - 1; t1 = performance.now(); c1 = process.cpuUsage(); }
  }
  const tEnd = performance.now();
  clearInterval(timer);
  sampleRss();
  const cpuCold = process.cpuUsage(c0);
  const cpuWarm = process.cpuUsage(c1);
  const coldCpuSecs = (cpuCold.user + cpuCold.system - (cpuWarm.user + cpuWarm.system)) / 1e6;
  const warmCpuSecs = (cpuWarm.user + cpuWarm.system) / 1e6;
  const coldSecs = (t1 - t0) / 1000;
  const warmSecs = (tEnd - t1) / 1000;
  return {
    n: perPass, ok: ok / 2, bytes: bytes / 2, coldSecs, cold: perPass / coldSecs, warm: (n - perPass - 1) / warmSecs, peak: peakRss,
    coldPerCpuSec: perPass / coldCpuSecs, warmPerCpuSec: (n - perPass - 1) / warmCpuSecs,
  };
}

type Nlp = ReturnType<typeof winkNLP>;

/** `readDoc` + POS over the texts: `nlp` is wink-nlp as it comes (default pipeline) or ours. */
async function runBare(file: string, limit: number, nlp: Nlp): Promise<{ n: number; bytes: number; secs: number; cpuSecs: number }> {
  const texts: string[] = [];
  for await (const j of limited(jobsFromJsonl(file), limit)) if (j.input) texts.push(j.input.text);
  const its = nlp.its;
  // a first (untimed) pass: V8 compiles wink's hot code, as in the warm extraction pass
  for (const t of texts) nlp.readDoc(t).tokens().out(its.pos);
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
  const line = (r: FullRun, who: string) =>
    `full extraction, ${who}: ${r.n} reports (${r.ok} ok); cold pass ${r.coldSecs.toFixed(2)} s incl. loading = ${r.cold.toFixed(1)} reports/s, ` +
    `${r.coldPerCpuSec.toFixed(1)} per CPU-second; warm pass ${r.warm.toFixed(1)} reports/s, ${kb((r.bytes / r.n) * r.warm)} KB/s, ` +
    `${r.warmPerCpuSec.toFixed(1)} reports per CPU-second; peak RSS ${mb(r.peak)} MB`;
  console.log(line(one, '1 thread'));
  console.log(`  ratio full / bare wink (warm): ${(one.warm / bareRate).toFixed(2)} wall-clock, ${(one.warmPerCpuSec / bareCpuRate).toFixed(2)} CPU time (target >= 0.25); ` +
    `per core: ${one.warmPerCpuSec.toFixed(1)} reports per CPU-second warm, ${one.coldPerCpuSec.toFixed(1)} cold (target >= 100)`);
  if (args.workers > 1) {
    const many = await runFull(args.file, args.limit, args.workers);
    console.log(line(many, `${args.workers} workers`) + ' (incl. workers)');
    console.log(`  speed-up over 1 thread: ${(many.warm / one.warm).toFixed(2)}x warm, ${(many.cold / one.cold).toFixed(2)}x cold`);
  }
}

main().catch((e) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
