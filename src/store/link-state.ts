/**
 * What incremental linking keeps in the store between runs (migration 002): the reports still
 * to link, the clusterer's stored mention features, blocking keys, word document frequencies
 * and counters, and the comparison keys of canonical sources. Plain rows in, plain rows out:
 * the linking itself is src/link (pure) driven by src/jobs/incremental-link.ts.
 */
import type { Extraction } from '../model/schema.js';
import type { Db } from './db.js';

/** A stored report as linking reads it: its extraction (text restored), URL and outlet. */
export interface LinkReportRow {
  id: string;
  externalId: string | null;
  url: string | null;
  outlet: string | null;
  extraction: Extraction;
}

type RawRow = { id: string; external_id: string | null; url: string | null; outlet: string | null; text: string | null; extraction: Extraction };
const toLinkRow = (r: RawRow): LinkReportRow => {
  const ex = r.extraction;
  ex.report = { ...ex.report, id: r.id, text: r.text ?? '' };
  return { id: r.id, externalId: r.external_id, url: r.url, outlet: r.outlet, extraction: ex };
};

/** Extracted reports not linked yet, in the order they arrived (at most `limit`). */
export async function unlinkedReports(db: Db, limit: number): Promise<LinkReportRow[]> {
  const rows = await db.query<RawRow>(
    `SELECT id, external_id, url, outlet, text, extraction FROM reports
     WHERE status = 'ok' AND NOT linked AND extraction IS NOT NULL ORDER BY added_at, id LIMIT $1`, [limit]);
  return rows.map(toLinkRow);
}

/** The extracted reports with these ids (unknown or unextracted ids are left out). */
export async function linkReports(db: Db, ids: string[]): Promise<LinkReportRow[]> {
  if (!ids.length) return [];
  const rows = await db.query<RawRow>(
    `SELECT id, external_id, url, outlet, text, extraction FROM reports WHERE id = ANY($1::text[]) AND extraction IS NOT NULL`, [ids]);
  return rows.map(toLinkRow);
}

