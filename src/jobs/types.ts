/**
 * Types of the extraction pipeline, kept free of heavy imports so that the CLI and the pool
 * start fast (the NLP model loads only where extraction runs).
 */
import type { ReportInput } from '../model/index.js';

export type OutputFormat = 'json' | 'jsonl' | 'text';

export interface Job {
  /** names the input in messages: a path, or `file:line` */
  label: string;
  /** the input id when it has one (JSONL `id`, or the file path) */
  id: string | null;
  /** bytes of input this job stands for (progress) */
  bytes: number;
  input?: ReportInput;
  /** set when the input could not even be read: passed through, in order */
  error?: string;
}

export interface JobResult {
  label: string;
  id: string | null;
  bytes: number;
  /** the formatted output (without trailing newline) when ok */
  output?: string;
  error?: string;
}

/** The result of a job that failed before extraction (or of one without input). */
export function errorResult(job: Job, error?: string): JobResult {
  return { label: job.label, id: job.id, bytes: job.bytes, error: error ?? job.error ?? 'no input' };
}
