/**
 * Claims, citations and sources of one report (DESIGN.md "Claims", output contract).
 *
 * 1. scanClaims finds attribution relations (source span, cue, content, quote kind) and citation
 *    relations ("B was cited by A", "A, citing B").
 * 2. Claims nested in another claim's content (a monitor's quote saying it was "informed by local
 *    sources") get `via` = the outer claim; the outer source cites the inner one. Inside direct
 *    quotes, first and second person speakers ("I think", "you know") and beliefs are dropped:
 *    they are the quoted speaker's rhetoric, not a further source.
 * 3. SourceResolver turns source spans into canonical sources (names, aliases, acronyms,
 *    pronouns, back references).
 * 4. Hedges attach to the innermost claim whose extent (source, cue and content) holds them.
 *    A hedge in the report's own voice makes the sentence a claim with `source: null`,
 *    `cue: null`, `quote: "none"`: every hedge of the report ends up on some claim.
 * 5. Citations: the report cites every source it attributes a top-level claim to; an outer
 *    claim's source cites the sources of the claims nested in it; "A, citing B", "B was cited
 *    by A" and credit lines ("[Image via X]") are citations too. One citation per pair, with
 *    the first evidence.
 */
import type { AnalysedDoc } from '../nlp/analyse.js';
import { sentenceAt } from '../nlp/analyse.js';
import type { Citation, Claim, Source, Span } from '../model/index.js';
import { scanClaims, type ClaimScan, type RawClaim, type RawRelation } from './claims.js';
import { SourceResolver, nameOf, kindOfWords } from './sources.js';
import { findHedges } from './hedges.js';
import { CLAUSE_CONJUNCTIONS, CREDIT_PATTERNS } from './lexicon/cues.js';

export interface Attribution {
  sources: Source[];
  claims: Claim[];
  citations: Citation[];
}

const FIRST_SECOND_PERSON = new Set(['i', 'we', 'you', 'me', 'us']);
/** What ends a content before the next speaker's clause: a comma or dash, and / or a conjunction. */
const CLAUSE_BREAK = new RegExp(`(?:[,;]|\\s--|\\s[—–―])\\s*(?:(?:${CLAUSE_CONJUNCTIONS.join('|')})\\s+)?$|\\s(?:${CLAUSE_CONJUNCTIONS.join('|')})\\s+$`, 'i');

function extentOf(c: { source: Span | null; cue: Span | null; content: Span }): [number, number] {
  let a = c.content.start, b = c.content.end;
  for (const s of [c.source, c.cue]) if (s) { a = Math.min(a, s.start); b = Math.max(b, s.end); }
  return [a, b];
}

/**
 * For each claim, the index of the innermost other claim whose content holds its cue, or -1.
 * Contents are visited sorted by start with a stack of open contents (contents nest or are
 * disjoint); cues are visited in text order.
 */
function nestingParents(raw: RawClaim[], quotes: ClaimScan['quotes']): number[] {
  const n = raw.length;
  const parent: number[] = [];
  const order: number[] = [];
  const events: number[] = [];
  for (let i = 0; i < n; i++) { parent.push(-1); order.push(i); events.push(i); }
  if (n < 2) return parent;
  order.sort((x, y) => raw[x].content.start - raw[y].content.start || raw[y].content.end - raw[x].content.end);
  // a stable sort of the claims by cue start (as sorting {i, at} records by `at` was)
  events.sort((x, y) => raw[x].cue.start - raw[y].cue.start || x - y);
  const stack: number[] = [];
  let oi = 0;
  for (const ev of events) {
    const at = raw[ev].cue.start;
    while (oi < n && raw[order[oi]].content.start <= at) {
      const k = order[oi++];
      while (stack.length && raw[stack[stack.length - 1]].content.end <= raw[k].content.start) stack.pop();
      stack.push(k);
    }
    while (stack.length && raw[stack[stack.length - 1]].content.end <= at) stack.pop();
    for (let s = stack.length - 1; s >= 0; s--) {
      const k = stack[s];
      if (k !== ev && raw[k].content.start <= raw[ev].cue.start && raw[k].content.end >= raw[ev].cue.end) { parent[ev] = k; break; }
    }
  }
  breakCycles(raw, parent, quotes);
  return parent;
}

