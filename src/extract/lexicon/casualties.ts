/**
 * Words for counting people hurt or killed in an incident.
 */

/** Nouns that denote people (singular and plural forms; lower case). */
export const PERSON_NOUNS = new Set([
  'man', 'men', 'woman', 'women', 'person', 'persons', 'people', 'teen', 'teens', 'teenager', 'teenagers',
  'boy', 'boys', 'girl', 'girls', 'child', 'children', 'kid', 'kids', 'victim', 'victims', 'officer', 'officers',
  'deputy', 'deputies', 'trooper', 'troopers', 'student', 'students', 'resident', 'residents', 'civilian', 'civilians',
  'soldier', 'soldiers', 'adult', 'adults', 'male', 'males', 'female', 'females', 'infant', 'infants', 'baby', 'babies',
  'toddler', 'toddlers', 'mother', 'father', 'son', 'sons', 'daughter', 'daughters', 'brother', 'brothers', 'sister',
  'sisters', 'wife', 'husband', 'friend', 'friends', 'suspect', 'suspects', 'gunman', 'gunmen', 'driver', 'drivers',
  'passenger', 'passengers', 'bystander', 'bystanders', 'individual', 'individuals', 'worker', 'workers', 'customer',
  'customers', 'employee', 'employees', 'patron', 'patrons', 'member', 'members', 'fighter', 'fighters', 'militant',
  'militants', 'guerrilla', 'guerrillas', 'terrorist', 'terrorists', 'policeman', 'policemen', 'guard', 'guards',
  'peasant', 'peasants', 'citizen', 'citizens', 'others', 'other', 'juvenile', 'juveniles', 'youth', 'youths',
  'relative', 'relatives', 'neighbor', 'neighbors', 'neighbour', 'neighbours', 'cousin', 'cousins', 'uncle', 'aunt',
  'grandmother', 'grandfather', 'girlfriend', 'boyfriend', 'journalist', 'journalists', 'activist', 'activists',
  'protester', 'protesters', 'worshippers', 'pedestrian', 'pedestrians', 'clerk', 'owner', 'homeowner', 'roommate',
  'shooter', 'attacker', 'assailant', 'robber', 'intruder', 'teenage', 'agent', 'agents', 'subversive', 'subversives',
  'extremist', 'extremists', 'rebel', 'rebels', 'policemen', 'troops', 'hostage', 'hostages', 'inmate', 'inmates',
  'teacher', 'teachers', 'schoolteacher', 'pharmacist', 'doctor', 'doctors', 'nurse', 'nurses', 'farmer', 'farmers',
  'shepherd', 'shepherds', 'reporter', 'reporters', 'photographer', 'priest', 'priests', 'imam', 'judge', 'judges',
  'lawyer', 'lawyers', 'mayor', 'official', 'officials', 'politician', 'leader', 'leaders', 'commander', 'commanders',
  'shopkeeper', 'merchant', 'trader', 'businessman', 'engineer', 'pilot', 'senior', 'seniors', 'student',
  'minor', 'minors', 'witness', 'witnesses', 'patient', 'patients', 'occupant', 'occupants', 'bartender', 'bouncer',
  'partygoer', 'partygoers', 'hunter', 'hunters', 'motorist', 'motorists', 'cashier', 'grandson', 'granddaughter',
  'nephew', 'niece', 'stepfather', 'stepmother', 'stepson', 'stepdaughter', 'stepbrother', 'step-brother', 'stepsister',
  'step-sister', 'fiance', 'fiancee', 'couple', 'family', 'pair', 'dead', 'wounded', 'injured', 'hurt', 'fatalities', 'casualties', 'lives', 'bodies', 'body',
]);

/** Nouns that stand for the attacker: a death among them is a suspect death. */
export const PERPETRATOR_NOUNS = new Set(['suspect', 'suspects', 'gunman', 'gunmen', 'shooter', 'attacker', 'assailant', 'robber', 'intruder']);

