/**
 * Geocoding quality on GVA dev: per article, the geocoder's `mainPlace` against the incident's
 * gold city_or_county / state / lat-lon.
 *
 *   node dist/bench/eval/geo-gva.js            (data: ../shared/eval or $CORROBORATE_EVAL_DIR)
 *   GEO_GVA_LIMIT=500 GEO_GVA_ERRORS=20 node dist/bench/eval/geo-gva.js
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findPlaces, loadGazetteer, mainPlace } from '../../src/geo/index.js';
import { cityMatches, haversineKm } from './geo-score.js';

interface GvaIncident {
  incident_id: string;
  state: string | null;
  city_or_county: string | null;
  lat: number | null;
  lon: number | null;
}
interface GvaArticle {
  id: string;
  incident_id: string;
  title: string | null;
  published: string | null;
  text: string;
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

function main(): void {
  const dir = resolve(process.env.CORROBORATE_EVAL_DIR ?? join(process.cwd(), '..', 'shared', 'eval'));
  const artPath = join(dir, 'gva', 'dev.articles.jsonl');
  const incPath = join(dir, 'gva', 'dev.incidents.jsonl');
  if (!existsSync(artPath) || !existsSync(incPath)) {
    console.log(`geo-gva: skipped, no GVA dev data at ${join(dir, 'gva')} (set CORROBORATE_EVAL_DIR)`);
    return;
  }
  const limit = Number(process.env.GEO_GVA_LIMIT ?? 0) || Infinity;
  const showErrors = Number(process.env.GEO_GVA_ERRORS ?? 0);
  const withTitle = process.env.GEO_GVA_TITLE === '1';
  const incidents = new Map(readJsonl<GvaIncident>(incPath).map((i) => [i.incident_id, i]));
  const articles = readJsonl<GvaArticle>(artPath).slice(0, limit);

  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  loadGazetteer();
  const loadMs = performance.now() - t0;
  const mem = process.memoryUsage();

  let n = 0, city = 0, state = 0, geoN = 0, geo = 0, none = 0, chars = 0;
  const errors: string[] = [];
  const t1 = performance.now();
  for (const a of articles) {
    const gold = incidents.get(a.incident_id);
    if (!gold) continue;
    n++;
    const text = withTitle && a.title ? a.title + '\n\n' + a.text : a.text;
    chars += text.length;
    const mentions = findPlaces(text, { published: a.published });
    const m = mainPlace(text, mentions);
    if (!m) none++;
    const okCity = cityMatches(gold.city_or_county, m);
    const okState = !!m && !!gold.state && (m.admin1 ?? '').toLowerCase() === gold.state.toLowerCase();
    if (okCity) city++;
    if (okState) state++;
    let okGeo = false;
    if (gold.lat != null && gold.lon != null) {
      geoN++;
      if (m && m.lat != null && m.lon != null && haversineKm(gold.lat, gold.lon, m.lat, m.lon) <= 25) {
        geo++;
        okGeo = true;
      }
    }
    if ((!okCity || !okState) && errors.length < showErrors) {
      errors.push(`${a.id.slice(0, 8)} gold=${gold.city_or_county}, ${gold.state} got=${m ? `${m.text} -> ${m.name}, ${m.admin1} (${m.precision}${m.dateline ? ', dateline' : ''})` : 'none'} geo=${okGeo}  all=[${mentions.slice(0, 8).map((x) => x.text + '→' + (x.admin1Code ?? x.country)).join('; ')}]`);
    }
  }
  const ms = performance.now() - t1;
  const f = (x: number, d: number) => (d ? (x / d).toFixed(3) : 'n/a');
  console.log(`geo-gva dev: ${n} articles${withTitle ? ' (title + text)' : ''}`);
  console.log(`  city accuracy        ${f(city, n)}  (${city}/${n})   target >= 0.75`);
  console.log(`  state accuracy       ${f(state, n)}  (${state}/${n})   target >= 0.80`);
  console.log(`  within 25 km         ${f(geo, geoN)}  (${geo}/${geoN} with gold lat/lon)   target >= 0.75`);
  console.log(`  no place found       ${none}`);
  console.log(`  gazetteer load       ${loadMs.toFixed(0)} ms, heap +${((mem.heapUsed - heap0) / 1e6).toFixed(0)} MB, rss ${(mem.rss / 1e6).toFixed(0)} MB`);
  console.log(`  geocoding            ${ms.toFixed(0)} ms for ${(chars / 1e6).toFixed(1)} M chars (${(chars / 1e6 / (ms / 1000)).toFixed(2)} MB/s)`);
  if (errors.length) console.log('errors:\n  ' + errors.join('\n  '));
}

main();
