/**
 * Incident clustering: incident mentions from different reports about the same real event
 * become one incident, incrementally as reports arrive (`addReport(state, extraction)`).
 *
 * Each new mention is compared with the incidents whose mentions share its blocking keys
 * (day × place cell, or day × region when it has no coordinates), never with all incidents.
 * The pair score (`scorePair`) adds evidence from the type family, date overlap, place distance,
 * victim / perpetrator names, killed / injured counts and the similarity of the reports' words
 * (IDF-weighted over the reports seen so far); each term is kept as a reason. Against the best
 * candidate incident (best pair with any of its mentions):
 *  - score ≥ `mergeAt`: the mention joins it, recorded in `state.merges` with score and reasons;
 *  - `suggestAt` ≤ score < `mergeAt`: it stays apart and a suggestion is recorded for review;
 *  - below: a new incident.
 * Documenter corrections (`state.corrections`) keep chosen mentions apart or together and are
 * applied again whenever the same mentions are clustered anew.
 */
import { countsOverlap, type Extraction, type IncidentMention } from '../model/index.js';
import { CLUSTER_WEIGHTS, STOPWORDS, type ClusterWeights } from './weights.js';
import { TYPE_FAMILIES } from './lexicon.js';
import { haversineKm } from '../geo/distance.js';

export interface ClusterConfig {
  /** merge automatically at or above this score (0..1) */
  mergeAt: number;
  /** suggest a merge at or above this score, below `mergeAt` */
  suggestAt: number;
  /** days either side of a mention's date searched for candidates */
  windowDays: number;
  /** size of a place cell in degrees (candidates come from the 3 × 3 cells around a mention) */
  cellDeg: number;
  /** days before publication an undated incident is assumed to fall in */
  undatedDays: number;
  /** at most this many candidate incidents are scored per mention (nearest in date first) */
  maxCandidates: number;
  /** a proper-name word shared by more incidents than this is too common to find candidates by */
  maxPosting: number;
  /** 'main': only each report's main (first) incident; 'all': every incident mention */
  mentions: 'main' | 'all';
  /** words of the report read for text similarity (the story comes first, boilerplate later) */
  textWords: number;
  /** weight of the mean pair score against the best pair (0: single link) */
  linkMix: number;
  /** words compared: the report's first words, or the mention's evidence sentences (and title) */
  textFrom: 'report' | 'evidence';
  weights: ClusterWeights;
}

export const DEFAULT_CLUSTER_CONFIG: ClusterConfig = {
  mergeAt: 0.45, suggestAt: 0.25, windowDays: 3, cellDeg: 0.5, undatedDays: 7, maxCandidates: 200, maxPosting: 30,
  mentions: 'all', textWords: 350, textFrom: 'report', linkMix: 0.5, weights: CLUSTER_WEIGHTS,
};

/** Key of a mention: report id + in-report incident id. */
export const mentionKey = (report: string, mention: string) => `${report}#${mention}`;

export interface MentionFeatures {
  day0: number; day1: number;
  /** whether the date comes from the text (not the publication date) */
  dated: boolean;
  precise: boolean;
  lat: number | null; lon: number | null;
  region: string | null;
  place: string | null;
  families: readonly string[];
  names: Set<string>;
  /** proper-name words of the report (blocking keys for follow-up reports far from the date) */
  properWords: string[];
  vector: Map<string, number>;
  /** content words read */
  words: number;
  /** IDF-weighted norm of `vector`, and the document count it was computed at */
  norm: number;
  normDocs: number;
}

export interface MentionRecord {
  key: string;
  report: string;
  mention: IncidentMention;
  published: string | null;
  title: string | null;
  incident: string;
  features: MentionFeatures;
}

export interface ClusterIncident { id: string; mentions: string[] }

export interface MergeRecord { mention: string; incident: string; with: string; score: number; reasons: string[]; by: 'auto' | 'correction' }
export interface Suggestion { mention: string; incident: string; with: string; score: number; reasons: string[] }

