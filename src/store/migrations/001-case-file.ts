/**
 * Migration 1: the case file. Plain PostgreSQL (runs unchanged on PGlite and on a server).
 *
 * - reports: every report byte for byte (`raw`), addressed by 'sha256:<hex>' of those bytes;
 *   status 'pending' (stored, not yet extracted) | 'ok' | 'failed' (kept, with the error).
 * - custody: append-only log (a trigger refuses UPDATE and DELETE).
 * - report_sources / claims / citations / incident_mentions: one report's extraction, rows
 *   keyed by (report_id, local id) so that saving it again replaces, never duplicates.
 * - sources / source_aliases: canonical source identities across reports (written by linking).
 * - incidents / incident_members: the linked view (replaceable); link_log: every merge / split,
 *   with who, when, why and the membership before, so it can be reverted; corrections: a
 *   documenter's merges / splits that linking must apply again after every re-link.
 */
export const version = 1;
export const name = 'case-file';

// tsvector values are capped at 1 MB: index the first 200k characters of very long texts
export const sql = `
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE reports (
  id text PRIMARY KEY CHECK (id ~ '^sha256:[0-9a-f]{64}$'),
  raw bytea NOT NULL,
  byte_size integer NOT NULL,
  external_id text,
  title text,
  published date,
  url text,
  format text,
  language text,
  text text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'ok', 'failed')),
  error text,
  extractor_version text,
  extraction jsonb,
  added_at timestamptz NOT NULL DEFAULT now(),
  extracted_at timestamptz,
  tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', left(coalesce(text, ''), 200000)), 'B')
  ) STORED
);
CREATE INDEX reports_tsv ON reports USING gin (tsv);
CREATE INDEX reports_external_id ON reports (external_id);
CREATE INDEX reports_status ON reports (status) WHERE status <> 'ok';
CREATE INDEX reports_published ON reports (published);

CREATE TABLE custody (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  report_id text NOT NULL REFERENCES reports (id),
  action text NOT NULL CHECK (action IN ('added', 're-added', 'verified', 'verify-failed')),
  by text,
  at timestamptz NOT NULL DEFAULT now(),
  "from" text,
  sha256 text NOT NULL,
  note text
);
CREATE INDEX custody_report ON custody (report_id, seq);

CREATE FUNCTION custody_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'custody is append-only (% refused)', TG_OP;
END $$;
CREATE TRIGGER custody_append_only BEFORE UPDATE OR DELETE ON custody
  FOR EACH ROW EXECUTE FUNCTION custody_append_only();

CREATE TABLE sources (
  id text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL DEFAULT 'unknown',
  aliases text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sources_name_trgm ON sources USING gin (name gin_trgm_ops);

CREATE TABLE source_aliases (
  alias text NOT NULL,
  source_id text NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  PRIMARY KEY (alias, source_id)
);
CREATE INDEX source_aliases_trgm ON source_aliases USING gin (alias gin_trgm_ops);
CREATE INDEX source_aliases_source ON source_aliases (source_id);

CREATE TABLE report_sources (
  report_id text NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  local_id text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL,
  aliases text[] NOT NULL DEFAULT '{}',
  source_id text REFERENCES sources (id) ON DELETE SET NULL,
  PRIMARY KEY (report_id, local_id)
);
CREATE INDEX report_sources_source ON report_sources (source_id);

CREATE TABLE claims (
  report_id text NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  id text NOT NULL,
  source text,
  source_span jsonb,
  cue jsonb,
  content jsonb NOT NULL,
  content_text text NOT NULL,
  quote text NOT NULL,
  hedges jsonb NOT NULL DEFAULT '[]',
  via text,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', left(content_text, 200000))) STORED,
  PRIMARY KEY (report_id, id)
);
CREATE INDEX claims_tsv ON claims USING gin (tsv);

CREATE TABLE citations (
  report_id text NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  from_source text NOT NULL,
  to_source text NOT NULL,
  evidence jsonb NOT NULL,
  PRIMARY KEY (report_id, seq)
);

CREATE TABLE incident_mentions (
  report_id text NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  id text NOT NULL,
  seq integer NOT NULL,
  type text NOT NULL,
  date_start date,
  date_end date,
  location_name text,
  lat double precision,
  lon double precision,
  killed_min integer,
  killed_max integer,
  injured_min integer,
  injured_max integer,
  fields jsonb NOT NULL,
  PRIMARY KEY (report_id, id)
);
CREATE INDEX incident_mentions_type_date ON incident_mentions (type, date_start);
CREATE INDEX incident_mentions_date ON incident_mentions (date_start);

CREATE TABLE incidents (
  id text PRIMARY KEY,
  type text,
  date_start date,
  date_end date,
  location_name text,
  country text,
  admin1 text,
  lat double precision,
  lon double precision,
  killed_min integer,
  killed_max integer,
  injured_min integer,
  injured_max integer,
  record jsonb NOT NULL,
  search_text text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now(),
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', left(search_text, 200000))) STORED
);
CREATE INDEX incidents_tsv ON incidents USING gin (tsv);
CREATE INDEX incidents_type_date ON incidents (type, date_start);
CREATE INDEX incidents_date ON incidents (date_start, date_end);
CREATE INDEX incidents_latlon ON incidents (lat, lon);

CREATE TABLE incident_members (
  incident_id text NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  report_id text NOT NULL,
  mention_id text NOT NULL,
  score real,
  PRIMARY KEY (report_id, mention_id),
  FOREIGN KEY (report_id, mention_id) REFERENCES incident_mentions (report_id, id) ON DELETE CASCADE
);
CREATE INDEX incident_members_incident ON incident_members (incident_id);

CREATE TABLE link_log (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  action text NOT NULL CHECK (action IN ('merge', 'split', 'suggest', 'move', 'revert')),
  by text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  why text,
  score real,
  incident_ids text[] NOT NULL DEFAULT '{}',
  before jsonb,
  after jsonb,
  reverts bigint REFERENCES link_log (seq),
  reverted_by bigint REFERENCES link_log (seq)
);
CREATE INDEX link_log_at ON link_log (at);

CREATE TABLE corrections (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('merge_sources', 'split_source', 'merge_incidents', 'split_incident')),
  payload jsonb NOT NULL,
  by text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  why text,
  active boolean NOT NULL DEFAULT true,
  withdrawn_by text,
  withdrawn_at timestamptz
);
`;
