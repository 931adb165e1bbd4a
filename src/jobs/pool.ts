/**
 * A small pool of extraction worker threads and an ordered, bounded map over an async stream.
 *
 * - `WorkerPool.run(job)` resolves with the job's result; each worker has at most
 *   `perWorker` jobs outstanding, further jobs wait in the pool's queue.
 * - `orderedMap(source, fn, maxInFlight)` pulls from `source` only while fewer than
 *   `maxInFlight` results are pending (backpressure: a slow consumer or a slow job stops the
 *   reading) and yields results strictly in input order.
 * A crashed worker fails only its own jobs (as error results) and is replaced.
 */
import { Worker } from 'node:worker_threads';
import type { Job, JobResult, OutputFormat } from './types.js';

interface Pending {
  seq: number;
  job: Job;
  resolve: (r: JobResult) => void;
}

interface Slot {
  worker: Worker;
  inflight: Map<number, Pending>;
  ready: Promise<void>;
}

export interface PoolOptions {
  size: number;
  format: OutputFormat;
  /** jobs sent to a worker before its previous answers arrive (hides message latency) */
  perWorker?: number;
  /** worker script; defaults to ./extract-worker.js next to this module */
  script?: URL;
}

export class WorkerPool {
  private slots: Slot[] = [];
  private queue: Pending[] = [];
  private seq = 0;
  private closed = false;
  private readonly perWorker: number;
  private readonly script: URL;
  private readonly format: OutputFormat;

  constructor(opts: PoolOptions) {
    this.perWorker = Math.max(1, opts.perWorker ?? 2);
    this.script = opts.script ?? new URL('./extract-worker.js', import.meta.url);
    this.format = opts.format;
    for (let i = 0; i < Math.max(1, opts.size); i++) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  private spawn(): Slot {
    const worker = new Worker(this.script, { workerData: { format: this.format } });
    let markReady = () => {};
    const ready = new Promise<void>((resolve) => { markReady = resolve; });
    const slot: Slot = { worker, inflight: new Map(), ready };
    worker.on('message', (msg: { seq: number; result: JobResult; ready?: boolean }) => {
      if (msg.ready) { markReady(); return; }
      const p = slot.inflight.get(msg.seq);
      if (!p) return;
      slot.inflight.delete(msg.seq);
      p.resolve(msg.result);
      this.pump();
    });
    const fail = (why: string) => {
      markReady();
      const lost = [...slot.inflight.values()];
      slot.inflight.clear();
      for (const p of lost) p.resolve({ label: p.job.label, id: p.job.id, bytes: p.job.bytes, error: `worker failed: ${why}` });
      const i = this.slots.indexOf(slot);
      if (i >= 0 && !this.closed) {
        this.slots[i] = this.spawn();
        this.pump();
      }
    };
    worker.on('error', (e) => fail(e.message.replace(/\s+/g, ' ').slice(0, 200)));
    worker.on('exit', (code) => { if (!this.closed && this.slots.includes(slot)) fail(`exited with code ${code}`); });
    return slot;
  }

  private pump(): void {
    while (this.queue.length) {
      let best: Slot | null = null;
      for (const s of this.slots) if (s.inflight.size < this.perWorker && (!best || s.inflight.size < best.inflight.size)) best = s;
      if (!best) return;
      const p = this.queue.shift()!;
      best.inflight.set(p.seq, p);
      best.worker.postMessage({ seq: p.seq, job: p.job });
    }
  }

  /** Resolves once every worker has loaded (or failed); workers that never say so do not block jobs. */
  ready(): Promise<void> {
    return Promise.all(this.slots.map((s) => s.ready)).then(() => undefined);
  }

  run(job: Job): Promise<JobResult> {
    if (this.closed) return Promise.resolve({ label: job.label, id: job.id, bytes: job.bytes, error: 'worker pool closed' });
    return new Promise((resolve) => {
      this.queue.push({ seq: this.seq++, job, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }
}

/** Maps `fn` over `source` with at most `maxInFlight` pending results, yielding in input order. */
export async function* orderedMap<I, O>(source: AsyncIterable<I> | Iterable<I>, fn: (x: I) => Promise<O>, maxInFlight: number): AsyncGenerator<O> {
  const it = (Symbol.asyncIterator in source ? (source as AsyncIterable<I>)[Symbol.asyncIterator]() : (source as Iterable<I>)[Symbol.iterator]()) as AsyncIterator<I> | Iterator<I>;
  const pending: Promise<O>[] = [];
  const limit = Math.max(1, maxInFlight);
  let done = false;
  try {
    for (;;) {
      while (!done && pending.length < limit) {
        const r = await it.next();
        if (r.done) { done = true; break; }
        pending.push(fn(r.value));
      }
      if (!pending.length) return;
      yield await pending.shift()!;
    }
  } finally {
    if (!done) await it.return?.();
  }
}
