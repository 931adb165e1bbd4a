/**
 * Exports: the pure formatters (ACLED CSV cells, dates, precisions, countries; GeoJSON features;
 * PROV-JSON bundles validated against the PROV-JSON schema) on hand-built incident records, then
 * `exportIncidents` and `corroborate export` over a case file built from the bundled example
 * collection (temporary PGlite directory): every format, the filters, paging, back-pressure and
 * a writable that goes away.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACLED_COLUMNS, acledDate, acledGeoPrecision, acledHeader, acledLine, acledRegion, acledRow, countryAlpha3, countryCode,
  countryNumeric, csvCell,
} from '../src/export/acled-csv.js';
import { formatCaseSheet } from '../src/export/case-sheet.js';
import { featureCollection, incidentFeature } from '../src/export/geojson.js';
import { formatTextSummary } from '../src/export/text-summary.js';
import { incidentLine } from '../src/export/jsonl.js';
import { incidentProvBundle, provDocument, provIds } from '../src/export/prov-json.js';
import { incidentJson, relink } from '../src/jobs/case-file.js';
import { exportIncidents } from '../src/jobs/export.js';
import { ingestReports, rawReports, walkPaths } from '../src/jobs/ingest.js';
import { listIncidents, openStore, type Db, type ExportClaim, type ExportCitation, type ExportMention, type ExportReport, type IncidentSummary } from '../src/store/index.js';

const SCHEMA = JSON.parse(readFileSync(fileURLToPath(new URL('../src/export/schema/prov-json.schema.json', import.meta.url)), 'utf8'));
const COLLECTION = fileURLToPath(new URL('../examples/collection', import.meta.url));
const CLI = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url));

function provValidator() {
  // the published schema puts prov:startTime beside `type` in `activity`: not a keyword, so strict mode is off
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(SCHEMA);
}

/** RFC 4180 reader (for checking what we write): quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += ch;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// A hand-built incident: a market bombing in Mosul told by a local network, a monitor citing it
// and an agency citing the monitor; killed 5 per the network, 7 per the monitor.

const R1 = 'sha256:' + '1'.repeat(64);
const R2 = 'sha256:' + '2'.repeat(64);
function sample(over: Partial<Record<string, unknown>> = {}): IncidentSummary {
  const record = {
    id: 'incident:12',
    type: 'bombing',
    date: { start: '2017-03-02', end: '2017-03-02', value: '2017-03-02' },
    location: { name: 'Mosul', admin1: 'Nineveh', country: 'Iraq', lat: 36.335, lon: 43.1189 },
    killed: { min: 5, max: 7, value: 5 },
    injured: null,
    perpetrators: [{ name: null, group: '=HYPERLINK("http://x.example","click")', text: 'militants' }, { name: null, group: 'Islamic State', text: 'Islamic State' }],
    victims: [{ name: null, age: null, gender: null, description: 'civilians', text: 'five civilians' }],
    reports: [{ id: R1, externalId: 'a', title: 'Car bomb, market', published: '2017-03-02', mention: 'inc-1' }, { id: R2, externalId: 'b', title: 'Monitor: "seven dead", Mosul', published: '2017-03-03', mention: 'inc-1' }],
    sources: ['src:mosul-eye', 'src:monitor', 'outlet:wire-example'],
    origins: ['src:mosul-eye', 'src:monitor'],
    contradictions: [{ field: 'killed', values: [{ value: '5', sources: ['src:mosul-eye'], origins: ['src:mosul-eye'] }, { value: '7', sources: ['src:monitor'], origins: ['src:monitor'] }] }],
    fields: [
      { field: 'killed', values: [{ value: '5', sources: ['src:mosul-eye'] }, { value: '7', sources: ['src:monitor'] }], contradiction: true, merged: { value: '5', min: 5, max: 7, rule: '' }, text: 'killed 5 per Mosul Eye, 7 per the Monitor' },
      { field: 'perpetrators', values: [], contradiction: false, merged: { value: null, min: null, max: null, rule: '' }, text: 'perpetrators: not stated' },
    ],
    provenance: {
      nodes: [
        { id: 'src:mosul-eye', name: 'Mosul Eye', kind: 'organisation' },
        { id: 'src:monitor', name: 'the Monitor', kind: 'organisation' },
        { id: 'outlet:wire-example', name: 'wire.example', kind: 'media' },
        { id: 'src:a-witness', name: 'a witness', kind: 'anonymous' },
      ],
      edges: [
        { from: 'outlet:wire-example', to: 'src:monitor', reports: [R2], evidence: ['the Monitor said'] },
        { from: 'src:monitor', to: 'src:mosul-eye', reports: [R2], evidence: ['citing Mosul Eye'] },
      ],
      origins: ['src:mosul-eye', 'src:monitor'],
      summary: '2 reports, 2 outlets, 2 independent origins (Mosul Eye; the Monitor)',
      reports: { [R1]: { outlet: 'outlet:wire-example', speakers: ['src:mosul-eye'] }, [R2]: { outlet: 'outlet:wire-example', speakers: ['src:monitor'] } },
    },
    members: [{ reportId: R1, mentionId: 'inc-1' }, { reportId: R2, mentionId: 'inc-1' }],
    ...over,
  };
  return {
    id: 'incident:12', type: 'bombing', dateStart: '2017-03-02', dateEnd: '2017-03-02', locationName: 'Mosul', lat: 36.335, lon: 43.1189,
    killed: { min: 5, max: 7 }, injured: null, reports: 2, record: record as never,
  };
}

const mentions: ExportMention[] = [
  { incidentId: 'incident:12', reportId: R1, mentionId: 'inc-1', datePrecision: 'day', placePrecision: 'city', placeText: 'Mosul', claims: ['claim:1'] },
  { incidentId: 'incident:12', reportId: R2, mentionId: 'inc-1', datePrecision: 'day', placePrecision: 'city', placeText: 'western Mosul', claims: ['claim:1', 'claim:2'] },
];
const reports = new Map<string, ExportReport>([
  [R1, { id: R1, externalId: 'a', title: 'Car bomb, market', published: '2017-03-02', url: 'https://wire.example/a', byteSize: 400, extractorVersion: 'corroborate@0.1.0', addedAt: '2017-03-02T10:00:00.000Z', extractedAt: '2017-03-02T10:00:01.000Z' }],
  [R2, { id: R2, externalId: 'b', title: 'Monitor: "seven dead", Mosul', published: '2017-03-03', url: null, byteSize: 500, extractorVersion: 'corroborate@0.1.0', addedAt: '2017-03-03T10:00:00.000Z', extractedAt: null }],
]);
const claims: ExportClaim[] = [
  { reportId: R1, id: 'claim:1', source: 's1', sourceName: 'Mosul Eye', sourceKind: 'organisation', sourceId: 'src:mosul-eye', cue: { start: 80, end: 84, text: 'said' }, content: { start: 0, end: 60, text: 'Five civilians were killed when a car bomb exploded' }, quote: 'indirect', hedges: [] },
  { reportId: R2, id: 'claim:1', source: 's1', sourceName: 'the Monitor', sourceKind: 'organisation', sourceId: 'src:monitor', cue: { start: 90, end: 94, text: 'said' }, content: { start: 0, end: 40, text: 'Seven people died in the blast' }, quote: 'indirect', hedges: ['at least'] },
  { reportId: R2, id: 'claim:2', source: 's2', sourceName: 'a witness', sourceKind: 'anonymous', sourceId: null, cue: null, content: { start: 100, end: 130, text: '"The market was full"' }, quote: 'direct', hedges: [] },
];
const citations: ExportCitation[] = [
  { reportId: R2, seq: 0, from: 's1', to: 's3', fromName: 'the Monitor', toName: 'Mosul Eye', fromId: 'src:monitor', toId: 'src:mosul-eye', evidence: { start: 40, end: 56, text: 'citing Mosul Eye' } },
  { reportId: R2, seq: 1, from: 'report', to: 's1', fromName: null, toName: 'the Monitor', fromId: null, toId: 'src:monitor', evidence: { start: 60, end: 76, text: 'the Monitor said' } },
];

describe('ACLED CSV: cells, header, codes', () => {
  it('quotes per RFC 4180 and guards formulas in text cells only', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+44 20')).toBe("'+44 20");
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('=HYPERLINK("u","t")')).toBe('"\'=HYPERLINK(""u"",""t"")"');
    expect(csvCell(-74.006)).toBe('-74.006');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('the header is ACLED\'s 31 column names in ACLED\'s order', () => {
    expect(acledHeader()).toBe(
      'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,' +
      'assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,' +
      'geo_precision,source,source_scale,notes,fatalities,tags,timestamp\r\n');
    expect(ACLED_COLUMNS).toHaveLength(31);
  });

  it('time_precision from the date interval: a day 1, up to a week 2 (dated at its middle), longer 3; no date null', () => {
    expect(acledDate('2017-03-02', '2017-03-02')).toEqual({ date: '2017-03-02', precision: 1 });
    expect(acledDate('2017-03-02', null)).toEqual({ date: '2017-03-02', precision: 1 });
    expect(acledDate('2017-02-27', '2017-03-05')).toEqual({ date: '2017-03-02', precision: 2 });
    expect(acledDate('2017-03-01', '2017-03-31')).toEqual({ date: '2017-03-16', precision: 3 });
    expect(acledDate(null, null)).toBeNull();
    expect(acledDate('not a date', undefined)).toBeNull();
  });

  it('geo_precision: the town 1, near / outskirts / countryside of it 2, only a province or country 3; the best report wins', () => {
    expect(acledGeoPrecision([{ placePrecision: 'city', placeText: 'Mosul' }], true)).toBe(1);
    expect(acledGeoPrecision([{ placePrecision: 'city', placeText: 'near Mosul' }], true)).toBe(2);
    expect(acledGeoPrecision([{ placePrecision: 'city', placeText: 'the southern Idlib countryside' }], true)).toBe(2);
    expect(acledGeoPrecision([{ placePrecision: 'admin1', placeText: 'Nineveh province' }], true)).toBe(3);
    expect(acledGeoPrecision([{ placePrecision: 'country', placeText: 'Iraq' }, { placePrecision: 'point', placeText: 'Mosul' }], true)).toBe(1);
    expect(acledGeoPrecision([{ placePrecision: 'city', placeText: 'North Waziristan' }], true)).toBe(1);
    expect(acledGeoPrecision([], false)).toBeNull();
  });

  it('countries: names as the geocoder gives them to ISO codes and ACLED regions; unknown names give nothing', () => {
    expect(countryCode('Syria')).toBe('SY');
    expect(countryNumeric('SY')).toBe(760);
    expect(countryAlpha3('SY')).toBe('SYR');
    expect(acledRegion('SY')).toBe('Middle East');
    expect(acledRegion(countryCode('Nigeria'))).toBe('Western Africa');
    expect(acledRegion(countryCode('Pakistan'))).toBe('South Asia');
    expect(acledRegion(countryCode('Mexico'))).toBe('Central America');
    expect(acledRegion(countryCode('Turkey'))).toBe('Middle East');
    expect(acledRegion(countryCode('Georgia'))).toBe('Caucasus and Central Asia');
    expect(countryCode("Côte d'Ivoire")).toBe('CI');
    expect(countryCode('Atlantis')).toBeNull();
    expect(countryNumeric(null)).toBeNull();
    expect(acledRegion(null)).toBeNull();
  });

  it('one incident -> one row: lowest fatality figure, origins first in source, a sourced note, guarded actor, tags', () => {
    const row = acledRow(sample(), { mentions, updatedAt: '2017-03-04T00:00:00.000Z' });
    expect(row).toMatchObject({
      event_id_cnty: 'IRQ12', event_date: '2017-03-02', year: 2017, time_precision: 1,
      disorder_type: 'Political violence', event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED',
      actor1: '=HYPERLINK("http://x.example","click")', assoc_actor_1: 'Islamic State', actor2: null,
      civilian_targeting: 'Civilian targeting', iso: 368, region: 'Middle East', country: 'Iraq', admin1: 'Nineveh',
      location: 'Mosul', latitude: 36.335, longitude: 43.1189, geo_precision: 1, fatalities: 5,
      source: 'Mosul Eye; the Monitor; wire.example', source_scale: null, timestamp: 1488585600,
    });
    expect(row.notes).toBe('On 2017-03-02, bombing in Mosul, Nineveh, Iraq. Killed 5 per Mosul Eye, 7 per the Monitor. Sources: 2 reports, 2 outlets, 2 independent origins (Mosul Eye; the Monitor).');
    expect(row.tags).toBe('corroborate id=incident:12; reports=2; origins=2; contradiction=killed');
    const [cells] = parseCsv(acledLine(sample(), { mentions }));
    expect(cells).toHaveLength(31);
    expect(cells[ACLED_COLUMNS.indexOf('actor1')]).toBe('\'=HYPERLINK("http://x.example","click")');
    expect(cells[ACLED_COLUMNS.indexOf('longitude')]).toBe('43.1189');
  });

  it('a bare incident (no place, no date, no toll, unknown type) still gives a full row', () => {
    const s = sample({ type: 'mystery', date: null, location: null, killed: null, perpetrators: [], victims: [], fields: [], contradictions: [], provenance: {} });
    const row = acledRow({ ...s, type: null, dateStart: null, dateEnd: null, locationName: null, lat: null, lon: null, killed: null });
    expect(row).toMatchObject({ event_id_cnty: 'XXX12', event_date: null, event_type: 'Strategic developments', fatalities: 0, latitude: null, geo_precision: null, iso: null, region: null });
    expect(parseCsv(acledLine(s))[0]).toHaveLength(31);
  });

  it('violence against civilians: actor2 is the civilians of the country, inter2 7', () => {
    const row = acledRow(sample({ type: 'execution' }));
    expect(row).toMatchObject({ event_type: 'Violence against civilians', actor2: 'Civilians (Iraq)', inter2: 7, civilian_targeting: 'Civilian targeting' });
  });
});

describe('GeoJSON features', () => {
  it('a Point in [lon, lat] order with the jsonl line as properties', () => {
    const f = incidentFeature(sample());
    expect(f).toMatchObject({ type: 'Feature', id: 'incident:12', geometry: { type: 'Point', coordinates: [43.1189, 36.335] } });
    expect(f.properties).toEqual(JSON.parse(incidentLine(sample())));
  });

  it('no coordinates, or coordinates out of range: a null geometry, the incident still listed', () => {
    const none = sample({ location: { name: 'Somewhere', admin1: null, country: null, lat: null, lon: null } });
    expect(incidentFeature({ ...none, lat: null, lon: null }).geometry).toBeNull();
    const bad = sample({ location: { name: 'X', admin1: null, country: null, lat: 95, lon: 10 } });
    expect(incidentFeature({ ...bad, lat: 95, lon: 10 }).geometry).toBeNull();
    expect(featureCollection([sample(), none]).features).toHaveLength(2);
  });
});

describe('PROV-JSON', () => {
  const validate = provValidator();
  const bundle = () => incidentProvBundle(sample(), { mentions, reports, claims, citations, updatedAt: '2017-03-04T00:00:00.000Z', software: 'corroborate@0.1.0' });

  it('an incident bundle validates against the PROV-JSON schema', () => {
    const doc = provDocument([{ summary: sample(), bundle: bundle() }], 'corroborate@0.1.0');
    const ok = validate(doc);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
    expect(doc.prefix.corroborate).toBe('urn:corroborate:');
    expect(Object.keys(doc.bundle!)).toEqual([provIds.bundle('incident:12')]);
    expect(doc.entity![provIds.bundle('incident:12')]['prov:type']).toEqual({ $: 'prov:Bundle', type: 'prov:QUALIFIED_NAME' });
  });

  it('the schema check can fail: a derivation without its used entity, or an unknown section, is refused', () => {
    const b = bundle();
    const broken = provDocument([{ summary: sample(), bundle: b }], 'x') as unknown as Record<string, any>;
    const key = Object.keys(broken.bundle)[0];
    const d = Object.keys(broken.bundle[key].wasDerivedFrom)[0];
    delete broken.bundle[key].wasDerivedFrom[d]['prov:usedEntity'];
    expect(validate(broken)).toBe(false);
    expect(validate({ prefix: {}, wasQuotedFrom: {} })).toBe(false);
  });

  it('entities, agents and activities: reports, claims, incident; sources and outlets; extraction and linking', () => {
    const b = bundle();
    expect(b.entity[provIds.incident('incident:12')]).toMatchObject({ 'corroborate:killedMin': 5, 'corroborate:killedMax': 7, 'corroborate:contradiction': ['killed'] });
    expect(b.entity[provIds.report(R1)]).toMatchObject({ 'prov:label': 'Car bomb, market', 'corroborate:url': { $: 'https://wire.example/a', type: 'xsd:anyURI' } });
    expect(b.entity[provIds.claim(R2, 'claim:1')]).toMatchObject({ 'prov:value': 'Seven people died in the blast', 'corroborate:speaker': 'the Monitor', 'corroborate:hedge': ['at least'] });
    expect(b.agent[provIds.agent('src:monitor')]).toMatchObject({ 'prov:label': 'the Monitor', 'prov:type': { $: 'prov:Organization', type: 'prov:QUALIFIED_NAME' }, 'corroborate:origin': true });
    expect(b.agent[provIds.agent('outlet:wire-example')]).toMatchObject({ 'corroborate:origin': false });
    expect(b.agent[provIds.agent('src:a-witness')]['prov:type']).toBeUndefined();
    expect(b.activity[provIds.extraction(R1)]).toMatchObject({ 'prov:endTime': '2017-03-02T10:00:01.000Z' });
    expect(b.activity[provIds.linking('incident:12')]).toBeDefined();
  });

  it('relations: claim attributed to its speaker, quoted claims wasQuotedFrom, citations hadPrimarySource, incident derived from claims', () => {
    const b = bundle();
    const rels = (k: keyof typeof b) => Object.values(b[k]);
    expect(rels('wasAttributedTo')).toContainEqual({ 'prov:entity': provIds.claim(R2, 'claim:1'), 'prov:agent': provIds.agent('src:monitor') });
    expect(rels('wasAttributedTo')).toContainEqual({ 'prov:entity': provIds.report(R1), 'prov:agent': provIds.agent('outlet:wire-example') });
    // the anonymous witness is collapsed into the outlet that cites it: its direct quote is a quotation from the outlet's account
    expect(rels('wasDerivedFrom')).toContainEqual({
      'prov:generatedEntity': provIds.claim(R2, 'claim:2'), 'prov:usedEntity': provIds.account('outlet:wire-example', 'incident:12'),
      'prov:type': { $: 'prov:Quotation', type: 'prov:QUALIFIED_NAME' },
    });
    // the Monitor's claim rests on Mosul Eye, an independent origin
    expect(rels('wasDerivedFrom')).toContainEqual({
      'prov:generatedEntity': provIds.claim(R2, 'claim:1'), 'prov:usedEntity': provIds.account('src:mosul-eye', 'incident:12'),
      'corroborate:evidence': 'citing Mosul Eye', 'prov:type': { $: 'prov:PrimarySource', type: 'prov:QUALIFIED_NAME' },
    });
    expect(rels('wasDerivedFrom')).toContainEqual(expect.objectContaining({ 'prov:generatedEntity': provIds.account('outlet:wire-example', 'incident:12'), 'prov:usedEntity': provIds.account('src:monitor', 'incident:12') }));
    expect(rels('wasDerivedFrom')).toContainEqual({ 'prov:generatedEntity': provIds.incident('incident:12'), 'prov:usedEntity': provIds.claim(R1, 'claim:1'), 'prov:activity': provIds.linking('incident:12') });
    expect(rels('used')).toContainEqual({ 'prov:activity': provIds.extraction(R2), 'prov:entity': provIds.report(R2) });
    expect(rels('wasGeneratedBy')).toContainEqual(expect.objectContaining({ 'prov:entity': provIds.incident('incident:12'), 'prov:activity': provIds.linking('incident:12') }));
    // relation ids are unique blank nodes
    const ids = (Object.keys(b) as (keyof typeof b)[]).filter((k) => !['entity', 'agent', 'activity'].includes(k)).flatMap((k) => Object.keys(b[k]));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((i) => i.startsWith('_:'))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Over a case file

let tmp: string;
let dbDir: string;
let db: Db;
let summaries: IncidentSummary[] = [];

class Sink extends Writable {
  text = '';
  constructor(private delay = 0, hwm = 16 * 1024) {
    super({ highWaterMark: hwm, decodeStrings: false });
  }
  _write(chunk: string | Buffer, _enc: string, cb: (e?: Error | null) => void) {
    this.text += chunk.toString();
    if (this.delay) setTimeout(cb, this.delay); else cb();
  }
}

async function run(format: 'acled' | 'geojson' | 'prov' | 'jsonl', filters = {}, pageSize?: number) {
  const sink = new Sink();
  const res = await exportIncidents(db, format, filters, sink, pageSize ? { pageSize } : {});
  return { ...res, text: sink.text };
}

describe('counts with no upper bound, and approximate counts, in every export', () => {
  // both reports say "at least 12" killed; the monitor says "about 20" hurt
  const open = () => sample({
    killed: { min: 12, max: null, value: 12 },
    injured: { min: 20, max: 20, value: 20, approximate: true },
    contradictions: [],
    fields: [
      { field: 'killed', values: [{ value: 'at least 12', count: { min: 12, max: null }, reports: [R1, R2], sources: ['src:mosul-eye', 'src:monitor'], origins: ['src:mosul-eye', 'src:monitor'], independence: '' }], contradiction: false, merged: { value: 'at least 12', min: 12, max: null, rule: '' }, text: 'killed at least 12 per Mosul Eye and the Monitor' },
      { field: 'injured', values: [{ value: 'about 20', count: { min: 20, max: 20, approximate: true }, reports: [R2], sources: ['src:monitor'], origins: ['src:monitor'], independence: '' }], contradiction: false, merged: { value: 'about 20', min: 20, max: 20, approximate: true, rule: '' }, text: 'injured about 20 per the Monitor' },
    ],
  });
  const summary = (): IncidentSummary => ({ ...open(), killed: { min: 12, max: null }, injured: { min: 20, max: 20, approximate: true } });

  it('ACLED: fatalities is the stated minimum; the notes say "at least 12" and "about 20", never null', () => {
    const row = acledRow(summary(), { mentions });
    expect(row.fatalities).toBe(12);
    expect(row.notes).toContain('Killed at least 12 per Mosul Eye and the Monitor.');
    expect(row.notes).toContain('Injured about 20 per the Monitor.');
    expect(acledLine(summary(), { mentions })).not.toMatch(/null|NaN|undefined/);
  });

  it('GeoJSON and JSON Lines: max null, the approximate mark kept', () => {
    const f = incidentFeature(summary());
    expect(f.properties.killed).toEqual({ min: 12, max: null, value: 12 });
    expect(f.properties.injured).toEqual({ min: 20, max: 20, value: 20, approximate: true });
    expect(JSON.parse(incidentLine(summary())).killed).toEqual({ min: 12, max: null, value: 12 });
  });

  it('PROV-JSON: no max for an open count, said so; still valid against the schema', () => {
    const validate = provValidator();
    const b = incidentProvBundle(summary(), { mentions, reports, claims, citations, updatedAt: '2017-03-04T00:00:00.000Z', software: 'corroborate@0.1.0' });
    const inc = b.entity[provIds.incident('incident:12')];
    expect(inc['corroborate:killedMin']).toBe(12);
    expect(inc).not.toHaveProperty('corroborate:killedMax');
    expect(inc['corroborate:killedMaxOpen']).toBe(true);
    expect(inc['corroborate:injuredMax']).toBe(20);
    expect(inc['corroborate:injuredApproximate']).toBe(true);
    expect(inc).not.toHaveProperty('corroborate:injuredMaxOpen');
    const doc = provDocument([{ summary: summary(), bundle: b }], 'corroborate@0.1.0');
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it('a documenter\'s open correction ("at least 3") is what the exports state', () => {
    const s = { ...summary(), reviewed: { killed: { min: 3, max: null } } };
    expect(acledRow(s).fatalities).toBe(3);
    expect(JSON.parse(incidentLine(s))).toMatchObject({ killed: { min: 3, max: null }, corrected: { killed: { linked: { min: 12, max: null, value: 12 } } } });
    const b = incidentProvBundle(s, { mentions, reports, claims, citations, software: 'corroborate@0.1.0' });
    expect(b.entity[provIds.incident('incident:12')]).toMatchObject({ 'corroborate:killedMin': 3, 'corroborate:killedMaxOpen': true });
  });

  it('the case sheet and the text summary say "at least 12" and "about 20"', () => {
    const rec = open().record as never as Record<string, unknown> & { id: string };
    const sheet = formatCaseSheet({ record: rec as never, reviewed: null, members: [], reports: [] });
    expect(sheet).toMatch(/^killed:\s+at least 12$/m);
    expect(sheet).toMatch(/^injured:\s+about 20$/m);
    const ranged = formatCaseSheet({ record: { ...rec, killed: { min: 10, max: null, value: 12 } } as never, reviewed: null, members: [], reports: [] });
    expect(ranged).toMatch(/^killed:\s+12 \(reports range 10 or more\)$/m);
    expect(sheet + ranged).not.toMatch(/null|NaN/);
    const text = 'At least 12 people were killed and about 20 wounded.';
    const ex = {
      report: { id: 'sha256:' + 'cd'.repeat(32), title: null, published: '2017-03-02', language: 'en', text },
      sources: [], claims: [], citations: [],
      incidents: [{
        id: 'inc-1', type: 'bombing' as const, method: null, date: { start: null, end: null, precision: 'unknown' as const, text: null },
        location: { name: null, country: null, admin1: null, lat: null, lon: null, precision: 'unknown' as const, text: null },
        perpetrators: [], victims: [], killed: { min: 12, max: null }, injured: { min: 20, max: 20, approximate: true as const },
        weapons: [], evidence: [{ start: 0, end: 11, text: 'At least 12' }], claims: [],
      }],
    };
    expect(formatTextSummary(ex)).toContain('Killed: at least 12   Injured: about 20');
  });
});

describe('exportIncidents over the example collection', () => {
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'corroborate-export-'));
    dbDir = join(tmp, 'db');
    db = await openStore({ dir: dbDir });
    const files: string[] = [];
    for await (const f of walkPaths([COLLECTION])) files.push(f);
    await ingestReports(db, rawReports(files, null), { by: 'export-test' });
    await relink(db);
    summaries = await listIncidents(db, {});
  }, 120_000);

  afterAll(async () => {
    await db?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('acled: the header, then one row per incident; the contradiction shows in notes and fatalities is the lowest figure', async () => {
    const { incidents, text } = await run('acled');
    expect(incidents).toBe(4);
    expect(text.startsWith(ACLED_COLUMNS.join(',') + '\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.length === 31)).toBe(true);
    const col = (r: string[], c: string) => r[ACLED_COLUMNS.indexOf(c as never)];
    const kn = rows.find((r) => col(r, 'country') === 'Syria')!;
    expect(col(kn, 'fatalities')).toBe('3');
    expect(col(kn, 'event_id_cnty')).toMatch(/^SYR\d+$/);
    expect(col(kn, 'event_date')).toBe('2019-05-14');
    expect(col(kn, 'sub_event_type')).toBe('Shelling/artillery/missile attack');
    expect(col(kn, 'iso')).toBe('760');
    expect(col(kn, 'geo_precision')).toBe('1');
    expect(col(kn, 'notes')).toMatch(/Killed 3 per Kafr Nabl Media Office.*4 per Syrian Observatory for Human Rights/);
    // the independent origins first: the media office (the monitor cites it) and the outlet with its own witness
    expect(col(kn, 'source').split('; ').slice(0, 2).sort()).toEqual(['Kafr Nabl Media Office', 'northerndispatch.example.com']);
    expect(col(kn, 'source').split('; ')).toContain('Syrian Observatory for Human Rights');
    expect(Number(col(kn, 'timestamp'))).toBeGreaterThan(1.7e9);
    expect(rows.slice(1).map((r) => col(r, 'country')).sort()).toEqual(['Iraq', 'Nigeria', 'Pakistan', 'Syria']);
  });

  it('geojson: a FeatureCollection of 4 features, [lon, lat]', async () => {
    const { text } = await run('geojson');
    const fc = JSON.parse(text);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(4);
    const kn = fc.features.find((f: { properties: { location: { country: string } } }) => f.properties.location?.country === 'Syria');
    const [lon, lat] = kn.geometry.coordinates;
    expect(lon).toBeGreaterThan(35);
    expect(lon).toBeLessThan(37.5);
    expect(lat).toBeGreaterThan(35);
    expect(lat).toBeLessThan(36.5);
  });

  it('jsonl: exactly the lines of `incidents --format jsonl`', async () => {
    const { text } = await run('jsonl');
    expect(text).toBe(summaries.map((s) => JSON.stringify(incidentJson(s)) + '\n').join(''));
  });

  it('prov: validates against the PROV-JSON schema; claims attributed to the monitor, outlets citing it derive from its account, its own primary source is the media office', async () => {
    const { text } = await run('prov');
    const doc = JSON.parse(text);
    const validate = provValidator();
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(Object.keys(doc.bundle)).toHaveLength(4);
    const kn = summaries.find((s) => (s.record.location as { country?: string } | null)?.country === 'Syria')!;
    const b = doc.bundle[provIds.bundle(kn.id)];
    const sohr = provIds.agent('src:syrian-observatory-for-human-rights');
    // the monitor cites the media office, so it is not an origin
    expect(b.agent[sohr]).toMatchObject({ 'prov:label': 'Syrian Observatory for Human Rights', 'corroborate:origin': false });
    const attributed = Object.values(b.wasAttributedTo as Record<string, Record<string, string>>).filter((a) => a['prov:agent'] === sohr && a['prov:entity'].startsWith('corroborate:claim-'));
    expect(attributed.length).toBeGreaterThanOrEqual(3);
    const derived = Object.values(b.wasDerivedFrom as Record<string, Record<string, unknown>>);
    const typeOf = (d: Record<string, unknown>) => (d['prov:type'] as { $: string } | undefined)?.$;
    // the two outlets derive from the monitor's account (not a primary source: the monitor cites the media office)
    const fromMonitor = derived.filter((d) => d['prov:usedEntity'] === provIds.account('src:syrian-observatory-for-human-rights', kn.id) && String(d['prov:generatedEntity']).includes('outlet-'));
    expect(fromMonitor.length).toBeGreaterThanOrEqual(2);
    expect(fromMonitor.every((d) => typeOf(d) !== 'prov:PrimarySource')).toBe(true);
    // ... and the monitor's account has the media office as its primary source
    const monitorPrimary = derived.filter((d) => d['prov:generatedEntity'] === provIds.account('src:syrian-observatory-for-human-rights', kn.id) && d['prov:usedEntity'] === provIds.account('src:kafr-nabl-media-office', kn.id));
    expect(monitorPrimary.map(typeOf)).toEqual(['prov:PrimarySource']);
    const reportEntities = Object.keys(b.entity).filter((k) => k.startsWith('corroborate:report-'));
    expect(reportEntities).toHaveLength(5);
    // every identifier is a qualified name whose local part PROV-N takes without escapes
    for (const bundle of Object.values(doc.bundle) as Record<string, Record<string, unknown>>[]) {
      for (const k of ['entity', 'agent', 'activity']) {
        for (const id of Object.keys(bundle[k] ?? {})) expect(id).toMatch(/^corroborate:[A-Za-z0-9_-]+$/);
      }
    }
  });

  it('filters as in `incidents`: type, dates, near, q; a bad date rejects before anything is written', async () => {
    expect((await run('jsonl', { type: 'shelling' })).incidents).toBe(1);
    expect((await run('jsonl', { from: '2019-01-01' })).incidents).toBe(2);
    expect((await run('jsonl', { from: '2018-01-01', to: '2018-12-31' })).incidents).toBe(2);
    expect((await run('acled', { near: { lat: 11.85, lon: 13.16, km: 20 } })).text.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect((await run('jsonl', { q: 'polio' })).incidents).toBe(1);
    const empty = await run('geojson', { type: 'arson' });
    expect(empty.incidents).toBe(0);
    expect(JSON.parse(empty.text)).toEqual({ type: 'FeatureCollection', features: [] });
    const none = await run('prov', { type: 'arson' });
    expect(provValidator()(JSON.parse(none.text))).toBe(true);
    const sink = new Sink();
    await expect(exportIncidents(db, 'acled', { from: '14/05/2019' }, sink)).rejects.toThrow(/bad from date/);
    expect(sink.text).toBe('');
    await expect(exportIncidents(db, 'xml' as never, {}, sink)).rejects.toThrow(/unknown export format "xml"/);
  });

  it('paging does not change the output; limit and offset bound the export', async () => {
    for (const f of ['acled', 'geojson', 'prov', 'jsonl'] as const) {
      const whole = await run(f);
      const paged = await run(f, {}, 1);
      // ACLED timestamps and PROV times are the same: nothing was relinked in between
      expect(paged.text, f).toBe(whole.text);
    }
    const two = await run('jsonl', { limit: 2, offset: 1 }, 1);
    expect(two.text).toBe(summaries.slice(1, 3).map((s) => JSON.stringify(incidentJson(s)) + '\n').join(''));
  });

  it('waits for a slow reader (back-pressure) and stops when the output closes early', async () => {
    const slow = new Sink(2, 1);
    const res = await exportIncidents(db, 'prov', {}, slow, { pageSize: 1 });
    expect(res.incidents).toBe(4);
    expect(provValidator()(JSON.parse(slow.text))).toBe(true);

    const pass = new PassThrough({ highWaterMark: 1 });
    setTimeout(() => pass.destroy(), 20);
    await expect(exportIncidents(db, 'jsonl', {}, pass, { pageSize: 1 })).rejects.toThrow(/closed|destroyed/);
  });
});

describe('corroborate export (command line)', () => {
  let cliTmp: string;
  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} not found: build first (npm run build, or npm test which builds)`);
    cliTmp = mkdtempSync(join(tmpdir(), 'corroborate-export-cli-'));
    const store = await openStore({ dir: join(cliTmp, 'db') });
    try {
      const files: string[] = [];
      for await (const f of walkPaths([COLLECTION])) files.push(f);
      await ingestReports(store, rawReports(files, null), { by: 'export-cli-test' });
      await relink(store);
    } finally {
      await store.close();
    }
  }, 120_000);
  afterAll(() => {
    if (cliTmp) rmSync(cliTmp, { recursive: true, force: true });
  });

  const cli = (args: string[]) => new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    execFile(process.execPath, [CLI, ...args], { env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0, stdout, stderr });
    });
  });

  it('--format acled --out FILE writes the file (no .partial left) and says how many incidents', async () => {
    const out = join(cliTmp, 'acled.csv');
    const r = await cli(['export', '--db', join(cliTmp, 'db'), '--format', 'acled', '--type', 'shelling', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/exported 1 incident \(acled\) to .*acled\.csv/);
    const rows = parseCsv(readFileSync(out, 'utf8'));
    expect(rows[0]).toEqual([...ACLED_COLUMNS]);
    expect(rows).toHaveLength(2);
    expect(existsSync(out + '.partial')).toBe(false);
  }, 60_000);

  it('jsonl to stdout; a missing or unknown --format and a bad --near are usage errors (exit 2)', async () => {
    const r = await cli(['export', '--db', join(cliTmp, 'db'), '--format', 'jsonl']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(4);
    expect((await cli(['export', '--db', join(cliTmp, 'db')])).code).toBe(2);
    expect((await cli(['export', '--db', join(cliTmp, 'db'), '--format', 'xml'])).code).toBe(2);
    expect((await cli(['export', '--db', join(cliTmp, 'db'), '--format', 'acled', '--near', '1,2'])).code).toBe(2);
  }, 60_000);
});
