/**
 * The date of one incident mention, chosen among the date mentions of its sentences.
 *
 * A report dates many things besides the incident: when police spoke ("police said Tuesday"),
 * when a suspect was arrested or charged, when a court sat, when the victim died, when the page
 * was posted. Each date mention gets a role from the words around it (lexicon
 * src/nlp/lexicon/date-context.ts):
 * - `event`: told with the violence ("was shot Saturday", "the Sept. 28 shooting", "it happened
 *   about 10 p.m. Friday", "Two weeks after militants shot ..." for the incident in that clause);
 * - `neutral`: nothing around it says what it dates;
 * - `death`: when a victim died ("died Sunday"), which can be days after the attack;
 * - `report`: when something was said or done after the incident ("said Tuesday", "was
 *   arrested Thursday", "charged with murder Thursday").
 * The report's own date (a dateline, a page stamp) is never an incident's date. The chosen
 * mention is the best by role, precision and place (see `better`).
 */
import type { IncidentMention } from '../model/index.js';
import type { DateMention, DatePrecision } from '../nlp/dates.js';
import type { Word } from '../nlp/words.js';
import {
  CALLED_TO, CLAUSE_BREAKS, DEATH_WORDS, EVENT_WORDS, OBJECT_LINKS, PASSIVE_AUX, PASSIVE_EVENT_WORDS, REPORT_WORDS, SPEECH_WORDS,
} from '../nlp/lexicon/date-context.js';

export type DateRole = 'event' | 'neutral' | 'death' | 'report';

/** Event and neutral dates compete on precision first; a death's date and a report's date come after them. */
const ROLE_TIER: Record<DateRole, number> = { event: 2, neutral: 2, death: 1, report: 0 };
const PRECISION_RANK: Record<DatePrecision, number> = { day: 0, week: 1, month: 2, year: 3 };
/** How many words before a date, and after it, are read for its role (within its clause). */
const BACK_WINDOW = 12;
const FORWARD_WINDOW = 6;

/** What a report's dates are read with: its words, the words of violence, its date mentions. */
export interface DateContext {
  words: Word[];
  /** word index ranges [first, end) of each sentence */
  ranges: Array<[number, number]>;
  /** indices of words that trigger an incident (arrests excluded: they follow one) */
  eventWords: ReadonlySet<number>;
  dates: DateMention[];
}

/** Index of the first word that ends after `offset`. */
function wordAt(w: Word[], offset: number): number {
  let lo = 0, hi = w.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (w[mid].end <= offset) lo = mid + 1; else hi = mid;
  }
  return lo;
}

interface Candidate { d: DateMention; role: DateRole; trig: boolean }

/**
 * Is `a` the better date of the incident than `b`: a better tier (told with the incident or
 * with nothing, before a death, before a report), then the more precise ("Sunday morning" over
 * "a weekend shooting"), then told with the incident rather than with nothing, then in a
 * sentence with the incident's trigger. Ties keep the first told.
 */
function better(a: Candidate, b: Candidate): boolean {
  if (ROLE_TIER[a.role] !== ROLE_TIER[b.role]) return ROLE_TIER[a.role] > ROLE_TIER[b.role];
  if (a.d.precision !== b.d.precision) return PRECISION_RANK[a.d.precision] < PRECISION_RANK[b.d.precision];
  if (a.role !== b.role) return a.role === 'event';
  return a.trig && !b.trig;
}

