/**
 * The case file end to end through the BUILT command line (`node dist/src/cli.js`; `npm test`
 * builds first): ingest a small collection (two incidents; one outlet citing a monitor that
 * cites a local committee; a planted contradiction, 3 killed vs 4), ingest it again (a no-op),
 * list and show the incidents, verify the archive, tamper with a byte and verify again.
 * The store lives in a temporary PGlite directory.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getReport, listReports, openStore, putReport } from '../src/store/index.js';

const CLI = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url));
const REPORTS = fileURLToPath(new URL('./fixtures/case-file/reports', import.meta.url));

interface Run { code: number; stdout: string; stderr: string }

function run(args: string[]): Promise<Run> {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { maxBuffer: 64 * 1024 * 1024, env }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

interface IncidentLine {
  id: string;
  type: string;
  date: { start: string | null; end: string | null };
  location: { name: string } | null;
  killed: { min: number; max: number; value: number } | null;
  reports: { id: string; externalId: string | null; title: string | null; published: string | null }[];
  sources: string[];
  origins: string[];
  contradictions: { field: string; values: { value: string; sources: string[] }[] }[];
}

let tmp: string;
let db: string;
let airstrikeId = '';
const jsonl = (s: string) => s.split('\n').filter(Boolean).map((l) => JSON.parse(l) as IncidentLine);

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} not found: build first (npm run build, or npm test which builds)`);
  tmp = mkdtempSync(join(tmpdir(), 'corroborate-case-'));
  db = join(tmp, 'db');
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('corroborate ingest / incidents / show / verify', () => {
  it('ingests a folder recursively: 5 reports added, linked into 2 incidents; a report archived by a crashed run is extracted now', async () => {
    // a run killed after archiving one report but before its extraction leaves it 'pending'
    const store = await openStore({ dir: db });
    try {
      const put = await putReport(store, { raw: readFileSync(join(REPORTS, 'maskanah', 'observatory.txt')), by: 'crashed-run', from: 'observatory.txt' });
      expect(put).toMatchObject({ added: true, status: 'pending' });
    } finally {
      await store.close();
    }
    // two extraction workers: the pool path, with custody in input order
    const r = await run(['ingest', '--db', db, '--by', 'tester', '--no-progress', '--workers', '2', REPORTS]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/5 added, 0 already present, 0 failed/);
    expect(r.stderr).toMatch(/2 incidents/);
  }, 120_000);

  it('re-ingesting the same bytes is a no-op that says so; unreadable reports are kept and marked, a missing path reported', async () => {
    const bad = join(tmp, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'empty.txt'), '');
    writeFileSync(join(bad, 'lines.jsonl'), '{"id":"x1","title":"no text field"}\nnot json at all\n\n');
    const r = await run(['ingest', '--db', db, '--by', 'someone-else', '--no-progress', REPORTS, bad, join(tmp, 'missing.txt')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/0 added, 5 already present, 3 failed \(kept\), 1 unreadable/);
    expect(r.stderr).toMatch(/already in the case file: .*observatory\.txt/);
    expect(r.stderr).toMatch(/skipped .*missing\.txt: no such file/);
    expect(r.stderr).toMatch(/lines\.jsonl:2: not JSON/);
    expect(r.stderr).toMatch(/2 incidents/);
  }, 60_000);

  it('lists 2 incidents in jsonl with their reports, origins and the contradiction', async () => {
    const r = await run(['incidents', '--db', db, '--format', 'jsonl']);
    expect(r.code, r.stderr).toBe(0);
    const incs = jsonl(r.stdout);
    expect(incs).toHaveLength(2);
    const maskanah = incs.find((i) => i.location?.name === 'Maskanah')!;
    const dayton = incs.find((i) => i.location?.name === 'Dayton')!;
    expect(maskanah).toBeDefined();
    airstrikeId = maskanah.id;
    expect(dayton).toBeDefined();
    expect(maskanah.reports).toHaveLength(3);
    expect(dayton.reports).toHaveLength(2);
    // three reports, but they rest on one origin: the monitor says it is "citing the Maskanah
    // Coordination Committee", so the outlet -> monitor -> committee chain ends at the committee
    expect(maskanah.origins).toHaveLength(1);
    expect(maskanah.origins.every((o) => maskanah.sources.includes(o))).toBe(true);
    expect(maskanah.killed).toMatchObject({ min: 3, max: 4 });
    const killed = maskanah.contradictions.find((c) => c.field === 'killed')!;
    expect(killed.values.map((v) => v.value).sort()).toEqual(['3', '4']);
    expect(dayton.contradictions).toEqual([]);
    // the JSONL input's id is kept as the external id, with its title and date
    expect(dayton.reports).toContainEqual(expect.objectContaining({ externalId: 'wire-0612', title: 'Police seek gunman after Dayton bar killing', published: '2016-06-06' }));
    expect(dayton.date.start).toBe('2016-06-04');
  }, 60_000);

  it('filters: --type, --from/--to, --near (together), --q; a bad --near is a usage error', async () => {
    const all = await run(['incidents', '--db', db, '--format', 'jsonl', '--type', 'airstrike', '--from', '2016-05-01', '--to', '2016-05-31', '--near', '36.0,38.0,50']);
    expect(jsonl(all.stdout).map((i) => i.location?.name)).toEqual(['Maskanah']);
    const q = await run(['incidents', '--db', db, '--format', 'jsonl', '--q', 'sedan']);
    expect(jsonl(q.stdout).map((i) => i.location?.name)).toEqual(['Dayton']);
    const bad = await run(['incidents', '--db', db, '--near', '36,north,5']);
    expect(bad.code).toBe(2);
    // --min-origins: the same filter as the API's minOrigins
    const every = jsonl((await run(['incidents', '--db', db, '--format', 'jsonl'])).stdout);
    const two = jsonl((await run(['incidents', '--db', db, '--format', 'jsonl', '--min-origins', '2'])).stdout);
    expect(two.length).toBe(every.filter((i) => i.origins.length >= 2).length);
    expect(two.length).toBeLessThan(every.length);
    // a type that is not one of the vocabulary's is a usage error naming the choices, not an empty list
    const riot = await run(['incidents', '--db', db, '--type', 'riot']);
    expect(riot.code).toBe(2);
    expect(riot.stderr).toMatch(/Allowed choices are killing, execution, shooting/);
  }, 60_000);

  it('show prints a case sheet with the contradiction, the citation chain and the reports', async () => {
    expect(airstrikeId).toBeTruthy();
    const r = await run(['show', '--db', db, airstrikeId]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Contradictions\n-+\nkilled: (4 per Syrian Observatory for Human Rights, 3 per Maskanah Coordination Committee|3 per Maskanah Coordination Committee, 4 per Syrian Observatory for Human Rights)/);
    expect(r.stdout).toMatch(/1 independent origin \(Maskanah Coordination Committee\)/);
    expect(r.stdout).toMatch(/Syrian Observatory for Human Rights -> Maskanah Coordination Committee/);
    expect(r.stdout).toMatch(/Citation chain\n-+\n.*-> Syrian Observatory for Human Rights/);
    expect(r.stdout).toMatch(/Reports \(3\)/);
    expect(r.stdout).toContain('Air raid kills four at Syrian market, monitor says');
    const missing = await run(['show', '--db', db, 'incident:does-not-exist']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no incident/);
  }, 60_000);

  it('sources lists one identity per source', async () => {
    const r = await run(['sources', '--db', db, '--format', 'jsonl']);
    expect(r.code, r.stderr).toBe(0);
    const names = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l).name as string);
    expect(names.filter((n) => n === 'Syrian Observatory for Human Rights')).toHaveLength(1);
    expect(names).toContain('Maskanah Coordination Committee');
  }, 60_000);

  it('verify passes, then fails after one stored byte changed', async () => {
    const ok = await run(['verify', '--db', db, '--by', 'auditor']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toMatch(/8 reports verified, no byte changed/);

    const store = await openStore({ dir: db });
    try {
      const failed = await listReports(store, { status: 'failed' });
      expect(failed).toHaveLength(3);
      expect(failed.map((f) => f.error).join('\n')).toMatch(/empty/);
      expect(await listReports(store, { status: 'pending' })).toEqual([]);
      // custody: who added the report, then the re-adds and the verification
      const all = await listReports(store, { status: 'ok' });
      const wire = all.find((x) => x.externalId === 'wire-0612')!;
      const detail = (await getReport(store, wire.id))!;
      expect(detail.custody.map((c) => [c.action, c.by])).toEqual([['added', 'tester'], ['re-added', 'someone-else'], ['verified', 'auditor']]);
      expect(detail.custody[0].from).toMatch(/follow-up\.jsonl:1$/);
      const [victim] = await listReports(store, { status: 'ok', limit: 1 });
      // flip the first byte of the archived report
      await store.query(`UPDATE reports SET raw = set_byte(raw, 0, (get_byte(raw, 0) # 1)) WHERE id = $1`, [victim.id]);
    } finally {
      await store.close();
    }
    const bad = await run(['verify', '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/CHANGED sha256:[0-9a-f]{64}/);
    expect(bad.stderr).toMatch(/1 of 8 reports changed/);
  }, 60_000);
});

describe('corroborate sources / incidents merge and split, corrections', () => {
  it('merges the two incidents, lists the correction, withdraws it; splits a report out again', async () => {
    const before = jsonl((await run(['incidents', '--db', db, '--format', 'jsonl'])).stdout);
    const ids = before.map((i) => i.id);
    expect(ids).toHaveLength(2);
    const dayton = before.find((i) => i.location?.name === 'Dayton')!.reports.map((r) => r.id);
    const m = await run(['incidents', 'merge', ids[0], ids[1], '--db', db, '--by', 'documenter', '--why', 'one operation']);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout).toMatch(new RegExp(`^correction (\\d+): merged ${ids[1]} into ${ids[0]} .*\\(5 reports`));
    const n = /^correction (\d+)/.exec(m.stdout)![1];
    const one = jsonl((await run(['incidents', '--db', db, '--format', 'jsonl'])).stdout);
    expect(one).toHaveLength(1);
    expect(one[0].reports).toHaveLength(5);
    const list = await run(['corrections', '--db', db]);
    expect(list.stdout).toMatch(new RegExp(`${n}\\s+merge_incidents\\s+documenter.*yes.*one operation`));
    const w = await run(['corrections', 'withdraw', n, '--db', db, '--by', 'reviewer']);
    expect(w.code, w.stderr).toBe(0);
    expect(w.stdout).toMatch(/withdrawn/);
    expect((await run(['corrections', '--db', db])).stdout).toMatch(/^0 corrections$/m);
    expect((await run(['corrections', '--all', '--db', db])).stdout).toMatch(/merge_incidents\s+documenter.*\bno\b/);
    const again = await run(['corrections', 'withdraw', n, '--db', db, '--by', 'reviewer']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/no active correction/);
    // the merge is still in the linked view until a re-link
    expect(jsonl((await run(['incidents', '--db', db, '--format', 'jsonl'])).stdout)).toHaveLength(1);
    // split the Dayton reports back out of the merged incident
    expect(dayton).toHaveLength(2);
    const sp = await run(['incidents', 'split', one[0].id, '--reports', dayton.join(','), '--db', db, '--by', 'documenter']);
    expect(sp.code, sp.stderr).toBe(0);
    expect(sp.stdout).toMatch(/split .*\n  kept: .*\n  new:  incident:/);
    const after = jsonl((await run(['incidents', '--db', db, '--format', 'jsonl'])).stdout);
    expect(after.map((i) => i.reports.length).sort()).toEqual([2, 3]);
    expect(after.find((i) => i.location?.name === 'Dayton')!.reports.map((r) => r.id).sort()).toEqual([...dayton].sort());
    // a merge withdrawn with --relink is gone from the linked view at once
    const m2 = await run(['incidents', 'merge', ...after.map((i) => i.id), '--db', db, '--by', 'documenter']);
    const n2 = /^correction (\d+)/.exec(m2.stdout)![1];
    expect(jsonl((await run(['incidents', '--db', db, '--format', 'jsonl'])).stdout)).toHaveLength(1);
    const w2 = await run(['corrections', 'withdraw', n2, '--relink', '--db', db, '--by', 'reviewer']);
    expect(w2.code, w2.stderr).toBe(0);
    expect(w2.stdout).toMatch(/withdrawn; re-linked 5 reports: 2 incidents/);
    expect(jsonl((await run(['incidents', '--db', db, '--format', 'jsonl'])).stdout).map((i) => i.reports.length).sort()).toEqual([2, 3]);
  }, 120_000);

  it('merges two sources under a name and splits one out; a bad id is refused with exit 1', async () => {
    const srcs = (await run(['sources', '--db', db, '--format', 'jsonl'])).stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; name: string });
    const sohr = srcs.find((s) => s.name === 'Syrian Observatory for Human Rights')!;
    const mcc = srcs.find((s) => s.name === 'Maskanah Coordination Committee')!;
    const m = await run(['sources', 'merge', sohr.id, mcc.id, '--name', 'Observatory network', '--db', db, '--by', 'documenter']);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout).toMatch(new RegExp(`merged ${mcc.id} into ${sohr.id} "Observatory network"`));
    const sp = await run(['sources', 'split', sohr.id, '--names', 'Maskanah Coordination Committee', '--db', db, '--by', 'documenter']);
    expect(sp.code, sp.stderr).toBe(0);
    expect(sp.stdout).toMatch(/new: {2}src:maskanah-coordination-committee\S* "Maskanah Coordination Committee"/);
    const bad = await run(['sources', 'merge', 'src:nobody', sohr.id, '--db', db, '--by', 'documenter']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/no source "src:nobody"/);
  }, 120_000);
});

describe('a later ingest links only the new report', () => {
  it('a follow-up joins its incident incrementally; its outlet is the JSONL outlet field', async () => {
    const later = join(tmp, 'later.jsonl');
    writeFileSync(later, JSON.stringify({
      id: 'wire-0613', title: 'Man charged in Dayton bar killing', published: '2016-06-08', outlet: 'Dayton Wire',
      text: 'Police charged a 29-year-old man on Tuesday with the killing of Marcus Hill, 34, who was shot outside a bar on Wyoming Street in Dayton, Ohio, early Saturday, June 4, 2016.',
    }) + '\n');
    const r = await run(['ingest', '--db', db, '--by', 'tester', '--no-progress', '--input-jsonl', later]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/1 added, .*1 reports linked, 2 incidents \(0 new, 1 updated\)/);
    const incs = jsonl((await run(['incidents', '--db', db, '--format', 'jsonl'])).stdout) as Array<IncidentLine & { sourceNames: Record<string, string> }>;
    const dayton = incs.find((i) => i.location?.name === 'Dayton')!;
    expect(dayton.reports.map((x) => x.externalId)).toContain('wire-0613');
    expect(Object.values(dayton.sourceNames)).toContain('Dayton Wire');
    // --relink gives the same incidents
    const full = await run(['ingest', '--db', db, '--relink']);
    expect(full.stderr).toMatch(/re-linked in full: 2 incidents/);
    const again = jsonl((await run(['incidents', '--db', db, '--format', 'jsonl'])).stdout);
    expect(again.map((i) => i.reports.length).sort()).toEqual([3, 3]);
  }, 120_000);
});

describe('ingest killed with kill -9 midway (two workers, incremental linking), then run again', () => {
  it('loses nothing, duplicates nothing, links everything', async () => {
    const dir = join(tmp, 'killed');
    const file = join(tmp, 'many.jsonl');
    const cities = ['Dayton', 'Toledo', 'Akron', 'Canton'];
    const lines = Array.from({ length: 80 }, (_, i) => {
      const k = Math.floor(i / 2);
      const day = String(1 + (k % 28)).padStart(2, '0');
      return JSON.stringify({
        id: `k-${i}`, published: `2016-03-${day}`, outlet: i % 2 ? 'Evening Star' : 'Daily Sentinel',
        text: `${i % 2 ? 'Police said' : 'According to police,'} a man was shot and killed on Main Street in ${cities[k % 4]}, Ohio, on March ${1 + (k % 28)}, 2016. Case ${i}.`,
      });
    });
    writeFileSync(file, lines.join('\n') + '\n');
    const args = ['ingest', '--db', dir, '--by', 'tester', '--no-progress', '--workers', '2', '--stats', '--input-jsonl', file];
    // killed as soon as it says a tenth of the input is in
    const killed = await new Promise<{ signal: NodeJS.Signals | null; said: string }>((resolve) => {
      const env = { ...process.env };
      delete env.DATABASE_URL;
      const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let said = '';
      child.stderr.on('data', (d: Buffer) => {
        said += d.toString();
        if (/10% of the input/.test(said) && !child.killed) child.kill('SIGKILL');
      });
      child.on('close', (_code, signal) => resolve({ signal, said }));
    });
    expect(killed.signal, killed.said).toBe('SIGKILL');
    const again = await run(args);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/added, \d+ already present, 0 failed/);
    const store = await openStore({ dir });
    try {
      const [c] = await store.query<{ reports: number; ok: number; added: number; unlinked: number; members: number }>(
        `SELECT (SELECT count(*)::int FROM reports) AS reports, (SELECT count(*)::int FROM reports WHERE status = 'ok') AS ok,
           (SELECT count(*)::int FROM custody WHERE action = 'added') AS added,
           (SELECT count(*)::int FROM reports WHERE NOT linked) AS unlinked,
           (SELECT count(DISTINCT report_id)::int FROM incident_members) AS members`);
      expect(c).toEqual({ reports: 80, ok: 80, added: 80, unlinked: 0, members: 80 });
      // each report's custody: added once, by the first run or the second, never twice
      const dup = await store.query(`SELECT report_id FROM custody WHERE action = 'added' GROUP BY report_id HAVING count(*) > 1`);
      expect(dup).toEqual([]);
    } finally {
      await store.close();
    }
  }, 180_000);
});

describe('outlet names from the input (ingest)', () => {
  it('JSONL outlet / source fields and original_url; HTML og:site_name and og:url; bad values ignored', async () => {
    const { extractRaw, jsonlReports, htmlPublisher, outletName } = await import('../src/jobs/ingest.js');
    const file = join(tmp, 'outlets.jsonl');
    writeFileSync(file, [
      JSON.stringify({ id: 'a', text: 'A man was shot in Dayton.', outlet: 'Dayton Daily News', url: 'https://www.daytondailynews.com/a' }),
      JSON.stringify({ id: 'b', text: 'A man was shot in Dayton.', source: 'https://www.wdtn.com/news/b', original_url: 'https://www.wdtn.com/news/b' }),
      JSON.stringify({ id: 'c', text: 'A man was shot in Dayton.', source: { name: 'not a string' } }),
    ].join('\n') + '\n');
    const stub = () => ({}) as never;
    const got = [];
    for await (const r of jsonlReports(file)) got.push(extractRaw(r, stub).input);
    expect(got.map((i) => [i.outlet, i.url])).toEqual([
      ['Dayton Daily News', 'https://www.daytondailynews.com/a'],
      ['wdtn.com', 'https://www.wdtn.com/news/b'],
      [null, null],
    ]);
    const html = '<!doctype html><html><head><meta content="Ar-Raqqa &amp; Co" property="og:site_name"><meta property="og:url" content="https://raqqa.example/x"></head><body><p>x</p></body></html>';
    expect(htmlPublisher(html)).toEqual({ outlet: 'Ar-Raqqa & Co', url: 'https://raqqa.example/x' });
    expect(htmlPublisher('<html><head><link rel="canonical" href="https://b.example/y"></head></html>')).toEqual({ outlet: null, url: 'https://b.example/y' });
    const page = extractRaw({ label: 'p.html', raw: Buffer.from(html), from: 'p.html', format: 'html', bytes: html.length }, stub).input;
    expect(page).toMatchObject({ outlet: 'Ar-Raqqa & Co', url: 'https://raqqa.example/x' });
    expect(outletName('   ')).toBeNull();
    expect(outletName(42)).toBeNull();
  });
});

describe('outletOf', () => {
  it('names the publisher by host, through web archive copies', async () => {
    const { outletOf } = await import('../src/jobs/case-file.js');
    expect(outletOf('https://www.daytonwire.example/news/1')).toBe('daytonwire.example');
    expect(outletOf('http://web.archive.org/web/20170203135201/http://www.miamiherald.com/news/a.html')).toBe('miamiherald.com');
    expect(outletOf('https://web.archive.org/web/2017id_/www.nbcnews.com/a')).toBe('nbcnews.com');
    expect(outletOf('not a url')).toBeNull();
    expect(outletOf(null)).toBeNull();
  });
});
