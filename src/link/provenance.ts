/**
 * Provenance of one incident: the citation graph between canonical sources of the reports that
 * tell it, collapsed to origins.
 *
 * Nodes are canonical sources (sources.ts) and the reports' own outlets. An edge A → B says "A
 * relies on B" (a report citing a source, a source citing another). Each report's *speakers*
 * are the sources of the claims behind its incident mention, or its outlet when it says it in
 * its own voice. Its origins are the nodes reachable from its speakers that rely on nobody in
 * the incident's graph (edges from every report count: when one report says SOHR cites RBSS,
 * another report citing SOHR also rests on RBSS).
 *
 * Collapsing rules:
 *  - an anonymous or unnamed source ("a witness", "local sources") stands for whoever cites
 *    it: the report's own outlet when the report cites it (the outlet's own witness makes the
 *    outlet an origin), the citing source otherwise ("SOHR, citing local activists" → SOHR);
 *  - a generic body ("police", "the sheriff's office") is one node per incident: reports of the
 *    same event quoting "police" quote the same force;
 *  - a person who speaks for an organisation is that organisation.
 */
import type { Extraction, IncidentMention } from '../model/index.js';
import { nameKey, slug, type SourceIdentity } from './sources.js';

/** One report's account of the incident. `outlet`: the publisher's name or host, when known. */
export interface IncidentReport { extraction: Extraction; mention: IncidentMention; outlet?: string | null }

export interface ProvenanceNode { id: string; name: string; kind: string; reports: string[] }
export interface ProvenanceEdge { from: string; to: string; reports: string[]; evidence: string[] }

export interface ReportProvenance {
  outlet: string;
  speakers: string[];
  origins: string[];
  /** per claim behind the mention: its speaker and the origins it rests on */
  claims: Map<string, { speaker: string; origins: string[]; content: string }>;
}

export interface IncidentProvenance {
  nodes: ProvenanceNode[];
  edges: ProvenanceEdge[];
  /** node ids that rely on no other node of the graph, reached from some report's speakers */
  origins: string[];
  /** per report id: its outlet node, its speakers and the origins it rests on */
  reports: Map<string, ReportProvenance>;
  counts: { reports: number; outlets: number; origins: number };
  /** "3 reports, 3 outlets, 2 independent origins (A, B)" */
  summary: string;
}

export function outletId(r: IncidentReport): string {
  return r.outlet ? `outlet:${slug(r.outlet) || 'unknown'}` : `outlet:${r.extraction.report.id.replace(/^sha256:/, '').slice(0, 12)}`;
}

