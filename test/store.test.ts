/**
 * The case-file store: the same suite runs on embedded PGlite (a temp data directory) and on the
 * PostgreSQL server (a fresh schema per run, dropped after). When no server answers, that
 * variant is skipped with a warning, never silently.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractionSchema, type Extraction, type IncidentMention } from '../src/model/schema.js';
import {
  addCorrection, getIncident, getReport, listCorrections, listIncidents, listLinkLog, listReports, listSources,
  logLink, markFailed, migrate, openStore, putReport, revertLink, saveExtraction, saveIncidents, saveSources,
  searchClaims, searchIncidents, searchReports, searchSourcesFuzzy, storeReport, storeReports, unlinkedMentions, verifyArchive, withdrawCorrection,
  type Db, type IncidentRecord, type StoreOptions,
} from '../src/store/index.js';
import { MIGRATIONS } from '../src/store/migrations/index.js';
import { PG_URL, dropPgSchema, pgServerUp } from './support/pg-server.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const CHILD = join(HERE, 'fixtures/store/ingest-child.mjs');
const serverUp = await pgServerUp('store.test');

const sha = (b: Buffer) => 'sha256:' + createHash('sha256').update(b).digest('hex');
const utf8 = (s: string) => Buffer.from(s, 'utf8');

// --- fixtures: short reports in the style of monitor / local news reports --------------------

function spanOf(text: string, s: string, from = 0) {
  const start = text.indexOf(s, from);
  if (start < 0) throw new Error(`fixture: "${s}" not in text`);
  return { start, end: start + s.length, text: s };
}

interface MentionSpec {
  id: string;
  type: IncidentMention['type'];
  date: string | null;
  place: string;
  lat: number | null;
  lon: number | null;
  killed?: number;
}

function makeExtraction(text: string, opts: { title?: string; published?: string; mentions?: MentionSpec[] } = {}): Extraction {
  const ex: Extraction = {
    report: { id: sha(utf8(text)), title: opts.title ?? null, published: opts.published ?? null, language: 'en', text },
    sources: [
      { id: 's1', name: 'Syrian Observatory for Human Rights', aliases: ['SOHR'], kind: 'organisation' },
      { id: 's2', name: 'local activists', aliases: [], kind: 'anonymous' },
    ],
    claims: [
      { id: 'c1', source: 's1', sourceSpan: spanOf(text, text.split(' ')[0]), cue: null, content: spanOf(text, text), quote: 'indirect', hedges: [], via: null },
      { id: 'c2', source: 's2', sourceSpan: null, cue: null, content: spanOf(text, text.slice(10, 40)), quote: 'none', hedges: [spanOf(text, text.slice(10, 14))], via: 'c1' },
    ],
    citations: [{ from: 's1', to: 's2', evidence: spanOf(text, text.slice(0, 20)) }],
    incidents: (opts.mentions ?? []).map((m) => ({
      id: m.id, type: m.type, method: null,
      date: { start: m.date, end: m.date, precision: m.date ? 'day' : 'unknown', text: null },
      location: { name: m.place, country: 'Syria', admin1: null, lat: m.lat, lon: m.lon, precision: 'city', text: m.place },
      perpetrators: [], victims: [], killed: m.killed == null ? null : { min: m.killed, max: m.killed }, injured: null,
      weapons: [], evidence: [spanOf(text, text.slice(0, 12))], claims: ['c1'],
    })),
  };
  ExtractionSchema.parse(ex); // the fixture itself must honour the output contract
  return ex;
}

const REPORT_A = 'Activists said shelling hit the checkpoint near the grain silos of Tabqa on Friday, killing three fighters.';
const REPORT_B = 'The monitor reported that an airstrike on a market in Raqqa killed seven civilians, citing local sources.';
const REPORT_C = 'A man was shot dead outside a pharmacy in Springfield late on Saturday, police said.';

// --- the suite ---------------------------------------------------------------------------------

interface Target {
  open(): Promise<Db>;
  /** what the crash child passes to openStore */
  spec: StoreOptions;
  cleanup(): Promise<void>;
  /** PGlite: one process at a time on a data directory */
  exclusive: boolean;
}