/**
 * A documenter's correction over mention keys. `merge`: the mentions go together. `split`: the
 * mentions are kept apart from each other, or, with `groups`, each group from the other groups
 * (the mentions inside one group may still join).
 */
export type ClusterCorrection =
  | { kind: 'merge'; mentions: string[]; by?: string; note?: string }
  | { kind: 'split'; mentions: string[]; groups?: string[][]; by?: string; note?: string };

export interface ClusterState {
  config: ClusterConfig;
  mentions: Map<string, MentionRecord>;
  incidents: Map<string, ClusterIncident>;
  /** blocking key → incident ids */
  index: Map<string, Set<string>>;
  /** document frequency of words over the reports seen */
  df: Map<string, number>;
  docs: number;
  merges: MergeRecord[];
  suggestions: Suggestion[];
  corrections: ClusterCorrection[];
  seq: number;
}

export function createClusterState(config: Partial<ClusterConfig> = {}, corrections: ClusterCorrection[] = []): ClusterState {
  return {
    config: { ...DEFAULT_CLUSTER_CONFIG, ...config, weights: { ...CLUSTER_WEIGHTS, ...(config.weights ?? {}) } },
    mentions: new Map(), incidents: new Map(), index: new Map(), df: new Map(), docs: 0,
    merges: [], suggestions: [], corrections, seq: 0,
  };
}

const DAY = 86_400_000;
const dayOf = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const t = Date.parse(iso.slice(0, 10));
  return Number.isFinite(t) ? Math.floor(t / DAY) : null;
};

export function featuresOf(m: IncidentMention, x: Extraction, cfg: ClusterConfig): MentionFeatures {
  const pub = dayOf(x.report.published);
  let day0 = dayOf(m.date.start), day1 = dayOf(m.date.end);
  let dated = day0 !== null || day1 !== null;
  if (day0 === null) day0 = day1;
  if (day1 === null) day1 = day0;
  if (day0 === null || day1 === null) {
    if (pub !== null) { day0 = pub - cfg.undatedDays; day1 = pub; } else { day0 = day1 = NaN; }
    dated = false;
  }
  const loc = m.location;
  const region = loc.country ? `${loc.country}|${loc.admin1 ?? ''}`.toLowerCase() : null;
  const names = new Set<string>();
  for (const v of m.victims) if (v.name) for (const k of nameParts(v.name)) names.add(k);
  for (const p of m.perpetrators) if (p.name) for (const k of nameParts(p.name)) names.add(k);
  const text = `${x.report.title ?? ''}\n${x.report.text}`;
  const story = cfg.textFrom === 'evidence' && m.evidence.length ? `${x.report.title ?? ''}\n${m.evidence.map(e => e.text).join('\n')}` : text;
  const vector = textVector(story, cfg.textWords);
  return {
    day0, day1: day1!, dated, precise: dated && m.date.precision === 'day',
    lat: loc.lat, lon: loc.lon, region,
    place: loc.name && loc.precision !== 'country' && loc.precision !== 'unknown' ? loc.name.toLowerCase() : null,
    families: TYPE_FAMILIES[m.type] ?? [], names, properWords: properWords(text, cfg.textWords), vector, words: [...vector.values()].reduce((a, b) => a + b, 0), norm: 0, normDocs: 0,
  };
}

/** Surnames and full names of a person, as comparison keys. */
function nameParts(name: string): string[] {
  const ws = name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z]+/).filter(w => w.length > 1);
  if (!ws.length) return [];
  return [ws.join(' '), ws[ws.length - 1]];
}

