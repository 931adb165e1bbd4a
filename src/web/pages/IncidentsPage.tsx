import { useState, type FormEvent } from 'react';
import { download, query, type ApiError } from '../api.js';
import { ErrorBox, Loading, Pager } from '../components/Status.js';
import { Timeline } from '../components/Timeline.js';
import { WorldMap } from '../components/WorldMap.js';
import { dateText, placeText, rangeText, typeText } from '../format.js';
import { useApi } from '../hooks.js';
import { incidentPath, Link, navigate, useLocation } from '../router.js';
import { INCIDENT_TYPES, type IncidentListItem, type Page } from '../types.js';


const FILTERS = ['q', 'type', 'from', 'to', 'near', 'minOrigins'] as const;
const LIMIT = 100;

/** The export files of /api/export with the list's filters (src/export: ACLED CSV, GeoJSON, PROV-JSON, JSON Lines). */
const EXPORTS = [
  { file: 'acled.csv', label: 'ACLED CSV' },
  { file: 'incidents.geojson', label: 'GeoJSON' },
  { file: 'prov.json', label: 'PROV-JSON' },
  { file: 'incidents.jsonl', label: 'JSON Lines' },
];

function Exports({ filters }: { filters: Record<string, string> }) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const get = async (file: string) => {
    setError(null); setBusy(file);
    try { await download(`/api/export/${file}${query(filters)}`, file); } catch (e) { setError(e as ApiError); } finally { setBusy(null); }
  };
  return (
    <div className="exports">
      <span className="muted small">Export these incidents:</span>
      {EXPORTS.map((x) => <button key={x.file} type="button" disabled={busy !== null} onClick={() => void get(x.file)}>{busy === x.file ? '…' : x.label}</button>)}
      <ErrorBox error={error} />
    </div>
  );
}

export function IncidentsPage() {
  const { search } = useLocation();
  const current = Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? ''])) as Record<typeof FILTERS[number], string>;
  const offset = Number(search.get('offset') ?? 0) || 0;
  const [form, setForm] = useState(current);
  const [hover, setHover] = useState<string | null>(null);
  const list = useApi<Page<IncidentListItem>>(`/api/incidents${query({ ...current, limit: LIMIT, offset })}`);

  const go = (values: Record<string, string>, off = 0) => navigate(`/${query({ ...values, offset: off || undefined })}`);
  const submit = (e: FormEvent) => { e.preventDefault(); go(form); };
  const set = (k: typeof FILTERS[number]) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const items = list.data?.items ?? [];

  return (
    <>
      <form className="filters" role="search" onSubmit={submit}>
        <input type="search" aria-label="Search incidents" placeholder="Search incidents and their reports (place, outlet, words)" value={form.q} onChange={set('q')} />
        <label>type <select value={form.type} onChange={set('type')}>
          <option value="">any</option>
          {INCIDENT_TYPES.map((t) => <option key={t} value={t}>{typeText(t)}</option>)}
        </select></label>
        <label>from <input type="date" value={form.from} onChange={set('from')} /></label>
        <label>to <input type="date" value={form.to} onChange={set('to')} /></label>
        <label title="latitude,longitude,kilometres">near <input size={14} placeholder="lat,lon,km" value={form.near} onChange={set('near')} /></label>
        <label>origins ≥ <input type="number" min={1} style={{ width: '4em' }} value={form.minOrigins} onChange={set('minOrigins')} /></label>
        <button type="submit">Search</button>
        {FILTERS.some((k) => current[k]) && <button type="button" onClick={() => { const empty = Object.fromEntries(FILTERS.map((k) => [k, ''])) as typeof current; setForm(empty); go({}); }}>Clear</button>}
      </form>
      <ErrorBox error={list.error} />
      {list.error ? null : list.loading && !list.data ? <Loading what="incidents" /> : (
        <div className="incidents-layout">
          <section className={list.loading ? 'incident-list loading' : 'incident-list'} aria-label="Incidents" aria-busy={list.loading}>
            <table>
              <thead><tr><th>date</th><th>type</th><th>place</th><th title="killed (min–max)">killed</th><th title="injured (min–max)">injured</th><th>corroboration</th></tr></thead>
              <tbody>
                {items.map((it) => (
                  <tr key={it.id} className={hover === it.id ? 'hover' : undefined} onMouseEnter={() => setHover(it.id)} onMouseLeave={() => setHover(null)} data-incident={it.id}>
                    <td className="nowrap">{dateText(it.date)}</td>
                    <td><Link to={incidentPath(it.id)}>{typeText(it.type)}</Link></td>
                    <td>{placeText(it.location)}</td>
                    <td className={it.contradictions.includes('killed') ? 'num contradiction' : 'num'}>{rangeText(it.killed)}</td>
                    <td className={it.contradictions.includes('injured') ? 'num contradiction' : 'num'}>{rangeText(it.injured)}</td>
                    <td className="small">{it.independence}{it.contradictions.length > 0 && <span className="badge warn" title="the reports disagree on these fields">disputed: {it.contradictions.join(', ')}</span>}{it.reviewed.length > 0 && <span className="badge ok" title="a documenter corrected these fields: the values shown are the corrections (the incident page shows what the reports said)">corrected: {it.reviewed.join(', ')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {items.length === 0 && <p className="muted">No incident matches.</p>}
            {list.data && <Pager total={list.data.total} limit={LIMIT} offset={offset} onChange={(o) => go(current, o)} />}
          </section>
          <aside className="incident-views">
            <Exports filters={current} />
            <WorldMap items={items} hover={hover} onHover={setHover} />
            <Timeline items={items} hover={hover} onHover={setHover} />
          </aside>
        </div>
      )}
    </>
  );
}
