/**
 * Attribution relations of one report, found by rules over the tagged tokens: who (source span)
 * said (cue span) what (content span). Patterns, per clause unit (wink sentences, re-joined
 * when a "sentence" starts in lower case):
 *
 *   SOURCE (aux/adv)* CUE [that|:|,] CONTENT          "Police said that ...", "He added: “...”"
 *   CONTENT, SOURCE CUE.    /  “CONTENT,” SOURCE CUE.   post-posed source
 *   CONTENT, CUE SOURCE.    /  “CONTENT,” CUE SOURCE.   inverted ("said Whit Ayres, ...")
 *   according to SOURCE, CONTENT  /  CONTENT, according to SOURCE
 *   CONTENT was (adv) CUE by SOURCE                     "was first reported by X"
 *   SOURCE CUE as follows. “CONTENT”                    the quote in the next unit
 *   X was cited by Y / Y, citing X                      citation relations (no claim)
 *
 * Direct quotes run across sentences; a quote right after "“...,” he said." continues the
 * same claim. Everything is linear in the number of tokens.
 */
import type { AnalysedDoc, Token } from '../nlp/analyse.js';
import type { QuoteKind, Span } from '../model/index.js';
import {
  CITED_BY_WORDS, CITING_PHRASES, CUE_NEEDS_COMPLEMENT, CUE_PARTICLES, CUE_PREFIX_WORDS, CUE_TAILS, CUE_VERBS, EVIDENCE_NOUNS, EVIDENCE_VERBS, OBJECT_COMPLEMENTS, PREDICATE,
  PARTICLE_CUE_VERBS, type CueKind,
} from './lexicon/cues.js';
import { findQuotes, type QuoteIndex, type QuoteRegion } from './claims-quotes.js';
import { kindOfWords } from './sources.js';

export interface RawClaim {
  /** source span in the text, null for attributions without a named source */
  source: Span | null;
  cue: Span;
  content: Span;
  quote: QuoteKind;
  cueKind: CueKind | 'according';
}

/** "A relies on B" found in the text itself: "B was cited by A", "A, citing B". */
export interface RawRelation {
  from: Span;
  to: Span;
  evidence: Span;
  /** B is named in a citing phrase inside A's clause ("A said, citing B"), not as a speaker */
  citing?: boolean;
}

export interface ClaimScan {
  claims: RawClaim[];
  relations: RawRelation[];
  quotes: QuoteIndex;
}

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you', 'who', 'which', 'this']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
const NP_PREPS = new Set(['of', 'for', 'at', 'from', 'with', 'in']);
const NP_PREPS_RIGHT = new Set(['of', 'for', 'at', 'from']);
const NAMING_WORDS = new Set(['known', 'called', 'named', 'dubbed', 'calling']);
const OBJECT_VERBS = new Set(['tell', 'ask', 'inform', 'warn', 'urge', 'remind', 'assure', 'promise', 'caution']);
/** Capitalised words that name a time, not a source ("Sunday, cited by AFP"). */
const CALENDAR_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january',
  'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'today', 'yesterday']);
