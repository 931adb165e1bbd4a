/**
 * A small LRU of answers to identical read requests (incident searches), dropped as a whole on
 * every write: the embedded database answers one query at a time, and a search page costs a few
 * milliseconds, while the same searches come again and again from the web app's list and map.
 */
export class AnswerCache {
  private readonly map = new Map<string, { value: string; at: number }>();
  private generation = 0;
  hits = 0;
  misses = 0;

  /**
   * `ttlMs`: how long an answer is kept. On an embedded store only this process can write (the
   * data directory is locked), so answers live until the next write; on a PostgreSQL server
   * another process may write too, so answers there expire after a short time.
   */
  constructor(private readonly max = 500, private readonly ttlMs = Infinity) {}

  get(key: string): string | undefined {
    const v = this.map.get(key);
    if (v === undefined || Date.now() - v.at > this.ttlMs) {
      if (v) this.map.delete(key);
      this.misses++;
      return undefined;
    }
    this.hits++;
    // most recently used last
    this.map.delete(key);
    this.map.set(key, v);
    return v.value;
  }

  /** Stores an answer computed while `generation` was current (an answer older than a write is dropped). */
  set(key: string, value: string, generation: number): void {
    if (generation !== this.generation || this.max <= 0) return;
    this.map.delete(key);
    this.map.set(key, { value, at: Date.now() });
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }

  /** The generation to pass to `set` for an answer being computed now. */
  get current(): number {
    return this.generation;
  }

  /** Called on every write. */
  clear(): void {
    this.generation++;
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }
}