export async function countUnlinked(db: Db): Promise<number> {
  const [r] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM reports WHERE status = 'ok' AND NOT linked`);
  return r.n;
}

export async function markLinked(db: Db, ids: string[] | 'all'): Promise<void> {
  if (ids === 'all') await db.query(`UPDATE reports SET linked = true WHERE status = 'ok' AND NOT linked`);
  else if (ids.length) await db.query('UPDATE reports SET linked = true WHERE id = ANY($1::text[])', [ids]);
}

// ---------------------------------------------------------------------------------------------
// Counters

export interface LinkCounters { docs: number; seq: number; sourceSeq: number }

/** The counters, or null when the store was never linked with a persisted state (before migration 002). */
export async function linkCounters(db: Db): Promise<LinkCounters | null> {
  const rows = await db.query<{ name: string; value: string | number }>('SELECT name, value FROM link_state');
  if (!rows.length) return null;
  const m = new Map(rows.map((r) => [r.name, Number(r.value)]));
  return { docs: m.get('docs') ?? 0, seq: m.get('seq') ?? 0, sourceSeq: m.get('sourceSeq') ?? 0 };
}

export async function setLinkCounters(db: Db, c: Partial<LinkCounters>): Promise<void> {
  const rows = Object.entries(c).filter(([, v]) => v !== undefined).map(([name, value]) => ({ name, value }));
  if (!rows.length) return;
  await db.query(
    `INSERT INTO link_state (name, value) SELECT x.name, x.value FROM jsonb_to_recordset($1::jsonb) AS x(name text, value bigint)
     ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`, [JSON.stringify(rows)]);
}

/** Forgets the whole persisted clustering state (a full re-link writes it again). */
export async function clearLinkState(db: Db): Promise<void> {
  await db.exec('DELETE FROM link_keys; DELETE FROM link_mentions; DELETE FROM link_df; DELETE FROM link_state;');
}

// ---------------------------------------------------------------------------------------------
// Word document frequencies

export async function dfOf(db: Db, words: string[]): Promise<Map<string, number>> {
  if (!words.length) return new Map();
  const rows = await db.query<{ word: string; df: number }>('SELECT word, df FROM link_df WHERE word = ANY($1::text[])', [words]);
  return new Map(rows.map((r) => [r.word, r.df]));
}

/** Adds to document frequencies (word → how many more documents contain it). */
export async function addDf(db: Db, counts: Map<string, number>): Promise<void> {
  const rows = [...counts].map(([word, n]) => ({ word, n }));
  for (let i = 0; i < rows.length; i += 5000) {
    await db.query(
      `INSERT INTO link_df (word, df) SELECT x.word, x.n FROM jsonb_to_recordset($1::jsonb) AS x(word text, n int)
       ON CONFLICT (word) DO UPDATE SET df = link_df.df + EXCLUDED.df`, [JSON.stringify(rows.slice(i, i + 5000))]);
  }
}

// ---------------------------------------------------------------------------------------------
// Blocking keys and stored mention features

export async function linkKeyRows(db: Db, keys: string[]): Promise<{ key: string; incidentId: string }[]> {
  if (!keys.length) return [];
  return db.query(`SELECT key, incident_id AS "incidentId" FROM link_keys WHERE key = ANY($1::text[])`, [keys]);
}

export async function addLinkKeys(db: Db, rows: { key: string; incidentId: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    await db.query(
      `INSERT INTO link_keys (key, incident_id) SELECT x.key, x.incident_id FROM jsonb_to_recordset($1::jsonb) AS x(key text, incident_id text)
       WHERE EXISTS (SELECT 1 FROM incidents i WHERE i.id = x.incident_id) ON CONFLICT DO NOTHING`,
      [JSON.stringify(rows.slice(i, i + 5000).map((r) => ({ key: r.key, incident_id: r.incidentId })))]);
  }
}

export async function dropLinkKeys(db: Db, incidentIds: string[]): Promise<void> {
  if (incidentIds.length) await db.query('DELETE FROM link_keys WHERE incident_id = ANY($1::text[])', [incidentIds]);
}

/** A stored clustered mention: where it is, what the report says of it, and its features. */
export interface LinkMentionRow {
  reportId: string;
  mentionId: string;
  incidentId: string | null;
  features: unknown;
  mention: unknown;
  published: string | null;
  title: string | null;
}

const MENTION_COLS = `lm.report_id AS "reportId", lm.mention_id AS "mentionId", m.incident_id AS "incidentId", lm.features,
  im.fields AS mention, r.published::text AS published, r.title`;
const MENTION_FROM = `link_mentions lm JOIN incident_mentions im ON im.report_id = lm.report_id AND im.id = lm.mention_id
  JOIN reports r ON r.id = lm.report_id LEFT JOIN incident_members m ON m.report_id = lm.report_id AND m.mention_id = lm.mention_id`;

/** Every stored mention of these incidents. */
export async function linkMentionsOf(db: Db, incidentIds: string[]): Promise<LinkMentionRow[]> {
  if (!incidentIds.length) return [];
  return db.query(`SELECT ${MENTION_COLS} FROM ${MENTION_FROM} WHERE m.incident_id = ANY($1::text[])`, [incidentIds]);
}

/** Stored mentions by key (report id, mention id). */
export async function linkMentionsByKey(db: Db, keys: { reportId: string; mentionId: string }[]): Promise<LinkMentionRow[]> {
  if (!keys.length) return [];
  return db.query(
    `SELECT ${MENTION_COLS} FROM ${MENTION_FROM} JOIN jsonb_to_recordset($1::jsonb) AS k(report_id text, mention_id text)
       ON k.report_id = lm.report_id AND k.mention_id = lm.mention_id`,
    [JSON.stringify(keys.map((k) => ({ report_id: k.reportId, mention_id: k.mentionId })))]);
}

export async function saveLinkMentions(db: Db, rows: { reportId: string; mentionId: string; features: unknown }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.query(
      `INSERT INTO link_mentions (report_id, mention_id, features)
       SELECT x.report_id, x.mention_id, x.features FROM jsonb_to_recordset($1::jsonb) AS x(report_id text, mention_id text, features jsonb)
       ON CONFLICT (report_id, mention_id) DO UPDATE SET features = EXCLUDED.features`,
      [JSON.stringify(rows.slice(i, i + 500).map((r) => ({ report_id: r.reportId, mention_id: r.mentionId, features: r.features })))]);
  }
}

/** Members (report id, mention id) of incidents. */
export async function membersOf(db: Db, incidentIds: string[]): Promise<{ incidentId: string; reportId: string; mentionId: string }[]> {
  if (!incidentIds.length) return [];
  return db.query(
    `SELECT m.incident_id AS "incidentId", m.report_id AS "reportId", m.mention_id AS "mentionId" FROM incident_members m
     JOIN incident_mentions im ON im.report_id = m.report_id AND im.id = m.mention_id
     WHERE m.incident_id = ANY($1::text[]) ORDER BY m.incident_id, m.report_id, im.seq`, [incidentIds]);
}

/** Incidents whose member reports name one of these canonical sources. */
export async function incidentsCiting(db: Db, sourceIds: string[]): Promise<string[]> {
  if (!sourceIds.length) return [];
  const rows = await db.query<{ id: string }>(
    `SELECT DISTINCT m.incident_id AS id FROM incident_members m JOIN report_sources rs ON rs.report_id = m.report_id
     WHERE rs.source_id = ANY($1::text[])`, [sourceIds]);
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// Canonical sources as linking needs them

export interface StoredSource {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  affiliation: string | null;
  named: boolean;
}

const SOURCE_COLS = 'id, name, kind, aliases, affiliation, named';

/** Canonical sources having any of these comparison keys. */
export async function sourcesByKeys(db: Db, keys: string[]): Promise<StoredSource[]> {
  if (!keys.length) return [];
  return db.query(`SELECT ${SOURCE_COLS} FROM sources WHERE id IN (SELECT source_id FROM source_keys WHERE key = ANY($1::text[])) ORDER BY id`, [keys]);
}

export async function sourcesById(db: Db, ids: string[]): Promise<StoredSource[]> {
  if (!ids.length) return [];
  return db.query(`SELECT ${SOURCE_COLS} FROM sources WHERE id = ANY($1::text[]) ORDER BY id`, [ids]);
}

/** Which of these ids (or their "-N" variants) are taken (by equality on the key: no scan). */
export async function takenSourceIds(db: Db, bases: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  let todo = [...new Set(bases)];
  for (let from = 2; todo.length; from += 10) {
    const ask = todo.flatMap((b) => [...(from === 2 ? [b] : []), ...Array.from({ length: 10 }, (_, k) => `${b}-${from + k}`)]);
    const rows = await db.query<{ id: string }>('SELECT id FROM sources WHERE id = ANY($1::text[])', [ask]);
    for (const r of rows) taken.add(r.id);
    // a base whose every variant asked is taken: ask the next ten
    todo = todo.filter((b) => taken.has(b) && Array.from({ length: 10 }, (_, k) => `${b}-${from + k}`).every((x) => taken.has(x)));
  }
  return taken;
}

/** Report-local sources of reports, with their canonical source. */
export async function reportSourceRows(db: Db, reportIds: string[]): Promise<{ reportId: string; localId: string; name: string; kind: string; aliases: string[]; sourceId: string | null }[]> {
  if (!reportIds.length) return [];
  return db.query(
    `SELECT report_id AS "reportId", local_id AS "localId", name, kind, aliases, source_id AS "sourceId"
     FROM report_sources WHERE report_id = ANY($1::text[]) ORDER BY report_id, local_id`, [reportIds]);
}
