/**
 * Incident mentions of one report: every violent incident it describes, the main one first.
 *
 * 1. Triggers ("shot", "executed", "airstrike") are found per sentence.
 * 2. Sentences are grouped, in reading order, into incident segments; a new segment starts at
 *    a trigger sentence that marks another incident ("In related news", "a few weeks ago"),
 *    names another kind of violence, or states another date or place.
 * 3. Each segment becomes an incident mention: type, method, date, place, casualties, victims,
 *    perpetrators, weapons, with the evidence spans and the claims that support it.
 * 4. Segments are ranked by prominence (title, amount of evidence, casualties).
 */
import type { IncidentMention, IncidentType, Location, Span } from '../model/index.js';
import type { AnalysedDoc } from '../nlp/analyse.js';
import { wordsOf, sentenceWordRanges, type Word } from '../nlp/words.js';
import { matchAt, phraseIndex, type PhraseIndex } from '../nlp/phrases.js';
import { findDates, type DateMention } from '../nlp/dates.js';
import { incidentDate, type DateContext } from './incident-date.js';
import { findPlaces, haversineKm, mainPlace, placeRole, refersToThePlace, type PlaceMention } from '../geo/index.js';
import type { Attribution } from './attribution.js';
import { incidentCounts } from './casualties.js';
import { ANAPHORIC_DETERMINERS, ANAPHORIC_TRIGGER_WORDS, METHODS, NEW_INCIDENT_MARKERS, PAST_INCIDENT_MARKERS, TRIGGERS, TYPE_FAMILY, WEAPONS, type Trigger } from './lexicon/incident-triggers.js';
import { findParticipants } from './participants.js';


interface TriggerHit { word: number; end: number; sentence: number; trigger: Trigger; span: Span }

interface Segment {
  sentences: number[];
  triggers: TriggerHit[];
  family: string;
  date: DateMention | null;
  place: PlaceMention | null;
  marker: boolean;
  /** an aside about an earlier incident: later sentences do not continue it */
  closed: boolean;
}

/** Regular inflections of a verb given as its base form (execute → executes, executed, executing). */
function inflections(base: string): string[] {
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const doubled = /[^aeiou][aeiou][pbtgd]$/.test(base) ? base + base.slice(-1) : base;
  return [...new Set([base, base + 's', base + 'es', stem + 'ed', stem + 'ing', doubled + 'ed', doubled + 'ing'])];
}

const byFirstWord = new Map<string, Trigger[]>();
for (const t of TRIGGERS) {
  for (const form of t.lemma ? inflections(t.words[0]) : [t.words[0]]) {
    const list = byFirstWord.get(form) ?? [];
    list.push(t);
    byFirstWord.set(form, list);
  }
}
for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);

function findTriggers(text: string, w: Word[]): TriggerHit[] {
  const hits: TriggerHit[] = [];
  for (let i = 0; i < w.length; i++) {
    const cands = byFirstWord.get(w[i].lower) ?? [];
    for (const t of cands) {
      let ok = true;
      for (let k = 1; k < t.words.length; k++) if (w[i + k]?.lower !== t.words[k] || w[i + k].sentence !== w[i].sentence) { ok = false; break; }
      if (!ok) continue;
      const end = i + t.words.length;
      hits.push({ word: i, end, sentence: w[i].sentence, trigger: t, span: { start: w[i].start, end: w[end - 1].end, text: text.slice(w[i].start, w[end - 1].end) } });
      i = end - 1;
      break;
    }
  }
  return hits;
}

const WEAPON_INDEX = phraseIndex(WEAPONS.map(words => ({ words, value: words.join(' ') })));
const METHOD_INDEX = phraseIndex(METHODS.map((m, rank) => ({ words: m.words, value: { method: m.method, rank } })));
const NEW_MARKER_INDEX = phraseIndex(NEW_INCIDENT_MARKERS.map(words => ({ words, value: true })));
const PAST_MARKER_INDEX = phraseIndex(PAST_INCIDENT_MARKERS.map(words => ({ words, value: true })));

function hasMarker(w: Word[], a: number, b: number, markers: PhraseIndex<boolean>): boolean {
  for (let i = a; i < b; i++) if (matchAt(w, i, b, markers)) return true;
  return false;
}

function kmBetween(a: PlaceMention, b: PlaceMention): number {
  if (a.lat == null || b.lat == null || a.lon == null || b.lon == null) return a.name === b.name ? 0 : Infinity;
  return haversineKm(a.lat, a.lon, b.lat, b.lon);
}

function daysBetween(a: DateMention, b: DateMention): number {
  return Math.abs(Date.parse(a.from) - Date.parse(b.from)) / 86_400_000;
}

function inside<T extends { start: number }>(xs: T[], start: number, end: number): T[] {
  return xs.filter(x => x.start >= start && x.start < end);
}

