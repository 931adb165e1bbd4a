/**
 * `corroborate ingest`: reports (files, folders, JSON Lines) into the case file. Each report's
 * bytes are archived as received (sha256-addressed, with custody: who, from where), extracted,
 * and saved with its extraction in ONE transaction (`storeReport`): killed at any moment, a run
 * again loses nothing and duplicates nothing. A report already extracted is not extracted again
 * (its custody log records the re-add). A report that cannot be read or extracted is kept,
 * marked failed with the reason. Inputs are streamed: one report in memory at a time.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportInput } from '../model/index.js';
import type { Extraction } from '../model/index.js';
import { decodeBytes, DEFAULT_MAX_BYTES, recordToInput, splitLines } from '../ingest/files.js';
import { isIngestError } from '../ingest/errors.js';
import { putReport, reportStatuses, sha256Id, storeReport, type Db, type PutReportInput, type StoreOutcome } from '../store/index.js';
import { outletOf } from './outlet.js';

/** File name endings read when walking a folder (explicit file arguments are read whatever their name). */
export const REPORT_EXTENSIONS = /\.(txt|text|md|html?|xhtml|jsonl|ndjson)$/i;
const JSONL = /\.(jsonl|ndjson)$/i;

/** One report as received: its bytes, where it came from, and what the input says about it. */
export interface RawReport {
  /** names the input in messages: a path or `file:line` */
  label: string;
  raw: Buffer | null;
  /** set when not even the bytes could be read (missing file, too large): nothing is archived */
  readError?: string;
  from: string;
  format: 'text' | 'html' | 'jsonl' | null;
  /** for JSONL lines: the parsed record (or the reason it is not one) */
  record?: ReportInput;
  /** for JSONL lines: the publisher the record names (`outlet`, `source`) and `original_url` */
  outlet?: string | null;
  originalUrl?: string | null;
  recordError?: string;
  bytes: number;
}

export type IngestOutcome = 'added' | 'present' | 'failed' | 'unreadable';

export interface IngestEvent { label: string; outcome: IngestOutcome; id: string | null; error?: string; bytes: number }

export interface IngestSummary { added: number; present: number; failed: number; unreadable: number; inputs: number }

export interface IngestOptions {
  by?: string | null;
  maxBytes?: number;
  /** extract again reports already extracted */
  reextract?: boolean;
  onEvent?: (e: IngestEvent) => void;
  /** extraction worker threads (default 1: in this thread) */
  workers?: number;
  /** called after every `n` reports stored (e.g. to link them as they arrive) */
  every?: { n: number; fn: () => Promise<void> };
}

/** Files under the given paths: folders walked recursively (report extensions only), sorted. */
export async function* walkPaths(paths: string[]): AsyncGenerator<string> {
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch {
      yield p; // reported as unreadable when read
      continue;
    }
    if (!st.isDirectory()) {
      yield p;
      continue;
    }
    const entries = (await readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = join(p, e.name);
      if (e.isDirectory()) yield* walkPaths([full]);
      else if (e.isFile() && REPORT_EXTENSIONS.test(e.name)) yield full;
    }
  }
}

function guessFormat(path: string): 'text' | 'html' | null {
  if (/\.x?html?$/i.test(path)) return 'html';
  if (/\.(txt|text|md)$/i.test(path)) return 'text';
  return null;
}

/** Each non-blank line of a JSONL file as one raw report (the line's bytes are what is archived). */
export async function* jsonlReports(path: string, maxBytes = DEFAULT_MAX_BYTES): AsyncGenerator<RawReport> {
  const name = path === '-' ? '<stdin>' : path;
  const stream = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 256 * 1024 });
  let line = 0;
  try {
    for await (const { buf: shared, bytes } of splitLines(stream as AsyncIterable<Buffer>, maxBytes)) {
      // the archived bytes must not keep the whole read chunk alive
      const buf = shared === null ? null : Buffer.from(shared);
      line++;
      const label = `${name}:${line}`;
      if (buf === null) {
        yield { label, raw: null, readError: `line is ${bytes} bytes, larger than the limit of ${maxBytes} (--max-bytes)`, from: label, format: 'jsonl', bytes };
        continue;
      }
      let b = buf;
      if (line === 1 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
      if (!b.toString('utf8').trim()) continue;
      const item: RawReport = { label, raw: b, from: label, format: 'jsonl', bytes };
      try {
        const rec = JSON.parse(decodeBytes(b));
        item.record = recordToInput(rec);
        const o = rec as Record<string, unknown>;
        item.outlet = outletName(o.outlet) ?? outletName(o.source);
        item.originalUrl = typeof o.original_url === 'string' && o.original_url.trim() ? o.original_url.trim() : null;
        if (item.record.id != null) item.label = `${label} (id ${item.record.id})`;
      } catch (e) {
        item.recordError = isIngestError(e) ? e.message : `not JSON (${(e as Error).message.replace(/\s+/g, ' ').slice(0, 80)})`;
      }
      yield item;
    }
  } catch (e) {
    yield { label: name, raw: null, readError: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message, from: name, format: 'jsonl', bytes: 0 };
  }
}

