/**
 * Linking over the store, in full: `relink` reads every extracted report, links them into a case
 * file (`src/link`: canonical sources, incidents, origins, contradictions), writes the linked
 * view back (`saveSources`, `saveIncidents`) and the clustering state incremental linking goes on
 * from (src/jobs/incremental-link.ts). `recomputeIncidents` rebuilds only some incidents' records
 * from their member reports (after a correction or new members). Also the JSON shape of an
 * incident as the command line prints it (`corroborate incidents --format jsonl`).
 *
 * Documenters' corrections (table corrections) are read by both paths.
 */
import type { Extraction, IncidentMention, SourceKind } from '../model/index.js';
import {
  buildCaseFile, caseIncident, featuresToJson, mentionKey, sourceKeys,
  type CanonicalSource as LinkedSource, type CaseIncident, type CaseReport, type ClusterCorrection, type ClusterState,
  type SourceCorrection, type SourceIdentity, type SourceRename, type SourceSelector,
} from '../link/index.js';
import {
  addDf, addLinkKeys, clearLinkState, linkReports, listCorrections, markLinked, membersOf, mergeSearchIndexes, REVIEW_RECORD_KEY, reportSourceRows, saveIncidents,
  saveLinkMentions, saveSources, setLinkCounters, sourcesById, withCorrections,
  type Db, type IncidentRecord, type IncidentSummary, type SourceAssignment,
} from '../store/index.js';

import { outletOf } from './outlet.js';

export interface RelinkResult { incidents: number; sources: number; reports: number }

/** The publisher of a stored report: the name the input gave, else its URL's host. */
export const reportOutlet = (r: { outlet?: string | null; url?: string | null }): string | null => r.outlet?.trim() || outletOf(r.url);

export { outletOf } from './outlet.js';

/** Every extracted report of the store, in the order they were added (paged reads). */
export async function loadCaseReports(db: Db, page = 500): Promise<CaseReport[]> {
  const out: CaseReport[] = [];
  let after = '';
  let at = '-infinity';
  for (;;) {
    const rows = await db.query<{ id: string; external_id: string | null; url: string | null; outlet: string | null; text: string | null; extraction: Extraction; at: string }>(
      `SELECT id, external_id, url, outlet, text, extraction, added_at::text AS at FROM reports
       WHERE status = 'ok' AND extraction IS NOT NULL AND (added_at, id) > ($1::timestamptz, $2) ORDER BY added_at, id LIMIT $3`,
      [at, after, page],
    );
    if (!rows.length) break;
    for (const r of rows) {
      const ex = r.extraction;
      ex.report = { ...ex.report, id: r.id, text: r.text ?? '' };
      out.push({ extraction: ex, outlet: reportOutlet(r), externalId: r.external_id });
    }
    after = rows[rows.length - 1].id;
    at = rows[rows.length - 1].at;
  }
  // in the order the reports arrived (ties by id): the order incremental linking saw them in, so
  // a full re-link reproduces what incremental linking built (and is stable from run to run)
  return out;
}

export interface LoadedCorrections { sources: SourceCorrection[]; incidents: ClusterCorrection[]; sourceNames: SourceRename[] }

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const selectors = (v: unknown): SourceSelector[] => (Array.isArray(v) ? v : []).flatMap((x): SourceSelector[] => {
  const o = x as Record<string, unknown> | null;
  if (o && typeof o.name === 'string') return [{ name: o.name }];
  if (o && typeof o.report === 'string' && typeof o.source === 'string') return [{ report: o.report, source: o.source }];
  return [];
});
const groupsOf = <T>(v: unknown, item: (x: unknown) => T[]): T[][] => (Array.isArray(v) ? v.map(item).filter((g) => g.length > 0) : []);

/**
 * Documenters' active corrections from the store, in the shapes `src/link` takes (payloads it
 * cannot read are skipped). Payloads (written by src/jobs/corrections.ts):
 *  - merge_sources {ids, selectors, name?}: the sources selected go together (named `name`);
 *  - split_source {id, names, groups: [kept selectors, moved selectors]}: the groups stay apart,
 *    the moved ones together;
 *  - merge_incidents {ids, mentions}; split_incident {id, reports, groups: [kept mentions, moved mentions]}.
 * Older payloads with only `names` (sources) or `mentions` (incidents) are read as before.
 */
