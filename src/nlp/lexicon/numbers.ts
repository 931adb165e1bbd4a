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
 * Vague plural quantities → a [min, max] range (our convention, conservative:
 * "several" is at least 3, "dozens" at least 24, "hundreds" at least 200).
 */
export const VAGUE: Record<string, [number, number]> = {
  several: [3, 9], few: [2, 5], 'a few': [2, 5], some: [2, 9], multiple: [2, 9], many: [5, 99],
  numerous: [5, 99], dozens: [24, 99], scores: [40, 199], hundreds: [200, 999], thousands: [2000, 9999],
};

/** Modifiers before a number and what they do to the range. */
export const MODIFIERS: { words: string[]; kind: 'min' | 'max' | 'approx' | 'more' | 'less' }[] = [
  { words: ['at', 'least'], kind: 'min' },
  { words: ['no', 'fewer', 'than'], kind: 'min' },
  { words: ['no', 'less', 'than'], kind: 'min' },
  { words: ['more', 'than'], kind: 'more' },
  { words: ['over'], kind: 'more' },
  { words: ['upwards', 'of'], kind: 'more' },
  { words: ['up', 'to'], kind: 'max' },
  { words: ['at', 'most'], kind: 'max' },
  { words: ['fewer', 'than'], kind: 'less' },
  { words: ['less', 'than'], kind: 'less' },
  { words: ['nearly'], kind: 'max' },
  { words: ['almost'], kind: 'max' },
  { words: ['about'], kind: 'approx' },
  { words: ['around'], kind: 'approx' },
  { words: ['approximately'], kind: 'approx' },
  { words: ['roughly'], kind: 'approx' },
  { words: ['some'], kind: 'approx' },
  { words: ['an', 'estimated'], kind: 'approx' },
];
