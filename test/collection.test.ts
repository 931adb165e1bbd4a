/**
 * The bundled example collection (examples/collection/): ingested into a temporary PGlite case
 * file through the ingest job and linked, it must give the incidents it was written to show:
 * an echo chain (a local network -> a monitor citing it -> two outlets citing the monitor) plus
 * an outlet with its own witness, all about one shelling in Syria, with the death toll planted
 * as a contradiction (3 per the local network and the witness, 4 per the monitor); and separate
 * incidents in Nigeria, Pakistan and Iraq that must not be merged with it or with each other.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentJson, relink } from '../src/jobs/case-file.js';
import { ingestReports, rawReports, walkPaths } from '../src/jobs/ingest.js';
import { listIncidents, openStore, type Db } from '../src/store/index.js';

const COLLECTION = fileURLToPath(new URL('../examples/collection', import.meta.url));

interface Line {
  id: string;
  type: string;
  date: { start: string | null; end: string | null };
  location: { name: string; country: string | null } | null;
  killed: { min: number; max: number } | null;
  reports: { externalId: string | null }[];
  sources: string[];
  sourceNames: Record<string, string>;
  origins: string[];
  contradictions: { field: string; values: { value: string; sources: string[] }[] }[];
}

let tmp: string;
let db: Db;
let incidents: Line[] = [];
let summary = { added: 0, present: 0, failed: 0, unreadable: 0, inputs: 0 };

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'corroborate-collection-'));
  db = await openStore({ dir: join(tmp, 'db') });
  const files: string[] = [];
  for await (const f of walkPaths([COLLECTION])) files.push(f);
  summary = await ingestReports(db, rawReports(files, null), { by: 'collection-test' });
  await relink(db);
  incidents = (await listIncidents(db, {})).map((s) => incidentJson(s) as unknown as Line);
}, 120_000);

afterAll(async () => {
  await db?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const byExternal = (ext: string) => incidents.find((i) => i.reports.some((r) => r.externalId === ext));
const names = (i: Line, ids: string[]) => ids.map((id) => i.sourceNames[id] ?? id);

describe('examples/collection', () => {
  it('holds 8-12 reports with id, title, text, published and url, all ingested without failure', () => {
    const lines = readFileSync(join(COLLECTION, 'reports.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThanOrEqual(8);
    expect(lines.length).toBeLessThanOrEqual(12);
    for (const l of lines) {
      for (const k of ['id', 'title', 'text', 'published', 'url']) expect(typeof l[k], `${String(l.id)}.${k}`).toBe('string');
    }
    expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
    expect(summary).toMatchObject({ added: lines.length, failed: 0, unreadable: 0 });
  });

  it('links into 4 incidents in 4 countries, each report in exactly one', () => {
    expect(incidents).toHaveLength(4);
    expect(new Set(incidents.map((i) => i.location?.country)).size).toBe(4);
    const ext = incidents.flatMap((i) => i.reports.map((r) => r.externalId));
    expect(ext).toHaveLength(10);
    expect(new Set(ext).size).toBe(10);
  });

  it('the Kafr Nabl shelling: 5 reports, the echo chain collapsed to 3 independent origins', () => {
    const kn = byExternal('kn-local-0514')!;
    expect(kn).toBeDefined();
    expect(kn.type).toBe('shelling');
    expect(kn.location).toMatchObject({ country: 'Syria' });
    expect(kn.date.start).toBe('2019-05-14');
    expect(kn.reports.map((r) => r.externalId).sort()).toEqual(['kn-daily-0515', 'kn-local-0514', 'kn-monitor-0514', 'kn-witness-0515', 'kn-wire-0515'].sort());
    // the two outlets that only cite the monitor are not origins; the outlet with its own witness is
    const origins = names(kn, kn.origins);
    expect(origins).toHaveLength(3);
    expect(origins).toContain('Kafr Nabl Media Office');
    expect(origins).toContain('Syrian Observatory for Human Rights');
    expect(origins.some((o) => /northerndispatch/.test(o))).toBe(true);
    expect(origins.some((o) => /gulfwire|eastmeddaily/.test(o))).toBe(false);
  });

  it('the planted contradiction: killed 3 per the local network (and the witness), 4 per the monitor; merged min 3, max 4', () => {
    const kn = byExternal('kn-monitor-0514')!;
    expect(kn.killed).toMatchObject({ min: 3, max: 4 });
    const killed = kn.contradictions.find((c) => c.field === 'killed');
    expect(killed).toBeDefined();
    const per = Object.fromEntries(killed!.values.map((v) => [v.value, names(kn, v.sources)]));
    expect(Object.keys(per).sort()).toEqual(['3', '4']);
    expect(per['3']).toContain('Kafr Nabl Media Office');
    expect(per['4']).toEqual(['Syrian Observatory for Human Rights']);
  });

  it('the other incidents: a bombing in Maiduguri, a shooting in Quetta, an abduction in Basra, with their tolls and no killed contradiction', () => {
    const mdg = byExternal('mdg-police-0616')!;
    expect(mdg).toMatchObject({ type: 'bombing', killed: { min: 6, max: 6 } });
    expect(mdg.location).toMatchObject({ name: 'Maiduguri', country: 'Nigeria' });
    expect(mdg.reports).toHaveLength(2);
    const qta = byExternal('qta-police-0306')!;
    expect(qta).toMatchObject({ type: 'shooting', killed: { min: 2, max: 2 } });
    expect(qta.location).toMatchObject({ name: 'Quetta', country: 'Pakistan' });
    expect(qta.reports).toHaveLength(2);
    const bsr = byExternal('bsr-family-1007')!;
    expect(bsr).toMatchObject({ type: 'abduction', killed: null });
    expect(bsr.location?.country).toBe('Iraq');
    for (const i of [mdg, qta, bsr]) expect(i.contradictions.filter((c) => c.field === 'killed')).toEqual([]);
  });
});
