/**
 * The report reader: the text exactly as stored (rendered as text, never as HTML) with sources,
 * cues, claim contents, hedges and incident evidence highlighted; a click on a highlight that is
 * incident evidence opens the incident. Beside it, the claims (who said what, with hedges), the
 * citations and the incidents this report mentions.
 */
import { useEffect, useState } from 'react';
import { HighlightedText } from '../components/HighlightedText.js';
import { ErrorBox, Loading } from '../components/Status.js';
import { typeText } from '../format.js';
import { useApi } from '../hooks.js';
import { apiReport, incidentPath, Link, navigate, useLocation } from '../router.js';
import type { Highlight, ReportView } from '../types.js';

const KINDS: Array<{ kind: Highlight['kind']; label: string }> = [
  { kind: 'source', label: 'source' },
  { kind: 'cue', label: 'cue' },
  { kind: 'content', label: 'claim content' },
  { kind: 'hedge', label: 'hedge' },
  { kind: 'evidence', label: 'incident evidence' },
];

export function ReportPage({ id }: { id: string }) {
  const view = useApi<ReportView>(apiReport(id));
  const [shown, setShown] = useState<Set<string>>(new Set(KINDS.map((k) => k.kind)));
  const [picked, setPicked] = useState<string | null>(null);
  // ?incident=ID (from a case sheet): that incident's evidence is marked and scrolled to
  const focus = useLocation().search.get('incident');
  useEffect(() => {
    if (!focus || !view.data) return;
    document.querySelector(`mark[data-incident="${CSS.escape(focus)}"]`)?.scrollIntoView({ block: 'center' });
  }, [focus, view.data]);
  if (view.error) return <><ErrorBox error={view.error} /><p><Link to="/reports">Back to the reports</Link></p></>;
  if (!view.data) return <Loading what={`report ${id}`} />;
  const { report, sources, claims, citations, incidents, highlights } = view.data;
  const sourceName = new Map(sources.map((s) => [s.id, s.name]));
  const name = (sid: string | null | undefined) => (sid === 'report' ? 'this report' : sid ? sourceName.get(sid) ?? sid : 'unattributed');
  const describe = (h: Highlight) => {
    const bits: string[] = [KINDS.find((k) => k.kind === h.kind)?.label ?? h.kind];
    if (h.source) bits.push(`source: ${name(h.source)}`);
    if (h.incident) bits.push(`incident ${h.incident} (click to open)`);
    return bits.join(' · ');
  };
  const pick = (h: Highlight) => {
    if (h.incident) navigate(incidentPath(h.incident));
    else if (h.claim) setPicked(h.claim);
  };
  const toggle = (k: string) => { const next = new Set(shown); if (next.has(k)) next.delete(k); else next.add(k); setShown(next); };
  return (
    <article className="report" data-report={report.id}>
      <p className="crumbs"><Link to="/reports">Reports</Link> › {report.externalId ?? report.id}</p>
      <h1>{report.title ?? report.externalId ?? 'Untitled report'}</h1>
      <p className="muted small">
        {report.published ?? 'undated'} · {report.status}
        {report.url && (/^https?:\/\//i.test(report.url)
          ? <> · <a href={report.url} rel="noopener noreferrer nofollow" target="_blank">{report.url}</a></>
          : <> · {report.url}</>)}
        {' · '}<a href={`${apiReport(report.id)}/raw`}>archived bytes</a>
        {' · '}<span title={report.id}>{report.id.slice(0, 19)}…</span>
      </p>
      <div className="reader">
        <section className="reader-text">
          <div className="legend" aria-label="highlight kinds">
            {KINDS.map((k) => (
              <label key={k.kind} className={`hl-${k.kind}`}><input type="checkbox" checked={shown.has(k.kind)} onChange={() => toggle(k.kind)} /> {k.label}</label>
            ))}
          </div>
          <HighlightedText text={report.text} highlights={highlights} shown={shown} describe={describe} onPick={pick} focus={(h) => (focus !== null && h.incident === focus) || (picked !== null && h.claim === picked && h.kind === 'content')} />
        </section>
        <aside className="reader-side">
          <h2>Incidents</h2>
          {incidents.length === 0 ? <p className="muted">No incident found in this report.</p> : (
            <ul>{incidents.map((m) => <li key={m.mentionId}>{m.incidentId ? <Link to={incidentPath(m.incidentId)}>{typeText(m.type)} ({m.incidentId})</Link> : <span>{typeText(m.type)} (not linked yet)</span>}</li>)}</ul>
          )}
          <h2>Claims ({claims.length})</h2>
          <ol className="claims">
            {claims.map((c) => (
              <li key={c.id} className={picked === c.id ? 'picked' : undefined} data-claim={c.id} onClick={() => setPicked(picked === c.id ? null : c.id)}>
                <strong>{name(c.source)}</strong>{c.cue ? <span className="muted"> — “{c.cue.text}”</span> : null}
                <div className="small">{c.content.text}</div>
                {c.hedges && c.hedges.length > 0 && <div className="small hedges">hedged: {c.hedges.map((h) => h.text).join(', ')}</div>}
              </li>
            ))}
          </ol>
          <h2>Citations</h2>
          {citations.length === 0 ? <p className="muted">None.</p> : (
            <ul className="small">{citations.map((c, i) => <li key={i}>{name(c.from)} cites <strong>{name(c.to)}</strong>{c.evidence ? <span className="muted"> (“{c.evidence.text}”)</span> : null}</li>)}</ul>
          )}
        </aside>
      </div>
    </article>
  );
}
