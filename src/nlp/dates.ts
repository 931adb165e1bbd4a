/**
 * Date expressions resolved against the publication date with chrono-node: "yesterday",
 * "Tuesday night", "Jan. 7", "last month", "a few weeks ago". News reports speak of the past,
 * so an expression that chrono resolves after the publication date without an explicit year or
 * week is moved back (a weekday to the previous week, a month-day to the previous year), and
 * no window reaches past the publication date.
 *
 * Each mention carries the interval of days it allows (`from`..`to`) and its precision:
 * "last week" is the previous calendar week, "the weekend" its Saturday and Sunday, "in May" the
 * month, "in 2019" the year. Beside chrono, this module reads bare years, parts of months and
 * holidays (lexicon/dates.ts), resolves "three days earlier" / "the day before" against the date
 * told just before, and "Two weeks after militants shot ..., there are new reports" as a date of
 * the clause it opens. A dateline ("BOGOTA, 9 JAN 90 (EFE) --") or a page stamp ("Posted:",
 * "Updated") is flagged as the report's own date (`stamp`).
 */
import * as chrono from 'chrono-node';
import {
  AMBIGUOUS_MONTHS, DAY_PARTS, FUTURE_LEAD, HOLIDAYS, MONTH_LEADS, MONTH_NAMES, NOT_A_DATE, PART_OF_MONTH, PRESENT_TENSE,
  STAMP_CUE, VAGUE_COUNTS, YEAR_PHRASE, type HolidayRule,
} from './lexicon/dates.js';
import { TENS, UNITS } from './lexicon/numbers.js';

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
  /** the report's own date (a dateline, a page stamp "Posted: ..."), not the date of anything it tells */
  stamp: boolean;
  /**
   * When the date holds only for the clause it opens ("Two weeks after militants shot a
   * pharmacist, ..."): that clause's span; null when it holds for its sentence.
   */
  clause: { start: number; end: number } | null;
}

const DAY = 86_400_000;

function iso(d: Date): string { return d.toISOString().slice(0, 10); }
function utc(y: number, m: number, d: number): Date { return new Date(Date.UTC(y, m - 1, d, 12)); }
function addDays(d: Date, n: number): Date { return new Date(d.getTime() + n * DAY); }
function lastOfMonth(y: number, m: number): Date { return addDays(utc(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1), -1); }

export function parseIsoDate(s: string | null | undefined): Date | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) { const d = new Date(s); return isNaN(d.getTime()) ? null : utc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()); }
  return utc(+m[1], +m[2], +m[3]);
}

/** Words without which no date is read: a cheap test that spares chrono most sentences. */
const DATE_WORDS = /\b(yesterday|today|tonight|ago|last|past|this|earlier|weekend|week|month|year|morning|afternoon|evening|night|hours|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|christmas|easter|thanksgiving|halloween|new year|valentine|memorial|labor day|mlk|martin luther|good friday|boxing day|\d{1,2}\/\d{1,2}|\d{4})/i;

const UNIT_DAYS: Record<string, number> = { hour: 1 / 24, day: 1, night: 1, morning: 1, evening: 1, week: 7, month: 30, year: 365 };
/** half-width in days of the window around a date counted in this unit ("two weeks after": ±3 days) */
const UNIT_SLACK: Record<string, number> = { hour: 0, day: 0, night: 0, morning: 0, evening: 0, week: 3, month: 15, year: 182 };
const UNIT_PRECISION: Record<string, DatePrecision> = { hour: 'day', day: 'day', night: 'day', morning: 'day', evening: 'day', week: 'week', month: 'month', year: 'year' };
const PRECISION_RANK: Record<DatePrecision, number> = { day: 0, week: 1, month: 2, year: 3 };

/** "two", "12", "a few", "several", "twenty-one" → a count; null when it is none. */
function countOf(s: string | undefined): number | null {
  if (!s) return 1;
  const w = s.toLowerCase().trim().replace(/\s+/g, ' ');
  if (/^\d+$/.test(w)) return +w;
  if (w in VAGUE_COUNTS) return VAGUE_COUNTS[w];
  if (w in UNITS) return UNITS[w] || null;
  const [t, u] = w.split('-');
  if (t in TENS && (!u || u in UNITS)) return TENS[t] + (u ? UNITS[u] : 0);
  return null;
}
const COUNT = String.raw`(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|few|several|a couple of|couple of|twenty(?:-\w+)?|thirty)`;

