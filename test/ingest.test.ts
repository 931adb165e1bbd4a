import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseText } from '../src/ingest/normalise.js';
import { filterBoilerplate } from '../src/ingest/boilerplate.js';
import { detectLanguage } from '../src/ingest/language.js';
import { htmlToArticle, looksLikeHtml } from '../src/ingest/html.js';
import { normaliseDate, readReport } from '../src/ingest/read.js';
import { decodeBytes, firstInvalidUtf8, looksBinary, readInputFile, readJsonl, recordToInput } from '../src/ingest/files.js';
import { isIngestError } from '../src/ingest/errors.js';
import { orderedMap, WorkerPool } from '../src/jobs/pool.js';
import { pathToFileURL } from 'node:url';
import { citationChains, formatTextSummary } from '../src/export/text-summary.js';
import type { Extraction } from '../src/model/index.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/ingest/${name}`, import.meta.url), 'utf8');

function ingestError(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (isIngestError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected an IngestError');
}

describe('normaliseText', () => {
  it('turns CRLF and CR into LF, collapses spaces and tabs, trims lines and the whole', () => {
    expect(normaliseText('  Two  men\t\twere killed.\r\nPolice said so. \rEnd  ')).toBe('Two men were killed.\nPolice said so.\nEnd');
  });
  it('keeps at most one blank line between paragraphs', () => {
    expect(normaliseText('First.\n\n\n\n  \n\t\nSecond.')).toBe('First.\n\nSecond.');
  });
  it('applies NFC', () => {
    const decomposed = 'Qasim said Hom\u0073 cafe\u0301';
    const out = normaliseText(decomposed);
    expect(out).toBe('Qasim said Homs caf\u00e9');
    expect(out.length).toBe(decomposed.length - 1);
  });
  it('keeps curly quotes, apostrophes and dashes as they are', () => {
    const s = '“It was a massacre,” he said — the group’s 10–12 fighters.';
    expect(normaliseText(s)).toBe(s);
  });
  it('turns non-breaking and other horizontal spaces into a plain space, drops BOM and zero-width spaces', () => {
    expect(normaliseText('\uFEFFat\u00A0least\u2009three\u200B killed')).toBe('at least three killed');
  });
  it('drops control characters but not letters of other scripts', () => {
    expect(normaliseText('a\u0007b\u0000c الرقة')).toBe('abc الرقة');
  });
  it('returns an empty string for whitespace only', () => {
    expect(normaliseText(' \n\t\r\n ')).toBe('');
  });
});

describe('filterBoilerplate', () => {
  it('drops share buttons, advertisements, captchas, credits, newsletter and copyright lines', () => {
    const text = [
      'Gunmen killed two guards at the border crossing, officials said.',
      'Share this: Facebook Twitter Email',
      'Advertisement',
      'You must enter the characters with black color that stand out from the other characters',
      'Photo: Jane Roe / Getty Images',
      'Sign up for our newsletter to get breaking news in your inbox.',
      'Copyright 2017 Channel 9 News. All rights reserved.',
      'Please enable Javascript to watch this video',
      'The attack lasted about twenty minutes.',
    ].join('\n');
    const r = filterBoilerplate(text);
    expect(r.text).toBe('Gunmen killed two guards at the border crossing, officials said.\nThe attack lasted about twenty minutes.');
    expect(r.removedLines).toBe(7);
  });
  it('strips trailing photo credits but keeps the caption', () => {
    expect(filterBoilerplate('Mourners gather outside the mosque on Friday. (AP Photo/John Doe)').text).toBe('Mourners gather outside the mosque on Friday.');
    expect(filterBoilerplate('Buy Photo Police at the scene on Monday. (Photo: Ann Lee, The News)').text).toBe('Police at the scene on Monday.');
  });
  it('drops a "Related:" header and the headline list after it, but not the next paragraph', () => {
    const text = 'Three were wounded.\nRelated:\nTwo shot on east side\nMayor promises more patrols\nThe wounded were taken to hospital, police said.';
    expect(filterBoilerplate(text).text).toBe('Three were wounded.\nThe wounded were taken to hospital, police said.');
  });
  it('drops an inline "RELATED: headline" line', () => {
    expect(filterBoilerplate('A man died.\nRELATED: Teen charged in earlier shooting\nHe was 40.').text).toBe('A man died.\nHe was 40.');
  });
  it('is conservative: sentences that merely mention photos, sharing or advertising stay', () => {
    const text = [
      'The photographer who took the photo said she shared it with police.',
      'Police said the suspect had placed an advertisement on Facebook and Twitter offering the rifle.',
      'Related charges were filed against his brother.',
      'More than 40 people were killed, the ministry said.',
    ].join('\n');
    expect(filterBoilerplate(text).text).toBe(text);
  });
  it('never drops a long paragraph whole', () => {
    const long = 'Copyright 2016 ' + 'word '.repeat(120) + 'All rights reserved.';
    expect(filterBoilerplate(long).text).toBe(long.trim());
  });
  it('cleans a scraped plain-text page', () => {
    const r = readReport({ text: fixture('scraped.txt') });
    expect(r.text).not.toMatch(/You must enter|Share this|Advertisement|Getty|RELATED|Drive-by|Copyright/i);
    expect(r.text).toContain('A 24-year-old man was shot and killed outside a corner shop on Elm Street late Saturday, police said.');
    expect(r.text).toContain('Police tape at the scene on Sunday morning.');
    expect(r.text).toContain('The photographer who took the picture said she was shaken by what she saw.');
    expect(r.text).not.toMatch(/ {2}|\n{3}/);
  });
});

describe('detectLanguage', () => {
  it('recognises English', () => {
    expect(detectLanguage('Two people were killed when a gunman opened fire at a market on Tuesday, police said.').language).toBe('en');
  });
  it('recognises Spanish, French and Arabic fixtures', () => {
    expect(detectLanguage(fixture('spanish.txt')).language).toBe('es');
    expect(detectLanguage(fixture('french.txt')).language).toBe('fr');
    expect(detectLanguage(fixture('arabic.txt')).language).toBe('ar');
  });
  it('recognises other scripts', () => {
    expect(detectLanguage('Трое мужчин были убиты у контрольно-пропускного пункта, сообщили местные активисты.').language).toBe('ru');
    expect(detectLanguage('三名男子在检查站遇袭身亡，当地活动人士说。').language).toBe('zh');
  });
  it('stays English with a short foreign quote inside an English report', () => {
    const s = 'The banner read “Nunca más” as mourners gathered outside the church on Sunday, where the three victims of the attack were remembered by their families and by the mayor, who said the town would not forget them.';
    expect(detectLanguage(s).language).toBe('en');
  });
  it('keeps a short English photo caption English', () => {
    expect(detectLanguage('A Nigerian soldier stands guard near a market targeted by a suicide bomber in Maiduguri, Nigeria, Sunday, June 3, 2018').language).toBe('en');
  });
  it('recognises German, Italian and Portuguese', () => {
    expect(detectLanguage('Drei Männer wurden bei einem Angriff auf einen Kontrollpunkt getötet, wie die Polizei mitteilte. Die Täter sind auf der Flucht und es ist nicht klar, wer hinter dem Anschlag steht.').language).toBe('de');
    expect(detectLanguage('Tre uomini sono stati uccisi in un attacco contro un posto di blocco a sud della città, secondo un gruppo locale. Gli aggressori sono fuggiti e non è chiaro chi sia il responsabile.').language).toBe('it');
    expect(detectLanguage('Três homens foram mortos num ataque contra um posto de controle no sul da cidade, segundo um grupo local. Os agressores fugiram e não está claro quem é o responsável pelo ataque.').language).toBe('pt');
  });
  it('treats a bare English headline as English', () => {
    expect(detectLanguage('Man shot dead in Raqqa').language).toBe('en');
  });
  it('answers und for text without letters or without any function words', () => {
    expect(detectLanguage('12 34 56 -- 78').language).toBe('und');
    const names = Array.from({ length: 60 }, (_, i) => `Zyxw${String.fromCharCode(97 + (i % 26))}k`).join(' ');
    expect(detectLanguage(names).language).toBe('und');
  });
  it('reports non-English input with a warning and leaves the text unmangled', () => {
    const raw = fixture('arabic.txt');
    const r = readReport({ text: raw });
    expect(r.language).toBe('ar');
    expect(r.warnings).toContain('language looks like ar; incidents not extracted');
    expect(r.text).toBe(raw.trim().normalize('NFC'));
    const es = readReport({ text: fixture('spanish.txt') });
    expect(es.language).toBe('es');
    expect(es.text).toContain('policía ha abierto una investigación');
  });
});

describe('HTML', () => {
  it('detects HTML by content', () => {
    expect(looksLikeHtml(fixture('article.html'))).toBe(true);
    expect(looksLikeHtml('<p>One</p><p>Two</p><div>x</div>')).toBe(true);
    expect(looksLikeHtml('Police said 3 < 4 and <b> is a tag.')).toBe(false);
  });
  it('extracts the article text, title and date without page boilerplate', () => {
    const r = readReport({ text: fixture('article.html') });
    expect(r.format).toBe('html');
    expect(r.title).toBe('Three killed in checkpoint attack near Idlib');
    expect(r.published).toBe('2019-03-14');
    expect(r.language).toBe('en');
    expect(r.text.startsWith('Three men were killed and two others wounded')).toBe(true);
    expect(r.text).toContain('No group has claimed responsibility for the attack so far.');
    // paragraphs stay paragraphs, and the in-paragraph line break becomes a space
    expect(r.text).toContain('fled towards the west. It was not immediately clear');
    expect(r.text.split('\n\n').length).toBeGreaterThanOrEqual(4);
    // curly quotes and dashes kept
    expect(r.text).toContain('“We heard shooting');
    expect(r.text).toContain('— fearing reprisals');
    for (const junk of ['Share this', 'Advertisement', 'AP Photo', 'cookies', 'newsletter', 'Home', 'Most read', 'Car bomb kills five', 'window.dataLayer', 'display: inline', '©']) {
      expect(r.text).not.toContain(junk);
    }
  });
  it('lets the input title and date win over the page', () => {
    const r = readReport({ text: fixture('article.html'), title: 'Given title', published: '2019-03-15' });
    expect(r.title).toBe('Given title');
    expect(r.published).toBe('2019-03-15');
  });
  it('rejects HTML with no article with a clear error', () => {
    expect(ingestError(() => readReport({ text: fixture('no-article.html') }))).toEqual({ code: 'no_article', message: 'no article text found in HTML' });
    expect(ingestError(() => readReport({ text: '<html><body></body></html>', format: 'html' })).code).toBe('no_article');
  });
  it('survives deeply nested markup', () => {
    const depth = 5000;
    const html = '<html><body>' + '<div>'.repeat(depth) + '<p>Gunmen killed four people at a wedding in the village on Friday night, residents said.</p><p>The dead included two children, a local official told reporters.</p>' + '</div>'.repeat(depth) + '</body></html>';
    const a = htmlToArticle(html);
    expect(a.text).toContain('Gunmen killed four people');
  });
  it('reads a plain text input that has an explicit format', () => {
    const r = readReport({ text: '<p>Police said the man was shot.</p>', format: 'text' });
    expect(r.format).toBe('text');
    expect(r.text).toBe('<p>Police said the man was shot.</p>');
  });
});

describe('readReport', () => {
  it('rejects empty input and input that is only boilerplate', () => {
    expect(ingestError(() => readReport({ text: '  \n ' })).code).toBe('empty');
    expect(ingestError(() => readReport({ text: 'Advertisement\nShare this: Facebook Twitter' })).message).toMatch(/boilerplate/);
  });
  it('normalises the publication date and warns about one it cannot read', () => {
    expect(readReport({ text: 'A man was shot.', published: '2016-05-03T23:30:00-05:00' }).published).toBe('2016-05-03');
    const r = readReport({ text: 'A man was shot.', published: 'last Tuesday-ish' });
    expect(r.published).toBeNull();
    expect(r.warnings[0]).toMatch(/publication date .* not understood/);
  });
});

describe('normaliseDate', () => {
  it('reads ISO dates and datetimes and common written forms', () => {
    expect(normaliseDate('2016-05-03')).toBe('2016-05-03');
    expect(normaliseDate('2016-05-03T10:00:00Z')).toBe('2016-05-03');
    expect(normaliseDate('May 3, 2016')).toBe('2016-05-03');
    expect(normaliseDate('Tue, 03 May 2016 22:00:00 GMT')).toBe('2016-05-03');
  });
  it('rejects impossible and non-dates', () => {
    expect(normaliseDate('2016-02-30')).toBeNull();
    expect(normaliseDate('12345')).toBeNull();
    expect(normaliseDate('soon')).toBeNull();
    expect(normaliseDate('')).toBeNull();
    expect(normaliseDate(null)).toBeNull();
  });
});

describe('bytes and files', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'corroborate-ingest-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the byte offset of the first invalid UTF-8 sequence', () => {
    expect(firstInvalidUtf8(Buffer.from('plain ascii'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from('café الرقة 😀'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xff, 0x63]))).toBe(2);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc3]))).toBe(1); // truncated sequence
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0xaf]))).toBe(0); // overlong
    expect(firstInvalidUtf8(Buffer.from([0x20, 0xed, 0xa0, 0x80]))).toBe(1); // surrogate
  });
  it('rejects empty, binary and invalid UTF-8 bytes with clear messages', () => {
    expect(ingestError(() => decodeBytes(new Uint8Array(0)))).toEqual({ code: 'empty', message: 'empty file' });
    expect(ingestError(() => decodeBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).code).toBe('binary');
    expect(ingestError(() => decodeBytes(Buffer.concat([Buffer.from('x'.repeat(1234)), Buffer.from([0xfe]), Buffer.from('y')])))).toEqual({ code: 'invalid_utf8', message: 'invalid UTF-8 at byte 1234' });
    expect(ingestError(() => decodeBytes(Buffer.from(' \n\t ')))).toEqual({ code: 'empty', message: 'file holds only whitespace' });
  });
  it('sees control-character noise as binary but not ordinary text', () => {
    expect(looksBinary(Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 1 : 65))))).toBe(true);
    expect(looksBinary(Buffer.from('Line one\r\nLine two\tand a tab\f'))).toBe(false);
  });
  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeBytes(Buffer.from('\uFEFFA man was shot.'))).toBe('A man was shot.');
  });
  it('reads a file, guesses the format from the extension and applies --published', async () => {
    const p = join(dir, 'page.html');
    writeFileSync(p, fixture('article.html'));
    const input = await readInputFile(p, { published: '2020-01-01' });
    expect(input).toMatchObject({ id: p, format: 'html', published: '2020-01-01' });
    expect(readReport(input).published).toBe('2020-01-01');
  });
  it('rejects a file over the byte limit without reading it, and a missing file', async () => {
    const p = join(dir, 'big.txt');
    writeFileSync(p, 'a'.repeat(2000));
    await expect(readInputFile(p, { maxBytes: 1000 })).rejects.toMatchObject({ code: 'too_large', message: 'file is 2000 bytes, larger than the limit of 1000 (--max-bytes)' });
    await expect(readInputFile(join(dir, 'nope.txt'))).rejects.toMatchObject({ code: 'not_found' });
    await expect(readInputFile(dir)).rejects.toMatchObject({ code: 'unreadable' });
  });

  it('streams JSONL with a per-line verdict and line numbers', async () => {
    const p = join(dir, 'in.jsonl');
    const long = JSON.stringify({ id: 'long', text: 'x'.repeat(5000) });
    const bad = Buffer.concat([Buffer.from('{"id":"u","text":"caf'), Buffer.from([0xff]), Buffer.from('"}\n')]);
    writeFileSync(p, Buffer.concat([
      Buffer.from('{"id":"a","text":"A man was shot.","published":"2016-01-02"}\r\n'),
      Buffer.from('\n'),
      Buffer.from('not json at all\n'),
      Buffer.from('{"id":7,"title":"no text"}\n'),
      Buffer.from('[1,2]\n'),
      bad,
      Buffer.from(long + '\n'),
      Buffer.from('{"text":"Last line without newline."}'),
    ]));
    const items = [];
    for await (const it of readJsonl(p, { maxBytes: 1000 })) items.push(it);
    const view = items.map((it) => ('error' in it ? [it.line, it.id, it.error.code, it.error.message] : [it.line, it.input.id ?? null, it.input.text]));
    expect(view).toEqual([
      [1, 'a', 'A man was shot.'],
      [3, null, 'bad_json', expect.stringMatching(/^not JSON/)],
      [4, '7', 'bad_record', 'no "text" field'],
      [5, null, 'bad_record', 'line is not a JSON object'],
      [6, null, 'invalid_utf8', 'invalid UTF-8 at byte 21 of the line'],
      [7, null, 'too_large', `line is ${long.length + 1} bytes, larger than the limit of 1000 (--max-bytes)`],
      [8, null, 'Last line without newline.'],
    ]);
  });
  it('validates records', () => {
    expect(recordToInput({ id: 3, text: 'x', title: 5, format: 'html' })).toEqual({ id: '3', text: 'x', format: 'html' });
    expect(() => recordToInput({ text: 42 })).toThrow('"text" is not a string');
    expect(() => recordToInput(null)).toThrow('not a JSON object');
  });
  it('fails clearly when the JSONL file is missing', async () => {
    const gen = readJsonl(join(dir, 'missing.jsonl'));
    await expect(gen.next()).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('orderedMap', () => {
  it('yields in input order whatever the completion order, with bounded in-flight work', async () => {
    let inflight = 0;
    let maxSeen = 0;
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 50; i++) { pulled++; yield i; }
    }
    const out: number[] = [];
    for await (const v of orderedMap(source(), async (i) => {
      inflight++;
      maxSeen = Math.max(maxSeen, inflight);
      await new Promise((r) => setTimeout(r, (i * 7) % 5));
      inflight--;
      return i * 10;
    }, 4)) {
      out.push(v);
      // backpressure: the source is never more than the window ahead of the consumer
      expect(pulled - out.length).toBeLessThanOrEqual(4);
    }
    expect(out).toEqual(Array.from({ length: 50 }, (_, i) => i * 10));
    expect(maxSeen).toBeLessThanOrEqual(4);
    expect(maxSeen).toBeGreaterThan(1);
  });
  it('stops pulling the source when the consumer stops', async () => {
    let pulled = 0;
    function* source() { for (let i = 0; i < 1000; i++) { pulled++; yield i; } }
    for await (const v of orderedMap(source(), async (i) => i, 3)) if (v === 5) break;
    expect(pulled).toBeLessThanOrEqual(9);
  });
});

