/**
 * Casualty counting patterns (sentenceStatements + combineStatements), one describe per
 * pattern, with sentences written in the style of US local news and monitor reports.
 */
import { describe, expect, it } from 'vitest';
import { combineStatements, sentenceStatements } from '../src/extract/casualties.js';
import { analyse } from '../src/nlp/analyse.js';
import { sentenceWordRanges, wordsOf } from '../src/nlp/words.js';

/** killed / injured of a text through the casualty counter alone (all sentences). */
function counts(text: string) {
  const doc = analyse(text);
  const w = wordsOf(doc);
  const ranges = sentenceWordRanges(w, doc.sentences.length);
  return combineStatements(ranges.flatMap(([a, b]) => sentenceStatements(text, w, a, b)), text);
}
const killed = (text: string) => counts(text).killed?.min ?? null;
const injured = (text: string) => counts(text).injured?.min ?? null;

describe('a second count after "and" has its own status', () => {
  it('"two were shot and one died": one killed, one injured (not two killed)', () => {
    const c = counts('Two men were shot and one died late Saturday outside a bar on Elm Street, police said.');
    expect(c.killed?.min).toBe(1);
    expect(c.injured?.min).toBe(1);
  });
  it('"three were killed and one critically wounded"', () => {
    const t = 'Three people were killed and one critically wounded in a shooting at an apartment complex early Sunday.';
    expect(killed(t)).toBe(3);
    expect(injured(t)).toBe(1);
  });
  it('"three are dead and a fourth is wounded": the ordinal is one more person', () => {
    const t = 'Three people are dead and a fourth is wounded after a man opened fire inside a home on Pine Avenue.';
    expect(killed(t)).toBe(3);
    expect(injured(t)).toBe(1);
  });
  it('"five were shot and two of them died"', () => {
    const t = 'Five people were shot and two of them died at a house party in the 400 block of Main Street.';
    expect(killed(t)).toBe(2);
    expect(injured(t)).toBe(3);
  });
  it('"left one woman dead and four people wounded"', () => {
    const t = 'Gunfire outside a corner store left one woman dead and four people wounded on Thursday night.';
    expect(killed(t)).toBe(1);
    expect(injured(t)).toBe(4);
  });
  it('a list of people before the status is still one phrase: "a woman and three men are recovering"', () => {
    expect(injured('A woman and three men are recovering after a shooting near the fairgrounds.')).toBe(4);
  });
  it('"a second shot" is a shot fired, not a second person', () => {
    const t = 'Two men were shot on Monday. The man fired into the air, and then fired a second shot when the birds flew off.';
    expect(injured(t)).toBe(2);
  });
});

describe('"another" after people of another status', () => {
  it('"one officer was killed and another was injured" is one injured, whatever the headline said', () => {
    const t = 'Officer killed, another hurt in traffic stop shooting\n\nOne officer was shot and killed and another was injured during a traffic stop on Friday night.';
    expect(killed(t)).toBe(1);
    expect(injured(t)).toBe(1);
  });
  it('"another man was also shot" in a later sentence still adds to those counted', () => {
    const t = 'A woman was shot in the leg on Monday. Another man was shot in the arm.';
    expect(injured(t)).toBe(2);
  });
});

describe('people nouns', () => {
  it('"partygoers", "hunter", "step-brother" are people', () => {
    expect(killed('Three partygoers were killed at a house in the suburb.')).toBe(3);
    expect(killed('A turkey hunter was shot and killed Sunday morning by another hunter.')).toBe(1);
    expect(injured('The man accidentally shot his nephew and his step-brother, who were treated at a hospital.')).toBe(2);
  });
});

describe('the one who died is not also counted as hurt', () => {
  it('"the victim was taken to a hospital" after a death is the same person', () => {
    const t = 'A 19-year-old man died after a shooting on Oak Street on Friday. The victim was taken to a hospital by medics.';
    expect(killed(t)).toBe(1);
    expect(counts(t).injured).toBeNull();
  });
  it('a named victim in hospital after a death is the same person', () => {
    const t = 'A man was killed in a shooting on Oak Street. Marcus Reed was rushed to a hospital in critical condition.';
    expect(counts(t).injured).toBeNull();
  });
  it('"fatally shoots himself" then "shot himself": one death, nobody hurt', () => {
    const t = 'Boy, 7, fatally shoots himself at home. Police said the boy shot himself in the head with a handgun.';
    expect(killed(t)).toBe(1);
    expect(counts(t).injured).toBeNull();
  });
  it('a second person introduced as such is still counted: "a man was killed ... a woman was wounded"', () => {
    const t = 'A man was killed in a shooting on Oak Street. A woman was wounded in the arm and taken to a hospital.';
    expect(killed(t)).toBe(1);
    expect(injured(t)).toBe(1);
  });
  it('when only the suspect died, "the officer was taken to a hospital" is a wounded victim', () => {
    const t = 'One suspect was killed in a shootout with police on Sunday. The officer was treated at the hospital for a wound to his arm.';
    expect(injured(t)).toBe(1);
  });
  it('without a death, "the victim was taken to a hospital" is one hurt', () => {
    expect(injured('The victim was taken to a hospital with a gunshot wound to the leg.')).toBe(1);
  });
});