/** Capitalised words inside sentences (not sentence-initial) among the first `limit` words. */
function properWords(text: string, limit: number): string[] {
  const out = new Set<string>();
  let n = 0;
  for (const m of text.matchAll(/([.!?"“\n]\s*)?([\p{L}\p{N}]+)/gu)) {
    if (++n > limit) break;
    const w = m[2];
    if (m[1] !== undefined || w.length < 3 || !/^\p{Lu}\p{Ll}/u.test(w)) continue;
    const k = w.toLowerCase();
    if (!STOPWORDS.has(k)) out.add(k);
  }
  return [...out];
}

/** Word counts of the first `limit` words (lower case, stopwords out). */
export function textVector(text: string, limit: number): Map<string, number> {
  const v = new Map<string, number>();
  let n = 0;
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    v.set(w, (v.get(w) ?? 0) + 1);
    if (++n >= limit) break;
  }
  return v;
}

/** IDF-weighted cosine of two word vectors, with document frequencies of the state. */
function cosine(a: MentionRecord, b: MentionRecord, st: ClusterState): number {
  const idf = (w: string) => Math.log((st.docs + 1) / ((st.df.get(w) ?? 0) + 0.5)) + st.config.weights.idfFloor;
  // norms are refreshed when the collection has grown by a tenth since they were computed
  const weigh = (r: MentionRecord) => {
    const f = r.features;
    if (f.normDocs && st.docs <= f.normDocs * 1.1) return f.norm;
    let s = 0;
    for (const [w, c] of f.vector) { const x = (1 + Math.log(c)) * idf(w); s += x * x; }
    f.norm = Math.sqrt(s);
    f.normDocs = st.docs;
    return f.norm;
  };
  const [small, big] = a.features.vector.size < b.features.vector.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [w, c] of small.features.vector) {
    const d = big.features.vector.get(w);
    if (d) { const i = idf(w); dot += (1 + Math.log(c)) * (1 + Math.log(d)) * i * i; }
  }
  if (!dot) return 0;
  return dot / (weigh(a) * weigh(b));
}

export interface PairScore { score: number; raw: number; reasons: string[] }

/** The evidence that two mentions tell the same event, as a score in 0..1 with its reasons. */
export function scorePair(a: MentionRecord, b: MentionRecord, st: ClusterState): PairScore {
  const W = st.config.weights;
  const fa = a.features, fb = b.features;
  const reasons: string[] = [];
  let raw = W.prior;
  const add = (x: number, why: string) => { if (x) { raw += x; reasons.push(`${why} (${x > 0 ? '+' : ''}${x.toFixed(2)})`); } };

  // type
  if (a.mention.type === b.mention.type) add(W.sameType, `same type ${a.mention.type}`);
  else if (!fa.families.some(f => fb.families.includes(f))) add(W.typeClash, `types ${a.mention.type} / ${b.mention.type} unrelated`);

  // date
  if (Number.isFinite(fa.day0) && Number.isFinite(fb.day0)) {
    const gap = Math.max(0, Math.max(fa.day0, fb.day0) - Math.min(fa.day1, fb.day1));
    const both = fa.dated && fb.dated;
    if (gap === 0) add(both ? (fa.precise && fb.precise ? W.sameDay : W.dateOverlap) : W.dateOverlapUndated, fa.precise && fb.precise ? 'same day' : 'dates overlap');
    else if (gap === 1) add(both ? W.dayApart : 0, '1 day apart');
    // near days cost per day, then per doubling of the gap (a follow-up months later can still
    // be the same event when everything else agrees; a year apart rarely is)
    else add(both ? Math.max(W.dateFloor, Math.max(W.dateFar, W.perDayApart * gap) + (gap > 7 ? W.dateLog * Math.log2(gap / 7) : 0)) : W.perDayApart * gap / 3, `${gap} days apart`);
  }

  // place
  if (fa.lat != null && fa.lon != null && fb.lat != null && fb.lon != null) {
    const d = haversineKm(fa.lat, fa.lon, fb.lat, fb.lon);
    if (d <= 1) add(W.placeSame, 'same place');
    else if (d <= 15) add(W.placeNear, `${d.toFixed(0)} km apart`);
    else if (d <= 60) add(W.placeMid, `${d.toFixed(0)} km apart`);
    else add(W.placeFar, `${d.toFixed(0)} km apart`);
  } else if (fa.region && fb.region && fa.region !== fb.region) add(W.placeFar, 'different regions');
  else {
    // one side is not geocoded: the other's place named in its words
    const named = (p: MentionRecord, q: MentionRecord) => {
      const t = p.mention.location.text ?? p.mention.location.name;
      const ws = t ? textVector(t, 8) : null;
      return !!ws && ws.size > 0 && [...ws.keys()].every(w => q.features.vector.has(w));
    };
    if (named(a, b) || named(b, a)) add(W.placeNamed, 'place named in both');
  }

  // names of victims and perpetrators
  if (fa.names.size && fb.names.size) {
    let shared = 0;
    for (const n of fa.names) if (fb.names.has(n)) shared++;
    if (shared) add(W.nameShared, 'a victim or perpetrator name in common');
    else add(W.nameClash, 'different names');
  }

  // counts
  const count = (x: IncidentMention['killed'], y: IncidentMention['killed'], what: string, wEq: number, wNe: number) => {
    if (!x || !y) return;
    if (countsOverlap(x, y)) { if (x.max !== 0 || y.max !== 0) add(wEq, `${what} agree`); }
    else add(wNe * Math.min(2, Math.abs(x.min - y.min) / Math.max(1, Math.min(x.min, y.min))), `${what} differ (${x.min} / ${y.min})`);
  };
  count(a.mention.killed, b.mention.killed, 'killed', W.countEqual, W.countDiffer);
  count(a.mention.injured, b.mention.injured, 'injured', W.countEqual * 0.6, W.countDiffer * 0.6);
  // one report says someone died, the other that nobody did
  const dead = (m: IncidentMention) => m.killed ? m.killed.max !== 0 : null;
  if (dead(a.mention) !== null && dead(b.mention) !== null && dead(a.mention) !== dead(b.mention)) add(W.fatalClash, 'fatal / not fatal');

  // words of the reports
  // short texts say little through their words: the term grows with the shorter text's length
  const c = cosine(a, b, st);
  const len = Math.min(1, Math.min(fa.words, fb.words) / W.textFullAt);
  add(W.text * len * (c - W.textPivot), `text similarity ${c.toFixed(2)}`);

  return { score: 1 / (1 + Math.exp(-raw)), raw, reasons };
}

function placeKey(f: MentionFeatures, cfg: ClusterConfig): string {
  if (f.lat != null && f.lon != null) return `c${Math.floor(f.lat / cfg.cellDeg)},${Math.floor(f.lon / cfg.cellDeg)}`;
  return f.region ? `r${f.region}` : '*';
}

/** Every blocking key a mention with these features searches (day × place keys and its proper-name keys). */
export function blockingKeys(f: MentionFeatures, cfg: ClusterConfig): string[] {
  return [...searchKeys(f, cfg), ...f.properWords.map(w => `w|${w}`)];
}

/** Features as JSON (sets and maps as arrays; an unknown day as null). */
export function featuresToJson(f: MentionFeatures): Record<string, unknown> {
  return {
    day0: Number.isFinite(f.day0) ? f.day0 : null, day1: Number.isFinite(f.day1) ? f.day1 : null, dated: f.dated, precise: f.precise,
    lat: f.lat, lon: f.lon, region: f.region, place: f.place, families: f.families, names: [...f.names],
    properWords: f.properWords, vector: [...f.vector], words: f.words,
  };
}

/** Features back from `featuresToJson`. */
export function featuresFromJson(j: Record<string, unknown>): MentionFeatures {
  const num = (v: unknown) => (typeof v === 'number' ? v : NaN);
  return {
    day0: num(j.day0), day1: num(j.day1), dated: !!j.dated, precise: !!j.precise,
    lat: typeof j.lat === 'number' ? j.lat : null, lon: typeof j.lon === 'number' ? j.lon : null,
    region: (j.region as string | null) ?? null, place: (j.place as string | null) ?? null,
    families: (j.families as string[]) ?? [], names: new Set((j.names as string[]) ?? []), properWords: (j.properWords as string[]) ?? [],
    vector: new Map((j.vector as [string, number][]) ?? []), words: typeof j.words === 'number' ? j.words : 0, norm: 0, normDocs: 0,
  };
}

/** Days an incident holding this mention is indexed under (a long interval is capped). */
function* daysOf(f: MentionFeatures, pad: number): Generator<number> {
  if (!Number.isFinite(f.day0)) return;
  const end = Math.min(f.day1, f.day0 + 62);
  for (let d = f.day0 - pad; d <= end + pad; d++) yield d;
}

/**
 * Keys a mention searches: its window of days × the 3 × 3 cells around it, its region (for
 * incidents without coordinates) and the unplaced; a mention with no place searches the day.
 */
function searchKeys(f: MentionFeatures, cfg: ClusterConfig): string[] {
  const places: string[] = [];
  if (f.lat != null && f.lon != null) {
    const y = Math.floor(f.lat / cfg.cellDeg), x = Math.floor(f.lon / cfg.cellDeg);
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) places.push(`c${y + dy},${x + dx}`);
    places.push('*');
    if (f.region) places.push(`r${f.region}`);
  } else if (f.region) places.push(`r${f.region}`, '*');
  else places.push('all');
  const keys: string[] = [];
  for (const d of daysOf(f, cfg.windowDays)) for (const p of places) keys.push(`${d}|${p}`);
  return keys;
}

