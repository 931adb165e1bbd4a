/**
 * Migration 6: documenters' corrections reach lists, filters and exports.
 *
 * Until now a field review changed only the case sheet's effective values: the incident list,
 * the search filters and the exports kept the linked values. Now `incidents.reviewed` holds the
 * corrections in force ({field: value}: the newest correction of each field), and the key columns
 * (type, dates, place, coordinates, killed, injured) hold the effective values: the linked value,
 * or the correction where there is one. The record keeps the linked values and field_reviews
 * every review, so nothing extracted is overwritten.
 *
 * A review is made on an incident's mentions ("reportId#mentionId"; incident ids are renumbered
 * by re-linking, mentions are not). incident_reviews(id) gives an incident's reviews: those whose
 * mentions it holds the most of (on a tie, each incident tied). So a correction stays with the
 * incident when new reports join it, and when some of its reports are split off it stays with the
 * part that holds most of what was reviewed, not with the reports that were split away.
 * apply_field_reviews(ids) puts the corrections in force on those incidents; it runs after linking
 * writes the columns from the record (so corrections survive re-linking) and after each review.
 */
export const version = 6;
export const name = 'reviewed-values';

export const sql = `
ALTER TABLE incidents ADD COLUMN reviewed jsonb;

CREATE FUNCTION incident_reviews(inc text) RETURNS SETOF field_reviews LANGUAGE sql STABLE AS $$
  WITH mine AS (
    SELECT coalesce(array_agg(m.report_id || '#' || m.mention_id), '{}') AS keys FROM incident_members m WHERE m.incident_id = inc
  ), cand AS (
    SELECT fr.* FROM field_reviews fr, mine
    WHERE fr.members && mine.keys OR (cardinality(fr.members) = 0 AND fr.incident_id = inc)
  ), share AS (
    -- how many of each candidate review's mentions each incident holds now
    SELECT c.seq, m.incident_id, count(*) AS n
    FROM cand c CROSS JOIN LATERAL unnest(c.members) AS k(key)
    JOIN incident_members m ON m.report_id = split_part(k.key, '#', 1) AND m.mention_id = substr(k.key, position('#' IN k.key) + 1)
    GROUP BY c.seq, m.incident_id
  )
  SELECT c.* FROM cand c
  WHERE cardinality(c.members) = 0
     OR (SELECT s.n FROM share s WHERE s.seq = c.seq AND s.incident_id = inc) >= ALL (SELECT s.n FROM share s WHERE s.seq = c.seq)
  ORDER BY c.seq
$$;

CREATE FUNCTION apply_field_reviews(ids text[]) RETURNS void LANGUAGE sql AS $$
  WITH r AS (
    SELECT i.id, (
      SELECT jsonb_object_agg(fr.field, fr.value ORDER BY fr.seq) FROM incident_reviews(i.id) fr WHERE fr.action = 'correct'
    ) AS reviewed
    FROM incidents i WHERE i.id = ANY(ids) AND (i.reviewed IS NOT NULL OR EXISTS (SELECT 1 FROM field_reviews))
  )
  UPDATE incidents i SET
    reviewed = r.reviewed,
    type = CASE WHEN r.reviewed ? 'type' THEN r.reviewed->>'type' ELSE i.type END,
    date_start = CASE WHEN r.reviewed ? 'date' THEN (r.reviewed#>>'{date,start}')::date ELSE i.date_start END,
    date_end = CASE WHEN r.reviewed ? 'date' THEN coalesce(r.reviewed#>>'{date,end}', r.reviewed#>>'{date,start}')::date ELSE i.date_end END,
    location_name = CASE WHEN r.reviewed ? 'place' THEN r.reviewed#>>'{place,name}' ELSE i.location_name END,
    admin1 = CASE WHEN r.reviewed ? 'place' THEN r.reviewed#>>'{place,admin1}' ELSE i.admin1 END,
    country = CASE WHEN r.reviewed ? 'place' THEN r.reviewed#>>'{place,country}' ELSE i.country END,
    lat = CASE WHEN r.reviewed ? 'place' THEN (r.reviewed#>>'{place,lat}')::double precision ELSE i.lat END,
    lon = CASE WHEN r.reviewed ? 'place' THEN (r.reviewed#>>'{place,lon}')::double precision ELSE i.lon END,
    killed_min = CASE WHEN r.reviewed ? 'killed' THEN (r.reviewed#>>'{killed,min}')::int ELSE i.killed_min END,
    killed_max = CASE WHEN r.reviewed ? 'killed' THEN (r.reviewed#>>'{killed,max}')::int ELSE i.killed_max END,
    injured_min = CASE WHEN r.reviewed ? 'injured' THEN (r.reviewed#>>'{injured,min}')::int ELSE i.injured_min END,
    injured_max = CASE WHEN r.reviewed ? 'injured' THEN (r.reviewed#>>'{injured,max}')::int ELSE i.injured_max END
  FROM r WHERE i.id = r.id AND (r.reviewed IS NOT NULL OR i.reviewed IS NOT NULL)
$$;

SELECT apply_field_reviews(ARRAY(SELECT id FROM incidents)) WHERE EXISTS (SELECT 1 FROM field_reviews);
`;
