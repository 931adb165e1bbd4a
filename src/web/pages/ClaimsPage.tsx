/** Who said what across the case file: claims with their source, cue, quote kind and hedges. */
import { useState } from 'react';
import { query } from '../api.js';
import { ErrorBox, Loading, Pager } from '../components/Status.js';
import { useApi } from '../hooks.js';
import { Link, navigate, reportPath, useLocation } from '../router.js';
import type { ClaimItem, Page, Span } from '../types.js';

const LIMIT = 50;
const spanText = (x: Span | string | null | undefined) => (x == null ? '' : typeof x === 'string' ? x : x.text);

export function ClaimsPage() {
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const source = search.get('source') ?? '';
  const offset = Number(search.get('offset') ?? 0) || 0;
  const [text, setText] = useState(q);
  const list = useApi<Page<ClaimItem>>(`/api/claims${query({ q, source, limit: LIMIT, offset })}`);
  const go = (v: { q: string; source: string }, off = 0) => navigate(`/claims${query({ ...v, offset: off || undefined })}`);
  const sourceName = list.data?.items.find((c) => c.source?.id === source)?.source?.name ?? source;
  return (
    <>
      <form className="filters" role="search" onSubmit={(e) => { e.preventDefault(); go({ q: text, source }); }}>
        <input type="search" aria-label="Search claims" placeholder="Search what the sources said" value={text} onChange={(e) => setText(e.target.value)} />
        {source && <span className="badge ok">said by {sourceName} <button type="button" aria-label="any source" onClick={() => go({ q, source: '' })}>×</button></span>}
        <button type="submit">Search</button>
      </form>
      <ErrorBox error={list.error} />
      {list.loading && !list.data ? <Loading what="claims" /> : list.data && (
        <>
          <table className="claims-table">
            <thead><tr><th>source</th><th>cue</th><th>what they said</th><th>quote</th><th>hedges</th><th>report</th></tr></thead>
            <tbody>
              {list.data.items.map((c) => (
                <tr key={`${c.reportId}/${c.id}`} data-claim={c.id}>
                  <td>{c.source ? <Link to={`/claims${query({ source: c.source.id })}`}>{c.source.name}</Link> : <span className="muted">unattributed</span>}</td>
                  <td className="muted">{spanText(c.cue)}</td>
                  <td>{spanText(c.content)}</td>
                  <td className="small">{c.quote}</td>
                  <td className="small hedges">{c.hedges.map(spanText).join(', ')}</td>
                  <td className="small"><Link to={reportPath(c.reportId)}>read</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.data.items.length === 0 && <p className="muted">No claim matches.</p>}
          <Pager total={list.data.total} limit={LIMIT} offset={offset} onChange={(o) => go({ q, source }, o)} />
        </>
      )}
    </>
  );
}
