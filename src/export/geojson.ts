/**
 * GeoJSON export (RFC 7946): a FeatureCollection with one Feature per incident, a Point at the
 * incident's place in [longitude, latitude] order (WGS 84), or a null geometry when the place
 * is unknown or has no coordinates (RFC 7946 section 3.2 allows it: the incident is still listed).
 * The properties are the incident's JSON Lines object (src/export/jsonl.ts). The collection is
 * written in pieces (`GEOJSON_HEAD`, features joined by ",", `GEOJSON_TAIL`) so it can be
 * streamed.
 */
import type { IncidentSummary } from '../store/index.js';
import { incidentLineObject } from './jsonl.js';

export const GEOJSON_HEAD = '{"type":"FeatureCollection","features":[\n';
export const GEOJSON_TAIL = '\n]}\n';

export interface Feature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: Record<string, unknown>;
}

const valid = (lat: unknown, lon: unknown): lat is number =>
  typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

export function incidentFeature(s: IncidentSummary): Feature {
  const props = incidentLineObject(s);
  const loc = (props.location ?? null) as { lat?: number | null; lon?: number | null } | null;
  const lat = loc?.lat ?? s.lat;
  const lon = loc?.lon ?? s.lon;
  return {
    type: 'Feature',
    id: s.id,
    geometry: valid(lat, lon) ? { type: 'Point', coordinates: [round(lon as number), round(lat)] } : null,
    properties: props,
  };
}

// 6 decimals (about 0.1 m), as RFC 7946 section 11.2 suggests: more is false precision
const round = (v: number) => Math.round(v * 1e6) / 1e6;

/** A whole FeatureCollection (for small sets and tests; the export job streams instead). */
export function featureCollection(rows: readonly IncidentSummary[]): { type: 'FeatureCollection'; features: Feature[] } {
  return { type: 'FeatureCollection', features: rows.map(incidentFeature) };
}
