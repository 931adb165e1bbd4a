/**
 * Everything the rest of corroborate asks of the case file, as functions over a `Db` (or a
 * transaction of one). Plain PostgreSQL; bulk rows go in through `jsonb_to_recordset($1)` so a
 * report's extraction is a handful of statements whatever its size.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CountRange, Extraction } from '../model/schema.js';
import type { Db } from './db.js';
import { incidentWhere, isoDay, type IncidentFilters } from './incident-filters.js';

// ---------------------------------------------------------------------------------------------
// Reports and custody

export type ReportStatus = 'pending' | 'ok' | 'failed';

export interface PutReportInput {
  /** the report exactly as received */
  raw: Buffer | Uint8Array;
  /** who adds it (the documenter, `--by`) */
  by?: string | null;
  /** where it came from: a path or a URL */
  from?: string | null;
  externalId?: string | null;
  title?: string | null;
  published?: string | null;
  url?: string | null;
  /** 'text' | 'html' | 'jsonl' ...: how it was read */
  format?: string | null;
  /** the publisher as the input names it (JSONL outlet / source, HTML og:site_name) */
  outlet?: string | null;
}

export interface PutReportResult {
  id: string;
  /** false when these bytes were already in the archive (nothing changed but the custody log) */
  added: boolean;
  /** 'pending' until an extraction (or a failure) is saved: a resumed ingest extracts those */
  status: ReportStatus;
}

export function sha256Id(raw: Buffer | Uint8Array): string {
  return 'sha256:' + createHash('sha256').update(raw).digest('hex');
}

/**
 * Archives a report byte for byte under the sha256 of its bytes and logs who added it, when
 * and from where. The same bytes again change nothing but the custody log ('re-added').
 */
export async function putReport(db: Db, input: PutReportInput): Promise<PutReportResult> {
  if (!(input.raw instanceof Uint8Array)) throw new TypeError('putReport: raw must be a Buffer or Uint8Array');
  const raw = Buffer.isBuffer(input.raw) ? input.raw : Buffer.from(input.raw.buffer, input.raw.byteOffset, input.raw.byteLength);
  const id = sha256Id(raw);
  // one statement (atomic on its own, one round trip): the report if new, and its custody entry.
  // `cur` reads the snapshot from before this statement: it sees the report only if it was there.
  const [row] = await db.query<{ added: boolean; status: ReportStatus | null }>(
    `WITH ins AS (
       INSERT INTO reports (id, raw, byte_size, external_id, title, published, url, format, outlet)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $12)
       ON CONFLICT (id) DO NOTHING RETURNING id
     ), cur AS (
       SELECT status, external_id FROM reports WHERE id = $1
     ), log AS (
       INSERT INTO custody (report_id, action, by, "from", sha256, note)
       SELECT $1, CASE WHEN EXISTS (SELECT 1 FROM ins) THEN 'added' ELSE 're-added' END, $9, $10, $11,
         CASE WHEN NOT EXISTS (SELECT 1 FROM ins) AND $4::text IS NOT NULL AND $4::text IS DISTINCT FROM (SELECT external_id FROM cur)
           THEN 'same bytes as external id "' || $4::text || '"' END
     )
     SELECT EXISTS (SELECT 1 FROM ins) AS added, (SELECT status FROM cur) AS status`,
    [id, raw, raw.length, input.externalId ?? null, input.title ?? null, isoDay(input.published), input.url ?? null,
      input.format ?? null, input.by ?? null, input.from ?? null, id.slice(7), input.outlet ?? null],
  );
  return { id, added: row.added, status: row.added ? 'pending' : (row.status ?? 'pending') };
}

let versionCache: string | undefined;
/** 'corroborate@<package version>', recorded with every extraction. */
export function extractorVersion(): string {
  if (versionCache) return versionCache;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'corroborate') return (versionCache = `corroborate@${pkg.version}`);
    } catch {
      // not here; look higher
    }
    dir = dirname(dir);
  }
  return (versionCache = 'corroborate@unknown');
}

/**
 * Saves one report's extraction: its sources, claims, citations and incident mentions, and
 * marks it 'ok'. Idempotent per report: saving again replaces the rows (mentions that keep their
 * id keep their incident membership).
 */
