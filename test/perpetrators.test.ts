/**
 * Perpetrators described rather than named: the subject of a violent verb, the agent of a
 * passive, the one a claim or an accusation names; and what is not a perpetrator (the victims of
 * a headline, the group that speaks, the agent of a harmless act).
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/nlp/analyse.js';
import { sentenceWordRanges, wordsOf } from '../src/nlp/words.js';
import { findPerpetratorPhrases } from '../src/extract/perpetrators.js';
import { extractReport } from '../src/extract/index.js';

/** [text, group] of the perpetrator phrases of a text (all its sentences). */
function perps(text: string): Array<[string, string | null]> {
  const doc = analyse(text);
  const w = wordsOf(doc);
  return findPerpetratorPhrases(text, w, sentenceWordRanges(w, doc.sentences.length)).map(p => [p.text, p.group]);
}

describe('findPerpetratorPhrases: who did it', () => {
  it('the subject of a violent verb, with its modifiers', () => {
    expect(perps('Urban terrorists dynamited a power pylon in the north of the capital last night.')).toEqual([['Urban terrorists', null]]);
    expect(perps('Members of the Shining Path killed four peasants in the village.')).toEqual([['Members of the Shining Path', 'Shining Path']]);
    expect(perps('The Farabundo Marti National Liberation Front [FMLN] attacked the garrison at dawn.')).toEqual([['Farabundo Marti National Liberation Front', 'FMLN']]);
  });

  it('reads wire copy in capitals', () => {
    expect(perps('HEAVILY ARMED SHINING PATH TERRORISTS HAVE KILLED THE MAYOR OF THE SMALL TOWN.'))
      .toEqual([['HEAVILY ARMED SHINING PATH TERRORISTS', 'Shining Path']]);
  });

  it('the agent of a passive, past place and time phrases', () => {
    expect(perps('The mayor was kidnapped on Sunday on the outskirts of the town, by a group of heavily armed men.'))
      .toEqual([['group of heavily armed men', null]]);
    expect(perps('The bomb was left by unidentified individuals in the parking lot.')).toEqual([['unidentified individuals', null]]);
    expect(perps('The judge was shot dead by two men on a motorcycle.')).toEqual([['two men', null]]);
  });

  it('claims of responsibility and attributions', () => {
    expect(perps('The Shining Path claimed responsibility for the attack.')).toEqual([['Shining Path', 'Shining Path']]);
    expect(perps('ELN guerrillas, which have claimed responsibility for the attacks on the pipeline, struck again.')).toEqual([['ELN guerrillas', 'ELN']]);
    expect(perps('The bombing was blamed on suspected FMLN rebels.')).toEqual([['suspected FMLN rebels', 'FMLN']]);
    expect(perps('The attack was attributed to the Medellin cartel.')).toEqual([['Medellin cartel', 'Medellin Cartel']]);
  });

  it('accusations of violence, not of anything else', () => {
    expect(perps('The army blamed the FMLN for the massacre.')).toEqual([['FMLN', 'FMLN']]);
    expect(perps('The rebels blamed the government and the armed forces for the murder of ten workers.').map(p => p[0]))
      .toEqual(['government', 'armed forces']);
    expect(perps('The family accused her of lying in court.')).toEqual([]);
  });
});

describe('findPerpetratorPhrases: who did not', () => {
  it('the victims of a headline or a passive', () => {
    expect(perps('Two soldiers killed in an ambush near the border.')).toEqual([]);
    expect(perps('Six people were shot Wednesday night.')).toEqual([]);
    expect(perps('Four people injured Wednesday were taken to hospital.')).toEqual([]);
  });

  it('words that only look like it', () => {
    expect(perps('Police said the shooting is gang related.')).toEqual([]);
    expect(perps('She was transported by police officers to the hospital.')).toEqual([]);
    expect(perps('The victim was the first person to fire a gun at the party.')).toEqual([]);
    expect(perps('')).toEqual([]);
  });
});

describe('perpetrators of an incident mention', () => {
  it('a group that speaks is not the perpetrator', () => {
    const x = extractReport({ text: 'The FMLN said that soldiers killed three peasants in Usulutan on Sunday.', published: '1990-01-09' });
    const p = x.incidents[0].perpetrators;
    expect(p.map(q => q.text)).toEqual(['soldiers']);
    expect(p.some(q => q.group === 'FMLN')).toBe(false);
  });

  it('a named attacker stays first, described attackers follow, each once', () => {
    const x = extractReport({ text: 'Two gunmen shot dead a pharmacist in his shop on Monday. One gunman, identified as Omar Saleh, was arrested. The gunmen fled.', published: '2021-06-08' });
    const texts = x.incidents[0].perpetrators.map(q => q.text);
    expect(texts[0]).toContain('Omar Saleh');
    expect(texts).toContain('Two gunmen');
    expect(new Set(texts.map(t => t.toLowerCase())).size).toBe(texts.length);
  });

  it('keeps every perpetrator text a slice of the report text', () => {
    const text = 'LIMA, 3 MAR 90 (EFE) -- [TEXT] A POLICE STATION WAS ATTACKED TODAY BY HEAVILY ARMED\nSHINING PATH TERRORISTS, THE POLICE REPORTED.';
    const x = extractReport({ text, published: '1990-03-03' });
    const p = x.incidents[0].perpetrators;
    expect(p.length).toBeGreaterThan(0);
    for (const q of p) expect(x.report.text.includes(q.text)).toBe(true);
    expect(p[0].group).toBe('Shining Path');
  });
});
