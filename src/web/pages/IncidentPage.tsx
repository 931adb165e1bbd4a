/**
 * The case sheet of one incident: each field with its value, the sources and independent origins
 * behind each stated value, contradictions side by side, reviews (accept / correct) with the
 * audit trail, the provenance graph, the reports (with split), and merge with other incidents.
 */
import { useState, type FormEvent } from 'react';
import { api, type ApiError } from '../api.js';
import { AuditList } from '../components/AuditList.js';
import { ProvenanceGraph } from '../components/ProvenanceGraph.js';
import { WorldMap } from '../components/WorldMap.js';
import { ReviewControls } from '../components/ReviewControls.js';
import { ErrorBox, Loading } from '../components/Status.js';
import { dateText, placeText, rangeText, typeText, valueText } from '../format.js';
import { useApi } from '../hooks.js';
import { apiIncident, incidentPath, Link, navigate, reportPath } from '../router.js';
import type { AuditEntry, CaseIncident, FieldSummary, IncidentSheet, LocationSummary, Page } from '../types.js';

const short = (t: string) => (t.length > 38 ? `${t.slice(0, 36)}…` : t);

const FIELD_ORDER = ['type', 'date', 'place', 'killed', 'injured', 'perpetrators'];

function storedValue(inc: CaseIncident, field: string): string {
  switch (field) {
    case 'type': return typeText(inc.type);
    case 'date': return inc.date.start ? dateText(inc.date) : '–';
    case 'place': return inc.location ? placeText(inc.location) : '–';
    case 'killed': return rangeText(inc.killed);
    case 'injured': return rangeText(inc.injured);
    case 'perpetrators': return inc.perpetrators.map((p) => (typeof p === 'string' ? p : p.name ?? p.group ?? '')).filter(Boolean).join(', ') || '–';
    default: return '–';
  }
}

function Names({ ids, names, origins }: { ids: string[]; names: Map<string, string>; origins: Set<string> }) {
  if (ids.length === 0) return <span className="muted">–</span>;
  return <>{ids.map((id, i) => <span key={id}>{i > 0 && ', '}<span className={origins.has(id) ? 'name origin-name' : 'name'}>{names.get(id) ?? id}</span></span>)}</>;
}

function FieldRow({ sheet, field, summary, names, onChange }: { sheet: IncidentSheet; field: string; summary: FieldSummary | undefined; names: Map<string, string>; onChange: () => void }) {
  const inc = sheet.incident;
  const stored = storedValue(inc, field);
  const raw = Object.prototype.hasOwnProperty.call(sheet.effective ?? {}, field) ? sheet.effective[field] : undefined;
  const effective = raw === undefined ? null : field === 'type' && typeof raw === 'string' ? typeText(raw) : valueText(raw);
  const corrected = effective !== null && effective !== stored && sheet.reviews.some((r) => r.field === field && r.action === 'correct');
  const accepted = sheet.reviews.some((r) => r.field === field && r.action === 'accept');
  const values = summary?.values ?? [];
  const originSet = new Set(inc.origins);
  const titles = new Map([...inc.reports, ...sheet.reports].map((r) => [r.id, r.title ?? r.externalId ?? r.id]));
  return (
    <tr className={summary?.contradiction ? 'field contradiction' : 'field'} data-field={field}>
      <th scope="row">{field}</th>
      <td>
        <div className="value">
          {corrected ? <><del title="the extracted value (kept)">{stored}</del> <strong className="corrected" title="corrected by review">{effective}</strong></> : <strong>{stored}</strong>}
          {accepted && !corrected && <span className="badge ok">accepted</span>}
          {summary?.contradiction && <span className="badge warn">reports disagree</span>}
        </div>
        {summary?.merged?.rule && values.length > 1 && <div className="muted small">merge rule: {summary.merged.rule}</div>}
      </td>
      <td>
        {values.length === 0 ? <span className="muted small">{field === 'type' ? 'as the reports classify it' : 'no report states it'}</span> : (
          <div className={summary?.contradiction ? 'values side-by-side' : 'values'}>
            {values.map((v) => (
              <div key={v.value} className="stated">
                <div className="stated-value">{v.value}</div>
                <div className="small">per <Names ids={v.sources} names={names} origins={originSet} /></div>
                <div className="small muted">origins: <Names ids={v.origins} names={names} origins={originSet} /></div>
                <div className="small muted">{v.independence}</div>
                <div className="small in-reports">in {v.reports.map((rid, i) => (
                  <span key={rid}>{i > 0 && ' · '}<Link to={`${reportPath(rid)}?incident=${encodeURIComponent(inc.id)}`} title={titles.get(rid) ?? rid}>{short(titles.get(rid) ?? rid)}</Link></span>
                ))}</div>
              </div>
            ))}
          </div>
        )}
      </td>
      <td><ReviewControls incidentId={inc.id} field={field} current={corrected ? effective! : stored} onDone={onChange} /></td>
    </tr>
  );
}

interface CorrectionAnswer { ok?: boolean; result?: { correction?: number; incident?: string; incidents?: string[] } | null }

