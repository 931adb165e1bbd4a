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
  // people by where they were or what they do
  'classmate', 'classmates', 'bandmate', 'bandmates', 'teammate', 'teammates', 'roommates', 'coworker', 'coworkers',
  'co-worker', 'co-workers', 'colleague', 'colleagues', 'acquaintance', 'acquaintances', 'stranger', 'strangers',
  'grandchild', 'grandchildren', 'grandparent', 'grandparents', 'parent', 'parents', 'spouse', 'ex-wife', 'ex-husband',
  'ex-girlfriend', 'ex-boyfriend', 'newborn', 'tenant', 'tenants', 'landlord', 'lawman', 'lawmen', 'sheriff', 'marshal',
  'marshals', 'ranger', 'rangers', 'firefighter', 'firefighters', 'paramedic', 'paramedics', 'policewoman', 'sergeant',
  'lieutenant', 'captain', 'colonel', 'prisoner', 'prisoners', 'detainee', 'detainees', 'refugee', 'refugees', 'pilgrim',
  'pilgrims', 'miner', 'miners', 'laborer', 'laborers', 'labourer', 'labourers', 'tourist', 'tourists', 'traveler',
  'travelers', 'shopper', 'shoppers', 'diner', 'diners', 'worshipper', 'worshiper', 'worshipers', 'congregant',
  'congregants', 'parishioner', 'parishioners', 'villager', 'villagers', 'passerby', 'passersby', 'onlooker', 'onlookers',
  'spectator', 'spectators', 'clubgoer', 'clubgoers', 'concertgoer', 'concertgoers', 'bodyguard', 'bodyguards', 'escort',
  'escorts', 'diplomat', 'diplomats', 'councilman', 'councilor', 'candidate', 'candidates', 'nun', 'nuns', 'campesino',
  'campesinos', 'unionist', 'unionists', 'killer', 'killers', 'murderer', 'attackers', 'assailants', 'shooters', 'robbers',
  'intruders', 'gunmen', 'soldier', 'servicemen', 'militiamen', 'tribesmen', 'firemen', 'invader', 'invaders', 'burglar',
  'burglars', 'carjacker', 'carjackers',
]);

/** Plurals of people that do not end in -s. */
export const IRREGULAR_PLURALS = new Set(['men', 'women', 'children', 'people', 'policemen', 'gunmen', 'firemen',
  'servicemen', 'militiamen', 'tribesmen', 'gentlemen', 'grandchildren']);

/** Nouns of one person that end in -s. */
export const SINGULAR_S_NOUNS = new Set(['boss', 'witness', 'actress', 'waitress', 'hostess', 'mistress', 'heiress', 'princess']);

/** Words after "of" that make the phrase part of a group: "two of the men", "one of them", "one of his sons". */
export const PARTITIVE_DETERMINERS = new Set(['the', 'them', 'those', 'these', 'their', 'his', 'her', 'our', 'my', 'your', 'its', 'whom', 'us']);

/** Nouns that stand for the attacker: a death among them is a suspect death. */
export const PERPETRATOR_NOUNS = new Set(['suspect', 'suspects', 'gunman', 'gunmen', 'shooter', 'shooters', 'attacker', 'attackers',
  'assailant', 'assailants', 'robber', 'robbers', 'intruder', 'intruders', 'killer', 'killers', 'murderer', 'invader', 'invaders',
  'burglar', 'burglars', 'carjacker', 'carjackers']);

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
export const KILL_VERBS = new Set(['killing', 'killed', 'kills', 'kill', 'claimed', 'claims', 'claiming', 'left', 'slays', 'slay',
  'executed', 'executing', 'murdered', 'murdering', 'slaying', 'beheaded', 'beheading', 'assassinated', 'massacred', 'lynched', 'strangled', 'leaves', 'leaving']);

/** Verbs whose object is lives lost: "claimed two lives", "claims one man's life", "claimed the lives of three". */
export const CLAIM_VERBS = new Set(['claimed', 'claims', 'claiming']);

/** Verbs of "turned the gun on himself": with "on himself" / "on herself", the attacker's own death. */
export const TURN_VERBS = new Set(['turned', 'turning', 'turns', 'turn']);

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
/**
 * Verbs with an object whose subject is still the one hurt ("suffered a gunshot wound",
 * "underwent surgery"); after other verbs with an object ("rushed the girl to a hospital") the
 * people are the ones acting.
 */
export const PATIENT_VERBS = new Set(['suffered', 'suffers', 'suffering', 'sustained', 'sustains', 'received', 'receives', 'underwent',
  'undergoes', 'took', 'takes', 'lost', 'loses', 'survived', 'survives', 'remained', 'remains', 'remain', 'needed', 'needs', 'required']);

/**
 * Verbs of intent, threat or attempt before "to": what follows may not have happened ("tried to
 * kill two officers", "threatened to kill election officials").
 */
export const INTENT_VERBS = new Set(['tried', 'try', 'tries', 'trying', 'attempted', 'attempt', 'attempting', 'attempts',
  'threatened', 'threaten', 'threatening', 'threatens', 'planned', 'plan', 'planning', 'plans', 'plotted', 'plotting',
  'wanted', 'want', 'wants', 'intended', 'intend', 'intends', 'vowed', 'vow', 'vows', 'conspired', 'conspiring',
  'sought', 'seeking', 'seek', 'seeks', 'ordered', 'asked', 'hired', 'offered', 'agreed', 'promised', 'meant', 'going']);

/**
 * Phrases of a tally over many incidents: a sentence with one counts other incidents' dead and
 * hurt, not the incident told ("a rivalry that has claimed two lives over the past two years",
 * "incidents in Dallas and Baton Rouge that collectively claimed the lives of eight officers").
 * Also "<period> alone" ("in October alone") and "since <year or month>", in casualties.ts.
 */
