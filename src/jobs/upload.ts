/**
 * Reports arriving through the HTTP API: a body's bytes become one report (plain text, HTML, a
 * JSON object) or one report per line (JSON Lines). Each is archived byte for byte with custody
 * (who: the token's name; from: "api"), extracted and stored in one transaction, exactly as
 * `corroborate ingest` does; the new reports are then linked (incrementally: incident ids that
 * exist stay as they are) when anything was added.
 */
import { Readable } from 'node:stream';
import type { Extraction, ReportInput } from '../model/index.js';
import { WorkerPool } from './pool.js';
import { decodeBytes, recordToInput, splitLines } from '../ingest/files.js';
import { isIngestError } from '../ingest/errors.js';
import { putReport, reportStatuses, sha256Id, storeReport, type Db, type PutReportInput, type StoreOutcome } from '../store/index.js';
import { inputOf, outletName, type RawReport } from './ingest.js';
import { linkNew } from './incremental-link.js';

export interface UploadMeta {
  title?: string | null;
  published?: string | null;
  url?: string | null;
}

/** One report of an upload: its bytes and what is known about it. */
export interface UploadItem {
  /** names it in results: "body" or "line N" */
  label: string;
  raw: Buffer;
  format: 'text' | 'html' | 'json' | 'jsonl';
  /** for raw text / HTML bodies: metadata given beside the body (query or headers) */
  meta?: UploadMeta;
  /** for JSON bodies and lines: the record, or why it is not one */
  record?: ReportInput;
  recordError?: string;
  /** for JSON bodies and lines: the publisher the record names and its original address */
  outlet?: string | null;
  originalUrl?: string | null;
}

export interface UploadResult {
  id: string | null;
  label: string;
  outcome: 'added' | 'present' | 'failed';
  error?: string;
}

/** The items of a JSON Lines body (blank lines skipped; a line that is not a report is still an item, to be kept as failed). */
export async function jsonlItems(body: Buffer, maxLineBytes: number): Promise<UploadItem[]> {
  const items: UploadItem[] = [];
  let line = 0;
  for await (const { buf } of splitLines(Readable.from([body]), maxLineBytes)) {
    line++;
    if (buf === null) {
      items.push({ label: `line ${line}`, raw: Buffer.alloc(0), format: 'jsonl', recordError: `line is larger than the limit of ${maxLineBytes} bytes` });
      continue;
    }
    let b = Buffer.from(buf);
    if (line === 1 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
    if (!b.toString('utf8').trim()) continue;
    items.push(recordItem(`line ${line}`, b, 'jsonl'));
  }
  return items;
}

/** A JSON object's bytes as an item (parse errors kept as the item's recordError). */
export function recordItem(label: string, raw: Buffer, format: 'json' | 'jsonl', parsed?: unknown): UploadItem {
  const item: UploadItem = { label, raw, format };
  try {
    const rec = parsed === undefined ? JSON.parse(decodeBytes(raw)) : parsed;
    item.record = recordToInput(rec);
    // the publisher the record names, as `corroborate ingest` reads it
    const o = rec as Record<string, unknown>;
    item.outlet = outletName(o.outlet) ?? outletName(o.source);
    item.originalUrl = typeof o.original_url === 'string' && o.original_url.trim() ? o.original_url.trim() : null;
  } catch (e) {
    item.recordError = isIngestError(e) ? e.message : `not JSON (${(e as Error).message.replace(/\s+/g, ' ').slice(0, 80)})`;
  }
  return item;
}

/** Extracts one report: in this thread, or in a worker thread (`workerExtractor`). */
export type Extractor = (input: ReportInput) => Promise<Extraction>;

/** An extraction that failed with a message meant to be stored as is. */
class ExtractFailure extends Error {}

/**
 * Extraction in a pool of worker threads (the NLP model loads there, once): a server keeps
 * answering while an upload is extracted. `close` ends the workers.
 */
export function workerExtractor(opts: { size?: number; script?: URL } = {}): { extract: Extractor; close: () => Promise<void> } {
  let pool: WorkerPool | null = null;
  return {
    extract: async (input) => {
      pool ??= new WorkerPool({ size: opts.size ?? 1, format: 'jsonl', perWorker: 1, script: opts.script });
      const r = await pool.run({ label: input.id ?? 'upload', id: null, bytes: 0, input });
      if (r.error !== undefined || r.output === undefined) throw new ExtractFailure(r.error ?? 'extraction failed');
      const { id: _id, ...ex } = JSON.parse(r.output) as Extraction & { id: unknown };
      return ex as Extraction;
    },
    close: async () => {
      await pool?.close();
      pool = null;
    },
  };
}

/** Extraction in this thread (the model loads on first use). */
export const inThreadExtractor: Extractor = async (input) => (await import('../extract/index.js')).extractReport(input);

async function extractItem(it: UploadItem, extract: Extractor): Promise<{ meta: Partial<PutReportInput>; outcome: StoreOutcome }> {
  // what the store is told and what is extracted: as `corroborate ingest` reads the same bytes
  const raw: RawReport = {
    label: it.label, raw: it.raw, from: it.label, format: it.format === 'json' ? 'jsonl' : it.format, bytes: it.raw.length,
    record: it.record, recordError: it.recordError, outlet: it.outlet, originalUrl: it.originalUrl,
  };
  const { meta, input, error } = inputOf(raw);
  if (!input) return { meta, outcome: { error: error ?? 'not a report' } };
  // a raw body's metadata given beside it
  if (it.meta?.title) input.title = meta.title = it.meta.title;
  if (it.meta?.published) input.published = meta.published = it.meta.published;
  if (it.meta?.url) input.url = meta.url = it.meta.url;
  meta.title ??= input.title ?? null;
  meta.published ??= input.published ?? null;
  try {
    return { meta, outcome: { extraction: await extract(input) } };
  } catch (e) {
    const msg = isIngestError(e) || e instanceof ExtractFailure ? (e as Error).message : `extraction failed: ${String((e as Error)?.message ?? e).replace(/\s+/g, ' ').slice(0, 200)}`;
    return { meta, outcome: { error: msg, text: input.text } };
  }
}

/** Archives, extracts and stores each item; re-links when something was added. */
export async function ingestUploads(db: Db, items: UploadItem[], opts: { by: string; from?: string; link?: boolean; extract?: Extractor }): Promise<UploadResult[]> {
  const results: UploadResult[] = [];
  const extract = opts.extract ?? inThreadExtractor;
  let changed = false;
  for (const it of items) {
    if (!it.raw.length) {
      results.push({ id: null, label: it.label, outcome: 'failed', error: it.recordError ?? 'empty report' });
      continue;
    }
    const id = sha256Id(it.raw);
    const base: PutReportInput = { raw: it.raw, by: opts.by, from: opts.from ?? 'api', format: it.format };
    const status = (await reportStatuses(db, [id])).get(id);
    if (status === 'ok' || status === 'failed') {
      await putReport(db, { ...base, externalId: it.record?.id ?? null });
      results.push({ id, label: it.label, outcome: 'present' });
      continue;
    }
    const { meta, outcome } = await extractItem(it, extract);
    const res = await storeReport(db, { ...base, ...meta }, outcome);
    changed = true;
    if (res.saved === 'failed') results.push({ id, label: it.label, outcome: 'failed', error: 'error' in outcome ? outcome.error : undefined });
    else if (res.saved === 'unchanged') results.push({ id, label: it.label, outcome: 'present' });
    else results.push({ id, label: it.label, outcome: 'added' });
  }
  if (changed && opts.link !== false) await linkNew(db);
  return results;
}