export async function saveExtraction(db: Db, id: string, ex: Extraction, opts: { extractorVersion?: string; fresh?: boolean } = {}): Promise<void> {
  const { text, ...meta } = ex.report;
  const params = [
    id,
    JSON.stringify(ex.sources.map((s) => ({ local_id: s.id, name: s.name, kind: s.kind, aliases: s.aliases }))),
    JSON.stringify(ex.claims.map((c) => ({
      id: c.id, source: c.source, source_span: c.sourceSpan, cue: c.cue, content: c.content,
      content_text: c.content.text, quote: c.quote, hedges: c.hedges, via: c.via,
    }))),
    JSON.stringify(ex.citations.map((c, seq) => ({ seq, from_source: c.from, to_source: c.to, evidence: c.evidence }))),
    JSON.stringify(ex.incidents.map((m, seq) => ({
      id: m.id, seq, type: m.type, date_start: isoDay(m.date.start), date_end: isoDay(m.date.end),
      location_name: m.location.name, lat: finite(m.location.lat), lon: finite(m.location.lon),
      killed_min: m.killed?.min ?? null, killed_max: m.killed?.max ?? null,
      injured_min: m.injured?.min ?? null, injured_max: m.injured?.max ?? null, fields: m,
    }))),
    text, meta.language, meta.title, isoDay(meta.published), opts.extractorVersion ?? extractorVersion(),
    // the stored extraction without the text (kept once, in its own column)
    JSON.stringify({ ...ex, report: meta }),
  ];
  await db.transaction(async (tx) => {
    if (!opts.fresh) {
      const found = await tx.query('SELECT 1 FROM reports WHERE id = $1 FOR UPDATE', [id]);
      if (!found.length) throw new Error(`saveExtraction: no report ${id}`);
      await tx.query(
        `WITH a AS (DELETE FROM citations WHERE report_id = $1),
           b AS (DELETE FROM claims WHERE report_id = $1),
           c AS (DELETE FROM report_sources WHERE report_id = $1),
           d AS (DELETE FROM incident_mentions WHERE report_id = $1 AND NOT (id = ANY($2::text[])))
         SELECT 1`,
        [id, ex.incidents.map((m) => m.id)],
      );
    }
    // every row of the extraction and the report's new state in one statement
    const [row] = await tx.query<{ id: string }>(
      `WITH s AS (
         INSERT INTO report_sources (report_id, local_id, name, kind, aliases)
         SELECT $1, x.local_id, x.name, x.kind, ARRAY(SELECT jsonb_array_elements_text(x.aliases))
         FROM jsonb_to_recordset($2::jsonb) AS x(local_id text, name text, kind text, aliases jsonb)
       ), c AS (
         INSERT INTO claims (report_id, id, source, source_span, cue, content, content_text, quote, hedges, via)
         SELECT $1, x.id, x.source, x.source_span, x.cue, x.content, x.content_text, x.quote, x.hedges, x.via
         FROM jsonb_to_recordset($3::jsonb) AS x(id text, source text, source_span jsonb, cue jsonb, content jsonb,
           content_text text, quote text, hedges jsonb, via text)
       ), ci AS (
         INSERT INTO citations (report_id, seq, from_source, to_source, evidence)
         SELECT $1, x.seq, x.from_source, x.to_source, x.evidence
         FROM jsonb_to_recordset($4::jsonb) AS x(seq int, from_source text, to_source text, evidence jsonb)
       ), m AS (
         INSERT INTO incident_mentions (report_id, id, seq, type, date_start, date_end, location_name, lat, lon,
           killed_min, killed_max, injured_min, injured_max, fields)
         SELECT $1, x.id, x.seq, x.type, x.date_start, x.date_end, x.location_name, x.lat, x.lon,
           x.killed_min, x.killed_max, x.injured_min, x.injured_max, x.fields
         FROM jsonb_to_recordset($5::jsonb) AS x(id text, seq int, type text, date_start date, date_end date,
           location_name text, lat double precision, lon double precision, killed_min int, killed_max int,
           injured_min int, injured_max int, fields jsonb)
         ON CONFLICT (report_id, id) DO UPDATE SET seq = EXCLUDED.seq, type = EXCLUDED.type,
           date_start = EXCLUDED.date_start, date_end = EXCLUDED.date_end, location_name = EXCLUDED.location_name,
           lat = EXCLUDED.lat, lon = EXCLUDED.lon, killed_min = EXCLUDED.killed_min, killed_max = EXCLUDED.killed_max,
           injured_min = EXCLUDED.injured_min, injured_max = EXCLUDED.injured_max, fields = EXCLUDED.fields
       )
       UPDATE reports SET status = 'ok', error = NULL, text = $6, language = $7, title = coalesce($8, title),
         published = coalesce($9::date, published), extractor_version = $10, extraction = $11::jsonb, extracted_at = now(), linked = false
       WHERE id = $1 RETURNING id`,
      params,
    );
    // (for a fresh report the FOREIGN KEYs above already refuse an unknown id)
    if (!row) throw new Error(`saveExtraction: no report ${id}`);
  });
}

const finite = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A report that could not be read or extracted stays in the archive, marked with the reason. */
export async function markFailed(db: Db, id: string, error: string, opts: { text?: string | null } = {}): Promise<boolean> {
  const rows = await db.query(
    `UPDATE reports SET status = 'failed', error = $2, text = coalesce($3, text), extractor_version = $4, extracted_at = now()
     WHERE id = $1 RETURNING id`,
    [id, String(error).slice(0, 4000), opts.text ?? null, extractorVersion()],
  );
  return rows.length > 0;
}

export interface CustodyEntry {
  seq: number;
  action: 'added' | 're-added' | 'verified' | 'verify-failed';
  by: string | null;
  at: string;
  from: string | null;
  sha256: string;
  note: string | null;
}

export interface ReportRow {
  id: string;
  byteSize: number;
  externalId: string | null;
  title: string | null;
  published: string | null;
  url: string | null;
  format: string | null;
  language: string | null;
  status: ReportStatus;
  error: string | null;
  extractorVersion: string | null;
  addedAt: string;
  extractedAt: string | null;
}

export interface ReportDetail extends ReportRow {
  raw: Buffer;
  text: string | null;
  extraction: Extraction | null;
  custody: CustodyEntry[];
}

const REPORT_COLS = `id, byte_size AS "byteSize", external_id AS "externalId", title, published, url, format, language,
  status, error, extractor_version AS "extractorVersion", added_at AS "addedAt", extracted_at AS "extractedAt"`;

