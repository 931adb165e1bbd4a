import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../src/extract/index.js';
import { extractIncidents } from '../src/extract/incidents.js';
import { extractAttribution } from '../src/extract/attribution.js';
import { combineStatements, sentenceStatements } from '../src/extract/casualties.js';
import { analyse } from '../src/nlp/analyse.js';
import { sentenceWordRanges, wordsOf } from '../src/nlp/words.js';
import { ExtractionSchema, type Extraction, type IncidentMention } from '../src/model/index.js';
import { isIngestError } from '../src/ingest/errors.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/incidents/${name}.txt`, import.meta.url), 'utf8');

const cache = new Map<string, Extraction>();
/** extractReport on a fixture file (cached: several tests look at the same report). */
function report(name: string, published: string | null): Extraction {
  const key = `${name}@${published}`;
  if (!cache.has(key)) cache.set(key, extractReport({ text: fixture(name), published: published ?? undefined }));
  return cache.get(key)!;
}
function extract(text: string, published: string | null = '2021-06-08'): Extraction {
  return extractReport({ text, published: published ?? undefined });
}
function main(x: Extraction): IncidentMention {
  expect(x.incidents.length, 'at least one incident').toBeGreaterThan(0);
  return x.incidents[0];
}

/** killed / injured of a text through the casualty counter alone (all sentences). */
function counts(text: string) {
  const doc = analyse(text);
  const w = wordsOf(doc);
  const ranges = sentenceWordRanges(w, doc.sentences.length);
  return combineStatements(ranges.flatMap(([a, b]) => sentenceStatements(text, w, a, b)));
}

/** Every span of an extraction is aligned with report.text. */
function expectSpansAligned(x: Extraction) {
  const t = x.report.text;
  const check = (s: { start: number; end: number; text: string } | null) => {
    if (!s) return;
    expect(s.start).toBeLessThanOrEqual(s.end);
    expect(t.slice(s.start, s.end)).toBe(s.text);
  };
  for (const inc of x.incidents) inc.evidence.forEach(check);
  for (const c of x.claims) [c.sourceSpan, c.cue, c.content, ...c.hedges].forEach(check);
  for (const c of x.citations) check(c.evidence);
}

describe('casualty counting (sentenceStatements + combineStatements)', () => {
  it('"a man was shot and killed" is one killed, injured not stated', () => {
    const c = counts('A man was shot and killed on Elm Street, police said.');
    expect(c.killed).toEqual({ min: 1, max: 1 });
    expect(c.injured).toBeNull();
  });

  it('"killed at least 12 people and wounded 30 others"', () => {
    const c = counts('A car bomb killed at least 12 people and wounded 30 others at a checkpoint.');
    // no upper bound is stated, so none is given
    expect(c.killed).toEqual({ min: 12, max: null });
    expect(c.injured).toEqual({ min: 30, max: 30 });
  });

  it('"three soldiers were killed and two others wounded"', () => {
    const c = counts('Three soldiers were killed and two others wounded in a roadside bomb attack.');
    expect(c.killed).toEqual({ min: 3, max: 3 });
    expect(c.injured).toEqual({ min: 2, max: 2 });
  });

  it('"a 17-year-old boy" is one person, not 17', () => {
    const c = counts('A 17-year-old boy was shot and killed on Tuesday.');
    expect(c.killed).toEqual({ min: 1, max: 1 });
  });

  it('"no one was injured" is injured {0,0}', () => {
    const c = counts('Someone fired at the house overnight. No one was injured.');
    expect(c.injured).toEqual({ min: 0, max: 0 });
  });

  it('"the gunman killed himself" counts the gunman as killed', () => {
    const c = counts('The gunman later killed himself, police said.');
    expect(c.killed).toEqual({ min: 1, max: 1 });
    expect(c.statements.some(s => s.status === 'killed' && s.perpetrator)).toBe(true);
  });

  it('a sentence without casualties gives null, not zero', () => {
    const c = counts('The council met on Monday to discuss the budget.');
    expect(c.killed).toBeNull();
    expect(c.injured).toBeNull();
    expect(c.statements).toEqual([]);
  });

  it('repeated victims across sentences are not summed', () => {
    const c = counts('Two men were killed in the shooting. The two men were killed near the bar, police said.');
    expect(c.killed).toEqual({ min: 2, max: 2 });
  });

  it('statement spans are aligned with the text', () => {
    const text = 'Three soldiers were killed and two others wounded. No one else was hurt.';
    for (const s of counts(text).statements) expect(text.slice(s.span.start, s.span.end)).toBe(s.span.text);
  });

  // Regression: "fatally" after "one" belongs to the one, not to both people shot.
  it('"two people were shot, one fatally" is 1 killed and 1 injured', () => {
    const c = counts('Two people were shot, one fatally, during an argument on Thursday.');
    expect(c.killed).toEqual({ min: 1, max: 1 });
    expect(c.injured).toEqual({ min: 1, max: 1 });
  });

  it('"a shooting left no one injured" is injured {0,0}', () => {
    const c = counts('A shooting at a gas station late Monday left no one injured, police said.');
    expect(c.injured).toEqual({ min: 0, max: 0 });
  });

  // Regression: "shot at" means the shots missed.
  it('"a man was shot at ... no one was injured" has nobody injured', () => {
    const c = counts('A man was shot at while walking his dog late Monday. No one was injured.');
    expect(c.injured).toEqual({ min: 0, max: 0 });
  });

  it('"dozens of others were wounded" is at least 24 injured', () => {
    const c = counts('The monitor said dozens of others were wounded in the strike.');
    expect(c.injured?.min).toBe(24);
  });
});