/** Keys an incident holding a mention with these features is indexed under (proper-name keys first). */
export function indexKeys(f: MentionFeatures, cfg: ClusterConfig): string[] {
  const place = placeKey(f, cfg);
  const keys = f.properWords.map(w => `w|${w}`);
  for (const d of daysOf(f, 0)) {
    keys.push(`${d}|all`, `${d}|${place}`);
    if (f.region && place !== `r${f.region}`) keys.push(`${d}|r${f.region}`);
  }
  return keys;
}

function index(st: ClusterState, incident: string, f: MentionFeatures): void {
  for (const k of indexKeys(f, st.config)) {
    let s = st.index.get(k);
    if (!s) st.index.set(k, s = new Set());
    // a proper name shared by many incidents is too common to find candidates by: its list stops growing
    if (!k.startsWith('w|') || s.size <= st.config.maxPosting) s.add(incident);
  }
}

export interface Assignment { mention: string; incident: string; action: 'new' | 'merged' | 'suggested'; score: number | null }

/** Add one report's incident mentions to the clustering. Re-adding a report is a no-op. */
export function addReport(st: ClusterState, x: Extraction): Assignment[] {
  const out: Assignment[] = [];
  const cfg = st.config;
  const ms = cfg.mentions === 'main' ? x.incidents.slice(0, 1) : x.incidents;
  if (ms.some(m => st.mentions.has(mentionKey(x.report.id, m.id)))) return out;
  // words of the report count once towards document frequencies
  const recs: MentionRecord[] = ms.map(m => ({
    key: mentionKey(x.report.id, m.id), report: x.report.id, mention: m, published: x.report.published,
    title: x.report.title, incident: '', features: featuresOf(m, x, cfg),
  }));
  if (recs.length) {
    st.docs++;
    for (const w of recs[0].features.vector.keys()) st.df.set(w, (st.df.get(w) ?? 0) + 1);
  }
  for (const rec of recs) out.push(place(st, rec));
  return out;
}

