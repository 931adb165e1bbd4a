/**
 * Worker thread of the extraction pool (./pool.ts): receives `{seq, job}` messages, answers
 * `{seq, result}` with the formatted output; `{ready: true}` once loaded. The NLP model
 * and the gazetteer load once per worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runJob } from './process.js';
import type { Job, OutputFormat } from './types.js';

const format: OutputFormat = (workerData?.format as OutputFormat) ?? 'jsonl';

if (!parentPort) throw new Error('extract-worker must run as a worker thread');
const port = parentPort;
// Load the model and the gazetteer now (they load lazily on first use), then say so: the pool
// can wait for every worker to be ready, and the first real jobs do not pay for loading.
runJob({ label: 'warm-up', id: null, bytes: 0, input: { text: 'A man was shot dead in Chicago on Monday, police said.', published: '2016-01-04' } }, format);
port.postMessage({ ready: true });
port.on('message', (msg: { seq: number; job: Job }) => {
  port.postMessage({ seq: msg.seq, result: runJob(msg.job, format) });
});
