#!/usr/bin/env node
/**
 * The command line: `corroborate extract FILE... | --input-jsonl FILE` (see `--help`).
 * Wires the ingest readers, the extraction pipeline (in-process or worker threads) and the
 * output formats together; everything else lives in src/ingest, src/jobs and src/export.
 */
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { Command, InvalidArgumentError, Option } from 'commander';
import cliProgress from 'cli-progress';
import { DEFAULT_MAX_BYTES } from './ingest/files.js';
import { normaliseDate } from './ingest/dates.js';
import {
  defaultWorkers, jobsFromFiles, jobsFromJsonl, runPipeline, SMALL_INPUT_BYTES,
} from './jobs/pipeline.js';
import type { Job, OutputFormat } from './jobs/types.js';

function packageVersion(): string {
  for (const rel of ['../../package.json', '../package.json']) {
    try {
      return JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')).version ?? '0.0.0';
    } catch { /* try the next layout */ }
  }
  return '0.0.0';
}

function parseCount(name: string) {
  return (v: string): number => {
    const m = /^(\d+)([kmg]i?b?)?$/i.exec(v.trim());
    if (!m) throw new InvalidArgumentError(`${name} must be a positive integer (k/M/G suffixes allowed)`);
    const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? '').charAt(0).toLowerCase()] ?? 1;
    const n = Number(m[1]) * mult;
    if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive integer`);
    return n;
  };
}

function parseDate(v: string): string {
  const d = normaliseDate(v);
  if (!d) throw new InvalidArgumentError('expected a date such as 2016-05-03');
  return d;
}

interface ExtractOptions {
  published?: string;
  format?: OutputFormat;
  inputJsonl?: string;
  workers?: number;
  maxBytes: number;
  progress?: boolean;
}

const out = process.stdout;
function write(s: string): Promise<void> | undefined {
  if (!out.write(s)) return once(out, 'drain').then(() => undefined);
  return undefined;
}

async function totalBytes(paths: string[]): Promise<number | null> {
  let sum = 0;
  for (const p of paths) {
    if (p === '-') return null;
    try {
      sum += (await stat(p)).size;
    } catch { /* reported when read */ }
  }
  return sum;
}

async function* concat(...sources: AsyncIterable<Job>[]): AsyncGenerator<Job> {
  for (const s of sources) yield* s;
}

async function extractCommand(files: string[], opts: ExtractOptions): Promise<number> {
  if (!files.length && !opts.inputJsonl) {
    process.stderr.write('corroborate: nothing to do: give FILE... or --input-jsonl FILE (see corroborate extract --help)\n');
    return 2;
  }
  const format: OutputFormat = opts.format ?? (opts.inputJsonl ? 'jsonl' : 'json');
  const jsonArray = format === 'json' && (files.length > 1 || !!opts.inputJsonl);
  const sources: AsyncIterable<Job>[] = [];
  if (files.length) sources.push(jobsFromFiles(files, { maxBytes: opts.maxBytes, published: opts.published ?? null }));
  if (opts.inputJsonl) sources.push(jobsFromJsonl(opts.inputJsonl, { maxBytes: opts.maxBytes, published: opts.published ?? null }));

  const total = await totalBytes([...files, ...(opts.inputJsonl ? [opts.inputJsonl] : [])]);
  let workers = opts.workers ?? defaultWorkers();
  // starting worker threads costs more than it saves on small inputs
  if (opts.workers === undefined && total !== null && total < SMALL_INPUT_BYTES) workers = 1;

  const tty = process.stderr.isTTY && opts.progress !== false;
  const bar = tty && total ? new cliProgress.SingleBar({
    stream: process.stderr,
    format: 'extracting [{bar}] {percentage}% | {done} reports | {eta_formatted} left',
    hideCursor: true,
    clearOnComplete: true,
  }, cliProgress.Presets.shades_classic) : null;
  bar?.start(total!, 0, { done: 0 });
  const complain = (s: string) => process.stderr.write((bar ? '\r\x1b[2K' : '') + s + '\n');

  let ok = 0;
  let failed = 0;
  let first = true;
  if (jsonArray) await write('[');
  for await (const r of runPipeline(concat(...sources), { format, workers })) {
    if (r.error !== undefined) {
      failed++;
      complain(`corroborate: skipped ${r.label}: ${r.error}`);
      if (format === 'jsonl') await write(JSON.stringify({ id: r.id, input: r.label, error: r.error }) + '\n');
    } else {
      ok++;
      if (jsonArray) await write((first ? '\n' : ',\n') + r.output);
      else if (format === 'text') await write((first ? '' : '\n' + '─'.repeat(60) + '\n') + r.output + '\n');
      else await write(r.output + '\n');
      first = false;
    }
    bar?.increment(r.bytes, { done: ok + failed });
  }
  if (jsonArray) await write(first ? ']\n' : '\n]\n');
  bar?.stop();
  if (failed) complain(`corroborate: ${ok} processed, ${failed} skipped`);
  return ok > 0 ? 0 : 1;
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('corroborate')
    .description('Structured, sourced, corroborated incident records from news and monitor reports')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    // usage errors exit 2 (settings are inherited by the subcommands added below)
    .exitOverride((err) => {
      process.exit(err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : 2);
    });

  program
    .command('extract')
    .description('extract sources, claims, citations and incident mentions from reports')
    .argument('[files...]', 'report files: plain text or HTML (guessed from the extension, else the content)')
    .option('--published <date>', 'publication date (YYYY-MM-DD) for the inputs; overrides a date found in HTML, fills in JSONL lines without one', parseDate)
    .addOption(new Option('--format <format>', 'output format (default: json for files, jsonl for --input-jsonl)').choices(['json', 'jsonl', 'text']))
    .option('--input-jsonl <file>', 'read reports from JSON Lines {"id","text","title"?,"published"?,"url"?,"format"?} ("-" for stdin); streamed')
    .option('--workers <n>', `worker threads (default: ${defaultWorkers()}, i.e. the available cores; 1 for inputs under ${SMALL_INPUT_BYTES / 1024} KB)`, parseCount('--workers'))
    .option('--max-bytes <n>', `largest file or JSONL line accepted, in bytes (k/M/G suffixes allowed)`, parseCount('--max-bytes'), DEFAULT_MAX_BYTES)
    .option('--no-progress', 'no progress bar (it is only shown when stderr is a terminal)')
    .addHelpText('after', `