export const TALLY_PHRASES: string[][] = [
  // over a stretch of time: "over the past two years", "in the last 12 hours", "over its ten-year history"
  ['over', 'the', 'past'], ['over', 'the', 'last'], ['in', 'the', 'last'], ['over', 'its'], ['over', 'their'],
  ['in', 'the', 'past', 'few'], ['in', 'recent', 'years'], ['in', 'recent', 'months'],
  ['collectively'], ['so', 'far', 'this', 'year'], ['since', 'the', 'start', 'of'], ['since', 'the', 'beginning', 'of'],
  ['year', 'to', 'date'], ['those', 'shootings'], ['these', 'shootings'], ['such', 'shootings'], ['those', 'attacks'], ['these', 'attacks'],
  ['such', 'attacks'], ['those', 'killings'], ['these', 'killings'], ['those', 'incidents'], ['these', 'incidents'],
  // rates and spans: "kill thousands of people every year", "300 people a year in the city"
  ['every', 'year'], ['each', 'year'], ['per', 'year'], ['a', 'year', 'in'], ['annually'], ['through', 'the', 'end', 'of'],
  // places larger than one incident's, and figures from records
  ['across', 'the', 'city'], ['across', 'the', 'country'], ['across', 'the', 'nation'], ['across', 'the', 'state'],
  ['in', 'the', 'united', 'states'], ['nationwide'], ['citywide'], ['statistics'], ['stats'], ['database'],
  // a figure set against another period's: "219 people shot, compared to 192 in 2012"
  ['compared', 'to'], ['compared', 'with'],
];

/** Periods that, with a verb in the perfect, make a tally ("126 people had been murdered in the city this year"). */
export const TALLY_PERIODS: string[][] = [['this', 'year'], ['last', 'year'], ['this', 'month'], ['so', 'far'], ['to', 'date'], ['as', 'of']];

/**
 * Phrases of a figure since corrected ("Police originally said eight people were wounded",
 * "initial reports put the toll at five"): the sentence's counts yield to the report's others.
 */
export const SUPERSEDED_PHRASES: string[][] = [
  ['originally', 'said'], ['originally', 'told'], ['originally', 'reported'], ['initially', 'said'], ['initially', 'told'],
  ['initially', 'reported'], ['initial', 'reports'], ['earlier', 'reports'], ['first', 'reported'], ['previously', 'reported'],
  ['had', 'earlier', 'said'], ['had', 'initially'], ['had', 'originally'],
];

/** Periods before "alone" in a tally ("this year alone", "last month alone"). */
export const PERIOD_WORDS = new Set(['year', 'month', 'week', 'weekend', 'decade', 'summer', 'winter', 'spring', 'fall', 'autumn']);

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

/** Words that start a clause of its own after a verb's object: "shot his ex-wife and a deputy before he died". */
export const SUBORDINATORS = new Set(['after', 'before', 'when', 'because', 'as', 'while', 'until', 'then']);

/** Wounds that say how someone was hit, not whether they lived: "gunshot wounds". */
export const WOUND_KINDS = new Set(['gunshot', 'bullet', 'stab', 'knife', 'shrapnel']);

/** Modal verbs: what follows may not have happened ("will be executed", "could kill"). */
export const MODALS = new Set(['will', 'would', 'could', 'might', 'may', 'can', 'should', 'must', "'ll", 'shall']);

/** Lives lost: "claimed two lives". */
export const LIFE_WORDS = new Set(['life', 'lives']);

/** Singular nouns of several people: "a family of four", "the couple". */
export const GROUP_HEADS = new Set(['family', 'couple', 'pair', 'other', 'dead', 'wounded', 'injured', 'hurt', 'fatalities', 'casualties']);

/** Person nouns that are a status ("the dead", "the wounded"): before another noun, its modifier. */
export const STATUS_NOUNS = new Set(['dead', 'wounded', 'injured', 'hurt']);

/** Words before "toll" that make it the dead: "death toll", "fatality toll". */
export const DEATH_TOLL_WORDS = new Set(['death', 'fatality']);

/** Words right before a death toll's figure: "rose to 3", "stood at 40", "a toll of 12", "is 5". */
export const TOLL_LINKS = new Set(['to', 'at', 'of', 'is', 'was', 'stands', 'stood', 'reached', 'hit']);

/** Verbs before an ordinal that make it a place in a tally: "the boy is the third child killed this month". */
export const COPULAS = new Set(['is', 'was', 'becomes', 'became', "'s", '’s']);

/** Nouns after a people noun that still leave it the people counted: "three victims each", "five children ages 3 to 10". */
export const ROLE_NOUN_AFTER = new Set(['ages', 'aged', 'age', 'each', 'total', 'overnight', 'tonight', 'today', 'yesterday',
  'morning', 'night', 'evening', 'afternoon']);

/** Nouns of a household: several people, however many. */
export const FAMILY_NOUNS = new Set(['family', 'families', 'household']);

/** Words before a number that make it an age ("ages 20 and 27") or a label ("Image 23 of 33"). */
export const NOT_A_COUNT_BEFORE = new Set(['ages', 'aged', 'age', 'image', 'photo', 'photos', 'slide', 'page', 'no.', 'number',
  'route', 'highway', 'interstate', 'channel', 'apartment', 'room', 'unit', 'suite', 'block']);

/** Adjectives that make an injury a death: "fatal injuries", "mortal wounds". */
export const FATAL_ADJECTIVES = new Set(['fatal', 'mortal']);

/** The plainest nouns of a person: two mentions of "a man" may be two men. */
export const PLAIN_PEOPLE_NOUNS = new Set(['person', 'man', 'woman', 'male', 'female', 'individual', 'victim', 'people', 'resident']);
