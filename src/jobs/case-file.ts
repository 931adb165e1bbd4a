/**
 * Linking over the store: reads every extracted report, links them into a case file
 * (`src/link`: canonical sources, incidents, origins, contradictions) and writes the linked view
 * back (`saveSources`, `saveIncidents`). Also the JSON shape of an incident as the command line
 * prints it (`corroborate incidents --format jsonl`).
 *
 * The linked view is recomputed from the stored extractions each time (one pass, linear in the
 * number of mentions up to the clusterer's blocking); documenters' corrections are passed on.
 */
import type { Extraction } from '../model/index.js';
import {
  buildCaseFile, type CaseIncident, type CaseReport, type ClusterCorrection, type SourceCorrection,
} from '../link/index.js';
import {
  listCorrections, saveIncidents, saveSources, type Db, type IncidentRecord, type IncidentSummary, type SourceAssignment,
} from '../store/index.js';

export interface RelinkResult { incidents: number; sources: number; reports: number }

/** The publisher of a report, when its URL names one (host without "www."). */
export function outletOf(url: string | null | undefined): string | null {
  if (!url) return null;
  // an archived copy names the archive, not the publisher: look at the archived address
  const archived = /^https?:\/\/(?:web\.)?archive\.org\/web\/[^/]+\/(.+)$/i.exec(url) ?? /^https?:\/\/archive\.(?:today|is|ph|li)\/[^/]+\/(.+)$/i.exec(url);
  if (archived) return outletOf(/^https?:/i.test(archived[1]) ? archived[1] : `http://${archived[1]}`);
  try {
    const host = new URL(url).hostname.replace(/^www\./, '');
    return host || null;
  } catch {
    return null;
  }
}

/** Every extracted report of the store, in the order they were added (paged reads). */
export async function loadCaseReports(db: Db, page = 500): Promise<CaseReport[]> {
  const out: CaseReport[] = [];
  let after = '';
  for (;;) {
    const rows = await db.query<{ id: string; external_id: string | null; url: string | null; text: string | null; extraction: Extraction }>(
      `SELECT id, external_id, url, text, extraction FROM reports WHERE status = 'ok' AND extraction IS NOT NULL AND id > $1 ORDER BY id LIMIT $2`,
      [after, page],
    );
    if (!rows.length) break;
    for (const r of rows) {
      const ex = r.extraction;
      ex.report = { ...ex.report, id: r.id, text: r.text ?? '' };
      out.push({ extraction: ex, outlet: outletOf(r.url), externalId: r.external_id });
    }
    after = rows[rows.length - 1].id;
  }
  // ids are hashes: put the reports back in publication order so the clustering is stable
  out.sort((a, b) => (a.extraction.report.published ?? '').localeCompare(b.extraction.report.published ?? '') || a.extraction.report.id.localeCompare(b.extraction.report.id));
  return out;
}

/** Documenters' corrections from the store, in the shapes `src/link` takes (unknown payloads are skipped). */
export async function loadCorrections(db: Db): Promise<{ sources: SourceCorrection[]; incidents: ClusterCorrection[] }> {
  const sources: SourceCorrection[] = [];
  const incidents: ClusterCorrection[] = [];
  for (const c of await listCorrections(db)) {
    const p = c.payload as Record<string, unknown>;
    const names = Array.isArray(p.names) ? p.names.filter((x): x is string => typeof x === 'string') : [];
    const mentions = Array.isArray(p.mentions) ? p.mentions.filter((x): x is string => typeof x === 'string') : [];
    if ((c.kind === 'merge_sources' || c.kind === 'split_source') && names.length >= 2) {
      sources.push({ kind: c.kind === 'merge_sources' ? 'merge' : 'split', sources: names.map((name) => ({ name })), by: c.by, note: c.why ?? undefined });
    } else if ((c.kind === 'merge_incidents' || c.kind === 'split_incident') && mentions.length >= 2) {
      incidents.push({ kind: c.kind === 'merge_incidents' ? 'merge' : 'split', mentions, by: c.by, note: c.why ?? undefined });
    }
  }
  return { sources, incidents };
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

/** Links every extracted report of the store and replaces the linked view (sources, incidents). */
export async function relink(db: Db): Promise<RelinkResult> {
  const reports = await loadCaseReports(db);
  const corr = await loadCorrections(db);
  const cf = buildCaseFile(reports, { sourceCorrections: corr.sources, incidentCorrections: corr.incidents });
  const assignments: SourceAssignment[] = [];
  for (const [key, sourceId] of cf.identity.map) {
    const cut = key.indexOf('\u0000');
    if (cut > 0) assignments.push({ reportId: key.slice(0, cut), localId: key.slice(cut + 1), sourceId });
  }
  await saveSources(db, cf.sources.map((s) => ({ id: s.id, name: s.name, kind: s.kind, aliases: s.aliases })), assignments, { replace: true });
  await saveIncidents(db, cf.incidents.map(incidentRecord), { replace: true });
  return { incidents: cf.incidents.length, sources: cf.sources.length, reports: reports.length };
}

/** One line of `corroborate incidents --format jsonl`. */
export function incidentJson(s: IncidentSummary): Record<string, unknown> {
  const r = s.record as IncidentRecord & Partial<CaseIncident>;
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
    ...(s.km !== undefined ? { km: Math.round(s.km * 10) / 10 } : {}),
  };
}
