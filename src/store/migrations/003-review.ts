/**
 * Migration 3: who may use the HTTP API, and what they changed.
 *
 * - api_tokens: bearer tokens, stored only as the sha256 of the token (the token itself is shown
 *   once, when created); a role (viewer < editor < admin) and a name that the audit log records.
 * - audit_log: every write through the API (and token management): who, when, the action, its
 *   target, the value before and after. Append-only (a trigger refuses UPDATE and DELETE).
 * - field_reviews: a documenter accepting or correcting one field of an incident. The extraction
 *   and the linked record are never overwritten: the effective value is computed when read.
 *   Incident ids are renumbered by re-linking, so a review also keeps the incident's members
 *   ("reportId#mentionId") at review time and is found again through any of them.
 *
 * Numbered 3: migration 2 belongs to another part of the store; `migrate` applies whatever is
 * missing in order, so 3 applied before 2 exists is fine.
 */
export const version = 3;
export const name = 'review';

export const sql = `
CREATE TABLE api_tokens (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  hash text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text,
  revoked_at timestamptz
);

CREATE TABLE audit_log (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  by text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  action text NOT NULL,
  target_kind text NOT NULL,
  target text NOT NULL,
  previous jsonb,
  value jsonb,
  note text
);
CREATE INDEX audit_log_target ON audit_log (target_kind, target, seq);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE field_reviews (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id text NOT NULL,
  members text[] NOT NULL DEFAULT '{}',
  field text NOT NULL CHECK (field IN ('killed', 'injured', 'date', 'place', 'type', 'perpetrators')),
  action text NOT NULL CHECK (action IN ('accept', 'correct')),
  value jsonb,
  previous jsonb,
  by text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  note text
);
CREATE INDEX field_reviews_incident ON field_reviews (incident_id, seq);
CREATE INDEX field_reviews_members ON field_reviews USING gin (members);
`;
