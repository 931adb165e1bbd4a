/**
 * What an editor types in a "Correct…" box, turned into the value the review API takes:
 * counts as a number or {min, max} ("" or "none" for "nobody said"), dates as YYYY-MM-DD or
 * {start, end}, types with underscores, perpetrators as a list of names; places as text.
 * Anything that does not fit is sent as typed, and the server's 400 says what it expects.
 */
const RANGE = /^(\S+)\s*(?:[-–]|\bto\b)\s*(\S+)$/;

export function parseReviewValue(field: string, raw: string): unknown {
  const s = raw.trim();
  switch (field) {
    case 'killed':
    case 'injured': {
      if (s === '' || s === '–' || /^(none|null|unknown)$/i.test(s)) return null;
      if (/^\d+$/.test(s)) return Number(s);
      const r = RANGE.exec(s);
      if (r && /^\d+$/.test(r[1]) && /^\d+$/.test(r[2])) return { min: Number(r[1]), max: Number(r[2]) };
      return s;
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