/** A file's bytes as one raw report (JSONL files are expanded by `rawReports`). */
export async function fileReport(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<RawReport> {
  const base = { label: path, from: path, format: guessFormat(path) };
  try {
    const st = await stat(path);
    if (st.isDirectory()) return { ...base, raw: null, readError: 'is a directory', bytes: 0 };
    if (st.size > maxBytes) return { ...base, raw: null, readError: `file is ${st.size} bytes, larger than the limit of ${maxBytes} (--max-bytes)`, bytes: st.size };
    const raw = await readFile(path);
    return { ...base, raw, bytes: raw.length };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ...base, raw: null, readError: code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message, bytes: 0 };
  }
}

/** Every report under the paths (folders recursively, .jsonl files line by line), then the JSONL input. */
export async function* rawReports(paths: string[], jsonl: string | null, maxBytes = DEFAULT_MAX_BYTES): AsyncGenerator<RawReport> {
  for await (const p of walkPaths(paths)) {
    if (JSONL.test(p)) yield* jsonlReports(p, maxBytes);
    else yield await fileReport(p, maxBytes);
  }
  if (jsonl) yield* jsonlReports(jsonl, maxBytes);
}

/**
 * The publisher a JSONL field names: a name ("Reuters"), or a URL / host, taken by its host
 * ("https://www.reuters.com/..." → "reuters.com"). Anything else (objects, blanks) is no name.
 */
export function outletName(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const t = v.trim().replace(/\s+/g, ' ');
  if (!t || t.length > 200) return null;
  if (/^https?:\/\//i.test(t)) return outletOf(t);
  return t;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", nbsp: ' ' };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|apos|#39|nbsp);/g, (_, e: string) => ENTITIES[e]);

/** A `<meta>` tag's content by its property or name, whatever the attributes' order. */
function metaContent(html: string, key: string): string | null {
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const k = /\b(?:property|name)\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1];
    if (k?.toLowerCase() !== key) continue;
    const c = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    const v = c ? unescape((c[1] ?? c[2] ?? '').trim()) : '';
    if (v) return v;
  }
  return null;
}