describe('self-inflicted wounds', () => {
  it('"a self-inflicted gunshot wound to the hand" is a wound, not a death', () => {
    const t = 'A 13-year-old suffered a self-inflicted gunshot wound to the hand while hunting on Saturday.';
    expect(counts(t).killed).toBeNull();
    expect(injured(t)).toBe(1);
  });
  it('"died of a self-inflicted gunshot wound" is a death', () => {
    const t = 'A 66-year-old man died early Tuesday of an accidental self-inflicted gunshot wound, deputies said.';
    expect(killed(t)).toBe(1);
    expect(counts(t).injured).toBeNull();
  });
  it('"Student Takes Own Life" is a death', () => {
    expect(killed('Student Takes Own Life In School Parking Lot')).toBe(1);
  });
});

describe('pronoun subjects and negation', () => {
  it('"he was shot in the left hand" counts one hurt when nothing else is said', () => {
    const t = 'Deputies said a patron was in the bathroom of the theater when his gun went off. He was shot in the left hand.';
    expect(injured(t)).toBe(1);
  });
  it('a pronoun does not add to a count already given', () => {
    const t = 'Two men were wounded in a shooting on Elm Street on Sunday. He was shot in the leg, police said.';
    expect(injured(t)).toBe(2);
  });
  it('"he was pronounced dead" after he was shot: one killed, nobody hurt', () => {
    const t = 'A teenager was shot near the park on Monday. He was pronounced dead at the hospital.';
    expect(killed(t)).toBe(1);
    expect(counts(t).injured).toBeNull();
  });
  it('"was not injured" is no injury', () => {
    const t = 'A bullet hit one juvenile in the car. A man inside the home at the time was not injured.';
    expect(injured(t)).toBe(1);
    expect(counts('A man inside the home at the time was not injured.').injured).toBeNull();
  });
});

describe('"and a ..." starts other people', () => {
  it('"a man was in critical condition and a 26-year-old was in stable condition": two hurt', () => {
    expect(injured('A 39-year-old man was in critical condition after the incident and a 26-year-old was in stable condition, police said.')).toBe(2);
  });
  it('"a man was shot and killed and a woman was wounded": one each', () => {
    const t = 'A man was shot and killed and a woman was wounded on Elm Street late Friday.';
    expect(killed(t)).toBe(1);
    expect(injured(t)).toBe(1);
  });
});

describe('a bare count as the object of a violent verb', () => {
  it('"killing one and wounding three"', () => {
    const t = 'A man opened fire at a party early Sunday, killing one and wounding three.';
    expect(killed(t)).toBe(1);
    expect(injured(t)).toBe(3);
  });
  it('headline "Shooting That Killed 1, Injured 6"', () => {
    const t = 'No Bail for Teen Charged in Shooting That Killed 1, Injured 6';
    expect(killed(t)).toBe(1);
    expect(injured(t)).toBe(6);
  });
  it('"shot four, killing two": two dead, two hurt', () => {
    const t = 'The gunman shot four, killing two.';
    expect(killed(t)).toBe(2);
    expect(injured(t)).toBe(2);
  });
  it('"killed two people and hospitalized three"', () => {
    const t = 'The gunman killed two people and hospitalized three at the bar on Sunday.';
    expect(killed(t)).toBe(2);
    expect(injured(t)).toBe(3);
  });
  it('a number with a noun after it is no count of people: "shot 3 times", "shot 2 dogs"', () => {
    expect(injured('He was shot 3 times near the corner store.')).toBe(1);
    expect(counts('Officers shot 2 dogs during the raid.').injured).toBeNull();
  });
});

describe('groups, parts of groups and dates', () => {
  it('"four victims were rushed to a hospital ... one of the victims later died": three hurt', () => {
    const c = counts('Four victims were rushed to a hospital on Sunday night. One of the victims later died.');
    expect(c.killed?.min).toBe(1);
    expect(c.injured?.min).toBe(3);
  });
  it('"One of Five Victims ... Dies" is one death, not five', () => {
    expect(killed('One of Five Victims in Overtown Drive-By Shooting Dies')).toBe(1);
  });
  it('"four of five dead" still reads the five dead', () => {
    expect(killed('Four of five dead in Belfair shooting identified')).toBe(5);
  });
  it('"three victims, one male, and two females" are three people, not six', () => {
    expect(injured('The other three victims, one male, and two females, were taken to a hospital.')).toBe(3);
  });
  it('"on Sept. 3" is a date, not three people', () => {
    const t = 'Police said a man shot at the park on Sept. 3 died Saturday morning.';
    expect(killed(t)).toBe(1);
  });
});

