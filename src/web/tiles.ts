/**
 * Raster tiles behind the map when the server is started with `--tiles URL` (an XYZ template
 * such as https://tiles.example.org/{z}/{x}/{y}.png): the Web Mercator tiles that cover a
 * geoMercator projection's view of W × H pixels, at the zoom whose tile size is nearest 256 px.
 */
import type { GeoProjection } from 'd3-geo';

export interface Tile { key: string; href: string; x: number; y: number; size: number }

/** Web Mercator tiles covering the view, for a projection made with geoMercator. */
export function tilesFor(projection: GeoProjection, template: string, W: number, H: number): Tile[] {
  const worldPx = 2 * Math.PI * projection.scale();
  const z = Math.max(0, Math.min(18, Math.round(Math.log2(worldPx / 256))));
  const n = 2 ** z;
  const size = worldPx / n;
  const [tx, ty] = projection.translate();
  const x0 = tx - worldPx / 2;
  const y0 = ty - worldPx / 2;
  const out: Tile[] = [];
  for (let x = Math.max(0, Math.floor(-x0 / size)); x < Math.min(n, Math.ceil((W - x0) / size)); x++) {
    for (let y = Math.max(0, Math.floor(-y0 / size)); y < Math.min(n, Math.ceil((H - y0) / size)); y++) {
      out.push({ key: `${z}/${x}/${y}`, href: template.replaceAll('{z}', String(z)).replaceAll('{x}', String(x)).replaceAll('{y}', String(y)), x: x0 + x * size, y: y0 + y * size, size });
    }
  }
  return out;
}