function MergeSplit({ sheet, selected, onDone }: { sheet: IncidentSheet; selected: string[]; onDone: (to?: string) => void }) {
  const [ids, setIds] = useState('');
  const [why, setWhy] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [made, setMade] = useState<string[]>([]);
  const id = sheet.incident.id;
  const merge = async (e: FormEvent) => {
    e.preventDefault();
    setError(null); setMade([]);
    const others = ids.split(/[\s,]+/).filter(Boolean);
    try {
      const r = await api.post<CorrectionAnswer>('/api/incidents/merge', { ids: [id, ...others], ...(why ? { why } : {}) });
      setIds('');
      onDone(r.result?.incident);
    } catch (err) { setError(err as ApiError); }
  };
  const split = async () => {
    setError(null); setMade([]);
    try {
      const r = await api.post<CorrectionAnswer>(`${apiIncident(id)}/split`, { reports: selected, ...(why ? { why } : {}) });
      setMade((r.result?.incidents ?? []).filter((x) => x !== id));
      onDone();
    } catch (err) { setError(err as ApiError); }
  };
  return (
    <div className="merge-split">
      <form onSubmit={(e) => void merge(e)}>
        <label>Merge with incident(s) <input aria-label="incidents to merge with" value={ids} onChange={(e) => setIds(e.target.value)} placeholder="incident:7, incident:9" /></label>
        <label>why <input aria-label="why merge or split" value={why} onChange={(e) => setWhy(e.target.value)} placeholder="same event: same day, place and victims" /></label>
        <button type="submit" disabled={!ids.trim()}>Merge</button>
        <button type="button" disabled={selected.length === 0} onClick={() => void split()}>Split off {selected.length} selected report{selected.length === 1 ? '' : 's'}</button>
      </form>
      {made.length > 0 && <p className="notice" role="status">Split off into {made.map((x, i) => <span key={x}>{i > 0 && ', '}<Link to={incidentPath(x)} data-made={x}>{x}</Link></span>)}.</p>}
      <ErrorBox error={error} />
    </div>
  );
}

export function IncidentPage({ id }: { id: string }) {
  const sheet = useApi<IncidentSheet>(apiIncident(id));
  const audit = useApi<Page<AuditEntry> | AuditEntry[]>(`${apiIncident(id)}/audit`);
  const [selected, setSelected] = useState<string[]>([]);
  if (sheet.error) return <><ErrorBox error={sheet.error} /><p><Link to="/">Back to the incidents</Link></p></>;
  if (!sheet.data) return <Loading what={`incident ${id}`} />;
  const s = sheet.data;
  const inc = s.incident;
  // the map shows the place in force: a documenter's correction, else what linking found
  const place = (s.effective?.place as LocationSummary | null | undefined) ?? inc.location;
  const prov = inc.provenance ?? { nodes: [], edges: [] };
  const names = new Map(prov.nodes.map((n) => [n.id, n.name]));
  const byField = new Map(inc.fields.map((f) => [f.field, f]));
  const fields = [...FIELD_ORDER, ...inc.fields.map((f) => f.field).filter((f) => !FIELD_ORDER.includes(f))];
  const reload = () => { sheet.reload(); audit.reload(); };
  const auditEntries = Array.isArray(audit.data) ? audit.data : audit.data?.items ?? [];
  const reports = s.reports.length ? s.reports : inc.reports.map((r) => ({ ...r, url: null }));
  return (
    <article className="incident" data-incident={inc.id}>
      <p className="crumbs"><Link to="/">Incidents</Link> › {inc.id}</p>
      <h1>{typeText(storedValue(inc, 'type'))} · {placeText(inc.location)} · {dateText(inc.date)}</h1>
      <p className="independence">{prov.summary ?? `${inc.reports.length} reports, ${inc.origins.length} independent origins`}</p>
      {inc.contradictions.length > 0 && (
        <p className="warn-text">The reports disagree on {inc.contradictions.map((c) => c.field).join(', ')}: the values stand side by side below, each with its origins.</p>
      )}

      <section>
        <h2>Fields</h2>
        <table className="fields">
          <thead><tr><th>field</th><th>value</th><th>as stated, by whom, resting on which origins</th><th>review</th></tr></thead>
          <tbody>{fields.map((f) => <FieldRow key={f} sheet={s} field={f} summary={byField.get(f)} names={names} onChange={reload} />)}</tbody>
        </table>
        {inc.victims && inc.victims.length > 0 && (
          <p className="small"><strong>Victims:</strong> {inc.victims.map((v) => [v.name, v.age != null ? `${v.age}` : null, v.gender, v.description].filter(Boolean).join(', ') || v.text).join('; ')}</p>
        )}
      </section>

      <section>
        <h2>Provenance</h2>
        <ProvenanceGraph provenance={prov} origins={inc.origins} />
      </section>

      <section>
        <h2>Reports ({reports.length})</h2>
        <ul className="reports">
          {reports.map((r) => (
            <li key={r.id}>
              <label className="select" title="select to split off"><input type="checkbox" aria-label={`select ${r.title ?? r.externalId ?? r.id} to split off`} checked={selected.includes(r.id)} onChange={(e) => setSelected(e.target.checked ? [...selected, r.id] : selected.filter((x) => x !== r.id))} /></label>
              <Link to={reportPath(r.id)}>{r.title ?? r.externalId ?? r.id}</Link>
              <span className="muted small"> {r.published ?? 'undated'}{r.externalId && r.title ? ` · ${r.externalId}` : ''}</span>
            </li>
          ))}
        </ul>
        <MergeSplit sheet={s} selected={selected} onDone={(to) => { setSelected([]); if (to && to !== inc.id) navigate(incidentPath(to)); else reload(); }} />
      </section>

      {place?.lat != null && place?.lon != null && (
        <section className="where">
          <h2>Where</h2>
          <WorldMap items={[{ id: inc.id, type: inc.type, date: inc.date, location: place, killed: inc.killed, injured: inc.injured, reports: inc.reports.length, origins: inc.origins.length, independence: '', contradictions: [], perpetrators: [], reviewed: [] }]} hover={null} onHover={() => {}} />
        </section>
      )}

      <section>
        <h2>Reviews and changes</h2>
        <ErrorBox error={audit.error} />
        <AuditList entries={auditEntries} />
      </section>
    </article>
  );
}
