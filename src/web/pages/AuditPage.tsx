/** Every write to the case file: who, when, what, the previous and the new value. */
import { query } from '../api.js';
import { AuditList } from '../components/AuditList.js';
import { ErrorBox, Loading, Pager } from '../components/Status.js';
import { useApi } from '../hooks.js';
import { navigate, useLocation } from '../router.js';
import type { AuditEntry, Page } from '../types.js';

const LIMIT = 100;

export function AuditPage() {
  const { search } = useLocation();
  const offset = Number(search.get('offset') ?? 0) || 0;
  const list = useApi<Page<AuditEntry>>(`/api/audit${query({ limit: LIMIT, offset })}`);
  return (
    <>
      <h1>Audit log</h1>
      <p className="muted">Every review, merge, split and upload, with who made it, when, and the value before. Extractions are never overwritten.</p>
      <ErrorBox error={list.error} />
      {list.loading && !list.data ? <Loading what="the audit log" /> : list.data && (
        <>
          <AuditList entries={list.data.items} showTarget />
          <Pager total={list.data.total} limit={LIMIT} offset={offset} onChange={(o) => navigate(`/audit${query({ offset: o || undefined })}`)} />
        </>
      )}
    </>
  );
}
