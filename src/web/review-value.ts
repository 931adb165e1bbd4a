/**
 * What an editor types in a "Correct…" box, turned into the value the review API takes:
 * counts as a number or {min, max} ("" or "none" for "nobody said"; "12+", ">=12", "at least
 * 12" or "12 or more" for no upper bound, max null; "about 20" or "~20" marked approximate), dates
 * as YYYY-MM-DD or {start, end}, types with underscores, perpetrators as a list of names; places
 * as text. Anything that does not fit is sent as typed, and the server's 400 says what it expects.
 */
const RANGE = /^(\d+)\s*(?:[-–]|\bto\b)\s*(\d+)$/;
const AT_LEAST = /^(?:at\s+least|>=|≥|no\s+fewer\s+than)\s*(.+)$|^(.+?)\s*(?:\+|or\s+more)$/i;
const ABOUT = /^(?:about|around|approx\.?|approximately|some|~|c\.|ca\.)\s*(.+)$/i;

/** A count as typed, or null when the text is not one. */
function parseCount(s: string): { min: number; max: number | null; approximate?: true } | number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const open = AT_LEAST.exec(s);
  if (open) {
    const inner = parseCount((open[1] ?? open[2]).trim());
    if (typeof inner === 'number') return { min: inner, max: null };
    if (inner && inner.min === inner.max && inner.approximate) return { min: inner.min, max: null, approximate: true };
    return null;
  }
  const about = ABOUT.exec(s);
  if (about) {
    const inner = parseCount(about[1].trim());
    if (typeof inner === 'number') return { min: inner, max: inner, approximate: true };
    return inner && !inner.approximate ? { ...inner, approximate: true } : null;
  }
  const r = RANGE.exec(s);
  if (r && Number(r[1]) <= Number(r[2])) return { min: Number(r[1]), max: Number(r[2]) };
  return null;
}

export function parseReviewValue(field: string, raw: string): unknown {
  const s = raw.trim();
  switch (field) {
    case 'killed':
    case 'injured': {
      if (s === '' || s === '–' || /^(none|null|unknown)$/i.test(s)) return null;
      return parseCount(s) ?? s;
    }
    case 'date': {
      const r = /^(\d{4}-\d{2}-\d{2})\s*(?:–|-\s|to\b|\s-)\s*(\d{4}-\d{2}-\d{2})$/.exec(s);
      return r ? { start: r[1], end: r[2] } : s;
    }
    case 'type':
      return s.toLowerCase().replace(/[\s-]+/g, '_');
    case 'perpetrators':
      return s.split(/\s*[;,]\s*/).filter(Boolean);
    default:
      return s;
  }
}
