/**
 * Reading quantities in text: digits ("12", "1,200"), words ("twenty-three", "a dozen"),
 * vague amounts ("dozens") and modifiers ("at least", "more than", "up to"), as a min/max range.
 */
import { GROUP_WORDS, MODIFIERS, SCALES, TENS, UNITS, VAGUE } from './lexicon/numbers.js';

/** Own-property test: lexicon objects are plain objects, and "constructor" is not a number. */
const has = (o: object, k: string): boolean => Object.hasOwn(o, k);

/** Every single word that can be, or begin, a quantity: built once, one look-up per word. */
const WORD_VALUES = new Map<string, number>([
  ...Object.entries(UNITS), ...Object.entries(TENS), ...Object.entries(GROUP_WORDS),
]);

/** A count as a range, with the single best reading (the number the text states). */
export interface Quantity { min: number; max: number; best: number; exact: boolean }

/** Parse a single number word or digit string ("12", "1,200", "twenty-three", "dozen"). */
export function parseNumberWord(word: string): number | null {
  const direct = WORD_VALUES.get(word);
  if (direct !== undefined) return direct;
  const c = word.charCodeAt(0);
  // neither a digit nor a letter that starts a number word: the common case, answered at once
  if (!(c >= 48 && c <= 57) && !word.includes('-') && !/[A-Z]/.test(word[0] ?? '')) return null;
  const w = word.toLowerCase().replace(/,/g, '');
  if (/^\d+$/.test(w)) return Number(w);
  if (has(UNITS, w)) return UNITS[w];
  if (has(TENS, w)) return TENS[w];
  if (has(GROUP_WORDS, w)) return GROUP_WORDS[w];
  const m = /^([a-z]+)-([a-z]+)$/.exec(w);
  if (m && has(TENS, m[1]) && has(UNITS, m[2]) && UNITS[m[2]] < 10 && UNITS[m[2]] > 0) return TENS[m[1]] + UNITS[m[2]];
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
  if (has(VAGUE, joined)) {
    const [lo, hi] = VAGUE[joined];
    return { min: lo, max: hi, best: lo, exact: false };
  }
  let value = 0, current = 0, seen = false;
  for (let k = 0; k < rest.length; k++) {
    const w = rest[k];
    if ((w === 'a' || w === 'an') && k + 1 < rest.length && (has(GROUP_WORDS, rest[k + 1]) || has(SCALES, rest[k + 1]))) {
      current = Math.max(current, 1); seen = true; continue;
    }
    if (w === 'and' && seen) continue;
    if (has(SCALES, w)) { current = Math.max(current, 1) * SCALES[w]; if (SCALES[w] >= 1000) { value += current; current = 0; } seen = true; continue; }
    if (has(GROUP_WORDS, w)) { current = Math.max(current, 1) * GROUP_WORDS[w]; seen = true; continue; }
    const n = parseNumberWord(w);
    if (n === null) return null;
    // "twenty three" adds a unit to a tens; "both 24" or "2 3" are two numbers, not one
    if (seen && current !== 0 && !(current % 100 >= 20 && current % 10 === 0 && n > 0 && n < 10) && !(current % 100 === 0 && current > 0 && n < 100)) return null;
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
  return parseNumberWord(w) !== null || has(SCALES, w) || has(VAGUE, w) || has(GROUP_WORDS, w);
}

const MODIFIER_FIRST_WORDS = new Set(MODIFIERS.map(m => m.words[0]));

/**
 * True when a quantity phrase can start with this lower-case word (a number, a number word,
 * a vague amount or a modifier such as "at least"): a cheap test before parseQuantity.
 */
export function canStartQuantity(w: string): boolean {
  return MODIFIER_FIRST_WORDS.has(w) || has(VAGUE, w) || w === 'a' || w === 'an' || /^\d/.test(w) || parseNumberWord(w) !== null;
}