describe('WorkerPool', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'corroborate-pool-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns each job its own result, survives a crashing worker and keeps order through orderedMap', async () => {
    // a stand-in worker speaking the pool's protocol: echoes the text, dies on "crash"
    const script = join(dir, 'echo-worker.mjs');
    writeFileSync(script, `
      import { parentPort } from 'node:worker_threads';
      parentPort.on('message', ({ seq, job }) => {
        if (job.input.text === 'crash') process.exit(3);
        setTimeout(() => parentPort.postMessage({ seq, result: { label: job.label, id: job.id, bytes: job.bytes, output: job.input.text.toUpperCase() } }), job.input.text.length % 7);
      });
    `);
    const pool = new WorkerPool({ size: 2, format: 'jsonl', script: pathToFileURL(script) });
    try {
      const texts = Array.from({ length: 30 }, (_, i) => (i === 11 ? 'crash' : `report ${'x'.repeat(i)}`));
      const jobs = texts.map((text, i) => ({ label: `in:${i + 1}`, id: String(i), bytes: text.length, input: { text } }));
      const results = [];
      for await (const r of orderedMap(jobs, (j) => pool.run(j), 8)) results.push(r);
      expect(results.map((r) => r.label)).toEqual(jobs.map((j) => j.label));
      expect(results[11].error).toMatch(/^worker failed: exited with code 3/);
      expect(results[12].output ?? results[12].error).toBeDefined();
      const ok = results.filter((r) => r.output !== undefined);
      for (const r of ok) expect(r.output).toBe(texts[Number(r.id)].toUpperCase());
      // jobs sent to the crashed worker fail with it; the replacement worker serves the rest
      expect(ok.length).toBeGreaterThanOrEqual(30 - 2);
      expect(results[29].output).toBe(texts[29].toUpperCase());
      expect(pool.size).toBe(2);
    } finally {
      await pool.close();
    }
  });
});

