/**
 * Migration 5: the incident search, fast on the embedded store.
 *
 * - incident_docs: one row per incident holding the full text of the incident's own fields and
 *   of every report in it (their tsvectors concatenated), behind one GIN index. A search for
 *   words is then one index scan over incidents, not a scan of every report's tsvector joined to
 *   the members. Kept by triggers, whatever writes the incidents or their members: a statement
 *   that changes an incident's text or members notes the incident in incident_changes, and when
 *   the transaction commits each noted incident is refreshed once (a deferred trigger), however
 *   many statements touched it (linking writes an incident, then drops and writes its members).
 * - incidents.version and incident_docs.version: numbers from one sequence, new on every change
 *   of an incident row (a BEFORE UPDATE trigger) and on every refresh of its text (its members
 *   changed). An in-memory list of incidents (src/store/incident-index.ts) reads only the
 *   incidents whose versions are newer than the ones it holds. (The member change bumps the
 *   docs row, not the incident: a second update of every touched incident row would write its
 *   indexes again, the full-text one included.)
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

CREATE SEQUENCE incident_version;

CREATE TABLE incident_docs (
  incident_id text PRIMARY KEY REFERENCES incidents (id) ON DELETE CASCADE,
  tsv tsvector NOT NULL,
  version bigint NOT NULL DEFAULT nextval('incident_version')
);

-- the incident's own text, then its reports' (each report once, in id order)
CREATE FUNCTION refresh_incident_docs(ids text[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO incident_docs (incident_id, tsv)
  SELECT i.id, i.tsv || coalesce((
    SELECT tsvector_agg(r.tsv ORDER BY r.id) FROM reports r
    WHERE r.id IN (SELECT m.report_id FROM incident_members m WHERE m.incident_id = i.id)), '')
  FROM incidents i WHERE i.id = ANY(ids)
  ON CONFLICT (incident_id) DO UPDATE SET tsv = EXCLUDED.tsv, version = nextval('incident_version')
$$;

ALTER TABLE incidents ADD COLUMN version bigint NOT NULL DEFAULT nextval('incident_version');

CREATE FUNCTION incidents_new_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := nextval('incident_version');
  RETURN NEW;
END $$;
CREATE TRIGGER incidents_version BEFORE UPDATE ON incidents
  FOR EACH ROW EXECUTE FUNCTION incidents_new_version();

-- incidents whose text or members changed in the running transaction
CREATE TABLE incident_changes (incident_id text PRIMARY KEY);

CREATE FUNCTION note_incident_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'incidents' THEN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO incident_changes SELECT id FROM new_rows ON CONFLICT DO NOTHING;
    ELSE
      -- (a trigger with transition tables cannot name columns: compare the text here)
      INSERT INTO incident_changes SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.search_text IS DISTINCT FROM o.search_text ON CONFLICT DO NOTHING;
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO incident_changes SELECT DISTINCT incident_id FROM new_rows ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO incident_changes SELECT DISTINCT incident_id FROM old_rows ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO incident_changes SELECT incident_id FROM new_rows UNION SELECT incident_id FROM old_rows ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER incidents_note_insert AFTER INSERT ON incidents
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_incident_changes();
CREATE TRIGGER incidents_note_update AFTER UPDATE ON incidents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_incident_changes();
CREATE TRIGGER incident_members_note_insert AFTER INSERT ON incident_members
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_incident_changes();
CREATE TRIGGER incident_members_note_update AFTER UPDATE ON incident_members
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION note_incident_changes();
CREATE TRIGGER incident_members_note_delete AFTER DELETE ON incident_members
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION note_incident_changes();

-- at commit: every noted incident gets its text refreshed (and so a new docs version), once; the
-- first call takes all the notes, the calls for the other noted rows find none
CREATE FUNCTION flush_incident_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
BEGIN
  WITH taken AS (DELETE FROM incident_changes RETURNING incident_id) SELECT array_agg(incident_id) INTO ids FROM taken;
  IF ids IS NOT NULL THEN
    PERFORM refresh_incident_docs(ids);
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER incident_changes_flush AFTER INSERT ON incident_changes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION flush_incident_changes();

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