/** One report with its raw bytes, text, extraction (text restored) and custody log; null if unknown. */
export async function getReport(db: Db, id: string): Promise<ReportDetail | null> {
  const [row] = await db.query<ReportRow & { raw: Buffer; text: string | null; extraction: (Omit<Extraction, 'report'> & { report: Omit<Extraction['report'], 'text'> }) | null }>(
    `SELECT ${REPORT_COLS}, raw, text, extraction FROM reports WHERE id = $1`, [id]);
  if (!row) return null;
  const custody = await db.query<CustodyEntry>(
    `SELECT seq, action, by, at, "from", sha256, note FROM custody WHERE report_id = $1 ORDER BY seq`, [id]);
  const extraction = row.extraction ? ({ ...row.extraction, report: { ...row.extraction.report, text: row.text ?? '' } } as Extraction) : null;
  return { ...row, extraction, custody };
}

/** Finds the report ingested under an external id (the input's `id`); the newest if several. */
export async function findReportByExternalId(db: Db, externalId: string): Promise<ReportRow | null> {
  const [row] = await db.query<ReportRow>(`SELECT ${REPORT_COLS} FROM reports WHERE external_id = $1 ORDER BY added_at DESC LIMIT 1`, [externalId]);
  return row ?? null;
}

export interface ListReportsOptions {
  status?: ReportStatus;
  limit?: number;
  offset?: number;
}

export async function listReports(db: Db, opts: ListReportsOptions = {}): Promise<ReportRow[]> {
  return db.query<ReportRow>(
    `SELECT ${REPORT_COLS} FROM reports WHERE ($1::text IS NULL OR status = $1) ORDER BY added_at, id LIMIT $2 OFFSET $3`,
    [opts.status ?? null, limit(opts.limit, 1000), Math.max(0, opts.offset ?? 0)],
  );
}

const limit = (v: number | undefined, dflt: number) => Math.max(1, Math.min(10000, Math.floor(v ?? dflt)));

export interface ReportHit {
  id: string;
  externalId: string | null;
  title: string | null;
  published: string | null;
  rank: number;
  /** a passage with the matched words between «» */
  snippet: string;
}

/** Full-text search over report titles and texts (web-search syntax: words, "phrases", -not, or). */
export async function searchReports(db: Db, q: string, opts: { limit?: number } = {}): Promise<ReportHit[]> {
  if (!q.trim()) return [];
  return db.query<ReportHit>(
    `SELECT id, external_id AS "externalId", title, published, ts_rank(tsv, query) AS rank,
       ts_headline('english', coalesce(text, title, ''), query, 'StartSel=«, StopSel=», MaxFragments=1, MaxWords=30, MinWords=10') AS snippet
     FROM reports, websearch_to_tsquery('english', $1) AS query
     WHERE tsv @@ query ORDER BY rank DESC, id LIMIT $2`,
    [q, limit(opts.limit, 50)],
  );
}

export interface ClaimHit {
  reportId: string;
  claimId: string;
  source: string | null;
  sourceName: string | null;
  content: string;
  quote: string;
  rank: number;
}

/** Full-text search over claim contents, with the (report-local) source's name. */
export async function searchClaims(db: Db, q: string, opts: { limit?: number } = {}): Promise<ClaimHit[]> {
  if (!q.trim()) return [];
  return db.query<ClaimHit>(
    `SELECT c.report_id AS "reportId", c.id AS "claimId", c.source, s.name AS "sourceName", c.content_text AS content,
       c.quote, ts_rank(c.tsv, query) AS rank
     FROM claims c CROSS JOIN websearch_to_tsquery('english', $1) AS query
     LEFT JOIN report_sources s ON s.report_id = c.report_id AND s.local_id = c.source
     WHERE c.tsv @@ query ORDER BY rank DESC, c.report_id, c.id LIMIT $2`,
    [q, limit(opts.limit, 50)],
  );
}

export interface VerifyResult {
  id: string;
  ok: boolean;
  /** the hash the report is filed under */
  expected: string;
  /** the hash of the bytes stored now */
  actual: string;
}

/**
 * Re-hashes every archived report (in batches: memory stays flat) and reports any whose bytes
 * changed. Each check is written to the custody log unless `log: false`.
 */
