/** Command-line helpers shared by the benches. */

/** The positive whole number given as the value of option `flag`, or an error naming it. */
export function positiveInt(value: string | undefined, flag: string): number {
  const v = Number(value);
  if (!Number.isFinite(v) || v < 1) throw new Error(`${flag} needs a positive number`);
  return Math.floor(v);
}