export function extractIncidents(doc: AnalysedDoc, attribution: Attribution): IncidentMention[] {
  const text = doc.text;
  const w = wordsOf(doc);
  const ranges = sentenceWordRanges(w, doc.sentences.length);
  const hits = findTriggers(text, w);
  if (!hits.length) return [];
  // Dates are read where incidents are told: sentences with a trigger, the ones next to them
  // and the lede (chrono is the costliest step; most sentences of a report never need it).
  const dateSentences = new Set<number>();
  for (let i = 0; i < Math.min(3, doc.sentences.length); i++) dateSentences.add(i);
  for (const h of hits) for (let d = -2; d <= 2; d++) if (h.sentence + d >= 0 && h.sentence + d < doc.sentences.length) dateSentences.add(h.sentence + d);
  const dates = findDates(text, doc.published, [...dateSentences].sort((x, y) => x - y).map(i => doc.sentences[i]));
  const eventWords = new Set<number>();
  for (const h of hits) if (h.trigger.type !== 'arrest') for (let i = h.word; i < h.end; i++) eventWords.add(i);
  const dateCtx: DateContext = { words: w, ranges, eventWords, dates };
  const places = findPlaces(text, { published: doc.published });
  const cityPlaces = places.filter(p => p.precision === 'city');

  const hitsBySentence = new Map<number, TriggerHit[]>();
  for (const h of hits) {
    const l = hitsBySentence.get(h.sentence) ?? [];
    l.push(h);
    hitsBySentence.set(h.sentence, l);
  }

  // 2. segments
  const segments: Segment[] = [];
  let cur: Segment | null = null;
  /** the segment a past-incident aside interrupted */
  let resume: Segment | null = null;
  for (const s of doc.sentences) {
    const sh = hitsBySentence.get(s.i) ?? [];
    const real = sh.filter(h => h.trigger.type !== 'arrest');
    if (cur?.closed) { cur = resume; resume = null; }
    if (!real.length) {
      if (cur) { cur.sentences.push(s.i); cur.triggers.push(...sh); }
      else if (sh.length) {
        cur = { sentences: [s.i], triggers: sh, family: 'any', date: null, place: null, marker: false, closed: false };
        segments.push(cur);
      }
      continue;
    }
    const [a, b] = ranges[s.i];
    const fam = familyOf(real);
    // (the report's own date, a dateline or a page stamp, dates no incident)
    const sDates = inside(dates, s.start, s.end).filter(d => d.precision === 'day' && !d.stamp);
    const sPlaces = inside(cityPlaces, s.start, s.end);
    const upto = Math.min(b, real[0].word + 1);
    const marker = hasMarker(w, a, upto, NEW_MARKER_INDEX);
    const past = !marker && hasMarker(w, a, upto, PAST_MARKER_INDEX);
    let fresh = !cur || past;
    if (cur && !fresh && cur.triggers.some(h => h.trigger.type !== 'arrest')) {
      if (marker) fresh = true;
      else if (fam !== 'any' && cur.family !== 'any' && fam !== cur.family && !real.every(h => refersBack(w, h))) fresh = true;
      else if (sDates.length && cur.date && daysBetween(sDates[0], cur.date) > 2 && sPlaces.length && cur.place && kmBetween(sPlaces[0], cur.place) > 30) fresh = true;
    }
    if (fresh || !cur) {
      const seg: Segment = { sentences: [s.i], triggers: [...sh], family: fam, date: sDates[0] ?? null, place: sPlaces[0] ?? null, marker: marker || past, closed: past };
      // An aside about an earlier incident in the middle of a sentence ("Days after X, there are
      // reports of another killing") leaves the rest of the sentence to the story it interrupts.
      if (past) resume = cur;
      segments.push(seg);
      cur = seg;
    } else {
      cur.sentences.push(s.i);
      cur.triggers.push(...sh);
      if (cur.family === 'any') cur.family = fam;
      cur.date ??= sDates[0] ?? null;
      cur.place ??= sPlaces[0] ?? null;
    }
  }

  const docMain = mainPlace(text, places);
  // The headline and lede before the first trigger sentence tell the story's date ("... found dead
  // in what police called a murder-suicide Monday night") without a trigger of their own: the first
  // incident reads its date there too.
  const leadIn = segments.length ? Array.from({ length: segments[0].sentences[0] }, (_, i) => i) : [];
  const mentions = segments.map((seg, idx) => buildMention(doc, w, ranges, seg, idx, dateCtx, idx === 0 ? leadIn : [], places, attribution));
  // 4. prominence
  const scored = mentions.map((m, idx) => {
    const seg = segments[idx];
    let score = seg.triggers.reduce((n, h) => n + h.trigger.weight, 0) + seg.sentences.length * 0.5;
    if (seg.sentences.includes(0)) score += 4; // the headline / lede
    if (m.killed || m.injured) score += 3;
    if (seg.marker) score -= 4;
    score -= idx * 0.5;
    return { m, score, idx };
  }).filter(x => x.m.type !== 'arrest' || segments.length === 1);
  scored.sort((a, b) => b.score - a.score || a.idx - b.idx);
  const out = scored.map(x => x.m);
  // The report's main place (its dateline, or the city named most and nearest to the violence
  // words) is the main incident's place: measured on GVA dev, it beats the first city named in
  // the incident's own trigger sentences.
  if (out[0] && docMain) out[0].location = toLocation(docMain);
  // another incident that names no place but points back at it ("on the city's south side") is
  // in the report's town
  if (docMain?.precision === 'city') {
    for (const m of out.slice(1)) if (m.location.precision === 'unknown' && m.evidence.some(e => refersToThePlace(e.text))) m.location = toLocation(docMain);
  }
  out.forEach((m, i) => { m.id = `inc-${i + 1}`; });
  return out;
}