describe('extractReport: US local news', () => {
  it('headline counts "2 dead, 3 hurt": a shooting, killed 2, place and dateline state', () => {
    const x = report('bangor-headline-counts', '2021-06-07');
    const inc = main(x);
    expect(inc.type).toBe('shooting');
    expect(inc.killed).toEqual({ min: 2, max: 2 });
    expect(inc.location).toMatchObject({ name: 'Bangor', admin1: 'Maine', country: 'United States', precision: 'city' });
    // "early Saturday" in a report of Monday 2021-06-07
    expect(inc.date).toMatchObject({ start: '2021-06-05', end: '2021-06-05', precision: 'day' });
  });

  // "found five people with gunshot wounds" counts the two dead among the five hit
  it('headline counts "2 dead, 3 hurt": injured is 3, not 5', () => {
    expect(main(report('bangor-headline-counts', '2021-06-07')).injured).toEqual({ min: 3, max: 3 });
  });

  it('"a man was shot and killed Tuesday night" with a dateline "ROCK ISLAND, Ill. —"', () => {
    const x = report('rock-island-shot-and-killed', '2021-06-10');
    expect(x.incidents).toHaveLength(1);
    const inc = main(x);
    expect(inc.type).toBe('shooting');
    expect(inc.killed).toEqual({ min: 1, max: 1 });
    expect(inc.injured).toBeNull();
    expect(inc.date).toMatchObject({ start: '2021-06-08', precision: 'day', text: 'Tuesday night' });
    expect(inc.location).toMatchObject({ name: 'Rock Island', admin1: 'Illinois', country: 'United States' });
    expect(inc.victims.some(v => v.gender === 'male')).toBe(true);
  });

  it('"SPRINGFIELD, Ill. —" gives Springfield, Illinois (not Missouri or Massachusetts)', () => {
    const inc = main(report('springfield-murder-suicide', '2021-06-12'));
    expect(inc.location).toMatchObject({ name: 'Springfield', admin1: 'Illinois', precision: 'city' });
    expect(inc.location.lat!).toBeGreaterThan(39.5);
    expect(inc.location.lat!).toBeLessThan(40);
  });

  it('"shot and killed his estranged wife before killing himself" is two killed', () => {
    const inc = main(report('springfield-murder-suicide', '2021-06-12'));
    expect(inc.killed).toEqual({ min: 2, max: 2 });
    expect(inc.injured).toBeNull();
    expect(inc.date).toMatchObject({ start: '2021-06-11', precision: 'day' });
    expect(inc.weapons).toContain('handgun');
    expect(inc.victims.some(v => v.gender === 'female')).toBe(true);
  });

  it('"the gunman killed himself after shooting two officers": the suicide is one killed', () => {
    const inc = main(extract('Police said the gunman killed himself after shooting two officers on Monday.'));
    expect(inc.killed).toEqual({ min: 1, max: 1 });
    // (the two officers he shot are hurt: his own death is not one of theirs)
    expect(inc.injured).toEqual({ min: 2, max: 2 });
  });

  // the attacker's suicide is not subtracted from the people he shot
  it('"the gunman killed himself after shooting two officers, who were wounded": injured 2', () => {
    const inc = main(extract('Police said the gunman killed himself after shooting two officers, who were wounded.'));
    expect(inc.injured).toEqual({ min: 2, max: 2 });
  });

  it('"two people were shot, one fatally": a 41-year-old woman among the victims, one injured', () => {
    const inc = main(report('cheyenne-one-fatally', '2021-06-11'));
    expect(inc.type).toBe('shooting');
    expect(inc.injured).toEqual({ min: 1, max: 1 });
    expect(inc.date).toMatchObject({ start: '2021-06-10', precision: 'day' });
    expect(inc.location).toMatchObject({ name: 'Cheyenne', admin1: 'Wyoming' });
    expect(inc.victims.some(v => v.age === 41 && v.gender === 'female')).toBe(true);
  });

  // Regression: the same through the pipeline.
  it('"two people were shot, one fatally": killed is 1', () => {
    expect(main(report('cheyenne-one-fatally', '2021-06-11')).killed).toEqual({ min: 1, max: 1 });
  });

  it('"a 17-year-old boy was shot in the leg" is one injured, nobody killed', () => {
    const inc = main(report('teen-shot', '2021-06-14'));
    expect(inc.type).toBe('shooting');
    expect(inc.injured).toEqual({ min: 1, max: 1 });
    expect(inc.killed).toBeNull();
    expect(inc.date).toMatchObject({ start: '2021-06-13', precision: 'day' });
  });

  it('"a 17-year-old boy was shot and killed": victim aged 17, male, killed 1', () => {
    const inc = main(extract('A 17-year-old boy was shot and killed Tuesday night, police said.', '2021-06-10'));
    expect(inc.killed).toEqual({ min: 1, max: 1 });
    expect(inc.victims).toEqual([expect.objectContaining({ age: 17, gender: 'male' })]);
  });

  // Regression: a person shot with no outcome told is a victim too (victims were only read from
  // statements of killed or injured).
  it('"a 17-year-old boy was shot in the leg": the boy is a victim aged 17', () => {
    const inc = main(report('teen-shot', '2021-06-14'));
    expect(inc.victims).toEqual([expect.objectContaining({ age: 17, gender: 'male' })]);
  });

  it('"No one was injured" after a shooting gives injured {0,0}', () => {
    const inc = main(extract('BANGOR, Maine — Police are investigating a shooting on Ohio Street late Monday. No one was injured.'));
    expect(inc.type).toBe('shooting');
    expect(inc.injured).toEqual({ min: 0, max: 0 });
    expect(inc.killed?.max ?? 0).toBe(0);
    expect(inc.date).toMatchObject({ start: '2021-06-07' });
  });

  it('shots fired into a home, no one hurt: a shooting with injured {0,0}', () => {
    const x = report('no-one-injured', '2021-06-08');
    expect(x.incidents).toHaveLength(1);
    expect(main(x).type).toBe('shooting');
    expect(main(x).injured).toEqual({ min: 0, max: 0 });
  });

  it('"In a separate incident": two incidents, the main one first, each with its own facts', () => {
    const x = report('separate-incidents', '2021-06-13');
    expect(x.incidents).toHaveLength(2);
    const [a, b] = x.incidents;
    expect(a.method).toBe('stabbing');
    expect(a.killed).toEqual({ min: 1, max: 1 });
    expect(a.injured).toBeNull();
    expect(a.location).toMatchObject({ name: 'Rock Island', admin1: 'Illinois' });
    expect(a.date).toMatchObject({ start: '2021-06-12', precision: 'day' });
    expect(b.type).toBe('shooting');
    expect(b.killed).toBeNull();
    expect(b.injured).toEqual({ min: 2, max: 2 });
    expect(b.date).toMatchObject({ start: '2021-06-12', text: 'Saturday night' });
    // evidence does not leak between incidents
    expect(a.evidence.some(e => /separate incident/.test(e.text))).toBe(false);
    expect(b.evidence.every(e => /separate incident/.test(e.text))).toBe(true);
    expect(a.id).not.toBe(b.id);
  });

  // Regression: the headline's "Man" and the lede's "A 28-year-old man" are the same person
  // (the counts leave room for one), not two victims.
  it('"In a separate incident": the stabbing has one victim, aged 28', () => {
    const a = main(report('separate-incidents', '2021-06-13'));
    expect(a.victims).toEqual([expect.objectContaining({ age: 28, gender: 'male' })]);
  });

  it('two people of the same kind told apart stay two victims', () => {
    // "another man": one more, not the same one told again
    const inc = main(extract('A man was shot and killed Tuesday night. Another man was wounded, police said.', '2021-06-10'));
    expect(inc.victims.filter(v => v.gender === 'male')).toHaveLength(2);
    // a man killed and a man hurt: two people
    const two = main(extract('A 30-year-old man was killed and a man was injured in the shooting, police said.', '2021-06-10'));
    expect(two.victims.length).toBe(2);
  });

  it('reads an age told after a named victim', () => {
    const inc = main(extract('The victim, identified as Marcus Hill, 34, was shot outside his home Tuesday night.', '2021-06-10'));
    expect(inc.victims).toEqual([expect.objectContaining({ name: 'Marcus Hill', age: 34 })]);
    const aged = main(extract('The man killed, identified as Marcus Hill, was 34 years old, police said Tuesday.', '2021-06-10'));
    expect(aged.victims[0]).toMatchObject({ name: 'Marcus Hill', age: 34 });
  });

  // Regression: the second incident happens "on the city's south side" of the dateline city (its
  // location was unknown: only the main incident got the report's main place).
  it('"In a separate incident": the second incident is in the same city', () => {
    const b = report('separate-incidents', '2021-06-13').incidents[1];
    expect(b.location).toMatchObject({ name: 'Rock Island', admin1: 'Illinois' });
  });

  it('a second incident that neither names nor points back at a place stays without one', () => {
    const x = extract('ROCK ISLAND, Ill. — A man was stabbed to death outside a tavern early Saturday, police said.\n\nIn a separate incident, two women were wounded by gunfire Saturday night, police said.', '2021-06-13');
    expect(x.incidents).toHaveLength(2);
    expect(x.incidents[1].location.precision).toBe('unknown');
  });

  it('a non-violent report gives no incidents', () => {
    const x = report('council-budget', '2021-06-08');
    expect(x.incidents).toEqual([]);
    expect(x.report.language).toBe('en');
  });

  it('empty or blank text is refused with a typed ingest error, not a crash', () => {
    for (const text of ['', '   \n\n  ']) {
      let err: unknown = null;
      try { extractReport({ text }); } catch (e) { err = e; }
      expect(isIngestError(err), JSON.stringify(text)).toBe(true);
      expect((err as { code: string }).code).toBe('empty');
    }
  });

  it('extractIncidents on an empty analysed document gives no incidents', () => {
    const doc = analyse('');
    expect(extractIncidents(doc, extractAttribution(doc))).toEqual([]);
  });

  it('without a publication date relative dates stay unresolved, counts still work', () => {
    const inc = main(extract('A man was shot and killed Tuesday night.', null));
    expect(inc.killed).toEqual({ min: 1, max: 1 });
    expect(inc.date.start).toBeNull();
    expect(inc.date.precision).toBe('unknown');
  });
});