export async function verifyArchive(db: Db, opts: { by?: string | null; log?: boolean; batch?: number; onProgress?: (done: number) => void } = {}): Promise<VerifyResult[]> {
  const out: VerifyResult[] = [];
  const batch = limit(opts.batch, 200);
  let after = '';
  for (;;) {
    const rows = await db.query<{ id: string; raw: Buffer }>('SELECT id, raw FROM reports WHERE id > $1 ORDER BY id LIMIT $2', [after, batch]);
    if (!rows.length) break;
    const results = rows.map((r) => {
      const actual = sha256Id(r.raw);
      return { id: r.id, ok: actual === r.id, expected: r.id, actual };
    });
    if (opts.log !== false) {
      await db.query(
        `INSERT INTO custody (report_id, action, by, sha256, note)
         SELECT x.id, CASE WHEN x.ok THEN 'verified' ELSE 'verify-failed' END, $2, x.actual, x.note
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, ok boolean, actual text, note text)`,
        [JSON.stringify(results.map((r) => ({ id: r.id, ok: r.ok, actual: r.actual.slice(7), note: r.ok ? null : `bytes changed: now ${r.actual}` }))), opts.by ?? null],
      );
    }
    out.push(...results);
    after = rows[rows.length - 1].id;
    opts.onProgress?.(out.length);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sources

export interface CanonicalSource {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  /** the organisation a person speaks for (a canonical source id) */
  affiliation?: string | null;
  /** a proper name (not "police", "a witness") */
  named?: boolean;
  /** comparison keys (names, aliases, acronyms) by which incremental linking finds it; replaced when given */
  keys?: string[];
}

export interface SourceAssignment {
  reportId: string;
  /** the source id inside that report's extraction */
  localId: string;
  /** the canonical source */
  sourceId: string;
}

/**
 * Writes canonical sources (upsert; aliases replaced) and which report-local sources they are.
 * With `replace: true` the whole source table is replaced (sources no longer given are removed).
 */
export async function saveSources(db: Db, sources: CanonicalSource[], assignments: SourceAssignment[] = [], opts: { replace?: boolean } = {}): Promise<void> {
  await db.transaction(async (tx) => {
    if (opts.replace) {
      await tx.query('UPDATE report_sources SET source_id = NULL WHERE source_id IS NOT NULL');
      await tx.query('DELETE FROM sources WHERE NOT (id = ANY($1::text[]))', [sources.map((s) => s.id)]);
    }
    if (sources.length) {
      const json = JSON.stringify(sources.map((s) => ({ id: s.id, name: s.name, kind: s.kind, aliases: uniq(s.aliases), affiliation: s.affiliation ?? null, named: s.named ?? true })));
      await tx.query(
        `INSERT INTO sources (id, name, kind, aliases, affiliation, named)
         SELECT x.id, x.name, x.kind, ARRAY(SELECT jsonb_array_elements_text(x.aliases)), x.affiliation, x.named
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, name text, kind text, aliases jsonb, affiliation text, named boolean)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, aliases = EXCLUDED.aliases,
           affiliation = EXCLUDED.affiliation, named = EXCLUDED.named, updated_at = now()`,
        [json],
      );
      const keyed = sources.filter((s) => s.keys);
      if (keyed.length) {
        await tx.query('DELETE FROM source_keys WHERE source_id = ANY($1::text[])', [keyed.map((s) => s.id)]);
        const rows = keyed.flatMap((s) => uniq(s.keys!).map((key) => ({ key, source_id: s.id })));
        for (let i = 0; i < rows.length; i += 5000) {
          await tx.query(
            `INSERT INTO source_keys (key, source_id) SELECT x.key, x.source_id FROM jsonb_to_recordset($1::jsonb) AS x(key text, source_id text) ON CONFLICT DO NOTHING`,
            [JSON.stringify(rows.slice(i, i + 5000))],
          );
        }
      }
      await tx.query('DELETE FROM source_aliases WHERE source_id = ANY($1::text[])', [sources.map((s) => s.id)]);
      await tx.query(
        `INSERT INTO source_aliases (alias, source_id)
         SELECT DISTINCT a.alias, x.id FROM jsonb_to_recordset($1::jsonb) AS x(id text, name text, kind text, aliases jsonb),
           LATERAL (SELECT x.name AS alias UNION SELECT jsonb_array_elements_text(x.aliases)) a
         ON CONFLICT DO NOTHING`,
        [json],
      );
    }
    if (assignments.length) {
      await tx.query(
        `UPDATE report_sources rs SET source_id = x.source_id
         FROM jsonb_to_recordset($1::jsonb) AS x(report_id text, local_id text, source_id text)
         WHERE rs.report_id = x.report_id AND rs.local_id = x.local_id`,
        [JSON.stringify(assignments.map((a) => ({ report_id: a.reportId, local_id: a.localId, source_id: a.sourceId })))],
      );
    }
  });
}

const uniq = (xs: string[]) => [...new Set(xs)];

export interface SourceRow extends CanonicalSource {
  /** reports in which this source is named */
  reports: number;
}

/** Canonical sources with the number of reports naming each, most named first. */
export async function listSources(db: Db, opts: { limit?: number; offset?: number } = {}): Promise<SourceRow[]> {
  return db.query<SourceRow>(
    `SELECT s.id, s.name, s.kind, s.aliases, count(DISTINCT rs.report_id)::int AS reports
     FROM sources s LEFT JOIN report_sources rs ON rs.source_id = s.id
     GROUP BY s.id ORDER BY reports DESC, s.name LIMIT $1 OFFSET $2`,
    [limit(opts.limit, 1000), Math.max(0, opts.offset ?? 0)],
  );
}

/** Sources as each report names them, with the canonical source each was assigned (if any). */
export async function listReportSources(db: Db, reportIds?: string[]): Promise<{ reportId: string; localId: string; name: string; kind: string; aliases: string[]; sourceId: string | null }[]> {
  return db.query(
    `SELECT report_id AS "reportId", local_id AS "localId", name, kind, aliases, source_id AS "sourceId"
     FROM report_sources WHERE ($1::text[] IS NULL OR report_id = ANY($1::text[])) ORDER BY report_id, local_id`,
    [reportIds ?? null],
  );
}

export interface SourceMatch extends CanonicalSource {
  /** pg_trgm similarity of the best-matching name or alias, 0..1 */
  similarity: number;
  matched: string;
}

/**
 * Canonical sources whose name or an alias looks like `name` (pg_trgm trigram similarity,
 * at least `min`, default 0.3), best first.
 */
export async function searchSourcesFuzzy(db: Db, name: string, opts: { limit?: number; min?: number } = {}): Promise<SourceMatch[]> {
  if (!name.trim()) return [];
  return db.query<SourceMatch>(
    `SELECT s.id, s.name, s.kind, s.aliases, m.similarity, m.matched FROM (
       SELECT DISTINCT ON (source_id) source_id, similarity, matched FROM (
         SELECT id AS source_id, similarity(name, $1) AS similarity, name AS matched FROM sources WHERE name % $1
         UNION ALL
         SELECT source_id, similarity(alias, $1), alias FROM source_aliases WHERE alias % $1
       ) c ORDER BY source_id, similarity DESC
     ) m JOIN sources s ON s.id = m.source_id
     WHERE m.similarity >= $2 ORDER BY m.similarity DESC, s.name LIMIT $3`,
    [name, opts.min ?? 0.3, limit(opts.limit, 20)],
  );
}

// ---------------------------------------------------------------------------------------------
// Incidents (the linked view)

export interface IncidentMember {
  reportId: string;
  /** the incident mention's id inside that report's extraction */
  mentionId: string;
  score?: number | null;
}

/**
 * An incident as linking produces it. The key fields are columns (for filters); the whole
 * object is kept as the incident's record (origins, contradictions, per-field sources...).
 */
export interface IncidentRecord {
  id: string;
  type: string | null;
  date: { start: string | null; end: string | null } | null;
  location: { name?: string | null; country?: string | null; admin1?: string | null; lat?: number | null; lon?: number | null } | null;
  /** `max` null: no upper bound stated (records from before open bounds always have one) */
  killed: CountRange | null;
  injured: CountRange | null;
  members: IncidentMember[];
  [field: string]: unknown;
}

/**
 * Writes incidents and their members. Default (`replace: true`): the linked view is replaced as
 * a whole. With `replace: false` the given incidents are upserted (their members move to them)
 * and the ids in `remove` are dropped: incremental linking.
 */
export async function saveIncidents(db: Db, incidents: IncidentRecord[], opts: { replace?: boolean; remove?: string[] } = {}): Promise<void> {
  await db.transaction(async (tx) => {
    if (opts.replace !== false) await tx.exec('DELETE FROM incident_members; DELETE FROM incidents;');
    else if (opts.remove?.length) await tx.query('DELETE FROM incidents WHERE id = ANY($1::text[])', [opts.remove]);
    // in slices: a JSON parameter per statement stays a few MB at most
    for (let i = 0; i < incidents.length; i += 500) {
      const slice = incidents.slice(i, i + 500);
      await tx.query(
        `INSERT INTO incidents (id, type, date_start, date_end, location_name, country, admin1, lat, lon,
           killed_min, killed_max, injured_min, injured_max, record, search_text)
         SELECT x.id, x.type, x.date_start, x.date_end, x.location_name, x.country, x.admin1, x.lat, x.lon,
           x.killed_min, x.killed_max, x.injured_min, x.injured_max, x.record, x.search_text
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, type text, date_start date, date_end date, location_name text,
           country text, admin1 text, lat double precision, lon double precision, killed_min int, killed_max int,
           injured_min int, injured_max int, record jsonb, search_text text)
         ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, date_start = EXCLUDED.date_start, date_end = EXCLUDED.date_end,
           location_name = EXCLUDED.location_name, country = EXCLUDED.country, admin1 = EXCLUDED.admin1, lat = EXCLUDED.lat,
           lon = EXCLUDED.lon, killed_min = EXCLUDED.killed_min, killed_max = EXCLUDED.killed_max,
           injured_min = EXCLUDED.injured_min, injured_max = EXCLUDED.injured_max, record = EXCLUDED.record,
           search_text = EXCLUDED.search_text, updated_at = now()`,
        [JSON.stringify(slice.map(incidentRow))],
      );
      const members = slice.flatMap((inc) => inc.members.map((m) => ({ incident_id: inc.id, report_id: m.reportId, mention_id: m.mentionId, score: m.score ?? null })));
      if (opts.replace === false) {
        await tx.query('DELETE FROM incident_members WHERE incident_id = ANY($1::text[])', [slice.map((x) => x.id)]);
      }
      if (members.length) {
        await tx.query(
          `INSERT INTO incident_members (incident_id, report_id, mention_id, score)
           SELECT x.incident_id, x.report_id, x.mention_id, x.score
           FROM jsonb_to_recordset($1::jsonb) AS x(incident_id text, report_id text, mention_id text, score real)
           ON CONFLICT (report_id, mention_id) DO UPDATE SET incident_id = EXCLUDED.incident_id, score = EXCLUDED.score`,
          [JSON.stringify(members)],
        );
      }
    }
    // the key columns were written from the records: the documenters' corrections go on top again
    const ids = incidents.map((x) => x.id);
    if (ids.length) await applyFieldReviews(tx, ids);
  });
}

/** The key of a reviewable field in an incident record (a review's "place" is the record's "location"). */
export const REVIEW_RECORD_KEY: Readonly<Record<string, string>> = { killed: 'killed', injured: 'injured', date: 'date', place: 'location', type: 'type', perpetrators: 'perpetrators' };

/**
 * An incident record with the documenters' corrections in force (`reviewed`, {field: value})
 * in place of the linked values: what lists and exports state. The stored record is not changed.
 */
export function withCorrections<R extends object>(record: R, reviewed: Partial<Record<string, unknown>> | null | undefined): R {
  if (!reviewed) return record;
  const out = { ...record } as Record<string, unknown>;
  for (const [field, value] of Object.entries(reviewed)) {
    const key = REVIEW_RECORD_KEY[field];
    if (key) out[key] = value;
  }
  return out as R;
}

/**
 * Puts the documenters' corrections in force on these incidents (migration 6): `reviewed` and
 * the key columns that lists, filters and exports read. The record keeps the linked values.
 */
export async function applyFieldReviews(db: Db, incidentIds: string[]): Promise<void> {
  await db.query('SELECT apply_field_reviews($1::text[])', [incidentIds]);
}

function incidentRow(inc: IncidentRecord) {
  const { members, ...record } = inc;
  const loc = inc.location ?? {};
  return {
    id: inc.id, type: inc.type, date_start: isoDay(inc.date?.start), date_end: isoDay(inc.date?.end ?? inc.date?.start),
    location_name: loc.name ?? null, country: loc.country ?? null, admin1: loc.admin1 ?? null,
    lat: finite(loc.lat), lon: finite(loc.lon),
    killed_min: inc.killed?.min ?? null, killed_max: inc.killed?.max ?? null,
    injured_min: inc.injured?.min ?? null, injured_max: inc.injured?.max ?? null,
    record: { ...record, members }, search_text: searchText(record),
  };
}

/** Every string in the record (names, places, perpetrators, victims, quotes): what --q searches. */
function searchText(record: unknown): string {
  const parts: string[] = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > 6 || parts.length > 2000) return;
    if (typeof v === 'string') {
      if (!v.startsWith('sha256:')) parts.push(v);
    } else if (Array.isArray(v)) for (const x of v) walk(x, depth + 1);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x, depth + 1);
  };
  walk(record, 0);
  return parts.join(' \n').slice(0, 200000);
}