/** "the attack", "this assault": a generic incident noun pointing back at the incident being told. */
function refersBack(w: Word[], h: TriggerHit): boolean {
  return h.end === h.word + 1 && ANAPHORIC_TRIGGER_WORDS.has(w[h.word].lower) && h.word > 0 && ANAPHORIC_DETERMINERS.has(w[h.word - 1].lower);
}

function familyOf(hits: TriggerHit[]): string {
  let best = hits[0];
  for (const h of hits) if (h.trigger.weight > best.trigger.weight) best = h;
  return TYPE_FAMILY[best.trigger.type];
}

function toLocation(p: PlaceMention): Location {
  return {
    // a county is named as such ("Saginaw County"), at admin1 precision within its state
    name: p.precision === 'city' || p.county ? p.name : p.precision === 'admin1' ? p.admin1 : p.countryName,
    country: p.countryName ?? p.country,
    admin1: p.admin1,
    lat: p.lat, lon: p.lon,
    precision: p.precision,
    text: p.text,
  };
}

const UNKNOWN_LOCATION: Location = { name: null, country: null, admin1: null, lat: null, lon: null, precision: 'unknown', text: null };

function buildMention(doc: AnalysedDoc, w: Word[], ranges: Array<[number, number]>, seg: Segment, idx: number,
  dateCtx: DateContext, leadIn: number[], places: PlaceMention[], attribution: Attribution): IncidentMention {
  const text = doc.text;
  // type: the most specific trigger
  let best = seg.triggers[0];
  for (const h of seg.triggers) if (h.trigger.weight > best.trigger.weight) best = h;
  const type: IncidentType = best.trigger.type;
  const triggerSentences = [...new Set(seg.triggers.map(h => h.sentence))];
  const evidence: Span[] = triggerSentences.map(si => {
    const s = doc.sentences[si];
    return { start: s.start, end: s.end, text: s.text };
  });

  // casualties over all the segment's sentences
  const counts = incidentCounts(text, w, ranges, seg.sentences);
  const statements = counts.statements;

  // date: the mention told with the violence, not with what followed it (incident-date.ts)
  const date = incidentDate(dateCtx, [...leadIn, ...seg.sentences].map(si => doc.sentences[si]), new Set(triggerSentences),
    seg.triggers.filter(h => h.trigger.type !== 'arrest').map(h => h.word), doc.published);

  // place: the first city named in a trigger sentence, then in the segment, then a region
  const segPlaces = seg.sentences.flatMap(si => inside(places, doc.sentences[si].start, doc.sentences[si].end));
  const trigPlaces = triggerSentences.flatMap(si => inside(places, doc.sentences[si].start, doc.sentences[si].end));
  // (not a town named as where a source speaks or a reference point: "sources in X", "20 km from X")
  const notOther = (p: PlaceMention) => placeRole(text, p.start) !== 'other';
  const place = trigPlaces.find(p => p.precision === 'city' && notOther(p)) ?? segPlaces.find(p => p.precision === 'city' && notOther(p))
    ?? trigPlaces.find(p => p.precision === 'admin1') ?? trigPlaces[0] ?? null;

  // method and weapons
  const weapons = new Set<string>();
  let method: string | null = null;
  let methodRank = Infinity;
  for (const si of seg.sentences) {
    const [a, b] = ranges[si];
    for (let i = a; i < b; i++) {
      const wp = matchAt(w, i, b, WEAPON_INDEX);
      if (wp) { weapons.add(wp.value); i += wp.words.length - 1; continue; }
      const m = matchAt(w, i, b, METHOD_INDEX, true);
      // the method listed first in the lexicon wins ("beheading" over "shooting")
      if (m && m.value.rank < methodRank) { method = m.value.method; methodRank = m.value.rank; }
    }
  }
  if (method === 'shooting' && weapons.size) method = `shooting (${[...weapons][0]})`;

  const { victims, perpetrators } = findParticipants(text, w, seg.sentences.map(si => ranges[si]), statements, seg.triggers.map(h => h.word));

  const claims = attribution.claims.filter(c => evidence.some(e => c.content.start < e.end && e.start < c.content.end)).map(c => c.id);
  return {
    id: `inc-${idx + 1}`,
    type,
    method,
    date,
    location: place ? toLocation(place) : { ...UNKNOWN_LOCATION },
    perpetrators,
    victims,
    killed: counts.killed,
    injured: counts.injured,
    weapons: [...weapons],
    evidence,
    claims,
  };
}
