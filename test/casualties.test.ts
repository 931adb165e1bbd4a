/**
 * Casualty counting patterns (sentenceStatements + combineStatements), one describe per
 * pattern, with sentences written in the style of US local news and monitor reports.
 */
import { describe, expect, it } from 'vitest';
import { combineStatements, incidentCounts, sentenceStatements } from '../src/extract/casualties.js';
import { analyse } from '../src/nlp/analyse.js';
import { sentenceWordRanges, wordsOf } from '../src/nlp/words.js';

/** The words of a text and each sentence's word range. */
function wordsAndSentences(text: string) {
  const doc = analyse(text);
  const w = wordsOf(doc);
  return { w, ranges: sentenceWordRanges(w, doc.sentences.length) };
}
/** killed / injured of a text through the casualty counter alone (all sentences). */
function counts(text: string) {
  const { w, ranges } = wordsAndSentences(text);
  return combineStatements(ranges.flatMap(([a, b]) => sentenceStatements(text, w, a, b)), text);
}
/** killed / injured of a text told as one incident (the lede first, then cue words). */
function incident(text: string) {
  const { w, ranges } = wordsAndSentences(text);
  return incidentCounts(text, w, ranges, ranges.map((_, i) => i));
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
  it('"turned the gun on himself" alone counts one killed', () => {
    expect(killed('He then turned the gun on himself.')).toBe(1);
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
    const { w, ranges } = wordsAndSentences(text);
    const [a, b] = ranges[0];
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

describe('an amount before "of" counts the people after it', () => {
  it('"hundreds of civilians were wounded" is at least 200, open', () => {
    expect(counts('Hundreds of civilians were wounded when shells hit the market on Friday.').injured).toEqual({ min: 200, max: null });
  });
  it('"a couple of men were shot" is two', () => {
    expect(injured('A couple of men were shot outside the liquor store, police said.')).toBe(2);
  });
  it('"two of the men" is still part of a group, not two more', () => {
    const c = counts('Police said two of the men were wounded in the exchange of fire.');
    expect(c.injured).toEqual({ min: 2, max: 2 });
  });
});

describe('nobody', () => {
  it('"left no one hurt" is nobody hurt, not one', () => {
    expect(counts('The gunfire left no one hurt, though several cars were damaged.').injured).toEqual({ min: 0, max: 0 });
  });
});

describe('a plural without a number is at least two', () => {
  it('"killing protesters and wounding children": both open counts from two', () => {
    const c = counts('Troops fired on the crowd on Friday, killing protesters and wounding children.');
    expect(c.killed).toEqual({ min: 2, max: null });
    expect(c.injured).toEqual({ min: 2, max: null });
  });
  it('a figure stated elsewhere wins over the plural', () => {
    const c = counts('Troops fired on the crowd, wounding children. Four children were taken to a hospital with gunshot wounds.');
    expect(c.injured).toEqual({ min: 4, max: 4 });
  });
  it('"his wife and children" is three or more', () => {
    expect(counts('Police said the man killed his wife and children before officers arrived.').killed).toEqual({ min: 3, max: null });
  });
  it('"the victims" still says nothing about how many', () => {
    expect(counts('The victims were taken to a hospital in the city.').injured).toBeNull();
  });
  it('a plural subject needs its own status verb: "Neighbors mourn a boy found dead"', () => {
    expect(counts('Neighbors mourn a teenager found dead behind the school.').killed).toEqual({ min: 1, max: 1 });
  });
  it('nor is a plural subject in the present a report: "if its reporters are killed"', () => {
    expect(counts('The paper will print even if its reporters are killed.').killed).toBeNull();
  });
  it('"the killing of unarmed men" names a kind of death, not a count', () => {
    expect(counts('Protesters marched against the killing of unarmed men by police.').killed).toBeNull();
  });
});

describe('verbs and their objects', () => {
  it('"The attackers shot dead two policemen" is two killed, not one attacker', () => {
    const c = counts('The attackers shot dead two policemen at the checkpoint.');
    expect(c.killed).toEqual({ min: 2, max: 2 });
    expect(c.statements.every(st => !st.perpetrator)).toBe(true);
  });
  it('"Militants shot dead a pharmacist": the subject shot, the pharmacist died; nobody else was hit', () => {
    const c = counts('Militants shot dead a pharmacist in the town on Sunday.');
    expect(c.killed).toEqual({ min: 1, max: 1 });
    expect(c.injured).toBeNull();
  });
  it('"Two militants shot dead in a raid" (no object): the militants died', () => {
    expect(killed('Two militants shot dead in a raid near the border')).toBe(2);
  });
  it('"fatally shot three people" is three killed', () => {
    expect(killed('Police said the man fatally shot three people at the office.')).toBe(3);
  });
  it('"shot four people to death" is four killed, nobody hurt', () => {
    const c = counts('A gunman shot four people to death inside the house.');
    expect(c.killed?.min).toBe(4);
    expect(c.injured).toBeNull();
  });
  it('"shot two officers, who were wounded": the wound is theirs', () => {
    expect(injured('The gunman shot two officers, who were wounded in the legs.')).toBe(2);
  });
  it('"shot his ex-wife and a deputy before he died": his death is not theirs', () => {
    const c = counts('A former guard shot his ex-wife and a deputy on Sunday before he died.');
    expect(c.statements.find(st => st.people?.text === 'his ex-wife and a deputy')?.status).toBe('hit');
  });
  it('a headline list without articles: "Man Kills Wife, 2 Sons, Then Himself"', () => {
    expect(killed('Man Kills Wife, 2 Sons, Then Himself')).toBe(4);
  });
  it('"kills three classmates, self": people nouns of school and work, and the attacker', () => {
    expect(killed('Student kills three classmates, self at high school')).toBe(4);
  });
  it('"claimed two lives", "claims one man\'s life", "claimed the lives of three soldiers"', () => {
    expect(killed('The crash of gunfire claimed two lives on Elm Street.')).toBe(2);
    expect(killed('Overnight shooting claims one man\'s life')).toBe(1);
    expect(killed('The blast claimed the lives of three soldiers near the base.')).toBe(3);
  });
  it('a participle inside a noun phrase is no verb: "the corpses of five assassinated leaders were found"', () => {
    expect(counts('Last month, the corpses of five assassinated union leaders were found.').killed).toBeNull();
  });
  it('a threat or an attempt is no death: "threatened to kill officials", "tried to kill two guards"', () => {
    expect(counts('The rebels threatened to kill election officials in the province.').killed).toBeNull();
    expect(counts('He tried to kill two guards during the escape.').killed).toBeNull();
  });
  it('a purpose is a fact: "used a rifle to kill five people"', () => {
    expect(killed('Police said the teenager used a rifle to kill five people at the farm.')).toBe(5);
  });
  it('people who act on someone else are not the casualties: "two deputies rushed the girl to a hospital"', () => {
    const c = counts('The two deputies rushed the girl to the hospital, where she was pronounced dead.');
    expect(c.killed).toEqual({ min: 1, max: 1 });
    expect(c.injured).toBeNull();
  });
});

describe('parts of a group', () => {
  it('"including one who was pronounced dead": one of the five died, four hurt', () => {
    const c = counts('Five people were struck by bullets, including one who was pronounced dead at the scene.');
    expect(c.killed).toEqual({ min: 1, max: 1 });
    expect(c.injured).toEqual({ min: 4, max: 4 });
  });
  it('"including" before any status keeps the status of the whole group', () => {
    expect(killed('Two people — including a 16-year-old girl — were shot dead in a car.')).toBe(2);
  });
  it('"one of the five people shot Sunday has died": one dead, four hurt', () => {
    const c = counts('One of the five people shot Sunday outside a nightclub has died, police said.');
    expect(c.killed).toEqual({ min: 1, max: 1 });
    expect(c.injured).toEqual({ min: 4, max: 4 });
  });
  it('"one of the two women who were slightly injured said": two hurt', () => {
    const c = counts('According to one of the two women who were slightly injured, the bomb was left in a car.');
    expect(c.injured).toEqual({ min: 2, max: 2 });
    expect(c.killed).toBeNull();
  });
  it('"one of their young sons" is one person in a list', () => {
    expect(injured('A mother, a father and one of their young sons were all shot during the argument.')).toBe(3);
  });
  it('a plural people phrase does not take a singular verb: "shot 4, including 2 agents, is killed"', () => {
    const c = counts('The teen who shot 4, including 2 federal agents, is killed by police.');
    expect(c.statements.some(st => st.status === 'killed' && st.count.min === 2)).toBe(false);
  });
});

describe('what is whose', () => {
  it('"the victim\'s mother was shot": one person, the mother', () => {
    const c = counts('The victim\'s mother was shot in the arm.');
    expect(c.injured).toEqual({ min: 1, max: 1 });
    expect(c.statements[0].people?.text).toBe('The victim\'s mother');
  });
  it('"the Sheriff\'s Office ... treated as a murder-suicide" hurts nobody', () => {
    const c = counts('According to the county Sheriff\'s Office, the deaths are being treated as a murder-suicide.');
    expect(c.injured).toBeNull();
  });
  it('"Friday" is no one\'s name', () => {
    const c = counts('A man suspected of killing five people Friday was found dead in his home.');
    expect(c.statements.some(st => st.people?.text === 'Friday')).toBe(false);
  });
});

describe('gunshot wounds say who was hit, not who lived', () => {
  it('"found five people with gunshot wounds" after "two men died": three hurt', () => {
    const c = counts('Two men died in the shooting. Officers found five people with gunshot wounds outside the bar.');
    expect(c.killed).toEqual({ min: 2, max: 2 });
    expect(c.injured).toEqual({ min: 3, max: 3 });
  });
  it('"a man was found with a gunshot wound" is one hurt', () => {
    expect(injured('A man was found with a gunshot wound to the chest early Sunday.')).toBe(1);
  });
});

describe('the attacker\'s own death', () => {
  it('"turned the gun on himself" after killing four: five dead', () => {
    expect(killed('The man fatally shot his wife and three children before turning the gun on himself.')).toBe(5);
  });
  it('told twice, the suicide is still one death', () => {
    const t = 'A gunman killed two people at a warehouse and then himself. Police said he shot himself in the head. He took his own life in the office.';
    expect(killed(t)).toBe(3);
  });
  it('"killed himself after shooting two officers": the officers are both hurt', () => {
    const c = counts('Police said the gunman killed himself after shooting two officers.');
    expect(c.killed).toEqual({ min: 1, max: 1 });
    expect(c.injured).toEqual({ min: 2, max: 2 });
  });
});

describe('a tally over many incidents is not the incident\'s toll', () => {
  it('"a feud that has claimed two lives over the past two years"', () => {
    const t = 'Seven people were injured in the shooting. Police said it was part of a feud that has claimed two lives over the past two years.';
    expect(counts(t).killed).toBeNull();
    expect(injured(t)).toBe(7);
  });
  it('a tally\'s "no casualties were reported in these incidents" still says nobody was hurt', () => {
    const c = counts('No casualties were reported in these incidents.');
    expect(c.killed).toEqual({ min: 0, max: 0 });
    expect(c.injured).toEqual({ min: 0, max: 0 });
  });
  it('"in October alone", "since 2014", "in those shootings"', () => {
    expect(counts('In October alone, their attacks claimed 200 lives.').killed).toBeNull();
    expect(counts('Since 2014, 45 people have been killed in the district.').killed).toBeNull();
    expect(counts('More than 3,000 people have been injured in those shootings.').injured).toBeNull();
  });
});

describe('statements add up only when the text joins them', () => {
  it('a headline run into the lede is said twice, not two groups', () => {
    expect(injured('Seven people injured in Oakland shooting Seven people injured in Oakland shooting')).toBe(7);
  });
  it('"a girl was hurt, and two men were also wounded" is three', () => {
    expect(injured('A girl was hurt, and two men were also wounded.')).toBe(3);
  });
});

describe('ages and labels are not counts', () => {
  it('"two men ages 20 and 27" are two', () => {
    expect(injured('Two men ages 20 and 27 were taken to the hospital in stable condition.')).toBe(2);
  });
  it('"the 36 year old female" and "a 25 year-old male" are one each', () => {
    expect(injured('The 36 year old female was taken to the hospital in critical condition.')).toBe(1);
    expect(injured('A 25 year-old male was shot in the leg.')).toBe(1);
  });
  it('"two males, 30 and 42, were hurt": the figures after the comma are ages', () => {
    expect(counts('Two males, 30 and 42, were injured in the shooting.').statements.some(st => st.count.min > 2)).toBe(false);
  });
  it('a photo caption "Image 23 of 33" before the story counts nobody', () => {
    const c = counts('Image 23 of 33 Seven people have been shot, five fatally, in the east end.');
    expect(c.killed).toEqual({ min: 5, max: 5 });
    expect(c.injured).toEqual({ min: 2, max: 2 });
  });
  it('a year is no count: "in 2013 officers were shot at"', () => {
    expect(counts('On August 25, 2013 officers were hit by debris, police said.').statements.some(st => st.count.min > 100)).toBe(false);
  });
  it('a figure above one before a singular noun is not its count', () => {
    expect(counts('Image 1 of 9 7-year-old girl was shot in the arm.').injured).toEqual({ min: 1, max: 1 });
  });
});

describe('tallies in the perfect over a period', () => {
  it('"126 people had been murdered in the city this year" is no toll of the incident', () => {
    const t = 'A man was killed on Friday. As of July 15, 126 people had been murdered in the city this year.';
    expect(counts(t).killed).toEqual({ min: 1, max: 1 });
  });
  it('"thousands of people every year", "across the city over the weekend"', () => {
    expect(counts('Drunk drivers injure and kill thousands of people every year.').killed).toBeNull();
    expect(counts('Over the holiday, 39 people were shot across the city.').injured).toBeNull();
  });
  it('a story of this year in the simple past is still read: "was killed earlier this year"', () => {
    expect(killed('A woman was killed earlier this year in the same block.')).toBe(1);
  });
});

describe('death tolls', () => {
  it('"the death toll rose to 3": the later, higher figure', () => {
    const t = 'Two people were killed in the attack on Monday. The death toll rose to 3 on Tuesday when a wounded man died.';
    expect(counts(t).killed).toEqual({ min: 3, max: 3 });
  });
  it('"put the death toll at about 40", "brought the death toll to more than 100"', () => {
    expect(counts('Officials put the death toll at about 40.').killed).toEqual({ min: 40, max: 40, approximate: true });
    expect(counts('The attack brought the death toll in the province to more than 100.').killed).toEqual({ min: 101, max: null });
  });
  it('"a wounded man died" is one dead, not one hurt', () => {
    const c = counts('A wounded man died at the hospital on Tuesday.');
    expect(c.killed).toEqual({ min: 1, max: 1 });
    expect(c.injured).toBeNull();
  });
});

describe('the one who harmed himself', () => {
  it('is the same as the dead boy the story tells of: one death', () => {
    expect(killed('Boy accidentally shoots, kills himself. An accidental shooting left a 12-year-old boy dead inside his home.')).toBe(1);
  });
  it('is someone else than the woman he shot: two deaths', () => {
    expect(killed('A woman was shot dead at her home. Police said her husband later killed himself.')).toBe(2);
  });
  it('is not one of the people counted before him in the sentence', () => {
    expect(killed('Two people were killed before the gunman killed himself.')).toBe(3);
  });
});

describe('a count followed by ", and one was pronounced dead"', () => {
  it('"four male victims were found shot, and one was pronounced dead": one dead, three hurt', () => {
    const c = counts('Four male victims were found shot, and one was pronounced dead at the scene.');
    expect(c.killed).toEqual({ min: 1, max: 1 });
    expect(c.injured).toEqual({ min: 3, max: 3 });
  });
});

describe('a headline total takes in the people the story adds one by one', () => {
  it('"4 shot, 2 fatally" then "three other men were also shot": two hurt, not five', () => {
    const t = '4 shot, 2 fatally, at gas station on South Side\n\nA clerk was caught in the crossfire early Friday. Three other men were also shot. Two of them died.';
    const c = counts(t);
    expect(c.killed).toEqual({ min: 2, max: 2 });
    expect(c.injured).toEqual({ min: 2, max: 2 });
  });
  it('a first sentence with a full stop is no headline: "another" still adds', () => {
    expect(counts('At least 12 people were killed in the blast. Another man was also killed by a second bomb.').killed).toEqual({ min: 13, max: null });
  });
});

describe('objects of a second verb', () => {
  it('"wounded another in October": "another" alone is one more', () => {
    const c = counts('The student shot and fatally wounded four friends and seriously wounded another in October.');
    expect(c.killed).toEqual({ min: 4, max: 4 });
    expect(c.injured).toEqual({ min: 1, max: 1 });
  });
  it('"killing a little girl and shooting the child\'s mother": one dead, one hurt', () => {
    const c = counts('A man is in jail, accused of killing a little girl and shooting the child\'s mother seven times.');
    expect(c.killed).toEqual({ min: 1, max: 1 });
    expect(c.injured).toEqual({ min: 1, max: 1 });
  });
  it('"three were found shot to death and a fourth person was injured"', () => {
    const c = counts('Three people were found shot to death and a fourth person was injured inside a car.');
    expect(c.killed).toEqual({ min: 3, max: 3 });
    expect(c.injured).toEqual({ min: 1, max: 1 });
  });
});

describe('a person\'s place in a count', () => {
  it('"a fifth person died" in a story of deaths: at least five dead, nobody hurt', () => {
    const c = counts('Four people were killed in the rampage on Friday. A fifth person died on Sunday of injuries from the attack.');
    expect(c.killed).toEqual({ min: 5, max: 5 });
    expect(c.injured).toBeNull();
  });
  it('"two were hurt and a third person died": one more person, dead', () => {
    const c = counts('Two men suffered minor injuries and a third person died, the sheriff said.');
    expect(c.killed).toEqual({ min: 1, max: 1 });
    expect(c.injured).toEqual({ min: 2, max: 2 });
  });
  it('"is the third child killed this month": a place in a tally, one dead', () => {
    const c = counts('The boy is the third child killed with an unsecured gun in the county.');
    expect(c.killed).toEqual({ min: 1, max: 1 });
    expect(c.injured).toBeNull();
  });
  it('"killed an officer, wounded a second officer and a suspect": two hurt', () => {
    const c = counts('The gunman killed an officer, wounded a second officer and a suspect.');
    expect(c.killed).toEqual({ min: 1, max: 1 });
    expect(c.injured?.min).toBe(2);
  });
});

describe('figures that yield to the report\'s own', () => {
  it('a witness\'s count in a quotation yields to the police figure', () => {
    const t = '“I saw three people fall,” a neighbor said. Police said one man was wounded in the shooting.';
    expect(counts(t).injured).toEqual({ min: 1, max: 1 });
  });
  it('a quotation is still read when it is all the report says', () => {
    expect(injured('“Two of my friends were shot,” the teenager said.')).toBe(2);
  });
  it('"police originally said eight people were wounded" yields to "five people were shot"', () => {
    const t = 'Five people were shot at the club early Sunday. Police originally told reporters that eight people were wounded.';
    expect(counts(t).injured).toEqual({ min: 5, max: 5 });
  });
  it('"were initially taken to a hospital" is no corrected figure', () => {
    expect(injured('Ten victims were initially taken to a hospital with gunshot wounds.')).toBe(10);
  });
});

describe('victims named and counted', () => {
  it('"two men, Marcus Hill, 34, and Devon Carter, 22, were killed" is two, not four', () => {
    expect(counts('Two men, Marcus Hill, 34, and Devon Carter, 22, were killed.').killed).toEqual({ min: 2, max: 2 });
  });
  it('"Killed were Marcus Hill, 34, and Devon Carter, 22": the names count the dead', () => {
    expect(counts('Killed were Marcus Hill, 34, and Devon Carter, 22.').killed).toEqual({ min: 2, max: 2 });
  });
  it('"The wounded were identified as ..." counts the names, not "the wounded" as one', () => {
    expect(counts('The wounded were identified as Rosa Diaz, 41, Tim Ochoa, 19, and Lee Park, 30.').injured).toEqual({ min: 3, max: 3 });
  });
});

describe('more figures that are no counts', () => {
  it('"at 8 p.m. officers found a man ..." is one person hit, not eight', () => {
    expect(counts('About 8 p.m. Officers found a man suffering from a gunshot wound near the courts.').injured).toEqual({ min: 1, max: 1 });
  });
  it('"16yo students" is an age', () => {
    expect(counts('Two 16yo students found shot to death in a car.').statements.some(st => st.count.min === 16)).toBe(false);
  });
  it('"3 found shot dead" is three killed', () => {
    expect(killed('3 found shot dead after home invasion')).toBe(3);
  });
  it('"since ... 1985, 900 of its members have been murdered" is a tally; "the deadliest since 2014" is not', () => {
    expect(counts('Since the party was founded in 1985, about 900 of its members have been murdered.').killed).toBeNull();
    expect(killed('Three people died, making it the deadliest shooting in the city since at least 2014.')).toBe(3);
  });
});

describe('families, possessors and agents', () => {
  it('"his family" is several people; "a family of four" is four', () => {
    expect(counts('Police said the man killed his family and himself.').killed).toEqual({ min: 3, max: null });
    expect(counts('A family of four was shot dead in their home.').killed).toEqual({ min: 4, max: 4 });
  });
  it('"the family dog" is no one', () => {
    expect(counts('The family dog was also found dead.').killed).toBeNull();
  });
  it('"two sheriff\'s deputies" are two deputies', () => {
    expect(injured('The gunman wounded two sheriff\'s deputies before he fled.')).toBe(2);
  });
  it('"two other gunshot victims" are two', () => {
    expect(injured('Two other gunshot victims arrived at the hospital by car.')).toBe(2);
  });
  it('"were slain by a home invader, who was fatally shot": two victims and the attacker', () => {
    expect(killed('A teenager and a woman were slain by a home invader, who was fatally shot by a resident.')).toBe(3);
  });
  it('"Four shot to death, then gunman kills himself": five dead', () => {
    expect(killed('Four shot to death in county home, then gunman kills himself')).toBe(5);
  });
  it('"7-year-old Englewood boy fatally shoots himself": one dead', () => {
    expect(killed('7-year-old Englewood boy fatally shoots himself: police')).toBe(1);
  });
});

describe('what may yet happen, and titles before names', () => {
  it('"these people will be executed" is no death; "may have been injured" is a hedged report', () => {
    expect(counts('The rebels said these people will be executed next week.').killed).toBeNull();
    expect(counts('At least four people may have been injured in the shooting.').injured).toEqual({ min: 4, max: null });
  });
  it('"Former Mayor Pablo Pelaez, 45, was shot to death": one', () => {
    expect(killed('Former Mayor Pablo Pelaez, 45, was shot to death on Monday.')).toBe(1);
  });
  it('a street named after a captain is no one: "near Captain Haynes and Dead River roads"', () => {
    expect(counts('The crash happened near Captain Haynes and Dead River roads.').killed).toBeNull();
  });
  it('"over its ten-year history" is a tally', () => {
    expect(counts('The group has caused the death of 20,000 people over its ten-year history.').killed).toBeNull();
  });
});

describe('an incident\'s counts from the lede and its cue words', () => {
  it('"a fatal shooting" with no count is one dead', () => {
    expect(incident('Police are investigating a fatal shooting on Elm Street.').killed).toEqual({ min: 1, max: 1 });
  });
  it('"a plot to murder him", "will be executed": no death', () => {
    expect(incident('The senator revealed a plot to murder him at the airport.').killed).toBeNull();
    expect(incident('The rebels warned that officials will be executed.').killed).toBeNull();
  });
  it('"a wounded man died": the cue word in a death says no one is hurt', () => {
    const c = incident('A wounded man died at the hospital on Tuesday.');
    expect(c.killed).toEqual({ min: 1, max: 1 });
    expect(c.injured).toBeNull();
  });
  it('the wounded told further down after a lede of deaths', () => {
    const c = incident('Two men were killed in a shooting on Friday. Police said the gunman fled. Officers searched the area. Three others were wounded.');
    expect(c.killed).toEqual({ min: 2, max: 2 });
    expect(c.injured).toEqual({ min: 3, max: 3 });
  });
});

describe('a participle after the people describes them', () => {
  it('"two policemen guarding a vaccination team were shot dead": two killed', () => {
    expect(killed('Two policemen guarding a vaccination team were shot dead by gunmen on a motorcycle.')).toBe(2);
  });
});

describe('one person told hurt, then dead', () => {
  it('"toddler injured in accidental shooting has died ... a toddler who was critically injured": one dead, nobody hurt', () => {
    const t = 'A toddler shot in the face on Monday has died. Deputies said a toddler was critically injured when a gun went off in the home.';
    const c = counts(t);
    expect(c.killed).toEqual({ min: 1, max: 1 });
    expect(c.injured).toBeNull();
  });
  it('plain nouns may be two people: "a man was killed ... a man was wounded"', () => {
    const c = counts('A man was killed on Elm Street. Police said a man was wounded in the arm.');
    expect(c.injured).toEqual({ min: 1, max: 1 });
  });
  it('"fatal injuries" are a death', () => {
    expect(killed('Witnesses saw the two men inflicting fatal injuries on themselves.')).toBe(2);
  });
  it('"219 people shot, compared to 192 in 2012" is a tally', () => {
    expect(counts('The city tallied 219 people shot, compared to 192 in 2012.').injured).toBeNull();
  });
});
