/**
 * Perpetrators described rather than named: the phrases news reports use for who did it
 * ("urban terrorists", "heavily armed men", "members of the Shining Path", "suspected FMLN
 * rebels") and the constructions that make such a phrase the perpetrator ("X killed ...",
 * "... was kidnapped by X", "X claimed responsibility", "blamed on X", "attributed to X").
 * Lower-case words.
 */

/**
 * Nouns that head a perpetrator phrase. `true`: the noun says so on its own ("guerrillas",
 * "gunmen"); `false`: only with a modifier or an "of" complement ("armed men", "two
 * individuals", "members of the FMLN", "a group of armed men"), since "men were killed" or "a
 * group of peasants" says nothing about who attacked.
 */
export const PERPETRATOR_HEADS: ReadonlyMap<string, boolean> = new Map([
  ...[
    'guerrillas', 'guerrilla', 'guerillas', 'guerilla', 'rebels', 'rebel', 'insurgents', 'insurgent',
    'terrorists', 'terrorist', 'subversives', 'militants', 'militant', 'fighters', 'militiamen',
    'paramilitaries', 'paramilitary', 'commandos', 'commando', 'sappers', 'gunmen', 'gunman', 'shooter',
    'shooters', 'attackers', 'attacker', 'assailants', 'assailant', 'kidnappers', 'kidnapper', 'abductors',
    'murderers', 'murderer', 'killers', 'killer', 'assassins', 'assassin', 'hitmen', 'hitman', 'sicarios',
    'bombers', 'bomber', 'robbers', 'robber', 'bandits', 'gangsters', 'traffickers', 'narcoterrorists',
    'soldiers', 'troops', 'squad', 'squads', 'cartel', 'mafia', 'gang',
  ].map((x): [string, boolean] => [x, true]),
  ...[
    'men', 'man', 'individuals', 'individual', 'persons', 'person', 'people', 'youths', 'members', 'member',
    'group', 'groups', 'unit', 'units', 'column', 'cell', 'forces', 'army', 'officers', 'agents',
    'personnel', 'elements', 'criminals', 'suspects', 'suspect',
  ].map((x): [string, boolean] => [x, false]),
]);

/**
 * Heads that are also used as adjectives ("a terrorist attack", "guerrilla positions", "army
 * troops"): a head only when no noun follows.
 */
export const ADJECTIVAL_HEADS = new Set(['terrorist', 'guerrilla', 'guerilla', 'rebel', 'commando', 'paramilitary',
  'insurgent', 'militant', 'army', 'gang', 'mafia', 'cartel', 'squad']);

/**
 * Words that may stand before the head in such a phrase: "heavily armed", "unidentified",
 * "urban", "leftist", "suspected" (numbers, adjectives, the head nouns themselves as in "commando
 * unit", and the names of armed groups count too).
 */
export const PERPETRATOR_MODIFIERS = new Set([
  'armed', 'heavily', 'heavily-armed', 'well-armed', 'unidentified', 'unknown', 'masked', 'hooded', 'uniformed',
  'urban', 'rural', 'alleged', 'suspected', 'presumed', 'purported', 'leftist', 'rightist', 'left-wing',
  'right-wing', 'extremist', 'maoist', 'marxist', 'communist', 'anticommunist', 'drug', 'death', 'paramilitary',
  'military', 'government', 'security', 'rebel', 'guerrilla', 'terrorist', 'army', 'young', 'several',
  'some', 'other', 'hired', 'organized', 'criminal', 'islamist', 'jihadist', 'militia', 'narco',
]);

/** Heads whose "of" complement names the group ("members of the FMLN", "a group of armed men"). */
export const OF_COMPLEMENT_HEADS = new Set(['members', 'member', 'group', 'groups', 'unit', 'units', 'column',
  'cell', 'terrorists', 'guerrillas', 'commandos', 'commando', 'squad', 'rebels', 'militants', 'fighters', 'elements']);

/** Words of time that end a phrase read backwards ("early Sunday morning terrorists ..."). */
export const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'morning', 'afternoon', 'evening',
  'night', 'tonight', 'today', 'yesterday', 'early', 'late', 'dawn', 'midnight', 'noon', 'week', 'weekend',
]);

/**
 * Verbs (base forms) whose subject is the perpetrator when active ("guerrillas killed",
 * "armed men have kidnapped") and whose "by" phrase is when passive ("was kidnapped by").
 */
export const PERPETRATOR_VERBS = [
  'kill', 'murder', 'assassinate', 'execute', 'behead', 'massacre', 'slay', 'shoot', 'gun', 'machine-gun', 'machinegun', 'stab',
  'wound', 'injure', 'kidnap', 'abduct', 'attack', 'ambush', 'bomb', 'dynamite',
  'detonate', 'blow', 'burn', 'torch', 'set', 'plant', 'hurl', 'throw', 'fire', 'open', 'torture', 'rob',
  'loot', 'destroy', 'damage', 'sabotage', 'hijack', 'carry', 'perpetrate', 'commit', 'intercept',
];

