/**
 * What the HTTP API asks of the store beyond queries.ts: API tokens, the audit log, field
 * reviews, and the paged lists (each page with the total it is a page of).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './db.js';
import { incidentWhere, type IncidentFilters } from './incident-filters.js';
import type { CountRange } from '../model/schema.js';
import { countColumns, type ReportStatus } from './queries.js';

// ---------------------------------------------------------------------------------------------
// Tokens

export type Role = 'viewer' | 'editor' | 'admin';
export const ROLES: readonly Role[] = ['viewer', 'editor', 'admin'];

/** The sha256 (hex) under which a token is stored: the token itself is never kept. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface TokenInfo {
  id: number;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

/** Creates a token (32 random bytes, base64url); returns it once, with its stored row. */
export async function createToken(db: Db, opts: { role: Role; name?: string | null; by?: string | null }): Promise<TokenInfo & { token: string }> {
  if (!ROLES.includes(opts.role)) throw new Error(`unknown role "${opts.role}" (viewer, editor or admin)`);
  const token = randomBytes(32).toString('base64url');
  const name = opts.name?.trim() || `${opts.role}-${token.slice(0, 6)}`;
  const [row] = await db.query<TokenInfo>(
    `INSERT INTO api_tokens (name, role, hash, created_by) VALUES ($1, $2, $3, $4)
     RETURNING id::int, name, role, created_at AS "createdAt", revoked_at AS "revokedAt"`,
    [name, opts.role, tokenHash(token), opts.by ?? null],
  );
  return { ...row, token };
}

/** The (unrevoked) token with this value, or null. */
export async function findToken(db: Db, token: string): Promise<TokenInfo | null> {
  if (!token) return null;
  const [row] = await db.query<TokenInfo>(
    `SELECT id::int, name, role, created_at AS "createdAt", revoked_at AS "revokedAt" FROM api_tokens WHERE hash = $1 AND revoked_at IS NULL`,
    [tokenHash(token)],
  );
  return row ?? null;
}

export async function listTokens(db: Db): Promise<TokenInfo[]> {
  return db.query<TokenInfo>(`SELECT id::int, name, role, created_at AS "createdAt", revoked_at AS "revokedAt" FROM api_tokens ORDER BY id`);
}

