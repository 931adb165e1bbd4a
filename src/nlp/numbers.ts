/**
 * Reading quantities in text: digits ("12", "1,200"), words ("twenty-three", "a dozen"),
 * vague amounts ("dozens"), modifiers ("at least", "more than", "up to") and explicit ranges
 * ("two or three"), as a min / max range. A bound is what the words state or strictly imply;
 * a bound they do not state stays open (`max: null`), never guessed.
 *
 * | expression                                              | min    | max    | marked      |
 * |---------------------------------------------------------|--------|--------|-------------|
 * | "12", "twelve", "a dozen", "half a dozen" (6)           | 12     | 12     | exact       |
 * | "two or three", "between 10 and 15", "10 to 15", "10-15"| 10     | 15     |             |
 * | "at least 12", "no fewer than 12", "12 or more"         | 12     | open   |             |
 * | "more than 11", "over 11", "upwards of 11"              | 12     | open   |             |
 * | "up to 10", "at most 10", "as many as 10", "10 or fewer"| 1      | 10     |             |
 * | "fewer than 10", "less than 10"                         | 1      | 9      |             |
 * | "nearly 20", "almost 20" (not yet 20)                   | 1      | 19     |             |
 * | "about 20", "around", "approximately", "roughly",       | 20     | 20     | approximate |
 * |   "some 20", "an estimated 20", "20 or so"              |        |        |             |
 * | "some", "multiple", "a few", "few"                      | 2      | open   |             |
 * | "several", "many", "numerous"                           | 3      | open   |             |
 * | "dozens" / "scores" / "hundreds" / "thousands"          | 24 / 40 / 200 / 2000 | open |  |
 *
 * A count bounded only from above ("up to 10") still counts someone: its min is 1 (0 for "up to
 * 0"), the least the sentence that reports a killing or an injury implies, not a fraction of the
 * figure. "Nearly 20" says fewer than 20 and no lower figure. "About 20" is neither a lower nor
 * an upper bound: the figure is kept as stated and marked approximate.
 */
import { GROUP_WORDS, HALF, MODIFIERS, RANGE_JOINERS, SCALES, SUFFIXES, TENS, UNITS, VAGUE, type ModifierKind } from './lexicon/numbers.js';

/** Lexicon tables as Maps, built once: one look-up per word, no prototype keys ("constructor"). */
const toMap = <V>(o: Record<string, V>): Map<string, V> => new Map(Object.entries(o));
const UNIT_VALUES = toMap(UNITS);
const TEN_VALUES = toMap(TENS);
const SCALE_VALUES = toMap(SCALES);
const GROUP_VALUES = toMap(GROUP_WORDS);
const VAGUE_MINIMA = toMap(VAGUE);
/** The longest vague phrase in characters: longer word runs need not be joined to look it up. */
const VAGUE_MAX_CHARS = Math.max(...Object.keys(VAGUE).map(k => k.length));

/** Every single word that can be, or begin, a quantity: built once, one look-up per word. */
const WORD_VALUES = new Map<string, number>([
  ...Object.entries(UNITS), ...Object.entries(TENS), ...Object.entries(GROUP_WORDS),
]);

/** A count as a range, with the single best reading (the number the text states). */
export interface Quantity {
  min: number;
  /** null: the text states no upper bound ("at least 12", "dozens") */
  max: number | null;
  /** the figure the text states (an open count's minimum) */
  best: number;
  /** a plain number, no modifier, range or vague word */
  exact: boolean;
  /** an estimate of the figure ("about 20"), not a bound */
  approximate?: true;
}

/** An upper bound: a number, or null when none is stated. */
export type UpperBound = number | null;

/** The sum of two upper bounds: open when either is. */
export const addUpper = (a: UpperBound, b: UpperBound): UpperBound => (a === null || b === null ? null : a + b);

/** The larger of two upper bounds: open when either is. */
export const higherUpper = (a: UpperBound, b: UpperBound): UpperBound => (a === null || b === null ? null : Math.max(a, b));

/** The sum of two counts (people in one list: "two men and three women"). */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  const q: Quantity = { min: a.min + b.min, max: addUpper(a.max, b.max), best: a.best + b.best, exact: a.exact && b.exact };
  if (a.approximate || b.approximate) q.approximate = true;
  return q;
}

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

/** The modifier ending the words [from, to) after something else ("or more"), as an index into SUFFIXES, or -1. */
function suffixAt(words: readonly string[], from: number, to: number): number {
  for (let m = 0; m < SUFFIXES.length; m++) {
    const mw = SUFFIXES[m].words;
    if (to - from <= mw.length) continue;
    let k = 0;
    while (k < mw.length && words[to - mw.length + k] === mw[k]) k++;
    if (k === mw.length) return m;
  }
  return -1;
}

