import { valueText } from '../format.js';
import type { AuditEntry } from '../types.js';

const who = (e: AuditEntry) => e.by ?? e.who ?? e.actor ?? 'unknown';
const when = (e: AuditEntry) => e.at ?? e.when ?? '';
const next = (e: AuditEntry) => (e.value !== undefined ? e.value : e.new !== undefined ? e.new : e.next);

/** Audit entries, newest first as the server sends them: who, when, what, before → after. */
export function AuditList({ entries, showTarget = false }: { entries: AuditEntry[]; showTarget?: boolean }) {
  if (entries.length === 0) return <p className="muted">No change recorded yet.</p>;
  return (
    <table className="audit">
      <thead><tr><th>when</th><th>who</th><th>action</th>{showTarget && <th>target</th>}<th>previous</th><th>new</th><th>note</th></tr></thead>
      <tbody>
        {entries.map((e, i) => (
          <tr key={e.id ?? i} data-action={e.action}>
            <td className="nowrap small">{when(e).replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</td>
            <td>{who(e)}</td>
            <td>{e.action}</td>
            {showTarget && <td className="small">{e.target ?? ''}</td>}
            <td className="small">{valueText(e.previous)}</td>
            <td className="small">{valueText(next(e))}</td>
            <td className="small">{e.note ?? e.why ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
