/**
 * A count range (`CountRange`) in words, the one way every reader of the case file states it:
 * "12", "10-15", "at least 12" (no upper bound stated), "about 20" (an approximate figure).
 * The text summary, the case sheet, field values and contradictions, ACLED notes and the
 * command line's tables all say a count this way, so none prints "null" for an open bound.
 */
import type { CountRange } from './schema.js';

type Count = Pick<CountRange, 'min' | 'max'> & { approximate?: boolean };

export function countText(c: Count): string {
  const about = c.approximate ? 'about ' : '';
  if (c.max === null) return `at least ${about}${c.min}`;
  return c.min === c.max ? `${about}${c.min}` : `${about}${c.min}-${c.max}`;
}

/**
 * Whether two counts can both be true: their ranges meet ("at least 12" and "15" do, "at least
 * 12" and "10" do not; "3-5" and "4" do). An open upper bound reaches every higher figure.
 */
export function countsOverlap(a: Pick<CountRange, 'min' | 'max'>, b: Pick<CountRange, 'min' | 'max'>): boolean {
  return (b.max === null || a.min <= b.max) && (a.max === null || b.min <= a.max);
}
