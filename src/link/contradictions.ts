/**
 * Field-level agreement and contradiction across the reports of one incident: for killed,
 * injured, date, place and perpetrators, each distinct value with the reports, speakers and
 * independent origins behind it ("killed 3 per DHDV, 4 per SOHR"), and a merged value with
 * min / max and the rule used.
 *
 * Merge rules:
 *  - killed, injured (UCDP's low / high): `min` = the lowest figure stated; `max` = the highest
 *    upper bound stated, or open (null) when no report states an upper bound as high as every
 *    open-ended report's minimum ("at least 12" and "15" → 12-15; "at least 20" and "15" → at
 *    least 15; "dozens" alone → at least 24): no bound is made up. `value` = the value with the
 *    most independent origins, ties to the lower (conservative, as ACLED codes fatalities).
 *    The merged count is `approximate` when every report's figure is ("about 20").
 *    Values contradict only when two of them cannot both be true: their ranges do not meet
 *    ("at least 12" and "15" agree, "at least 12" and "10" do not, "3-5" and "4" agree);
 *  - date: the intersection of the stated intervals when they meet, else their hull; `best`
 *    = the day-precise value with the most origins;
 *  - place: the stated place with the most origins, the more precise on ties; min / max are
 *    not defined;
 *  - perpetrators: the union of named perpetrators; distinct sets are listed as values.
 */
import { countsOverlap, countText, type CountRange } from '../model/index.js';
import { independenceOf, type IncidentProvenance, type IncidentReport } from './provenance.js';

export const FIELDS = ['killed', 'injured', 'date', 'place', 'perpetrators'] as const;
export type FieldName = typeof FIELDS[number];

export interface FieldValue {
  /** display form: "4", "3-5", "at least 12", "about 20", "2016-05-10", "Dayr Hafir, Aleppo, Syria" */
  value: string;
  /** killed, injured: the count the value states */
  count?: CountRange;
  reports: string[];
  /** node ids of the provenance graph that state it in the reports (speakers) */
  sources: string[];
  origins: string[];
  independence: string;
}

export interface FieldSummary {
  field: FieldName;
  values: FieldValue[];
  contradiction: boolean;
  /** `max` null for a count: no upper bound stated (see the merge rules above) */
  merged: { value: string | null; min: number | string | null; max: number | string | null; rule: string; approximate?: true; lat?: number | null; lon?: number | null; admin1?: string | null; country?: string | null };
  /** "killed 3 per A, 4 per B" */
  text: string;
}

export function fieldSummaries(items: readonly IncidentReport[], prov: IncidentProvenance): FieldSummary[] {
  return FIELDS.map(f => fieldSummary(f, items, prov));
}

export function fieldSummary(field: FieldName, items: readonly IncidentReport[], prov: IncidentProvenance): FieldSummary {
  const groups = new Map<string, { reports: string[]; sample: IncidentReport }>();
  for (const it of items) {
    const v = valueOf(field, it);
    if (v === null) continue;
    const g = groups.get(v);
    if (g) g.reports.push(it.extraction.report.id); else groups.set(v, { reports: [it.extraction.report.id], sample: it });
  }
  const nodeName = (id: string) => prov.nodes.find(n => n.id === id)?.name ?? id;
  const evidence = new Map(items.map(it => [it.extraction.report.id, evidenceOf(field, it)]));
  const values: FieldValue[] = [...groups].map(([value, g]) => {
    const ind = independenceOf(g.reports, prov, evidence);
    const sources = [...new Set(g.reports.flatMap(r => speakersOf(r, evidence.get(r) ?? null, prov)))];
    const count = countOf(field, g.sample);
    return { value, ...(count ? { count } : {}), reports: g.reports, sources, origins: ind.origins, independence: ind.text };
  });
  values.sort((a, b) => b.origins.length - a.origins.length || b.reports.length - a.reports.length || cmpValue(a, b));
  const contradiction = field === 'perpetrators' ? values.length > 1 && !values.every(v => v.value === '')
    : field === 'killed' || field === 'injured' ? values.some((a, i) => values.slice(i + 1).some(b => !countsOverlap(a.count!, b.count!)))
    : values.length > 1;
  const merged = mergeValues(field, values, items);
  const text = values.length
    ? `${field} ${values.map(v => `${v.value || '(none named)'} per ${v.sources.map(nodeName).join(' and ')}`).join(', ')}`
    : `${field}: not stated`;
  return { field, values, contradiction, merged, text };
}

/** The words a report states the field with, when the mention keeps them. */
function evidenceOf(field: FieldName, it: IncidentReport): string | null {
  const m = it.mention;
  if (field === 'date') return m.date.text;
  if (field === 'place') return m.location.text;
  if (field === 'perpetrators') return m.perpetrators[0]?.text ?? null;
  return null;
}