/** The least the vague amount the words [from, to) say as a whole ("several", "a few") can mean, or undefined. */
function vagueIn(words: readonly string[], from: number, to: number): number | undefined {
  let chars = to - from - 1;
  for (let k = from; k < to && chars <= VAGUE_MAX_CHARS; k++) chars += words[k].length;
  if (chars > VAGUE_MAX_CHARS) return undefined;
  return VAGUE_MINIMA.get(to - from === 1 ? words[from] : words.slice(from, to).join(' '));
}

/** "10-15" written as one word. */
const RANGE_WORD = /^(\d+)[-–](\d+)$/;

/**
 * An explicit range in the words [from, to): "two or three", "10 to 15", "between 10 and 15",
 * "10-15". undefined when the words have no range's shape; null when they have it but are not
 * one (the lower figure not below the higher, or a side that is no number).
 */
function rangeIn(words: readonly string[], from: number, to: number): Quantity | null | undefined {
  let lo: number | null = null, hi: number | null = null;
  if (words[from] === 'between') {
    const and = words.indexOf('and', from + 2);
    if (and < 0 || and >= to - 1) return null;
    lo = valueIn(words, from + 1, and); hi = valueIn(words, and + 1, to);
  } else if (to - from === 1 && RANGE_WORD.test(words[from])) {
    const m = RANGE_WORD.exec(words[from])!;
    lo = Number(m[1]); hi = Number(m[2]);
  } else {
    let k = from + 1;
    while (k < to - 1 && !RANGE_JOINERS.includes(words[k])) k++;
    if (k >= to - 1) return undefined;
    lo = valueIn(words, from, k); hi = valueIn(words, k + 1, to);
  }
  if (lo === null || hi === null || lo >= hi) return null;
  return { min: lo, max: hi, best: lo, exact: false };
}

/** The number the words [from, to) say ("twelve", "a hundred and twenty", "half a dozen"), or null. */
function valueIn(words: readonly string[], from: number, to: number): number | null {
  if (from >= to) return null;
  // "half a dozen": half of a whole amount
  if (words[from] === HALF) {
    const whole = from + 1 < to && (words[from + 1] === 'a' || words[from + 1] === 'an') ? valueIn(words, from + 1, to) : null;
    return whole !== null && whole % 2 === 0 && whole > 0 ? whole / 2 : null;
  }
  let value = 0, current = 0, seen = false;
  for (let k = from; k < to; k++) {
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
  return seen ? value + current : null;
}

/** The range a figure with a modifier (or none) states: see the table at the top. */
function bounded(v: number, kind: ModifierKind | null): Quantity {
  switch (kind) {
    case 'min': return { min: v, max: null, best: v, exact: false };
    case 'more': return { min: v + 1, max: null, best: v + 1, exact: false };
    case 'max': return { min: Math.min(1, v), max: v, best: v, exact: false };
    case 'less': { const below = Math.max(0, v - 1); return { min: Math.min(1, below), max: below, best: below, exact: false }; }
    case 'approx': return { min: v, max: v, best: v, exact: false, approximate: true };
    default: return { min: v, max: v, best: v, exact: true };
  }
}

/** parseQuantity of the words [from, to) of `words`, without copying them. */
export function parseQuantityIn(words: readonly string[], from: number, to: number): Quantity | null {
  const modIndex = modifierAt(words, from, to);
  let kind: ModifierKind | null = modIndex < 0 ? null : MODIFIERS[modIndex].kind;
  const i = modIndex < 0 ? from : from + MODIFIERS[modIndex].words.length;
  if (i >= to) return null;
  const vague = vagueIn(words, i, to);
  if (vague !== undefined) return { min: vague, max: null, best: vague, exact: false };
  let end = to;
  if (kind === null) {
    const suffix = suffixAt(words, i, to);
    if (suffix >= 0) { kind = SUFFIXES[suffix].kind; end = to - SUFFIXES[suffix].words.length; }
    else {
      const range = rangeIn(words, i, to);
      if (range !== undefined) return range;
    }
  }
  const v = valueIn(words, i, end);
  return v === null ? null : bounded(v, kind);
}

/** True when the lower-case word can be part of a quantity phrase. */
export function isQuantityWord(w: string): boolean {
  return parseNumberWord(w) !== null || SCALE_VALUES.has(w) || VAGUE_MINIMA.has(w) || GROUP_VALUES.has(w);
}

const MODIFIER_FIRST_WORDS = new Set(MODIFIERS.map(m => m.words[0]));

/**
 * True when a quantity phrase can start with this lower-case word (a number, a number word,
 * a vague amount or a modifier such as "at least"): a cheap test before parseQuantity.
 */
export function canStartQuantity(w: string): boolean {
  return MODIFIER_FIRST_WORDS.has(w) || VAGUE_MINIMA.has(w) || w === 'between' || w === HALF || w === 'a' || w === 'an' || isDigit(w.charCodeAt(0)) || parseNumberWord(w) !== null;
}
