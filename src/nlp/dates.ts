/**
 * Date expressions resolved against the publication date with chrono-node: "yesterday",
 * "Tuesday night", "Jan. 7", "last month", "a few weeks ago". News reports speak of the past,
 * so an expression that chrono resolves after the publication date without an explicit year or
 * week is moved back (a weekday to the previous week, a month-day to the previous year).
 */
import * as chrono from 'chrono-node';

export type DatePrecision = 'day' | 'week' | 'month' | 'year';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** ISO YYYY-MM-DD bounds of the day(s) meant */
  from: string;
  to: string;
  precision: DatePrecision;
  /** true when the expression is relative to the reference date ("yesterday", "Tuesday") */
  relative: boolean;
}

const DAY = 86_400_000;

function iso(d: Date): string { return d.toISOString().slice(0, 10); }
function utc(y: number, m: number, d: number): Date { return new Date(Date.UTC(y, m - 1, d, 12)); }

export function parseIsoDate(s: string | null | undefined): Date | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) { const d = new Date(s); return isNaN(d.getTime()) ? null : utc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()); }
  return utc(+m[1], +m[2], +m[3]);
}

// Number phrases chrono can mistake for times or dates in casualty reports.
const NOT_A_DATE = /^(\d+|\d+s|\d+-year-old|one|two|three|four|five|six|seven|eight|nine|ten|now|second|may|march|sat|sun|mon)$/i;

/** Words without which chrono finds no date: a cheap test that spares it most sentences. */
const DATE_WORDS = /\b(yesterday|today|tonight|ago|last|this|earlier|weekend|week|month|year|morning|afternoon|evening|night|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d{1,2}\/\d{1,2}|\d{4})/i;

/**
 * All date mentions in `text`, resolved against `published` (ISO date) when given. With
 * `ranges` (e.g. sentence spans), only those parts of the text are read.
 */
export function findDates(text: string, published: string | null, ranges?: Array<{ start: number; end: number }>): DateMention[] {
  const ref = parseIsoDate(published);
  const refDate = ref ?? new Date(Date.UTC(2000, 0, 1, 12));
  const results: Array<{ r: chrono.ParsedResult; offset: number }> = [];
  const parts = ranges ?? [{ start: 0, end: text.length }];
  try {
    for (const part of parts) {
      const chunk = text.slice(part.start, part.end);
      if (!DATE_WORDS.test(chunk)) continue;
      for (const r of chrono.en.casual.parse(chunk, { instant: refDate, timezone: 0 }, { forwardDate: false })) results.push({ r, offset: part.start });
    }
  } catch {
    return [];
  }
  const out: DateMention[] = [];
  for (const { r, offset } of results) {
    const s = r.start;
    const t = r.text.trim();
    if (NOT_A_DATE.test(t)) continue;
    const has = (c: chrono.Component) => s.isCertain(c);
    const hasDay = has('day') || has('weekday');
    const relative = /\b(yesterday|today|tonight|ago|last|this|earlier|later)\b/i.test(t) || (has('weekday') && !has('month'));
    if (!hasDay && !has('month') && !has('year')) {
      // a bare time ("5 p.m.") says nothing of the day
      if (!/\b(yesterday|today|tonight|ago|last|week|month|year)\b/i.test(t)) continue;
    }
    if (!ref && relative) continue; // nothing to resolve against
    if (/\b(after|later|from now|next|coming|hence)\b/i.test(t)) continue; // relative to another event, or ahead
    let y = s.get('year') ?? refDate.getUTCFullYear();
    let m = s.get('month') ?? 1;
    let d = s.get('day') ?? 1;
    let date = utc(y, m, d);
    let precision: DatePrecision = hasDay || /\b(yesterday|today|tonight)\b/i.test(t) ? 'day' : has('month') ? 'month' : /\bweeks?\b/i.test(t) ? 'week' : has('month') || /\bmonths?\b/i.test(t) ? 'month' : 'year';
    if (ref && date.getTime() > ref.getTime() + DAY / 2) {
      if (has('weekday') && !has('day')) date = new Date(date.getTime() - 7 * DAY);
      else if (!has('year')) date = utc(y - 1, m, d);
      else continue; // reports speak of the past: a date after publication is not the incident's
    }
    y = date.getUTCFullYear(); m = date.getUTCMonth() + 1; d = date.getUTCDate();
    let from = iso(date), to = from;
    if (precision === 'month') { from = iso(utc(y, m, 1)); to = iso(new Date(utc(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1).getTime() - DAY)); }
    if (precision === 'year') { from = `${y}-01-01`; to = `${y}-12-31`; }
    const ago = /\b(weeks?|months?|years?)\s+ago\b/i.exec(t);
    if (ago) precision = ago[1].startsWith('week') ? 'week' : ago[1].startsWith('month') ? 'month' : 'year';
    if (ago && precision === 'week') { from = iso(new Date(date.getTime() - 10 * DAY)); to = iso(new Date(date.getTime() + 10 * DAY)); }
    else if (precision === 'week') { from = iso(new Date(date.getTime() - 3 * DAY)); to = iso(new Date(date.getTime() + 3 * DAY)); }
    const start = offset + r.index + (r.text.length - r.text.trimStart().length);
    out.push({ start, end: start + t.length, text: t, from, to, precision, relative });
  }
  return out;
}
