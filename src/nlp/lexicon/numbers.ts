/**
 * Number words and quantity modifiers for reading counts of people ("at least 12",
 * "a dozen", "two women and a child", "four teens", "dozens").
 */

/** Cardinal words → value. */
export const UNITS: Record<string, number> = {
  zero: 0, no: 0, none: 0, one: 1, a: 1, an: 1, single: 1, lone: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7,
  eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15,
  sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
export const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
export const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

/** Group words with an exact value: "a pair of", "a dozen". */
export const GROUP_WORDS: Record<string, number> = {
  pair: 2, couple: 2, both: 2, twin: 2, twins: 2, dozen: 12, score: 20, trio: 3, quartet: 4,
};

/**
 * Vague plural quantities → the least each can mean; none states an upper bound, so none gets
 * one. The weakest defensible reading: a plural is at least 2 ("some", "multiple", "a few");
 * "several" is more than two; "many" / "numerous" are never fewer than "several"; "dozens" is
 * at least two dozen, "scores" two score, "hundreds" two hundred, "thousands" two thousand.
 */
export const VAGUE: Record<string, number> = {
  several: 3, few: 2, 'a few': 2, some: 2, multiple: 2, many: 3, numerous: 3,
  dozens: 24, scores: 40, hundreds: 200, thousands: 2000,
};

/**
 * What a modifier says of the figure N it qualifies (src/nlp/numbers.ts `bounded`):
 *  - min: N or more ("at least 12") → min N, no upper bound;
 *  - more: above N ("more than 11") → min N + 1, no upper bound;
 *  - max: N at most ("up to 10") → max N, min 1 (a count of people said to be killed or hurt
 *    is at least one; "no one" is read by the casualty rules, not here);
 *  - less: below N ("fewer than 10", "nearly 20": nearly N is not yet N) → max N - 1, min 1;
 *  - approx: an estimate of N ("about 20") → min = max = N, marked approximate.
 */
export type ModifierKind = 'min' | 'more' | 'max' | 'less' | 'approx';

/** Modifiers before a number. */
export const MODIFIERS: { words: string[]; kind: ModifierKind }[] = [
  { words: ['at', 'least'], kind: 'min' },
  { words: ['no', 'fewer', 'than'], kind: 'min' },
  { words: ['no', 'less', 'than'], kind: 'min' },
  { words: ['more', 'than'], kind: 'more' },
  { words: ['over'], kind: 'more' },
  { words: ['upwards', 'of'], kind: 'more' },
  { words: ['up', 'to'], kind: 'max' },
  { words: ['at', 'most'], kind: 'max' },
  { words: ['as', 'many', 'as'], kind: 'max' },
  { words: ['fewer', 'than'], kind: 'less' },
  { words: ['less', 'than'], kind: 'less' },
  { words: ['nearly'], kind: 'less' },
  { words: ['almost'], kind: 'less' },
  { words: ['about'], kind: 'approx' },
  { words: ['around'], kind: 'approx' },
  { words: ['approximately'], kind: 'approx' },
  { words: ['roughly'], kind: 'approx' },
  { words: ['some'], kind: 'approx' },
  { words: ['an', 'estimated'], kind: 'approx' },
];

/** Modifiers after a number ("12 or more", "20 or so"). */
export const SUFFIXES: { words: string[]; kind: ModifierKind }[] = [
  { words: ['or', 'more'], kind: 'min' },
  { words: ['or', 'fewer'], kind: 'max' },
  { words: ['or', 'less'], kind: 'max' },
  { words: ['or', 'so'], kind: 'approx' },
];

/** Words joining the two figures of an explicit range: "two or three", "10 to 15", "10 - 15". */
export const RANGE_JOINERS: readonly string[] = ['or', 'to', '-', '–'];

/** A word that halves the amount after it: "half a dozen" (6). */
export const HALF = 'half';
