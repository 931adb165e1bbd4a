/**
 * Reading quantities in text: digits ("12", "1,200"), words ("twenty-three", "a dozen"),
 * vague amounts ("dozens") and modifiers ("at least", "more than", "up to"), as a min/max range.
 */
import { GROUP_WORDS, MODIFIERS, SCALES, TENS, UNITS, VAGUE } from './lexicon/numbers.js';

/** A count as a range, with the single best reading (the number the text states). */
export interface Quantity { min: number; max: number; best: number; exact: boolean }

/** Parse a single number word or digit string ("12", "1,200", "twenty-three", "dozen"). */
export function parseNumberWord(word: string): number | null {
  const w = word.toLowerCase().replace(/,/g, '');
  if (/^\d+$/.test(w)) return Number(w);
  if (w in UNITS) return UNITS[w];
  if (w in TENS) return TENS[w];
  if (w in GROUP_WORDS) return GROUP_WORDS[w];
  const m = /^([a-z]+)-([a-z]+)$/.exec(w);
  if (m && m[1] in TENS && m[2] in UNITS && UNITS[m[2]] < 10 && UNITS[m[2]] > 0) return TENS[m[1]] + UNITS[m[2]];
  return null;
}

/**
 * Parse a quantity from a sequence of lower-case words, e.g. ["at","least","twelve"],
 * ["a","dozen"], ["dozens"], ["two","hundred"], ["more","than","20"]. Returns null when the
 * words are not (only) a quantity.
 */
export function parseQuantity(words: string[]): Quantity | null {
  let i = 0;
  let mod: (typeof MODIFIERS)[number]['kind'] | null = null;
  for (const m of MODIFIERS) {
    if (m.words.every((w, k) => words[k] === w) && words.length > m.words.length) {
      mod = m.kind; i = m.words.length; break;
    }
  }
  const rest = words.slice(i);
  if (rest.length === 0) return null;
  const joined = rest.join(' ');
  if (joined in VAGUE) {
    const [lo, hi] = VAGUE[joined];
    return { min: lo, max: hi, best: lo, exact: false };
  }
  let value = 0, current = 0, seen = false;
  for (let k = 0; k < rest.length; k++) {
    const w = rest[k];
    if ((w === 'a' || w === 'an') && k + 1 < rest.length && (rest[k + 1] in GROUP_WORDS || rest[k + 1] in SCALES)) {
      current = Math.max(current, 1); seen = true; continue;
    }
    if (w === 'and' && seen) continue;
    if (w in SCALES) { current = Math.max(current, 1) * SCALES[w]; if (SCALES[w] >= 1000) { value += current; current = 0; } seen = true; continue; }
    if (w in GROUP_WORDS) { current = Math.max(current, 1) * GROUP_WORDS[w]; seen = true; continue; }
    const n = parseNumberWord(w);
    if (n === null) return null;
    current += n; seen = true;
  }
  if (!seen) return null;
  const v = value + current;
  switch (mod) {
    // Open-ended bounds get a conventional upper bound (twice the stated figure) so that the
    // range stays a finite min/max; `best` keeps the figure the text states.
    case 'min': return { min: v, max: v * 2, best: v, exact: false };
    case 'more': return { min: v + 1, max: v * 2 + 1, best: v + 1, exact: false };
    case 'max': return { min: Math.floor(v / 2), max: v, best: v, exact: false };
    case 'less': return { min: 0, max: Math.max(0, v - 1), best: Math.max(0, v - 1), exact: false };
    case 'approx': return { min: Math.floor(v * 0.8), max: Math.ceil(v * 1.2), best: v, exact: false };
    default: return { min: v, max: v, best: v, exact: true };
  }
}

/** True when the lower-case word can be part of a quantity phrase. */
export function isQuantityWord(w: string): boolean {
  return parseNumberWord(w) !== null || w in SCALES || w in VAGUE || w in GROUP_WORDS;
}
