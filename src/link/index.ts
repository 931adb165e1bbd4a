/**
 * The case file: many reports' extractions linked into canonical sources and incidents, each
 * incident with its reports, provenance (origins) and field-level contradictions. Pure: the
 * store keeps the state and the corrections; this recomputes what follows from them.
 */
import type { Extraction, IncidentMention, IncidentType, Location, Perpetrator, Victim } from '../model/index.js';
import { addReport, createClusterState, incidentsOf, type ClusterConfig, type ClusterCorrection, type ClusterState } from './cluster.js';
import { fieldSummaries, type FieldName, type FieldSummary } from './contradictions.js';
import { incidentProvenance, type IncidentProvenance, type IncidentReport } from './provenance.js';
import { linkSources, nameKey, type CanonicalSource, type SourceCorrection, type SourceIdentity, type SourceSelector } from './sources.js';

export * from './sources.js';
export * from './cluster.js';
export * from './provenance.js';
export * from './contradictions.js';

export interface CaseReport { extraction: Extraction; outlet?: string | null; externalId?: string | null }

export interface CaseIncident {
  id: string;
  type: IncidentType;
  date: { start: string | null; end: string | null; value: string | null };
  location: Pick<Location, 'name' | 'admin1' | 'country' | 'lat' | 'lon'> | null;
  /** merged over the reports (src/link/contradictions.ts): `max` null when no upper bound is stated; `value`: the best-supported report's figure */
  killed: IncidentCount | null;
  injured: IncidentCount | null;
  perpetrators: Perpetrator[];
  victims: Victim[];
  reports: Array<{ id: string; externalId: string | null; title: string | null; published: string | null; mention: string }>;
  /** node ids of the provenance graph (canonical source ids and outlet ids) */
  sources: string[];
  origins: string[];
  contradictions: Array<{ field: FieldName; values: Array<{ value: string; sources: string[]; origins: string[] }> }>;
  fields: FieldSummary[];
  provenance: IncidentProvenance;
}

export interface IncidentCount { min: number; max: number | null; value: number; approximate?: true }

export interface CaseFile {
  sources: CanonicalSource[];
  identity: SourceIdentity;
  incidents: CaseIncident[];
  clustering: ClusterState;
}

export interface CaseOptions {
  cluster?: Partial<ClusterConfig>;
  sourceCorrections?: SourceCorrection[];
  /** names a documenter gave to merged sources: the canonical source holding any of `sources` takes `name` */
  sourceNames?: SourceRename[];
  incidentCorrections?: ClusterCorrection[];
  /** a clustering state to continue (incremental); its corrections are kept */
  state?: ClusterState;
}

export interface SourceRename { sources: SourceSelector[]; name: string }

/** Gives merged canonical sources the name a documenter chose (the old name becomes an alias). */
export function renameSources(identity: SourceIdentity, renames: readonly SourceRename[]): void {
  for (const r of renames) {
    const ids = new Set<string>();
    for (const sel of r.sources) {
      if ('name' in sel) {
        const k = nameKey(sel.name);
        for (const s of identity.sources) if ([s.name, ...s.aliases].some(n => nameKey(n) === k)) ids.add(s.id);
      } else {
        const id = identity.canonicalOf(sel.report, sel.source);
        if (id) ids.add(id);
      }
    }
    if (ids.size !== 1) continue; // the merge did not hold (or names nothing now): leave the names alone
    const s = identity.byId.get([...ids][0])!;
    if (s.name === r.name) continue;
    if (!s.aliases.includes(s.name)) s.aliases = [...s.aliases, s.name].sort();
    s.name = r.name;
    s.aliases = s.aliases.filter(a => a !== r.name);
  }
}

/** Link reports into a case file. With `state`, only reports it has not seen are clustered anew. */
export function buildCaseFile(reports: readonly CaseReport[], opts: CaseOptions = {}): CaseFile {
  const xs = reports.map(r => r.extraction);
  const identity = linkSources(xs, opts.sourceCorrections ?? []);
  renameSources(identity, opts.sourceNames ?? []);
  const st = opts.state ?? createClusterState(opts.cluster ?? {}, opts.incidentCorrections ?? []);
  for (const x of xs) addReport(st, x);
  const byId = new Map(reports.map(r => [r.extraction.report.id, r]));
  const incidents: CaseIncident[] = [];
  for (const inc of incidentsOf(st)) {
    const c = caseIncident(inc.id, inc.mentions.map(m => ({ report: m.report, mention: m.mention })), byId, identity);
    if (c) incidents.push(c);
  }
  return { sources: identity.sources, identity, incidents, clustering: st };
}

/**
 * One incident's record from its members (report id and the mention as that report tells it):
 * provenance, field summaries, contradictions. Null when none of the members' reports is given.
 */
export function caseIncident(id: string, members: ReadonlyArray<{ report: string; mention: IncidentMention }>, byId: ReadonlyMap<string, CaseReport>, identity: SourceIdentity): CaseIncident | null {
  const inc = { id };
  {
    const items: IncidentReport[] = members.filter(m => byId.has(m.report)).map(m => ({ extraction: byId.get(m.report)!.extraction, mention: m.mention, outlet: byId.get(m.report)!.outlet ?? null }));
    if (!items.length) return null;
    const provenance = incidentProvenance(items, identity);
    const fields = fieldSummaries(items, provenance);
    const f = (k: FieldName) => fields.find(x => x.field === k)!;
    const count = (k: 'killed' | 'injured'): IncidentCount | null => {
      const s = f(k);
      const best = s.values[0]?.count;
      if (!best) return null;
      const c: IncidentCount = { min: Number(s.merged.min), max: s.merged.max === null ? null : Number(s.merged.max), value: best.min };
      if (s.merged.approximate) c.approximate = true;
      return c;
    };
    const place = f('place').merged;
    const types = new Map<IncidentType, number>();
    for (const it of items) types.set(it.mention.type, (types.get(it.mention.type) ?? 0) + 1);
    const seenPerp = new Set<string>(), seenVictim = new Set<string>();
    return {
      id: inc.id,
      type: [...types].sort((a, b) => b[1] - a[1])[0][0],
      date: { start: (f('date').merged.min as string | null) ?? null, end: (f('date').merged.max as string | null) ?? null, value: f('date').merged.value },
      location: place.value ? { name: place.value.split(', ')[0], admin1: place.admin1 ?? null, country: place.country ?? null, lat: place.lat ?? null, lon: place.lon ?? null } : null,
      killed: count('killed'),
      injured: count('injured'),
      perpetrators: items.flatMap(it => it.mention.perpetrators).filter(p => { const k = (p.name ?? p.group ?? p.text).toLowerCase(); if (seenPerp.has(k)) return false; seenPerp.add(k); return true; }),
      victims: items.flatMap(it => it.mention.victims).filter(v => { const k = (v.name ?? v.text).toLowerCase(); if (seenVictim.has(k)) return false; seenVictim.add(k); return true; }),
      reports: items.map(it => ({ id: it.extraction.report.id, externalId: byId.get(it.extraction.report.id)?.externalId ?? null, title: it.extraction.report.title, published: it.extraction.report.published, mention: it.mention.id })),
      sources: provenance.nodes.map(n => n.id),
      origins: provenance.origins,
      contradictions: fields.filter(x => x.contradiction).map(x => ({ field: x.field, values: x.values.map(v => ({ value: v.value, sources: v.sources, origins: v.origins })) })),
      fields,
      provenance,
    };
  }
}
