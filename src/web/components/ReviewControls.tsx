/**
 * Accept or correct one field of an incident. The server keeps every review with who, when
 * and the previous value; the extraction itself is never overwritten. Refusals (no token,
 * viewer role) come back from the server and are shown as they are.
 */
import { useState, type FormEvent } from 'react';
import { api, type ApiError } from '../api.js';
import { canEdit, useSession } from '../hooks.js';
import { apiIncident } from '../router.js';
import { ErrorBox } from './Status.js';
import { parseReviewValue } from '../review-value.js';
import { INCIDENT_TYPES } from '../types.js';

export function ReviewControls({ incidentId, field, current, onDone }: { incidentId: string; field: string; current: string; onDone: () => void }) {
  const { me } = useSession();
  const [mode, setMode] = useState<'idle' | 'correct'>('idle');
  const [value, setValue] = useState(current === '–' ? '' : current);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const send = async (action: 'accept' | 'correct') => {
    setBusy(true); setError(null);
    try {
      const body: Record<string, unknown> = { field, action };
      if (action === 'correct') body.value = parseReviewValue(field, value);
      if (note.trim()) body.note = note.trim();
      await api.post(`${apiIncident(incidentId)}/review`, body);
      setMode('idle'); setNote('');
      onDone();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => { e.preventDefault(); void send('correct'); };
  const hint = canEdit(me.role) ? undefined : `reviewing needs an editor token (you are ${me.role === 'public' ? 'not signed in' : me.role})`;
  return (
    <div className="review" data-field={field}>
      {mode === 'idle' ? (
        <div className="review-buttons">
          <button type="button" disabled={busy} title={hint} onClick={() => void send('accept')}>Accept</button>
          <button type="button" disabled={busy} title={hint} onClick={() => setMode('correct')}>Correct…</button>
        </div>
      ) : (
        <form onSubmit={submit}>
          {field === 'type' ? (
            <select aria-label={`corrected ${field}`} value={value.replace(/ /g, '_')} onChange={(e) => setValue(e.target.value)} autoFocus>
              {INCIDENT_TYPES.map((t) => <option key={t} value={t}>{t.replace(/_/g, ' ')}</option>)}
            </select>
          ) : (
            <input aria-label={`corrected ${field}`} value={value} onChange={(e) => setValue(e.target.value)} placeholder={field === 'killed' || field === 'injured' ? 'e.g. 4, 3-5, 12+ or about 20' : field === 'date' ? 'YYYY-MM-DD' : field === 'perpetrators' ? 'names, separated by ;' : ''} autoFocus />
          )}
          <input aria-label={`note on ${field}`} value={note} onChange={(e) => setNote(e.target.value)} placeholder="why (optional)" />
          <button type="submit" disabled={busy}>Save correction</button>
          <button type="button" onClick={() => { setMode('idle'); setError(null); }}>Cancel</button>
        </form>
      )}
      <ErrorBox error={error} />
    </div>
  );
}
