import type { LocationSummary, Range } from './types.js';

export const rangeText = (r: Range | null | undefined): string => (r ? (r.min === r.max ? String(r.min) : `${r.min}–${r.max}`) : '–');

export const dateText = (d: { start: string | null; end: string | null } | null | undefined): string =>
  !d || !d.start ? 'date unknown' : !d.end || d.end === d.start ? d.start : `${d.start} – ${d.end}`;

export const placeText = (l: LocationSummary | null | undefined): string =>
  !l ? 'place unknown' : [l.name, l.admin1, l.country].filter((x, i, a) => x && a.indexOf(x) === i).join(', ') || 'place unknown';

export const typeText = (t: string) => t.replace(/_/g, ' ');

/** Any stored value (number, string, {min,max}, list, object) as one line of text. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(valueText).join(', ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('min' in o && 'max' in o) return o.min === o.max ? String(o.min) : `${String(o.min)}–${String(o.max)}`;
    if ('value' in o && Object.keys(o).length <= 2) return valueText(o.value);
    if ('start' in o && 'end' in o) return o.start === o.end || !o.end ? valueText(o.start) : `${valueText(o.start)} – ${valueText(o.end)}`;
    if ('name' in o && ('admin1' in o || 'country' in o)) return placeText(o as unknown as LocationSummary);
    if ('name' in o && typeof o.name === 'string') return o.name;
    if ('group' in o && typeof o.group === 'string') return o.group;
    // the audit log keeps {field: value}: "killed: 3–4"
    const keys = Object.keys(o);
    if (keys.length === 1) return `${keys[0]}: ${valueText(o[keys[0]])}`;
    return JSON.stringify(v);
  }
  return String(v);
}
