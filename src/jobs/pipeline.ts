/**
 * The extraction pipeline used by `corroborate extract` and the throughput bench: a stream of
 * jobs (files or JSONL lines) in, a stream of results out in input order, in-process or on a
 * pool of worker threads. Memory stays bounded by `maxInFlight` jobs whatever the input size.
 */
import { availableParallelism } from 'node:os';
import { readInputFile, readJsonl, type FileOptions } from '../ingest/files.js';
import { isIngestError } from '../ingest/errors.js';
import { orderedMap, WorkerPool } from './pool.js';
import { errorResult, type Job, type JobResult, type OutputFormat } from './types.js';

/** Inputs smaller than this (bytes) are processed in-process: starting workers costs more. */
export const SMALL_INPUT_BYTES = 256 * 1024;

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

export interface PipelineOptions {
  format: OutputFormat;
  /** 1 (or less) runs in the main thread */
  workers: number;
  /** pending results at most (default: 8 per worker) */
  maxInFlight?: number;
  /** wait until every worker has loaded before reading input (benchmarks) */
  waitReady?: boolean;
}

export async function* runPipeline(jobs: AsyncIterable<Job> | Iterable<Job>, opts: PipelineOptions): AsyncGenerator<JobResult> {
  if (opts.workers <= 1) {
    // loaded here, not at the top: in worker mode the main thread never loads the NLP model
    const { runJob } = await import('./process.js');
    for await (const job of jobs) {
      yield runJob(job, opts.format);
    }
    return;
  }
  const pool = new WorkerPool({ size: opts.workers, format: opts.format });
  try {
    if (opts.waitReady) await pool.ready();
    yield* orderedMap(jobs, (job) => (job.error !== undefined || !job.input ? Promise.resolve(errorResult(job)) : pool.run(job)), opts.maxInFlight ?? opts.workers * 8);
  } finally {
    await pool.close();
  }
}

function errorText(e: unknown): string {
  return isIngestError(e) ? e.message : e instanceof Error ? e.message : String(e);
}

/** One job per file path, read lazily (one file in memory per pending job). */
export async function* jobsFromFiles(paths: string[], opts: FileOptions = {}): AsyncGenerator<Job> {
  for (const path of paths) {
    try {
      const input = await readInputFile(path, opts);
      yield { label: path, id: path, bytes: Buffer.byteLength(input.text), input };
    } catch (e) {
      yield { label: path, id: path, bytes: 0, error: errorText(e) };
    }
  }
}

/** One job per JSONL line, streamed; unreadable lines become error jobs naming `file:line`. */
export async function* jobsFromJsonl(path: string, opts: { maxBytes?: number; published?: string | null } = {}): AsyncGenerator<Job> {
  const name = path === '-' ? '<stdin>' : path;
  for await (const item of readJsonl(path, opts)) {
    if ('error' in item) {
      yield { label: `${name}:${item.line}${item.id != null ? ` (id ${item.id})` : ''}`, id: item.id, bytes: item.bytes, error: item.error.message };
      continue;
    }
    const input = item.input;
    if (opts.published && !input.published) input.published = opts.published;
    const id = input.id ?? null;
    yield { label: `${name}:${item.line}${id != null ? ` (id ${id})` : ''}`, id, bytes: item.bytes, input };
  }
}