export async function loadCorrections(db: Db): Promise<LoadedCorrections> {
  const sources: SourceCorrection[] = [];
  const incidents: ClusterCorrection[] = [];
  const sourceNames: SourceRename[] = [];
  for (const c of await listCorrections(db)) {
    const p = c.payload as Record<string, unknown>;
    const meta = { by: c.by, note: c.why ?? undefined };
    if (c.kind === 'merge_sources') {
      const sel = p.selectors ? selectors(p.selectors) : strings(p.names).map((name) => ({ name }));
      if (sel.length < 2) continue;
      sources.push({ kind: 'merge', sources: sel, ...meta });
      if (typeof p.name === 'string' && p.name.trim()) sourceNames.push({ sources: sel, name: p.name.trim() });
    } else if (c.kind === 'split_source') {
      const groups = groupsOf(p.groups, selectors);
      if (groups.length >= 2) {
        sources.push({ kind: 'split', sources: groups.flat(), groups, ...meta });
        const moved = groups[groups.length - 1];
        if (moved.length >= 2) sources.push({ kind: 'merge', sources: moved, ...meta });
      } else {
        const names = strings(p.names);
        if (names.length >= 2) sources.push({ kind: 'split', sources: names.map((name) => ({ name })), ...meta });
      }
    } else if (c.kind === 'merge_incidents') {
      const mentions = strings(p.mentions);
      if (mentions.length >= 2) incidents.push({ kind: 'merge', mentions, ...meta });
    } else if (c.kind === 'split_incident') {
      const groups = groupsOf(p.groups, strings);
      if (groups.length >= 2) {
        incidents.push({ kind: 'split', mentions: groups.flat(), groups, ...meta });
        const moved = groups[groups.length - 1];
        if (moved.length >= 2) incidents.push({ kind: 'merge', mentions: moved, ...meta });
      } else {
        const mentions = strings(p.mentions);
        if (mentions.length >= 2) incidents.push({ kind: 'split', mentions, ...meta });
      }
    }
  }
  return { sources, incidents, sourceNames };
}

/** A case incident as stored: the key columns plus everything a case sheet shows (JSON-safe). */
export function incidentRecord(inc: CaseIncident): IncidentRecord {
  const { provenance, fields, date, killed, injured, ...rest } = inc;
  return {
    ...rest,
    date: { start: date.start, end: date.end, value: date.value } as IncidentRecord['date'],
    killed, injured,
    members: inc.reports.map((r) => ({ reportId: r.id, mentionId: r.mention })),
    fields,
    provenance: {
      nodes: provenance.nodes,
      edges: provenance.edges,
      origins: provenance.origins,
      counts: provenance.counts,
      summary: provenance.summary,
      reports: Object.fromEntries(provenance.reports),
    },
  };
}

/** A canonical source as stored (with the keys incremental linking finds it by). */
export const storedSource = (s: LinkedSource) => ({
  id: s.id, name: s.name, kind: s.kind, aliases: s.aliases, affiliation: s.affiliation, named: s.named, keys: sourceKeys([s.name, ...s.aliases]),
});

/**
 * Links every extracted report of the store and replaces the linked view (sources, incidents)
 * and the persisted clustering state: incremental linking goes on from it. Memory grows with
 * the collection: this is the path for re-linking on purpose (`corroborate ingest --relink`).
 */
export async function relink(db: Db, opts: { cluster?: Partial<import('../link/index.js').ClusterConfig> } = {}): Promise<RelinkResult> {
  const reports = await loadCaseReports(db);
  const corr = await loadCorrections(db);
  const cf = buildCaseFile(reports, { cluster: opts.cluster, sourceCorrections: corr.sources, incidentCorrections: corr.incidents, sourceNames: corr.sourceNames });
  const assignments: SourceAssignment[] = [];
  for (const [key, sourceId] of cf.identity.map) {
    const cut = key.indexOf('\u0000');
    if (cut > 0) assignments.push({ reportId: key.slice(0, cut), localId: key.slice(cut + 1), sourceId });
  }
  await db.transaction(async (tx) => {
    await saveSources(tx, cf.sources.map(storedSource), assignments, { replace: true });
    await saveIncidents(tx, cf.incidents.map(incidentRecord), { replace: true });
    await saveClusterState(tx, cf.clustering);
    await markLinked(tx, 'all');
  });
  await mergeSearchIndexes(db);
  return { incidents: cf.incidents.length, sources: cf.sources.length, reports: reports.length };
}

/** Replaces the persisted clustering state with a whole in-memory one (after a full re-link). */
export async function saveClusterState(db: Db, st: ClusterState): Promise<void> {
  await clearLinkState(db);
  const mentions = [...st.mentions.values()];
  for (let i = 0; i < mentions.length; i += 2000) {
    await saveLinkMentions(db, mentions.slice(i, i + 2000).map((m) => ({ reportId: m.report, mentionId: m.mention.id, features: featuresToJson(m.features) })));
  }
  const keys: { key: string; incidentId: string }[] = [];
  for (const [key, ids] of st.index) {
    for (const incidentId of ids) keys.push({ key, incidentId });
    if (keys.length >= 20000) await addLinkKeys(db, keys.splice(0));
  }
  await addLinkKeys(db, keys);
  await addDf(db, st.df);
  await setLinkCounters(db, { docs: st.docs, seq: st.seq });
}

/**
 * The canonical identity of these reports' sources as the store has it (report_sources.source_id
 * and the sources rows, with the organisations people are affiliated to), in the shape
 * provenance takes.
 */
