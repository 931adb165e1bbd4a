/**
 * Documenters' field corrections in the case file (migration 6): the list, the filters, the
 * exports and the readable case sheet state the corrected value, the linked record keeps what
 * linking said, and a correction stays with the mentions it was made on through re-linking,
 * new reports joining the incident and a split.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCaseSheet } from '../src/export/case-sheet.js';
import { memberKey, relink } from '../src/jobs/case-file.js';
import { splitIncident } from '../src/jobs/corrections.js';
import { exportIncidents } from '../src/jobs/export.js';
import { ingestReports, rawReports, walkPaths } from '../src/jobs/ingest.js';
import { addReview, getIncident, listIncidents, listReviews, openStore, type Db, type IncidentSummary } from '../src/store/index.js';

const COLLECTION = fileURLToPath(new URL('../examples/collection', import.meta.url));

let tmp: string;
let db: Db;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'corroborate-reviews-'));
  db = await openStore({ dir: join(tmp, 'db') });
  const files: string[] = [];
  for await (const f of walkPaths([COLLECTION])) files.push(f);
  await ingestReports(db, rawReports(files, null), { by: 'reviews-test' });
  await relink(db);
}, 120_000);

afterAll(async () => {
  await db?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const counts = (c: { min: number; max: number } | null | undefined) => (c ? { min: c.min, max: c.max } : null);

/** The incident holding the report with this external id. */
async function incidentOf(externalId: string): Promise<IncidentSummary> {
  for (const s of await listIncidents(db, { limit: 100 })) {
    const d = await getIncident(db, s.id);
    if (d?.reports.some((r) => r.externalId === externalId)) return s;
  }
  throw new Error(`no incident holds ${externalId}`);
}

async function correct(incidentId: string, field: 'killed' | 'type' | 'place' | 'date', value: unknown): Promise<void> {
  const d = (await getIncident(db, incidentId))!;
  await addReview(db, { incidentId, members: d.members.map(memberKey), field, action: 'correct', value, previous: null, by: 'reviewer' });
}

async function exported(format: 'acled' | 'jsonl', filters = {}): Promise<string> {
  let text = '';
  const out = new Writable({ write(chunk, _enc, done) { text += String(chunk); done(); } });
  await exportIncidents(db, format, filters, out);
  return text;
}

describe('field corrections in the case file', () => {
  it('are what the list and its filters state; the linked record is kept', async () => {
    const kn = await incidentOf('kn-local-0514');
    expect(kn.killed).not.toEqual({ min: 7, max: 7 });
    const linkedType = kn.type;
    await correct(kn.id, 'killed', { min: 7, max: 7 });
    await correct(kn.id, 'type', 'airstrike');
    const after = (await listIncidents(db, { type: 'airstrike' })).find((s) => s.id === kn.id)!;
    expect(after).toBeDefined();
    expect(after.killed).toEqual({ min: 7, max: 7 });
    expect(after.reviewed).toMatchObject({ killed: { min: 7, max: 7 }, type: 'airstrike' });
    expect(after.record.type).toBe(linkedType);
    expect((await listIncidents(db, { type: linkedType! })).some((s) => s.id === kn.id)).toBe(false);
  });

  it('the newest correction of a field wins', async () => {
    const kn = await incidentOf('kn-local-0514');
    await correct(kn.id, 'killed', { min: 6, max: 8 });
    expect((await incidentOf('kn-local-0514')).killed).toEqual({ min: 6, max: 8 });
  });

  it('reach the exports (ACLED fatalities and notes, JSON Lines with the linked value) and the case sheet', async () => {
    const kn = await incidentOf('kn-local-0514');
    const line = (await exported('jsonl', { type: 'airstrike' })).trim().split('\n').map((l) => JSON.parse(l)).find((x) => x.id === kn.id);
    expect(line.killed).toEqual({ min: 6, max: 8 });
    expect(line.type).toBe('airstrike');
    expect(line.corrected.killed.linked).toMatchObject({ min: kn.record.killed!.min });
    const csv = await exported('acled', { type: 'airstrike' });
    const row = csv.split('\r\n').find((l) => l.includes(`corroborate id=${kn.id};`))!;
    expect(row).toContain('Explosions/Remote violence');
    expect(row).toContain('Corrected by a documenter: killed, type.');
    const sheet = formatCaseSheet((await getIncident(db, kn.id))!);
    expect(sheet).toMatch(/killed:\s+6-8\s+\[corrected by a documenter; linked: \d+( \(reports range \d+-\d+\))?\]/);
    expect(sheet).toMatch(/type:\s+airstrike\s+\[corrected by a documenter; linked: "shelling"\]/);
  });

  it('survive a full re-link (incidents renumbered), found again through their mentions', async () => {
    await relink(db);
    const kn = await incidentOf('kn-local-0514');
    expect(kn.killed).toEqual({ min: 6, max: 8 });
    expect(kn.type).toBe('airstrike');
    // an incident that never was reviewed has none, whatever id it has now
    for (const s of await listIncidents(db, {})) if (s.id !== kn.id) expect(s.reviewed).toBeNull();
  });

  it('stay with the part holding most of the reviewed mentions when reports are split off', async () => {
    const kn = await incidentOf('kn-local-0514');
    const d = (await getIncident(db, kn.id))!;
    expect(d.reports.length).toBe(5);
    const moved = d.reports.slice(0, 2).map((r) => r.id);
    const res = await splitIncident(db, kn.id, { by: 'reviewer', reports: moved });
    const fresh = res.incidents.find((x) => x !== kn.id)!;
    const [kept, split] = await Promise.all([kn.id, fresh].map(async (id) => (await listIncidents(db, { limit: 100 })).find((s) => s.id === id)!));
    expect(kept.killed).toEqual({ min: 6, max: 8 });
    expect(kept.reviewed).not.toBeNull();
    expect(split.reviewed).toBeNull();
    expect(split.killed).toEqual(counts(split.record.killed));
    expect(await listReviews(db, fresh)).toEqual([]);
    expect((await listReviews(db, kn.id)).map((r) => r.field)).toEqual(['killed', 'type', 'killed']);
  });

  it('every incident with corrections in force has reviews, and the others show their linked values', async () => {
    for (const s of await listIncidents(db, { limit: 100 })) {
      if (s.reviewed) expect((await listReviews(db, s.id)).length).toBeGreaterThan(0);
      else expect(s.killed).toEqual(counts(s.record.killed));
    }
  });
});
