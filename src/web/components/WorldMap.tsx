/**
 * The incidents on a map drawn from bundled Natural Earth boundaries (world-atlas, 1:50m
 * countries, served as a static file by the same process): no tile server is needed. When the
 * server is started with `--tiles URL` (a {z}/{x}/{y} template), raster tiles are drawn behind
 * the boundaries in Web Mercator; otherwise the map uses the Natural Earth projection.
 */
import { geoMercator, geoNaturalEarth1, geoPath, geoGraticule10, type GeoProjection } from 'd3-geo';
import { useEffect, useMemo, useState } from 'react';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import { dateText, placeText, rangeText, typeText } from '../format.js';
import { useSession } from '../hooks.js';
import { incidentPath, navigate } from '../router.js';
import { tilesFor } from '../tiles.js';
import type { IncidentListItem } from '../types.js';

const W = 640;
const H = 360;

let countriesPromise: Promise<FeatureCollection> | null = null;
function loadCountries(): Promise<FeatureCollection> {
  countriesPromise ??= fetch(countriesUrl).then((r) => {
    if (!r.ok) throw new Error(`map boundaries: HTTP ${r.status}`);
    return r.json();
  }).then((topo: Topology) => feature(topo, topo.objects.countries as GeometryCollection) as unknown as FeatureCollection);
  return countriesPromise;
}

interface Point { item: IncidentListItem; lon: number; lat: number }

/** Fit the projection to the incidents (at least ~12° across so a single point shows its region). */
function fitted(projection: GeoProjection, points: Point[]): GeoProjection {
  if (points.length === 0) return projection.fitExtent([[8, 8], [W - 8, H - 8]], { type: 'Sphere' });
  let [minLon, maxLon, minLat, maxLat] = [180, -180, 90, -90];
  for (const p of points) { minLon = Math.min(minLon, p.lon); maxLon = Math.max(maxLon, p.lon); minLat = Math.min(minLat, p.lat); maxLat = Math.max(maxLat, p.lat); }
  const pad = (a: number, b: number, min: number) => { const extra = Math.max(0, min - (b - a)) / 2 + (b - a) * 0.15; return [a - extra, b + extra]; };
  [minLon, maxLon] = pad(minLon, maxLon, 14);
  [minLat, maxLat] = pad(minLat, maxLat, 9);
  const box = { type: 'MultiPoint' as const, coordinates: [[Math.max(-180, minLon), Math.max(-85, minLat)], [Math.min(180, maxLon), Math.min(85, maxLat)]] };
  return projection.fitExtent([[20, 20], [W - 20, H - 20]], box);
}

export function WorldMap({ items, hover, onHover }: { items: IncidentListItem[]; hover: string | null; onHover: (id: string | null) => void }) {
  const { config } = useSession();
  const [countries, setCountries] = useState<FeatureCollection | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => { loadCountries().then(setCountries, (e: Error) => setFailed(e.message)); }, []);

  const points: Point[] = useMemo(() => items.flatMap((item) => {
    const { lat, lon } = item.location ?? {};
    return typeof lat === 'number' && typeof lon === 'number' ? [{ item, lat, lon }] : [];
  }), [items]);
  const tiles = config.tiles;
  const projection = useMemo(() => fitted(tiles ? geoMercator() : geoNaturalEarth1(), points), [points, tiles]);
  const path = geoPath(projection);
  const unplaced = items.length - points.length;

  return (
    <figure className="map">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`map of ${points.length} incidents`}>
        <defs><clipPath id="map-clip"><rect width={W} height={H} /></clipPath></defs>
        <g clipPath="url(#map-clip)">
          <rect width={W} height={H} className="sea" />
          {tiles && tilesFor(projection, tiles, W, H).map((t) => <image key={t.key} href={t.href} x={t.x} y={t.y} width={t.size} height={t.size} />)}
          {!tiles && <path d={path(geoGraticule10()) ?? undefined} className="graticule" />}
          {countries?.features.map((f, i) => <path key={i} d={path(f) ?? undefined} className={tiles ? 'country over-tiles' : 'country'} />)}
          {points.map(({ item, lon, lat }) => {
            const xy = projection([lon, lat]);
            if (!xy) return null;
            const r = 4 + Math.min(10, Math.sqrt(item.killed?.max ?? item.killed?.min ?? 0) * 1.5);
            return (
              <circle key={item.id} cx={xy[0]} cy={xy[1]} r={hover === item.id ? r + 3 : r}
                className={`dot type-${item.type}${hover === item.id ? ' hover' : ''}`} data-incident={item.id}
                onMouseEnter={() => onHover(item.id)} onMouseLeave={() => onHover(null)} onClick={() => navigate(incidentPath(item.id))}
                tabIndex={0} role="link" aria-label={`${typeText(item.type)}, ${placeText(item.location)}, ${dateText(item.date)}`}
                onFocus={() => onHover(item.id)} onBlur={() => onHover(null)} onKeyDown={(e) => { if (e.key === 'Enter') navigate(incidentPath(item.id)); }}>
                <title>{`${typeText(item.type)}, ${placeText(item.location)}, ${dateText(item.date)}; killed ${rangeText(item.killed)}`}</title>
              </circle>
            );
          })}
        </g>
      </svg>
      <figcaption className="muted small">
        {failed ? `Boundaries could not be loaded (${failed}). ` : ''}
        {points.length} placed{unplaced > 0 ? `, ${unplaced} without coordinates` : ''}. Boundaries: Natural Earth{tiles ? '; tiles as configured' : ''}.
      </figcaption>
    </figure>
  );
}
