import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../src/extract/index.js';
import type { CountRange, Extraction, IncidentMention } from '../src/model/index.js';
import { isProperName, linkSources, sourceKeys, sourceLookupKeys, type SourceCorrection } from '../src/link/sources.js';
import { addReport, blockingKeys, clusterReports, createClusterState, featuresFromJson, featuresToJson, incidentsOf, indexKeys, mentionKey, scorePair } from '../src/link/cluster.js';
import { buildCaseFile, renameSources } from '../src/link/index.js';
import { incidentProvenance, type IncidentReport } from '../src/link/provenance.js';
import { fieldSummaries, fieldSummary, mergeCounts } from '../src/link/contradictions.js';
import { clusterScores } from '../bench/eval/cluster.js';

const FIX = path.join(import.meta.dirname, 'fixtures/link');
const read = (f: string, published = '2016-05-11'): Extraction =>
  extractReport({ text: readFileSync(path.join(FIX, f), 'utf8'), published, title: null });

const CHAIN = ['a-local-group.txt', 'b-monitor.txt', 'c-outlet-one.txt', 'd-outlet-two.txt', 'e-outlet-witness.txt'];

function itemsOf(xs: Extraction[], mentions: Array<{ report: string; mention: IncidentMention }>): IncidentReport[] {
  return mentions.map(m => ({ extraction: xs.find(x => x.report.id === m.report)!, mention: m.mention }));
}

describe('a local group, a monitor citing it, two outlets citing the monitor, an outlet with its own witness', () => {
  const xs = CHAIN.map(f => read(f));
  const identity = linkSources(xs);
  const st = clusterReports(xs);
  const incidents = incidentsOf(st);

  it('clusters the five reports into one incident, each merge with its score and reasons', () => {
    expect(incidents).toHaveLength(1);
    expect(incidents[0].mentions).toHaveLength(5);
    expect(st.merges).toHaveLength(4);
    for (const m of st.merges) {
      expect(m.score).toBeGreaterThanOrEqual(st.config.mergeAt);
      expect(m.reasons.some(r => r.startsWith('same day'))).toBe(true);
    }
  });

  it('counts 2 independent origins, not 5', () => {
    const prov = incidentProvenance(itemsOf(xs, incidents[0].mentions), identity);
    expect(prov.counts).toEqual({ reports: 5, outlets: 5, origins: 2 });
    const dhdv = identity.sources.find(s => s.aliases.includes('DHDV'))!;
    expect(prov.origins).toContain(dhdv.id);
    // the witness outlet is the other origin: its own witness, not a separate anonymous origin
    const witnessReport = xs[4].report.id;
    expect(prov.origins).toContain(prov.reports.get(witnessReport)!.outlet);
    // outlets that cite the monitor rest on the local group through it
    expect(prov.reports.get(xs[2].report.id)!.origins).toEqual([dhdv.id]);
    expect(prov.summary).toMatch(/^5 reports, 5 outlets, 2 independent origins/);
  });

  it('shows the planted contradiction: killed 3 vs 4, with who holds each and a merged range', () => {
    const items = itemsOf(xs, incidents[0].mentions);
    const prov = incidentProvenance(items, identity);
    const killed = fieldSummary('killed', items, prov);
    expect(killed.contradiction).toBe(true);
    expect(killed.values.map(v => v.value).sort()).toEqual(['3', '4']);
    const four = killed.values.find(v => v.value === '4')!;
    const three = killed.values.find(v => v.value === '3')!;
    expect(four.reports).toHaveLength(3);
    expect(four.origins).toHaveLength(1);
    expect(four.independence).toBe('1 independent origin; 3 reports repeat it');
    expect(three.origins).toHaveLength(2);
    expect(killed.merged).toMatchObject({ min: 3, max: 4, value: '3' });
    expect(killed.text).toMatch(/killed 3 per .*Deir Hafer Documenting Violations.*, 4 per Syrian Observatory for Human Rights/);
    const summaries = fieldSummaries(items, prov);
    expect(summaries.find(s => s.field === 'date')).toMatchObject({ contradiction: false, merged: { value: '2016-05-10' } });
    expect(summaries.find(s => s.field === 'injured')!.values).toHaveLength(0);
  });
});