/**
 * Two claims can hold each other's cue ("“I think it passed,” he said" read as "I think" with
 * a content running over "he said"): nesting must be a tree. In each cycle the claim in the
 * narrator's voice (its cue outside any quote) becomes a root, else the one of widest extent.
 */
function breakCycles(raw: RawClaim[], parent: number[], quotes: ClaimScan['quotes']): void {
  const state = new Uint8Array(raw.length); // 0 unseen, 1 on the current path, 2 done
  for (let i = 0; i < raw.length; i++) {
    if (state[i]) continue;
    const path: number[] = [];
    let q = i;
    while (q >= 0 && state[q] === 0) { state[q] = 1; path.push(q); q = parent[q]; }
    if (q >= 0 && state[q] === 1) {
      const cycle = path.slice(path.indexOf(q));
      let root = cycle[0];
      const score = (k: number) => { const [a, b] = extentOf(raw[k]); return (quotes.containing(raw[k].cue.start, raw[k].cue.end) ? 0 : 1e9) + b - a; };
      for (const k of cycle) if (score(k) > score(root)) root = k;
      parent[root] = -1;
    }
    for (const k of path) state[k] = 2;
  }
}

/**
 * The claims to keep: inside quotes, first and second person speakers ("I think") and beliefs
 * nested in another claim are the quoted speaker's rhetoric, not a further source.
 * `kept` lists the kept claims' indices in order, `newIndex` maps an index to its place there.
 */
function keptClaims(raw: RawClaim[], parent: number[], quotes: ClaimScan['quotes']): { keep: boolean[]; kept: number[]; newIndex: number[] } {
  const keep: boolean[] = [];
  const kept: number[] = [];
  const newIndex: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    let k = true;
    const src = c.source ? c.source.text.trim().toLowerCase() : '';
    if (quotes.containing(c.cue.start, c.cue.end) !== null) {
      // inside a quote, "I think" / "you know" are the quoted speaker's words even when the
      // quote's speaker was not found; a belief nested in a claim is its speaker's rhetoric
      k = !(FIRST_SECOND_PERSON.has(src) || (parent[i] >= 0 && c.cueKind === 'belief'));
    } else if (parent[i] >= 0 && FIRST_SECOND_PERSON.has(src)) {
      // "PENCE: Well, you know, ...": the same inside a speaker's turn
      k = false;
    }
    keep.push(k);
    newIndex.push(k ? kept.length : -1);
    if (k) kept.push(i);
  }
  return { keep, kept, newIndex };
}

/** A span naming a source, and where its resolved id goes. */
interface SourceMention {
  at: Span;
  /** named as the one cited ("citing X") */
  cited: boolean;
  /** the id is the source of kept claim `index`, the from / to of relation `index`, or credit line `index` */
  target: 'claim' | 'from' | 'to' | 'credit';
  index: number;
}

/**
 * Sources resolved in text order of their mentions: the kept claims' source spans, both ends of
 * citation relations and the names in credit lines ("[Image via X]").
 */