/** Speakers of the claims that hold the words, or of all the report's claims behind the incident. */
function speakersOf(report: string, words: string | null, prov: IncidentProvenance): string[] {
  const rp = prov.reports.get(report);
  if (!rp) return [];
  const w = words?.trim().replace(/[,.;:]+$/, '');
  const holding = w ? [...rp.claims.values()].filter(c => c.content.includes(w)) : [];
  return holding.length ? [...new Set(holding.map(c => c.speaker))] : rp.speakers;
}

/** The count a report states for killed or injured (null for other fields or when it states none). */
function countOf(field: FieldName, it: IncidentReport): CountRange | null {
  return field === 'killed' || field === 'injured' ? it.mention[field] : null;
}

function valueOf(field: FieldName, it: IncidentReport): string | null {
  const m = it.mention;
  switch (field) {
    case 'killed':
    case 'injured': {
      const c = countOf(field, it);
      return c ? countText(c) : null;
    }
    case 'date': return m.date.start ? (m.date.start === m.date.end || !m.date.end ? m.date.start : `${m.date.start}/${m.date.end}`) : null;
    case 'place': return m.location.name ? [m.location.name, m.location.admin1, m.location.country].filter(Boolean).join(', ') : null;
    case 'perpetrators': {
      const names = [...new Set(m.perpetrators.map(p => p.name ?? p.group).filter((x): x is string => !!x))].sort();
      return names.length ? names.join('; ') : null;
    }
  }
}

/** Lower counts first (an open upper bound after every closed one); other values by their text. */
function cmpValue(a: FieldValue, b: FieldValue): number {
  if (a.count && b.count) return a.count.min - b.count.min || (a.count.max ?? Infinity) - (b.count.max ?? Infinity) || a.value.localeCompare(b.value);
  return a.value.localeCompare(b.value);
}

/** The merged count of the values (see the merge rules at the top). */
export function mergeCounts(counts: readonly CountRange[]): CountRange {
  const min = Math.min(...counts.map(c => c.min));
  const closed = counts.filter(c => c.max !== null).map(c => c.max!);
  const high = closed.length ? Math.max(...closed) : null;
  const openFrom = Math.max(-1, ...counts.filter(c => c.max === null).map(c => c.min));
  const max = high !== null && openFrom <= high ? high : null;
  return counts.every(c => c.approximate) ? { min, max, approximate: true } : { min, max };
}

function mergeValues(field: FieldName, values: FieldValue[], items: readonly IncidentReport[]): FieldSummary['merged'] {
  if (!values.length) return { value: null, min: null, max: null, rule: 'not stated' };
  const best = values[0].value;
  if (field === 'killed' || field === 'injured') {
    const { min, max, approximate } = mergeCounts(values.map(v => v.count!));
    return {
      value: best, min, max,
      rule: 'min: lowest figure; max: highest upper bound, open when an open-ended report goes beyond it; value: most independent origins, ties to the lower',
      ...(approximate ? { approximate } : {}),
    };
  }
  if (field === 'date') {
    const iv = values.map(v => { const [s, e] = v.value.split('/'); return [s, e ?? s] as [string, string]; });
    const lo = iv.reduce((m, x) => (x[0] > m ? x[0] : m), iv[0][0]);
    const hi = iv.reduce((m, x) => (x[1] < m ? x[1] : m), iv[0][1]);
    const meet = lo <= hi;
    const min = meet ? lo : iv.reduce((m, x) => (x[0] < m ? x[0] : m), iv[0][0]);
    const max = meet ? hi : iv.reduce((m, x) => (x[1] > m ? x[1] : m), iv[0][1]);
    const day = values.find(v => !v.value.includes('/'))?.value ?? (min === max ? min : `${min}/${max}`);
    return { value: day, min, max, rule: meet ? 'intersection of the stated intervals; value: most independent origins' : 'hull of the stated intervals (they do not meet); value: most independent origins' };
  }
  if (field === 'place') {
    const rank = { point: 4, city: 3, admin1: 2, country: 1, unknown: 0 } as const;
    const top = values.filter(v => v.origins.length === values[0].origins.length && v.reports.length === values[0].reports.length);
    const pick = (v: FieldValue) => items.find(it => valueOf('place', it) === v.value)!.mention.location;
    const chosen = top.sort((a, b) => rank[pick(b).precision] - rank[pick(a).precision])[0];
    const loc = pick(chosen);
    return { value: chosen.value, min: null, max: null, rule: 'most independent origins, then the more precise', lat: loc.lat, lon: loc.lon, admin1: loc.admin1, country: loc.country };
  }
  const all = [...new Set(values.flatMap(v => v.value.split('; ')).filter(Boolean))].sort();
  return { value: all.join('; '), min: null, max: null, rule: 'union of named perpetrators' };
}