export interface IncidentSummary {
  id: string;
  type: string | null;
  dateStart: string | null;
  dateEnd: string | null;
  locationName: string | null;
  lat: number | null;
  lon: number | null;
  killed: CountRange | null;
  injured: CountRange | null;
  reports: number;
  /** distance from `near`, when asked */
  km?: number;
  record: IncidentRecord;
  /** the documenters' corrections in force ({field: value}; migration 6): the columns above hold them already, the record does not */
  reviewed: Partial<Record<string, unknown>> | null;
}

/**
 * A count from its two columns: none without a min; a min without a max is open-ended ("at
 * least 12"; the columns hold what the record or a documenter's correction says). The columns
 * do not hold the approximate mark: it is the correction's own when one is in force for the
 * field, else the linked record's (`linked`).
 */
export function countColumns(field: 'killed' | 'injured', min: number | null, max: number | null,
  reviewed: Partial<Record<string, unknown>> | null | undefined, linked: boolean | null | undefined): CountRange | null {
  if (min == null) return null;
  const approximate = reviewed && field in reviewed ? (reviewed[field] as CountRange | null)?.approximate : linked;
  return approximate ? { min, max: max ?? null, approximate: true } : { min, max: max ?? null };
}

export async function listIncidents(db: Db, f: IncidentFilters = {}): Promise<IncidentSummary[]> {
  const params: unknown[] = [];
  const { where, distance } = incidentWhere(f, params);
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const rows = await db.query<IncidentSummary & { killedMin: number | null; killedMax: number | null; injuredMin: number | null; injuredMax: number | null }>(
    `SELECT i.id, i.type, i.date_start AS "dateStart", i.date_end AS "dateEnd", i.location_name AS "locationName", i.lat, i.lon,
       i.killed_min AS "killedMin", i.killed_max AS "killedMax", i.injured_min AS "injuredMin", i.injured_max AS "injuredMax",
       (SELECT count(DISTINCT m.report_id)::int FROM incident_members m WHERE m.incident_id = i.id) AS reports,
       ${distance ? `${distance} AS km,` : ''} i.record, i.reviewed
     FROM incidents i ${where}
     ORDER BY ${distance ? 'km, ' : ''}i.date_start DESC NULLS LAST, i.id
     LIMIT ${p(limit(f.limit, 1000))} OFFSET ${p(Math.max(0, f.offset ?? 0))}`,
    params,
  );
  return rows.map(({ killedMin, killedMax, injuredMin, injuredMax, ...r }) => ({
    ...r,
    killed: countColumns('killed', killedMin, killedMax, r.reviewed, r.record.killed?.approximate),
    injured: countColumns('injured', injuredMin, injuredMax, r.reviewed, r.record.injured?.approximate),
  }));
}

