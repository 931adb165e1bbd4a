/**
 * Matching lexicon phrases (lists of lower-case words) against a word sequence in one pass:
 * phrases are indexed by their first word, so a scan costs one map look-up per word.
 */
import type { Word } from './words.js';

export type PhraseIndex<T> = Map<string, Array<{ words: string[]; value: T }>>;

export function phraseIndex<T>(entries: Array<{ words: string[]; value: T }>): PhraseIndex<T> {
  const index: PhraseIndex<T> = new Map();
  for (const e of entries) {
    const list = index.get(e.words[0]) ?? [];
    list.push(e);
    index.set(e.words[0], list);
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

/**
 * The longest phrase starting at word i and ending before `end` (the first word may also match
 * by lemma when `lemma` is set), or null.
 */
export function matchAt<T>(w: Word[], i: number, end: number, index: PhraseIndex<T>, lemma = false): { words: string[]; value: T } | null {
  const cands = index.get(w[i].lower) ?? (lemma ? index.get(w[i].lemma) : undefined);
  if (!cands) return null;
  for (const c of cands) {
    if (i + c.words.length > end) continue;
    let ok = true;
    for (let k = 1; k < c.words.length; k++) if (w[i + k].lower !== c.words[k]) { ok = false; break; }
    if (ok) return c;
  }
  return null;
}
