/**
 * Reading quantities in text: digits ("12", "1,200"), words ("twenty-three", "a dozen"),
 * vague amounts ("dozens") and modifiers ("at least", "more than", "up to"), as a min/max range.
 */
import { GROUP_WORDS, MODIFIERS, SCALES, TENS, UNITS, VAGUE } from './lexicon/numbers.js';

/** Lexicon tables as Maps, built once: one look-up per word, no prototype keys ("constructor"). */
const toMap = <V>(o: Record<string, V>): Map<string, V> => new Map(Object.entries(o));
const UNIT_VALUES = toMap(UNITS);
const TEN_VALUES = toMap(TENS);
const SCALE_VALUES = toMap(SCALES);
const GROUP_VALUES = toMap(GROUP_WORDS);
const VAGUE_RANGES = toMap(VAGUE);
/** The longest vague phrase in characters: longer word runs need not be joined to look it up. */
const VAGUE_MAX_CHARS = Math.max(...Object.keys(VAGUE).map(k => k.length));

/** Every single word that can be, or begin, a quantity: built once, one look-up per word. */
const WORD_VALUES = new Map<string, number>([
  ...Object.entries(UNITS), ...Object.entries(TENS), ...Object.entries(GROUP_WORDS),
]);

/** A count as a range, with the single best reading (the number the text states). */
export interface Quantity { min: number; max: number; best: number; exact: boolean }

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const ALL_DIGITS = /^\d+$/;
const HYPHENATED = /^([a-z]+)-([a-z]+)$/;

/** Parse a single number word or digit string ("12", "1,200", "twenty-three", "dozen"). */
export function parseNumberWord(word: string): number | null {
  const direct = WORD_VALUES.get(word);
  if (direct !== undefined) return direct;
  const c = word.charCodeAt(0);
  // neither a digit nor a letter that starts a number word: the common case, answered at once
  if (!isDigit(c) && !(c >= 65 && c <= 90) && !word.includes('-')) return null;
  const w = word.toLowerCase().replace(/,/g, '');
  if (ALL_DIGITS.test(w)) return Number(w);
  const known = UNIT_VALUES.get(w) ?? TEN_VALUES.get(w) ?? GROUP_VALUES.get(w);
  if (known !== undefined) return known;
  const m = HYPHENATED.exec(w);
  if (m) {
    const tens = TEN_VALUES.get(m[1]), unit = UNIT_VALUES.get(m[2]);
    if (tens !== undefined && unit !== undefined && unit < 10 && unit > 0) return tens + unit;
  }
  return null;
}

/**
 * Parse a quantity from a sequence of lower-case words, e.g. ["at","least","twelve"],
 * ["a","dozen"], ["dozens"], ["two","hundred"], ["more","than","20"]. Returns null when the
 * words are not (only) a quantity.
 */
export function parseQuantity(words: readonly string[]): Quantity | null {
  return parseQuantityIn(words, 0, words.length);
}

/** The modifier starting the words [from, to), if words follow it (index into MODIFIERS), or -1. */
function modifierAt(words: readonly string[], from: number, to: number): number {
  for (let m = 0; m < MODIFIERS.length; m++) {
    const mw = MODIFIERS[m].words;
    if (to - from <= mw.length) continue;
    let k = 0;
    while (k < mw.length && words[from + k] === mw[k]) k++;
    if (k === mw.length) return m;
  }
  return -1;
}

/** The vague amount the words [from, to) say as a whole ("several", "a few"), or undefined. */
function vagueIn(words: readonly string[], from: number, to: number): [number, number] | undefined {
  let chars = to - from - 1;
  for (let k = from; k < to && chars <= VAGUE_MAX_CHARS; k++) chars += words[k].length;
  if (chars > VAGUE_MAX_CHARS) return undefined;
  return VAGUE_RANGES.get(to - from === 1 ? words[from] : words.slice(from, to).join(' '));
}

/** parseQuantity of the words [from, to) of `words`, without copying them. */
export function parseQuantityIn(words: readonly string[], from: number, to: number): Quantity | null {
  const modIndex = modifierAt(words, from, to);
  const mod = modIndex < 0 ? null : MODIFIERS[modIndex].kind;
  const i = modIndex < 0 ? from : from + MODIFIERS[modIndex].words.length;
  if (i >= to) return null;
  const vague = vagueIn(words, i, to);
  if (vague !== undefined) {
    const [lo, hi] = vague;
    return { min: lo, max: hi, best: lo, exact: false };
  }
  let value = 0, current = 0, seen = false;
  for (let k = i; k < to; k++) {
    const w = words[k];
    if ((w === 'a' || w === 'an') && k + 1 < to && (GROUP_VALUES.has(words[k + 1]) || SCALE_VALUES.has(words[k + 1]))) {
      current = Math.max(current, 1); seen = true; continue;
    }
    if (w === 'and' && seen) continue;
    const scale = SCALE_VALUES.get(w);
    if (scale !== undefined) { current = Math.max(current, 1) * scale; if (scale >= 1000) { value += current; current = 0; } seen = true; continue; }
    const group = GROUP_VALUES.get(w);
    if (group !== undefined) { current = Math.max(current, 1) * group; seen = true; continue; }
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
  return parseNumberWord(w) !== null || SCALE_VALUES.has(w) || VAGUE_RANGES.has(w) || GROUP_VALUES.has(w);
}

const MODIFIER_FIRST_WORDS = new Set(MODIFIERS.map(m => m.words[0]));

/**
 * True when a quantity phrase can start with this lower-case word (a number, a number word,
 * a vague amount or a modifier such as "at least"): a cheap test before parseQuantity.
 */
export function canStartQuantity(w: string): boolean {
  return MODIFIER_FIRST_WORDS.has(w) || VAGUE_RANGES.has(w) || w === 'a' || w === 'an' || isDigit(w.charCodeAt(0)) || parseNumberWord(w) !== null;
}
