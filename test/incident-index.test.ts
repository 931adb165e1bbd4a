/**
 * The incident list in memory (src/store/incident-index.ts) against the SQL search it stands in
 * for (searchIncidents): the same rows, totals and order for every filter, before and after the
 * store changes; and the filters themselves (src/store/incident-filters.ts): the bounding box of
 * a radius search holds every point within the radius.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haversineKm } from '../src/geo/distance.js';
import { relink } from '../src/jobs/case-file.js';
import { mergeIncidents } from '../src/jobs/corrections.js';
import { ingestReports, rawReports, walkPaths } from '../src/jobs/ingest.js';
import {
  IncidentIndex, matchingIncidentIds, nearBox, openStore, saveIncidents, searchIncidents,
  type Db, type IncidentFilters, type IncidentRecord,
} from '../src/store/index.js';

const COLLECTION = fileURLToPath(new URL('../examples/collection', import.meta.url));

/** A small deterministic generator, so the synthetic incidents are the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PLACES = [
  { name: 'Testville', country: 'Syria', lat: 35.9, lon: 36.6 },
  { name: 'Harbour Town', country: 'Nigeria', lat: 6.45, lon: 3.4 },
  { name: 'Date Line East', country: 'Fiji', lat: -16.5, lon: 179.95 },
  { name: 'Date Line West', country: 'Fiji', lat: -16.5, lon: -179.95 },
  { name: 'Polar Station', country: 'Norway', lat: 89.5, lon: 10 },
  { name: 'Northern Edge', country: 'Norway', lat: 60, lon: 1.798 },
];
const TYPES = ['shooting', 'shelling', 'bombing', 'abduction', null];

/** Incidents written straight into the store: ties of date, no date, no place, many origins. */
function synthetic(n: number): IncidentRecord[] {
  const rnd = lcg(42);
  const out: IncidentRecord[] = [];
  for (let i = 0; i < n; i++) {
    const place = rnd() < 0.15 ? null : PLACES[Math.floor(rnd() * PLACES.length)];
    const day = 1 + Math.floor(rnd() * 6); // few days: many ties, broken by id
    const start = rnd() < 0.1 ? null : `2016-03-0${day}`;
    const end = start && rnd() < 0.3 ? `2016-03-0${Math.min(9, day + 2)}` : start;
    const origins = Array.from({ length: Math.floor(rnd() * 4) }, (_, k) => `source:${k}`);
    const perp = rnd() < 0.4 ? [{ name: rnd() < 0.5 ? 'Group Alpha' : 'Brigade Beta', group: null, text: null }] : [];
    out.push({
      id: `incident:${9000 + i}`,
      type: TYPES[Math.floor(rnd() * TYPES.length)],
      date: start ? { start, end } : null,
      location: place ? { name: place.name, country: place.country, admin1: null, lat: place.lat, lon: place.lon } : null,
      killed: rnd() < 0.5 ? { min: 1, max: 3 } : null,
      injured: rnd() < 0.3 ? { min: 0, max: 0 } : null,
      members: [],
      origins,
      perpetrators: perp,
      contradictions: rnd() < 0.2 ? [{ field: 'killed' }] : [],
      provenance: { summary: `${origins.length} independent origins` },
    });
  }
  return out;
}

const FILTERS: IncidentFilters[] = [
  {},
  { limit: 5 },
  { limit: 5, offset: 5 },
  { limit: 3, offset: 10_000 },
  { q: 'shelling' },
  { q: 'Kafr Nabl' },
  { q: '"car bomb"' },
  { q: 'killed -Syria' },
  { q: 'Nigeria or Pakistan' },
  { q: 'Testville' },
  { q: 'Group Alpha' },
  { q: 'the' },
  { q: 'zzzqqq' },
  { type: 'shooting' },
  { type: 'shelling', limit: 4 },
  { from: '2016-03-04' },
  { to: '2016-03-02' },
  { from: '2016-03-02', to: '2016-03-03' },
  { minOrigins: 2 },
  { minOrigins: 0 },
  { near: { lat: 35.9, lon: 36.6, km: 100 } },
  { near: { lat: -16.5, lon: 179.9, km: 50 } },
  { near: { lat: 88, lon: -170, km: 300 } },
  { near: { lat: 60, lon: 0, km: 100 } },
  { near: { lat: 6.45, lon: 3.4, km: 0 } },
  { near: { lat: 0, lon: 0, km: 25_000 }, limit: 500 },
  { q: 'Testville', type: 'shooting', from: '2016-03-02', near: { lat: 36, lon: 36.5, km: 200 } },
  { type: 'bombing', minOrigins: 1, to: '2016-03-05', limit: 2, offset: 1 },
];

let tmp: string;
let db: Db;
let index: IncidentIndex;

async function same(f: IncidentFilters): Promise<void> {
  const want = await searchIncidents(db, f);
  const got = await index.search(f);
  expect(got, JSON.stringify(f)).toEqual(want);
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'corroborate-index-'));
  db = await openStore({ dir: join(tmp, 'db') });
  const files: string[] = [];
  for await (const f of walkPaths([COLLECTION])) files.push(f);
  await ingestReports(db, rawReports(files, null), { by: 'index-test' });
  await relink(db);
  await saveIncidents(db, synthetic(60), { replace: false });
  index = new IncidentIndex(db);
}, 120_000);

