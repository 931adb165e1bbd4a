/**
 * Incident triggers: words (matched on lower-case token or lemma) that say a violent incident
 * happened, and the incident type they signal. Multi-word triggers are matched on consecutive
 * tokens. `weight` ranks how specific a trigger is when one incident has several
 * (an "execution" carried out by "shooting" stays an execution).
 */
import type { IncidentType } from '../../model/index.js';

export interface Trigger { words: string[]; type: IncidentType; weight: number; /** lemma match allowed */ lemma?: boolean }

export const TRIGGERS: Trigger[] = [
  // executions
  { words: ['execute'], type: 'execution', weight: 5, lemma: true },
  { words: ['execution'], type: 'execution', weight: 5 },
  { words: ['executions'], type: 'execution', weight: 5 },
  { words: ['behead'], type: 'execution', weight: 5, lemma: true },
  { words: ['beheading'], type: 'execution', weight: 5 },
  { words: ['firing', 'squad'], type: 'execution', weight: 5 },
  // airstrikes
  { words: ['airstrike'], type: 'airstrike', weight: 5 },
  { words: ['airstrikes'], type: 'airstrike', weight: 5 },
  { words: ['air', 'strike'], type: 'airstrike', weight: 5 },
  { words: ['air', 'strikes'], type: 'airstrike', weight: 5 },
  { words: ['air', 'raid'], type: 'airstrike', weight: 5 },
  { words: ['air', 'raids'], type: 'airstrike', weight: 5 },
  { words: ['drone', 'strike'], type: 'airstrike', weight: 5 },
  { words: ['bombed', 'by', 'warplanes'], type: 'airstrike', weight: 5 },
  { words: ['warplanes'], type: 'airstrike', weight: 3 },
  { words: ['barrel', 'bomb'], type: 'airstrike', weight: 5 },
  { words: ['barrel', 'bombs'], type: 'airstrike', weight: 5 },
  // shelling
  { words: ['shelling'], type: 'shelling', weight: 4 },
  { words: ['shelled'], type: 'shelling', weight: 4 },
  { words: ['mortar'], type: 'shelling', weight: 3 },
  { words: ['mortars'], type: 'shelling', weight: 3 },
  { words: ['artillery'], type: 'shelling', weight: 3 },
  { words: ['rocket', 'attack'], type: 'shelling', weight: 4 },
  { words: ['missile', 'attack'], type: 'shelling', weight: 4 },
  // bombings
  { words: ['bombing'], type: 'bombing', weight: 4 },
  { words: ['bombings'], type: 'bombing', weight: 4 },
  { words: ['bomb'], type: 'bombing', weight: 3 },
  { words: ['bombs'], type: 'bombing', weight: 3 },
  { words: ['explosion'], type: 'bombing', weight: 3 },
  { words: ['blast'], type: 'bombing', weight: 3 },
  { words: ['explosive'], type: 'bombing', weight: 3 },
  { words: ['explosives'], type: 'bombing', weight: 3 },
  { words: ['dynamite'], type: 'bombing', weight: 3 },
  { words: ['grenade'], type: 'bombing', weight: 3 },
  { words: ['ied'], type: 'bombing', weight: 4 },
  { words: ['suicide', 'bomber'], type: 'bombing', weight: 5 },
  { words: ['car', 'bomb'], type: 'bombing', weight: 5 },
  { words: ['detonated'], type: 'bombing', weight: 3 },
  { words: ['exploded'], type: 'bombing', weight: 3 },
  // shootings
  { words: ['shooting'], type: 'shooting', weight: 3 },
  { words: ['shootings'], type: 'shooting', weight: 3 },
  { words: ['shot'], type: 'shooting', weight: 3 },
  { words: ['shoot'], type: 'shooting', weight: 3 },
  { words: ['shoots'], type: 'shooting', weight: 3 },
  { words: ['gunfire'], type: 'shooting', weight: 3 },
  { words: ['gunshot'], type: 'shooting', weight: 3 },
  { words: ['gunshots'], type: 'shooting', weight: 3 },
  { words: ['gunman'], type: 'shooting', weight: 3 },
  { words: ['gunmen'], type: 'shooting', weight: 3 },
  { words: ['opened', 'fire'], type: 'shooting', weight: 3 },
  { words: ['open', 'fire'], type: 'shooting', weight: 3 },
  { words: ['fired', 'shots'], type: 'shooting', weight: 3 },
  { words: ['machine-gunned'], type: 'shooting', weight: 3 },
  // "Shots fired at Tulsa home", "Child struck by stray bullet"
  { words: ['shots', 'fired'], type: 'shooting', weight: 3 },
  { words: ['bullet'], type: 'shooting', weight: 0 },
  { words: ['bullets'], type: 'shooting', weight: 0 },
  { words: ['sniper'], type: 'shooting', weight: 3 },
  // killings (generic)
  { words: ['kill'], type: 'killing', weight: 2, lemma: true },
  { words: ['killing'], type: 'killing', weight: 2 },
  { words: ['murder'], type: 'killing', weight: 2, lemma: true },
  { words: ['murdered'], type: 'killing', weight: 2 },
  { words: ['homicide'], type: 'killing', weight: 2 },
  { words: ['slay'], type: 'killing', weight: 2, lemma: true },
  { words: ['slaying'], type: 'killing', weight: 2 },
  { words: ['slain'], type: 'killing', weight: 2 },
  { words: ['massacre'], type: 'killing', weight: 3 },
  { words: ['massacred'], type: 'killing', weight: 3 },
  { words: ['assassinate'], type: 'killing', weight: 3, lemma: true },
  { words: ['assassination'], type: 'killing', weight: 3 },
  { words: ['stabbed', 'to', 'death'], type: 'killing', weight: 3 },
  { words: ['strangled'], type: 'killing', weight: 2 },
  // armed clashes
  { words: ['clash'], type: 'armed_clash', weight: 3, lemma: true },
  { words: ['clashes'], type: 'armed_clash', weight: 3 },
  { words: ['firefight'], type: 'armed_clash', weight: 3 },
  { words: ['gunbattle'], type: 'armed_clash', weight: 3 },
  { words: ['gun', 'battle'], type: 'armed_clash', weight: 3 },
  { words: ['fighting'], type: 'armed_clash', weight: 2 },
  { words: ['offensive'], type: 'armed_clash', weight: 2 },
  { words: ['liberate'], type: 'armed_clash', weight: 2, lemma: true },
  { words: ['recaptured'], type: 'armed_clash', weight: 2 },
  { words: ['ambush'], type: 'armed_clash', weight: 3, lemma: true },
  // abductions
  { words: ['kidnap'], type: 'abduction', weight: 4, lemma: true },
  { words: ['kidnapping'], type: 'abduction', weight: 4 },
  { words: ['kidnapped'], type: 'abduction', weight: 4 },
  { words: ['abduct'], type: 'abduction', weight: 4, lemma: true },
  { words: ['abduction'], type: 'abduction', weight: 4 },
  { words: ['abducted'], type: 'abduction', weight: 4 },
  { words: ['taken', 'hostage'], type: 'abduction', weight: 4 },
  { words: ['hostages'], type: 'abduction', weight: 3 },
  // arrests (usually part of another incident's story; see ARREST_ATTACHES)
  { words: ['arrest'], type: 'arrest', weight: 1, lemma: true },
  { words: ['arrested'], type: 'arrest', weight: 1 },
  { words: ['detained'], type: 'arrest', weight: 1 },
  { words: ['taken', 'into', 'custody'], type: 'arrest', weight: 1 },
  // assaults
  { words: ['stabbed'], type: 'assault', weight: 2 },
  { words: ['stabbing'], type: 'assault', weight: 2 },
  { words: ['beaten'], type: 'assault', weight: 2 },
  { words: ['assaulted'], type: 'assault', weight: 2 },
  { words: ['attacked'], type: 'assault', weight: 1 },
  { words: ['attack'], type: 'assault', weight: 1 },
  { words: ['tortured'], type: 'assault', weight: 2 },
  { words: ['raped'], type: 'assault', weight: 2 },
  { words: ['lynched'], type: 'killing', weight: 3 },
  // arson
  { words: ['arson'], type: 'arson', weight: 4 },
  { words: ['set', 'fire'], type: 'arson', weight: 3 },
  { words: ['set', 'on', 'fire'], type: 'arson', weight: 3 },
  { words: ['torched'], type: 'arson', weight: 3 },
  { words: ['firebombed'], type: 'arson', weight: 3 },
  { words: ['burned', 'down'], type: 'arson', weight: 3 },
];