function resolveSources(text: string, tokens: AnalysedDoc['tokens'], headlineEnd: number, raw: RawClaim[], kept: number[], relations: RawRelation[]): {
  sources: Source[]; sourceOf: Array<string | null>; relIds: Array<{ from: string | null; to: string | null }>;
  credits: Array<{ evidence: Span; id: string | null }>;
} {
  const posAt = new Map<number, string>();
  for (const t of tokens) posAt.set(t.start, t.pos);
  const resolver = new SourceResolver(text, at => { const p = posAt.get(at); return p !== undefined && p !== 'PROPN' && p !== 'X'; });
  const mentions: SourceMention[] = [];
  const sourceOf: Array<string | null> = [];
  for (let k = 0; k < kept.length; k++) {
    sourceOf.push(null);
    const s = raw[kept[k]].source;
    if (s) mentions.push({ at: s, cited: false, target: 'claim', index: k });
  }
  const relIds: Array<{ from: string | null; to: string | null }> = [];
  for (let k = 0; k < relations.length; k++) {
    const r = relations[k];
    relIds.push({ from: null, to: null });
    if (r.from.start >= 0) mentions.push({ at: r.from, cited: false, target: 'from', index: k });
    mentions.push({ at: r.to, cited: !!r.citing, target: 'to', index: k });
  }
  const credits: Array<{ evidence: Span; id: string | null }> = [];
  for (const re of CREDIT_PATTERNS) {
    for (const m of text.matchAll(new RegExp(re.source, re.flags))) {
      const name = m[1].trim();
      const start = m.index! + m[0].indexOf(m[1]);
      mentions.push({ at: { start, end: start + name.length, text: name }, cited: false, target: 'credit', index: credits.length });
      credits.push({ evidence: { start: m.index!, end: m.index! + m[0].length, text: m[0] }, id: null });
    }
  }
  // the headline's speakers are resolved after the body ("..., monitor says" is the monitor the story names)
  const inHeadline = (m: SourceMention) => m.at.start < headlineEnd;
  mentions.sort((a, b) => Number(inHeadline(a)) - Number(inHeadline(b)) || a.at.start - b.at.start);
  for (const m of mentions) {
    const id = inHeadline(m) ? resolver.resolveHeadline(m.at) : m.cited ? resolver.resolveCited(m.at) : resolver.resolve(m.at);
    if (m.target === 'claim') sourceOf[m.index] = id;
    else if (m.target === 'from') relIds[m.index].from = id;
    else if (m.target === 'to') relIds[m.index].to = id;
    else credits[m.index].id = id;
  }
  return { sources: resolver.finish(), sourceOf, relIds, credits };
}

export function extractAttribution(doc: AnalysedDoc): Attribution {
  const text = doc.text;
  const scan = scanClaims(doc);
  const raw = scan.claims.slice().sort((x, y) => x.cue.start - y.cue.start);

  // ---- an indirect content ends where the next speaker of the same sentence starts: "..., all
  // sources confirmed that ...", "... to the vote, but he said ...", "... and said a curfew ..." ----
  for (const a of raw) {
    if (a.quote === 'direct') continue;
    for (const b of raw) {
      // "Well, you know, ...": a first or second person aside is no second speaker
      if (b === a || (b.source && FIRST_SECOND_PERSON.has(b.source.text.trim().toLowerCase()))) continue;
      // b's clause starts at its source when that stands before its cue inside a's content, else at its cue
      const bStart = b.source && b.source.start > a.content.start && b.source.start < b.cue.start ? b.source.start : b.cue.start;
      if (bStart <= a.content.start || bStart >= a.content.end) continue;
      const before = text.slice(a.content.start, bStart);
      const m = CLAUSE_BREAK.exec(before);
      if (!m) continue;
      const end = a.content.start + before.length - m[0].length;
      if (end > a.content.start) a.content = { start: a.content.start, end, text: text.slice(a.content.start, end) };
    }
  }

  // ---- nesting: the innermost claim whose content holds this claim's cue ----
  const parent = nestingParents(raw, scan.quotes);
  const { keep, kept, newIndex } = keptClaims(raw, parent, scan.quotes);

  // ---- sources, resolved in text order of their mentions ----
  const { sources, sourceOf, relIds, credits } = resolveSources(text, doc.tokens, headlineEndOf(doc), raw, kept, scan.relations);

  // ---- claims ----
  const claims: Claim[] = [];
  for (let k = 0; k < kept.length; k++) {
    const ri = kept[k];
    const c: RawClaim = raw[ri];
    let via: string | null = null;
    for (let q = parent[ri]; q >= 0; q = parent[q]) if (keep[q]) { via = claimId(newIndex[q]); break; }
    claims.push({ id: claimId(k), source: sourceOf[k], sourceSpan: c.source, cue: c.cue, content: c.content, quote: c.quote, hedges: [], via });
  }
  attachHedges(doc, claims);
  const citations = citationsOf(text, claims, scan.relations, relIds, credits);

  // drop sources nobody refers to (a pronoun antecedent that ended unused)
  const used = new Set<string>();
  for (const c of claims) if (c.source) used.add(c.source);
  for (const c of citations) { used.add(c.from); used.add(c.to); }
  const usedSources: Source[] = [];
  for (const s of sources) if (used.has(s.id)) usedSources.push(s);
  return { sources: usedSources, claims, citations };
}

