/**
 * `corroborate show INCIDENT_ID`: one incident as a readable case sheet: what happened, each
 * field with the values reports give and the sources and independent origins behind each, the
 * citation chain (who relies on whom), the contradictions, and the reports.
 */
import type { CaseIncident, FieldSummary, ProvenanceEdge, ProvenanceNode } from '../link/index.js';
import { countText } from '../model/index.js';
import { REVIEW_RECORD_KEY, withCorrections, type IncidentDetail } from '../store/index.js';

type Rec = Partial<CaseIncident> & {
  provenance?: { nodes?: ProvenanceNode[]; edges?: ProvenanceEdge[]; origins?: string[]; summary?: string };
};

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** A count as the sheet states it: "4", "at least 12", "about 20", "4 (reports range 3-5)", "12 (reports range 10 or more)". */
function range(c: { min: number; max: number | null; value?: number; approximate?: boolean } | null | undefined): string {
  if (!c) return 'not stated';
  // a documenter's value, or one figure that is the whole range
  if (c.value === undefined || (c.value === c.min && (c.max === c.min || c.max === null))) return countText(c);
  return `${c.approximate ? 'about ' : ''}${c.value} (reports range ${c.max === null ? `${c.min} or more` : `${c.min}-${c.max}`})`;
}

export function formatCaseSheet(d: IncidentDetail): string {
  // the documenters' corrections in force over the linked values, each marked with what linking said
  const r = withCorrections(d.record as unknown as Rec & { id: string }, d.reviewed);
  const linked = d.record as unknown as Record<string, unknown>;
  const corrected = (field: string) => {
    if (!d.reviewed || !(field in d.reviewed)) return '';
    const was = linked[REVIEW_RECORD_KEY[field]] ?? null;
    const shown = field === 'killed' || field === 'injured' ? range(was as Parameters<typeof range>[0]) : JSON.stringify(was);
    return `  [corrected by a documenter; linked: ${shown}]`;
  };
  const nodes = new Map((r.provenance?.nodes ?? []).map((n) => [n.id, n]));
  const name = (id: string) => nodes.get(id)?.name ?? id;
  const names = (ids: readonly string[]) => ids.map(name).join('; ') || '(none)';
  const lines: string[] = [];
  const h = (s: string) => lines.push('', s, '-'.repeat(s.length));

  lines.push(`Incident ${r.id}`);
  lines.push('='.repeat(`Incident ${r.id}`.length));
  const loc = r.location;
  const place = loc ? [loc.name, loc.admin1, loc.country].filter(Boolean).join(', ') + (loc.lat != null && loc.lon != null ? ` (${loc.lat.toFixed(4)}, ${loc.lon.toFixed(4)})` : '') : 'unknown';
  const date = r.date ? (r.date.value ?? (r.date.start && r.date.end && r.date.start !== r.date.end ? `${r.date.start} to ${r.date.end}` : r.date.start ?? 'unknown')) : 'unknown';
  lines.push(`type:         ${r.type ?? 'unknown'}${corrected('type')}`);
  lines.push(`date:         ${date}${corrected('date')}`);
  lines.push(`place:        ${place}${corrected('place')}`);
  lines.push(`killed:       ${range(r.killed)}${corrected('killed')}`);
  lines.push(`injured:      ${range(r.injured)}${corrected('injured')}`);
  const perps = (r.perpetrators ?? []).map((p) => p.name ?? p.group ?? p.text);
  const victims = (r.victims ?? []).map((v) => v.name ?? v.text);
  if (perps.length || corrected('perpetrators')) lines.push(`perpetrators: ${perps.join('; ') || '(none)'}${corrected('perpetrators')}`);
  if (victims.length) lines.push(`victims:      ${victims.join('; ')}`);
  if (r.provenance?.summary) lines.push(`independence: ${r.provenance.summary}`);
  lines.push(`origins:      ${names(r.origins ?? [])}`);

  const fields = (r.fields ?? []) as FieldSummary[];
  if (fields.length) {
    h('Fields (each value with its sources and independent origins)');
    for (const f of fields) {
      if (!f.values.length) continue;
      lines.push(`${f.field}${f.contradiction ? '  [CONTRADICTION]' : ''}: ${f.merged.value ?? '-'} (${f.merged.rule})`);
      for (const v of f.values) {
        lines.push(`  ${v.value}: per ${names(v.sources)}; origins: ${names(v.origins)}; ${plural(v.reports.length, 'report')}${v.independence ? ` (${v.independence})` : ''}`);
      }
    }
  }

  const edges = r.provenance?.edges ?? [];
  h('Citation chain');
  if (!edges.length) lines.push('(no citations: each report speaks for itself)');
  for (const e of edges) {
    lines.push(`${name(e.from)} -> ${name(e.to)}  (${plural(e.reports.length, 'report')})${e.evidence.length ? `: "${e.evidence[0].replace(/\s+/g, ' ').slice(0, 100)}"` : ''}`);
  }

  h('Contradictions');
  const contra = r.contradictions ?? [];
  if (!contra.length) lines.push('(none: the reports agree on every field they state)');
  for (const c of contra) {
    lines.push(`${c.field}: ` + c.values.map((v) => `${v.value} per ${names(v.sources)}`).join(', '));
  }

  h(`Reports (${d.reports.length})`);
  for (const rep of d.reports) {
    const bits = [rep.published ?? 'undated', rep.title ? `"${rep.title}"` : '(untitled)'];
    if (rep.externalId) bits.push(`id ${rep.externalId}`);
    if (rep.url) bits.push(rep.url);
    lines.push(`${rep.id.slice(0, 19)}  ${bits.join('  ')}`);
  }
  return lines.join('\n') + '\n';
}