/** Revokes a token by id; false when there is no such active token. */
export async function revokeToken(db: Db, id: number): Promise<boolean> {
  const rows = await db.query('UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id]);
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Audit log

export interface AuditEntry {
  seq: number;
  by: string;
  at: string;
  action: string;
  targetKind: string;
  target: string;
  previous: unknown;
  value: unknown;
  note: string | null;
}

export async function logAudit(db: Db, e: { by: string; action: string; targetKind: string; target: string; previous?: unknown; value?: unknown; note?: string | null }): Promise<AuditEntry> {
  const [row] = await db.query<AuditEntry>(
    `INSERT INTO audit_log (by, action, target_kind, target, previous, value, note) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7)
     RETURNING seq::int, by, at, action, target_kind AS "targetKind", target, previous, value, note`,
    [e.by, e.action, e.targetKind, e.target, json(e.previous), json(e.value), e.note ?? null],
  );
  return row;
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** The audit log, newest first; `targets` narrows it to entries about any of those ids. */
export async function listAudit(db: Db, opts: { targets?: string[]; limit?: number; offset?: number } = {}): Promise<Page<AuditEntry>> {
  const { limit, offset } = pageOf(opts);
  const rows = await db.query<AuditEntry & { total: number }>(
    `SELECT seq::int, by, at, action, target_kind AS "targetKind", target, previous, value, note, count(*) OVER ()::int AS total
     FROM audit_log WHERE ($1::text[] IS NULL OR target = ANY($1::text[])) ORDER BY seq DESC LIMIT $2 OFFSET $3`,
    [opts.targets ?? null, limit, offset],
  );
  return page(rows, limit, offset, () => countOf(db, 'SELECT count(*)::int AS n FROM audit_log WHERE ($1::text[] IS NULL OR target = ANY($1::text[]))', [opts.targets ?? null]));
}

// ---------------------------------------------------------------------------------------------
// Field reviews

export type ReviewField = 'killed' | 'injured' | 'date' | 'place' | 'type' | 'perpetrators';
export const REVIEW_FIELDS: readonly ReviewField[] = ['killed', 'injured', 'date', 'place', 'type', 'perpetrators'];

export interface FieldReview {
  seq: number;
  incidentId: string;
  field: ReviewField;
  action: 'accept' | 'correct';
  value: unknown;
  previous: unknown;
  by: string;
  at: string;
  note: string | null;
}

const REVIEW_COLS = `seq::int, incident_id AS "incidentId", field, action, value, previous, by, at, note`;

/** `members`: the incident's mentions as "reportId#mentionId" (src/link mentionKey), how a review finds its incident again after re-linking. */
export async function addReview(db: Db, r: { incidentId: string; members: string[]; field: ReviewField; action: 'accept' | 'correct'; value?: unknown; previous?: unknown; by: string; note?: string | null }): Promise<FieldReview> {
  const [row] = await db.query<FieldReview>(
    `INSERT INTO field_reviews (incident_id, members, field, action, value, previous, by, note) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8)
     RETURNING ${REVIEW_COLS}`,
    [r.incidentId, r.members, r.field, r.action, json(r.value), json(r.previous), r.by, r.note ?? null],
  );
  // the incidents holding the reviewed mentions show the correction in lists, filters and exports
  await db.query(
    `SELECT apply_field_reviews(ARRAY(SELECT DISTINCT incident_id FROM incident_members
       WHERE report_id || '#' || mention_id = ANY($2::text[]) UNION SELECT $1::text))`, [r.incidentId, r.members]);
  return row;
}

/**
 * Reviews of an incident, oldest first: those made on mentions it holds, where it holds the most
 * of that review's mentions (incident_reviews, migration 6: the rule apply_field_reviews puts
 * corrections in force by).
 */
export async function listReviews(db: Db, incidentId: string): Promise<FieldReview[]> {
  return db.query<FieldReview>(`SELECT ${REVIEW_COLS} FROM incident_reviews($1)`, [incidentId]);
}

// ---------------------------------------------------------------------------------------------
// Paged lists

export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 50;

export function pageOf(o: { limit?: number; offset?: number }): { limit: number; offset: number } {
  const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(o.limit ?? DEFAULT_PAGE)));
  const offset = Math.max(0, Math.floor(o.offset ?? 0));
  return { limit, offset };
}

async function countOf(db: Db, sql: string, params: unknown[]): Promise<number> {
  const [r] = await db.query<{ n: number }>(sql, params);
  return r?.n ?? 0;
}

/** Rows carrying `count(*) OVER ()` as total: an empty page past the end needs its own count. */
async function page<T extends { total: number }>(rows: T[], limit: number, offset: number, count: () => Promise<number>): Promise<Page<Omit<T, 'total'>>> {
  const total = rows.length ? rows[0].total : offset > 0 ? await count() : 0;
  return { items: rows.map(({ total: _t, ...r }) => r), total, limit, offset };
}

/** One incident as a list shows it: the key columns and a few parts of the record. */
export interface IncidentListRow {
  id: string;
  type: string | null;
  dateStart: string | null;
  dateEnd: string | null;
  location: { name?: string | null; admin1?: string | null; country?: string | null; lat?: number | null; lon?: number | null } | null;
  /** `approximate` when linking marked it so (a documenter's correction says it itself) */
  killed: CountRange | null;
  injured: CountRange | null;
  reports: number;
  origins: number;
  independence: string | null;
  /** the fields whose values contradict each other */
  contradictions: string[];
  /** perpetrator names */
  perpetrators: (string | null)[];
  /** the fields a documenter corrected (the values above are the corrected ones) */
  reviewed: string[];
  km?: number;
}

/** The columns of `incidents i` a list row is made of (`listRow`). */
export const LIST_COLUMNS = `i.id, i.type, i.date_start AS "dateStart", i.date_end AS "dateEnd", i.list_item AS item,
  i.killed_min AS "killedMin", i.killed_max AS "killedMax", i.injured_min AS "injuredMin", i.injured_max AS "injuredMax",
  (SELECT count(DISTINCT m.report_id)::int FROM incident_members m WHERE m.incident_id = i.id) AS reports, i.origin_count AS origins,
  i.reviewed, i.count_marks AS "countMarks"`;

/** A row of LIST_COLUMNS. */
export type ListColumns = Pick<IncidentListRow, 'id' | 'type' | 'dateStart' | 'dateEnd' | 'reports' | 'origins'> & {
  killedMin: number | null; killedMax: number | null; injuredMin: number | null; injuredMax: number | null;
  item: Partial<Pick<IncidentListRow, 'location' | 'independence' | 'contradictions' | 'perpetrators'>>;
  reviewed: { place?: IncidentListRow['location']; perpetrators?: { name: string | null }[]; killed?: CountRange | null; injured?: CountRange | null } | null;
  /** the linked counts marked approximate (migration 7) */
  countMarks: { killed?: boolean; injured?: boolean } | null;
};

/** A list row from LIST_COLUMNS (and `km`, the distance, when the query adds it). */
export function listRow(r: ListColumns & { km?: number }): IncidentListRow {
  const { killedMin, killedMax, injuredMin, injuredMax, item, reviewed, countMarks, ...rest } = r;
  // the columns hold corrected values already; place and perpetrators are read from the record
  return {
    ...rest,
    location: reviewed?.place !== undefined ? reviewed.place : item.location ?? null,
    independence: item.independence ?? null,
    contradictions: item.contradictions ?? [],
    perpetrators: reviewed?.perpetrators ? reviewed.perpetrators.map((p) => p.name) : item.perpetrators ?? [],
    reviewed: reviewed ? Object.keys(reviewed).sort() : [],
    killed: countColumns('killed', killedMin, killedMax, reviewed, countMarks?.killed),
    injured: countColumns('injured', injuredMin, injuredMax, reviewed, countMarks?.injured),
  };
}

/**
 * A page of incidents matching the filters, with the total. Reads only the parts of each record
 * a list shows (not the per-field values or the provenance graph).
 */
export async function searchIncidents(db: Db, f: IncidentFilters = {}): Promise<Page<IncidentListRow>> {
  const { limit, offset } = pageOf(f);
  const params: unknown[] = [];
  const { where, distance } = incidentWhere(f, params);
  const n = params.length;
  // the page's ids and the total from the narrow columns first; the records (large, stored
  // out of line) are read for the page's rows only
  const rows = await db.query<ListColumns & { total: number; km?: number }>(
    `WITH pg AS (
       SELECT i.id, i.date_start, ${distance ? `${distance} AS km,` : ''} count(*) OVER ()::int AS total
       FROM incidents i ${where}
       ORDER BY ${distance ? 'km, ' : ''}i.date_start DESC NULLS LAST, i.id
       LIMIT $${n + 1} OFFSET $${n + 2}
     )
     SELECT ${LIST_COLUMNS}, ${distance ? 'pg.km,' : ''} pg.total
     FROM pg JOIN incidents i ON i.id = pg.id
     ORDER BY ${distance ? 'pg.km, ' : ''}pg.date_start DESC NULLS LAST, pg.id`,
    [...params, limit, offset],
  );
  const out = await page(rows, limit, offset, () => countOf(db, `SELECT count(*)::int AS n FROM incidents i ${where}`, params));
  return { ...out, items: out.items.map(listRow) };
}

export interface ReportListRow {
  id: string;
  externalId: string | null;
  title: string | null;
  published: string | null;
  url: string | null;
  status: ReportStatus;
  bytes: number;
}

/** A page of reports (full-text `q` over titles and texts, best first; else in the order added). */
export async function listReportsPage(db: Db, o: { q?: string; status?: ReportStatus; limit?: number; offset?: number } = {}): Promise<Page<ReportListRow>> {
  const { limit, offset } = pageOf(o);
  const q = o.q?.trim() || null;
  const where = `WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR tsv @@ websearch_to_tsquery('english', $2))`;
  const rows = await db.query<ReportListRow & { total: number }>(
    `SELECT id, external_id AS "externalId", title, published, url, status, byte_size AS bytes, count(*) OVER ()::int AS total
     FROM reports ${where}
     ORDER BY ${q ? `ts_rank(tsv, websearch_to_tsquery('english', $2)) DESC, ` : ''}added_at, id LIMIT $3 OFFSET $4`,
    [o.status ?? null, q, limit, offset],
  );
  return page(rows, limit, offset, () => countOf(db, `SELECT count(*)::int AS n FROM reports ${where}`, [o.status ?? null, q]));
}

export interface SourceListRow {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  reports: number;
}

/** A page of canonical sources, most named first; `q` matches a name or alias (substring or trigram). */
export async function listSourcesPage(db: Db, o: { q?: string; limit?: number; offset?: number } = {}): Promise<Page<SourceListRow>> {
  const { limit, offset } = pageOf(o);
  const q = o.q?.trim() || null;
  const where = `WHERE ($1::text IS NULL OR s.name ILIKE '%' || $1 || '%' OR s.name % $1
    OR EXISTS (SELECT 1 FROM source_aliases a WHERE a.source_id = s.id AND (a.alias ILIKE '%' || $1 || '%' OR a.alias % $1)))`;
  const rows = await db.query<SourceListRow & { total: number }>(
    `SELECT s.id, s.name, s.kind, s.aliases,
       (SELECT count(DISTINCT rs.report_id)::int FROM report_sources rs WHERE rs.source_id = s.id) AS reports,
       count(*) OVER ()::int AS total
     FROM sources s ${where}
     ORDER BY reports DESC, s.name, s.id LIMIT $2 OFFSET $3`,
    [q, limit, offset],
  );
  return page(rows, limit, offset, () => countOf(db, `SELECT count(*)::int AS n FROM sources s ${where}`, [q]));
}

export interface ClaimListRow {
  id: string;
  reportId: string;
  source: { id: string | null; name: string } | null;
  cue: { start: number; end: number; text: string } | null;
  content: { start: number; end: number; text: string };
  quote: string;
  hedges: { start: number; end: number; text: string }[];
}

/** A page of claims: full-text `q` over their contents, `source` a canonical source id. */
export async function listClaimsPage(db: Db, o: { q?: string; source?: string; limit?: number; offset?: number } = {}): Promise<Page<ClaimListRow>> {
  const { limit, offset } = pageOf(o);
  const q = o.q?.trim() || null;
  const where = `WHERE ($1::text IS NULL OR c.tsv @@ websearch_to_tsquery('english', $1)) AND ($2::text IS NULL OR rs.source_id = $2)`;
  const from = `FROM claims c LEFT JOIN report_sources rs ON rs.report_id = c.report_id AND rs.local_id = c.source
    LEFT JOIN sources s ON s.id = rs.source_id`;
  const rows = await db.query<{ id: string; reportId: string; sourceId: string | null; sourceName: string | null; cue: ClaimListRow['cue']; content: ClaimListRow['content']; quote: string; hedges: ClaimListRow['hedges']; total: number }>(
    `SELECT c.id, c.report_id AS "reportId", rs.source_id AS "sourceId", coalesce(s.name, rs.name) AS "sourceName",
       c.cue, c.content, c.quote, c.hedges, count(*) OVER ()::int AS total
     ${from} ${where}
     ORDER BY ${q ? `ts_rank(c.tsv, websearch_to_tsquery('english', $1)) DESC, ` : ''}c.report_id, c.id LIMIT $3 OFFSET $4`,
    [q, o.source ?? null, limit, offset],
  );
  const out = await page(rows, limit, offset, () => countOf(db, `SELECT count(*)::int AS n ${from} ${where}`, [q, o.source ?? null]));
  return {
    ...out,
    items: out.items.map(({ sourceId, sourceName, ...c }) => ({ ...c, source: sourceName == null ? null : { id: sourceId, name: sourceName } })),
  };
}

/** The incident each of a report's incident mentions belongs to (when linked). */
export async function reportIncidents(db: Db, reportId: string): Promise<{ mentionId: string; incidentId: string | null; type: string }[]> {
  return db.query(
    `SELECT im.id AS "mentionId", m.incident_id AS "incidentId", im.type FROM incident_mentions im
     LEFT JOIN incident_members m ON m.report_id = im.report_id AND m.mention_id = im.id
     WHERE im.report_id = $1 ORDER BY im.seq`,
    [reportId],
  );
}

/** Which of these ids are incidents (to say which are unknown). */
export async function existingIncidents(db: Db, ids: string[]): Promise<Set<string>> {
  const rows = await db.query<{ id: string }>('SELECT id FROM incidents WHERE id = ANY($1::text[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

/**
 * Refreshes the planner's statistics. An embedded PGlite store has no autovacuum, so without this
 * its planner never learns table sizes or how common a value is; a server runs it on its own.
 */
export async function refreshStatistics(db: Db): Promise<void> {
  await db.exec('ANALYZE');
}