/** The role of a date mention, from the words of its own clause. */
export function dateRole(ctx: DateContext, m: DateMention): DateRole {
  const w = ctx.words;
  const a = wordAt(w, m.start);
  if (a >= w.length) return 'neutral';
  const [lo, hi] = ctx.ranges[w[a].sentence];
  let b = a;
  while (b < hi && w[b].start < m.end) b++;
  const inDate = (i: number) => ctx.dates.some(d => d !== m && d.start <= w[i].start && w[i].start < d.end);

  const cue = (i: number): DateRole | null => {
    const x = w[i].lower;
    // a capitalised word inside a sentence is part of a name ("Longfellow Court", "Memorial Hospital")
    if (i > lo && /^\p{Lu}\p{Ll}/u.test(w[i].text)) return null;
    if (ctx.eventWords.has(i)) {
      // "charged with murder Thursday", "arrested in the shooting Sunday": the object of a procedural word
      for (let k = i - 1; k >= Math.max(lo, i - 4); k--) {
        if (REPORT_WORDS.has(w[k].lower)) return 'report';
        if (!OBJECT_LINKS.has(w[k].lower)) break;
      }
      return 'event';
    }
    if (PASSIVE_EVENT_WORDS.has(x)) {
      if ((i > lo && PASSIVE_AUX.has(w[i - 1].lower)) || (i + 1 < hi && CALLED_TO.has(w[i + 1].lower))) return 'event';
      return REPORT_WORDS.has(x) ? 'report' : null;
    }
    if (EVENT_WORDS.has(x)) return 'event';
    if (DEATH_WORDS.has(x)) return 'death';
    if (REPORT_WORDS.has(x)) return 'report';
    return null;
  };

  // "Saturday's shooting", "the Sept. 28 shooting", "a weekend shooting"
  let k = b;
  if (k < hi && /^['’]s$/.test(w[k].lower)) k++;
  if (k < hi && ctx.eventWords.has(k)) return 'event';
  // the role told by the words after it (past a comma right after it when `overComma`)
  const after = (overComma: boolean): DateRole | null => {
    let j = b;
    if (j < hi && w[j].lower === ',' && overComma) j++;
    for (; j < Math.min(hi, b + FORWARD_WINDOW); j++) {
      if (CLAUSE_BREAKS.has(w[j].lower) || inDate(j)) break;
      const r = cue(j);
      if (r) return r;
    }
    return null;
  };
  // the words before it in its clause: "was shot Saturday", "police said Tuesday"
  let i = a - 1;
  for (; i >= Math.max(lo, a - BACK_WINDOW); i--) {
    if (CLAUSE_BREAKS.has(w[i].lower) || inDate(i)) break;
    const r = cue(i);
    if (!r) continue;
    // "says around 2 p.m. on Sunday, deputies were dispatched": the date opens what is told
    if (r === 'report' && SPEECH_WORDS.has(w[i].lower) && b < hi && w[b].lower === ',' && after(true) === 'event') return 'event';
    return r;
  }
  // the words after it: "Police Monday identified ...", and past the comma of a date that opens
  // its clause ("On Friday, the prosecutor confirmed ..."; not "... early Saturday, police said")
  return after(a - i <= 2) ?? 'neutral';
}

/**
 * The incident's date among the date mentions in its sentences: `{start, end, precision, text}`,
 * or unknown (start null, end the publication date: it happened on or before it).
 */
export function incidentDate(ctx: DateContext, sentences: Array<{ i: number; start: number; end: number }>, triggerSentences: ReadonlySet<number>,
  triggerWords: number[], published: string | null): IncidentMention['date'] {
  const w = ctx.words;
  const triggerStarts = triggerWords.map(i => w[i].start);
  const cands: Candidate[] = [];
  for (const s of sentences) {
    for (const d of ctx.dates) {
      if (d.start < s.start || d.start >= s.end || d.stamp) continue;
      const trig = triggerSentences.has(s.i);
      if (d.clause) {
        // "Two weeks after militants shot a pharmacist, ...": the date of the incident in that clause only
        const clause = d.clause;
        if (triggerStarts.some(t => t >= clause.start && t < clause.end)) cands.push({ d, role: 'event', trig });
        continue;
      }
      cands.push({ d, role: dateRole(ctx, d), trig });
    }
  }
  if (!cands.length) return { start: null, end: published, precision: 'unknown', text: null };
  let best = cands[0];
  for (const c of cands.slice(1)) if (better(c, best)) best = c;
  return { start: best.d.from, end: best.d.to, precision: best.d.precision, text: best.d.text };
}
