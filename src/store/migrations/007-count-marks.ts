/**
 * Migration 7: counts with an open upper bound and approximate counts in lists.
 *
 * A count's `max` may now be null: the reports state no upper bound ("at least 12"); the
 * killed_max / injured_max columns are then NULL beside a min (rows written before hold two
 * numbers and read as before). Whether linking marked a count approximate ("about 20") is kept
 * in the record; `count_marks` copies that mark out of it, so a list page does not read the
 * records (as migration 4 does for the list's other parts; built with jsonb_set, which is
 * immutable, as a generated column must be).
 */
export const version = 7;
export const name = 'count-marks';

export const sql = `
ALTER TABLE incidents ADD COLUMN count_marks jsonb GENERATED ALWAYS AS (
  jsonb_set(jsonb_set('{}'::jsonb,
    '{killed}', coalesce(record#>'{killed,approximate}', 'false'::jsonb)),
    '{injured}', coalesce(record#>'{injured,approximate}', 'false'::jsonb))
) STORED;
`;
