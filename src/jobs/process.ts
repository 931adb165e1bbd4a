/**
 * One unit of work of the extraction pipeline: a report input in, a formatted output line (or a
 * one-line error) out. The same function runs in the main thread and in worker threads, so the
 * output is identical whatever the number of workers.
 */
import type { Extraction } from '../model/index.js';
import { errorResult, type Job, type JobResult, type OutputFormat } from './types.js';
import { extractReport } from '../extract/index.js';
import { isIngestError } from '../ingest/errors.js';
import { formatTextSummary } from '../export/text-summary.js';

export type { Job, JobResult, OutputFormat };

/** The extraction as printed: `{id, ...extraction}` in jsonl, the extraction itself in json. */
export function formatExtraction(ex: Extraction, id: string | null, format: OutputFormat): string {
  if (format === 'text') return formatTextSummary(ex);
  if (format === 'jsonl') return JSON.stringify({ id: id ?? ex.report.id, ...ex });
  return JSON.stringify(ex, null, 2);
}

export function runJob(job: Job, format: OutputFormat): JobResult {
  const base = { label: job.label, id: job.id, bytes: job.bytes };
  if (job.error !== undefined || !job.input) return errorResult(job);
  try {
    const ex = extractReport(job.input);
    return { ...base, output: formatExtraction(ex, job.id, format) };
  } catch (e) {
    if (isIngestError(e)) return { ...base, error: e.message };
    const msg = e instanceof Error ? e.message : String(e);
    return { ...base, error: `extraction failed: ${msg.replace(/\s+/g, ' ').slice(0, 200)}` };
  }
}
