/** The reports in the case file, with search, status filter and (for editors) upload. */
import { useState, type FormEvent } from 'react';
import { api, query, type ApiError } from '../api.js';
import { ErrorBox, Loading, Pager } from '../components/Status.js';
import { useApi } from '../hooks.js';
import { Link, navigate, reportPath, useLocation } from '../router.js';
import type { Page, ReportListItem } from '../types.js';

const LIMIT = 50;

interface UploadResult { results: Array<{ id: string; outcome: string; error?: string }> }

function Upload({ onDone }: { onDone: () => void }) {
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [published, setPublished] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<UploadResult | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null); setResult(null);
    try {
      const body: Record<string, string> = { text };
      if (title.trim()) body.title = title.trim();
      if (published) body.published = published;
      if (url.trim()) body.url = url.trim();
      setResult(await api.post<UploadResult>('/api/reports', body));
      setText(''); setTitle(''); setUrl('');
      onDone();
    } catch (err) { setError(err as ApiError); } finally { setBusy(false); }
  };
  return (
    <details className="upload">
      <summary>Add a report</summary>
      <form onSubmit={(e) => void submit(e)}>
        <label>title <input value={title} onChange={(e) => setTitle(e.target.value)} /></label>
        <label>published <input type="date" value={published} onChange={(e) => setPublished(e.target.value)} /></label>
        <label>url <input value={url} onChange={(e) => setUrl(e.target.value)} /></label>
        <textarea aria-label="report text" rows={8} value={text} onChange={(e) => setText(e.target.value)} placeholder="the report's text, as published" />
        <button type="submit" disabled={busy || !text.trim()}>Add</button>
      </form>
      <ErrorBox error={error} />
      {result && <ul>{result.results.map((r) => <li key={r.id}>{r.outcome === 'failed' ? <span className="error">{r.id}: {r.error}</span> : <><Link to={reportPath(r.id)}>{r.id.slice(0, 19)}…</Link> {r.outcome}</>}</li>)}</ul>}
    </details>
  );
}

export function ReportsPage() {
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const status = search.get('status') ?? '';
  const offset = Number(search.get('offset') ?? 0) || 0;
  const [form, setForm] = useState({ q, status });
  const list = useApi<Page<ReportListItem>>(`/api/reports${query({ q, status, limit: LIMIT, offset })}`);
  const go = (v: { q: string; status: string }, off = 0) => navigate(`/reports${query({ ...v, offset: off || undefined })}`);
  return (
    <>
      <form className="filters" role="search" onSubmit={(e) => { e.preventDefault(); go(form); }}>
        <input type="search" aria-label="Search reports" placeholder="Search the reports' text" value={form.q} onChange={(e) => setForm({ ...form, q: e.target.value })} />
        <label>status <select value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value })}>
          <option value="">any</option><option value="ok">extracted</option><option value="failed">failed (kept)</option><option value="pending">pending</option>
        </select></label>
        <button type="submit">Search</button>
      </form>
      <Upload onDone={list.reload} />
      <ErrorBox error={list.error} />
      {list.loading && !list.data ? <Loading what="reports" /> : list.data && (
        <>
          <table>
            <thead><tr><th>published</th><th>title</th><th>id</th><th>status</th><th>bytes</th></tr></thead>
            <tbody>
              {list.data.items.map((r) => (
                <tr key={r.id} data-report={r.id}>
                  <td className="nowrap">{r.published ?? '–'}</td>
                  <td><Link to={reportPath(r.id)}>{r.title ?? r.externalId ?? 'untitled'}</Link></td>
                  <td className="small muted">{r.externalId ?? r.id.slice(0, 19)}</td>
                  <td className={r.status === 'failed' ? 'warn-text' : undefined}>{r.status}</td>
                  <td className="num">{r.bytes}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager total={list.data.total} limit={LIMIT} offset={offset} onChange={(o) => go({ q, status }, o)} />
        </>
      )}
    </>
  );
}