/**
 * Generic incident nouns that, after a definite or demonstrative determiner ("claimed
 * responsibility for the attack", "this assault"), refer back to the incident being told: they do
 * not start a different incident even when the story so far is of another kind (a bombing).
 */
export const ANAPHORIC_TRIGGER_WORDS = new Set(['attack', 'assault', 'incident', 'violence']);
export const ANAPHORIC_DETERMINERS = new Set(['the', 'this', 'that', 'its', 'their']);

/** Types that are one kind of violence for grouping sentences into one incident. */
export const TYPE_FAMILY: Record<IncidentType, string> = {
  killing: 'direct', execution: 'direct', shooting: 'direct', assault: 'direct', arrest: 'any',
  bombing: 'explosive', airstrike: 'air', shelling: 'explosive', armed_clash: 'battle',
  abduction: 'abduction', arson: 'arson', other_violence: 'any',
};

/**
 * Words that mark the start of a different incident in the narrative
 * ("In related news", "Separately", "In another incident", "a few weeks ago").
 */
export const NEW_INCIDENT_MARKERS: string[][] = [
  ['in', 'related', 'news'], ['in', 'other', 'news'], ['separately'], ['in', 'another', 'incident'],
  ['in', 'a', 'separate', 'incident'], ['in', 'a', 'separate'], ['elsewhere'], ['in', 'an', 'unrelated'],
  ['also', 'recently'], ['had', 'also', 'recently'], ['was', 'followed', 'by'], ['were', 'followed', 'by'],
];

