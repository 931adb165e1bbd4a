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
import { scanClaims, type RawClaim } from './claims.js';
import { SourceResolver, nameOf, kindOfWords } from './sources.js';
import { findHedges } from './hedges.js';
import { CREDIT_PATTERNS } from './lexicon/cues.js';

export interface Attribution {
  sources: Source[];
  claims: Claim[];
  citations: Citation[];
}

const FIRST_SECOND_PERSON = new Set(['i', 'we', 'you', 'me', 'us']);

function extentOf(c: { source: Span | null; cue: Span | null; content: Span }): [number, number] {
  let a = c.content.start, b = c.content.end;
  for (const s of [c.source, c.cue]) if (s) { a = Math.min(a, s.start); b = Math.max(b, s.end); }
  return [a, b];
}

export function extractAttribution(doc: AnalysedDoc): Attribution {
  const text = doc.text;
  const scan = scanClaims(doc);
  const raw = scan.claims.slice().sort((x, y) => x.cue.start - y.cue.start);

  // ---- an indirect content ends where the next speaker of the same sentence starts: "..., all sources confirmed that ..." ----
  for (const a of raw) {
    if (a.quote === 'direct') continue;
    for (const b of raw) {
      if (b === a || !b.source || b.source.start <= a.content.start || b.source.start >= a.content.end || b.cue.start < b.source.start) continue;
      const before = text.slice(a.content.start, b.source.start);
      const m = /[,;]\s*$/.exec(before);
      if (!m) continue;
      const end = a.content.start + before.length - m[0].length;
      if (end > a.content.start) a.content = { start: a.content.start, end, text: text.slice(a.content.start, end) };
    }
  }

  // ---- nesting: the innermost claim whose content holds this claim's cue ----
  const parent: number[] = raw.map(() => -1);
  {
    // contents sorted by start; a stack of open contents (contents nest or are disjoint)
    const order = raw.map((_, i) => i).sort((x, y) => raw[x].content.start - raw[y].content.start || raw[y].content.end - raw[x].content.end);
    const events = raw.map((c, i) => ({ i, at: c.cue.start })).sort((x, y) => x.at - y.at);
    const stack: number[] = [];
    let oi = 0;
    for (const ev of events) {
      while (oi < order.length && raw[order[oi]].content.start <= ev.at) {
        const k = order[oi++];
        while (stack.length && raw[stack[stack.length - 1]].content.end <= raw[k].content.start) stack.pop();
        stack.push(k);
      }
      while (stack.length && raw[stack[stack.length - 1]].content.end <= ev.at) stack.pop();
      for (let s = stack.length - 1; s >= 0; s--) {
        const k = stack[s];
        if (k !== ev.i && raw[k].content.start <= raw[ev.i].cue.start && raw[k].content.end >= raw[ev.i].cue.end) { parent[ev.i] = k; break; }
      }
    }
  }
  const keep = raw.map((c, i) => {
    const p = parent[i];
    if (p < 0) return true;
    const inQuote = scan.quotes.containing(c.cue.start, c.cue.end) !== null;
    if (!inQuote) return true;
    const src = c.source?.text.trim().toLowerCase() ?? '';
    return !(FIRST_SECOND_PERSON.has(src) || c.cueKind === 'belief');
  });
  const kept: number[] = [];
  const newIndex = raw.map(() => -1);
  raw.forEach((_, i) => { if (keep[i]) { newIndex[i] = kept.length; kept.push(i); } });
  const claimId = (k: number) => `claim:${k + 1}`;

  // ---- sources, resolved in text order of their mentions ----
  const resolver = new SourceResolver(text);
  type Mention = { at: Span; set: (id: string | null) => void; cited?: boolean };
  const mentions: Mention[] = [];
  const sourceOf: Array<string | null> = kept.map(() => null);
  kept.forEach((ri, k) => { const s = raw[ri].source; if (s) mentions.push({ at: s, set: id => { sourceOf[k] = id; } }); });
  const relIds: Array<{ from: string | null; to: string | null }> = scan.relations.map(() => ({ from: null, to: null }));
  scan.relations.forEach((r, k) => {
    if (r.from.start >= 0) mentions.push({ at: r.from, set: id => { relIds[k].from = id; } });
    mentions.push({ at: r.to, set: id => { relIds[k].to = id; }, cited: r.citing });
  });
  // credit lines
  const credits: Array<{ evidence: Span; id: string | null }> = [];
  for (const re of CREDIT_PATTERNS) {
    for (const m of text.matchAll(new RegExp(re.source, re.flags))) {
      const name = m[1].trim();
      const start = m.index! + m[0].indexOf(m[1]);
      const c = { evidence: { start: m.index!, end: m.index! + m[0].length, text: m[0] }, id: null as string | null };
      credits.push(c);
      mentions.push({ at: { start, end: start + name.length, text: name }, set: id => { c.id = id; } });
    }
  }
  mentions.sort((a, b) => a.at.start - b.at.start);
  for (const m of mentions) m.set(m.cited ? resolver.resolveCited(m.at) : resolver.resolve(m.at));
  const sources = resolver.finish();

  // ---- claims ----
  const claims: Claim[] = kept.map((ri, k) => {
    const c: RawClaim = raw[ri];
    const p = parent[ri];
    let via: string | null = null;
    for (let q = p; q >= 0; q = parent[q]) if (keep[q]) { via = claimId(newIndex[q]); break; }
    return { id: claimId(k), source: sourceOf[k], sourceSpan: c.source, cue: c.cue, content: c.content, quote: c.quote, hedges: [], via };
  });

  // ---- hedges ----
  const extents = claims.map(c => extentOf({ source: c.sourceSpan, cue: c.cue, content: c.content }));
  const ownVoice = new Map<number, Span[]>();
  for (const h of findHedges(text)) {
    let best = -1;
    for (let k = 0; k < claims.length; k++) {
      const [a, b] = extents[k];
      if (a <= h.start && b >= h.end && (best < 0 || b - a < extents[best][1] - extents[best][0])) best = k;
    }
    if (best >= 0) { claims[best].hedges.push(h); continue; }
    const s = sentenceAt(doc, h.start);
    const key = s ? s.i : -1 - h.start;
    const list = ownVoice.get(key) ?? [];
    list.push(h);
    ownVoice.set(key, list);
  }
  for (const [key, hedges] of ownVoice) {
    const s = key >= 0 ? doc.sentences[key] : null;
    const content = s ? { start: s.start, end: s.end, text: s.text } : hedges[0];
    claims.push({ id: claimId(claims.length), source: null, sourceSpan: null, cue: null, content, quote: 'none', hedges, via: null });
  }

  // ---- citations ----
  const citations: Citation[] = [];
  const seen = new Set<string>();
  const cite = (from: string | null, to: string | null, evidence: Span) => {
    if (!from || !to || from === to) return;
    const key = `${from}>${to}`;
    if (seen.has(key)) return;
    seen.add(key);
    citations.push({ from, to, evidence });
  };
  const evidenceOf = (c: Claim): Span => {
    const parts = [c.sourceSpan, c.cue].filter((x): x is Span => !!x);
    const a = Math.min(...parts.map(x => x.start)), b = Math.max(...parts.map(x => x.end));
    return { start: a, end: b, text: text.slice(a, b) };
  };
  for (const c of claims) {
    if (!c.source || !c.cue) continue;
    if (c.via === null) cite('report', c.source, evidenceOf(c));
    else {
      const outer = claims.find(o => o.id === c.via);
      if (outer?.source) cite(outer.source, c.source, evidenceOf(c));
    }
  }
  scan.relations.forEach((r, k) => cite(relIds[k].from, relIds[k].to, r.evidence));
  for (const c of credits) cite('report', c.id, c.evidence);

  // drop sources nobody refers to (a pronoun antecedent that ended unused)
  const used = new Set<string>([...claims.map(c => c.source), ...citations.flatMap(c => [c.from, c.to])].filter((x): x is string => !!x));
  return { sources: sources.filter(s => used.has(s.id)), claims, citations };
}

export { nameOf, kindOfWords };
