#!/usr/bin/env node
/**
 * The command line: `corroborate extract FILE... | --input-jsonl FILE` (see `--help`).
 * Wires the ingest readers, the extraction pipeline (in-process or worker threads) and the
 * output formats together; everything else lives in src/ingest, src/jobs and src/export.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { Command, InvalidArgumentError, Option } from 'commander';
import cliProgress from 'cli-progress';
import { checkTileTemplate } from './api/tile-template.js';
import { countText, INCIDENT_TYPES, type CountRange } from './model/index.js';
import { DEFAULT_MAX_BYTES } from './ingest/files.js';
import { normaliseDate } from './ingest/dates.js';
import {
  defaultWorkers, jobsFromFiles, jobsFromJsonl, runPipeline, SMALL_INPUT_BYTES,
} from './jobs/pipeline.js';
import type { Job, OutputFormat } from './jobs/types.js';
import type { IncidentFilters } from './store/incident-filters.js';

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

  const { bar, say: complain } = progressBar('extracting', total, opts.progress !== false);

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

const DEFAULT_DB_DIR = './corroborate-data';
const MAX_PRESENT_LINES = 20;

interface IngestCliOptions {
  inputJsonl?: string;
  db?: string;
  by?: string | null;
  maxBytes: number;
  reextract?: boolean;
  link?: boolean;
  relink?: boolean;
  progress?: boolean;
  workers?: number;
  stats?: boolean;
}

/** The filters `incidents` and `export` share (those of GET /api/incidents; paging by --limit only). */
type FilterCliOptions = Omit<IncidentFilters, 'offset'>;

interface IncidentsCliOptions extends FilterCliOptions {
  db?: string;
  format: 'table' | 'jsonl';
  limit: number;
}

/** Adds the incident filters to a command. */
function filterOptions(cmd: Command): Command {
  return cmd
    .option('--q <text>', 'full-text search in the incidents and their reports')
    .addOption(new Option('--type <type>', 'incident type').choices(INCIDENT_TYPES))
    .option('--from <date>', 'incidents on or after this date', parseDate)
    .option('--to <date>', 'incidents on or before this date', parseDate)
    .option('--near <lat,lon,km>', 'incidents within km of a point', parseNear)
    .option('--min-origins <n>', 'incidents resting on at least this many independent origins', parseCount('--min-origins'));
}

const filtersOf = (o: FilterCliOptions) => ({ q: o.q, type: o.type, from: o.from, to: o.to, near: o.near, minOrigins: o.minOrigins, limit: o.limit });

function parseNear(v: string): { lat: number; lon: number; km: number } {
  const parts = v.split(',').map((x) => Number(x.trim()));
  if (parts.length !== 3 || !parts.every(Number.isFinite) || Math.abs(parts[0]) > 90 || Math.abs(parts[1]) > 180 || parts[2] < 0) {
    throw new InvalidArgumentError('expected LAT,LON,KM such as 35.95,39.01,25');
  }
  return { lat: parts[0], lon: parts[1], km: parts[2] };
}

/**
 * A progress bar on stderr over `total` input bytes, drawn only when stderr is a terminal (and
 * `enabled`); `say` writes a line of its own without breaking the bar.
 */
function progressBar(verb: string, total: number | null, enabled: boolean): { bar: cliProgress.SingleBar | null; say: (s: string) => void } {
  const bar = enabled && process.stderr.isTTY && total ? new cliProgress.SingleBar({
    stream: process.stderr,
    format: `${verb} [{bar}] {percentage}% | {done} reports | {eta_formatted} left`,
    hideCursor: true,
    clearOnComplete: true,
  }, cliProgress.Presets.shades_classic) : null;
  bar?.start(total!, 0, { done: 0 });
  return { bar, say: (s: string) => process.stderr.write((bar ? '\r\x1b[2K' : '') + s + '\n') };
}

type StoreDb = import('./store/index.js').Db;

