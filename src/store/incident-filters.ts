/**
 * The filters of an incident search, checked once, and their two readings: a SQL WHERE clause
 * (`incidentWhere`, for `listIncidents`, `searchIncidents` and the exports) and a predicate over
 * rows held in memory (`incidentPredicate`, for src/store/incident-index.ts). Both must select the
 * same incidents; test/incident-index.test.ts holds them to it.
 */
import { haversineKm } from '../geo/distance.js';

export interface IncidentFilters {
  /** full text: the incident's own fields, or any of its reports */
  q?: string;
  type?: string;
  /** ISO dates: incidents whose date interval overlaps [from, to] */
  from?: string;
  to?: string;
  near?: { lat: number; lon: number; km: number };
  /** at least this many independent origins (the generated column origin_count, migration 4) */
  minOrigins?: number;
  limit?: number;
  offset?: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
/** 'YYYY-MM-DD' (a valid calendar day at the start of the string) or null. */
export function isoDay(v: string | null | undefined): string | null {
  if (!v) return null;
  const m = ISO_DATE.exec(v.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? m[0] : null;
}

export const EARTH_KM = 6371.0088;

/** The filters checked: bad dates or places throw a RangeError naming what is wrong. */
export interface CheckedFilters {
  q: string | null;
  type: string | null;
  from: string | null;
  to: string | null;
  minOrigins: number | null;
  near: { lat: number; lon: number; km: number; box: NearBox } | null;
}

/**
 * The smallest latitude / longitude box holding every point within `km` of a point on the
 * sphere: latitude ± the angular radius, longitude ± asin(sin r / cos lat); every longitude when
 * the circle reaches a pole. `lonWraps`: the box crosses the antimeridian (longitude unbounded).
 */
export interface NearBox { minLat: number; maxLat: number; minLon: number; maxLon: number; lonWraps: boolean }

export function nearBox(lat: number, lon: number, km: number): NearBox {
  const r = km / EARTH_KM;
  const deg = 180 / Math.PI;
  const minLat = lat - r * deg;
  const maxLat = lat + r * deg;
  if (r >= Math.PI || minLat <= -90 || maxLat >= 90) {
    return { minLat: Math.max(-90, minLat), maxLat: Math.min(90, maxLat), minLon: -180, maxLon: 180, lonWraps: true };
  }
  const dLon = Math.asin(Math.min(1, Math.sin(r) / Math.cos(lat / deg))) * deg;
  const minLon = lon - dLon;
  const maxLon = lon + dLon;
  return { minLat, maxLat, minLon, maxLon, lonWraps: minLon < -180 || maxLon > 180 };
}

export function checkFilters(f: IncidentFilters): CheckedFilters {
  const from = f.from ? isoDay(f.from) : null;
  if (f.from && !from) throw new RangeError(`bad from date "${f.from}" (YYYY-MM-DD)`);
  const to = f.to ? isoDay(f.to) : null;
  if (f.to && !to) throw new RangeError(`bad to date "${f.to}" (YYYY-MM-DD)`);
  let near: CheckedFilters['near'] = null;
  if (f.near) {
    const { lat, lon, km } = f.near;
    if (![lat, lon, km].every(Number.isFinite) || Math.abs(lat) > 90 || Math.abs(lon) > 180 || km < 0) throw new RangeError('near needs lat (-90..90), lon (-180..180) and km >= 0');
    near = { lat, lon, km, box: nearBox(lat, lon, km) };
  }
  return {
    q: f.q?.trim() ? f.q : null,
    type: f.type || null,
    from, to,
    minOrigins: f.minOrigins != null && f.minOrigins > 0 ? Math.floor(f.minOrigins) : null,
    near,
  };
}

/**
 * The WHERE clause of an incident search over `incidents i`, its parameters appended to
 * `params`, and the distance expression (kilometres) when `near` is given.
 */
export function incidentWhere(f: IncidentFilters, params: unknown[]): { where: string; distance: string } {
  const c = checkFilters(f);
  const where: string[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  // one GIN index scan over the incidents' own text and their reports' (migration 5)
  if (c.q) where.push(`i.id IN (SELECT incidents_matching(${p(c.q)}))`);
  if (c.type) where.push(`i.type = ${p(c.type)}`);
  if (c.from) where.push(`coalesce(i.date_end, i.date_start) >= ${p(c.from)}::date`);
  if (c.to) where.push(`i.date_start <= ${p(c.to)}::date`);
  if (c.minOrigins) where.push(`i.origin_count >= ${p(c.minOrigins)}`);
  let distance = '';
  if (c.near) {
    const { lat, lon, km, box } = c.near;
    // the bounding box first (index on lat, lon), then the exact great-circle distance
    where.push(`i.lat BETWEEN ${p(box.minLat)} AND ${p(box.maxLat)}`);
    if (!box.lonWraps) where.push(`i.lon BETWEEN ${p(box.minLon)} AND ${p(box.maxLon)}`);
    const la = p(lat);
    const lo = p(lon);
    distance = `(2 * ${EARTH_KM} * asin(least(1, sqrt(power(sin(radians(i.lat - ${la}) / 2), 2) +
      cos(radians(${la})) * cos(radians(i.lat)) * power(sin(radians(i.lon - ${lo}) / 2), 2)))))`;
    where.push(`${distance} <= ${p(km)}`);
  }
  return { where: where.length ? 'WHERE ' + where.join(' AND ') : '', distance };
}

/** What `incidentPredicate` reads of an incident. */
export interface FilterableIncident {
  id: string;
  type: string | null;
  dateStart: string | null;
  dateEnd: string | null;
  lat: number | null;
  lon: number | null;
  origins: number;
}

/**
 * The same filters as `incidentWhere`, but full text, over rows in memory: `matching` is the set
 * of ids `incidents_matching(q)` gave (needed when `q` is set). Returns false when the row does
 * not pass, else its distance in km from `near` (0 without `near`).
 */
export function incidentPredicate(c: CheckedFilters, matching: ReadonlySet<string> | null): (r: FilterableIncident) => number | false {
  if (c.q && !matching) throw new Error('incidentPredicate: a text query needs the matching ids');
  const near = c.near;
  return (r) => {
    if (matching && !matching.has(r.id)) return false;
    if (c.type && r.type !== c.type) return false;
    if (c.from && !((r.dateEnd ?? r.dateStart) !== null && (r.dateEnd ?? r.dateStart)! >= c.from)) return false;
    if (c.to && !(r.dateStart !== null && r.dateStart <= c.to)) return false;
    if (c.minOrigins && r.origins < c.minOrigins) return false;
    if (!near) return 0;
    if (r.lat === null || r.lon === null) return false;
    const b = near.box;
    if (r.lat < b.minLat || r.lat > b.maxLat) return false;
    if (!b.lonWraps && (r.lon < b.minLon || r.lon > b.maxLon)) return false;
    const km = haversineKm(near.lat, near.lon, r.lat, r.lon);
    return km <= near.km ? km : false;
  };
}