afterAll(async () => {
  await db?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the incident list in memory', () => {
  it('gives what the SQL search gives, for every filter', async () => {
    for (const f of FILTERS) await same(f);
    expect(index.size).toBe(64);
  });

  it('finds the reports\' words through the incident (full text over its reports)', async () => {
    const ids = await matchingIncidentIds(db, 'Kafr Nabl');
    expect(ids.size).toBe(1);
    const page = await index.search({ q: 'Kafr Nabl' });
    expect(page.items.map((r) => r.id)).toEqual([...ids]);
    expect(page.items[0].reports).toBe(5);
  });

  it('orders ties of date by id and puts undated incidents last', async () => {
    const { items } = await index.search({ limit: 500 });
    for (let i = 1; i < items.length; i++) {
      const [a, b] = [items[i - 1], items[i]];
      if (a.dateStart === b.dateStart) expect(a.id < b.id).toBe(true);
      else if (b.dateStart !== null) expect(a.dateStart !== null && a.dateStart > b.dateStart).toBe(true);
    }
    expect(items.at(-1)!.dateStart).toBeNull();
  });

  it('answers a search without changes from memory (no rows read again)', async () => {
    await index.search({});
    const before = index.rowsRead;
    await index.search({ type: 'shooting' });
    index.invalidate();
    await index.search({});
    expect(index.rowsRead).toBe(before);
  });

  it('after a write, reads only the changed incidents and still agrees with SQL', async () => {
    const [one] = synthetic(1);
    const before = index.rowsRead;
    await saveIncidents(db, [{ ...one, type: 'arson', location: { name: 'Elsewhere', country: 'Iraq', admin1: null, lat: 33.3, lon: 44.4 } }], { replace: false });
    index.invalidate();
    await same({ type: 'arson' });
    expect(index.rowsRead - before).toBe(1);
    for (const f of FILTERS) await same(f);
  });

  it('drops incidents that are gone and follows a merge of two (members, report counts)', async () => {
    await saveIncidents(db, [], { replace: false, remove: ['incident:9001', 'incident:9002'] });
    const real = (await searchIncidents(db, { limit: 500 })).items.filter((r) => r.reports > 0).map((r) => r.id);
    expect(real.length).toBe(4);
    await mergeIncidents(db, [real[0], real[1]], { by: 'tester' });
    index.invalidate();
    expect((await index.search({ limit: 500 })).items.some((r) => r.id === 'incident:9001' || r.id === real[1])).toBe(false);
    for (const f of FILTERS) await same(f);
    expect(index.size).toBe(61);
  });

  it('follows a full re-link (every incident replaced; the documenter\'s merge kept)', async () => {
    await relink(db);
    index.invalidate();
    for (const f of FILTERS) await same(f);
    expect(index.size).toBe(3);
  });

  it('refuses bad filters as the SQL search does, before reading anything', async () => {
    for (const f of [{ from: '2016-02-30' }, { to: 'yesterday' }, { near: { lat: 91, lon: 0, km: 5 } }, { near: { lat: 0, lon: 0, km: -1 } }]) {
      await expect(searchIncidents(db, f)).rejects.toThrow(RangeError);
      await expect(index.search(f)).rejects.toThrow(RangeError);
    }
  });
});

describe('nearBox', () => {
  it('holds every point within the radius (sampled around the circle)', () => {
    for (const [lat, lon, km] of [[60, 0, 100], [-33.9, 18.4, 500], [0, 179.9, 50], [75, 100, 1500], [10, -60, 2]]) {
      const b = nearBox(lat, lon, km);
      const r = (km * 0.999999) / 6371.0088;
      for (let k = 0; k < 360; k++) {
        // the point at distance r in direction k degrees
        const th = (k * Math.PI) / 180;
        const la1 = (lat * Math.PI) / 180;
        const la2 = Math.asin(Math.sin(la1) * Math.cos(r) + Math.cos(la1) * Math.sin(r) * Math.cos(th));
        const lo2 = (lon * Math.PI) / 180 + Math.atan2(Math.sin(th) * Math.sin(r) * Math.cos(la1), Math.cos(r) - Math.sin(la1) * Math.sin(la2));
        const pLat = (la2 * 180) / Math.PI;
        const pLon = ((((lo2 * 180) / Math.PI) + 540) % 360) - 180;
        expect(haversineKm(lat, lon, pLat, pLon)).toBeLessThanOrEqual(km);
        expect(pLat).toBeGreaterThanOrEqual(b.minLat);
        expect(pLat).toBeLessThanOrEqual(b.maxLat);
        if (!b.lonWraps) {
          expect(pLon).toBeGreaterThanOrEqual(b.minLon);
          expect(pLon).toBeLessThanOrEqual(b.maxLon);
        }
      }
    }
  });

  it('reaching a pole or a full hemisphere leaves longitude open', () => {
    expect(nearBox(89.5, 10, 100).lonWraps).toBe(true);
    expect(nearBox(0, 0, 25_000)).toMatchObject({ minLat: -90, maxLat: 90, lonWraps: true });
    expect(nearBox(0, 179.9, 50).lonWraps).toBe(true);
    expect(nearBox(0, 0, 50).lonWraps).toBe(false);
  });

  it('a town 99.96 km east of the centre at 60°N is found (the old box, 111.32 km a degree, cut it off)', async () => {
    expect(haversineKm(60, 0, 60, 1.798)).toBeLessThan(100);
    const ids = (await searchIncidents(db, { near: { lat: 60, lon: 0, km: 100 } })).items.map((r) => r.id);
    expect(ids).toEqual([]); // the re-link above removed the synthetic ones: write one again
    await saveIncidents(db, [{ id: 'incident:8000', type: 'shooting', date: null, location: { name: 'Northern Edge', lat: 60, lon: 1.798 }, killed: null, injured: null, members: [] }], { replace: false });
    index.invalidate();
    expect((await searchIncidents(db, { near: { lat: 60, lon: 0, km: 100 } })).items.map((r) => r.id)).toEqual(['incident:8000']);
    expect((await index.search({ near: { lat: 60, lon: 0, km: 100 } })).items.map((r) => r.id)).toEqual(['incident:8000']);
  });
});