/** The publisher an HTML page names in its head: og:site_name, and its address (og:url, canonical link). */
export function htmlPublisher(html: string): { outlet: string | null; url: string | null } {
  const head = html.slice(0, 200_000);
  const outlet = metaContent(head, 'og:site_name') ?? metaContent(head, 'application-name');
  const canonical = /<link\b[^>]*\brel\s*=\s*["']canonical["'][^>]*>/i.exec(head)?.[0];
  const href = canonical ? /\bhref\s*=\s*["']([^"']+)["']/i.exec(canonical)?.[1] ?? null : null;
  const url = [metaContent(head, 'og:url'), href].find((u) => !!u && /^https?:\/\//i.test(u)) ?? null;
  return { outlet: outlet ? outlet.replace(/\s+/g, ' ').slice(0, 200) : null, url: url ? unescape(url) : null };
}

/** What the store is told of a raw report (title, date, URL, outlet) and the input to extract, or why there is none. */
export function inputOf(r: RawReport): { meta: Partial<PutReportInput>; input?: ReportInput; error?: string } {
  const meta: Partial<PutReportInput> = {};
  try {
    let input: ReportInput;
    if (r.format === 'jsonl') {
      if (!r.record) return { meta, error: r.recordError ?? 'not a report' };
      input = { ...r.record };
      meta.externalId = input.id ?? null;
      meta.title = input.title ?? null;
      meta.published = input.published ?? null;
      meta.url = input.url ?? r.originalUrl ?? null;
      meta.outlet = r.outlet ?? null;
    } else {
      input = { id: r.from, text: decodeBytes(r.raw!) };
      if (r.format) input.format = r.format;
      if (r.format === 'html' || (!r.format && /^\s*<(?:!doctype\s+html|html)\b/i.test(input.text))) {
        const page = htmlPublisher(input.text);
        meta.outlet = page.outlet;
        meta.url = page.url;
      }
    }
    return { meta, input };
  } catch (e) {
    return { meta, error: isIngestError(e) ? e.message : String((e as Error).message ?? e) };
  }
}

/** The extraction (or the reason there is none) of one raw report. */
export function extractRaw(r: RawReport, extractReport: (input: ReportInput) => Extraction): { input: Partial<PutReportInput>; outcome: StoreOutcome } {
  const { meta, input, error } = inputOf(r);
  if (!input) return { input: meta, outcome: { error: error ?? 'not a report' } };
  try {
    return { input: meta, outcome: { extraction: extractReport(input) } };
  } catch (e) {
    const msg = isIngestError(e) ? e.message : `extraction failed: ${String((e as Error)?.message ?? e).replace(/\s+/g, ' ').slice(0, 200)}`;
    return { input: meta, outcome: { error: msg, text: input.text } };
  }
}

/** One raw report on its way through ingest: what is known of it before it is stored. */
type Task =
  | { kind: 'unreadable'; r: RawReport }
  | { kind: 'present'; r: RawReport; id: string }
  | { kind: 'store'; r: RawReport; id: string; meta: Partial<PutReportInput>; input?: ReportInput; outcome?: StoreOutcome };

/**
 * Ingests raw reports; returns the counts. Extraction runs on `workers` worker threads when more
 * than one (the main thread reads inputs and writes the store meanwhile), else in this thread;
 * either way each report is stored in its own transaction, in input order (custody entries in
 * the order received), and memory stays bounded (a few reports per worker in flight).
 */
export async function ingestReports(db: Db, reports: AsyncIterable<RawReport>, opts: IngestOptions = {}): Promise<IngestSummary> {
  const sum: IngestSummary = { added: 0, present: 0, failed: 0, unreadable: 0, inputs: 0 };
  const emit = (e: IngestEvent) => {
    sum[e.outcome]++;
    opts.onEvent?.(e);
  };
  const workers = Math.max(1, opts.workers ?? 1);
  let extract: ((input: ReportInput) => Extraction) | undefined;
  const pool = workers > 1 ? new (await import('./pool.js')).WorkerPool({ size: workers, format: 'jsonl' }) : null;
  // what to do with each report, decided in input order (the status check reads the store)
  async function* tasks(): AsyncGenerator<Task> {
    for await (const r of reports) {
      sum.inputs++;
      if (!r.raw) { yield { kind: 'unreadable', r }; continue; }
      const id = sha256Id(r.raw);
      if (!opts.reextract) {
        const status = (await reportStatuses(db, [id])).get(id);
        if (status === 'ok' || status === 'failed') { yield { kind: 'present', r, id }; continue; }
      }
      const { meta, input, error } = inputOf(r);
      yield input ? { kind: 'store', r, id, meta, input } : { kind: 'store', r, id, meta, outcome: { error: error ?? 'not a report' } };
    }
  }
  const extractOn = async (t: Task): Promise<Task> => {
    if (t.kind !== 'store' || t.outcome || !t.input) return t;
    if (!pool) {
      // the NLP model loads only when a report has to be extracted (a re-run of a finished ingest never loads it)
      extract ??= (await import('../extract/index.js')).extractReport;
      return { ...t, outcome: extractRaw(t.r, extract).outcome };
    }
    const res = await pool.run({ label: t.r.label, id: null, bytes: t.r.bytes, input: t.input });
    if (res.output === undefined) return { ...t, outcome: { error: res.error ?? 'extraction failed', text: t.input.text } };
    const { id: _id, ...ex } = JSON.parse(res.output) as Extraction & { id: unknown };
    return { ...t, outcome: { extraction: ex as Extraction } };
  };
  const { orderedMap } = await import('./pool.js');
  let stored = 0;
  try {
    for await (const t of orderedMap(tasks(), extractOn, pool ? workers * 4 : 1)) {
      const r = t.r;
      if (t.kind === 'unreadable') {
        emit({ label: r.label, outcome: 'unreadable', id: null, error: r.readError, bytes: r.bytes });
        continue;
      }
      const base: PutReportInput = { raw: r.raw!, by: opts.by ?? null, from: r.from, format: r.format };
      if (t.kind === 'present') {
        // the same bytes again: only the custody log changes
        const ext = r.record ? { externalId: r.record.id ?? null } : {};
        await putReport(db, { ...base, ...ext });
        emit({ label: r.label, outcome: 'present', id: t.id, bytes: r.bytes });
        continue;
      }
      const outcome = t.outcome!;
      const res = await storeReport(db, { ...base, ...t.meta }, outcome, { reextract: opts.reextract });
      if (res.saved === 'unchanged') emit({ label: r.label, outcome: 'present', id: t.id, bytes: r.bytes });
      else if (res.saved === 'failed') emit({ label: r.label, outcome: 'failed', id: t.id, error: 'error' in outcome ? outcome.error : undefined, bytes: r.bytes });
      else emit({ label: r.label, outcome: 'added', id: t.id, bytes: r.bytes });
      if (res.saved !== 'unchanged' && opts.every && ++stored % opts.every.n === 0) await opts.every.fn();
    }
  } finally {
    await pool?.close();
  }
  return sum;
}