function forcedPartner(st: ClusterState, key: string): string | null {
  for (const c of st.corrections) {
    if (c.kind !== 'merge' || !c.mentions.includes(key)) continue;
    for (const other of c.mentions) {
      const r = other !== key ? st.mentions.get(other) : undefined;
      if (r) return other;
    }
  }
  return null;
}

function keptApart(st: ClusterState, key: string, incident: ClusterIncident): boolean {
  for (const c of st.corrections) {
    if (c.kind !== 'split' || !c.mentions.includes(key)) continue;
    if (c.groups) {
      const mine = c.groups.find(g => g.includes(key));
      if (mine && incident.mentions.some(m => !mine.includes(m) && c.groups!.some(g => g !== mine && g.includes(m)))) return true;
    } else if (incident.mentions.some(m => m !== key && c.mentions.includes(m))) return true;
  }
  return false;
}

function place(st: ClusterState, rec: MentionRecord): Assignment {
  const cfg = st.config;
  st.mentions.set(rec.key, rec);
  const forced = forcedPartner(st, rec.key);
  if (forced) {
    const inc = st.mentions.get(forced)!.incident;
    join(st, rec, inc);
    st.merges.push({ mention: rec.key, incident: inc, with: forced, score: 1, reasons: ['correction: merge'], by: 'correction' });
    return { mention: rec.key, incident: inc, action: 'merged', score: 1 };
  }
  // candidates: incidents sharing a blocking key (capped)
  const cands = new Set<string>();
  for (const k of searchKeys(rec.features, cfg)) {
    const s = st.index.get(k);
    if (s) for (const id of s) cands.add(id);
  }
  // follow-up reports far from the date: incidents that share a rare proper name
  for (const w of rec.features.properWords) {
    const s = st.index.get(`w|${w}`);
    if (s && s.size <= cfg.maxPosting) for (const id of s) cands.add(id);
  }
  let best: { incident: string; with: string; s: PairScore } | null = null;
  let scored = 0;
  for (const id of cands) {
    if (scored >= cfg.maxCandidates) break;
    const inc = st.incidents.get(id)!;
    if (inc.mentions.some(k => st.mentions.get(k)!.report === rec.report)) continue;
    if (keptApart(st, rec.key, inc)) continue;
    scored++;
    // the best pair decides, pulled down by the incident's other mentions (`linkMix`), so that
    // one look-alike report does not chain two events together
    let top: { with: string; s: PairScore } | null = null;
    let sum = 0;
    for (const k of inc.mentions) {
      const s = scorePair(rec, st.mentions.get(k)!, st);
      sum += s.score;
      if (!top || s.score > top.s.score) top = { with: k, s };
    }
    if (!top) continue;
    const mixed = (1 - cfg.linkMix) * top.s.score + cfg.linkMix * (sum / inc.mentions.length);
    if (!best || mixed > best.s.score) best = { incident: id, with: top.with, s: { ...top.s, score: mixed } };
  }
  if (best && best.s.score >= cfg.mergeAt) {
    join(st, rec, best.incident);
    st.merges.push({ mention: rec.key, incident: best.incident, with: best.with, score: best.s.score, reasons: best.s.reasons, by: 'auto' });
    return { mention: rec.key, incident: best.incident, action: 'merged', score: best.s.score };
  }
  const id = `incident:${++st.seq}`;
  st.incidents.set(id, { id, mentions: [] });
  join(st, rec, id);
  if (best && best.s.score >= cfg.suggestAt) {
    st.suggestions.push({ mention: rec.key, incident: best.incident, with: best.with, score: best.s.score, reasons: best.s.reasons });
    return { mention: rec.key, incident: id, action: 'suggested', score: best.s.score };
  }
  return { mention: rec.key, incident: id, action: 'new', score: best?.s.score ?? null };
}

function join(st: ClusterState, rec: MentionRecord, incident: string): void {
  rec.incident = incident;
  st.incidents.get(incident)!.mentions.push(rec.key);
  index(st, incident, rec.features);
}

/** The incidents of the state with their mention records. */
export function incidentsOf(st: ClusterState): Array<{ id: string; mentions: MentionRecord[] }> {
  return [...st.incidents.values()].map(i => ({ id: i.id, mentions: i.mentions.map(k => st.mentions.get(k)!) }));
}

/** Cluster a batch of reports from scratch (e.g. again after corrections). */
export function clusterReports(xs: readonly Extraction[], config: Partial<ClusterConfig> = {}, corrections: ClusterCorrection[] = []): ClusterState {
  const st = createClusterState(config, corrections);
  for (const x of xs) addReport(st, x);
  return st;
}
