/**
 * A small LRU of answers to identical read requests (incident searches), dropped as a whole on
 * every write: the embedded database answers one query at a time, and a search page costs a few
 * milliseconds, while the same searches come again and again from the web app's list and map.
 */
export class AnswerCache {
  private readonly map = new Map<string, string>();
  private generation = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly max = 500) {}

  get(key: string): string | undefined {
    const v = this.map.get(key);
    if (v === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // most recently used last
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  /** Stores an answer computed while `generation` was current (an answer older than a write is dropped). */
  set(key: string, value: string, generation: number): void {
    if (generation !== this.generation || this.max <= 0) return;
    this.map.delete(key);
    this.map.set(key, value);
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
