/**
 * The project's bundled example (examples/manbij-report.txt) end to end: a monitor-style report
 * with a beheading in Manbij as the main incident, an earlier shooting in al-Bab told in passing
 * and a car bomb near Azaz "in other news". Published Wednesday 2016-03-02.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractReport } from '../src/extract/index.js';
import { ExtractionSchema, type Extraction, type IncidentMention } from '../src/model/index.js';

const TEXT = readFileSync(new URL('../examples/manbij-report.txt', import.meta.url), 'utf8');

let x: Extraction;
let execution: IncidentMention;
let carBomb: IncidentMention | undefined;
let alBab: IncidentMention | undefined;

beforeAll(() => {
  x = extractReport({ text: TEXT, published: '2016-03-02' });
  execution = x.incidents[0];
  carBomb = x.incidents.find(i => i.evidence.some(e => e.text.includes('car bomb')));
  alBab = x.incidents.find(i => i.location.text === 'al-Bab');
});

const source = (name: string) => x.sources.find(s => s.name === name);
const hedgeTexts = () => x.claims.flatMap(c => c.hedges.map(h => h.text));

describe('examples/manbij-report.txt: the incidents', () => {
  it('validates against the output schema', () => {
    const r = ExtractionSchema.safeParse(x);
    expect(r.success, r.success ? '' : r.error.message).toBe(true);
  });

  it('finds three incidents: the execution first', () => {
    expect(x.incidents).toHaveLength(3);
    expect(execution.type).toBe('execution');
    expect(execution.method).toBe('beheading');
  });

  it('the execution: killed 1, nobody said injured', () => {
    expect(execution.killed).toEqual({ min: 1, max: 1 });
    expect(execution.injured).toBeNull();
  });

  it('the execution was "yesterday" in the quoted statement: 2016-03-01', () => {
    expect(execution.date).toMatchObject({ start: '2016-03-01', end: '2016-03-01', precision: 'day', text: 'yesterday' });
  });

  it('the execution took place in Manbij, Syria', () => {
    expect(execution.location).toMatchObject({ name: 'Manbij', country: 'Syria', precision: 'city' });
    expect(execution.location.lat!).toBeCloseTo(36.53, 1);
    expect(execution.location.lon!).toBeCloseTo(37.95, 1);
  });

  it('the perpetrator is the named fighter of the Islamic State', () => {
    expect(execution.perpetrators).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'Khaled Omar al-Hamoud', group: 'Islamic State' }),
    ]));
  });

  it('the victim is the teacher named Youssef, a man', () => {
    expect(execution.victims).toEqual([expect.objectContaining({ name: 'Youssef', gender: 'male' })]);
  });

  // Regression: "The teacher, a man only identified as Youssef, was 52 years old." — the age
  // told after the name (it was read only before the noun, "a 52-year-old teacher").
  it('the victim Youssef is 52 years old', () => {
    expect(execution.victims[0]?.age).toBe(52);
  });

  it('the execution is supported by the Hawar News Agency claim and the SNHR statement', () => {
    const hawar = source('Hawar News Agency')!;
    const snhr = source('Syrian Network for Human Rights')!;
    const claimSources = execution.claims.map(id => x.claims.find(c => c.id === id)?.source);
    expect(claimSources).toContain(hawar.id);
    expect(claimSources).toContain(snhr.id);
  });

  it('the car bomb near Azaz is its own incident: killed at least 12, injured 30', () => {
    expect(carBomb).toBeDefined();
    expect(carBomb).not.toBe(execution);
    expect(carBomb!.type).toBe('bombing');
    expect(carBomb!.killed).toEqual({ min: 12, max: null });
    expect(carBomb!.injured).toEqual({ min: 30, max: 30 });
    expect(carBomb!.weapons).toContain('car bomb');
  });

  it('the car bomb was "on Sunday" (2016-02-28) near Azaz, Syria, per SOHR', () => {
    expect(carBomb!.date).toMatchObject({ start: '2016-02-28', precision: 'day' });
    expect(carBomb!.location).toMatchObject({ country: 'Syria', text: 'Azaz', precision: 'city' });
    const sohr = source('Syrian Observatory for Human Rights')!;
    expect(carBomb!.claims.map(id => x.claims.find(c => c.id === id)?.source)).toContain(sohr.id);
  });

  it('the shooting in al-Bab is a separate incident with one killed pharmacist', () => {
    expect(alBab).toBeDefined();
    expect(alBab).not.toBe(execution);
    expect(alBab).not.toBe(carBomb);
    expect(alBab!.type).toBe('shooting');
    expect(alBab!.killed).toEqual({ min: 1, max: 1 });
    expect(alBab!.location.country).toBe('Syria');
    expect(alBab!.victims.some(v => /pharmacist/.test(v.description ?? ''))).toBe(true);
  });

  // "Two weeks after militants shot dead a pharmacist in ... al-Bab, there are new reports":
  // the clause is dated two weeks before the report's time, as a week-precision window.
  it('the al-Bab shooting is dated about two weeks before the execution', () => {
    expect(alBab!.date.start).not.toBeNull();
    expect(alBab!.date.start! <= '2016-02-20').toBe(true);
    expect(alBab!.date.end! >= '2016-02-10').toBe(true);
    expect(alBab!.date).toMatchObject({ precision: 'week', text: 'Two weeks after' });
    // the execution keeps its own date: the clause's date is not the main clause's
    expect(execution.date.start).toBe('2016-03-01');
  });

  it('evidence does not leak between incidents', () => {
    expect(execution.evidence.some(e => e.text.includes('car bomb'))).toBe(false);
    expect(carBomb!.evidence.some(e => e.text.includes('Youssef'))).toBe(false);
  });
});

describe('examples/manbij-report.txt: sources, claims, citations', () => {
  it('finds the Hawar News Agency and Reuters as media', () => {
    expect(source('Hawar News Agency')?.kind).toBe('media');
    expect(source('Reuters')?.kind).toBe('media');
  });

  it('finds SNHR under its expansion, with the acronym as an alias', () => {
    const snhr = source('Syrian Network for Human Rights');
    expect(snhr).toBeDefined();
    expect(snhr!.aliases).toContain('SNHR');
    expect(snhr!.kind).toBe('organisation');
    // one source, not one per spelling
    expect(x.sources.filter(s => s.name === 'SNHR' || s.aliases.includes('SNHR'))).toHaveLength(1);
  });

  it('finds the activist network with its acronym', () => {
    const net = source('Manbij Is Burning Quietly');
    expect(net).toBeDefined();
    expect(net!.aliases).toContain('MIBQ');
  });

  it('records the citation SNHR → the activist network', () => {
    const snhr = source('Syrian Network for Human Rights')!;
    const net = source('Manbij Is Burning Quietly')!;
    const c = x.citations.find(c => c.from === snhr.id && c.to === net.id);
    expect(c).toBeDefined();
    expect(c!.evidence.text).toMatch(/cited by/);
  });

  it('the report itself cites the Hawar News Agency', () => {
    const hawar = source('Hawar News Agency')!;
    expect(x.citations.some(c => c.from === 'report' && c.to === hawar.id)).toBe(true);
  });

  it('the eyewitnesses are an anonymous source quoted inside the SNHR statement (via)', () => {
    const eye = x.sources.find(s => /eyewitnesses/.test(s.name));
    expect(eye?.kind).toBe('anonymous');
    const claim = x.claims.find(c => c.source === eye!.id)!;
    expect(claim).toBeDefined();
    expect(claim.via).not.toBeNull();
    const outer = x.claims.find(c => c.id === claim.via)!;
    expect(outer.source).toBe(source('Syrian Network for Human Rights')!.id);
    expect(outer.quote).toBe('direct');
    expect(x.citations.some(c => c.from === outer.source && c.to === eye!.id)).toBe(true);
  });

  it('the anonymous source covers "eyewitnesses and relatives"', () => {
    const eye = x.sources.find(s => /eyewitnesses/.test(s.name))!;
    const claim = x.claims.find(c => c.source === eye.id)!;
    expect(claim.sourceSpan?.text).toMatch(/eyewitnesses and relatives/);
  });

  it('finds the hedges "reportedly", "allegedly" and "It remains unclear"', () => {
    const hs = hedgeTexts();
    expect(hs).toContain('reportedly');
    expect(hs).toContain('allegedly');
    expect(hs.some(h => /^It remains unclear/.test(h))).toBe(true);
  });

  it('the "reportedly" hedge is on the Hawar News Agency claim', () => {
    const hawar = source('Hawar News Agency')!;
    const c = x.claims.find(c => c.source === hawar.id)!;
    expect(c.hedges.map(h => h.text)).toContain('reportedly');
  });

  it('every span satisfies report.text.slice(start, end) === text', () => {
    const t = x.report.text;
    const spans = [
      ...x.incidents.flatMap(i => i.evidence),
      ...x.claims.flatMap(c => [c.sourceSpan, c.cue, c.content, ...c.hedges]),
      ...x.citations.map(c => c.evidence),
    ].filter(s => s !== null);
    expect(spans.length).toBeGreaterThan(20);
    for (const s of spans) expect(t.slice(s!.start, s!.end)).toBe(s!.text);
  });

  it('the report keeps its text and publication date, with a content id', () => {
    expect(x.report.published).toBe('2016-03-02');
    expect(x.report.language).toBe('en');
    expect(x.report.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(x.report.text).toContain('Manbij Is Burning Quietly');
  });
});
