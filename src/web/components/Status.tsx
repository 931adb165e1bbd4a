import type { ApiError } from '../api.js';

/** A server error as the person can act on it: its message, with the HTTP status. */
export function ErrorBox({ error }: { error: ApiError | Error | null | undefined }) {
  if (!error) return null;
  const status = 'status' in error && typeof error.status === 'number' && error.status > 0 ? ` (HTTP ${error.status})` : '';
  const hint = 'status' in error && error.status === 401 ? ' Sign in with a token at the top right.' : '';
  return <div className="error" role="alert">{error.message}{status}{hint}</div>;
}

export function Loading({ what }: { what: string }) {
  return <p className="muted" aria-busy="true">Loading {what}…</p>;
}

export function Pager({ total, limit, offset, onChange }: { total: number; limit: number; offset: number; onChange: (offset: number) => void }) {
  if (total <= limit) return <p className="muted">{total} in all</p>;
  return (
    <p className="pager">
      <button type="button" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>← previous</button>
      <span> {offset + 1}–{Math.min(total, offset + limit)} of {total} </span>
      <button type="button" disabled={offset + limit >= total} onClick={() => onChange(offset + limit)}>next →</button>
    </p>
  );
}
