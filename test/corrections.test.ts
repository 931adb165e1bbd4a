/**
 * A documenter's corrections (src/jobs/corrections.ts): merge / split sources and incidents,
 * stored with who and why, applied at once, kept through a full re-link, withdrawn. The same
 * suite runs on embedded PGlite and on the PostgreSQL server (a fresh schema, dropped after;
 * skipped with a warning when no server answers).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relink } from '../src/jobs/case-file.js';
import { CorrectionError, mergeIncidents, mergeSources, splitIncident, splitSource, withdraw } from '../src/jobs/corrections.js';
import { getIncident, listCorrections, listIncidents, listLinkLog, listSources, openStore, type Db } from '../src/store/index.js';
import { storeFixtures } from './fixtures/link/reports.js';
import { PG_URL, dropPgSchema, pgServerUp } from './support/pg-server.js';

const server = await pgServerUp('corrections.test');

/** incident id → sorted fixture keys of its reports */
async function partition(db: Db, ids: Record<string, string>): Promise<string[][]> {
  const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
  const out: string[][] = [];
  for (const inc of await listIncidents(db)) {
    const d = (await getIncident(db, inc.id))!;
    out.push(d.reports.map((r) => byId[r.id]).sort());
  }
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

const sourceNamed = async (db: Db, name: string) => (await listSources(db)).find((s) => s.name === name || s.aliases.includes(name));

function suite(name: string, open: () => Promise<{ db: Db; cleanup: () => Promise<void> }>) {
  describe(name, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    let ids: Record<string, string>;
    beforeAll(async () => {
      ({ db, cleanup } = await open());
      ids = await storeFixtures(db);
      await relink(db);
    }, 90_000);
    afterAll(async () => { await db?.close(); await cleanup?.(); });

    it('links the fixtures: one Observatory (full name and acronym), two incidents', async () => {
      expect(await partition(db, ids)).toEqual([['committee', 'observatory', 'wire'], ['dayton-1', 'dayton-2']]);
      const sohr = await sourceNamed(db, 'Syrian Observatory for Human Rights');
      expect(sohr?.aliases).toContain('SOHR');
      expect(sohr?.reports).toBe(2);
    });

    it('merges two incidents, keeps them merged through a re-link, then a withdrawal undoes it at the next re-link', async () => {
      const [a, b] = (await listIncidents(db)).map((i) => i.id);
      const r = await mergeIncidents(db, [a, b], { by: 'documenter', why: 'same operation' });
      expect(r.incident).toBe(a);
      expect(await partition(db, ids)).toEqual([['committee', 'dayton-1', 'dayton-2', 'observatory', 'wire']]);
      const [c] = await listCorrections(db);
      expect(c).toMatchObject({ seq: r.correction, kind: 'merge_incidents', by: 'documenter', why: 'same operation', active: true });
      expect((await listLinkLog(db))[0]).toMatchObject({ action: 'merge', by: 'documenter' });
      await relink(db);
      expect(await partition(db, ids)).toHaveLength(1);
      expect(await withdraw(db, r.correction, { by: 'reviewer' })).toBe(true);
      expect(await withdraw(db, r.correction, { by: 'reviewer' })).toBe(false);
      expect(await listCorrections(db)).toEqual([]);
      expect((await listCorrections(db, { all: true }))[0]).toMatchObject({ seq: r.correction, active: false });
      await relink(db);
      expect(await partition(db, ids)).toEqual([['committee', 'observatory', 'wire'], ['dayton-1', 'dayton-2']]);
    });

    it('splits a report out of an incident into a new one; the split holds through a re-link', async () => {
      const mk = (await listIncidents(db)).find((i) => i.locationName === 'Maskanah')!;
      const r = await splitIncident(db, mk.id, { by: 'documenter', why: 'the committee tells an earlier raid', reports: [ids.committee.slice(0, 20)] });
      expect(r.incidents[0]).toBe(mk.id);
      expect(r.incidents[1]).not.toBe(mk.id);
      expect(await partition(db, ids)).toEqual([['committee'], ['dayton-1', 'dayton-2'], ['observatory', 'wire']]);
      // the split incidents' records are recomputed: the contradiction 3 / 4 killed is gone from both
      const kept = (await getIncident(db, mk.id))!;
      expect(kept.record.killed).toMatchObject({ min: 4, max: 4 });
      await relink(db);
      expect(await partition(db, ids)).toEqual([['committee'], ['dayton-1', 'dayton-2'], ['observatory', 'wire']]);
    });

    it('merges two sources under a new name; kept through a re-link', async () => {
      const sohr = (await sourceNamed(db, 'Syrian Observatory for Human Rights'))!;
      const mcc = (await sourceNamed(db, 'Maskanah Coordination Committee'))!;
      const r = await mergeSources(db, [sohr.id, mcc.id], { by: 'documenter', why: 'test', name: 'Observatory network' });
      expect(r.source).toBe(sohr.id);
      const merged = (await sourceNamed(db, 'Observatory network'))!;
      expect(merged.id).toBe(sohr.id);
      expect(merged.aliases).toEqual(expect.arrayContaining(['Syrian Observatory for Human Rights', 'Maskanah Coordination Committee', 'SOHR']));
      expect(merged.reports).toBe(3);
      expect((await listSources(db)).find((s) => s.id === mcc.id)).toBeUndefined();
      await relink(db);
      const again = (await sourceNamed(db, 'Observatory network'))!;
      expect(again.reports).toBe(3);
    });

    it('splits an alias out of a source into a new source; kept through a re-link', async () => {
      const net = (await sourceNamed(db, 'Observatory network'))!;
      const r = await splitSource(db, net.id, { by: 'documenter', names: ['SOHR'] });
      expect(r.sources[0]).toBe(net.id);
      const moved = (await listSources(db)).find((s) => s.id === r.sources[1])!;
      expect(moved).toMatchObject({ name: 'SOHR', reports: 1 });
      expect((await listSources(db)).find((s) => s.id === net.id)!.aliases).not.toContain('SOHR');
      await relink(db);
      const after = await listSources(db);
      const sohr = after.find((s) => s.name === 'SOHR' || s.aliases.includes('SOHR'))!;
      expect(sohr.name).toBe('SOHR');
      expect(sohr.aliases).not.toContain('Syrian Observatory for Human Rights');
    });

    it('refuses bad corrections with a message naming the input', async () => {
      await expect(mergeIncidents(db, ['incident:nope', 'incident:nope2'], { by: 'd' })).rejects.toThrow(/no incident "incident:nope"/);
      await expect(mergeIncidents(db, ['incident:1'], { by: 'd' })).rejects.toThrow(CorrectionError);
      await expect(mergeSources(db, ['src:a', 'src:a'], { by: 'd' })).rejects.toThrow(/at least 2 different/);
      const net = (await sourceNamed(db, 'Observatory network'))!;
      await expect(splitSource(db, net.id, { by: 'd', names: ['Nobody'] })).rejects.toThrow(/no report names it "Nobody"/);
      await expect(splitSource(db, net.id, { by: 'd', names: ['Syrian Observatory for Human Rights', 'Maskanah Coordination Committee'] })).rejects.toThrow(/nothing would remain/);
      const dayton = (await listIncidents(db)).find((i) => i.locationName === 'Dayton')!;
      await expect(splitIncident(db, dayton.id, { by: 'd', reports: [ids.observatory] })).rejects.toThrow(/not one of its reports/);
      await expect(splitIncident(db, dayton.id, { by: 'd', reports: [ids['dayton-1'], ids['dayton-2']] })).rejects.toThrow(/nothing would remain/);
      await expect(mergeIncidents(db, [dayton.id, dayton.id + 'x'], { by: ' ' })).rejects.toThrow(/who makes it/);
      await expect(withdraw(db, 0, { by: 'd' })).rejects.toThrow(/not a correction number/);
      // nothing was stored by the refused ones
      expect((await listCorrections(db, { all: true })).map((c) => c.kind)).toEqual(['merge_incidents', 'split_incident', 'merge_sources', 'split_source']);
    });
  });
}

suite('corrections on PGlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-corr-'));
  return { db: await openStore({ dir }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

if (server) {
  suite('corrections on the PostgreSQL server', async () => {
    const schema = `corroborate_corr_${process.pid}_${Date.now().toString(36)}`;
    return {
      db: await openStore({ url: PG_URL, schema }),
      cleanup: () => dropPgSchema(schema),
    };
  });
}