export async function storeIdentity(db: Db, reportIds: string[]): Promise<SourceIdentity> {
  const rows = await reportSourceRows(db, reportIds);
  const map = new Map<string, string>();
  for (const r of rows) if (r.sourceId) map.set(`${r.reportId}\u0000${r.localId}`, r.sourceId);
  const ids = new Set(map.values());
  let srcs = await sourcesById(db, [...ids]);
  const aff = srcs.map((s) => s.affiliation).filter((a): a is string => !!a && !ids.has(a));
  if (aff.length) srcs = srcs.concat(await sourcesById(db, [...new Set(aff)]));
  const byId = new Map<string, LinkedSource>();
  for (const s of srcs) {
    byId.set(s.id, { id: s.id, name: s.name, aliases: s.aliases, kind: s.kind as SourceKind, affiliation: s.affiliation, named: s.named, mentions: [] });
  }
  for (const s of byId.values()) if (s.affiliation && !byId.has(s.affiliation)) s.affiliation = null;
  for (const r of rows) if (r.sourceId) byId.get(r.sourceId)?.mentions.push({ report: r.reportId, source: r.localId });
  return { sources: [...byId.values()], map, links: [], refused: [], byId, canonicalOf: (report, source) => map.get(`${report}\u0000${source}`) ?? null };
}

/**
 * Rebuilds the records of these incidents from their members' reports (members as given, else
 * as stored) and saves them; an incident left with no member is removed. Returns the records.
 */
export async function recomputeIncidents(db: Db, incidents: Array<{ id: string; members?: { reportId: string; mentionId: string }[] }>): Promise<IncidentRecord[]> {
  if (!incidents.length) return [];
  const stored = await membersOf(db, incidents.filter((i) => !i.members).map((i) => i.id));
  const members = new Map<string, { reportId: string; mentionId: string }[]>();
  for (const i of incidents) if (i.members) members.set(i.id, i.members);
  for (const m of stored) {
    const l = members.get(m.incidentId);
    if (l) l.push(m); else members.set(m.incidentId, [m]);
  }
  const reportIds = [...new Set([...members.values()].flat().map((m) => m.reportId))];
  const reports = await linkReports(db, reportIds);
  const byId = new Map<string, CaseReport>(reports.map((r) => [r.id, { extraction: r.extraction, outlet: reportOutlet(r), externalId: r.externalId }]));
  const identity = await storeIdentity(db, reportIds);
  const records: IncidentRecord[] = [];
  const remove: string[] = [];
  for (const { id } of incidents) {
    const ms = (members.get(id) ?? []).flatMap((m) => {
      const mention = byId.get(m.reportId)?.extraction.incidents.find((x) => x.id === m.mentionId);
      return mention ? [{ report: m.reportId, mention: mention as IncidentMention }] : [];
    });
    const c = caseIncident(id, ms, byId, identity);
    if (c) records.push(incidentRecord(c)); else remove.push(id);
  }
  await saveIncidents(db, records, { replace: false, remove });
  return records;
}

/** The mention key (report#mention) of a member. */
export const memberKey = (m: { reportId: string; mentionId: string }) => mentionKey(m.reportId, m.mentionId);


/** One line of `corroborate incidents --format jsonl`. */
export function incidentJson(s: IncidentSummary): Record<string, unknown> {
  // what the incident states: the documenters' corrections in force over the linked values
  const r = withCorrections(s.record as IncidentRecord & Partial<CaseIncident>, s.reviewed);
  const linked = s.record as unknown as Record<string, unknown>;
  const prov = (r.provenance ?? {}) as { nodes?: { id: string; name: string; kind: string }[]; summary?: string };
  const names = Object.fromEntries((prov.nodes ?? []).map((n) => [n.id, n.name]));
  return {
    id: s.id,
    type: s.type,
    date: r.date ?? { start: s.dateStart, end: s.dateEnd },
    location: r.location ?? null,
    killed: r.killed ?? s.killed,
    injured: r.injured ?? s.injured,
    perpetrators: r.perpetrators ?? [],
    victims: r.victims ?? [],
    reports: (r.reports ?? []).map((x) => ({ id: x.id, externalId: x.externalId, title: x.title, published: x.published })),
    sources: r.sources ?? [],
    sourceNames: names,
    origins: r.origins ?? [],
    independence: prov.summary ?? null,
    contradictions: (r.contradictions ?? []).map((c) => ({ field: c.field, values: c.values.map((v) => ({ value: v.value, sources: v.sources })) })),
    // each corrected field with the value linking gave it (the values above are the corrected ones)
    corrected: Object.fromEntries(Object.keys(s.reviewed ?? {}).sort().map((f) => [f, { linked: linked[REVIEW_RECORD_KEY[f]] ?? null }])),
    ...(s.km !== undefined ? { km: Math.round(s.km * 10) / 10 } : {}),
  };
}