/** Words after a people phrase that say they died (matched within the same clause). */
export const DEATH_WORDS = new Set([
  'killed', 'dead', 'died', 'dies', 'die', 'slain', 'murdered', 'executed', 'fatally', 'deceased', 'succumbed',
  'perished', 'beheaded', 'massacred', 'assassinated', 'lifeless', 'drowned',
]);
/** Multi-word death phrases. */
export const DEATH_PHRASES: string[][] = [
  ['lost', 'their', 'lives'], ['lost', 'his', 'life'], ['lost', 'her', 'life'], ['pronounced', 'dead'],
  ['passed', 'away'], ['shot', 'dead'], ['shot', 'to', 'death'], ['stabbed', 'to', 'death'], ['beaten', 'to', 'death'],
];

/** Words that say they were hurt (not killed). */
export const INJURY_WORDS = new Set([
  'wounded', 'injured', 'hurt', 'hospitalized', 'hospitalised', 'grazed', 'injuries', 'wounds', 'injuring', 'wounding',
]);

/** Words that say they were hit (hurt or killed): "shot", "struck". */
export const HIT_WORDS = new Set(['shot', 'struck', 'hit', 'stabbed']);

/** Verbs whose object is a count of dead / hurt: "killing two", "wounding three others". */
export const KILL_VERBS = new Set(['killing', 'killed', 'kills', 'kill', 'claimed', 'left', 'executed', 'executing', 'murdered',
  'murdering', 'slaying', 'beheaded', 'beheading', 'assassinated', 'massacred', 'lynched', 'strangled', 'leaves', 'leaving']);

/** Nouns of a death followed by "of" and the people: "the execution of a teacher". */
export const DEATH_NOUNS = new Set(['execution', 'executions', 'killing', 'killings', 'murder', 'murders', 'death', 'deaths',
  'beheading', 'assassination', 'slaying', 'slayings', 'massacre']);

/** Words between a violent verb and its object that make it deadly: "shot dead a man", "shot and killed two". */
export const VERB_RESULT_WORDS = new Set(['dead', 'and', 'killed', 'fatally', 'to', 'death', 'mortally']);
export const INJURE_VERBS = new Set(['wounding', 'injuring', 'wounded', 'injured', 'hurting', 'wounds', 'injures', 'hospitalized', 'hospitalizing']);

/** Words that end a clause for status matching. */
export const CLAUSE_BREAKS = new Set([';', ':', '—', '–', '(', ')', 'but', 'while', 'whereas', 'after', 'before', 'when', 'because', 'as', 'who', 'which', 'said', 'says', 'and']);

/** Phrases meaning nobody was hurt / killed. */
export const NOBODY: string[][] = [['no', 'one'], ['nobody'], ['no', 'other'], ['none'], ['no']];

/**
 * Participles that only describe the people before them in the passive ("was shot") or as a
 * reduced relative / headline ("a man shot Tuesday", "Teen shot dead"); in "a fighter has
 * beheaded a teacher" they are the fighter's act, not his fate.
 */
export const PARTICIPLES = new Set([
  'killed', 'slain', 'murdered', 'executed', 'beheaded', 'massacred', 'assassinated', 'shot', 'struck', 'hit', 'stabbed',
  'wounded', 'injured', 'hurt',
]);
/** Auxiliaries that make a following participle passive. */
export const PASSIVE_AUX = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', 'got', 'get', 'gets', 'getting']);

/**
 * Words that say someone died without saying who or how many ("a fatal shooting", "the
 * homicide", "murder charges"): when the story's lede has one and no count, one death is
 * the reading (a lower bound, marked as such by the count's evidence).
 */
export const DEATH_CUES = new Set(['fatal', 'fatally', 'deadly', 'murder', 'murdered', 'homicide', 'killed', 'dead', 'died',
  'dies', 'slain', 'slaying', 'death', 'manslaughter', 'killing', 'mortally']);

/**
 * Words that say someone was hurt without saying who or how many ("taken to a hospital",
 * "non-life-threatening injuries"): with no count in the story, one person hurt is the reading.
 */
export const INJURY_CUES = new Set(['hospital', 'hospitalized', 'hospitalised', 'injuries', 'injury', 'wounded', 'injured',
  'wounds', 'grazed', 'condition']);
