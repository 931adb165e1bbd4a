/** Canonical sources with their aliases; editors merge duplicates or split wrongly joined names. */
import { useState } from 'react';
import { api, query, type ApiError } from '../api.js';
import { ErrorBox, Loading, Pager } from '../components/Status.js';
import { useApi } from '../hooks.js';
import { Link, navigate, useLocation } from '../router.js';
import type { Page, SourceItem } from '../types.js';

const LIMIT = 100;

export function SourcesPage() {
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const offset = Number(search.get('offset') ?? 0) || 0;
  const [text, setText] = useState(q);
  const [selected, setSelected] = useState<string[]>([]);
  const [name, setName] = useState('');
  const [why, setWhy] = useState('');
  const [splitOf, setSplitOf] = useState<string | null>(null);
  const [splitNames, setSplitNames] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const list = useApi<Page<SourceItem>>(`/api/sources${query({ q, limit: LIMIT, offset })}`);
  const run = async (f: () => Promise<unknown>) => {
    setError(null);
    try { await f(); setSelected([]); setSplitOf(null); setSplitNames(''); list.reload(); } catch (e) { setError(e as ApiError); }
  };
  const merge = () => void run(() => api.post('/api/sources/merge', { ids: selected, ...(name.trim() ? { name: name.trim() } : {}), ...(why.trim() ? { why: why.trim() } : {}) }));
  const split = (id: string) => void run(() => api.post(`/api/sources/${encodeURIComponent(id)}/split`, { names: splitNames.split(/\s*;\s*/).filter(Boolean), ...(why.trim() ? { why: why.trim() } : {}) }));
  return (
    <>
      <form className="filters" role="search" onSubmit={(e) => { e.preventDefault(); navigate(`/sources${query({ q: text })}`); }}>
        <input type="search" aria-label="Search sources" placeholder="Search source names and aliases" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">Search</button>
      </form>
      <div className="merge-split">
        <label>name of the merged source <input value={name} onChange={(e) => setName(e.target.value)} placeholder="(keep the most cited)" /></label>
        <label>why <input value={why} onChange={(e) => setWhy(e.target.value)} placeholder="SOHR and SyriaHR are the same monitor" /></label>
        <button type="button" disabled={selected.length < 2} onClick={merge}>Merge {selected.length} selected</button>
      </div>
      <ErrorBox error={error} />
      {list.error && <ErrorBox error={list.error} />}
      {list.loading && !list.data ? <Loading what="sources" /> : list.data && (
        <>
          <table>
            <thead><tr><th></th><th>name</th><th>kind</th><th>aliases</th><th>reports</th><th></th></tr></thead>
            <tbody>
              {list.data.items.map((s) => (
                <tr key={s.id} data-source={s.id}>
                  <td><input type="checkbox" aria-label={`select ${s.name}`} checked={selected.includes(s.id)} onChange={(e) => setSelected(e.target.checked ? [...selected, s.id] : selected.filter((x) => x !== s.id))} /></td>
                  <td><Link to={`/claims${query({ source: s.id })}`} title={`what ${s.name} said`}>{s.name}</Link></td>
                  <td>{s.kind}</td>
                  <td className="small">{s.aliases.filter((a) => a !== s.name).join('; ')}</td>
                  <td className="num">{s.reports}</td>
                  <td>
                    {splitOf === s.id ? (
                      <form onSubmit={(e) => { e.preventDefault(); split(s.id); }}>
                        <input aria-label="names to split off" value={splitNames} onChange={(e) => setSplitNames(e.target.value)} placeholder="alias; alias" autoFocus />
                        <button type="submit">Split off</button>
                        <button type="button" onClick={() => setSplitOf(null)}>Cancel</button>
                      </form>
                    ) : s.aliases.some((a) => a !== s.name) && <button type="button" onClick={() => { setSplitOf(s.id); setSplitNames(''); }}>Split…</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager total={list.data.total} limit={LIMIT} offset={offset} onChange={(o) => navigate(`/sources${query({ q, offset: o || undefined })}`)} />
        </>
      )}
    </>
  );
}