function storeSuite(name: string, target: () => Target) {
  describe(name, () => {
    let t: Target;
    let db: Db;
    beforeAll(async () => {
      t = target();
      db = await t.open();
    }, 90_000);
    afterAll(async () => {
      await db?.close();
      await t?.cleanup();
    }, 30_000);

    it('migrations are versioned and idempotent, atomic, and refuse a newer store', async () => {
      const again = await migrate(db);
      expect(again.applied).toEqual([]);
      const known = MIGRATIONS.map((m) => m.version);
      expect(again.current).toBe(known[known.length - 1]);
      const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(known);
      // a broken migration rolls back entirely
      await expect(migrate(db, [...MIGRATIONS, { version: 999, name: 'broken', sql: 'CREATE TABLE t_ok (x int); SELECT no_such_fn();' }])).rejects.toThrow();
      expect((await db.query("SELECT 1 FROM schema_migrations WHERE version = 999")).length).toBe(0);
      expect((await db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 't_ok'")).length).toBe(0);
      // a binary that knows fewer migrations than the store has must not touch it
      await expect(migrate(db, [])).rejects.toThrow(/newer/);
    });

    it('keeps reports byte for byte, addressed by sha256 of the bytes', async () => {
      const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
      const samples = [
        all,
        Buffer.from([0xff, 0xfe, 0x41, 0x00, 0xc3, 0x28, 0x0d, 0x0a, 0x00]), // UTF-16 BOM, invalid UTF-8, CRLF, NUL
        Buffer.from('caf\xe9 in Latin-1, not UTF-8', 'latin1'),
        utf8('Ar-Raqqah / الرقة — “quoted” \u{1F4F0}\r\n'),
        randomBytes(300_000),
        Buffer.alloc(0),
      ];
      for (const raw of samples) {
        const put = await putReport(db, { raw, by: 'tester', from: '/inbox/x.bin' });
        expect(put.id).toBe(sha(raw));
        const back = await getReport(db, put.id);
        expect(back).not.toBeNull();
        expect(Buffer.isBuffer(back!.raw)).toBe(true);
        expect(back!.raw.equals(raw)).toBe(true);
        expect(back!.byteSize).toBe(raw.length);
      }
      // a Uint8Array view into a bigger buffer stores only its own bytes
      const big = Buffer.from('xxABCDEFyy');
      const view = new Uint8Array(big.buffer, big.byteOffset + 2, 6);
      const put = await putReport(db, { raw: view });
      expect((await getReport(db, put.id))!.raw.toString()).toBe('ABCDEF');
    });

    it('re-adding the same bytes is a no-op that says so and is logged', async () => {
      const raw = utf8(REPORT_A);
      const first = await putReport(db, { raw, by: 'amal', from: '/reports/a.txt', externalId: 'a-1', title: 'Shelling in Tabqa', published: '2016-03-04' });
      expect(first).toEqual({ id: sha(raw), added: true, status: 'pending' });
      const second = await putReport(db, { raw: Buffer.from(raw), by: 'omar', from: 'https://example.org/a', externalId: 'a-2' });
      expect(second).toEqual({ id: first.id, added: false, status: 'pending' });
      expect((await db.query('SELECT 1 FROM reports WHERE id = $1', [first.id])).length).toBe(1);
      const r = await getReport(db, first.id);
      expect(r!.externalId).toBe('a-1'); // the first filing is kept
      expect(r!.published).toBe('2016-03-04');
      expect(r!.custody.map((c) => [c.action, c.by, c.from])).toEqual([
        ['added', 'amal', '/reports/a.txt'],
        ['re-added', 'omar', 'https://example.org/a'],
      ]);
      expect(r!.custody[1].note).toMatch(/a-2/);
      expect(r!.custody.every((c) => c.sha256 === first.id.slice(7) && !Number.isNaN(Date.parse(c.at)))).toBe(true);

      // extraction saved once; a second ingest of the same bytes changes nothing
      const ex = makeExtraction(REPORT_A, { mentions: [{ id: 'm1', type: 'shelling', date: '2016-03-04', place: 'Tabqa', lat: 35.84, lon: 38.55, killed: 3 }] });
      const s1 = await storeReport(db, { raw, by: 'amal' }, { extraction: ex });
      expect(s1.saved).toBe('ok');
      const s2 = await storeReport(db, { raw, by: 'amal' }, { extraction: makeExtraction(REPORT_A) });
      expect(s2).toMatchObject({ added: false, status: 'ok', saved: 'unchanged' });
      expect((await db.query('SELECT id FROM incident_mentions WHERE report_id = $1', [first.id])).length).toBe(1);
      // nor does a later failure overwrite a good extraction
      const s3 = await storeReport(db, { raw }, { error: 'boom' });
      expect(s3.saved).toBe('unchanged');
      expect((await getReport(db, first.id))!.status).toBe('ok');
    });

    it('saves an extraction idempotently and gives it back whole', async () => {
      const raw = utf8(REPORT_B);
      const { id } = await putReport(db, { raw, by: 'amal' });
      const ex = makeExtraction(REPORT_B, { title: 'Airstrike on Raqqa market', published: '2016-03-02', mentions: [{ id: 'm1', type: 'airstrike', date: '2016-03-01', place: 'Raqqa', lat: 35.95, lon: 39.01, killed: 7 }] });
      await saveExtraction(db, id, ex);
      await saveExtraction(db, id, ex);
      const count = async (table: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE report_id = $1`, [id]))[0].n;
      expect(await count('claims')).toBe(2);
      expect(await count('citations')).toBe(1);
      expect(await count('report_sources')).toBe(2);
      expect(await count('incident_mentions')).toBe(1);
      const back = await getReport(db, id);
      expect(back!.status).toBe('ok');
      expect(back!.extraction).toEqual(ex);
      expect(back!.text).toBe(REPORT_B);
      expect(back!.extractorVersion).toMatch(/^corroborate@/);
      // a new extraction with fewer claims replaces, never accumulates
      const fewer = { ...ex, claims: ex.claims.slice(0, 1), citations: [] };
      await saveExtraction(db, id, fewer);
      expect(await count('claims')).toBe(1);
      expect(await count('citations')).toBe(0);
      // unknown report: refused, nothing written
      const ghost = 'sha256:' + '0'.repeat(64);
      await expect(saveExtraction(db, ghost, ex)).rejects.toThrow(/no report/);
      expect((await db.query('SELECT 1 FROM claims WHERE report_id = $1', [ghost])).length).toBe(0);
    });

    it('stores a batch in one transaction: all or nothing', async () => {
      const texts = ['Batch report one: a car bomb exploded near the market.', 'Batch report two: gunmen opened fire at a checkpoint.'];
      const good = texts.map((t) => ({ input: { raw: utf8(t), by: 'batcher' }, outcome: { extraction: makeExtraction(t) } }));
      const broken = makeExtraction('Batch report three: a claim id used twice breaks the extraction.');
      broken.claims[1] = { ...broken.claims[1], id: broken.claims[0].id }; // duplicate key: the save must fail
      const bad = { input: { raw: utf8(broken.report.text), by: 'batcher' }, outcome: { extraction: broken } };
      await expect(storeReports(db, [...good, bad])).rejects.toThrow();
      const ids = [...texts, broken.report.text].map((t) => sha(utf8(t)));
      expect((await db.query('SELECT 1 FROM reports WHERE id = ANY($1::text[])', [ids])).length).toBe(0);
      expect((await db.query('SELECT 1 FROM custody WHERE report_id = ANY($1::text[])', [ids])).length).toBe(0);
      const ok = await storeReports(db, good);
      expect(ok.map((r) => [r.added, r.saved])).toEqual([[true, 'ok'], [true, 'ok']]);
      expect(await storeReports(db, [])).toEqual([]);
    });

    it('keeps and marks a report that fails to parse', async () => {
      const raw = Buffer.from('<html><body><nav>Home | Login</nav>\xff\xfe</body></html>', 'latin1');
      const r = await storeReport(db, { raw, by: 'amal', from: '/inbox/broken.html', externalId: 'broken-1' }, { error: 'no article text found in HTML' });
      expect(r).toMatchObject({ added: true, status: 'failed', saved: 'failed' });
      const back = await getReport(db, r.id);
      expect(back!.status).toBe('failed');
      expect(back!.error).toBe('no article text found in HTML');
      expect(back!.raw.equals(raw)).toBe(true);
      expect(back!.custody[0]).toMatchObject({ action: 'added', by: 'amal', from: '/inbox/broken.html' });
      const failed = await listReports(db, { status: 'failed' });
      expect(failed.map((x) => x.id)).toContain(r.id);
      expect(await markFailed(db, 'sha256:' + 'f'.repeat(64), 'x')).toBe(false);
      // a later successful extraction clears the failure
      const later = await storeReport(db, { raw }, { extraction: makeExtraction('A later reading of the page found the article text in it.') }, { reextract: true });
      expect(later.saved).toBe('ok');
      expect((await getReport(db, r.id))!.error).toBeNull();
    });

    it('verify re-hashes the archive and reports a changed byte', async () => {
      const raw = utf8('Local sources said two children were wounded by sniper fire in Deir ez-Zor on Monday.');
      const { id } = await putReport(db, { raw, by: 'amal' });
      const before = await verifyArchive(db, { by: 'auditor' });
      expect(before.find((v) => v.id === id)).toEqual({ id, ok: true, expected: id, actual: id });
      // tamper with one byte behind the archive's back
      await db.query('UPDATE reports SET raw = set_byte(raw, 5, (get_byte(raw, 5) + 1) % 256) WHERE id = $1', [id]);
      const after = await verifyArchive(db, { by: 'auditor', batch: 3 });
      const bad = after.filter((v) => !v.ok);
      expect(bad.map((v) => v.id)).toEqual([id]);
      expect(bad[0].actual).not.toBe(id);
      expect(bad[0].actual).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(after.length).toBe(before.length); // every report checked, in batches
      const custody = (await getReport(db, id))!.custody;
      expect(custody.at(-1)).toMatchObject({ action: 'verify-failed', by: 'auditor' });
      expect(custody.at(-2)).toMatchObject({ action: 'verified', by: 'auditor' });
      // the custody log is append-only
      await expect(db.query('UPDATE custody SET by = $1 WHERE report_id = $2', ['mallory', id])).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM custody WHERE report_id = $1', [id])).rejects.toThrow(/append-only/);
    });

    it('searches reports and claims by full text', async () => {
      const { id } = await putReport(db, { raw: utf8(REPORT_C), title: 'Man shot outside pharmacy' });
      await saveExtraction(db, id, makeExtraction(REPORT_C, { title: 'Man shot outside pharmacy' }));
      const hits = await searchReports(db, 'pharmacies Springfield');
      expect(hits.map((h) => h.id)).toEqual([id]); // stemmed: pharmacies ~ pharmacy
      expect(hits[0].snippet).toMatch(/«pharmacy»/);
      expect((await searchReports(db, 'checkpoint silos')).map((h) => h.id)).toEqual([sha(utf8(REPORT_A))]);
      expect((await searchReports(db, '"grain silos" -airstrike')).length).toBe(1);
      expect(await searchReports(db, 'helicopter')).toEqual([]);
      expect(await searchReports(db, '   ')).toEqual([]);
      // query syntax characters are harmless
      await expect(searchReports(db, "'); DROP TABLE reports; -- & | ! :*")).resolves.toBeInstanceOf(Array);
      expect((await db.query('SELECT 1 FROM reports LIMIT 1')).length).toBe(1);
      const claims = await searchClaims(db, 'airstrike market');
      expect(claims.length).toBeGreaterThan(0);
      expect(claims[0]).toMatchObject({ reportId: sha(utf8(REPORT_B)), sourceName: 'Syrian Observatory for Human Rights' });
    });

    it('finds sources by fuzzy name and alias (pg_trgm)', async () => {
      await saveSources(db, [
        { id: 'src:sohr', name: 'Syrian Observatory for Human Rights', kind: 'organisation', aliases: ['SOHR', 'SyriaHR'] },
        { id: 'src:rbss', name: 'Raqqa is Being Slaughtered Silently', kind: 'organisation', aliases: ['RBSS', 'RIBSS'] },
        { id: 'src:toi', name: 'Times of India', kind: 'media', aliases: [] },
      ], [{ reportId: sha(utf8(REPORT_B)), localId: 's1', sourceId: 'src:sohr' }]);
      const obs = await searchSourcesFuzzy(db, 'Syrian Observatory of Human Right');
      expect(obs[0]).toMatchObject({ id: 'src:sohr' });
      expect(obs[0].similarity).toBeGreaterThan(0.5);
      expect((await searchSourcesFuzzy(db, 'Raqqa Is Being Slaughterd Silently'))[0].id).toBe('src:rbss');
      expect((await searchSourcesFuzzy(db, 'SyriaHR'))[0]).toMatchObject({ id: 'src:sohr', matched: 'SyriaHR' });
      expect(await searchSourcesFuzzy(db, 'Qwxz Jkvb')).toEqual([]);
      expect(await searchSourcesFuzzy(db, '')).toEqual([]);
      const sources = await listSources(db);
      expect(sources[0]).toMatchObject({ id: 'src:sohr', reports: 1 });
      expect(sources.find((s) => s.id === 'src:toi')).toMatchObject({ reports: 0, aliases: [] });
      // the whole table replaced: gone sources disappear, their report links are cleared
      await saveSources(db, [{ id: 'src:toi', name: 'Times of India', kind: 'media', aliases: ['TOI'] }], [], { replace: true });
      expect((await listSources(db)).map((s) => s.id)).toEqual(['src:toi']);
      expect((await db.query('SELECT 1 FROM report_sources WHERE source_id IS NOT NULL')).length).toBe(0);
    });

    it('stores incidents and filters them by text, type, date range and distance', async () => {
      // four reports, one mention each, about places a few km to thousands of km apart
      const texts = {
        tabqa: 'Shelling struck the old bridge of Tabqa on 2 March, local activists reported to the monitor.',
        raqqa: 'An airstrike destroyed a bakery in Raqqa on 10 March, residents told the monitor by phone.',
        raqqa2: 'Residents in Raqqa said the bakery strike of 10 March buried a family under the rubble.',
        aleppo: 'Gunmen abducted a school teacher in Aleppo in early April, according to his brother.',
      };
      const ids: Record<string, string> = {};
      const specs: Record<string, MentionSpec> = {
        tabqa: { id: 'm1', type: 'shelling', date: '2016-03-02', place: 'Tabqa', lat: 35.836, lon: 38.548, killed: 0 },
        raqqa: { id: 'm1', type: 'airstrike', date: '2016-03-10', place: 'Raqqa', lat: 35.95, lon: 39.01, killed: 4 },
        raqqa2: { id: 'm1', type: 'airstrike', date: '2016-03-10', place: 'Raqqa', lat: 35.951, lon: 39.012, killed: 5 },
        aleppo: { id: 'm1', type: 'abduction', date: null, place: 'Aleppo', lat: 36.2, lon: 37.16 },
      };
      for (const [k, text] of Object.entries(texts)) {
        const r = await storeReport(db, { raw: utf8(text), externalId: `inc-${k}` }, { extraction: makeExtraction(text, { mentions: [specs[k]] }) });
        ids[k] = r.id;
      }
      const inc = (id: string, type: string, start: string | null, end: string | null, name: string, lat: number, lon: number, members: string[], extra: Record<string, unknown> = {}): IncidentRecord => ({
        id, type, date: { start, end }, location: { name, country: 'Syria', lat, lon }, killed: null, injured: null,
        members: members.map((k) => ({ reportId: ids[k], mentionId: 'm1', score: 0.9 })), ...extra,
      });
      await saveIncidents(db, [
        inc('inc:tabqa', 'shelling', '2016-03-02', '2016-03-02', 'Tabqa', 35.836, 38.548, ['tabqa'], { perpetrators: [{ name: null, group: 'regime artillery', text: 'artillery' }] }),
        { ...inc('inc:raqqa', 'airstrike', '2016-03-10', '2016-03-10', 'Raqqa', 35.95, 39.01, ['raqqa', 'raqqa2']), killed: { min: 4, max: 5 },
          contradictions: [{ field: 'killed', values: [{ value: 4, sources: ['a'] }, { value: 5, sources: ['b'] }] }] },
        inc('inc:aleppo', 'abduction', '2016-04-01', '2016-04-10', 'Aleppo', 36.2, 37.16, ['aleppo']),
      ]);
      const ids_ = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
      expect(ids_(await listIncidents(db))).toEqual(['inc:aleppo', 'inc:raqqa', 'inc:tabqa']);
      expect(ids_(await listIncidents(db, { type: 'airstrike' }))).toEqual(['inc:raqqa']);
      // date intervals overlap the range
      expect(ids_(await listIncidents(db, { from: '2016-03-05', to: '2016-03-31' }))).toEqual(['inc:raqqa']);
      expect(ids_(await listIncidents(db, { from: '2016-04-05' }))).toEqual(['inc:aleppo']);
      expect(ids_(await listIncidents(db, { to: '2016-03-02' }))).toEqual(['inc:tabqa']);
      expect(await listIncidents(db, { from: '2017-01-01' })).toEqual([]);
      // near: Raqqa city centre; Tabqa is ~45 km west, Aleppo ~160 km
      const near = await listIncidents(db, { near: { lat: 35.95, lon: 39.0, km: 10 } });
      expect(ids_(near)).toEqual(['inc:raqqa']);
      expect(near[0].km).toBeLessThan(2);
      const near60 = await listIncidents(db, { near: { lat: 35.95, lon: 39.0, km: 60 } });
      expect(near60.map((x) => x.id)).toEqual(['inc:raqqa', 'inc:tabqa']); // nearest first
      expect(ids_(await listIncidents(db, { near: { lat: 35.95, lon: 39.0, km: 200 } }))).toEqual(['inc:aleppo', 'inc:raqqa', 'inc:tabqa']);
      // text: the incident's own fields, or the text of any of its reports
      expect(ids_(await listIncidents(db, { q: 'artillery' }))).toEqual(['inc:tabqa']);
      expect(ids_(await listIncidents(db, { q: 'rubble' }))).toEqual(['inc:raqqa']);
      expect(ids_(await listIncidents(db, { q: 'bakery', type: 'shelling' }))).toEqual([]);
      const raqqa = (await listIncidents(db, { type: 'airstrike' }))[0];
      expect(raqqa).toMatchObject({ reports: 2, killed: { min: 4, max: 5 }, injured: null, dateStart: '2016-03-10' });
      // bad filters are refused, not guessed
      await expect(listIncidents(db, { from: 'last week' })).rejects.toThrow(/date/);
      await expect(listIncidents(db, { near: { lat: 95, lon: 0, km: 5 } })).rejects.toThrow(/lat/);

      const detail = await getIncident(db, 'inc:raqqa');
      expect(detail!.reports.map((r) => r.id).sort()).toEqual([ids.raqqa, ids.raqqa2].sort());
      expect(detail!.members).toHaveLength(2);
      expect(detail!.record.contradictions).toEqual([{ field: 'killed', values: [{ value: 4, sources: ['a'] }, { value: 5, sources: ['b'] }] }]);
      expect(await getIncident(db, 'inc:none')).toBeNull();

      // incremental: split the Raqqa incident in two, then revert the split from the log
      const before = [{ incidentId: 'inc:raqqa', members: [{ reportId: ids.raqqa, mentionId: 'm1' }, { reportId: ids.raqqa2, mentionId: 'm1' }] }];
      await saveIncidents(db, [inc('inc:raqqa-b', 'airstrike', '2016-03-10', '2016-03-10', 'Raqqa', 35.95, 39.01, ['raqqa2'])], { replace: false });
      expect((await getIncident(db, 'inc:raqqa'))!.members).toHaveLength(1);
      const seq = await logLink(db, { action: 'split', by: 'amal', why: 'two different bakeries', incidentIds: ['inc:raqqa', 'inc:raqqa-b'], before,
        after: [{ incidentId: 'inc:raqqa', members: [before[0].members[0]] }, { incidentId: 'inc:raqqa-b', members: [before[0].members[1]] }] });
      const rev = await revertLink(db, seq, 'omar', 'same bakery after all');
      expect((await getIncident(db, 'inc:raqqa'))!.members).toHaveLength(2);
      expect(await getIncident(db, 'inc:raqqa-b')).toBeNull();
      const log = await listLinkLog(db, { incidentId: 'inc:raqqa' });
      expect(log.map((e) => [e.seq, e.action, e.by])).toEqual([[rev, 'revert', 'omar'], [seq, 'split', 'amal']]);
      expect(log[1].revertedBy).toBe(rev);
      await expect(revertLink(db, seq, 'omar')).rejects.toThrow(/already reverted/);

      // replace the linked view: what is not given is gone, its mentions become unlinked
      await saveIncidents(db, [inc('inc:tabqa', 'shelling', '2016-03-02', '2016-03-02', 'Tabqa', 35.836, 38.548, ['tabqa'])]);
      expect(ids_(await listIncidents(db))).toEqual(['inc:tabqa']);
      const unlinked = await unlinkedMentions(db);
      expect(unlinked.map((u) => u.reportId)).toEqual(expect.arrayContaining([ids.raqqa, ids.raqqa2, ids.aleppo]));
      expect(unlinked.map((u) => u.reportId)).not.toContain(ids.tabqa);
      // a member naming a mention that does not exist is refused (and nothing is half-written)
      await expect(saveIncidents(db, [{ ...inc('inc:ghost', 'shooting', null, null, 'Nowhere', 0, 0, []), members: [{ reportId: ids.tabqa, mentionId: 'm404' }] }])).rejects.toThrow();
      expect(ids_(await listIncidents(db))).toEqual(['inc:tabqa']);
    });

    it('keeps documenter corrections apart from the linked view', async () => {
      const a = await addCorrection(db, { kind: 'merge_sources', payload: { ids: ['src:rbss', 'src:ribss'] }, by: 'amal', why: 'same group' });
      const b = await addCorrection(db, { kind: 'split_source', payload: { id: 'src:police', names: ['Raqqa police', 'Aleppo police'] }, by: 'amal' });
      await saveIncidents(db, []); // a re-link replaces incidents; corrections stay
      expect((await listCorrections(db)).map((c) => c.seq)).toEqual([a, b]);
      expect(await withdrawCorrection(db, a, 'omar')).toBe(true);
      expect(await withdrawCorrection(db, a, 'omar')).toBe(false);
      expect((await listCorrections(db)).map((c) => c.seq)).toEqual([b]);
      expect((await listCorrections(db, { all: true })).map((c) => [c.seq, c.active])).toEqual([[a, false], [b, true]]);
      await expect(addCorrection(db, { kind: 'rename' as never, payload: {}, by: 'x' })).rejects.toThrow();
    });

    it('counts with no upper bound and approximate counts: columns, lists and records; two-number records as before', async () => {
      const rec = (id: string, killed: IncidentRecord['killed'], injured: IncidentRecord['injured']): IncidentRecord => ({
        id, type: 'shelling', date: { start: '2016-03-02', end: '2016-03-02' }, location: { name: 'Tabqa', country: 'Syria', lat: 35.836, lon: 38.548 },
        killed, injured, members: [],
      });
      await saveIncidents(db, [rec('inc:open', { min: 12, max: null }, { min: 20, max: 20, approximate: true }), rec('inc:old', { min: 3, max: 4 }, null)]);
      const [cols] = await db.query<{ killed_min: number | null; killed_max: number | null }>("SELECT killed_min, killed_max FROM incidents WHERE id = 'inc:open'");
      expect(cols).toEqual({ killed_min: 12, killed_max: null });
      for (const items of [await listIncidents(db), (await searchIncidents(db, {})).items]) {
        const byId = new Map(items.map((x) => [x.id, x]));
        expect(byId.get('inc:open')!.killed).toEqual({ min: 12, max: null });
        expect(byId.get('inc:open')!.injured).toEqual({ min: 20, max: 20, approximate: true });
        expect(byId.get('inc:old')!.killed).toEqual({ min: 3, max: 4 });
        expect(byId.get('inc:old')!.injured).toBeNull();
      }
      expect((await getIncident(db, 'inc:open'))!.record.killed).toEqual({ min: 12, max: null });
      await saveIncidents(db, []);
    });

    it('refuses bad input', async () => {
      await expect(putReport(db, { raw: 'text' as unknown as Buffer })).rejects.toThrow(TypeError);
      await expect(putReport(db, { raw: null as unknown as Buffer })).rejects.toThrow(TypeError);
      // an unparseable publication date is not guessed: the raw bytes keep whatever it was
      const p = await putReport(db, { raw: utf8('dated oddly'), published: 'Thursday-ish' });
      expect((await getReport(db, p.id))!.published).toBeNull();
      const p2 = await putReport(db, { raw: utf8('dated impossibly'), published: '2016-02-30' });
      expect((await getReport(db, p2.id))!.published).toBeNull();
      await expect(openStore({ ...t.spec, schema: 'Robert"); DROP' })).rejects.toThrow(/schema/);
    });

    it('survives kill -9 mid-ingest: nothing lost, nothing duplicated', async () => {
      const childDist = join(ROOT, 'dist/src/store/index.js');
      if (!existsSync(childDist)) throw new Error(`crash test needs the build: run "npm run build" first (${childDist} missing)`);
      const N = 400;
      const prefix = `crash${process.pid}`;
      if (t.exclusive) await db.close(); // a PGlite directory is one process's at a time
      const killedAt = await runChild(t.spec, N, prefix, 25);
      expect(killedAt.signal).toBe('SIGKILL');
      expect(killedAt.stored).toBeLessThan(N);
      const rerun = await runChild(t.spec, N, prefix, null);
      expect(rerun.code).toBe(0);
      if (t.exclusive) db = await t.open();
      const [c] = await db.query<{ reports: number; ok: number; failed: number; ext: number }>(
        `SELECT count(*)::int AS reports, count(*) FILTER (WHERE status = 'ok')::int AS ok,
           count(*) FILTER (WHERE status = 'failed')::int AS failed, count(DISTINCT external_id)::int AS ext
         FROM reports WHERE external_id LIKE $1`, [`${prefix}-%`]);
      expect(c).toEqual({ reports: N, ok: N - N / 10, failed: N / 10, ext: N });
      const rows = async (sql: string) => (await db.query<{ n: number }>(sql, [`${prefix}-%`]))[0].n;
      expect(await rows(`SELECT count(*)::int AS n FROM claims c JOIN reports r ON r.id = c.report_id WHERE r.external_id LIKE $1`)).toBe(3 * (N - N / 10));
      expect(await rows(`SELECT count(*)::int AS n FROM incident_mentions m JOIN reports r ON r.id = m.report_id WHERE r.external_id LIKE $1`)).toBe(N - N / 10);
      expect(await rows(`SELECT count(*)::int AS n FROM reports r WHERE r.external_id LIKE $1 AND status = 'pending'`)).toBe(0);
      // exactly one 'added' per report; the rerun logged the ones it found as re-added
      expect(await rows(`SELECT count(*)::int AS n FROM custody c JOIN reports r ON r.id = c.report_id WHERE r.external_id LIKE $1 AND action = 'added'`)).toBe(N);
      expect(await rows(`SELECT count(*)::int AS n FROM custody c JOIN reports r ON r.id = c.report_id WHERE r.external_id LIKE $1 AND action = 're-added'`)).toBeGreaterThanOrEqual(killedAt.stored);
      const crashIds = new Set((await db.query<{ id: string }>('SELECT id FROM reports WHERE external_id LIKE $1', [`${prefix}-%`])).map((r) => r.id));
      const verified = (await verifyArchive(db, { log: false })).filter((v) => crashIds.has(v.id));
      expect(verified.length).toBe(N);
      expect(verified.every((v) => v.ok)).toBe(true);
    }, 90_000);
  });
}

/** Runs the ingest child; with killAfter, SIGKILLs it once it has stored that many reports. */
function runChild(spec: StoreOptions, n: number, prefix: string, killAfter: number | null): Promise<{ code: number | null; signal: string | null; stored: number }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CHILD, JSON.stringify(spec), String(n), prefix], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stored = 0;
    let buf = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.startsWith('stored ')) stored++;
        if (killAfter !== null && stored >= killAfter && !child.killed) child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code && code !== 0) reject(new Error(`ingest child failed (${code}): ${err}`));
      else resolvePromise({ code, signal, stored });
    });
  });
}

storeSuite('store on PGlite (embedded)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-store-'));
  return {
    spec: { dir },
    exclusive: true,
    open: () => openStore({ dir }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe.skipIf(!serverUp)('PostgreSQL server variant', () => {
  storeSuite(`store on PostgreSQL server (${PG_URL.replace(/:[^:@/]*@/, ':***@')})`, () => {
    const schema = `corroborate_test_${process.pid}_${Date.now().toString(36)}`;
    return {
      spec: { url: PG_URL, schema },
      exclusive: false,
      open: () => openStore({ url: PG_URL, schema }),
      cleanup: () => dropPgSchema(schema),
    };
  });
});