/**
 * End of the headline when the text opens with one on a line of its own, else -1: the report's
 * title, or (no title given) a short first line without a full stop and a blank line after it.
 */
function headlineEndOf(doc: AnalysedDoc): number {
  const nl = doc.text.indexOf('\n');
  if (nl <= 0) return -1;
  const line = doc.text.slice(0, nl).trim();
  if (!doc.title) return line.length <= 160 && !/[.!?:;,]["”’']?$/.test(line) && /^\n\s*\n/.test(doc.text.slice(nl)) ? nl : -1;
  const first = line.replace(/[.!?]+$/, '');
  return first && doc.title.includes(first) ? nl : -1;
}

function claimId(k: number): string {
  return `claim:${k + 1}`;
}

/**
 * Hedges attach to the innermost claim whose extent holds them; the others, in the report's
 * own voice, make their sentence a claim with no source (appended to `claims`).
 */
function attachHedges(doc: AnalysedDoc, claims: Claim[]): void {
  const extents: Array<[number, number]> = [];
  for (const c of claims) extents.push(extentOf({ source: c.sourceSpan, cue: c.cue, content: c.content }));
  const ownVoice = new Map<number, Span[]>();
  for (const h of findHedges(doc.text)) {
    let best = -1;
    for (let k = 0; k < extents.length; k++) {
      const [a, b] = extents[k];
      if (a <= h.start && b >= h.end && (best < 0 || b - a < extents[best][1] - extents[best][0])) best = k;
    }
    if (best >= 0) { claims[best].hedges.push(h); continue; }
    const s = sentenceAt(doc, h.start);
    const key = s ? s.i : -1 - h.start;
    const list = ownVoice.get(key);
    if (list) list.push(h);
    else ownVoice.set(key, [h]);
  }
  for (const [key, hedges] of ownVoice) {
    const s = key >= 0 ? doc.sentences[key] : null;
    const content = s ? { start: s.start, end: s.end, text: s.text } : hedges[0];
    claims.push({ id: claimId(claims.length), source: null, sourceSpan: null, cue: null, content, quote: 'none', hedges, via: null });
  }
}

/** The span from a claim's source (or cue) to the end of its cue (or source). */
function evidenceOf(text: string, c: Claim): Span {
  let a = Infinity, b = -Infinity;
  for (const x of [c.sourceSpan, c.cue]) if (x) { a = Math.min(a, x.start); b = Math.max(b, x.end); }
  return { start: a, end: b, text: text.slice(a, b) };
}

/**
 * One citation per (from, to) pair, with the first evidence: the report cites the sources of
 * its top-level claims, an outer claim's source those of the claims nested in it, then the
 * relations found in the text and the credit lines.
 */
function citationsOf(text: string, claims: Claim[], relations: RawRelation[], relIds: Array<{ from: string | null; to: string | null }>,
  credits: Array<{ evidence: Span; id: string | null }>): Citation[] {
  const citations: Citation[] = [];
  const seen = new Set<string>();
  const cite = (from: string | null, to: string | null, evidence: Span) => {
    if (!from || !to || from === to) return;
    const key = `${from}>${to}`;
    if (seen.has(key)) return;
    seen.add(key);
    citations.push({ from, to, evidence });
  };
  const byId = new Map<string, Claim>();
  for (const c of claims) if (!byId.has(c.id)) byId.set(c.id, c);
  for (const c of claims) {
    if (!c.source || !c.cue) continue;
    if (c.via === null) cite('report', c.source, evidenceOf(text, c));
    else {
      const outer = byId.get(c.via);
      if (outer?.source) cite(outer.source, c.source, evidenceOf(text, c));
    }
  }
  for (let k = 0; k < relations.length; k++) cite(relIds[k].from, relIds[k].to, relations[k].evidence);
  for (const c of credits) cite('report', c.id, c.evidence);
  return citations;
}

export { nameOf, kindOfWords };