/**
 * Merges the pending lists of the store's GIN indexes (full text, trigram names) into the
 * indexes: what autovacuum does on a server, and what the embedded store never does by itself.
 * Searches read through a pending list, so linking calls this when it ends (migration 5).
 */
export async function mergeSearchIndexes(db: Db): Promise<void> {
  await db.query(
    `SELECT gin_clean_pending_list(c.oid::regclass) FROM pg_class c JOIN pg_am a ON a.oid = c.relam
     WHERE a.amname = 'gin' AND c.relkind = 'i' AND c.relnamespace = current_schema()::regnamespace`);
}

export interface IncidentDetail {
  /** as linking wrote it (no corrections) */
  record: IncidentRecord;
  /** the documenters' corrections in force ({field: value}; migration 6) */
  reviewed: Partial<Record<string, unknown>> | null;
  members: (IncidentMember & { mention: unknown })[];
  reports: { id: string; externalId: string | null; title: string | null; published: string | null; url: string | null }[];
}

/** One incident: its record, its mentions (as each report tells it) and its reports. */
export async function getIncident(db: Db, id: string): Promise<IncidentDetail | null> {
  const [inc] = await db.query<{ record: IncidentRecord; reviewed: IncidentDetail['reviewed'] }>('SELECT record, reviewed FROM incidents WHERE id = $1', [id]);
  if (!inc) return null;
  const members = await db.query<IncidentMember & { mention: unknown }>(
    `SELECT m.report_id AS "reportId", m.mention_id AS "mentionId", m.score, im.fields AS mention
     FROM incident_members m JOIN incident_mentions im ON im.report_id = m.report_id AND im.id = m.mention_id
     WHERE m.incident_id = $1 ORDER BY m.report_id, im.seq`, [id]);
  const reports = await db.query<IncidentDetail['reports'][number]>(
    `SELECT r.id, r.external_id AS "externalId", r.title, r.published, r.url FROM reports r
     WHERE r.id IN (SELECT report_id FROM incident_members WHERE incident_id = $1) ORDER BY r.published NULLS LAST, r.id`, [id]);
  return { record: inc.record, reviewed: inc.reviewed, members, reports };
}

