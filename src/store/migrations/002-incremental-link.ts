/**
 * Migration 2: what incremental linking keeps between runs, so that new reports are linked
 * without reading the whole collection again (src/jobs/incremental-link.ts).
 *
 * - reports.linked: whether the report's sources and incident mentions have been linked;
 *   reports.outlet: the publisher named by the input (JSONL `outlet` / `source`, HTML
 *   og:site_name), preferred over the URL's host.
 * - sources.affiliation / sources.named: what provenance needs of a canonical source beside
 *   its name; source_keys: comparison keys of its names, aliases, acronyms and body words, to
 *   find the canonical source a new report's source is (no scan of all sources).
 * - link_mentions: each clustered mention's features (dates, place, names, word counts), so a
 *   new mention is scored against stored ones as the in-memory clusterer would.
 * - link_keys: the clusterer's blocking index (day × place cell, region, rare proper names) →
 *   incident; link_df / link_state: document frequencies of words, documents seen and the
 *   incident sequence.
 */
export const version = 2;
export const name = 'incremental-link';

export const sql = `
ALTER TABLE reports ADD COLUMN linked boolean NOT NULL DEFAULT false;
ALTER TABLE reports ADD COLUMN outlet text;
CREATE INDEX reports_unlinked ON reports (added_at, id) WHERE status = 'ok' AND NOT linked;

ALTER TABLE sources ADD COLUMN affiliation text;
ALTER TABLE sources ADD COLUMN named boolean NOT NULL DEFAULT true;

CREATE TABLE source_keys (
  key text NOT NULL,
  source_id text NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  PRIMARY KEY (key, source_id)
);
CREATE INDEX source_keys_source ON source_keys (source_id);

CREATE TABLE link_mentions (
  report_id text NOT NULL,
  mention_id text NOT NULL,
  features jsonb NOT NULL,
  PRIMARY KEY (report_id, mention_id),
  FOREIGN KEY (report_id, mention_id) REFERENCES incident_mentions (report_id, id) ON DELETE CASCADE
);

CREATE TABLE link_keys (
  key text NOT NULL,
  incident_id text NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  PRIMARY KEY (key, incident_id)
);
CREATE INDEX link_keys_incident ON link_keys (incident_id);

CREATE TABLE link_df (
  word text PRIMARY KEY,
  df integer NOT NULL
);

CREATE TABLE link_state (
  name text PRIMARY KEY,
  value bigint NOT NULL
);
`;