describe('named people listed before a status', () => {
  it('"Marcus Hill, 34, and Devon Carter, 22, were shot": two hit', () => {
    expect(injured('Police said Marcus Hill, 34, and Devon Carter, 22, were shot near the bar on Saturday.')).toBe(2);
  });
  it('three names with ages, the age\'s comma separating them', () => {
    expect(injured('Daneka Lotts, 24, Monica Bates, 16, and Malcolm Wallace, 25, were shot inside a car.')).toBe(3);
  });
  it('"Marcus Hill and Devon Carter were wounded"', () => {
    expect(injured('Marcus Hill and Devon Carter were wounded in the shooting.')).toBe(2);
  });
  it('named people arrested are no casualties', () => {
    expect(counts('John Smith and Jane Doe were arrested on Monday.').injured).toBeNull();
  });
  it('a named person with an age: "Vontay Jamar, 22, was shot to death"', () => {
    expect(killed('Vontay Jamar, 22, was shot to death when several men opened fire at a car wash.')).toBe(1);
  });
});

describe('"another" with nobody counted before it', () => {
  it('"police arrested a teen after another teen was injured ... the victim was rushed to a hospital": one hurt', () => {
    const t = 'Police arrested a 17-year-old on Wednesday after another teen was critically injured while playing with guns. The 14-year-old victim was rushed to a hospital.';
    expect(injured(t)).toBe(1);
  });
  it('"another" after people counted before still adds', () => {
    expect(injured('A woman was shot in the leg on Monday. Another man was shot in the arm.')).toBe(2);
  });
});

describe('a clause about other people', () => {
  it('"a man was found after a woman was shot": the woman\'s status is not the man\'s', () => {
    const c = counts('Police arrested a 19-year-old man after a woman was shot in the leg outside the store.');
    expect(c.injured?.min).toBe(1);
  });
  it('"a man died after he was shot": the pronoun is the same man', () => {
    expect(killed('A 30-year-old man died after he was shot outside the store.')).toBe(1);
  });
});

describe('a sentence is read only when it holds a word a rule starts from', () => {
  // each sentence below leads to a statement through a different first word: the prefilter
  // that skips sentences without such words must know all of them
  it('a multiple ("a double homicide") counts two killed', () => {
    expect(killed('Detectives are investigating a double homicide on the east side.')).toBe(2);
  });
  it('"took his own life" counts one killed', () => {
    expect(killed('The gunman then took his own life inside the store.')).toBe(1);
  });
  it('"sent two people to the hospital" counts two injured', () => {
    expect(injured('The crash sent two people to hospital late Friday.')).toBe(2);
  });
  it('"lost their lives" (a death phrase) counts the dead', () => {
    expect(killed('Four residents lost their lives in the attack on the village.')).toBe(4);
  });
  it('a condition alone ("in critical condition") says the people were hurt', () => {
    expect(injured('Two teenagers are in critical condition at a local hospital.')).toBe(2);
  });
  it('a sentence without any such word yields no statement', () => {
    const text = 'Three men and two women gathered at the corner of Oak Street on Monday evening.';
    const doc = analyse(text);
    const w = wordsOf(doc);
    const [a, b] = sentenceWordRanges(w, doc.sentences.length)[0];
    expect(sentenceStatements(text, w, a, b)).toEqual([]);
  });
});

describe('counts with an open or approximate bound keep it through the counter', () => {
  it('"at least 12" stays open: no upper bound is made up', () => {
    expect(counts('At least 12 people were killed when shells hit the market.').killed).toEqual({ min: 12, max: null });
  });
  it('"dozens" is at least 24 and open', () => {
    expect(counts('Dozens were wounded in the blast near the bus station.').injured).toEqual({ min: 24, max: null });
  });
  it('"about 20" keeps the figure and the mark', () => {
    expect(counts('About 20 civilians were killed in the raid on the village.').killed).toEqual({ min: 20, max: 20, approximate: true });
  });
  it('"up to 10" is 1 to 10, not 5 to 10', () => {
    expect(counts('Up to 10 people were killed in the fighting overnight.').killed).toEqual({ min: 1, max: 10 });
  });
  it('explicit ranges: "two or three", "between 10 and 15"', () => {
    expect(counts('Two or three men were wounded by the gunfire.').injured).toEqual({ min: 2, max: 3 });
    expect(counts('Between 10 and 15 people were killed in the attack on the convoy.').killed).toEqual({ min: 10, max: 15 });
  });
  it('"half a dozen" people counts six', () => {
    expect(counts('Half a dozen people were injured when the car bomb went off.').injured).toEqual({ min: 6, max: 6 });
  });
  it('adding a closed count to an open one leaves it open: "at least 12 soldiers and two civilians"', () => {
    expect(counts('At least 12 soldiers and two civilians were killed in the ambush.').killed).toEqual({ min: 14, max: null });
  });
  it('people hit less the dead: an open number hit leaves an open number hurt', () => {
    const c = counts('More than 30 people were shot, three of them fatally.');
    expect(c.killed).toEqual({ min: 3, max: 3 });
    expect(c.injured).toEqual({ min: 28, max: null });
  });
  it('"another" on top of an open count stays open', () => {
    expect(counts('At least 12 people were killed in the blast. Another man was also killed by a second bomb.').killed).toEqual({ min: 13, max: null });
  });
});