describe('extractReport: conflict monitor style', () => {
  it('"at least a dozen civilians were killed when an airstrike hit" in Taiz', () => {
    const inc = main(report('monitor-airstrike', '2021-06-10'));
    expect(inc.type).toBe('airstrike');
    expect(inc.killed).toEqual({ min: 12, max: null });
    expect(inc.date).toMatchObject({ start: '2021-06-08', precision: 'day' });
    expect(inc.location).toMatchObject({ country: 'Yemen', precision: 'city' });
  });

  it('"dozens of others were wounded" gives injured min 24', () => {
    expect(main(report('monitor-airstrike', '2021-06-10')).injured?.min).toBe(24);
  });

  it('a roadside bomb with a governorate city: bombing, 3 killed, 2 injured, Yemen', () => {
    const inc = main(extract('Three soldiers were killed and two others wounded in a roadside bomb attack near Hodeidah on Monday, the ministry said.'));
    expect(inc.type).toBe('bombing');
    expect(inc.killed).toEqual({ min: 3, max: 3 });
    expect(inc.injured).toEqual({ min: 2, max: 2 });
    expect(inc.date.start).toBe('2021-06-07');
    expect(inc.location.country).toBe('Yemen');
  });
});

describe('output contract', () => {
  const names = ['bangor-headline-counts', 'rock-island-shot-and-killed', 'cheyenne-one-fatally', 'teen-shot',
    'springfield-murder-suicide', 'separate-incidents', 'monitor-airstrike', 'council-budget', 'no-one-injured'];

  it('every extraction validates against the schema', () => {
    for (const n of names) {
      const r = ExtractionSchema.safeParse(report(n, '2021-06-10'));
      expect(r.success, `${n}: ${r.success ? '' : r.error.message}`).toBe(true);
    }
  });

  it('every evidence, claim and citation span satisfies report.text.slice(start, end) === text', () => {
    for (const n of names) expectSpansAligned(report(n, '2021-06-10'));
  });

  it('spans stay aligned when a title is prepended to the text', () => {
    const x = extractReport({ title: 'Man shot in Cheyenne :: Example News', published: '2021-06-14', text: fixture('teen-shot') });
    expect(x.report.text.startsWith('Man shot in Cheyenne')).toBe(true);
    expectSpansAligned(x);
    expect(x.incidents.length).toBeGreaterThan(0);
  });

  it('spans stay aligned with astral characters and CRLF line ends before the incident', () => {
    const x = extract('Update 🚨🚨\r\n\r\nCHEYENNE, Wyo. — A man was shot and killed on Monday, police said.\r\n');
    expectSpansAligned(x);
    expect(main(x).killed).toEqual({ min: 1, max: 1 });
  });

  it('incident ids are unique and dates are ISO', () => {
    for (const n of names) {
      const incs = report(n, '2021-06-10').incidents;
      expect(new Set(incs.map(i => i.id)).size).toBe(incs.length);
      for (const i of incs) {
        if (i.date.start) expect(i.date.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (i.date.start && i.date.end) expect(i.date.start <= i.date.end).toBe(true);
        for (const k of [i.killed, i.injured]) if (k && k.max !== null) expect(k.min).toBeLessThanOrEqual(k.max);
      }
    }
  });

  it('a long report (many repeated paragraphs) is handled in reasonable time', () => {
    const para = 'A man was shot and killed Tuesday night on the west side, police said. Officers found him in an alley. ';
    const t0 = Date.now();
    const x = extract(para.repeat(300), '2021-06-10');
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(x.incidents.length).toBeGreaterThan(0);
    expect(main(x).killed).toEqual({ min: 1, max: 1 });
  });
});

describe('shooting triggers without "shooting"', () => {
  it('"Child struck by bullet": the headline and lede are the incident, one hurt', () => {
    const x = extract('Child struck by bullet while sitting in apartment\n\nPolice are investigating after a 10-year-old child was struck by a bullet while sitting in the living room of his family\'s apartment Tuesday night in Hoover.\n\nThe 10-year-old was taken to a hospital.\n\nLater, the person in the other apartment at the time of the shooting turned himself in.');
    expect(main(x).injured?.min).toBe(1);
    expect(main(x).evidence[0].text).toMatch(/^Child struck by bullet/);
  });
  it('"shots fired" starts a shooting', () => {
    const x = extract('Juvenile wounded after shots fired at Tulsa home\n\nPolice say several shots were fired into a home on Friday evening, wounding one juvenile.');
    expect(main(x).type).toBe('shooting');
    expect(main(x).injured?.min).toBe(1);
  });
});

describe('the wounded told below a lede that gives only deaths', () => {
  it('"the five victims were shot" further down, two dead in the lede: three hurt', () => {
    const x = extract('Man charged with murder in Howland mass shooting\n\nHowland police have charged a 47-year-old man with aggravated murder for Saturday\'s shootings that killed two people.\n\nThe man was arrested outside his home on Niles Cortland Road.\n\nThe shooting took place just before 4:30 p.m.\n\nPolice say the five victims were shot inside a van outside the home.');
    expect(main(x).killed?.min).toBe(2);
    expect(main(x).injured).toEqual({ min: 3, max: 3 });
  });
  it('a vague "multiple children shot" in the background adds nobody hurt', () => {
    const x = extract('Three men charged in murder of 7-year-old girl\n\nThree men have been charged in the murder of a 7-year-old girl in Memphis.\n\nThe girl was shot and killed on Sunday.\n\nPolice said the arrests came quickly.\n\nThe city has seen multiple children shot in the last week.');
    expect(main(x).killed?.min).toBe(1);
    expect(main(x).injured).toBeNull();
  });
});

describe('a death read from a cue word', () => {
  it('"man dies after accidentally shooting himself ... shot himself": one killed, nobody hurt', () => {
    const x = extract('Boone County man dies after accidentally shooting himself, police say\n\nA Boone County man has died after he accidentally shot himself on Thursday in Lebanon, Indiana.\n\nDeputies found him in the yard of his home.');
    expect(main(x).killed?.min).toBe(1);
    expect(main(x).injured).toBeNull();
  });
  it('a wound of someone else is still counted', () => {
    const x = extract('Deadly shooting in Lebanon under investigation\n\nA woman was wounded in the arm in the shooting on Thursday in Lebanon, Indiana, police said.');
    expect(main(x).killed?.min).toBe(1);
    expect(main(x).injured?.min).toBe(1);
  });
});

describe('a generic incident noun that points back ("the attack") does not start another incident', () => {
  it('"claimed responsibility for the attack" after a car bombing stays with the bombing', () => {
    const x = extract('A car bomb tore through a crowded bus station in Kirkuk on Sunday, killing at least nine people, police said. No group immediately claimed responsibility for the attack. Security forces sealed off the area after the blast.', '2018-02-11');
    expect(x.incidents.map((m) => m.type)).toEqual(['bombing']);
    expect(x.incidents[0].killed?.min).toBe(9);
  });

  it('"another attack" and "an attack" elsewhere still start their own incident', () => {
    const x = extract('A car bomb exploded at a market in Kirkuk on Sunday, killing six people, police said. In a separate incident, gunmen attacked a checkpoint in Tikrit on Monday, wounding two soldiers.', '2018-02-13');
    expect(x.incidents).toHaveLength(2);
    expect(x.incidents[0].type).toBe('bombing');
    expect(x.incidents[1].location?.name).toMatch(/^Tikr.t$/);
  });
});

describe('the incident date: the date told with the violence', () => {
  // 2021-06-10 is a Thursday.
  const date = (text: string, published: string | null = '2021-06-10') => main(extract(text, published)).date;

  it('the date of the shooting, not of the arrest that followed', () => {
    expect(date('A man was arrested Wednesday in connection with a shooting outside a bar on Saturday.'))
      .toMatchObject({ start: '2021-06-05', end: '2021-06-05', precision: 'day', text: 'on Saturday' });
  });

  it('not the day police spoke, even when it comes first', () => {
    expect(date('Police said Tuesday that a 19-year-old man was shot and wounded late Sunday near the park.'))
      .toMatchObject({ start: '2021-06-06', text: 'Sunday' });
  });

  it('"charged with murder Thursday" is the charge; "the May 28 shooting" is the incident', () => {
    expect(date('A 16-year-old was charged with murder Thursday in the May 28 shooting of a store clerk.'))
      .toMatchObject({ start: '2021-05-28', precision: 'day' });
  });

  it('"was shot Saturday and died Sunday": the attack, not the death', () => {
    expect(date('A woman who was shot Saturday in her driveway died Sunday at the hospital, police said.'))
      .toMatchObject({ start: '2021-06-05' });
  });

  it('a passive "was reported at" is when the shooting happened', () => {
    expect(date('Two men were shot on Elm Street. The shooting was reported at about 10:30 p.m. Friday, police said Saturday.'))
      .toMatchObject({ start: '2021-06-04' });
  });

  it('"says around 2 p.m. on Sunday, deputies were dispatched" dates the dispatch, not the saying', () => {
    expect(date('A teen was hurt in an accidental shooting. The sheriff\'s office says around 2 p.m. on Sunday, deputies were dispatched to a home where a boy had been shot.'))
      .toMatchObject({ start: '2021-06-06' });
  });

  it('a street named like a cue word ("Longfellow Court") is no cue', () => {
    expect(date('A man accidentally shot himself. Police were called to a home on Longfellow Court Saturday afternoon, where they found him bleeding.'))
      .toMatchObject({ start: '2021-06-05', text: 'Saturday afternoon' });
  });

  it('a day beats "the weekend"; "the weekend" alone is its Saturday and Sunday', () => {
    expect(date('A teen was wounded in a weekend shooting. It happened about 2 a.m. Sunday outside a party.', '2021-06-14'))
      .toMatchObject({ start: '2021-06-13', precision: 'day' });
    expect(date('A teen was wounded in a shooting over the weekend.', '2021-06-14'))
      .toMatchObject({ start: '2021-06-12', end: '2021-06-13', precision: 'week', text: 'weekend' });
  });

  it('"last week\'s shooting" beats the day of the arrest', () => {
    expect(date('A second suspect in last week\'s shooting of a 5-year-old was arrested Thursday night, police said.'))
      .toMatchObject({ start: '2021-05-31', end: '2021-06-06', precision: 'week', text: 'last week' });
  });

  it('the headline and lede date the story when the first trigger comes later', () => {
    const x = extract('Man and daughter found dead in Hardin County\n\nA man and his daughter were found dead in what police called an apparent murder-suicide Monday night.\n\nOfficers responded to a report of gunshot victims at a home on Willow Road.\n\nAutopsies are scheduled for Tuesday morning.', '2021-06-08');
    expect(main(x).date).toMatchObject({ start: '2021-06-07', text: 'Monday night' });
  });

  it('a dateline is the report\'s date: the incident is the day the text gives, or unknown', () => {
    const dated = extract('BOGOTA, 9 JAN 90 (EFE) -- [TEXT] THE MAYOR OF A NORTHERN TOWN, WHO WAS KIDNAPPED ON 5 JANUARY BY ARMED MEN, WAS FOUND DEAD TODAY, ACCORDING TO AUTHORITIES.', '1990-01-09');
    expect(dated.incidents.map(i => i.date.start)).not.toContain(null);
    expect(dated.incidents.every(i => i.date.text !== '9 JAN 90')).toBe(true);
    const undated = extract('LIMA, 11 MAR 89 (EFE) -- [TEXT] ALLEGED GUERRILLAS MURDERED FOUR MEMBERS OF A FAMILY IN A VILLAGE OF HUANUCO DEPARTMENT.', '1989-03-11');
    expect(main(undated).date).toEqual({ start: null, end: '1989-03-11', precision: 'unknown', text: null });
  });

  it('"reported today that yesterday ... burned": the day after "that" is the incident\'s', () => {
    expect(date('POLICE AUTHORITIES REPORTED TODAY THAT YESTERDAY ARMED GUERRILLAS BURNED THE TOWN HALL AND KILLED TWO GUARDS.'))
      .toMatchObject({ start: '2021-06-09', text: 'YESTERDAY' });
  });

  it('a page stamp is never the incident\'s date', () => {
    expect(date('Updated: Jun 10, 2021 - 5:52 PM\n\nA man was shot and killed late Tuesday in the parking lot of a grocery store.'))
      .toMatchObject({ start: '2021-06-08' });
    expect(date('Posted: Thursday, June 10, 2021 9:14 AM EDT\n\nA man was shot and killed in the parking lot of a grocery store, police said.'))
      .toMatchObject({ start: null, precision: 'unknown' });
  });

  it('a date ahead ("a vigil will be held Friday") dates nothing', () => {
    expect(date('A 12-year-old boy was shot and killed on Tuesday. A vigil will be held Friday at his school.'))
      .toMatchObject({ start: '2021-06-08' });
  });

  it('an earlier incident in a dated clause gets that date; the main story keeps its own', () => {
    const x = extract('Two weeks after gunmen shot dead a shopkeeper in the old market, there are new reports of a killing in the city. Residents said militants beheaded a teacher yesterday.', '2021-06-10');
    const shop = x.incidents.find(i => i.evidence.some(e => /shopkeeper/.test(e.text)) && i.type === 'shooting');
    expect(shop?.date).toMatchObject({ precision: 'week', text: 'Two weeks after' });
    expect(shop!.date.start! <= '2021-05-27' && shop!.date.end! >= '2021-05-27').toBe(true);
    const teacher = x.incidents.find(i => i.type === 'execution');
    expect(teacher?.date).toMatchObject({ start: '2021-06-09', precision: 'day', text: 'yesterday' });
  });
});