/** Incident mentions not (yet) in any incident: what incremental linking still has to place. */
export async function unlinkedMentions(db: Db, opts: { limit?: number } = {}): Promise<{ reportId: string; mentionId: string; mention: unknown }[]> {
  return db.query(
    `SELECT im.report_id AS "reportId", im.id AS "mentionId", im.fields AS mention FROM incident_mentions im
     WHERE NOT EXISTS (SELECT 1 FROM incident_members m WHERE m.report_id = im.report_id AND m.mention_id = im.id)
     ORDER BY im.report_id, im.seq LIMIT $1`,
    [limit(opts.limit, 10000)],
  );
}

// ---------------------------------------------------------------------------------------------
// Link log and corrections

export type LinkAction = 'merge' | 'split' | 'suggest' | 'move' | 'revert';

export interface LinkLogEntry {
  seq: number;
  action: LinkAction;
  by: string;
  at: string;
  why: string | null;
  score: number | null;
  incidentIds: string[];
  /** membership before / after: [{incidentId, members: [{reportId, mentionId}]}] */
  before: MembershipSnapshot | null;
  after: MembershipSnapshot | null;
  reverts: number | null;
  revertedBy: number | null;
}

export type MembershipSnapshot = { incidentId: string; members: { reportId: string; mentionId: string }[] }[];

export async function logLink(db: Db, e: { action: LinkAction; by: string; why?: string | null; score?: number | null; incidentIds?: string[]; before?: MembershipSnapshot | null; after?: MembershipSnapshot | null }): Promise<number> {
  const [row] = await db.query<{ seq: number }>(
    `INSERT INTO link_log (action, by, why, score, incident_ids, before, after) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb) RETURNING seq`,
    [e.action, e.by, e.why ?? null, e.score ?? null, e.incidentIds ?? [], e.before ? JSON.stringify(e.before) : null, e.after ? JSON.stringify(e.after) : null],
  );
  return row.seq;
}

export async function listLinkLog(db: Db, opts: { incidentId?: string; limit?: number } = {}): Promise<LinkLogEntry[]> {
  return db.query<LinkLogEntry>(
    `SELECT seq, action, by, at, why, score, incident_ids AS "incidentIds", before, after, reverts, reverted_by AS "revertedBy"
     FROM link_log WHERE ($1::text IS NULL OR $1 = ANY(incident_ids)) ORDER BY seq DESC LIMIT $2`,
    [opts.incidentId ?? null, limit(opts.limit, 1000)],
  );
}

/**
 * Reverts a logged merge / split / move: the members listed in its `before` snapshot go back to
 * those incidents (recreated with their old record when they were removed is the linker's job:
 * missing incidents get a minimal record). Logged as a 'revert' entry; returns its seq.
 */
export async function revertLink(db: Db, seq: number, by: string, why?: string): Promise<number> {
  return db.transaction(async (tx) => {
    const [e] = await tx.query<LinkLogEntry>(
      `SELECT seq, action, before, after, reverted_by AS "revertedBy", incident_ids AS "incidentIds" FROM link_log WHERE seq = $1 FOR UPDATE`, [seq]);
    if (!e) throw new Error(`no link log entry ${seq}`);
    if (e.revertedBy != null) throw new Error(`link log entry ${seq} was already reverted by ${e.revertedBy}`);
    if (!e.before) throw new Error(`link log entry ${seq} has no 'before' snapshot to restore`);
    for (const snap of e.before) {
      await tx.query(
        `INSERT INTO incidents (id, record) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO NOTHING`,
        [snap.incidentId, JSON.stringify({ id: snap.incidentId, type: null, date: null, location: null, killed: null, injured: null, members: snap.members })],
      );
      if (snap.members.length) {
        await tx.query(
          `INSERT INTO incident_members (incident_id, report_id, mention_id)
           SELECT $1, x.report_id, x.mention_id FROM jsonb_to_recordset($2::jsonb) AS x(report_id text, mention_id text)
           WHERE EXISTS (SELECT 1 FROM incident_mentions im WHERE im.report_id = x.report_id AND im.id = x.mention_id)
           ON CONFLICT (report_id, mention_id) DO UPDATE SET incident_id = EXCLUDED.incident_id`,
          [snap.incidentId, JSON.stringify(snap.members.map((m) => ({ report_id: m.reportId, mention_id: m.mentionId })))],
        );
      }
    }
    // incidents the reverted action created and that are now empty go away
    const afterIds = (e.after ?? []).map((s) => s.incidentId).filter((id) => !e.before!.some((b) => b.incidentId === id));
    if (afterIds.length) {
      await tx.query(`DELETE FROM incidents i WHERE i.id = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM incident_members m WHERE m.incident_id = i.id)`, [afterIds]);
    }
    const [row] = await tx.query<{ seq: number }>(
      `INSERT INTO link_log (action, by, why, incident_ids, before, after, reverts) VALUES ('revert', $1, $2, $3, $4::jsonb, $5::jsonb, $6) RETURNING seq`,
      [by, why ?? null, e.incidentIds, e.after ? JSON.stringify(e.after) : null, JSON.stringify(e.before), seq],
    );
    await tx.query('UPDATE link_log SET reverted_by = $1 WHERE seq = $2', [row.seq, seq]);
    return row.seq;
  });
}

