/**
 * Worker thread of the extraction pool (./pool.ts): receives `{seq, job}` messages, answers
 * `{seq, result}` with the formatted output. The NLP model loads once per worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runJob } from './process.js';
import type { Job, OutputFormat } from './types.js';

const format: OutputFormat = (workerData?.format as OutputFormat) ?? 'jsonl';

if (!parentPort) throw new Error('extract-worker must run as a worker thread');
const port = parentPort;
port.on('message', (msg: { seq: number; job: Job }) => {
  port.postMessage({ seq: msg.seq, result: runJob(msg.job, format) });
});
