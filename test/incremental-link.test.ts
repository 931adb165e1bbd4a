/**
 * Incremental linking (src/jobs/incremental-link.ts): reports linked as they arrive give the
 * same incidents and sources as a full re-link; documenters' source corrections decide where a
 * later report's source goes; a store without a saved state is linked in full once; a page of
 * reports is one transaction. PGlite and (when it answers) the PostgreSQL server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relink } from '../src/jobs/case-file.js';
import { mergeSources, splitSource } from '../src/jobs/corrections.js';
import { linkNew } from '../src/jobs/incremental-link.js';
import { countUnlinked, getIncident, listIncidents, listSources, openStore, type Db } from '../src/store/index.js';
import { REPORTS, storeFixtures, type FixtureReport } from './fixtures/link/reports.js';
import { PG_URL, dropPgSchema, pgServerUp } from './support/pg-server.js';

const server = await pgServerUp('incremental-link.test');

async function partition(db: Db, ids: Record<string, string>): Promise<string[][]> {
  const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
  const out: string[][] = [];
  for (const inc of await listIncidents(db)) out.push((await getIncident(db, inc.id))!.reports.map((r) => byId[r.id] ?? r.id).sort());
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}
const sourcesOf = async (db: Db) => (await listSources(db)).map((s) => ({ name: s.name, reports: s.reports, aliases: [...s.aliases].sort() })).sort((a, b) => a.name.localeCompare(b.name));
const sourceOfReport = async (db: Db, reportId: string, local = 's1') =>
  (await db.query<{ source_id: string }>('SELECT source_id FROM report_sources WHERE report_id = $1 AND local_id = $2', [reportId, local]))[0]?.source_id;

const LATER: FixtureReport[] = [
  {
    key: 'late-sohr', title: 'Monitor revises Maskanah toll', published: '2016-05-05', url: 'https://later.example/1',
    text: 'SOHR said on Thursday that the toll of the air raid on the vegetable market of Maskanah in the Aleppo countryside had risen to five civilians.',
    sources: [['SOHR', 'organisation', [], 'SOHR']],
    incident: { type: 'airstrike', date: '2016-05-03', place: 'Maskanah', admin1: 'Aleppo', country: 'Syria', lat: 35.96, lon: 38.03, killed: 5 },
  },
  {
    key: 'late-mcc', title: 'Committee mourns market victims', published: '2016-05-05', url: 'https://later.example/2',
    text: 'The Maskanah Coordination Committee named the civilians killed when the vegetable market of Maskanah in the Aleppo countryside was bombed on Tuesday.',
    sources: [['Maskanah Coordination Committee', 'organisation', [], 'Maskanah Coordination Committee']],
    incident: { type: 'airstrike', date: '2016-05-03', place: 'Maskanah', admin1: 'Aleppo', country: 'Syria', lat: 35.96, lon: 38.03, killed: null },
  },
];

function suite(name: string, open: () => Promise<{ db: Db; cleanup: () => Promise<void> }>) {
  describe(name, () => {
    const made: Array<{ db: Db; cleanup: () => Promise<void> }> = [];
    const fresh = async () => { const s = await open(); made.push(s); return s.db; };
    afterAll(async () => { for (const s of made) { await s.db.close(); await s.cleanup(); } });

    let inc: Db;
    let ids: Record<string, string>;
    beforeAll(async () => {
      inc = await fresh();
      ids = {};
      // one report at a time, linked as it arrives
      for (const r of REPORTS) {
        Object.assign(ids, await storeFixtures(inc, [r]));
        const res = await linkNew(inc);
        expect(res).toMatchObject({ reports: 1, full: false });
      }
    }, 120_000);

    it('reports linked one by one give the same incidents and sources as a full re-link', async () => {
      expect(await countUnlinked(inc)).toBe(0);
      const parts = await partition(inc, ids);
      expect(parts).toEqual([['committee', 'observatory', 'wire'], ['dayton-1', 'dayton-2']]);
      const srcs = await sourcesOf(inc);
      // the acronym found the full name through the stored keys
      expect(srcs.find((s) => s.name === 'Syrian Observatory for Human Rights')).toMatchObject({ reports: 2, aliases: ['SOHR'] });
      const batch = await fresh();
      await storeFixtures(batch);
      await relink(batch);
      expect(await partition(batch, ids)).toEqual(parts);
      expect((await sourcesOf(batch)).map((s) => [s.name, s.reports])).toEqual(srcs.map((s) => [s.name, s.reports]));
      // the incremental records carry the same provenance and contradictions
      const killed = async (db: Db) => (await listIncidents(db)).map((i) => [i.locationName, i.killed, (i.record.contradictions as unknown[]).length, (i.record.origins as string[]).length]).sort();
      expect(await killed(inc)).toEqual(await killed(batch));
    });

    it('linking again with nothing new changes nothing', async () => {
      const before = await partition(inc, ids);
      expect(await linkNew(inc)).toMatchObject({ reports: 0, incidentsTouched: 0 });
      expect(await partition(inc, ids)).toEqual(before);
    });

    it('a later report joins its incident; its source follows the documenters\' source corrections', async () => {
      const sohr = (await listSources(inc)).find((s) => s.name === 'Syrian Observatory for Human Rights')!;
      const mcc = (await listSources(inc)).find((s) => s.name === 'Maskanah Coordination Committee')!;
      await mergeSources(inc, [sohr.id, mcc.id], { by: 'documenter', name: 'Observatory network' });
      const split = await splitSource(inc, sohr.id, { by: 'documenter', names: ['SOHR'] });
      Object.assign(ids, await storeFixtures(inc, LATER));
      const res = await linkNew(inc);
      expect(res).toMatchObject({ reports: 2, incidentsCreated: 0, incidentsTouched: 1 });
      expect(await partition(inc, ids)).toEqual([['committee', 'late-mcc', 'late-sohr', 'observatory', 'wire'], ['dayton-1', 'dayton-2']]);
      // "SOHR" goes to the source split out, not to the network it was split from
      expect(await sourceOfReport(inc, ids['late-sohr'])).toBe(split.sources[1]);
      // the committee's name is an alias of the merged, renamed source
      expect(await sourceOfReport(inc, ids['late-mcc'])).toBe(sohr.id);
      expect((await listSources(inc)).find((s) => s.id === sohr.id)).toMatchObject({ name: 'Observatory network', reports: 3 });
      const mk = (await listIncidents(inc)).find((i) => i.locationName === 'Maskanah')!;
      expect(mk.killed).toMatchObject({ min: 3, max: 5 });
      // a full re-link agrees
      await relink(inc);
      expect(await sourceOfReport(inc, ids['late-sohr'])).not.toBe(await sourceOfReport(inc, ids['late-mcc']));
      expect(await partition(inc, ids)).toEqual([['committee', 'late-mcc', 'late-sohr', 'observatory', 'wire'], ['dayton-1', 'dayton-2']]);
    });

    it('a store linked without a saved state (before migration 002) is linked in full once', async () => {
      const db = await fresh();
      const ids2 = await storeFixtures(db);
      await relink(db);
      await db.exec('DELETE FROM link_state');
      await db.query(`UPDATE reports SET linked = false WHERE id = $1`, [ids2.wire]);
      const res = await linkNew(db);
      expect(res.full).toBe(true);
      expect(await partition(db, ids2)).toEqual([['committee', 'observatory', 'wire'], ['dayton-1', 'dayton-2']]);
      expect(await linkNew(db)).toMatchObject({ reports: 0, full: false });
    });
  });
}

suite('incremental linking on PGlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-inc-'));
  return { db: await openStore({ dir }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

if (server) {
  suite('incremental linking on the PostgreSQL server', async () => {
    const schema = `corroborate_inc_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    return {
      db: await openStore({ url: PG_URL, schema }),
      cleanup: () => dropPgSchema(schema),
    };
  });
}