Output:
  json   one file: one JSON object; several files or --input-jsonl: a JSON array of the
         reports that could be processed, in input order.
  jsonl  one line per input, in input order: {"id", report, sources, claims, citations,
         incidents, warnings?}. An input that cannot be processed still gets its line,
         {"id": <id or null>, "input": "<file or file:line>", "error": "<message>"},
         so output lines match input lines (blank input lines are ignored).
  text   a readable summary per report.

Errors:
  An input that cannot be read (missing, empty, binary, invalid UTF-8, over --max-bytes,
  HTML without an article, a JSONL line that is not JSON or has no string "text") is
  reported on stderr as one line, "corroborate: skipped <input>: <reason>", and the other
  inputs are processed. Exit code: 0 when at least one input was processed, 1 when none
  was, 2 for usage errors.

Examples:
  corroborate extract --format text report.txt
  corroborate extract --published 2016-05-03 page.html > page.json
  corroborate extract --input-jsonl reports.jsonl --workers 2 > extractions.jsonl
`)
    .action(async (files: string[], opts: ExtractOptions) => {
      process.exitCode = await extractCommand(files, opts);
    });

  return program;
}

out.on('error', (e: NodeJS.ErrnoException) => {
  // the reader went away (e.g. `| head`): stop quietly
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

buildProgram().parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`corroborate: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