/** Irregular forms of those verbs. */
export const IRREGULAR_VERB_FORMS: Record<string, string> = {
  shot: 'shoot', slain: 'slay', slew: 'slay', blew: 'blow', blown: 'blow', threw: 'throw', thrown: 'throw',
  burnt: 'burn', set: 'set', hurled: 'hurl', gunned: 'gun', kidnaped: 'kidnap', kidnaping: 'kidnap',
  'machine-gunned': 'machine-gun',
};

/**
 * Words right after a verb that show it is not an active verb with an object ("two soldiers
 * killed in an ambush", "a man shot by police"): the phrase before it is the victim.
 */
export const NOT_AN_OBJECT = new Set(['in', 'on', 'at', 'near', 'during', 'when', 'while', 'after', 'by', 'outside',
  'inside', 'as', 'last', 'yesterday', 'today', 'early', 'late', 'overnight', 'and', 'or', 'to']);

/** Phrases after the perpetrator phrase: "X claimed responsibility", "X were blamed". */
export const CLAIMS_AFTER: string[][] = [
  ['claimed', 'responsibility'], ['claimed', 'credit'], ['have', 'claimed', 'responsibility'],
  ['has', 'claimed', 'responsibility'], ['took', 'responsibility'], ['admitted', 'responsibility'],
  ['accepted', 'responsibility'], ['were', 'blamed'], ['was', 'blamed'], ['are', 'blamed'], ['were', 'suspected'],
  ['are', 'suspected'], ['were', 'responsible'], ['was', 'responsible'], ['are', 'responsible'], ['is', 'responsible'],
  ['are', 'believed', 'responsible'], ['were', 'believed', 'responsible'], ['are', 'believed', 'to', 'be', 'responsible'],
  ['held', 'responsible'], ['are', 'being', 'held', 'responsible'], ['were', 'held', 'responsible'],
  ['was', 'held', 'responsible'], ['are', 'held', 'responsible'],
  // a threat is an incident of its own (MUC's stage THREATENED): who threatens is its perpetrator
  ['threatened', 'to'], ['have', 'threatened', 'to'], ['has', 'threatened', 'to'],
];

/** Phrases before the perpetrator phrase: "blamed on X", "attributed to X", "claimed by X". */
export const CLAIMS_BEFORE: string[][] = [
  ['attributed', 'to'], ['blamed', 'on'], ['claimed', 'by'], ['carried', 'out', 'by'],
  ['perpetrated', 'by'], ['committed', 'by'], ['the', 'work', 'of'], ['responsibility', 'of'],
];

/**
 * Accusations: "blamed X for the attack", "accused X of the murder" / "of killing". The phrase
 * counts only when the act after the preposition is violence (not "accused her of molesting").
 */
export const ACCUSATIONS: Array<{ words: string[]; then: string }> = [
  { words: ['blamed'], then: 'for' }, { words: ['blames'], then: 'for' }, { words: ['accused'], then: 'of' },
  { words: ['accuses'], then: 'of' }, { words: ['held'], then: 'responsible' },
];

/** Nouns for a violent act ("accused X of the massacre"), besides the forms of PERPETRATOR_VERBS. */
export const ACT_NOUNS = new Set([
  'attack', 'attacks', 'murder', 'murders', 'killing', 'killings', 'kidnapping', 'kidnappings', 'massacre',
  'bombing', 'bombings', 'assassination', 'ambush', 'crime', 'crimes', 'death', 'deaths', 'explosion', 'shooting',
  'violence', 'action', 'actions', 'abduction', 'execution', 'arson', 'sabotage',
]);

/**
 * Verbs of saying after a group's name: the group is the speaker there ("the FMLN said that
 * soldiers killed ...", "the army denied"), not the perpetrator.
 */
export const SPEAKER_VERBS = new Set([
  'said', 'says', 'say', 'reported', 'reports', 'report', 'denied', 'denies', 'deny', 'announced', 'announces',
  'stated', 'states', 'charged', 'charges', 'accused', 'accuses', 'condemned', 'condemns', 'denounced',
  'denounces', 'told', 'added', 'urged', 'warned', 'warns', 'asserted', 'claimed', 'claims', 'alleged',
  'alleges', 'blamed', 'blames', 'confirmed', 'confirms', 'explained', 'noted', 'indicated', 'insisted',
  'spokesman', 'spokesmen', 'communique', 'statement', 'radio', 'sources',
]);