describe('incident clustering', () => {
  it('keeps two events in the same town on the same day apart', () => {
    const xs = ['town-market-bombing.txt', 'town-checkpoint-shooting.txt'].map(f => read(f, '2016-05-10'));
    expect(xs.every(x => x.incidents.length > 0)).toBe(true);
    expect(xs[0].incidents[0].location.name).toBe(xs[1].incidents[0].location.name);
    expect(xs[0].incidents[0].date.start).toBe(xs[1].incidents[0].date.start);
    const st = clusterReports(xs, { mentions: 'main' });
    expect(incidentsOf(st)).toHaveLength(2);
    expect(st.merges).toHaveLength(0);
  });

  it('records a suggestion between the thresholds and never merges silently', () => {
    const xs = ['town-market-bombing.txt', 'town-checkpoint-shooting.txt'].map(f => read(f, '2016-05-10'));
    const st = clusterReports(xs, { mentions: 'main', suggestAt: 0.01, mergeAt: 0.99 });
    expect(incidentsOf(st)).toHaveLength(2);
    expect(st.suggestions).toHaveLength(1);
    expect(st.suggestions[0].reasons.length).toBeGreaterThan(0);
  });

  it('re-adding a report is a no-op; a report without incidents adds nothing', () => {
    const x = read('a-local-group.txt');
    const st = createClusterState();
    expect(addReport(st, x)).toHaveLength(1);
    expect(addReport(st, x)).toHaveLength(0);
    const empty = extractReport({ text: 'The city council met on Tuesday to discuss the budget.', published: '2016-05-11' });
    expect(addReport(st, empty)).toHaveLength(0);
    expect(st.incidents.size).toBe(1);
  });

  it('a split correction keeps mentions apart and survives re-clustering; a merge correction joins', () => {
    const xs = CHAIN.slice(1, 3).map(f => read(f));
    const keys = xs.map(x => mentionKey(x.report.id, x.incidents[0].id));
    expect(incidentsOf(clusterReports(xs))).toHaveLength(1);
    const split = clusterReports(xs, {}, [{ kind: 'split', mentions: keys }]);
    expect(incidentsOf(split)).toHaveLength(2);
    // again with a third report that would join either
    const again = clusterReports([...xs, read('d-outlet-two.txt')], {}, [{ kind: 'split', mentions: keys }]);
    const inc = incidentsOf(again);
    expect(inc.find(i => i.mentions.some(m => m.key === keys[0]))!.mentions.some(m => m.key === keys[1])).toBe(false);
    const town = ['town-market-bombing.txt', 'town-checkpoint-shooting.txt'].map(f => read(f, '2016-05-10'));
    const tk = town.map(x => mentionKey(x.report.id, x.incidents[0].id));
    const merged = clusterReports(town, { mentions: 'main' }, [{ kind: 'merge', mentions: tk, by: 'documenter' }]);
    expect(incidentsOf(merged)).toHaveLength(1);
    expect(merged.merges[0]).toMatchObject({ by: 'correction' });
  });

  it('far-apart dates and places lower the pair score; undated, unplaced mentions still cluster', () => {
    const x = read('c-outlet-one.txt');
    const st = createClusterState();
    addReport(st, x);
    const rec = [...st.mentions.values()][0];
    const moved = { ...rec, features: { ...rec.features, day0: rec.features.day0 + 30, day1: rec.features.day1 + 30 } };
    const far = { ...rec, features: { ...rec.features, lat: 0, lon: 0 } };
    const same = scorePair(rec, { ...rec, report: 'other' }, st).score;
    expect(scorePair(rec, moved, st).score).toBeLessThan(same);
    expect(scorePair(rec, far, st).score).toBeLessThan(same);
    const bare: Extraction = { ...x, report: { ...x.report, id: 'sha256:bare', published: null }, incidents: x.incidents.map(m => ({ ...m, date: { start: null, end: null, precision: 'unknown', text: null }, location: { ...m.location, lat: null, lon: null, country: null, admin1: null, name: null, precision: 'unknown' } })) };
    expect(() => addReport(st, bare)).not.toThrow();
    expect(st.mentions.size).toBe(2);
  });

  it('blocks candidates: thousands of mentions on distinct days and places cluster quickly', () => {
    const x = read('c-outlet-one.txt');
    const m = x.incidents[0];
    const st = createClusterState({ mentions: 'main' });
    const t0 = Date.now();
    for (let i = 0; i < 3000; i++) {
      const day = new Date(Date.UTC(2010, 0, 1) + (i % 1500) * 86_400_000).toISOString().slice(0, 10);
      addReport(st, {
        ...x, report: { ...x.report, id: `sha256:synthetic-${i}`, text: `Report ${i} of an event number ${i}` },
        incidents: [{ ...m, date: { ...m.date, start: day, end: day }, location: { ...m.location, lat: (i * 7) % 60, lon: (i * 13) % 170 } }],
      });
    }
    expect(st.mentions.size).toBe(3000);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});

describe('source identity across reports', () => {
  const xs = ['ident-rbss.txt', 'ident-ribss.txt', 'ident-syriahr.txt', 'b-monitor.txt', 'd-outlet-two.txt'].map(f => read(f));
  const id = linkSources(xs);
  const canon = (x: Extraction, name: string) => id.canonicalOf(x.report.id, x.sources.find(s => s.name === name || s.aliases.includes(name))!.id);

  it('joins an acronym variant with the full name', () => {
    const rbss = canon(xs[0], 'Raqqa is Being Slaughtered Silently');
    expect(rbss).not.toBeNull();
    expect(canon(xs[1], 'RIBSS')).toBe(rbss);
    const s = id.byId.get(rbss!)!;
    expect(s.name).toBe('Raqqa is Being Slaughtered Silently');
    expect(s.aliases).toEqual(expect.arrayContaining(['RBSS', 'RIBSS']));
  });

  it('joins a handle, an acronym and "the Observatory" with the monitor', () => {
    const sohr = canon(xs[3], 'Syrian Observatory for Human Rights');
    expect(canon(xs[2], 'SyriaHR')).toBe(sohr);
    expect(canon(xs[4], 'SOHR')).toBe(sohr);
    expect(canon(xs[4], 'SyriaHR')).toBe(sohr);
    expect(canon(xs[1], 'Observatory')).toBe(sohr);
    expect(id.links.map(l => l.reason)).toContain('"SyriaHR" abbreviates "Syrian Observatory for Human Rights"');
  });

  it('never joins generic "Police" across reports', () => {
    expect(isProperName('Police')).toBe(false);
    expect(isProperName('Raqqa is Being Slaughtered Silently')).toBe(true);
    const a = canon(xs[0], 'Police'), b = canon(xs[2], 'Police');
    expect(a).not.toBeNull();
    expect(a).not.toBe(b);
  });

  it('a split correction survives re-linking, also with reports added later', () => {
    const corrections: SourceCorrection[] = [{ kind: 'split', sources: [{ name: 'RIBSS' }, { name: 'Raqqa is Being Slaughtered Silently' }], by: 'documenter' }];
    const once = linkSources(xs, corrections);
    const ribss = once.canonicalOf(xs[1].report.id, xs[1].sources.find(s => s.name === 'RIBSS')!.id);
    const full = once.canonicalOf(xs[0].report.id, xs[0].sources[0].id);
    expect(ribss).not.toBe(full);
    expect(once.refused.length).toBeGreaterThan(0);
    const more = [...xs, extractReport({ text: 'RIBSS said on Monday that the woman was executed in Raqqa.', published: '2016-05-11' })];
    const again = linkSources(more, corrections);
    expect(again.canonicalOf(xs[1].report.id, xs[1].sources.find(s => s.name === 'RIBSS')!.id))
      .not.toBe(again.canonicalOf(xs[0].report.id, xs[0].sources[0].id));
    // ids are stable across re-linking
    expect(again.canonicalOf(xs[0].report.id, xs[0].sources[0].id)).toBe(full);
  });

  it('a merge correction joins sources no rule would join', () => {
    const police = xs[0].sources.find(s => s.name === 'Police')!;
    const merged = linkSources(xs, [{ kind: 'merge', sources: [{ report: xs[0].report.id, source: police.id }, { name: 'Syrian Observatory for Human Rights' }] }]);
    expect(merged.canonicalOf(xs[0].report.id, police.id)).toBe(merged.canonicalOf(xs[3].report.id, xs[3].sources[0].id));
    expect(merged.links[0].reason).toMatch(/^correction: merge/);
  });

  it('ties a person to their organisation, and counts them as one origin', () => {
    const x1 = extractReport({ text: 'Two men were killed in an airstrike on Manbij on Friday, the Syrian Observatory for Human Rights said.', published: '2016-05-14' });
    const x2 = extractReport({ text: 'SOHR director Rami Abdulrahman said an airstrike killed two men in Manbij on Friday.', published: '2016-05-14' });
    const idn = linkSources([x1, x2]);
    const person = idn.sources.find(s => s.kind === 'person' && s.name === 'Rami Abdulrahman');
    // the same with the organisation in an apposition (the extractor reads its kind from it)
    const x3 = extractReport({ text: 'An airstrike killed two men in Manbij on Friday, said Rami Abdel Rahman, the director of the Syrian Observatory for Human Rights.', published: '2016-05-14' });
    const id3 = linkSources([x1, x3]);
    expect(id3.sources.find(s => s.name === 'Rami Abdel Rahman')).toMatchObject({ kind: 'person', affiliation: id3.canonicalOf(x1.report.id, x1.sources[0].id) });
    expect(person).toBeDefined();
    const sohr = idn.canonicalOf(x1.report.id, x1.sources[0].id);
    expect(person!.affiliation).toBe(sohr);
    const st = clusterReports([x1, x2]);
    const inc = incidentsOf(st);
    expect(inc).toHaveLength(1);
    const prov = incidentProvenance(itemsOf([x1, x2], inc[0].mentions), idn);
    expect(prov.origins).toEqual([sohr]);
  });

  it('handles reports without sources', () => {
    const x = extractReport({ text: 'Two men were shot dead in Azaz on Monday.', published: '2016-05-10' });
    const idn = linkSources([x]);
    expect(idn.sources).toEqual([]);
    const prov = incidentProvenance([{ extraction: x, mention: x.incidents[0], outlet: 'Azaz Today' }], idn);
    expect(prov.origins).toEqual(['outlet:azaz-today']);
  });
});

describe('what incremental linking keeps and looks up', () => {
  const xs = ['ident-rbss.txt', 'ident-ribss.txt', 'ident-syriahr.txt', 'b-monitor.txt', 'd-outlet-two.txt'].map(f => read(f));

  it('features survive JSON: a state rebuilt from stored features scores a pair as the original', () => {
    const st = clusterReports(xs.slice(3, 5));
    const [a, b] = [...st.mentions.values()];
    const back = (r: typeof a) => ({ ...r, features: featuresFromJson(JSON.parse(JSON.stringify(featuresToJson(r.features)))) });
    expect(scorePair(back(a), back(b), st).score).toBeCloseTo(scorePair(a, b, st).score, 10);
    expect(featuresFromJson(featuresToJson({ ...a.features, day0: NaN, day1: NaN })).day0).toBeNaN();
    // every key an incident is indexed under is one a later mention of the same day and place searches
    const search = new Set(blockingKeys(b.features, st.config));
    expect(indexKeys(a.features, st.config).some(k => search.has(k))).toBe(true);
  });

  it('a split correction with groups keeps each group apart, not the mentions of one group', () => {
    const chain = CHAIN.slice(1, 4).map(f => read(f));
    const keys = chain.map(x => mentionKey(x.report.id, x.incidents[0].id));
    const st = clusterReports(chain, {}, [{ kind: 'split', mentions: keys, groups: [[keys[0]], [keys[1], keys[2]]] }]);
    const inc = incidentsOf(st);
    expect(inc).toHaveLength(2);
    expect(inc.find(i => i.mentions.some(m => m.key === keys[1]))!.mentions.map(m => m.key).sort()).toEqual([keys[1], keys[2]].sort());
  });

  it('a stored source is found by the keys of a later name: acronym, handle prefix, "the Observatory"', () => {
    const stored = new Set(sourceKeys(['Syrian Observatory for Human Rights']));
    const finds = (name: string) => sourceLookupKeys({ name, aliases: [] }).some(k => stored.has(k));
    expect(finds('SOHR')).toBe(true);
    expect(finds('SyriaHR')).toBe(true);
    expect(finds('the Observatory')).toBe(true);
    expect(finds('the syrian observatory for human rights')).toBe(true);
    expect(finds('Raqqa is Being Slaughtered Silently')).toBe(false);
    // the other way round: a stored acronym, a later full name
    const acr = new Set(sourceKeys(['RBSS']));
    expect(sourceLookupKeys({ name: 'Raqqa is Being Slaughtered Silently', aliases: [] }).some(k => acr.has(k))).toBe(true);
  });

  it('split groups keep sources apart, and a documenter\'s name goes to the merged source', () => {
    const split = linkSources(xs, [{ kind: 'split', sources: [], groups: [[{ name: 'Raqqa is Being Slaughtered Silently' }], [{ name: 'RIBSS' }, { name: 'RBSS' }]] }]);
    const of = (x: Extraction, n: string) => split.canonicalOf(x.report.id, x.sources.find(s => s.name === n || s.aliases.includes(n))!.id);
    expect(of(xs[1], 'RIBSS')).not.toBe(of(xs[0], 'Raqqa is Being Slaughtered Silently'));
    const merged = linkSources(xs, [{ kind: 'merge', sources: [{ name: 'RIBSS' }, { name: 'Syrian Observatory for Human Rights' }] }]);
    renameSources(merged, [{ sources: [{ name: 'RIBSS' }], name: 'Two monitors' }]);
    const s = merged.byId.get(merged.canonicalOf(xs[1].report.id, xs[1].sources.find(x => x.name === 'RIBSS')!.id)!)!;
    expect(s.name).toBe('Two monitors');
    expect(s.aliases).toContain('Raqqa is Being Slaughtered Silently');
  });
});

describe('clustering scores', () => {
  it('scores a perfect partition 1 and singletons below', () => {
    const gold = ['a', 'a', 'b', 'c', 'c', 'c'];
    const perfect = clusterScores(['x', 'x', 'y', 'z', 'z', 'z'], gold);
    expect(perfect.b3.f).toBeCloseTo(1);
    expect(perfect.conll).toBeCloseTo(1);
    const single = clusterScores(gold.map((_, i) => String(i)), gold);
    expect(single.b3.p).toBeCloseTo(1);
    expect(single.b3.r).toBeCloseTo((2 * 0.5 + 1 + 3 / 3) / 6);
    expect(single.muc.f).toBe(0);
    const lumped = clusterScores(gold.map(() => 'all'), gold);
    expect(lumped.b3.r).toBeCloseTo(1);
    expect(lumped.b3.p).toBeCloseTo((2 * (2 / 6) + 1 / 6 + 3 * (3 / 6)) / 6);
  });
});

describe('the case file', () => {
  it('links reports into incidents with reports, origins and contradictions', async () => {
    const { buildCaseFile } = await import('../src/link/index.js');
    const xs = CHAIN.map(f => read(f));
    const cf = buildCaseFile(xs.map((x, i) => ({ extraction: x, externalId: `r${i}` })));
    expect(cf.incidents).toHaveLength(1);
    const inc = cf.incidents[0];
    expect(inc.type).toBe('execution');
    expect(inc.killed).toEqual({ min: 3, max: 4, value: 3 });
    expect(inc.date.value).toBe('2016-05-10');
    expect(inc.location?.country).toBe('Syria');
    expect(inc.origins).toHaveLength(2);
    expect(inc.reports.map(r => r.externalId)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    expect(inc.contradictions.map(c => c.field)).toEqual(['killed']);
    // incremental: a new report continues the same state
    const more = buildCaseFile([...xs.map(x => ({ extraction: x })), { extraction: read('town-market-bombing.txt', '2016-05-10') }], { state: cf.clustering });
    expect(more.incidents).toHaveLength(2);
    expect(more.clustering).toBe(cf.clustering);
  });
});

describe('field-level provenance', () => {
  it('credits a field to the claims whose words state it', () => {
    const text = 'Gunmen attacked a checkpoint in Azaz on Monday, police said. Four people died, the Azaz National Hospital said.';
    const span = (t: string) => ({ start: text.indexOf(t), end: text.indexOf(t) + t.length, text: t });
    const x: Extraction = {
      report: { id: 'sha256:hand', title: null, published: '2016-05-10', language: 'en', text },
      sources: [
        { id: 'src:police', name: 'police', aliases: [], kind: 'government' },
        { id: 'src:hospital', name: 'Azaz National Hospital', aliases: [], kind: 'organisation' },
      ],
      claims: [
        { id: 'claim:1', source: 'src:police', sourceSpan: span('police'), cue: span('said'), content: span('Gunmen attacked a checkpoint in Azaz on Monday'), quote: 'indirect', hedges: [], via: null },
        { id: 'claim:2', source: 'src:hospital', sourceSpan: span('the Azaz National Hospital'), cue: span('said.'), content: span('Four people died'), quote: 'indirect', hedges: [], via: null },
      ],
      citations: [
        { from: 'report', to: 'src:police', evidence: span('police said') },
        { from: 'report', to: 'src:hospital', evidence: span('the Azaz National Hospital said') },
      ],
      incidents: [{
        id: 'inc-1', type: 'shooting', method: null,
        date: { start: '2016-05-09', end: '2016-05-09', precision: 'day', text: 'on Monday' },
        location: { name: 'Azaz', country: 'Syria', admin1: 'Aleppo', lat: 36.59, lon: 37.04, precision: 'city', text: 'Azaz' },
        perpetrators: [], victims: [], killed: { min: 4, max: 4 }, injured: null, weapons: [], evidence: [span('Four people died')], claims: ['claim:1', 'claim:2'],
      }],
    };
    const idn = linkSources([x]);
    const prov = incidentProvenance([{ extraction: x, mention: x.incidents[0] }], idn);
    expect(prov.origins.sort()).toEqual(['generic:police', idn.canonicalOf(x.report.id, 'src:hospital')].sort());
    const fields = fieldSummaries([{ extraction: x, mention: x.incidents[0] }], prov);
    expect(fields.find(f => f.field === 'date')!.values[0].origins).toEqual(['generic:police']);
    // the count's words are not kept by the mention: every claim behind the incident counts
    expect(fields.find(f => f.field === 'killed')!.values[0].origins).toHaveLength(2);
  });
});

describe('counts with open and approximate bounds across reports', () => {
  /** One report per source, each stating its own toll of the same shelling. */
  function reportOf(n: number, source: string, killed: CountRange): Extraction {
    const text = `Shelling hit the market of Kafr Nubl on Monday, ${source} said.`;
    const span = (t: string) => ({ start: text.indexOf(t), end: text.indexOf(t) + t.length, text: t });
    return {
      report: { id: `sha256:count-${n}`, title: null, published: '2019-05-14', language: 'en', text },
      sources: [{ id: 'src:1', name: source, aliases: [], kind: 'organisation' }],
      claims: [{ id: 'claim:1', source: 'src:1', sourceSpan: span(source), cue: span('said'), content: span('Shelling hit the market of Kafr Nubl on Monday'), quote: 'indirect', hedges: [], via: null }],
      citations: [{ from: 'report', to: 'src:1', evidence: span(`${source} said`) }],
      incidents: [{
        id: 'inc-1', type: 'shelling', method: null,
        date: { start: '2019-05-13', end: '2019-05-13', precision: 'day', text: 'on Monday' },
        location: { name: 'Kafr Nubl', country: 'Syria', admin1: 'Idlib', lat: 35.61, lon: 36.56, precision: 'city', text: 'Kafr Nubl' },
        perpetrators: [], victims: [], killed, injured: null, weapons: [], evidence: [span('Shelling hit the market')], claims: ['claim:1'],
      }],
    };
  }
  const SOURCES = ['the Kafr Nubl Media Office', 'the Idlib Health Directorate', 'the Syrian Observatory for Human Rights'];
  function killedOf(...counts: CountRange[]) {
    const xs = counts.map((c, i) => reportOf(i, SOURCES[i], c));
    const items = xs.map(x => ({ extraction: x, mention: x.incidents[0] }));
    return fieldSummary('killed', items, incidentProvenance(items, linkSources(xs)));
  }
  const open = (min: number): CountRange => ({ min, max: null });
  const exactly = (n: number): CountRange => ({ min: n, max: n });

  it('"at least 12" and "15" agree: no contradiction; min 12, max the 15 a report states', () => {
    const f = killedOf(open(12), exactly(15));
    expect(f.contradiction).toBe(false);
    expect(f.values.map(v => v.value).sort()).toEqual(['15', 'at least 12']);
    expect(f.merged).toMatchObject({ min: 12, max: 15, value: 'at least 12' });
    expect(f.values.find(v => v.value === 'at least 12')!.count).toEqual(open(12));
  });

  it('"at least 12" and "10" contradict; the merged max stays open (nothing states one as high as 12+)', () => {
    const f = killedOf(open(12), exactly(10));
    expect(f.contradiction).toBe(true);
    expect(f.merged).toMatchObject({ min: 10, max: null, value: '10' });
    expect(f.text).toMatch(/^killed 10 per .*, at least 12 per /);
    expect(f.text).not.toMatch(/null|NaN|undefined/);
  });

  it('ranges that overlap are no contradiction; ranges that do not meet are', () => {
    expect(killedOf({ min: 3, max: 5 }, exactly(4)).contradiction).toBe(false);
    expect(killedOf({ min: 3, max: 5 }, { min: 5, max: 8 }).contradiction).toBe(false);
    expect(killedOf({ min: 3, max: 5 }, exactly(6)).contradiction).toBe(true);
    expect(killedOf(exactly(3), exactly(4)).contradiction).toBe(true);
    // any two that cannot both hold make it one, even when a third agrees with each
    expect(killedOf(exactly(3), open(2), exactly(4)).contradiction).toBe(true);
  });

  it('an approximate figure keeps its mark and its value; strictly different figures are still flagged', () => {
    const about = { min: 20, max: 20, approximate: true } as const;
    const f = killedOf(about, about);
    expect(f.values.map(v => v.value)).toEqual(['about 20']);
    expect(f.merged).toMatchObject({ min: 20, max: 20, approximate: true });
    const g = killedOf(about, exactly(20));
    expect(g.contradiction).toBe(false);
    expect(g.merged.approximate).toBeUndefined();
    expect(killedOf(about, exactly(22)).contradiction).toBe(true);
  });

  it('mergeCounts: the lowest figure, the highest stated upper bound unless an open count goes beyond it', () => {
    expect(mergeCounts([open(12), exactly(15)])).toEqual({ min: 12, max: 15 });
    expect(mergeCounts([open(20), exactly(15)])).toEqual({ min: 15, max: null });
    expect(mergeCounts([open(15), exactly(15)])).toEqual({ min: 15, max: 15 });
    expect(mergeCounts([open(24)])).toEqual({ min: 24, max: null });
    expect(mergeCounts([open(24), open(40)])).toEqual({ min: 24, max: null });
    expect(mergeCounts([exactly(0), exactly(0)])).toEqual({ min: 0, max: 0 });
    expect(mergeCounts([{ min: 1, max: 10 }, exactly(4), open(3)])).toEqual({ min: 1, max: 10 });
  });

  it('the incident record states an open max as null, with the best-supported figure', () => {
    const xs = [reportOf(0, SOURCES[0], open(24)), reportOf(1, SOURCES[1], open(24))];
    const cf = buildCaseFile(xs.map(x => ({ extraction: x })));
    expect(cf.incidents).toHaveLength(1);
    expect(cf.incidents[0].killed).toEqual({ min: 24, max: null, value: 24 });
    expect(cf.incidents[0].contradictions).toEqual([]);
    const json = JSON.stringify(cf.incidents[0].fields);
    expect(json).not.toMatch(/NaN|"null"/);
  });

  it('clustering reads an open count as agreeing with a higher figure and differing from a lower one', () => {
    const st = createClusterState();
    for (const x of [reportOf(0, SOURCES[0], open(12)), reportOf(1, SOURCES[1], exactly(15)), reportOf(2, SOURCES[2], exactly(10))]) addReport(st, x);
    const [a, b, c] = [...st.mentions.values()];
    expect(scorePair(a, b, st).reasons.some(r => r.startsWith('killed agree'))).toBe(true);
    expect(scorePair(a, c, st).reasons.some(r => r.startsWith('killed differ'))).toBe(true);
  });
});
