import type { LocationSummary, Range } from './types.js';

/**
 * A count as the app shows it, in the words the server's field values use: "4", "3–5",
 * "at least 12" (no upper bound stated: max null), "about 20" (an approximate figure).
 * An editor may type any of these back (review-value.ts).
 */
export const rangeText = (r: Range | null | undefined): string => {
  if (!r) return '–';
  const about = r.approximate ? 'about ' : '';
  if (r.max === null || r.max === undefined) return `at least ${about}${r.min}`;
  return r.min === r.max ? `${about}${r.min}` : `${about}${r.min}–${r.max}`;
};

export const dateText = (d: { start: string | null; end: string | null } | null | undefined): string =>
  !d || !d.start ? 'date unknown' : !d.end || d.end === d.start ? d.start : `${d.start} – ${d.end}`;

export const placeText = (l: LocationSummary | null | undefined): string =>
  !l ? 'place unknown' : [l.name, l.admin1, l.country].filter((x, i, a) => x && a.indexOf(x) === i).join(', ') || 'place unknown';

export const typeText = (t: string) => t.replace(/_/g, ' ');

const PERSON_KEYS = new Set(['name', 'group', 'text', 'age', 'gender', 'description']);

/**
 * Any stored or audited value as one line of text: counts "3–4" or "at least 12", dates "2021-03-09", places
 * "Aleppo, Aleppo Governorate, Syria", people by name; other objects (the audit log's
 * {field: value}, a merge's {mergedWith, name, result}) as "key: value; key: value", nested
 * objects in parentheses.
 */
export function valueText(v: unknown, nested = false): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map((x) => valueText(x, true)).join(', ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if ('min' in o && 'max' in o && typeof o.min === 'number') return rangeText(o as unknown as Range);
    if ('start' in o && 'end' in o) return o.start === o.end || !o.end ? valueText(o.start) : `${valueText(o.start)} – ${valueText(o.end)}`;
    if ('name' in o && ('admin1' in o || 'country' in o)) return placeText(o as unknown as LocationSummary);
    if (keys.every((k) => PERSON_KEYS.has(k)) && (typeof o.name === 'string' || typeof o.group === 'string')) return (o.name ?? o.group) as string;
    const text = keys.filter((k) => o[k] !== null && o[k] !== undefined).map((k) => `${k}: ${valueText(o[k], true)}`).join(nested ? ', ' : '; ');
    return nested && keys.length > 1 ? `(${text})` : text;
  }
  return String(v);
}