export function incidentProvenance(items: readonly IncidentReport[], identity: SourceIdentity): IncidentProvenance {
  const nodes = new Map<string, ProvenanceNode>();
  const edges = new Map<string, ProvenanceEdge>();
  const node = (id: string, name: string, kind: string, report: string) => {
    let n = nodes.get(id);
    if (!n) nodes.set(id, n = { id, name, kind, reports: [] });
    if (!n.reports.includes(report)) n.reports.push(report);
    return id;
  };
  const edge = (from: string, to: string, report: string, evidence: string) => {
    if (from === to) return;
    const k = `${from}\u0000${to}`;
    let e = edges.get(k);
    if (!e) edges.set(k, e = { from, to, reports: [], evidence: [] });
    if (!e.reports.includes(report)) e.reports.push(report);
    if (evidence && !e.evidence.includes(evidence) && e.evidence.length < 5) e.evidence.push(evidence);
  };

  const perReport = new Map<string, ReportProvenance>();
  for (const it of items) {
    const x = it.extraction;
    const rid = x.report.id;
    const outlet = node(outletId(it), it.outlet ?? (x.report.title ? `outlet of "${x.report.title}"` : `outlet of ${rid.slice(0, 19)}`), 'media', rid);
    const srcById = new Map(x.sources.map(s => [s.id, s]));
    // who cites each in-report source (for anonymous collapsing): the first citer
    const citer = new Map<string, string>();
    for (const c of x.citations) if (!citer.has(c.to)) citer.set(c.to, c.from);
    const resolve = (sid: string, depth = 0): string => {
      const s = srcById.get(sid);
      if (!s) return outlet;
      const canon = identity.canonicalOf(rid, sid);
      const cs = canon ? identity.byId.get(canon) : undefined;
      if (s.kind === 'anonymous' || !cs?.named && (s.kind === 'person' || s.kind === 'unknown' || s.kind === 'media')) {
        const by = citer.get(sid);
        if (!by || by === 'report' || depth > 5) return outlet;
        return resolve(by, depth + 1);
      }
      if (!cs || !cs.named) {
        const k = `generic:${nameKey(s.name)}`;
        return node(k, s.name, s.kind, rid);
      }
      if (cs.kind === 'person' && cs.affiliation) {
        const org = identity.byId.get(cs.affiliation)!;
        return node(org.id, org.name, org.kind, rid);
      }
      return node(cs.id, cs.name, cs.kind, rid);
    };
    for (const c of x.citations) {
      const from = c.from === 'report' ? outlet : resolve(c.from);
      edge(from, resolve(c.to), rid, c.evidence.text);
    }
    const claimById = new Map(x.claims.map(c => [c.id, c]));
    const speakers = new Set<string>();
    const claims = new Map<string, { speaker: string; origins: string[]; content: string }>();
    for (const cid of it.mention.claims) {
      const c = claimById.get(cid);
      if (!c) continue;
      const speaker = c.source ? resolve(c.source) : outlet;
      if (c.source) speakers.add(speaker);
      claims.set(cid, { speaker, origins: [], content: c.content.text });
    }
    if (!speakers.size) speakers.add(outlet);
    perReport.set(rid, { outlet, speakers: [...speakers], origins: [], claims });
  }

  // origins: sinks reachable from each report's speakers (iterative walk; cycles end where they close)
  const out = new Map<string, string[]>();
  for (const e of edges.values()) { const l = out.get(e.from); if (l) l.push(e.to); else out.set(e.from, [e.to]); }
  const sinksFrom = new Map<string, string[]>();
  const reach = (start: string): string[] => {
    const hit = sinksFrom.get(start);
    if (hit) return hit;
    const seen = new Set([start]);
    const stack = [start];
    const sinks = new Set<string>();
    while (stack.length) {
      const n = stack.pop()!;
      const next = (out.get(n) ?? []);
      if (!next.length) { sinks.add(n); continue; }
      for (const m of next) if (!seen.has(m)) { seen.add(m); stack.push(m); }
    }
    // a closed cycle relies only on itself: its entry point is the origin
    const res = sinks.size ? [...sinks] : [start];
    sinksFrom.set(start, res);
    return res;
  };
  const origins = new Set<string>();
  for (const r of perReport.values()) {
    const o = new Set<string>();
    for (const s of r.speakers) for (const x of reach(s)) o.add(x);
    r.origins = [...o];
    for (const x of o) origins.add(x);
    for (const c of r.claims.values()) c.origins = reach(c.speaker);
  }
  const outlets = new Set([...perReport.values()].map(r => r.outlet)).size;
  const names = [...origins].map(id => nodes.get(id)?.name ?? id);
  return {
    nodes: [...nodes.values()], edges: [...edges.values()], origins: [...origins], reports: perReport,
    counts: { reports: items.length, outlets, origins: origins.size },
    summary: `${items.length} report${items.length === 1 ? '' : 's'}, ${outlets} outlet${outlets === 1 ? '' : 's'}, ${origins.size} independent origin${origins.size === 1 ? '' : 's'} (${names.join('; ')})`,
  };
}

/**
 * Independence of one value: the origins behind the reports that state it. With `evidence`
 * (the value's words as each report states them), a report counts the origins of the claims
 * whose content holds those words ("the date per the police, the toll per the hospital"), and
 * of all its claims behind the incident when none does.
 */
export function independenceOf(reportIds: readonly string[], prov: IncidentProvenance, evidence?: Map<string, string | null>): { origins: string[]; reports: number; text: string } {
  const o = new Set<string>();
  for (const r of reportIds) {
    const rp = prov.reports.get(r);
    if (!rp) continue;
    const words = evidence?.get(r)?.trim().replace(/[,.;:]+$/, '');
    const holding = words ? [...rp.claims.values()].filter(c => c.content.includes(words)) : [];
    for (const x of holding.length ? holding.flatMap(c => c.origins) : rp.origins) o.add(x);
  }
  const repeat = reportIds.length;
  return { origins: [...o], reports: repeat, text: `${o.size} independent origin${o.size === 1 ? '' : 's'}; ${repeat} report${repeat === 1 ? '' : 's'} repeat${repeat === 1 ? 's' : ''} ${o.size === 1 ? 'it' : 'them'}` };
}
