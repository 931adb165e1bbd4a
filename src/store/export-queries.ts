/**
 * What the exports (src/jobs/export.ts) read from the case file, a page of incidents at a time:
 * the incidents themselves (same filters and order as `listIncidents`), and for one page the
 * context the export formats need beyond the stored incident record: each member mention's date
 * and place precision, the reports, and (for PROV) the claims behind the mentions and the
 * reports' citations with their canonical sources.
 */
import type { Db } from './db.js';
import type { IncidentFilters } from './incident-filters.js';
import { listIncidents, type IncidentSummary } from './queries.js';

/**
 * The incidents matching `filters`, in pages of `pageSize` (the order of `listIncidents`:
 * nearest first with `near`, then newest first, then id). `filters.limit` / `offset` bound the
 * whole export. Pages are read by offset: an export running while the case file is relinked
 * may see an incident twice or miss one.
 */
export async function* incidentPages(db: Db, filters: IncidentFilters = {}, pageSize = 200): AsyncGenerator<IncidentSummary[]> {
  const start = Math.max(0, Math.floor(filters.offset ?? 0));
  const max = filters.limit === undefined ? Infinity : Math.max(0, Math.floor(filters.limit));
  const size = Math.max(1, Math.min(1000, Math.floor(pageSize)));
  let done = 0;
  while (done < max) {
    const want = Math.min(size, max - done);
    const rows = await listIncidents(db, { ...filters, limit: want, offset: start + done });
    if (!rows.length) return;
    yield rows;
    done += rows.length;
    if (rows.length < want) return;
  }
}

export interface ExportMention {
  incidentId: string;
  reportId: string;
  mentionId: string;
  datePrecision: string | null;
  placePrecision: string | null;
  /** the place as the report wrote it ("near Kafr Nabl") */
  placeText: string | null;
  /** ids (report-local) of the claims behind the mention */
  claims: string[];
}

export interface ExportReport {
  id: string;
  externalId: string | null;
  title: string | null;
  published: string | null;
  url: string | null;
  byteSize: number;
  extractorVersion: string | null;
  addedAt: string;
  extractedAt: string | null;
}

export interface ExportClaim {
  reportId: string;
  id: string;
  /** report-local source id, its name and kind as the report names it, and its canonical source */
  source: string | null;
  sourceName: string | null;
  sourceKind: string | null;
  sourceId: string | null;
  cue: { start: number; end: number; text: string } | null;
  content: { start: number; end: number; text: string };
  quote: string;
  hedges: string[];
}

export interface ExportCitation {
  reportId: string;
  seq: number;
  /** report-local ids ("report" for the report's own voice) with names and canonical sources */
  from: string;
  to: string;
  fromName: string | null;
  toName: string | null;
  fromId: string | null;
  toId: string | null;
  evidence: { start: number; end: number; text: string };
}

export interface IncidentContext {
  /** incident id -> when the linked record was last written (ISO) */
  updatedAt: Map<string, string>;
  mentions: ExportMention[];
  reports: Map<string, ExportReport>;
  claims: ExportClaim[];
  citations: ExportCitation[];
}

/**
 * The context of a page of incidents. `claims: true` also reads the claims behind their
 * mentions and the citations of their reports (for PROV).
 */
export async function incidentContext(db: Db, incidentIds: string[], opts: { claims?: boolean } = {}): Promise<IncidentContext> {
  const ctx: IncidentContext = { updatedAt: new Map(), mentions: [], reports: new Map(), claims: [], citations: [] };
  if (!incidentIds.length) return ctx;
  const upd = await db.query<{ id: string; updatedAt: string | Date }>(
    `SELECT id, updated_at AS "updatedAt" FROM incidents WHERE id = ANY($1::text[])`, [incidentIds]);
  for (const u of upd) ctx.updatedAt.set(u.id, iso(u.updatedAt));
  ctx.mentions = await db.query<ExportMention>(
    `SELECT m.incident_id AS "incidentId", m.report_id AS "reportId", m.mention_id AS "mentionId",
       im.fields->'date'->>'precision' AS "datePrecision", im.fields->'location'->>'precision' AS "placePrecision",
       im.fields->'location'->>'text' AS "placeText",
       coalesce(ARRAY(SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(im.fields->'claims') = 'array' THEN im.fields->'claims' ELSE '[]'::jsonb END)), '{}') AS claims
     FROM incident_members m JOIN incident_mentions im ON im.report_id = m.report_id AND im.id = m.mention_id
     WHERE m.incident_id = ANY($1::text[]) ORDER BY m.incident_id, m.report_id, im.seq`, [incidentIds]);
  const reportIds = [...new Set(ctx.mentions.map((m) => m.reportId))];
  if (!reportIds.length) return ctx;
  const reports = await db.query<ExportReport & { addedAt: string | Date; extractedAt: string | Date | null; published: string | Date | null }>(
    `SELECT id, external_id AS "externalId", title, published, url, byte_size AS "byteSize",
       extractor_version AS "extractorVersion", added_at AS "addedAt", extracted_at AS "extractedAt"
     FROM reports WHERE id = ANY($1::text[])`, [reportIds]);
  for (const r of reports) {
    ctx.reports.set(r.id, { ...r, published: day(r.published), addedAt: iso(r.addedAt), extractedAt: r.extractedAt == null ? null : iso(r.extractedAt) });
  }
  if (!opts.claims) return ctx;
  const wanted = ctx.mentions.flatMap((m) => m.claims.map((c) => ({ report_id: m.reportId, id: c })));
  if (wanted.length) {
    ctx.claims = await db.query<ExportClaim>(
      `SELECT c.report_id AS "reportId", c.id, c.source, s.name AS "sourceName", s.kind AS "sourceKind", s.source_id AS "sourceId",
         c.cue, c.content, c.quote, ARRAY(SELECT x->>'text' FROM jsonb_array_elements(c.hedges) AS x) AS hedges
       FROM claims c JOIN (SELECT DISTINCT * FROM jsonb_to_recordset($1::jsonb) AS w(report_id text, id text)) w
         ON w.report_id = c.report_id AND w.id = c.id
       LEFT JOIN report_sources s ON s.report_id = c.report_id AND s.local_id = c.source
       ORDER BY c.report_id, c.id`, [JSON.stringify(wanted)]);
  }
  ctx.citations = await db.query<ExportCitation>(
    `SELECT ci.report_id AS "reportId", ci.seq, ci.from_source AS "from", ci.to_source AS "to",
       f.name AS "fromName", t.name AS "toName", f.source_id AS "fromId", t.source_id AS "toId", ci.evidence
     FROM citations ci
     LEFT JOIN report_sources f ON f.report_id = ci.report_id AND f.local_id = ci.from_source
     LEFT JOIN report_sources t ON t.report_id = ci.report_id AND t.local_id = ci.to_source
     WHERE ci.report_id = ANY($1::text[]) ORDER BY ci.report_id, ci.seq`, [reportIds]);
  return ctx;
}

const iso = (v: string | Date) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());
const day = (v: string | Date | null) => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