const TEMPORAL = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'yesterday', 'today', 'tonight', 'earlier', 'later', 'recently', 'previously', 'again', 'then', 'now']);
/** Subjects that say nobody spoke: "No group", "No one", "Nobody", "None of the factions", "Neither side". */
const NEGATED_SUBJECT = /^(no|nobody|none|neither|no-one|noone|nothing)\b/i;
const END_PUNCT = new Set(['.', '!', '?', ';']);
const RELATIVE_OPENERS = new Set(['which', 'who', 'whose']);
/** A quote, a dash and a name closing the line: "“We were never asked.” ― Maria Lopez" (a testimonial, an epigraph). */
const PULL_QUOTE = /([“”"][^\n“”"]{2,}[”"])[ \t]*(―|—|–|--)[ \t]*(\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*){0,4})[ \t]*\.?[ \t]*$/gmu;
const LEADING_CONJ = new Set(['and', 'but', 'so', 'yet', 'or', 'as', 'because', 'while', 'although', 'though', 'if', 'when']);

const CONTINUE_ACROSS_PARAGRAPHS: boolean = true;

function isWordTok(t: Token): boolean {
  return t.text.trim() !== '';
}

export function scanClaims(doc: AnalysedDoc): ClaimScan {
  const text = doc.text;
  const quotes = findQuotes(text);
  const T = doc.tokens.filter(isWordTok);
  const n = T.length;

  // clause units: wink sentences, joined when the next one starts in lower case on the same line
  const units: Array<[number, number]> = [];
  {
    let k = 0;
    while (k < n) {
      const s = T[k].sentence;
      let e = k;
      while (e < n && T[e].sentence === s) e++;
      const first = T[k];
      const prev = units[units.length - 1];
      if (prev && /^[a-z]/.test(first.text) && !/\n/.test(text.slice(T[prev[1] - 1].end, first.start))) prev[1] = e;
      else units.push([k, e]);
      k = e;
    }
  }
  const unitOf = new Int32Array(n);
  units.forEach(([a, b], u) => { for (let k = a; k < b; k++) unitOf[k] = u; });

  const sp = (a: number, b: number): Span => ({ start: a, end: b, text: text.slice(a, b) });
  const isOpenQ = (k: number) => k >= 0 && k < n && quotes.openingAt(T[k].start) !== null;
  const isCloseQ = (k: number) => k >= 0 && k < n && quotes.closingAt(T[k].end) !== null;
  const low = (k: number) => (k >= 0 && k < n ? T[k].lower : '');
  const pos = (k: number) => (k >= 0 && k < n ? T[k].pos : '');

  /** Last token of the unit's content: before final . ! ? ; unless inside a closing quote. */
  function unitContentEnd(a: number, b: number): number {
    let e = b - 1;
    while (e > a && (END_PUNCT.has(T[e].text) || T[e].text === ':' || T[e].text === ',') && !isCloseQ(e)) e--;
    return e;
  }

  // ---------- noun phrases ----------
  function npTokenLeft(k: number): boolean {
    const t = T[k];
    if (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'NUM') return true;
    if (t.pos === 'PART' && (t.lower === "'s" || t.lower === '’s')) return true;
    if (t.text === '’' || t.text === "'" || t.text === '-' || t.text === '&' || t.text === '.' || t.text === '/') return true;
    if (t.pos === 'PRON' && POSSESSIVES.has(t.lower)) return true;
    if (/^[A-Z]/.test(t.text) && t.pos !== 'PRON' && t.pos !== 'PUNCT' && t.pos !== 'DET' && t.pos !== 'ADP' && t.pos !== 'CCONJ' && t.pos !== 'SCONJ' && t.pos !== 'AUX') return true;
    return hyphenPart(k);
  }

  /** The second part of a compound written solid with a hyphen: "UK-based", "state-run", "Iran-backed". */
  function hyphenPart(k: number): boolean {
    return k >= 2 && T[k - 1].text === '-' && T[k - 1].start === T[k - 2].end && T[k].start === T[k - 1].end;
  }

  /**
   * Whether tokens a..b can name a source: a name (capitalised, not a day or month) or words of
   * a source kind ("the ministry", "local sources"); not "the toll" or "Sunday".
   */
  function sourceLike(a: number, b: number): boolean {
    const phrase = text.slice(T[a].start, T[b].end);
    if (kindOfWords(phrase)) return true;
    for (let k = a; k <= b; k++) {
      const t = T[k];
      if (/^\p{Lu}/u.test(t.text) && t.pos !== 'DET' && !(k === a && t.pos === 'PRON') && !CALENDAR_WORDS.has(t.lower)) return true;
      if (t.pos === 'PRON' && k === b && SUBJECT_PRONOUNS.has(t.lower)) return true;
    }
    return false;
  }

  /**
   * A head noun the tagger read as a verb ("the UK-based monitor said", "the monitor"): a bare
   * verb form right after a determiner or a hyphenated compound, with a verb right after it.
   */
  function nounReadAsVerb(k: number, floor: number): boolean {
    const t = T[k];
    if (t.pos !== 'VERB' || /(?:ed|ing)$/.test(t.lower)) return false;
    // a word of a source kind: "according to police", "the monitor"
    if (kindOfWords(t.lower) !== null) return true;
    if (k - 1 < floor) return false;
    const p = T[k - 1];
    const afterModifier = p.pos === 'DET' || (p.pos === 'PRON' && POSSESSIVES.has(p.lower)) || hyphenPart(k - 1);
    const next = k + 1 < n ? T[k + 1] : null;
    return afterModifier && (!next || next.pos === 'VERB' || next.pos === 'AUX' || next.text === ',' || END_PUNCT.has(next.text));
  }

  /** Start of a simple noun phrase ending at token e (inclusive), or -1. */
  function npLeft(e: number, floor: number): number {
    if (e < floor) return -1;
    const last = T[e];
    if (last.pos === 'PRON') return SUBJECT_PRONOUNS.has(last.lower) ? e : -1;
    let k = e;
    if (last.text === ')') {
      let j = e - 1;
      while (j > floor && j > e - 10 && T[j].text !== '(') j--;
      if (T[j]?.text !== '(' || j <= floor) return -1;
      k = j;
      if (!npTokenLeft(k - 1)) return -1;
      k = k - 1;
    } else if (!(last.pos === 'NOUN' || last.pos === 'PROPN' || last.pos === 'NUM' || (/^[A-Z]/.test(last.text) && last.pos !== 'PUNCT') || nounReadAsVerb(e, floor))) return -1;
    let steps = 0;
    while (k - 1 >= floor && steps < 25) {
      steps++;
      const p = k - 1;
      const t = T[p];
      if (t.pos === 'DET' || (t.pos === 'PRON' && POSSESSIVES.has(t.lower))) {
        // a determiner starts the phrase unless an "of" precedes it ("the leader of the group")
        if (NP_PREPS.has(low(p - 1)) && p - 2 >= floor && npTokenLeft(p - 2)) { k = p - 1; continue; }
        k = p; break;
      }
      if (t.text === ')') {
        let j = p - 1;
        while (j > floor && j > p - 10 && T[j].text !== '(') j--;
        if (T[j]?.text === '(' && j > floor) { k = j; continue; }
        break;
      }
      if (NP_PREPS.has(t.lower) && p - 1 >= floor && (pos(p - 1) === 'NOUN' || pos(p - 1) === 'PROPN')) { k = p; continue; }
      if (t.lower === 'and' && p - 1 >= floor && (pos(p - 1) === 'ADJ' || pos(p - 1) === 'PROPN') && (pos(k) === 'ADJ' || pos(k) === 'PROPN')) { k = p; continue; }
      // coordinated sources: "Residents and activists said", "Police and hospital officials said"
      if ((t.lower === 'and' || t.lower === 'or') && p - 1 >= floor && (pos(p - 1) === 'NOUN' || pos(p - 1) === 'PROPN') && sourceLike(k, e)) {
        const a2 = npLeft(p - 1, floor);
        if (a2 >= 0 && a2 < p && sourceLike(a2, p - 1)) { k = a2; break; }
      }
      if (npTokenLeft(p)) { k = p; continue; }
      break;
    }
    // trim leading prepositions and punctuation
    while (k < e && (T[k].pos === 'ADP' || T[k].pos === 'PUNCT' || T[k].pos === 'CCONJ')) k++;
    return k;
  }

  /** Source phrase ending right before the cue: plain NP, or "NAME, APPOSITIVE," */
  function subjectLeft(e: number, floor: number): { a: number; b: number } | null {
    if (e < floor) return null;
    if (T[e].text === ',') {
      // NAME, appositive,  → span includes the trailing comma
      let c = e - 1;
      while (c > floor && c > e - 25 && T[c].text !== ',' && !isCloseQ(c) && !END_PUNCT.has(T[c].text)) c--;
      if (c <= floor || T[c].text !== ',') return null;
      const segStart = c + 1;
      if (segStart >= e) return null;
      const head = npLeft(c - 1, floor);
      if (head < 0) return null;
      if (low(segStart) === 'who' || low(segStart) === 'which') return { a: head, b: e };
      // a chain of appositives: "Donna Rawlings, 59, of Ashton, Md., said"
      const chain = appositiveChain(c, floor);
      if (chain >= 0) return { a: chain, b: e };
      const segNp = npLeft(e - 1, segStart);
      const st = T[segStart];
      const npStart = st.pos === 'DET' || st.pos === 'ADJ' || st.pos === 'NOUN' || st.pos === 'PROPN' || st.pos === 'NUM' || (st.pos === 'PRON' && POSSESSIVES.has(st.lower));
      if (segNp !== segStart && !(npStart && (T[c - 1].pos === 'PROPN' || /^[A-Z]/.test(T[c - 1].text)))) return null;
      return { a: head, b: e };
    }
    const a = npLeft(e, floor);
    if (a < 0) return null;
    return { a, b: e };
  }

  /**
   * The head of "NAME, A1, A2, ..., " where c is the comma before the last appositive: a name
   * opening the clause, commas between, at most 40 tokens; -1 when there is none.
   */
  function appositiveChain(c: number, floor: number): number {
    for (let k = c - 1; k > floor && k > c - 40; k--) {
      const x = T[k];
      if (END_PUNCT.has(x.text) || isCloseQ(k) || isOpenQ(k) || x.pos === 'VERB' && !/(?:ed|ing)$/.test(x.lower) && low(k - 1) !== 'who') return -1;
      if (x.text !== ',') continue;
      const a = npLeft(k - 1, floor);
      if (a < 0 || !(T[k - 1].pos === 'PROPN' || /^[A-Z]/.test(T[k - 1].text))) continue;
      if (a === floor || T[a - 1].text === ',' || LEADING_CONJ.has(low(a - 1))) return a;
    }
    return -1;
  }

  /** Noun phrase starting at token s; with naming ("known as X") and parentheses. */
  function npRight(s: number, limit: number): number {
    if (s >= limit) return -1;
    const f = T[s];
    if (f.pos === 'PRON') return SUBJECT_PRONOUNS.has(f.lower) || f.lower === 'him' || f.lower === 'her' || f.lower === 'them' ? s : -1;
    const fNoun = nounReadAsVerb(s, s);
    if (!(f.pos === 'DET' || f.pos === 'PROPN' || f.pos === 'NOUN' || f.pos === 'ADJ' || f.pos === 'NUM' || fNoun || /^[A-Z]/.test(f.text)) || isOpenQ(s)) return -1;
    let k = s;
    let hasHead = f.pos === 'PROPN' || f.pos === 'NOUN' || fNoun || /^[A-Z]/.test(f.text);
    while (k + 1 < limit) {
      const q = k + 1;
      const t = T[q];
      // hyphenated compounds written solid: "Raqqa-based", "state-run"
      if (t.text === '-' && t.start === T[k].end && q + 1 < limit && T[q + 1].start === t.end) { k = q + 1; continue; }
      // "according to the SOHR four civilians were killed": a count with its noun after the
      // head starts the content ("Route 66", "Channel 4 News" go on: no common noun follows)
      if (t.pos === 'NUM' && hasHead && q + 1 < limit && pos(q + 1) === 'NOUN' && /s$/.test(T[q + 1].lower)) break;
      if (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'NUM' || (t.pos === 'PART' && /^['’]s$/.test(t.lower))
        || t.text === '-' || t.text === '’' || t.text === '&' || t.text === '/' || (t.text === '.' && /^[A-Z]/.test(T[k].text) && T[k].text.length <= 3 && q + 1 < limit && !END_PUNCT.has(T[q + 1].text) && unitOf[q + 1] === unitOf[q])
        || (/^[A-Z]/.test(t.text) && t.pos !== 'PUNCT' && !isOpenQ(q))) {
        if (t.pos === 'PROPN' || t.pos === 'NOUN' || /^[A-Z]/.test(t.text)) hasHead = true;
        k = q; continue;
      }
      if (t.pos === 'DET' && NP_PREPS_RIGHT.has(T[k].lower)) { k = q; continue; }
      // participles as modifiers: "trusted sources", "armed men"
      if (t.pos === 'VERB' && /ed$/.test(t.lower) && q + 1 < limit && pos(q + 1) === 'NOUN') { k = q; continue; }
      if (nounReadAsVerb(q, s)) { hasHead = true; k = q; continue; }
      // "local and other reliable sources"
      if ((t.lower === 'and' || t.lower === 'or') && T[k].pos === 'ADJ' && q + 1 < limit && (pos(q + 1) === 'ADJ' || pos(q + 1) === 'NOUN')) { k = q; continue; }
      // coordinated sources: "were told by eyewitnesses and relatives that", "according to police and witnesses,"
      // (not a new clause: "according to police and the man was ...")
      if ((t.lower === 'and' || t.lower === 'or') && (T[k].pos === 'NOUN' || T[k].pos === 'PROPN' || nounReadAsVerb(k, s)) && q + 1 < limit && sourceLike(s, k)) {
        const e2 = npRight(q + 1, limit);
        if (e2 > q && sourceLike(q + 1, e2) && !(e2 + 1 < limit && (T[e2 + 1].pos === 'VERB' || T[e2 + 1].pos === 'AUX'))) { k = e2; continue; }
      }
      if (NP_PREPS_RIGHT.has(t.lower) && q + 1 < limit && (pos(q + 1) === 'DET' || pos(q + 1) === 'PROPN' || pos(q + 1) === 'NOUN' || /^[A-Z]/.test(T[q + 1].text))) { k = q; continue; }
      if (t.text === '(') {
        let j = q + 1;
        while (j < limit && j < q + 10 && T[j].text !== ')') j++;
        if (j < limit && T[j].text === ')') { k = j; continue; }
        break;
      }
      if (NAMING_WORDS.has(t.lower) && hasHead) {
        let j = q + 1;
        if (low(j) === 'as') j++;
        if (j < limit && /^[A-Z]/.test(T[j].text)) {
          k = j;
          while (k + 1 < limit) {
            const u = T[k + 1];
            if (/^[A-Z]/.test(u.text) || u.text === '-' || u.text === '’' || u.text === "'") { k++; continue; }
            if (/^[a-z]+$/.test(u.text) && u.text.length <= 4 && k + 2 < limit && /^[A-Z]/.test(T[k + 2].text)) { k++; continue; }
            if (u.text === '(') {
              let j2 = k + 2;
              while (j2 < limit && j2 < k + 10 && T[j2].text !== ')') j2++;
              if (j2 < limit && T[j2].text === ')') { k = j2; continue; }
            }
            break;
          }
          continue;
        }
      }
      break;
    }
    // do not end on a determiner, preposition or hyphen
    while (k > s && (T[k].pos === 'DET' || T[k].pos === 'ADP' || T[k].text === '-' || T[k].text === '.')) {
      if (T[k].text === '.' && /^[A-Z]/.test(T[k - 1].text) && T[k - 1].text.length <= 3) break;
      k--;
    }
    return hasHead ? k : -1;
  }

  // ---------- content ----------
  /** Content after the cue, starting at token j within unit [a, b). */
  function contentRight(j: number, u: number, verbLemma: string): { span: Span; quote: QuoteKind } | null {
    const [ua, ub] = units[u];
    if (j < ub && (T[j].text === ',' || T[j].text === ':')) j++;
    // the quote in the next unit: "... quoted as follows." / "He said:" + quote
    if (j >= ub || (j === ub - 1 && END_PUNCT.has(T[j].text))) {
      const nu = units[u + 1];
      if (!nu) return null;
      const r = quotes.openingAt(T[nu[0]].start);
      if (r) return { span: sp(r.start, r.end), quote: 'direct' };
      // "The Times reports:" + a quoted paragraph that runs on (its quote re-opened, never closed here)
      const gap = text.slice(T[ub - 1].end, T[nu[0]].start);
      if (!/\n/.test(gap) || !(T[nu[0]].text === '"' || T[nu[0]].text === '“')) return null;
      const nl = text.indexOf('\n', T[nu[0]].end);
      const end = (nl < 0 ? text.length : nl);
      const para = text.slice(T[nu[0]].start, end).trimEnd();
      return para.length > 1 ? { span: sp(T[nu[0]].start, T[nu[0]].start + para.length), quote: 'direct' } : null;
    }
    // skip the addressee: "told reporters that", "told CNN he"
    if (OBJECT_VERBS.has(verbLemma)) {
      let k = j, steps = 0;
      while (k < ub && steps < 6 && (T[k].pos === 'PROPN' || T[k].pos === 'NOUN' || T[k].pos === 'DET' || T[k].pos === 'ADJ' || (T[k].pos === 'PRON' && !SUBJECT_PRONOUNS.has(T[k].lower)) || T[k].lower === 'reporters')) { k++; steps++; }
      if (k > j && k < ub) j = k;
      if (j < ub && (T[j].text === ',' || T[j].text === ':')) j++;
    }
    // skip a time or place adjunct before "that", ":" or a quote
    if (j < ub && (T[j].pos === 'ADP' || TEMPORAL.has(T[j].lower))) {
      let k = j;
      while (k < ub && k < j + 10 && !(T[k].lower === 'that' || T[k].text === ':' || T[k].text === ',' || isOpenQ(k) || T[k].pos === 'VERB' || T[k].pos === 'AUX')) k++;
      if (k < ub && (T[k].lower === 'that' || T[k].text === ':' || T[k].text === ',' || isOpenQ(k))) {
        j = k;
        if (T[j].text === ',' || T[j].text === ':') j++;
      }
    }
    // "said on Tuesday, citing activists, that ...": the content starts after the citing phrase
    const phrase = citingByOpen.get(j) ?? citingByTrigger.get(j);
    if (phrase) {
      j = phrase.close >= 0 ? phrase.close + 1 : phrase.end + 1;
      if (j < ub && (T[j].text === ',' || T[j].text === ':')) j++;
    }
    if (j >= ub) return null;
    const startTok = j;
    if (isOpenQ(startTok)) {
      const r = quotes.openingAt(T[startTok].start)!;
      // a quote followed by more of the clause is a mixed quote
      let k = startTok;
      while (k < n && T[k].end < r.end) k++;
      const e = unitContentEnd(ua, ub);
      if (k < e && unitOf[k] === u && T[e].end > r.end && !(T[k + 1] && END_PUNCT.has(T[k + 1].text) && k + 2 >= ub)) {
        const end = cutContent(k, e);
        return end === r.end ? { span: sp(r.start, r.end), quote: 'direct' } : { span: sp(r.start, end), quote: 'mixed' };
      }
      return { span: sp(r.start, r.end), quote: 'direct' };
    }
    let e = unitContentEnd(ua, ub);
    // a cue inside a quote ("“I think it will pass,” he said"): the content ends with the quote
    const outerQ = quotes.containing(T[startTok].start, T[startTok].end);
    if (outerQ && outerQ.start < T[startTok].start && T[e].end > outerQ.end - 1) {
      while (e > startTok && (T[e].end > outerQ.end - 1 || T[e].start >= outerQ.end - 2 || T[e].text === ',' || END_PUNCT.has(T[e].text))) e--;
    }
    if (e < startTok) return null;
    let end = cutContent(startTok, e);
    // a quote opened inside the content that closes later
    const last = T[e];
    const inQ = quotes.containing(last.start, last.end);
    if (inQ && inQ.start >= T[startTok].start && inQ.end > end) end = inQ.end;
    const span = sp(T[startTok].start, end);
    return { span, quote: quoteKind(span) };
  }

  /** End offset of content from token s to e, cut before ", according to", ", adding ...". */
  function cutContent(s: number, e: number): number {
    for (let k = s + 1; k <= e; k++) {
      // a quote that ends with its comma: "“... successful,” adding that ..."
      if (k - 2 >= 0 && isCloseQ(k - 1) && T[k - 2].text === ',') {
        if (T[k].pos === 'VERB' && /ing$/.test(T[k].lower) && CUE_VERBS.has(T[k].lemma)) return T[k - 1].end;
      }
      if (T[k - 1].text === ',' || T[k - 1].text === ';' || T[k - 1].text === '—' || T[k - 1].text === '--') {
        if (T[k].lower === 'according' && low(k + 1) === 'to') return T[k - 2].end;
        if (T[k].pos === 'VERB' && /ing$/.test(T[k].lower) && CUE_VERBS.has(T[k].lemma)) return T[k - 2].end;
        // a relative clause closing a noun-phrase content is the writer's gloss: "questioned the
        // health of Donald Trump, who is 70" (in a reported clause it is the source's: "said the
        // man was shot by a neighbour, who fled")
        if (T[k - 1].text === ',' && RELATIVE_OPENERS.has(T[k].lower) && !quotes.containing(T[k].start, T[k].end) && !clauseResumes(k, e)
          && !hasVerb(s, k - 1)) return T[k - 2].end;
      }
    }
    return T[e].end;
  }

  /**
   * "called the strike a massacre", "described the attack as deliberate", "accused the army of
   * shelling", "called him “a liar”": an object and its complement follow the verb.
   */
  function objectComplement(lemma: string, cb: number, ub: number): boolean {
    const markers = OBJECT_COMPLEMENTS.get(lemma);
    if (!markers) return false;
    const e = npRight(cb, ub);
    if (e < 0) return false;
    const p = e + 1;
    if (p >= ub) return false;
    if (markers.includes(low(p))) return true;
    return markers.includes(PREDICATE)
      && (isOpenQ(p) || low(p) === 'a' || low(p) === 'an' || (pos(p) === 'ADJ' && (p + 1 >= ub || END_PUNCT.has(T[p + 1].text) || T[p + 1].text === ',')));
  }

  /** The words of a citing phrase before what it cites: "citing", "based on information from". */
  function citingTrigger(c: { trigger: number; npStart: number }): Span {
    let e = c.npStart - 1;
    while (e > c.trigger && POSSESSIVES.has(T[e].lower)) e--;
    return sp(T[c.trigger].start, T[e].end);
  }

  /** A subject that is a record or a piece of evidence: "Video of the incident", "Polling averages", "the transcript". */
  function evidenceSubject(a: number, b: number): boolean {
    for (let k = a; k <= b; k++) {
      if (EVIDENCE_NOUNS.has(T[k].lower) && (k === b || NP_PREPS.has(low(k + 1)) || T[k + 1].pos === 'PUNCT')) return true;
    }
    return false;
  }

  /** "..., adding that ...": a participle cue right after a comma continues the clause's speaker. */
  function isParticipleAfter(left: number, i: number): boolean {
    const comma = T[left].text === ',' || (isCloseQ(left) && T[left - 1]?.text === ',');
    return comma && T[i].pos === 'VERB' && /ing$/.test(T[i].lower);
  }

  /** Whether tokens a..b-1 hold a verb (a clause, not a noun phrase). */
  function hasVerb(a: number, b: number): boolean {
    for (let k = a; k < b; k++) if ((T[k].pos === 'VERB' && !/ing$/.test(T[k].lower)) || T[k].pos === 'AUX') return true;
    return false;
  }

  /** Whether the main clause goes on after a comma-enclosed phrase opened at k ("the car, which was stolen, exploded"). */
  function clauseResumes(k: number, e: number): boolean {
    for (let q = k + 1; q < e; q++) if (T[q].text === ',') return pos(q + 1) === 'VERB' || pos(q + 1) === 'AUX';
    return false;
  }

  function quoteKind(s: Span): QuoteKind {
    const r = quotes.containing(s.start, s.end);
    if (r && r.start === s.start && r.end === s.end) return 'direct';
    if (/["“”]|''/.test(s.text)) return 'mixed';
    return 'indirect';
  }

  /** Content before a separator token k (a comma, or a closing quote). */
  function contentLeft(k: number, u: number): { span: Span; quote: QuoteKind } | null {
    const [ua] = units[u];
    let e = k;
    if (T[e].text === ',' && !isCloseQ(e)) e--;
    if (e < ua && !isCloseQ(e)) return null;
    if (isCloseQ(e)) {
      const r = quotes.closingAt(T[e].end)!;
      const start = Math.min(r.start, T[ua].start);
      const span = sp(start, r.end);
      return { span, quote: start === r.start ? 'direct' : 'mixed' };
    }
    if (e < ua) return null;
    // not the speaker label that opens a transcript turn ("PENCE: Well, ..., you know, ...")
    let a = ua;
    while (a < e && used[a]) a++;
    if (a > ua && (T[a].text === ':' || T[a - 1].text === ':')) { if (T[a].text === ':') a++; } else a = ua;
    let start = T[a].start;
    const r = quotes.containing(T[a].start, T[a].end);
    if (r && r.start < start) start = r.start;
    const span = sp(start, T[e].end);
    return { span, quote: quoteKind(span) };
  }

  /** "“A,” he said. “B.”": the next unit is a bare quote continuing the same speaker. */
  function continuation(content: Span, u: number, cueEnd: number): Span {
    const nu = units[u + 1];
    if (!nu || content.end > cueEnd) return content;
    // the source and the cue close the unit
    if (T[unitContentEnd(units[u][0], units[u][1])].end > cueEnd) return content;
    const r = quotes.openingAt(T[nu[0]].start);
    if (!r || T[nu[1] - 1].end > r.end) return content;
    if (CONTINUE_ACROSS_PARAGRAPHS === false && /\n\s*\n/.test(text.slice(cueEnd, r.start))) return content;
    return sp(content.start, r.end);
  }

  /** The subject at the start of unit u, when a verb follows it ("On Twitter, Jeb Bush called ..."). */
  function unitSubject(u: number, before: number): Span | null {
    const [ua] = units[u];
    let a = ua;
    while (a < before && (LEADING_CONJ.has(T[a].lower) || T[a].pos === 'ADV' || T[a].text === ',')) a++;
    if (a < before && T[a].pos === 'ADP') {
      let k = a;
      while (k < before && k < a + 12 && T[k].text !== ',') k++;
      if (T[k]?.text === ',') a = k + 1;
    }
    const e = npRight(a, before);
    if (e < 0) return null;
    let v = e + 1;
    while (v < before && (T[v].pos === 'ADV' || T[v].pos === 'AUX')) v++;
    if (v >= before || T[v].pos !== 'VERB') return null;
    return sp(T[a].start, T[e].end);
  }

  const claims: RawClaim[] = [];
  const relations: RawRelation[] = [];
  const used = new Uint8Array(n);

  // headlines and line openings: "Police chief: two dead in attack"; transcript turns
  // ("WALLACE: ...", "Q: ..."), also when the paragraph re-opens a quote ("\"PENCE: ...")
  for (let u = 0; u < units.length; u++) {
    const [ua0, ub] = units[u];
    if (ua0 > 0 && !/\n/.test(text.slice(T[ua0 - 1].end, T[ua0].start))) continue;
    const ua = (T[ua0].text === '"' || T[ua0].text === '“') && !isOpenQ(ua0) ? ua0 + 1 : ua0;
    if (ua >= ub) continue;
    let k = ua;
    while (k < ub && k < ua + 7 && T[k].text !== ':' && (/^[A-Z]/.test(T[k].text) || T[k].text === '.' || T[k].text === '’' || T[k].text === "'s" || T[k].text === '’s' || T[k].text === '-')) k++;
    if (k === ua || k >= ub - 1 || T[k].text !== ':' || !/^[A-Z]/.test(T[ua].text)) continue;
    if (text.slice(T[k].end, T[k + 1].start).includes('\n')) continue;
    // a speaker label in capitals speaks to the end of the paragraph
    const label = text.slice(T[ua].start, T[k - 1].end);
    let e = unitContentEnd(ua, ub);
    if (/^[A-Z][A-Z .'’-]*$/.test(label)) {
      const nl = text.indexOf('\n', T[k].end);
      const lineEnd = nl < 0 ? text.length : nl;
      let q = k + 1;
      while (q + 1 < n && T[q + 1].end <= lineEnd) q++;
      while (q > k && (T[q].text === '.' || T[q].text === ',')) q--;
      e = Math.max(e, q);
    }
    if (e <= k) continue;
    const span = sp(T[k + 1].start, T[e].end);
    claims.push({ source: sp(T[ua].start, T[k - 1].end), cue: sp(T[k].start, T[k].end), content: span, quote: quoteKind(span), cueKind: 'speech' });
    for (let q = ua0; q <= k; q++) used[q] = 1;
  }

  // pull quotes and testimonials: "“...” ― Jane Doe" at the end of a line
  for (const m of text.matchAll(PULL_QUOTE)) {
    const q = m[1], dash = m[2], name = m[3].replace(/(\p{L}{2,})\.$/u, '$1');
    const qa = m.index!, da = qa + m[0].indexOf(dash, q.length), na = m[0].indexOf(name, da - qa + dash.length) + qa;
    const source = sp(na, na + name.length);
    claims.push({ source, cue: sp(da, da + dash.length), content: sp(qa, qa + q.length), quote: 'direct', cueKind: 'speech' });
    for (let k = 0; k < n; k++) if (T[k].start >= da && T[k].end <= source.end) used[k] = 1;
  }

  // citing phrases set off inside a clause ("X said, citing Y, that ..."): found first, so that
  // the cue, subject and content rules step over them; their citer is settled once the claims are known
  interface CitingPhrase {
    u: number;
    /** the comma (dash, parenthesis) that opens the phrase, or its first word */
    open: number;
    trigger: number;
    /** the cited source's noun phrase */
    npStart: number; npEnd: number;
    /** last word of the phrase ("citing activists in the town") and the comma closing it, or -1 */
    end: number; close: number;
    /** what is cited names no source: a reason ("citing security concerns"), a claim of the citer */
    reason: boolean;
  }
  const citing: CitingPhrase[] = [];
  const citingByClose = new Map<number, CitingPhrase>();
  const citingByOpen = new Map<number, CitingPhrase>();
  const citingByTrigger = new Map<number, CitingPhrase>();
  for (let u = 0; u < units.length; u++) {
    const [ua, ub] = units[u];
    for (let i = ua + 1; i < ub; i++) {
      const prev = T[i - 1];
      const setOff = prev.text === ',' || prev.text === '—' || prev.text === '--' || prev.text === '(' || prev.text === '–';
      // "X, cited by Y": Y cites X; "X said, cited by Y": Y cites X too
      if (setOff && CITED_BY_WORDS.has(T[i].lower) && low(i + 1) === 'by' && i - 2 >= ua) {
        const e = npRight(i + 2, ub);
        if (e < 0) continue;
        const postposed = T[i - 2].pos === 'VERB' && CUE_VERBS.has(T[i - 2].lemma) ? subjectLeft(i - 3, ua) : null;
        const left = postposed ?? subjectLeft(i - 2, ua) ?? (() => { const a = npLeft(i - 2, ua); return a < 0 ? null : { a, b: i - 2 }; })();
        const citer = sp(T[i + 2].start, T[e].end);
        if (left && sourceLike(left.a, left.b)) {
          relations.push({ from: citer, to: sp(T[left.a].start, T[left.b].end), evidence: sp(T[left.a].start, T[e].end) });
        } else {
          // "The toll rose to 30, cited by the state news agency" / "..., according to a new toll, cited by AFP":
          // no source before, the citer reports the clause
          let close = i - 1;
          if (left && left.a - 3 >= ua && low(left.a - 2) === 'according' && low(left.a - 1) === 'to' && T[left.a - 3].text === ',') {
            close = left.a - 3;
            for (let k = left.a - 2; k < i; k++) used[k] = 1;
          }
          const content = contentLeft(close, u);
          if (!content) continue;
          claims.push({ source: citer, cue: sp(T[i].start, T[i + 1].end), content: content.span, quote: content.quote, cueKind: 'report' });
        }
        for (let k = i; k <= e; k++) used[k] = 1;
        i = e;
        continue;
      }
      const afterCue = CUE_VERBS.has(prev.lemma) && prev.pos === 'VERB';
      if (!setOff && !afterCue) continue;
      const phrase = CITING_PHRASES.find(p => p.every((w, k) => low(i + k) === w));
      if (!phrase) continue;
      // "citing its own sources": the possessive is not part of the cited source's name
      const s = i + phrase.length + (POSSESSIVES.has(low(i + phrase.length)) ? 1 : 0);
      const e = npRight(s, ub);
      if (e < 0) continue;
      // the phrase runs to the comma that closes it: "citing activists in the town, that ..."; a
      // reason ("citing a threat to public health and safety") runs to the end of its clause
      const reason = !sourceLike(s, e);
      let end = e, close = -1;
      for (let k = e + 1; k < ub && (reason || k <= e + 9); k++) {
        const x = T[k];
        if (x.text === ',' || x.text === ')' || x.text === '—' || x.text === '–' || x.text === '--') { close = k; break; }
        if (END_PUNCT.has(x.text) || (!reason && (x.pos === 'VERB' || x.pos === 'AUX' || x.lower === 'that')) || isOpenQ(k)) break;
        end = k;
      }
      if (close < 0 && !reason) end = e;
      const c: CitingPhrase = { u, open: setOff ? i - 1 : i, trigger: i, npStart: s, npEnd: reason ? end : e, end, close, reason };
      citing.push(c);
      citingByOpen.set(c.open, c);
      citingByTrigger.set(c.trigger, c);
      if (c.close >= 0) citingByClose.set(c.close, c);
      for (let k = i; k <= end; k++) used[k] = 1;
      i = end;
    }
  }

  for (let u = 0; u < units.length; u++) {
    const [ua, ub] = units[u];
    for (let i = ua; i < ub; i++) {
      if (used[i]) continue;
      const t = T[i];
      // ----- according to X -----
      if (t.lower === 'according' && low(i + 1) === 'to') {
        const s = i + 2;
        const e = npRight(s, ub);
        if (e < 0) continue;
        const cue = sp(t.start, T[i + 1].end);
        const source = sp(T[s].start, T[e].end);
        let content: { span: Span; quote: QuoteKind } | null = null;
        let lead = ua;
        while (lead < i && LEADING_CONJ.has(T[lead].lower)) lead++;
        if (i > lead && T[i - 1].text === ',') content = contentLeft(i - 1, u);
        else if (i === lead || (i > ua && T[i - 1].text === ',')) {
          let j = e + 1;
          if (j < ub && T[j].text === ',') j++;
          content = contentRight(j, u, 'say');
        } else if (i > ua) {
          // "X is true according to Y" without a comma
          const span = sp(T[ua].start, T[i - 1].end);
          content = { span, quote: quoteKind(span) };
        }
        if (!content) continue;
        for (let k = i; k <= e; k++) used[k] = 1;
        claims.push({ source, cue, content: content.span, quote: content.quote, cueKind: 'according' });
        i = e;
        continue;
      }
      let lemma = t.lemma;
      if (t.pos === 'NOUN' && /s$/.test(t.lower) && CUE_VERBS.has(t.lower.slice(0, -1)) && i > ua
        && (T[i - 1].pos === 'PROPN' || T[i - 1].pos === 'PRON') && (low(i + 1) === 'that' || low(i + 1) === ':' || (i + 1 < ub && END_PUNCT.has(T[i + 1].text) && isCloseQ(i - 2)))) {
        lemma = t.lower.slice(0, -1);
      } else if (t.pos === 'NOUN' && CUE_VERBS.has(t.lower) && i > ua && /[^s]s$/.test(T[i - 1].lower) && (T[i - 1].pos === 'NOUN' || T[i - 1].pos === 'PROPN')
        && i + 1 < ub && ['DET', 'NUM', 'ADJ', 'PRON', 'PROPN', 'SCONJ'].includes(T[i + 1].pos)) {
        // a bare verb after a plural subject, tagged as a noun: "Hospital records show 12 dead", "Polls show a close race"
        lemma = t.lower;
      } else if (t.pos === 'ADJ' && /ed$/.test(t.lower) && low(i + 1) === 'by' && ['was', 'were', 'is', 'are', 'been'].includes(low(i - 1))) {
        // passive participles tagged as adjectives: "were informed by"
        lemma = CUE_VERBS.has(t.lower.slice(0, -2)) ? t.lower.slice(0, -2) : t.lower.slice(0, -1);
      } else if (t.pos !== 'VERB' && !(t.pos === 'AUX' && t.lemma === 'say')) continue;
      // a particle that joins the cue: "called for", "pointed to", "spoke out against"
      const particle = CUE_PARTICLES.get(lemma)?.find(p => p.every((w, q) => low(i + 1 + q) === w && unitOf[i + 1 + q] === u)) ?? null;
      const complemented = !particle && objectComplement(lemma, i + 1, ub);
      const kind = CUE_VERBS.get(lemma) ?? (particle ? PARTICLE_CUE_VERBS.get(lemma) : complemented ? 'stance' : undefined);
      if (!kind) continue;
      if (low(i - 1) === 'to' || low(i - 1) === 'and' && pos(i - 2) === 'VERB') continue;
      // cue span: auxiliaries and adverbs before, tails after
      let ca = i;
      while (ca - 1 >= ua && (CUE_PREFIX_WORDS.has(T[ca - 1].lower) || (T[ca - 1].pos === 'ADV' && /ly$/.test(T[ca - 1].lower) && ca - 1 > ua))) ca--;
      let passive = false;
      let cb = i + 1;
      if ((low(i - 1) === 'was' || low(i - 1) === 'were' || low(i - 1) === 'been' || low(i - 1) === 'is' || low(i - 1) === 'are') || (ca < i && ['was', 'were', 'been', 'is', 'are'].includes(low(ca - 1)))) {
        if (low(cb) === 'by') { passive = true; if (ca === i || !['was', 'were', 'been', 'is', 'are'].includes(low(ca))) { while (ca - 1 >= ua && ['was', 'were', 'been', 'is', 'are', 'has', 'have', 'had'].includes(low(ca - 1))) ca--; } cb++; }
        else continue; // "is said to", "was told": not an attribution by the subject
      }
      if (!passive && particle) cb += particle.length;
      else if (!passive) {
        for (const tail of CUE_TAILS) {
          let ok = true;
          for (let q = 0; q < tail.length; q++) if (low(cb + q) !== tail[q]) { ok = false; break; }
          if (ok) { cb += tail.length; break; }
        }
      }
      const cue = sp(T[ca].start, T[cb - 1].end);

      if (passive) {
        const s = cb;
        const e = npRight(s, ub);
        if (e < 0) continue;
        const source = sp(T[s].start, T[e].end);
        if (lemma === 'cite' || lemma === 'quote') {
          const subj = subjectLeft(ca - 1, ua);
          if (subj) relations.push({ from: source, to: sp(T[subj.a].start, T[subj.b].end), evidence: sp(T[subj.a].start, T[e].end) });
          for (let k = ca; k <= e; k++) used[k] = 1;
          i = e;
          continue;
        }
        let content: { span: Span; quote: QuoteKind } | null = null;
        if (low(e + 1) === 'that' || isOpenQ(e + 1) || T[e + 1]?.text === ':') content = contentRight(e + 1, u, 'say');
        else if (ca > ua) {
          let a = ua;
          while (a < ca && LEADING_CONJ.has(T[a].lower)) a++;
          if (a < ca) { const span = sp(T[a].start, T[ca - 1].end); content = { span, quote: quoteKind(span) }; }
        }
        if (!content) continue;
        for (let k = ca; k <= e; k++) used[k] = 1;
        claims.push({ source, cue, content: content.span, quote: content.quote, cueKind: kind });
        i = e;
        continue;
      }

      const needsComplement = CUE_NEEDS_COMPLEMENT.has(lemma);
      const after = T[cb];
      let quoteSoon = false;
      for (let k = cb; k < ub && k < cb + 7; k++) if (isOpenQ(k) || T[k].text === ':' || (lemma === 'ask' && (T[k].lower === 'whether' || T[k].lower === 'if'))) { quoteSoon = true; break; }
      // "reported Saturday that", "wrote on Monday that": a time between the verb and its clause
      let ta = cb;
      while (ta < ub && ta < cb + 4 && (CALENDAR_WORDS.has(T[ta].lower) || TEMPORAL.has(T[ta].lower) || ((T[ta].lower === 'on' || T[ta].lower === 'last' || T[ta].lower === 'this') && CALENDAR_WORDS.has(low(ta + 1))) || T[ta].lower === 'week' || T[ta].lower === 'night' || T[ta].lower === 'morning')) ta++;
      const complementFollows = !after || unitOf[cb] !== u || after.lower === 'that' || after.text === ':' || after.text === ',' || quoteSoon || (ta > cb && low(ta) === 'that')
        || (END_PUNCT.has(after.text) && cb + 1 >= ub) || (particle !== null && !END_PUNCT.has(after.text)) || complemented;
      // "The Observatory, citing activists, said ...": the subject is before the citing phrase
      const overCiting = citingByClose.get(ca - 1);
      const left = overCiting && overCiting.open > ua ? overCiting.open - 1 : ca - 1;
      let source: Span | null = null;
      let content: { span: Span; quote: QuoteKind } | null = null;
      let endTok = cb - 1;

      const subj = left >= ua ? subjectLeft(left, ua) : null;
      if (subj) {
        const before = subj.a - 1;
        const rest = unitContentEnd(ua, ub);
        // the words after the cue, less citing phrases already read ("..., the ministry said, cited by Reuters.")
        const tailToks: Token[] = [];
        for (let k = T[cb]?.text === ',' ? cb + 1 : cb; k <= rest; k++) if (!used[k] && !(T[k].text === ',' && (used[k + 1] || k === rest))) tailToks.push(T[k]);
        const nothingAfter = cb > rest || (tailToks.length < 8 && !isOpenQ(cb) && !(T[cb].text === ',' && isOpenQ(cb + 1))
          && !tailToks.some(x => x.lower === 'that' || x.pos === 'AUX' || (x.pos === 'VERB' && !/ing$/.test(x.lower)) || x.text === ':'))
          || (T[cb].text === ',' && T[cb + 1]?.pos === 'VERB' && /ing$/.test(T[cb + 1].lower));
        const relative = subj.a === subj.b && (T[subj.a].lower === 'which' || T[subj.a].lower === 'who');
        if (before >= ua && (T[before].text === ',' || isCloseQ(before)) && nothingAfter && !relative && low(cb - 1) !== 'follows') {
          content = contentLeft(before, u);
        } else if (before < ua && u > 0 && isCloseQ(ua - 1) && nothingAfter && !relative) {
          // “Are you hurt?” the officer said.  (the question mark closed the sentence)
          content = contentLeft(ua - 1, unitOf[ua - 1]);
        } else {
          if (needsComplement && !complementFollows && !(EVIDENCE_VERBS.has(lemma) && evidenceSubject(subj.a, subj.b) && cb < ub && !END_PUNCT.has(T[cb].text))) continue;
          let lead = ua;
          while (lead < subj.a && (LEADING_CONJ.has(T[lead].lower) || T[lead].text === ',')) lead++;
          content = contentRight(cb, u, lemma);
          // “A,” the envoy said, “B.”: one quote split by its speaker
          if (content?.quote === 'direct' && before >= ua) {
            const close = isCloseQ(before) ? before : T[before].text === ',' && isCloseQ(before - 1) ? before - 1 : -1;
            const r = close >= 0 ? quotes.closingAt(T[close].end) : null;
            if (r) content = { span: sp(r.start, content.span.end), quote: 'direct' };
          }
        }
        if (!content) continue;
        source = sp(T[subj.a].start, T[subj.b].end);
      } else if (left >= ua && (T[left].text === ',' || isCloseQ(left)) && !isParticipleAfter(left, i) || (left < ua && u > 0 && isCloseQ(ua - 1))) {
        // inverted: "..., said X" / "“...,” says X"
        const e = npRight(cb, ub);
        if (e < 0) continue;
        let se = e;
        const rest = unitContentEnd(ua, ub);
        // “A,” said the envoy (, a diplomat), “B.”: the quote goes on after the speaker
        let resumed: QuoteRegion | null = null;
        for (let k = e + 1; k + 1 <= rest && k < e + 25 && !resumed; k++) {
          if (T[k].text === ',' && isOpenQ(k + 1)) { resumed = quotes.openingAt(T[k + 1].start); se = k - 1; }
        }
        if (!resumed && (low(e + 1) === ',' || T[e + 1]?.text === ',')) {
          if (rest > e + 1 && rest - e < 25) se = rest;
        }
        source = sp(T[cb].start, T[se].end);
        endTok = se;
        content = left >= ua ? contentLeft(left, u) : contentLeft(ua - 1, unitOf[ua - 1]);
        if (!content) continue;
        if (resumed && content.quote === 'direct') content = { span: sp(content.span.start, resumed.end), quote: 'direct' };
      } else if (left >= ua && (T[left].lower === 'and' || isParticipleAfter(left, i)) && (!needsComplement || complementFollows)) {
        // "X rubbed his chin and said ...", "X posted a comment, saying ..."
        const prevClaim = claims.length ? claims[claims.length - 1] : null;
        const subj2 = T[left].lower !== 'and' && prevClaim && prevClaim.source && prevClaim.cue.start >= T[ua].start && prevClaim.cue.end <= T[left].start
          ? prevClaim.source : unitSubject(u, left);
        if (!subj2) continue;
        content = contentRight(cb, u, lemma);
        if (!content) continue;
        source = subj2;
      } else {
        continue;
      }
      if (content.quote === 'direct') {
        const cont = continuation(content.span, u, T[endTok].end);
        if (cont !== content.span) content = { span: cont, quote: 'direct' };
      }
      for (let k = ca; k <= endTok; k++) used[k] = 1;
      claims.push({ source, cue, content: content.span, quote: content.quote, cueKind: kind });
    }
  }
  // The citer of each citing phrase: the source of the claim it sits in ("X, citing Y, said" /
  // "X said, citing Y, that"), else the subject of its clause ("Reuters reported the toll, citing Y").
  for (const c of citing) {
    const [ua] = units[c.u];
    const opener = T[c.open];
    let from: Span | null = null;
    const appositive = claims.find(cl => cl.source && cl.source.end <= opener.start && cl.cue.start > opener.start && unitOf[c.open] === c.u
      && !/\S/.test(text.slice(cl.source.end, opener.start)));
    if (appositive) from = appositive.source;
    if (!from) {
      let best: RawClaim | null = null;
      for (const cl of claims) {
        if (!cl.source || cl.cue.end > opener.start || cl.cue.start < T[ua].start) continue;
        if (!best || cl.cue.end > best.cue.end) best = cl;
      }
      if (best) from = best.source;
    }
    if (!from && c.open > ua) {
      let lead = ua;
      while (lead < c.open && (LEADING_CONJ.has(T[lead].lower) || T[lead].text === ',')) lead++;
      const left = subjectLeft(c.open - 1, ua);
      const verbAfter = c.close >= 0 && (pos(c.close + 1) === 'VERB' || pos(c.close + 1) === 'AUX');
      if (left && left.a === lead && (verbAfter || c.close < 0)) from = sp(T[left.a].start, T[left.b].end);
      else from = unitSubject(c.u, c.open) ?? (left ? sp(T[left.a].start, T[left.b].end) : null);
    }
    if (!from) continue;
    const to = sp(T[c.npStart].start, T[c.npEnd].end);
    if (c.reason) {
      // "..., citing security concerns": the citer gives a reason, nobody is cited
      const trigger = citingTrigger(c);
      claims.push({ source: from, cue: trigger, content: to, quote: quoteKind(to), cueKind: 'speech' });
      continue;
    }
    const a = Math.min(from.start, T[c.trigger].start);
    relations.push({ from, to, evidence: sp(a, T[c.npEnd].end), citing: true });
  }

  // A headline "Name: ..." is that person speaking only if the report has them speak elsewhere
  // ("Trump: ..." then "Trump said"); "Ali Saqr Al-Qasem: ISIS Fighter Executes His Mother"
  // names the story's subject, not a speaker.
  const kept = claims.filter(c => {
    // "No group claimed responsibility", "Nobody said ...": a negated subject is nobody's claim
    if (c.source && NEGATED_SUBJECT.test(c.source.text)) return false;
    // "Having said that, ..." is a turn of phrase
    if (c.source && /^having$/i.test(c.source.text)) return false;
    if (c.cue.text !== ':' || !c.source) return true;
    const words = c.source.text.split(/\s+/).map(x => x.replace(/[’']s$/, '').toLowerCase()).filter(x => x.length > 2);
    const last = words[words.length - 1];
    // a transcript: the same label opens several turns, or labels in capitals take turns
    const capsLabel = (x: RawClaim) => x.cue.text === ':' && !!x.source && /^[A-Z][A-Z .'’-]*$/.test(x.source.text);
    if (claims.some(o => o !== c && o.cue.text === ':' && (o.source?.text === c.source!.text || (capsLabel(o) && capsLabel(c))))) return true;
    return !last || claims.some(o => o !== c && o.cue.text !== ':' && o.source && o.source.text.toLowerCase().includes(last));
  });
  return { claims: kept, relations, quotes };
}
