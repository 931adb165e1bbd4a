/**
 * Migration 5: the incident search, fast on the embedded store.
 *
 * - incident_docs: one row per incident holding the full text of the incident's own fields and
 *   of every report in it (their tsvectors concatenated), behind one GIN index. A search for
 *   words is then one index scan over incidents, not a scan of every report's tsvector joined to
 *   the members. Kept by triggers, whatever writes the incidents or their members.
 * - incidents.version: a number from a sequence, new on every change of an incident or of its
 *   members. An in-memory list of incidents (src/store/incident-index.ts) reads only the rows
 *   whose version is newer than the ones it holds.
 * - incidents_matching(q): the ids of the incidents whose text matches a web-search query
 *   ("words", "a phrase", -not, or). It always goes through the GIN index: the planner counts a
 *   sequential scan as cheap when most incidents match, but each row's tsvector is large and
 *   stored out of line, so reading them all costs ten times the index (measured on GVA dev).
 * - Every GIN index with a small pending list (512 kB, not 4 MB), and the lists of existing
 *   stores merged in. New entries wait in a GIN index's pending list until it is merged into the
 *   index, and every search reads through the list; the embedded store runs no autovacuum, so
 *   lists were merged only when full (a word search over GVA dev's reports took 9 ms instead of
 *   0.6 ms). Linking merges them when it ends (`mergeSearchIndexes`). Turning pending lists off
 *   instead made ingest a third slower (each report's words written into the index one by one).
 */
export const version = 5;
export const name = 'incident-search';

export const sql = `
CREATE AGGREGATE tsvector_agg (tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');

CREATE TABLE incident_docs (
  incident_id text PRIMARY KEY REFERENCES incidents (id) ON DELETE CASCADE,
  tsv tsvector NOT NULL
);

-- the incident's own text, then its reports' (each report once, in id order)
CREATE FUNCTION refresh_incident_docs(ids text[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO incident_docs (incident_id, tsv)
  SELECT i.id, i.tsv || coalesce((
    SELECT tsvector_agg(r.tsv ORDER BY r.id) FROM reports r
    WHERE r.id IN (SELECT m.report_id FROM incident_members m WHERE m.incident_id = i.id)), '')
  FROM incidents i WHERE i.id = ANY(ids)
  ON CONFLICT (incident_id) DO UPDATE SET tsv = EXCLUDED.tsv
$$;

CREATE SEQUENCE incident_version;
ALTER TABLE incidents ADD COLUMN version bigint NOT NULL DEFAULT nextval('incident_version');

CREATE FUNCTION incidents_new_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := nextval('incident_version');
  RETURN NEW;
END $$;
CREATE TRIGGER incidents_version BEFORE UPDATE ON incidents
  FOR EACH ROW EXECUTE FUNCTION incidents_new_version();

CREATE FUNCTION incidents_docs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_incident_docs(ARRAY(SELECT id FROM new_rows));
  ELSE
    -- (a trigger with transition tables cannot name columns: compare the text here)
    PERFORM refresh_incident_docs(ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.search_text IS DISTINCT FROM o.search_text));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER incidents_docs_insert AFTER INSERT ON incidents
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incidents_docs_changed();
CREATE TRIGGER incidents_docs_update AFTER UPDATE ON incidents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incidents_docs_changed();

-- members moved in or out: the incident has new text and a new version
CREATE FUNCTION incident_members_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := ARRAY(SELECT DISTINCT incident_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    ids := ARRAY(SELECT DISTINCT incident_id FROM old_rows);
  ELSE
    ids := ARRAY(SELECT incident_id FROM new_rows UNION SELECT incident_id FROM old_rows);
  END IF;
  -- any value: the BEFORE UPDATE trigger gives each row a new number
  UPDATE incidents SET version = 0 WHERE id = ANY(ids);
  PERFORM refresh_incident_docs(ids);
  RETURN NULL;
END $$;
CREATE TRIGGER incident_members_insert AFTER INSERT ON incident_members
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_members_changed();
CREATE TRIGGER incident_members_update AFTER UPDATE ON incident_members
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_members_changed();
CREATE TRIGGER incident_members_delete AFTER DELETE ON incident_members
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_members_changed();

CREATE FUNCTION incidents_matching(q text) RETURNS SETOF text LANGUAGE sql STABLE
  SET enable_seqscan = off
AS $$
  SELECT incident_id FROM incident_docs WHERE tsv @@ websearch_to_tsquery('english', q)
$$;

SELECT refresh_incident_docs(ARRAY(SELECT id FROM incidents));
CREATE INDEX incident_docs_tsv ON incident_docs USING gin (tsv) WITH (gin_pending_list_limit = 512);

ALTER INDEX reports_tsv SET (gin_pending_list_limit = 512);
ALTER INDEX claims_tsv SET (gin_pending_list_limit = 512);
ALTER INDEX incidents_tsv SET (gin_pending_list_limit = 512);
ALTER INDEX sources_name_trgm SET (gin_pending_list_limit = 512);
ALTER INDEX source_aliases_trgm SET (gin_pending_list_limit = 512);
ALTER INDEX field_reviews_members SET (gin_pending_list_limit = 512);
SELECT gin_clean_pending_list(c.oid::regclass) FROM pg_class c JOIN pg_am a ON a.oid = c.relam
  WHERE a.amname = 'gin' AND c.relkind = 'i' AND c.relnamespace = current_schema()::regnamespace;
`;