export type CorrectionKind = 'merge_sources' | 'split_source' | 'merge_incidents' | 'split_incident';

export interface Correction {
  seq: number;
  kind: CorrectionKind;
  /** e.g. merge_sources: {ids: [a, b], into?: a, name?}; split_source: {id, names: [...]} */
  payload: Record<string, unknown>;
  by: string;
  at: string;
  why: string | null;
  active: boolean;
}

/** A documenter's correction; linking reads the active ones and applies them after every re-link. */
export async function addCorrection(db: Db, c: { kind: CorrectionKind; payload: Record<string, unknown>; by: string; why?: string | null }): Promise<number> {
  const [row] = await db.query<{ seq: number }>(
    `INSERT INTO corrections (kind, payload, by, why) VALUES ($1, $2::jsonb, $3, $4) RETURNING seq`,
    [c.kind, JSON.stringify(c.payload), c.by, c.why ?? null],
  );
  return row.seq;
}

export async function listCorrections(db: Db, opts: { all?: boolean } = {}): Promise<Correction[]> {
  return db.query<Correction>(
    `SELECT seq, kind, payload, by, at, why, active FROM corrections WHERE $1 OR active ORDER BY seq`, [opts.all ?? false]);
}

/** Withdraws a correction (kept, marked inactive, with who withdrew it). */
export async function withdrawCorrection(db: Db, seq: number, by: string): Promise<boolean> {
  const rows = await db.query(`UPDATE corrections SET active = false, withdrawn_by = $2, withdrawn_at = now() WHERE seq = $1 AND active RETURNING seq`, [seq, by]);
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Counts

export interface StoreCounts {
  reports: number;
  ok: number;
  failed: number;
  pending: number;
  bytes: number;
  claims: number;
  citations: number;
  mentions: number;
  incidents: number;
  sources: number;
  custody: number;
}

export async function storeCounts(db: Db): Promise<StoreCounts> {
  const [r] = await db.query<StoreCounts>(
    `SELECT (SELECT count(*)::int FROM reports) AS reports,
       (SELECT count(*)::int FROM reports WHERE status = 'ok') AS ok,
       (SELECT count(*)::int FROM reports WHERE status = 'failed') AS failed,
       (SELECT count(*)::int FROM reports WHERE status = 'pending') AS pending,
       (SELECT coalesce(sum(byte_size), 0)::int8 FROM reports) AS bytes,
       (SELECT count(*)::int FROM claims) AS claims,
       (SELECT count(*)::int FROM citations) AS citations,
       (SELECT count(*)::int FROM incident_mentions) AS mentions,
       (SELECT count(*)::int FROM incidents) AS incidents,
       (SELECT count(*)::int FROM sources) AS sources,
       (SELECT count(*)::int FROM custody) AS custody`,
  );
  return r;
}

// ---------------------------------------------------------------------------------------------
// Ingest, one report at a time, crash-safe

/** Status of each id already in the archive (absent ids are not in the map). */
export async function reportStatuses(db: Db, ids: string[]): Promise<Map<string, ReportStatus>> {
  if (!ids.length) return new Map();
  const rows = await db.query<{ id: string; status: ReportStatus }>('SELECT id, status FROM reports WHERE id = ANY($1::text[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.status]));
}

export type StoreOutcome =
  | { extraction: Extraction; extractorVersion?: string }
  | { error: string; text?: string | null };

export interface StoreReportResult extends PutReportResult {
  /** what was saved: 'ok' / 'failed', or 'unchanged' when the report was already extracted */
  saved: 'ok' | 'failed' | 'unchanged';
}

/**
 * Archives a report and saves its extraction (or its failure) in ONE transaction: a process
 * killed at any moment leaves either nothing or the whole report, so running the same ingest
 * again loses nothing and duplicates nothing. A report already extracted ('ok') is left as is
 * unless `reextract` is set.
 */
export async function storeReport(db: Db, input: PutReportInput, outcome: StoreOutcome, opts: { reextract?: boolean } = {}): Promise<StoreReportResult> {
  return db.transaction(async (tx) => {
    const put = await putReport(tx, input);
    if (!put.added && put.status === 'ok' && !opts.reextract) return { ...put, saved: 'unchanged' as const };
    if ('extraction' in outcome) {
      await saveExtraction(tx, put.id, outcome.extraction, { extractorVersion: outcome.extractorVersion, fresh: put.added });
      return { ...put, status: 'ok' as const, saved: 'ok' as const };
    }
    if (!put.added && put.status === 'ok') return { ...put, saved: 'unchanged' as const }; // never overwrite a good extraction with a failure
    await markFailed(tx, put.id, outcome.error, { text: outcome.text });
    return { ...put, status: 'failed' as const, saved: 'failed' as const };
  });
}

/**
 * Several reports in one transaction (one commit, one disk flush on a server): same guarantees
 * as storeReport for the batch as a whole: after a crash the batch is either all there or not
 * at all, and running the ingest again redoes it.
 */
export async function storeReports(db: Db, items: { input: PutReportInput; outcome: StoreOutcome }[], opts: { reextract?: boolean } = {}): Promise<StoreReportResult[]> {
  if (!items.length) return [];
  return db.transaction(async (tx) => {
    const out: StoreReportResult[] = [];
    for (const it of items) out.push(await storeReport(tx, it.input, it.outcome, opts));
    return out;
  });
}
