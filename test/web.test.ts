/**
 * The web app's pure parts (no browser): cutting a report's text at overlapping highlights,
 * reading what an editor types into a correction, showing stored and audited values as text.
 * The app itself is exercised in chromium by test/browser.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { segments } from '../src/web/segments.js';
import { parseReviewValue } from '../src/web/review-value.js';
import { valueText, rangeText, placeText, dateText } from '../src/web/format.js';
import type { Highlight } from '../src/web/types.js';
import { tilesFor } from '../src/web/tiles.js';
import { geoMercator } from 'd3-geo';

const TEXT = 'Four men were reportedly executed in Kafr Nasih, the Observatory said.';
const at = (s: string, kind: Highlight['kind'], extra: Partial<Highlight> = {}): Highlight => {
  const start = TEXT.indexOf(s);
  if (start < 0) throw new Error(`fixture: "${s}" not in text`);
  return { start, end: start + s.length, kind, ...extra };
};

describe('segments', () => {
  it('covers the whole text exactly once, in order, so joining the pieces gives the text back', () => {
    const hl = [at('Four men were reportedly executed in Kafr Nasih', 'content', { claim: 'c1' }), at('reportedly', 'hedge'), at('the Observatory', 'source'), at('said', 'cue'), at('executed in Kafr Nasih', 'evidence', { incident: 'incident:1' })];
    const segs = segments(TEXT.length, hl);
    expect(segs.map((s) => TEXT.slice(s.start, s.end)).join('')).toBe(TEXT);
    for (let i = 1; i < segs.length; i++) expect(segs[i].start).toBe(segs[i - 1].end);
  });

  it('gives a piece every highlight that covers it (a hedge inside a claim, evidence overlapping it)', () => {
    const segs = segments(TEXT.length, [at('Four men were reportedly executed in Kafr Nasih', 'content'), at('reportedly', 'hedge'), at('executed in Kafr Nasih', 'evidence', { incident: 'incident:1' })]);
    const piece = (s: string) => segs.find((g) => TEXT.slice(g.start, g.end) === s);
    expect(piece('reportedly')!.marks.map((m) => m.kind).sort()).toEqual(['content', 'hedge']);
    expect(piece('executed in Kafr Nasih')!.marks.map((m) => m.kind).sort()).toEqual(['content', 'evidence']);
    expect(piece(', the Observatory said.')!.marks).toEqual([]);
  });

  it('ignores highlights that are empty, reversed, fractional or outside the text', () => {
    const bad: Highlight[] = [{ start: 5, end: 5, kind: 'cue' }, { start: 9, end: 3, kind: 'cue' }, { start: -1, end: 4, kind: 'cue' }, { start: 0, end: TEXT.length + 1, kind: 'cue' }, { start: 0.5, end: 4, kind: 'cue' }];
    const segs = segments(TEXT.length, bad);
    expect(segs).toEqual([{ start: 0, end: TEXT.length, marks: [] }]);
  });

  it('gives nothing for an empty text', () => {
    expect(segments(0, [])).toEqual([]);
  });
});

describe('parseReviewValue', () => {
  it('reads counts as a number or a range, and "none" as nobody said', () => {
    expect(parseReviewValue('killed', ' 4 ')).toBe(4);
    expect(parseReviewValue('killed', '3-5')).toEqual({ min: 3, max: 5 });
    expect(parseReviewValue('injured', '3–5')).toEqual({ min: 3, max: 5 });
    expect(parseReviewValue('injured', '10 to 12')).toEqual({ min: 10, max: 12 });
    expect(parseReviewValue('killed', 'none')).toBeNull();
    expect(parseReviewValue('killed', '')).toBeNull();
  });

  it('reads a count with no upper bound ("12+", ">=12", "at least 12", "12 or more") as max null', () => {
    for (const t of ['12+', '12 +', '>=12', '≥ 12', 'at least 12', 'At least 12', '12 or more', 'no fewer than 12']) {
      expect(parseReviewValue('killed', t), t).toEqual({ min: 12, max: null });
    }
  });

  it('reads "about 20" / "~20" as an approximate figure, and takes back what the app shows', () => {
    expect(parseReviewValue('killed', 'about 20')).toEqual({ min: 20, max: 20, approximate: true });
    expect(parseReviewValue('injured', '~20')).toEqual({ min: 20, max: 20, approximate: true });
    expect(parseReviewValue('injured', 'around 10-15')).toEqual({ min: 10, max: 15, approximate: true });
    expect(parseReviewValue('killed', 'at least about 12')).toEqual({ min: 12, max: null, approximate: true });
    // what rangeText shows is read back as the same count
    for (const r of [{ min: 12, max: null }, { min: 20, max: 20, approximate: true as const }, { min: 3, max: 5 }, { min: 12, max: null, approximate: true as const }]) {
      expect(parseReviewValue('killed', rangeText(r)), rangeText(r)).toEqual(r);
    }
    expect(parseReviewValue('killed', '4')).toBe(4);
  });

  it('sends what it cannot read as typed, for the server to refuse with its reason', () => {
    expect(parseReviewValue('killed', 'a dozen')).toBe('a dozen');
    expect(parseReviewValue('killed', '-3')).toBe('-3');
    expect(parseReviewValue('killed', '5-3')).toBe('5-3');
    expect(parseReviewValue('killed', 'at least')).toBe('at least');
    expect(parseReviewValue('killed', 'about 3-5+')).toBe('about 3-5+');
    expect(parseReviewValue('killed', '+')).toBe('+');
  });

  it('reads a date or a date interval, a type with spaces, a list of perpetrators', () => {
    expect(parseReviewValue('date', '2021-03-09')).toBe('2021-03-09');
    expect(parseReviewValue('date', '2021-03-09 – 2021-03-12')).toEqual({ start: '2021-03-09', end: '2021-03-12' });
    expect(parseReviewValue('type', 'Armed clash')).toBe('armed_clash');
    expect(parseReviewValue('perpetrators', 'Islamic State; local militia')).toEqual(['Islamic State', 'local militia']);
    expect(parseReviewValue('place', ' Kafr Nasih ')).toBe('Kafr Nasih');
  });
});

describe('value display', () => {
  it('shows stored values and audit entries ({field: value}) as a person reads them', () => {
    expect(valueText({ killed: { min: 3, max: 4, value: 4 } })).toBe('killed: 3–4');
    expect(valueText({ min: 4, max: 4 })).toBe('4');
    expect(valueText({ start: '2021-03-09', end: '2021-03-09' })).toBe('2021-03-09');
    expect(valueText({ name: 'Aleppo', admin1: 'Aleppo Governorate', country: 'Syria', lat: 1, lon: 2 })).toBe('Aleppo, Aleppo Governorate, Syria');
    expect(valueText([{ name: 'Islamic State', group: null }, { name: null, group: 'local militia' }])).toBe('Islamic State, local militia');
    expect(valueText({ mergedWith: ['src:police-officials'], name: 'police', result: { correction: 1, source: 'src:police' } }))
      .toBe('mergedWith: src:police-officials; name: police; result: (correction: 1, source: src:police)');
    expect(valueText({ names: ['police officials'], why: null })).toBe('names: police officials');
    expect(valueText(null)).toBe('–');
    expect(rangeText(null)).toBe('–');
    // no upper bound stated, an approximate figure: said in words, never "null"
    expect(rangeText({ min: 12, max: null })).toBe('at least 12');
    expect(rangeText({ min: 20, max: 20, approximate: true })).toBe('about 20');
    expect(rangeText({ min: 3, max: 5 })).toBe('3–5');
    expect(valueText({ killed: { min: 12, max: null } })).toBe('killed: at least 12');
    expect(valueText({ min: 12, max: null, value: 12 })).toBe('at least 12');
    expect(placeText({ name: 'Raqqa', admin1: 'Raqqa', country: 'Syria', lat: null, lon: null })).toBe('Raqqa, Syria');
    expect(dateText({ start: null, end: null })).toBe('date unknown');
  });
});

describe('map tiles', () => {
  it('covers the whole world with the one tile of zoom 0', () => {
    const p = geoMercator().scale(256 / (2 * Math.PI)).translate([128, 128]);
    expect(tilesFor(p, 'https://t.example/{z}/{x}/{y}.png', 256, 256)).toEqual([{ key: '0/0/0', href: 'https://t.example/0/0/0.png', x: 0, y: 0, size: 256 }]);
  });

  it('puts a place inside the tile the XYZ scheme numbers for it', () => {
    const [lon, lat] = [43.11889, 36.335]; // Mosul
    const p = geoMercator().center([lon, lat]).scale(2 ** 7 * 256 / (2 * Math.PI)).translate([320, 180]);
    // the centre moves translate; express the projection without it, as the map does (center [0, 0])
    const [cx, cy] = p([0, 0])!;
    const q = geoMercator().scale(p.scale()).translate([cx, cy]);
    const tiles = tilesFor(q, '{z}/{x}/{y}', 640, 360);
    const z = 7;
    const n = 2 ** z;
    const x = Math.floor(((lon + 180) / 360) * n);
    const rad = (lat * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
    const tile = tiles.find((t) => t.key === `${z}/${x}/${y}`);
    expect(tile, `tile ${z}/${x}/${y} among ${tiles.map((t) => t.key).join(' ')}`).toBeDefined();
    const [px, py] = q([lon, lat])!;
    expect(px).toBeGreaterThanOrEqual(tile!.x);
    expect(px).toBeLessThan(tile!.x + tile!.size);
    expect(py).toBeGreaterThanOrEqual(tile!.y);
    expect(py).toBeLessThan(tile!.y + tile!.size);
    // only tiles that touch the view
    for (const t of tiles) expect(t.x < 640 && t.x + t.size > 0 && t.y < 360 && t.y + t.size > 0).toBe(true);
  });
});

describe('report text is never parsed as HTML', () => {
  it('no file of the web app sets innerHTML or dangerouslySetInnerHTML', () => {
    const dir = join(import.meta.dirname, '..', 'src', 'web');
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(/dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML|insertAdjacentHTML|document\.write/);
  });
});
