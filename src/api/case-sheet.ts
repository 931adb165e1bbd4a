/**
 * The case sheet of one incident as the API returns it, and the documenter's field reviews:
 * what each reviewable field holds in the stored record, what a correction may say, and the
 * effective value (the stored value with accepted corrections applied, newest last). The stored
 * record and the extraction are never changed by a review.
 */
import { INCIDENT_TYPES, type CountRange } from '../model/index.js';
import { isoDay, REVIEW_RECORD_KEY, type FieldReview, type IncidentDetail, type ReviewField } from '../store/index.js';
import { badRequest } from './errors.js';

type Rec = Record<string, unknown>;

/** The value of a reviewable field in the stored record. */
export function storedValue(record: Rec, field: ReviewField): unknown {
  return record[REVIEW_RECORD_KEY[field]] ?? null;
}

/** A corrected count: n, {min, max} (max null: no upper bound, "at least min"), approximate: true for "about n". */
const count = (field: string, v: unknown): CountRange | null => {
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 1e6;
  if (v === null) return null;
  if (ok(v)) return { min: v, max: v };
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const { min, max, approximate } = v as Rec;
    const mark = approximate === undefined || approximate === false || approximate === true;
    if (ok(min) && (max === null || (ok(max) && min <= max)) && mark) {
      return approximate ? { min, max, approximate: true } : { min, max };
    }
  }
  throw badRequest(`value for ${field} must be a whole number >= 0, {"min": n, "max": m} with min <= max ("max": null when no upper bound is known: at least n; "approximate": true for about n), or null (nobody said)`);
};

/** A correction's value, checked and put in the stored record's shape; a 400 names what is wrong. */
export function correctionValue(field: ReviewField, v: unknown): unknown {
  if (v === undefined) throw badRequest(`action "correct" needs a value for ${field}`);
  switch (field) {
    case 'killed':
    case 'injured':
      return count(field, v);
    case 'date': {
      if (typeof v === 'string') {
        const d = isoDay(v);
        if (!d || d !== v.trim()) throw badRequest(`value for date must be YYYY-MM-DD (a real day) or {"start", "end"}; got "${v.slice(0, 40)}"`);
        return { start: d, end: d };
      }
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const { start, end } = v as Rec;
        const s = typeof start === 'string' ? isoDay(start) : null;
        const e = typeof end === 'string' ? isoDay(end) : s;
        if (s && e && s <= e) return { start: s, end: e };
      }
      throw badRequest('value for date must be YYYY-MM-DD or {"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"} with start <= end');
    }
    case 'place': {
      if (typeof v === 'string' && v.trim()) return { name: v.trim(), admin1: null, country: null, lat: null, lon: null };
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const o = v as Rec;
        const str = (x: unknown) => (typeof x === 'string' && x.trim() ? x.trim() : null);
        const num = (x: unknown, lim: number) => (x == null ? null : typeof x === 'number' && Number.isFinite(x) && Math.abs(x) <= lim ? x : NaN);
        const lat = num(o.lat, 90);
        const lon = num(o.lon, 180);
        if (str(o.name) && !Number.isNaN(lat) && !Number.isNaN(lon) && (lat === null) === (lon === null)) {
          return { name: str(o.name), admin1: str(o.admin1), country: str(o.country), lat, lon };
        }
      }
      throw badRequest('value for place must be a name or {"name", "admin1"?, "country"?, "lat"?, "lon"?} (lat -90..90 and lon -180..180, both or neither)');
    }
    case 'type':
      if (typeof v === 'string' && (INCIDENT_TYPES as readonly string[]).includes(v)) return v;
      throw badRequest(`value for type must be one of: ${INCIDENT_TYPES.join(', ')}`);
    case 'perpetrators': {
      const list = typeof v === 'string' ? [v] : v;
      if (Array.isArray(list) && list.length <= 50 && list.every((x) => typeof x === 'string' && x.trim() && x.length <= 300)) {
        return list.map((name: string) => ({ name: name.trim(), group: null, text: null }));
      }
      throw badRequest('value for perpetrators must be a name or a list of names');
    }
  }
}

/** Stored values with every correction applied in order (an accept keeps the value it saw). */
export function effectiveValues(record: Rec, reviews: FieldReview[]): Record<ReviewField, unknown> {
  const out = {} as Record<ReviewField, unknown>;
  for (const f of ['killed', 'injured', 'date', 'place', 'type', 'perpetrators'] as ReviewField[]) out[f] = storedValue(record, f);
  for (const r of reviews) if (r.action === 'correct') out[r.field] = r.value;
  return out;
}

interface ProvNode { id: string; name: string; kind: string }
interface ProvEdge { from: string; to: string; evidence?: string[] }

/** The case sheet: the stored record (provenance trimmed to what a page shows), its reports, reviews and effective values. */
export function caseSheet(d: IncidentDetail, reviews: FieldReview[]) {
  const rec = d.record as Rec;
  const prov = (rec.provenance ?? {}) as { nodes?: ProvNode[]; edges?: ProvEdge[]; origins?: string[]; counts?: unknown; summary?: string };
  const origins = new Set(prov.origins ?? (rec.origins as string[] | undefined) ?? []);
  return {
    incident: {
      ...rec,
      provenance: {
        nodes: (prov.nodes ?? []).map((n) => ({ id: n.id, name: n.name, kind: n.kind, origin: origins.has(n.id) })),
        edges: (prov.edges ?? []).map((e) => ({ from: e.from, to: e.to, evidence: e.evidence ?? [] })),
        counts: prov.counts ?? null,
        summary: prov.summary ?? null,
      },
    },
    reports: d.reports,
    reviews: reviews.map((r) => ({ field: r.field, action: r.action, value: r.value, previous: r.previous, by: r.by, at: r.at, note: r.note })),
    effective: effectiveValues(rec, reviews),
  };
}