/** Opens the case file (PGlite at --db, else DATABASE_URL, else the default folder), runs fn, closes it. */
async function withStore(dir: string | undefined, fn: (db: StoreDb) => Promise<number>): Promise<number> {
  const { openStore } = await import('./store/index.js');
  const db = await openStore(dir ? { dir } : {});
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

function table(head: string[], rows: string[][]): string {
  const width = head.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const cell = (s: string, i: number) => (s.length > width[i] ? s.slice(0, width[i] - 1) + '…' : s.padEnd(width[i]));
  const line = (r: string[]) => r.map(cell).join('  ').trimEnd();
  return [line(head), line(width.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

function incidentTable(rows: import('./store/index.js').IncidentSummary[]): string {
  const n = (c: CountRange | null) => (c ? countText(c) : '-');
  const body = rows.map((r) => {
    const rec = r.record as { origins?: string[]; contradictions?: unknown[] };
    const date = r.dateStart && r.dateEnd && r.dateEnd !== r.dateStart ? `${r.dateStart}..${r.dateEnd}` : r.dateStart ?? '-';
    return [r.id, date, r.type ?? '-', r.locationName ?? '-', n(r.killed), n(r.injured), String(r.reports), String(rec.origins?.length ?? 0), rec.contradictions?.length ? 'yes' : ''];
  });
  return table(['id', 'date', 'type', 'place', 'killed', 'injured', 'reports', 'origins', 'contradicts'], body) + `${rows.length} incident${rows.length === 1 ? '' : 's'}\n`;
}

async function ingestCommand(paths: string[], opts: IngestCliOptions): Promise<number> {
  const linkOnly = !paths.length && !opts.inputJsonl;
  return withStore(opts.db, async (db) => {
    const { ingestReports, rawReports, walkPaths } = await import('./jobs/ingest.js');
    const { relink } = await import('./jobs/case-file.js');
    let sum = { added: 0, present: 0, failed: 0, unreadable: 0, inputs: 0 };
    // linked while ingesting (every 1000 reports), then the rest at the end
    const linked = { reports: 0, created: 0, touched: 0 };
    const count = <R extends { reports: number; incidentsCreated: number; incidentsTouched: number }>(r: R): R => {
      linked.reports += r.reports;
      linked.created += r.incidentsCreated;
      linked.touched += r.incidentsTouched;
      return r;
    };
    if (!linkOnly) {
      const files: string[] = [];
      for await (const f of walkPaths(paths)) files.push(f);
      const total = await totalBytes([...files, ...(opts.inputJsonl ? [opts.inputJsonl] : [])]);
      const { bar, say } = progressBar('ingesting', total, opts.progress !== false);
      let done = 0;
      let present = 0;
      // --stats: memory and rate at 10%, 50% and 100% of the input bytes
      const t0 = Date.now();
      let bytesDone = 0;
      const marks = [0.1, 0.5, 1];
      const stat = (what: string) => say(`corroborate: ${what}: ${done} reports, ${((done * 1000) / Math.max(1, Date.now() - t0)).toFixed(1)} reports/s, rss ${Math.round(process.memoryUsage.rss() / 1048576)} MB`);
      const workers = opts.workers ?? (total !== null && total >= SMALL_INPUT_BYTES ? defaultWorkers() : 1);
      const incremental = opts.link !== false && !opts.relink;
      const { linkNew } = await import('./jobs/incremental-link.js');
      sum = await ingestReports(db, rawReports(files, opts.inputJsonl ?? null, opts.maxBytes), {
        by: opts.by ?? null,
        reextract: opts.reextract,
        workers,
        // new reports are linked as they arrive, a page at a time
        every: incremental ? { n: 1000, fn: async () => { count(await linkNew(db)); } } : undefined,
        onEvent: (e) => {
          done++;
          bytesDone += e.bytes;
          while (opts.stats && total && marks.length && bytesDone >= marks[0] * total) stat(`${Math.round(marks.shift()! * 100)}% of the input`);
          if (e.outcome === 'present') {
            // one line each for the first few; a re-run over a large collection should not flood the terminal
            if (++present <= MAX_PRESENT_LINES) say(`corroborate: already in the case file: ${e.label} (${e.id?.slice(0, 19)}), nothing changed`);
            else if (present === MAX_PRESENT_LINES + 1) say('corroborate: (more reports already in the case file: counted in the summary)');
          }
          else if (e.outcome === 'failed') say(`corroborate: kept but failed: ${e.label}: ${e.error}`);
          else if (e.outcome === 'unreadable') say(`corroborate: skipped ${e.label}: ${e.error}`);
          bar?.increment(e.bytes, { done });
        },
      });
      bar?.stop();
    }
    const parts = [`${sum.added} added`, `${sum.present} already present`, `${sum.failed} failed (kept)`];
    if (sum.unreadable) parts.push(`${sum.unreadable} unreadable (not archived)`);
    if (opts.relink) {
      const full = await relink(db);
      parts.push(`re-linked in full: ${full.incidents} incidents`, `${full.sources} sources`, `from ${full.reports} extracted reports`);
    } else if (opts.link !== false) {
      const { linkNew } = await import('./jobs/incremental-link.js');
      const r = count(await linkNew(db));
      const { storeCounts } = await import('./store/index.js');
      const c = await storeCounts(db);
      parts.push(r.full ? `linked in full (first linking with a saved state): ${r.reports} reports` : `${linked.reports} reports linked`,
        `${c.incidents} incidents (${linked.created} new, ${linked.touched - linked.created} updated)`, `${c.sources} sources`);
    }
    if (opts.stats) process.stderr.write(`corroborate: linked: rss ${Math.round(process.memoryUsage.rss() / 1048576)} MB, peak ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
    process.stderr.write(`corroborate: ${parts.join(', ')}\n`);
    if (!linkOnly && sum.inputs > 0 && sum.added + sum.present + sum.failed === 0) return 1;
    return 0;
  });
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

  const dbOption = () => new Option('--db <dir>', `case file data directory (embedded PGlite; default ${DEFAULT_DB_DIR}, or the server in DATABASE_URL when set)`);

  program
    .command('ingest')
    .description('archive reports in the case file, extract them and link them into incidents')
    .argument('[paths...]', 'report files (txt, html, jsonl) or folders (walked recursively)')
    .option('--input-jsonl <file>', 'also read reports from JSON Lines {"id","text","title"?,"published"?,"url"?} ("-" for stdin)')
    .addOption(dbOption())
    .option('--by <name>', 'who adds the reports (recorded in the custody log)', process.env.USER)
    .option('--max-bytes <n>', 'largest file or JSONL line accepted, in bytes (k/M/G suffixes allowed)', parseCount('--max-bytes'), DEFAULT_MAX_BYTES)
    .option('--reextract', 'extract again reports already in the case file')
    .option('--no-link', 'archive and extract only; link later with `corroborate ingest --db DIR` (no paths)')
    .option('--relink', 're-link the whole case file from scratch (sources, incidents; corrections applied) instead of linking only the new reports')
    .option('--workers <n>', `extraction worker threads (default: ${defaultWorkers()}, the available cores; 1 for inputs under ${SMALL_INPUT_BYTES / 1024} KB)`, parseCount('--workers'))
    .option('--stats', 'print reports/s and memory (RSS) at 10%, 50% and 100% of the input, and after linking')
    .option('--no-progress', 'no progress bar (it is only shown when stderr is a terminal)')
    .addHelpText('after', `
Each report is stored byte for byte under its sha256 with a custody entry (--by, the path or
file:line it came from); the same bytes again are a no-op that says so. A report that cannot be
read or extracted is kept and marked failed. Interrupted, a run again continues where it stopped:
reports already extracted are not extracted again. After the reports, the new reports are
linked incrementally (their sources matched to the canonical ones, their incident mentions to
candidate incidents found by date, place and names; only the incidents touched are recomputed:
memory stays flat however large the case file); --relink links everything again from scratch.
Documenters' corrections (corroborate corrections) are applied by both. Exit code: 0 unless no input could be archived, 2
for usage errors.`)
    .action(async (paths: string[], opts: IngestCliOptions) => {
      process.exitCode = await ingestCommand(paths, opts);
    });

  const incidentsCmd = filterOptions(program
    .command('incidents')
    .description('list the incidents of the case file (subcommands: merge, split)')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'jsonl']).default('table')))
    .option('--limit <n>', 'at most this many incidents', parseCount('--limit'), 1000)
    .action(async (opts: IncidentsCliOptions) => {
      process.exitCode = await withStore(opts.db, async (db) => {
        const { listIncidents } = await import('./store/index.js');
        const { incidentJson } = await import('./jobs/case-file.js');
        const rows = await listIncidents(db, filtersOf(opts));
        if (opts.format === 'jsonl') {
          for (const r of rows) await write(JSON.stringify(incidentJson(r)) + '\n');
        } else {
          await write(incidentTable(rows));
        }
        return 0;
      });
    });

  filterOptions(program
    .command('export')
    .description('export the incidents: ACLED CSV, GeoJSON, W3C PROV-JSON or JSON Lines')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'export format').choices(['acled', 'geojson', 'prov', 'jsonl']).makeOptionMandatory())
    .option('--out <file>', 'write to this file (written as FILE.partial, renamed when complete); default stdout'))
    .option('--limit <n>', 'at most this many incidents (default: all)', parseCount('--limit'))
    .addHelpText('after', `
Formats:
  acled    CSV with ACLED's 31 columns in ACLED's order (fatalities = the lowest figure
           reported; notes = a sourced summary; source = origins first, then every source)
  geojson  RFC 7946 FeatureCollection, one Point feature per incident ([lon, lat]; null
           geometry when the place is unknown), properties as the jsonl line
  prov     W3C PROV-JSON: one bundle per incident (reports, claims, accounts as entities;
           sources and outlets as agents; extraction and linking as activities; citations
           as derivations, hadPrimarySource for independent origins)
  jsonl    one incident per line, as corroborate incidents --format jsonl
The export is streamed a page of incidents at a time.`)
    .action(async (opts: FilterCliOptions & { db?: string; format: 'acled' | 'geojson' | 'prov' | 'jsonl'; out?: string }) => {
      process.exitCode = await withStore(opts.db, async (db) => {
        const { exportIncidents } = await import('./jobs/export.js');
        const { createWriteStream } = await import('node:fs');
        const { rename, unlink } = await import('node:fs/promises');
        const filters = filtersOf(opts);
        if (!opts.out) {
          const res = await exportIncidents(db, opts.format, filters, out);
          process.stderr.write(`corroborate: exported ${res.incidents} incident${res.incidents === 1 ? '' : 's'} (${opts.format})\n`);
          return 0;
        }
        const partial = `${opts.out}.partial`;
        const file = createWriteStream(partial);
        const opened = once(file, 'open');
        try {
          await opened;
          const res = await exportIncidents(db, opts.format, filters, file);
          file.end();
          await once(file, 'finish');
          await rename(partial, opts.out);
          process.stderr.write(`corroborate: exported ${res.incidents} incident${res.incidents === 1 ? '' : 's'} (${opts.format}) to ${opts.out}\n`);
          return 0;
        } catch (e) {
          file.destroy();
          await unlink(partial).catch(() => undefined);
          throw new Error(`export to ${opts.out} failed: ${e instanceof Error ? e.message : String(e)}`);
        }
      });
    });

  program
    .command('show')
    .description('a readable case sheet of one incident')
    .argument('<incident-id>', 'the incident id (as `corroborate incidents` lists it)')
    .addOption(dbOption())
    .action(async (id: string, opts: { db?: string }) => {
      process.exitCode = await withStore(opts.db, async (db) => {
        const { getIncident } = await import('./store/index.js');
        const { formatCaseSheet } = await import('./export/case-sheet.js');
        const d = await getIncident(db, id);
        if (!d) {
          process.stderr.write(`corroborate: no incident "${id}" (see corroborate incidents)\n`);
          return 1;
        }
        await write(formatCaseSheet(d));
        return 0;
      });
    });

  const sourcesCmd = program
    .command('sources')
    .description('the canonical sources of the case file, most cited first (subcommands: merge, split)')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'jsonl']).default('table'))
    .action(async (opts: { db?: string; format: 'table' | 'jsonl' }) => {
      process.exitCode = await withStore(opts.db, async (db) => {
        const { listSources } = await import('./store/index.js');
        const rows = await listSources(db, { limit: 100000 });
        if (opts.format === 'jsonl') for (const s of rows) await write(JSON.stringify(s) + '\n');
        else {
          await write(table(['id', 'kind', 'reports', 'name', 'aliases'], rows.map((s) => [s.id, s.kind, String(s.reports), s.name, s.aliases.filter((a) => a !== s.name).join('; ')])));
        }
        return 0;
      });
    });

  // ---- a documenter's corrections (src/jobs/corrections.ts)
  const byOption = () => new Option('--by <name>', 'who makes the correction (recorded with it)').default(process.env.USER);
  const whyOption = () => new Option('--why <text>', 'why (recorded with the correction)');
  /** Runs a correction; a refused one prints its reason and exits 1. */
  const correcting = (db: string | undefined, fn: (store: StoreDb, c: typeof import('./jobs/corrections.js')) => Promise<string>) =>
    withStore(db, async (store) => {
      const c = await import('./jobs/corrections.js');
      try {
        process.stdout.write((await fn(store, c)) + '\n');
        return 0;
      } catch (e) {
        if (!(e instanceof c.CorrectionError)) throw e;
        process.stderr.write(`corroborate: ${e.message}\n`);
        return 1;
      }
    });
  /** --db given after a subcommand is parsed by its parent command (which lists): take it from there too */
  const dbOf = (opts: { db?: string }, cmd: Command): string | undefined => opts.db ?? (cmd.optsWithGlobals() as { db?: string }).db;
  const sourceLine = async (store: StoreDb, id: string) => {
    const { sourcesById } = await import('./store/index.js');
    const [s] = await sourcesById(store, [id]);
    const [n] = await store.query<{ n: number }>('SELECT count(DISTINCT report_id)::int AS n FROM report_sources WHERE source_id = $1', [id]);
    return s ? `${s.id} "${s.name}" (${n.n} report${n.n === 1 ? '' : 's'}${s.aliases.length ? `; aliases: ${s.aliases.join('; ')}` : ''})` : id;
  };
  const incidentLine = async (store: StoreDb, id: string) => {
    const { getIncident } = await import('./store/index.js');
    const d = await getIncident(store, id);
    if (!d) return id;
    const r = d.record;
    return `${id} ${r.type ?? '-'} ${r.date?.start ?? '-'} ${r.location?.name ?? '-'} (${d.reports.length} report${d.reports.length === 1 ? '' : 's'}: ${d.reports.map((x) => x.id.slice(0, 19)).join(', ')})`;
  };

  sourcesCmd
    .command('merge')
    .description('merge canonical sources into the first one (a correction kept through re-linking)')
    .argument('<ids...>', 'source ids (as `corroborate sources` lists them), at least two')
    .option('--name <name>', 'the name of the merged source (default: the first one\'s)')
    .addOption(byOption())
    .addOption(whyOption())
    .addOption(dbOption())
    .action(async (ids: string[], opts: { name?: string; by?: string; why?: string; db?: string }, cmd: Command) => {
      process.exitCode = await correcting(dbOf(opts, cmd), async (store, c) => {
        const r = await c.mergeSources(store, ids, { by: opts.by ?? '', why: opts.why, name: opts.name });
        return `correction ${r.correction}: merged ${ids.filter((i) => i !== r.source).join(', ')} into ${await sourceLine(store, r.source)}`;
      });
    });

  sourcesCmd
    .command('split')
    .description('move the mentions named by some names or aliases out of a source into a new one (a correction)')
    .argument('<id>', 'the source id')
    .requiredOption('--names <list>', 'comma-separated names or aliases to move out, e.g. "RBSS,Raqqa is Being Slaughtered Silently"')
    .addOption(byOption())
    .addOption(whyOption())
    .addOption(dbOption())
    .action(async (id: string, opts: { names: string; by?: string; why?: string; db?: string }, cmd: Command) => {
      process.exitCode = await correcting(dbOf(opts, cmd), async (store, c) => {
        const r = await c.splitSource(store, id, { by: opts.by ?? '', why: opts.why, names: opts.names.split(',') });
        return `correction ${r.correction}: split ${id}\n  kept: ${await sourceLine(store, r.sources[0])}\n  new:  ${await sourceLine(store, r.sources[1])}`;
      });
    });

  incidentsCmd
    .command('merge')
    .description('merge incidents into the first one (a correction kept through re-linking)')
    .argument('<ids...>', 'incident ids, at least two')
    .addOption(byOption())
    .addOption(whyOption())
    .addOption(dbOption())
    .action(async (ids: string[], opts: { by?: string; why?: string; db?: string }, cmd: Command) => {
      process.exitCode = await correcting(dbOf(opts, cmd), async (store, c) => {
        const r = await c.mergeIncidents(store, ids, { by: opts.by ?? '', why: opts.why });
        return `correction ${r.correction}: merged ${ids.filter((i) => i !== r.incident).join(', ')} into ${await incidentLine(store, r.incident)}`;
      });
    });

  incidentsCmd
    .command('split')
    .description('move some reports\' mentions out of an incident into a new one (a correction)')
    .argument('<id>', 'the incident id')
    .requiredOption('--reports <list>', 'comma-separated report ids (sha256:..., or an unambiguous prefix) to move out')
    .addOption(byOption())
    .addOption(whyOption())
    .addOption(dbOption())
    .action(async (id: string, opts: { reports: string; by?: string; why?: string; db?: string }, cmd: Command) => {
      process.exitCode = await correcting(dbOf(opts, cmd), async (store, c) => {
        const r = await c.splitIncident(store, id, { by: opts.by ?? '', why: opts.why, reports: opts.reports.split(',') });
        return `correction ${r.correction}: split ${id}\n  kept: ${await incidentLine(store, r.incidents[0])}\n  new:  ${await incidentLine(store, r.incidents[1])}`;
      });
    });

  const correctionsCmd = program
    .command('corrections')
    .description('the documenters\' corrections (active ones; --all: withdrawn too)')
    .option('--all', 'also withdrawn corrections')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'jsonl']).default('table'))
    .addOption(dbOption())
    .action(async (opts: { all?: boolean; format: 'table' | 'jsonl'; db?: string }) => {
      process.exitCode = await withStore(opts.db, async (store) => {
        const { listCorrections } = await import('./store/index.js');
        const rows = await listCorrections(store, { all: !!opts.all });
        if (opts.format === 'jsonl') for (const r of rows) await write(JSON.stringify(r) + '\n');
        else {
          const what = (p: Record<string, unknown>) => {
            const list = (v: unknown) => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ') : '');
            if (p.ids) return list(p.ids) + (p.name ? ` as "${String(p.name)}"` : '');
            return `${String(p.id ?? '')}: ${list(p.names ?? p.reports)}`;
          };
          await write(table(['n', 'kind', 'by', 'at', 'active', 'what', 'why'], rows.map((r) => [
            String(r.seq), r.kind, r.by, new Date(r.at).toISOString().slice(0, 16).replace('T', ' '), r.active ? 'yes' : 'no', what(r.payload), r.why ?? '',
          ])) + `${rows.length} correction${rows.length === 1 ? '' : 's'}\n`);
        }
        return 0;
      });
    });

  correctionsCmd
    .command('withdraw')
    .description('withdraw a correction (kept, marked withdrawn; the next re-link no longer applies it: --relink re-links now)')
    .argument('<n>', 'the correction number', parseCount('correction number'))
    .addOption(new Option('--by <name>', 'who withdraws it').default(process.env.USER))
    .option('--relink', 're-link the whole case file now, so the linked view no longer holds the correction')
    .addOption(dbOption())
    .action(async (n: number, opts: { by?: string; db?: string; relink?: boolean }, cmd: Command) => {
      process.exitCode = await correcting(dbOf(opts, cmd), async (store, c) => {
        if (!(await c.withdraw(store, n, { by: opts.by ?? '' }))) throw new c.CorrectionError(`no active correction ${n} (see corroborate corrections --all)`);
        if (!opts.relink) return `correction ${n} withdrawn; the linked view changes at the next re-link (corroborate ingest --relink, or withdraw with --relink)`;
        const { relink } = await import('./jobs/case-file.js');
        const r = await relink(store);
        return `correction ${n} withdrawn; re-linked ${r.reports} reports: ${r.incidents} incidents, ${r.sources} sources`;
      });
    });

  program
    .command('verify')
    .description('re-hash every archived report; exit 1 when any byte changed')
    .addOption(dbOption())
    .option('--by <name>', 'who verifies (recorded in the custody log)', process.env.USER)
    .action(async (opts: { db?: string; by?: string | null }) => {
      process.exitCode = await withStore(opts.db, async (db) => {
        const { verifyArchive } = await import('./store/index.js');
        const res = await verifyArchive(db, { by: opts.by ?? null });
        const bad = res.filter((r) => !r.ok);
        for (const b of bad) process.stderr.write(`corroborate: CHANGED ${b.id}: the stored bytes now hash to ${b.actual}\n`);
        process.stderr.write(bad.length ? `corroborate: ${bad.length} of ${res.length} reports changed\n` : `corroborate: ${res.length} reports verified, no byte changed\n`);
        return bad.length ? 1 : 0;
      });
    });

  addServeCommands(program, dbOption);
  return program;
}

// ---------------------------------------------------------------------------------------------
// serve and token: the web app and HTTP API (src/api), and its access tokens

interface ServeCliOptions {
  db?: string;
  port: number;
  host: string;
  public?: boolean;
  tiles?: string;
  demo?: boolean;
  maxUpload: number;
  searchCache: number;
  rateLimitAuth: number;
  rateLimitWrites: number;
  rateLimitReads: number;
  trustProxy?: string;
}

/** The bundled example collection (examples/collection), else the test fixtures' case file. */
function demoCollection(): string | null {
  for (const rel of ['../../examples/collection/', '../examples/collection/', '../../test/fixtures/case-file/reports/', '../test/fixtures/case-file/reports/']) {
    const p = new URL(rel, import.meta.url);
    if (existsSync(p)) return fileURLToPath(p);
  }
  return null;
}

async function serveCommand(opts: ServeCliOptions): Promise<number> {
  const { openStore } = await import('./store/index.js');
  const { buildServer } = await import('./api/server.js');
  let dir = opts.db;
  let tmp: string | null = null;
  if (opts.demo) {
    if (opts.db) throw new InvalidArgumentError('--demo uses a fresh temporary case file: leave out --db');
    tmp = mkdtempSync(join(tmpdir(), 'corroborate-demo-'));
    dir = tmp;
  }
  // a signal from now on stops the server once it is up (or as soon as the demo is read): the
  // temporary case file is always removed
  const stopped = new Promise<void>((resolveStop) => {
    process.once('SIGINT', () => resolveStop());
    process.once('SIGTERM', () => resolveStop());
  });
  const db = await openStore(dir ? { dir } : {});
  const cleanup = async () => {
    await db.close().catch(() => {});
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  };
  try {
    if (opts.demo) {
      const collection = demoCollection();
      if (!collection) throw new Error('no example collection found (examples/collection)');
      const { ingestReports, rawReports } = await import('./jobs/ingest.js');
      const { relink } = await import('./jobs/case-file.js');
      process.stderr.write(`corroborate: demo: reading the example collection ${collection} into a fresh case file\n`);
      const sum = await ingestReports(db, rawReports([collection], null), { by: 'demo' });
      const linked = await relink(db);
      process.stderr.write(`corroborate: demo: ${sum.added} reports, ${linked.incidents} incidents, ${linked.sources} sources\n`);
      // the demo's store is temporary and locked while it runs: an editor token to try reviews with
      const { createToken } = await import('./store/index.js');
      const t = await createToken(db, { role: 'editor', name: 'demo-editor', by: 'demo' });
      process.stderr.write(`corroborate: demo: an editor token for this run (sign in with it to review, merge, split, upload): ${t.token}\n`);
    }
    if (db.engine === 'pglite') {
      const { refreshStatistics } = await import('./store/index.js');
      await refreshStatistics(db);
    }
    const app = await buildServer({
      db, public: opts.public || opts.demo, tiles: opts.tiles ?? null, uploadLimit: opts.maxUpload, cacheSize: opts.searchCache,
      rateLimit: { authFailures: opts.rateLimitAuth, writes: opts.rateLimitWrites, reads: opts.rateLimitReads },
      trustProxy: opts.trustProxy ? opts.trustProxy.split(',').map((a) => a.trim()).filter(Boolean) : undefined,
    });
    const address = await app.listen({ port: opts.port, host: opts.host });
    process.stderr.write(`corroborate: serving ${address}/ (API: ${address}/api, OpenAPI: ${address}/api/openapi.json)${opts.public || opts.demo ? ', public for reading' : ''}\n`);
    if (!opts.public && !opts.demo) {
      const { listTokens } = await import('./store/index.js');
      if (!(await listTokens(db)).some((t) => !t.revokedAt)) {
        process.stderr.write('corroborate: no API token exists yet, so every request will be refused: stop the server and run `corroborate token create --role admin` (with the same --db), or serve with --public for reading\n');
      }
    }
    await stopped;
    process.stderr.write('corroborate: stopping\n');
    await app.close();
    return 0;
  } finally {
    await cleanup();
  }
}

/** --tiles checked as the server will (src/api/tile-template.ts), before anything is opened. */
function tileTemplate(v: string): string {
  try {
    return checkTileTemplate(v);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

/** A whole number >= 0 for an option (0 turns its limit off). */
function wholeNumber(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number >= 0 (0: no limit)');
  return n;
}

function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number 0..65535');
  return n;
}

function addServeCommands(program: Command, dbOption: () => Option): void {
  program
    .command('serve')
    .description('serve the web app and the HTTP API (under /api; OpenAPI at /api/openapi.json)')
    .addOption(dbOption())
    .option('--port <n>', 'port', parsePort, 8080)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--public', 'reading needs no token (writes still do)')
    .option('--tiles <url>', 'a map tile URL template for the web app, e.g. https://tile.example.org/{z}/{x}/{y}.png', tileTemplate)
    .option('--max-upload <n>', 'largest upload body in bytes (k/M/G suffixes allowed)', parseCount('--max-upload'), 20 * 1024 * 1024)
    .option('--search-cache <n>', 'identical incident searches answered from memory until the next write (0: off)', (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number >= 0');
      return n;
    }, 500)
    .option('--rate-limit-auth <n>', 'failed authentications (401/403) per client address a minute; then that address is refused (429) until the minute ends (0: no limit)', wholeNumber, 30)
    .option('--rate-limit-writes <n>', 'writes (POST, DELETE) per token a minute (0: no limit)', wholeNumber, 60)
    .option('--rate-limit-reads <n>', 'reads per token, or per address without one, a minute (0: no limit)', wholeNumber, 0)
    .option('--trust-proxy <addresses>', 'comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For names the client (for the per-address limit)')
    .option('--demo', 'a fresh temporary case file with the example collection, public (what npm start runs)')
    .addHelpText('after', `
Access: with --public anyone may read; otherwise every request needs "Authorization: Bearer
<token>". Tokens: corroborate token create --role viewer|editor|admin (viewer reads; editor also
uploads, reviews, merges and splits; admin also manages tokens). Every write is in the audit log.
Rate limits (429 with Retry-After over them): --rate-limit-auth failed authentications per
address, --rate-limit-writes writes per token, --rate-limit-reads reads (off by default), each a
minute. Behind a reverse proxy, name it with --trust-proxy so that addresses are the clients'.`)
    .action(async (opts: ServeCliOptions) => {
      process.exitCode = await serveCommand(opts);
    });

  const token = program.command('token').description('API tokens for corroborate serve');
  token
    .command('create')
    .description('create a token (printed once; only its hash is stored)')
    .addOption(new Option('--role <role>', 'viewer (read), editor (+ upload, review, merge, split), admin (+ tokens)').choices(['viewer', 'editor', 'admin']).makeOptionMandatory())
    .option('--name <name>', 'who holds it (recorded in the audit log with every write)')
    .addOption(dbOption())
    .action(async (opts: { role: 'viewer' | 'editor' | 'admin'; name?: string; db?: string }) => {
      process.exitCode = await withStore(opts.db, async (db) => {
        const { createToken } = await import('./store/index.js');
        const t = await createToken(db, { role: opts.role, name: opts.name, by: process.env.USER ?? null });
        process.stderr.write(`corroborate: token ${t.id} "${t.name}" (${t.role}) created; it is shown only this once:\n`);
        await write(t.token + '\n');
        return 0;
      });
    });
  token
    .command('list')
    .description('the tokens (names, roles, when created or revoked; never the tokens)')
    .addOption(dbOption())
    .action(async (opts: { db?: string }) => {
      process.exitCode = await withStore(opts.db, async (db) => {
        const { listTokens } = await import('./store/index.js');
        const rows = await listTokens(db);
        await write(table(['id', 'name', 'role', 'created', 'revoked'], rows.map((t) => [String(t.id), t.name, t.role, t.createdAt, t.revokedAt ?? ''])));
        return 0;
      });
    });
  token
    .command('revoke')
    .description('revoke a token by its id (see token list)')
    .argument('<id>', 'token id', parseCount('id'))
    .addOption(dbOption())
    .action(async (id: number, opts: { db?: string }) => {
      process.exitCode = await withStore(opts.db, async (db) => {
        const { revokeToken } = await import('./store/index.js');
        if (!(await revokeToken(db, id))) {
          process.stderr.write(`corroborate: no active token ${id} (see corroborate token list)\n`);
          return 1;
        }
        process.stderr.write(`corroborate: token ${id} revoked\n`);
        return 0;
      });
    });
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
