/**
 * Migration 4: what an incident list shows, as columns generated from the record that linking
 * writes: the number of independent origins (for the "at least N origins" filter) and a small
 * JSON of the list's other parts (place, the independence summary, the contradicted fields,
 * perpetrator names). Records are large and stored compressed out of line: a search page reading
 * four parts of 50 records decompressed each record four times.
 */
export const version = 4;
export const name = 'incident-list';

export const sql = `
ALTER TABLE incidents ADD COLUMN origin_count integer
  GENERATED ALWAYS AS (jsonb_array_length(coalesce(record->'origins', '[]'::jsonb))) STORED;
CREATE INDEX incidents_origin_count ON incidents (origin_count);

ALTER TABLE incidents ADD COLUMN list_item jsonb GENERATED ALWAYS AS (
  jsonb_set(jsonb_set(jsonb_set(jsonb_set('{}'::jsonb,
    '{location}', coalesce(record->'location', 'null'::jsonb)),
    '{independence}', coalesce(record#>'{provenance,summary}', 'null'::jsonb)),
    '{contradictions}', jsonb_path_query_array(record, '$.contradictions[*].field')),
    '{perpetrators}', jsonb_path_query_array(record, '$.perpetrators[*].name'))
) STORED;
`;
