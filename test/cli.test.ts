/**
 * Runs the BUILT command line (`node dist/src/cli.js`; `npm test` builds first) on inputs
 * written into a temporary directory.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url));

interface Run { code: number; stdout: string; stderr: string }

function run(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as any).code === 'number' ? (err as any).code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const REPORT = 'Two people were killed and three wounded when gunmen opened fire on a bus near the town of Kafr Nabl on Tuesday, a local monitoring group said.\n\nThe group said the attackers fled on motorcycles.';
const ARTICLE_HTML = readFileSync(new URL('./fixtures/ingest/article.html', import.meta.url), 'utf8');
const NO_ARTICLE_HTML = readFileSync(new URL('./fixtures/ingest/no-article.html', import.meta.url), 'utf8');

let dir: string;
const p = (name: string) => join(dir, name);

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} not found: build first (npm run build, or npm test which builds)`);
  dir = mkdtempSync(join(tmpdir(), 'corroborate-cli-'));
  writeFileSync(p('good.txt'), REPORT);
  writeFileSync(p('good2.txt'), 'A police officer was shot and injured during a traffic stop on Friday night, the sheriff said.');
  writeFileSync(p('empty.txt'), '');
  writeFileSync(p('binary.bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x3e, 0x00]));
  writeFileSync(p('latin1.txt'), Buffer.concat([Buffer.from('Police said the caf'), Buffer.from([0xe9]), Buffer.from(' was attacked.')]));
  writeFileSync(p('page.html'), ARTICLE_HTML);
  writeFileSync(p('login.html'), NO_ARTICLE_HTML);
  writeFileSync(p('spanish.txt'), 'Tres personas murieron y otras dos resultaron heridas en un ataque armado contra un puesto de control, según informaron las autoridades locales. Los atacantes huyeron y la policía ha abierto una investigación.');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('corroborate (built CLI)', () => {
  it('is an executable file, as the package bin must be after `npm ci`', () => {
    const bin = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url));
    expect(statSync(bin).mode & 0o111).not.toBe(0);
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });

  it('prints its version', async () => {
    const r = await run(['--version'], dir);
    expect(r.code).toBe(0);
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('documents the error behaviour in --help', async () => {
    const r = await run(['extract', '--help'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--input-jsonl');
    expect(r.stdout).toContain('"error"');
    expect(r.stdout).toMatch(/Exit code: 0 when at least one input was processed/);
  });

  it('extracts one file as one JSON object with the normalised text', async () => {
    const r = await run(['extract', 'good.txt', '--published', '2016-05-03'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const ex = JSON.parse(r.stdout);
    expect(Array.isArray(ex)).toBe(false);
    expect(ex.report.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(ex.report.published).toBe('2016-05-03');
    expect(ex.report.language).toBe('en');
    expect(ex.report.text).toContain('gunmen opened fire on a bus');
    for (const k of ['sources', 'claims', 'citations', 'incidents']) expect(Array.isArray(ex[k])).toBe(true);
  });

  it('skips each bad input with a one-line error naming it and processes the others (exit 0)', async () => {
    const r = await run(['extract', 'empty.txt', 'good.txt', 'binary.bin', 'latin1.txt', 'login.html', 'missing.txt', 'page.html'], dir);
    expect(r.code).toBe(0);
    const errs = r.stderr.trim().split('\n');
    expect(errs).toEqual([
      'corroborate: skipped empty.txt: empty file',
      'corroborate: skipped binary.bin: binary file (NUL bytes or control characters), not text',
      'corroborate: skipped latin1.txt: invalid UTF-8 at byte 19',
      'corroborate: skipped login.html: no article text found in HTML',
      'corroborate: skipped missing.txt: no such file',
      'corroborate: 2 processed, 5 skipped',
    ]);
    const arr = JSON.parse(r.stdout);
    expect(arr).toHaveLength(2);
    expect(arr[0].report.text).toContain('Kafr Nabl');
    expect(arr[1].report.title).toBe('Three killed in checkpoint attack near Idlib');
    expect(arr[1].report.published).toBe('2019-03-14');
    expect(arr[1].report.text).not.toContain('Share this');
  });

  it('exits non-zero when nothing could be processed', async () => {
    const r = await run(['extract', 'empty.txt', 'binary.bin'], dir);
    expect(r.code).not.toBe(0);
    expect(r.stdout.trim()).toBe('[]');
    expect(r.stderr).toContain('corroborate: skipped empty.txt: empty file');
    const one = await run(['extract', 'login.html'], dir);
    expect(one.code).not.toBe(0);
    expect(one.stdout).toBe('');
  });

  it('rejects a 50 MB file over the default limit, and honours --max-bytes', async () => {
    const big = join(tmpdir(), `corroborate-big-${process.pid}-${Date.now()}.txt`);
    try {
      const fd = openSync(big, 'w');
      const chunk = Buffer.alloc(1024 * 1024, 'Police said a man was shot. ');
      for (let i = 0; i < 50; i++) writeSync(fd, chunk);
      closeSync(fd);
      const r = await run(['extract', big, 'good.txt'], dir);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`corroborate: skipped ${big}: file is 52428800 bytes, larger than the limit of 20971520 (--max-bytes)`);
      expect(JSON.parse(r.stdout)).toHaveLength(1);
      const small = await run(['extract', '--max-bytes', '100', 'good.txt'], dir);
      expect(small.code).not.toBe(0);
      expect(small.stderr).toMatch(/skipped good\.txt: file is \d+ bytes, larger than the limit of 100/);
    } finally {
      rmSync(big, { force: true });
    }
  });

  it('reports non-English input with a warning and no incidents', async () => {
    const r = await run(['extract', 'spanish.txt'], dir);
    expect(r.code).toBe(0);
    const ex = JSON.parse(r.stdout);
    expect(ex.report.language).toBe('es');
    expect(ex.warnings).toContain('language looks like es; incidents not extracted');
    expect(ex.incidents).toEqual([]);
  });

  it('reads JSONL: bad lines give file:line errors and an error line, others go on', async () => {
    const lines = [
      JSON.stringify({ id: 'r1', text: REPORT, published: '2016-05-03' }),
      '{"id": "r2", "text": broken',
      JSON.stringify({ id: 'r3', title: 'no text here' }),
      '',
      JSON.stringify({ id: 'r4', text: 'A man was shot dead in his car on Monday, police said.' }),
    ];
    writeFileSync(p('in.jsonl'), lines.join('\n') + '\n');
    const r = await run(['extract', '--input-jsonl', 'in.jsonl'], dir);
    expect(r.code).toBe(0);
    const errs = r.stderr.trim().split('\n');
    expect(errs[0]).toMatch(/^corroborate: skipped in\.jsonl:2: not JSON/);
    expect(errs[1]).toBe('corroborate: skipped in.jsonl:3 (id r3): no "text" field');
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['r1', null, 'r3', 'r4']);
    expect(out[0].report.published).toBe('2016-05-03');
    expect(out[1]).toEqual({ id: null, input: 'in.jsonl:2', error: expect.stringMatching(/^not JSON/) });
    expect(out[2]).toEqual({ id: 'r3', input: 'in.jsonl:3 (id r3)', error: 'no "text" field' });
    expect(out[3].report.text).toContain('shot dead in his car');
  });

  it('exits non-zero when no JSONL line could be processed', async () => {
    writeFileSync(p('bad.jsonl'), 'nope\n{"id":1}\n');
    const r = await run(['extract', '--input-jsonl', 'bad.jsonl'], dir);
    expect(r.code).not.toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('keeps JSONL input order with several workers', async () => {
    const n = 40;
    const lines: string[] = [];
    for (let i = 0; i < n; i++) {
      // long and short reports interleaved, so workers finish out of order
      const body = i % 3 === 0 ? `${REPORT}\n\n`.repeat(30) : `Report ${i}: a man was wounded in a shooting on Main Street, police said.`;
      lines.push(JSON.stringify({ id: `rep-${i}`, text: body }));
    }
    lines.splice(7, 0, 'garbage line');
    writeFileSync(p('many.jsonl'), lines.join('\n') + '\n');
    const r = await run(['extract', '--input-jsonl', 'many.jsonl', '--workers', '2', '--format', 'jsonl'], dir);
    expect(r.code).toBe(0);
    const ids = r.stdout.trim().split('\n').map((l) => JSON.parse(l).id);
    const want = Array.from({ length: n }, (_, i) => `rep-${i}`);
    want.splice(7, 0, null);
    expect(ids).toEqual(want);
    const single = await run(['extract', '--input-jsonl', 'many.jsonl', '--workers', '1'], dir);
    expect(single.stdout).toBe(r.stdout);
  });

  it('prints a readable text summary', async () => {
    const r = await run(['extract', '--format', 'text', 'page.html', 'good.txt'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Report: Three killed in checkpoint attack near Idlib');
    expect(r.stdout).toContain('Published: 2019-03-14');
    expect(r.stdout).toMatch(/Incidents \(\d+\)/);
    expect(r.stdout).toMatch(/Sources \(\d+\)/);
    expect(r.stdout).toContain('Who said what');
    expect(r.stdout).toContain('Citation chain');
    expect(r.stdout.match(/^Report: /gm)).toHaveLength(2);
  });

  it('rejects bad options with a usage error', async () => {
    expect((await run(['extract', '--published', 'someday', 'good.txt'], dir)).code).toBe(2);
    expect((await run(['extract', '--workers', '0', 'good.txt'], dir)).code).toBe(2);
    expect((await run(['extract', '--format', 'xml', 'good.txt'], dir)).code).toBe(2);
    const none = await run(['extract'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('nothing to do');
  });
});