describe('text summary', () => {
  const ex: Extraction = {
    report: { id: 'sha256:' + 'ab'.repeat(32), title: 'Woman executed in Raqqa', published: '2015-10-02', language: 'en', text: 'x' },
    sources: [
      { id: 's1', name: 'Times of India', aliases: [], kind: 'media' },
      { id: 's2', name: 'SOHR', aliases: ['Syrian Observatory for Human Rights'], kind: 'organisation' },
      { id: 's3', name: 'local sources', aliases: [], kind: 'anonymous' },
    ],
    claims: [{ id: 'c1', source: 's2', sourceSpan: { start: 0, end: 4, text: 'SOHR' }, cue: { start: 5, end: 9, text: 'said' }, content: { start: 10, end: 20, text: 'she was reportedly executed' }, quote: 'indirect', hedges: [{ start: 0, end: 1, text: 'reportedly' }], via: null }],
    citations: [
      { from: 'report', to: 's1', evidence: { start: 0, end: 1, text: 'x' } },
      { from: 's1', to: 's2', evidence: { start: 0, end: 1, text: 'x' } },
      { from: 's2', to: 's3', evidence: { start: 0, end: 1, text: 'x' } },
    ],
    incidents: [{
      id: 'i1', type: 'execution', method: 'shooting', date: { start: '2015-10-01', end: '2015-10-01', precision: 'day', text: 'yesterday' },
      location: { name: 'Raqqa', country: 'Syria', admin1: 'Raqqa', lat: 35.95, lon: 39.01, precision: 'city', text: 'Raqqa' },
      perpetrators: [{ name: null, group: 'ISIS', text: 'ISIS militants' }],
      victims: [{ name: 'R. Hassan', age: 30, gender: 'female', description: 'journalist', text: 'the 30-year-old journalist' }],
      killed: { min: 1, max: 1 }, injured: null, weapons: ['rifle'], evidence: [{ start: 0, end: 5, text: 'was executed' }], claims: ['c1'],
    }],
    warnings: ['something odd'],
  };
  it('shows the report, incident fields, sources, claims with hedges and the citation chain', () => {
    const s = formatTextSummary(ex);
    for (const part of ['Woman executed in Raqqa', '2015-10-02', 'execution (shooting)', '2015-10-01 (day)', 'Raqqa, Syria (city)', 'Killed: 1', 'Injured: not stated', 'ISIS', 'R. Hassan, 30, female, journalist', 'SOHR (organisation) also: Syrian Observatory for Human Rights', 'hedged: reportedly', 'report → Times of India → SOHR → local sources', 'Warning: something odd', 'According to: SOHR']) {
      expect(s).toContain(part);
    }
  });
  it('survives citation cycles and an empty extraction', () => {
    const chains = citationChains([
      { from: 'a', to: 'b', evidence: { start: 0, end: 0, text: '' } },
      { from: 'b', to: 'a', evidence: { start: 0, end: 0, text: '' } },
    ], (id) => id.toUpperCase());
    expect(chains).toEqual(['A → B', 'B → A']);
    const empty = formatTextSummary({ ...ex, sources: [], claims: [], citations: [], incidents: [], warnings: undefined, report: { ...ex.report, title: null } });
    expect(empty).toContain('(untitled)');
    expect(empty).toContain('none found');
    expect(empty).toContain('no citations found');
  });
});

describe('language and boilerplate counting on punctuation-heavy text', () => {
  it('curly quotes and dashes count for no script: a quoted Greek text with polytonic letters is Greek', () => {
    // polytonic Greek (U+1F00–U+1FFF) sits right below General Punctuation (U+2000–U+206F)
    const t = '“Ἡ ἐπίθεσις ἔγινε χθὲς” — εἶπε ὁ ἀστυνόμος. “Ἀλλὰ οὐδεὶς ἐτραυματίσθη.”';
    expect(detectLanguage(t).language).toBe('el');
  });
  it('an English report full of curly quotes and em dashes is English', () => {
    const t = '“He was shot twice” — the police said — “and taken to the hospital,” where he is in stable condition, according to the family’s lawyer.';
    expect(detectLanguage(t).language).toBe('en');
  });
  it('a short list item counts its words across single spaces', () => {
    // a "Related:" header drops the short list lines after it, but not a sentence
    const r = filterBoilerplate('Related stories:\nMan shot in Elm Park\nTwo hurt in crash\nPolice said the man was shot in the leg on Tuesday night near the park.');
    expect(r.text).toBe('Police said the man was shot in the leg on Tuesday night near the park.');
  });
});