/**
 * Markers of an earlier, different incident told in passing ("Days after militants shot a
 * pharmacist, ...", "A few weeks ago, ..."): the incident is kept, and the narrative then
 * returns to the story it interrupted.
 */
export const PAST_INCIDENT_MARKERS: string[][] = [
  ['days', 'after'], ['weeks', 'after'], ['months', 'after'], ['a', 'day', 'after'], ['a', 'week', 'after'],
  ['a', 'month', 'after'], ['a', 'few', 'weeks', 'ago'], ['a', 'few', 'days', 'ago'], ['a', 'few', 'months', 'ago'],
  ['weeks', 'ago'], ['months', 'ago'], ['last', 'month'], ['last', 'year'], ['earlier', 'this', 'year'],
  ['earlier', 'this', 'month'], ['previously'], ['in', 'a', 'previous'], ['years', 'ago'],
];

/** Method words: how violence was done (free text `method`). */
export const METHODS: { words: string[]; method: string }[] = [
  { words: ['behead'], method: 'beheading' }, { words: ['beheaded'], method: 'beheading' },
  { words: ['beheading'], method: 'beheading' }, { words: ['hanged'], method: 'hanging' },
  { words: ['stoned'], method: 'stoning' }, { words: ['stabbed'], method: 'stabbing' },
  { words: ['stabbing'], method: 'stabbing' }, { words: ['strangled'], method: 'strangling' },
  { words: ['burned', 'alive'], method: 'burning' }, { words: ['firing', 'squad'], method: 'firing squad' },
  { words: ['car', 'bomb'], method: 'car bomb' }, { words: ['suicide', 'bomber'], method: 'suicide bombing' },
  { words: ['drone'], method: 'drone strike' }, { words: ['shot'], method: 'shooting' },
  { words: ['shooting'], method: 'shooting' }, { words: ['gunfire'], method: 'shooting' },
];

/** Weapons (matched as token sequences, lower case). */
export const WEAPONS: string[][] = [
  ['assault', 'rifle'], ['ak-47'], ['ar-15'], ['rifle'], ['shotgun'], ['handgun'], ['pistol'], ['revolver'],
  ['semi-automatic'], ['semiautomatic', 'rifle'], ['machine', 'gun'], ['gun'], ['knife'], ['machete'],
  ['hammer'], ['bat'], ['grenade'], ['car', 'bomb'], ['ied'], ['improvised', 'explosive', 'device'],
  ['explosive', 'vest'], ['mortar'], ['rocket'], ['missile'], ['barrel', 'bomb'], ['dynamite'],
];