/** "three days earlier", "the day before", "Two weeks after", "a day later": counted from another date. */
const ANCHORED = new RegExp(String.raw`^(?:the\s+)?(?:${COUNT}\s+)?(hours?|days?|nights?|weeks?|months?|years?)\s+(earlier|before|prior|later|after)$`, 'i');
/** "the next day", "the following morning", "the previous night" */
const ANCHORED_NEXT = /^(?:the\s+)?(next|following|previous|preceding)\s+(day|morning|night|evening|afternoon|week|month)$/i;

interface Pending {
  start: number;
  end: number;
  from: Date;
  to: Date;
  precision: DatePrecision;
  relative: boolean;
  /** an explicit year is written */
  year: boolean;
  /** a holiday still to come: not a date of anything told, but its words are no other date either */
  ahead?: boolean;
  /** counted from another date: resolved once every mention is known */
  anchored?: { count: number; unit: string; sign: 1 | -1; clause: boolean };
}

/**
 * All date mentions in `text`, resolved against `published` (ISO date) when given. With
 * `ranges` (e.g. sentence spans), only those parts of the text are read.
 */
export function findDates(text: string, published: string | null, ranges?: Array<{ start: number; end: number }>): DateMention[] {
  const ref = parseIsoDate(published);
  const parts = ranges ?? [{ start: 0, end: text.length }];
  const found: Pending[] = [];
  for (const part of parts) {
    const chunk = text.slice(part.start, part.end);
    if (!DATE_WORDS.test(chunk)) continue;
    let results: chrono.ParsedResult[];
    try {
      results = chrono.en.casual.parse(chunk, { instant: ref ?? new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 }, { forwardDate: false });
    } catch {
      results = [];
    }
    for (const r of results) {
      const p = fromChrono(text, part.start + r.index, r, ref);
      if (p) found.push(p);
    }
    found.push(...holidays(chunk, part.start, ref), ...years(chunk, part.start, ref), ...partsOfMonths(chunk, part.start, ref));
  }
  // where two readings overlap ("Easter Sunday" and chrono's "Sunday"), the longer one stands
  found.sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
  const kept: Pending[] = [];
  for (const p of found) {
    const prev = kept[kept.length - 1];
    if (prev && p.start < prev.end) {
      if (p.end - p.start > prev.end - prev.start) kept[kept.length - 1] = p;
      continue;
    }
    kept.push(p);
  }

  // dates counted from other dates are resolved once those are known
  const out: DateMention[] = [];
  for (const pass of [false, true]) {
    for (const p of kept) {
      if (!!p.anchored !== pass || p.ahead) continue;
      let clause: DateMention['clause'] = null;
      let { from, to, precision } = p;
      if (p.anchored) {
        const resolved = resolveAnchored(text, p, out, ref, parts);
        if (!resolved) continue;
        ({ from, to, precision, clause } = resolved);
      }
      if (ref) {
        if (from.getTime() > ref.getTime() + DAY / 2) continue; // reports speak of the past
        if (to.getTime() > ref.getTime()) to = ref;
      }
      out.push({
        start: p.start, end: p.end, text: text.slice(p.start, p.end), from: iso(from), to: iso(to), precision, relative: p.relative,
        stamp: isStamp(text, p.start, p.end, p.year), clause,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whitespace, and punctuation chrono takes along ("on Sunday,"), off both ends of a span. */
function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /[\s([{"'“‘]/.test(text[start])) start++;
  while (end > start && /[\s,.;:)\]}"'”’!?-]/.test(text[end - 1])) {
    // keep the full stop of an abbreviation ("Jan.", "p.m.")
    if (text[end - 1] === '.' && /(\b[A-Za-z]{1,4}|\b[ap]\.m)\.$/i.test(text.slice(Math.max(start, end - 6), end)) && !/\b(ago|day|night|week|month|year|today|tonight|yesterday|morning|evening|afternoon)\.$/i.test(text.slice(start, end))) break;
    end--;
  }
  return [start, end];
}

function fromChrono(text: string, at: number, r: chrono.ParsedResult, ref: Date | null): Pending | null {
  let [start, end] = trimSpan(text, at, at + r.text.length);
  // a count chrono reads as an hour: "killed 12 on Sunday", "Smith, 20, on Monday"
  const lead = /^\d{1,3},?\s+(?=(?:on|at)\s|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)/i.exec(text.slice(start, end));
  if (lead) start += lead[0].length;
  const t = text.slice(start, end);
  if (!t || NOT_A_DATE.test(t)) return null;
  const lower = t.toLowerCase().replace(/\s+/g, ' ');
  const before = text.slice(Math.max(0, start - 30), start);
  const s = r.start;
  const has = (c: chrono.Component) => s.isCertain(c);
  // "may" and "march" are months only in "in May", "early March", "last May"
  if (AMBIGUOUS_MONTHS.has(lower)) {
    const prev = /([\p{L}-]+)\s+$/u.exec(before)?.[1]?.toLowerCase();
    if (!prev || !MONTH_LEADS.has(prev)) return null;
  }
  const unitWord = /\b(hours?|minutes?|days?|weeks?|months?|years?)$/.test(lower);
  // a duration ("for 4 hours", "for the past week") or a time ahead ("in a few hours")
  if (unitWord && (/^(for|in|within)\b/.test(lower) || /\bfor\s+(the\s+)?$/i.test(before))) return null;
  const base = { start, end, year: has('year') && /\b(19|20)?\d\d\b/.test(t) };

  const anchored = ANCHORED.exec(lower) ?? null;
  if (anchored) {
    const count = countOf(anchored[1]);
    if (count === null) return null;
    const unit = anchored[2].replace(/s$/, '');
    const sign = /earlier|before|prior/.test(anchored[3]) ? -1 : 1;
    // "Two weeks after militants shot ...": the clause after it is what is dated
    const clause = /^(after|before)$/.test(anchored[3]) && /^\s+[\p{L}\d]/u.test(text.slice(end, end + 3)) && !/^\s+(that|this|it)\b/i.test(text.slice(end, end + 6));
    return { ...base, from: new Date(0), to: new Date(0), precision: 'day', relative: true, anchored: { count, unit, sign, clause } };
  }
  const next = ANCHORED_NEXT.exec(lower);
  if (next) {
    const unit = /week|month/.test(next[2]) ? next[2] : 'day';
    return { ...base, from: new Date(0), to: new Date(0), precision: 'day', relative: true, anchored: { count: 1, unit, sign: /next|following/.test(next[1]) ? 1 : -1, clause: false } };
  }
  if (/\b(after|later|from now|next|coming|hence)\b/.test(lower)) return null; // relative to another event, or ahead in time
  if (!has('year') && FUTURE_LEAD.test(clauseLead(text, start))) return null; // "will be held Thursday"

  const hasDay = has('day') || has('weekday');
  const relative = /\b(yesterday|today|tonight|ago|last|past|this|earlier)\b/.test(lower) || (has('weekday') && !has('month')) || /\bweekend\b/.test(lower);
  if (!hasDay && !has('month') && !has('year')) {
    // a bare time ("5 p.m.") says nothing of the day
    if (!/\b(yesterday|today|tonight|ago|last|past|this|week|weekend|month|year|hours)\b/.test(lower)) return null;
  }
  if (!ref && relative) return null; // nothing to resolve against

  // windows a day cannot express
  if (ref) {
    const win = windowOf(lower, ref);
    if (win) return { ...base, ...win, relative: true };
  }

  let y = s.get('year') ?? (ref ?? utc(2000, 1, 1)).getUTCFullYear();
  let m = s.get('month') ?? 1;
  let d = s.get('day') ?? 1;
  let date = utc(y, m, d);
  const dayWords = /\b(yesterday|today|tonight|last night|this (morning|afternoon|evening)|ago)\b/.test(lower) && !/\b(weeks?|months?|years?) ago\b/.test(lower);
  let precision: DatePrecision = hasDay || dayWords ? 'day' : has('month') || /\bmonths?\b/.test(lower) ? 'month' : /\bweeks?\b/.test(lower) ? 'week' : 'year';
  if (ref && date.getTime() > ref.getTime() + DAY / 2) {
    if (has('weekday') && !has('day')) date = addDays(date, -7);
    else if (!has('year')) date = utc(y - 1, m, d);
    else return null; // reports speak of the past: a date after publication is not the incident's
  }
  y = date.getUTCFullYear(); m = date.getUTCMonth() + 1; d = date.getUTCDate();
  let from = date, to = date;
  const ago = /\b(?:(.+)\s+)?(weeks?|months?|years?)\s+ago\b/.exec(lower);
  if (ago) {
    precision = UNIT_PRECISION[ago[2].replace(/s$/, '')];
    if (precision === 'week') {
      // "two weeks ago": within a few days of it; "a few weeks ago", "weeks ago": wider
      const vague = !ago[1] || /\b(few|several|couple|some)\b/.test(ago[1]);
      const w = vague ? 10 : 3;
      from = addDays(date, -w); to = addDays(date, w);
    }
  }
  if (precision === 'month') { from = utc(y, m, 1); to = lastOfMonth(y, m); }
  if (precision === 'year') { from = utc(y, 1, 1); to = utc(y, 12, 31); }
  if (precision === 'week' && !ago) { from = addDays(date, -3); to = addDays(date, 3); }
  return { ...base, from, to, precision, relative };
}

/** The last few words of the clause before `start` (up to a punctuation mark or another date's digits). */
function clauseLead(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 60), start);
  const clause = before.slice(before.search(/[^,;:.!?\n(]*$/));
  return clause.split(/\s+/).slice(-6).join(' ');
}

/** Spans of days the words name rather than one day: weeks, weekends, "the past few days", "the last 24 hours". */
function windowOf(lower: string, ref: Date): { from: Date; to: Date; precision: DatePrecision } | null {
  const dow = ref.getUTCDay(); // 0 = Sunday
  const monday = addDays(ref, -((dow + 6) % 7));
  const span = (from: Date, to: Date) => {
    const days = Math.round((to.getTime() - from.getTime()) / DAY);
    return { from, to, precision: (days === 0 ? 'day' : days <= 7 ? 'week' : days <= 31 ? 'month' : 'year') as DatePrecision };
  };
  if (/\bweekend\b/.test(lower)) {
    // the last Saturday and Sunday up to publication; "last weekend" read on a weekend is the one before
    let sat = dow === 6 ? ref : dow === 0 ? addDays(ref, -1) : addDays(ref, -(dow + 1));
    if (/\b(last|past|previous)\b/.test(lower) && (dow === 6 || dow === 0)) sat = addDays(sat, -7);
    return { from: sat, to: addDays(sat, 1), precision: 'week' };
  }
  if (/^(last|previous) week\b/.test(lower) || /\blast week$/.test(lower)) return { from: addDays(monday, -7), to: addDays(monday, -1), precision: 'week' };
  if (/\bthis week$/.test(lower)) return { from: monday, to: ref, precision: 'week' };
  const past = new RegExp(String.raw`\b(?:past|last)\s+(?:${COUNT}\s+)?(hours?|days?|weeks?|months?|years?)$`).exec(lower);
  if (past) {
    const n = countOf(past[1]);
    if (n === null) return null;
    const unit = past[2].replace(/s$/, '');
    if (unit === 'month' && !past[1]) return null; // "last month" is the calendar month
    if (unit === 'year' && !past[1]) return null; // "last year" is the calendar year
    // "the past few hours" is the day of the report (as "a few hours ago" is); "the last 24 hours" reaches into the day before
    if (unit === 'hour') return span(addDays(ref, n <= 12 ? 0 : -Math.ceil(n / 24)), ref);
    return span(addDays(ref, -Math.round(n * UNIT_DAYS[unit])), ref);
  }
  return null;
}

/**
 * "three days earlier" counts from the date told just before it (same paragraph); "Two weeks
 * after militants shot ..., there are new reports" dates its clause from the main clause: a
 * date there, or the report's own time when the main clause is in the present tense.
 */
function resolveAnchored(text: string, p: Pending, known: DateMention[], ref: Date | null, parts: Array<{ start: number; end: number }>):
  { from: Date; to: Date; precision: DatePrecision; clause: DateMention['clause'] } | null {
  const a = p.anchored!;
  const part = parts.find(r => r.start <= p.start && p.end <= r.end) ?? { start: 0, end: text.length };
  let base: { from: Date; to: Date; precision: DatePrecision } | null = null;
  let clause: DateMention['clause'] = null;
  if (a.clause) {
    const rest = text.slice(p.end, part.end);
    const stop = /[,;:—–(]|\.(?:\s|$)|\n/.exec(rest);
    clause = { start: p.end + (rest.length - rest.trimStart().length), end: p.end + (stop ? stop.index : rest.length) };
    const sentenceEnd = clauseSentenceEnd(text, clause.end, part.end);
    const sentenceStart = Math.max(part.start, text.lastIndexOf('\n', p.start) + 1);
    // a date of the main clause: after the clause first ("..., there were new reports yesterday"), then before it
    const inSentence = known.filter(m => !m.stamp && !m.clause && m.start >= sentenceStart && m.end <= sentenceEnd && (m.end <= p.start || m.start >= clause!.end));
    const other = inSentence.find(m => m.start >= clause!.end) ?? inSentence.filter(m => m.end <= p.start).pop();
    if (other) base = { from: parseIsoDate(other.from)!, to: parseIsoDate(other.to)!, precision: other.precision };
    else if (ref) {
      const main = `${text.slice(sentenceStart, p.start)} ${text.slice(clause.end, sentenceEnd)}`.toLowerCase();
      if (main.split(/[^\p{L}]+/u).some(w => PRESENT_TENSE.has(w))) base = { from: ref, to: ref, precision: 'day' };
    }
  } else {
    const near = known.filter(m => !m.stamp && m.end <= p.start && p.start - m.end <= 400 && !/\n\s*\n/.test(text.slice(m.end, p.start))).pop();
    if (near) base = { from: parseIsoDate(near.from)!, to: parseIsoDate(near.to)!, precision: near.precision };
  }
  if (!base) return null;
  // "three days after" counts forward from its anchor; "Two weeks after <clause>, <main>" puts the clause before the main one
  const shift = (a.clause ? -a.sign : a.sign) * Math.round(a.count * UNIT_DAYS[a.unit]);
  const slack = a.count * UNIT_SLACK[a.unit] > 0 ? Math.max(UNIT_SLACK[a.unit], Math.round(a.count * UNIT_SLACK[a.unit] / 2)) : 0;
  const unitPrecision = UNIT_PRECISION[a.unit];
  const precision = PRECISION_RANK[unitPrecision] > PRECISION_RANK[base.precision] ? unitPrecision : base.precision;
  return { from: addDays(base.from, shift - slack), to: addDays(base.to, shift + slack), precision, clause };
}

function clauseSentenceEnd(text: string, from: number, limit: number): number {
  const m = /[.!?](\s|$)/.exec(text.slice(from, limit));
  return m ? from + m.index : limit;
}

/** The date of a holiday in year `y`. */
function holidayDate(rule: HolidayRule, y: number): Date {
  if ('easter' in rule) return addDays(easterSunday(y), rule.easter);
  if ('day' in rule) return utc(y, rule.month, rule.day);
  if (rule.nth > 0) {
    const first = utc(y, rule.month, 1);
    return addDays(first, (rule.weekday - first.getUTCDay() + 7) % 7 + 7 * (rule.nth - 1));
  }
  const last = lastOfMonth(y, rule.month);
  return addDays(last, -((last.getUTCDay() - rule.weekday + 7) % 7));
}

/** Western Easter Sunday (the anonymous Gregorian computus). */
function easterSunday(y: number): Date {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(y, month, day);
}

/** A holiday at most this many days after publication is the coming one. */
const HOLIDAY_AHEAD_DAYS = 30;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]?").replace(/ /g, '\\s+');
const HOLIDAY_PATTERNS = HOLIDAYS.map(h => ({
  rule: h.rule,
  re: new RegExp(String.raw`\b(?:${h.names.map(esc).join('|')}${h.bare ? `|(?<=\\bon\\s+)(?:${h.bare.map(esc).join('|')})|(?:${h.bare.map(esc).join('|')})(?=\\s+(?:${DAY_PARTS.join('|')})\\b)` : ''})(\s+weekend)?(?:,?\s+((?:19|20)\d\d))?(?![\p{L}'’])`, 'giu'),
}));

/** "New Year's Eve", "on Christmas", "Easter morning", "Thanksgiving Day 2016": the last such day up to publication. */
function holidays(chunk: string, offset: number, ref: Date | null): Pending[] {
  if (!/christmas|easter|thanksgiving|halloween|new year|valentine|memorial|labor|mlk|martin luther|good friday|boxing|of july/i.test(chunk)) return [];
  const out: Pending[] = [];
  for (const { rule, re } of HOLIDAY_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(chunk); m; m = re.exec(chunk)) {
      let date: Date;
      const weekend = !!m[1], year = m[2];
      if (year) date = holidayDate(rule, +year);
      else if (ref) {
        date = holidayDate(rule, ref.getUTCFullYear());
        // a holiday a few weeks ahead is the coming one ("ahead of Labor Day weekend"), not last year's
        if (date.getTime() > ref.getTime() + DAY / 2 && date.getTime() - ref.getTime() < HOLIDAY_AHEAD_DAYS * DAY) {
          // kept only to stand over chrono's reading of the same words ("Sunday" of "Easter Sunday"), then dropped
          out.push({ start: offset + m.index, end: offset + m.index + m[0].length, from: date, to: date, precision: 'day', relative: true, year: false, ahead: true });
          continue;
        }
        if (date.getTime() > ref.getTime() + DAY / 2) date = holidayDate(rule, ref.getUTCFullYear() - 1);
      } else continue;
      // "Memorial Day weekend": the long weekend the holiday closes (or opens, or falls in)
      const dow = date.getUTCDay();
      const [from, to] = !weekend ? [date, date] : dow === 1 ? [addDays(date, -2), date] : dow === 5 ? [date, addDays(date, 2)] : [addDays(date, -1), addDays(date, 1)];
      out.push({ start: offset + m.index, end: offset + m.index + m[0].length, from, to, precision: weekend ? 'week' : 'day', relative: !year, year: !!year });
    }
  }
  return out;
}

/** "in 2019", "during 2018", "in early 2019": the year. */
function years(chunk: string, offset: number, ref: Date | null): Pending[] {
  const out: Pending[] = [];
  YEAR_PHRASE.lastIndex = 0;
  for (let m = YEAR_PHRASE.exec(chunk); m; m = YEAR_PHRASE.exec(chunk)) {
    const y = +m[1];
    if (ref && y > ref.getUTCFullYear()) continue;
    // the span is the year and its part ("early 2019"), not the preposition
    const start = offset + m.index + /(?:(?:early|late|mid-?)\s*)?\d+$/i.exec(m[0])!.index;
    out.push({ start, end: offset + m.index + m[0].length, from: utc(y, 1, 1), to: utc(y, 12, 31), precision: 'year', relative: false, year: true });
  }
  return out;
}

/** "early May", "mid-March 2019", "late June": the month (the last such month up to publication without a year). */
function partsOfMonths(chunk: string, offset: number, ref: Date | null): Pending[] {
  const out: Pending[] = [];
  PART_OF_MONTH.lastIndex = 0;
  for (let m = PART_OF_MONTH.exec(chunk); m; m = PART_OF_MONTH.exec(chunk)) {
    const month = MONTH_NAMES.indexOf(m[1].toLowerCase()) + 1;
    let y: number;
    if (m[2]) y = +m[2];
    else if (ref) y = month > ref.getUTCMonth() + 1 ? ref.getUTCFullYear() - 1 : ref.getUTCFullYear();
    else continue;
    out.push({ start: offset + m.index, end: offset + m.index + m[0].length, from: utc(y, month, 1), to: lastOfMonth(y, month), precision: 'month', relative: !m[2], year: !!m[2] });
  }
  return out;
}

/** A place in capitals before a dateline's date: "SAN SALVADOR, ", "HENRY COUNTY, Ind. (", "MOSCOW (USSR), ". */
const DATELINE_BEFORE = /(?:^|\n|[.!?"”]\s+|\s)[A-Z][A-Z.'’ -]{2,40}(?:\s*\([A-Z .'’-]{2,30}\))?(?:,\s*[A-Z][A-Za-z.]{1,12})?\s*[,(]\s*$/;
/** What follows a dateline's date: an optional source in brackets, then a dash or a colon. */
const DATELINE_AFTER = /^\s*\)?\s*(?:\([^)\n]{1,60}\)\s*)?(?:--|—|–|-\s|:)/;

/** Is this the report's own date: a dateline, a page stamp, a dated heading? */
function isStamp(text: string, start: number, end: number, hasYear: boolean): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  const after = text.slice(end, end + 70);
  if (STAMP_CUE.test(before)) return true; // "Posted: ...", "(Published ...)", "UPDATE: (...)"
  if (DATELINE_BEFORE.test(before) && DATELINE_AFTER.test(after)) return true; // "BOGOTA, 9 JAN 90 (EFE) --"
  if (/^\s*$/.test(text.slice(0, start)) && /^\s*[:|–—-]/.test(after)) return true; // "Tue. 11 a.m.: Victim named"
  return hasYear && /\(\s*$/.test(before) && /^\s*\)/.test(after); // a full date alone in brackets: "(09/12/16)"
}
