/**
 * What kind of source a name or description is, from its words. Matched on lower-case words
 * of the source's name or description; the first matching rule in KIND_ORDER wins.
 * General vocabulary only (outlets, bodies, officials, armed groups, anonymous sources).
 */
import type { SourceKind } from '../../model/index.js';

/** Words that mark a news outlet ("the Times of India", "a CNN report", "Syrian publication"). */
export const MEDIA_WORDS = [
  'times', 'post', 'news', 'newspaper', 'paper', 'daily', 'journal', 'gazette', 'herald', 'tribune',
  'telegraph', 'guardian', 'independent', 'observer', 'chronicle', 'express', 'mirror', 'mail',
  'sun', 'star', 'globe', 'examiner', 'inquirer', 'bulletin', 'courier', 'dispatch', 'record',
  'review', 'magazine', 'agency', 'wire', 'press', 'tv', 'television', 'channel', 'radio',
  'broadcaster', 'outlet', 'publication', 'website', 'blog', 'newswire', 'reporter',
  'correspondent', 'journalist', 'editor', 'columnist', 'media', 'station', 'report', 'reports',
  'cnn', 'bbc', 'reuters', 'ap', 'afp', 'upi', 'nbc', 'abc', 'cbs', 'fox', 'msnbc', 'npr', 'pbs',
  'al jazeera', 'jazeera', 'sana', 'anadolu', 'xinhua', 'tass', 'ria', 'interfax', 'itar-tass',
  'dpa', 'efe', 'ansa', 'kyodo', 'yonhap', 'irna', 'isna', 'fars', 'tasnim', 'amaq', 'politico',
  'bloomberg', 'axios', 'vice', 'breitbart', 'huffington', 'buzzfeed', 'vox', 'slate',
];

/** Words that mark a non-governmental organisation or monitor. */
export const ORGANISATION_WORDS = [
  'observatory', 'committee', 'watch', 'amnesty', 'international', 'group', 'network',
  'organisation', 'organization', 'foundation', 'institute', 'center', 'centre', 'council',
  'association', 'union', 'society', 'federation', 'league', 'coalition', 'campaign', 'monitor',
  'ngo', 'charity', 'red cross', 'red crescent', 'doctors without borders', 'msf', 'unicef',
  'united nations', 'un', 'unhcr', 'ohchr', 'who', 'human rights', 'rights', 'activists',
  'activist group', 'collective', 'initiative', 'project', 'party', 'company', 'university',
  'hospital', 'clinic', 'church', 'mosque', 'council', 'board', 'trust', 'fund', 'alliance',
];

/** Words that mark a state body or official. */
export const GOVERNMENT_WORDS = [
  'police', 'policeman', 'policewoman', 'officer', 'officers', 'ministry', 'minister', 'army',
  'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'sheriff', 'deputy',
  'deputies', 'prosecutor', 'prosecutors', 'coroner', 'military', 'government', 'governor',
  'mayor', 'president', 'prime minister', 'department', 'authorities', 'authority', 'agency',
  'state media', 'state tv', 'embassy', 'ambassador', 'commander', 'general', 'colonel',
  'forces', 'troops', 'defence', 'defense', 'interior', 'pentagon', 'white house', 'kremlin',
  'state department', 'fbi', 'cia', 'dhs', 'senator', 'sen.', 'rep.', 'congressman',
  'congresswoman', 'lawmaker', 'lawmakers', 'parliament', 'court', 'judge', 'attorney',
  'district attorney', 'investigators', 'detective', 'chief', 'trooper', 'medical examiner',
  'fire department', 'firefighters', 'administration', 'cabinet', 'secretary', 'governorate',
];

/** Names and words of non-state armed groups. */
export const ARMED_GROUP_WORDS = [
  'isis', 'isil', 'islamic state', 'daesh', 'taliban', 'al-qaeda', 'al qaeda', 'al-qaida',
  'al-shabaab', 'al shabaab', 'boko haram', 'hezbollah', 'hamas', 'houthis', 'houthi',
  'nusra', 'al-nusra', 'hts', 'farc', 'eln', 'fmln', 'shining path', 'sendero luminoso', 'pkk',
  'ypg', 'sdf', 'fsa', 'free syrian army', 'rebels', 'rebel', 'militia', 'militias', 'militants',
  'militant', 'insurgents', 'insurgent', 'jihadists', 'jihadist', 'guerrillas', 'guerrilla',
  'gunmen', 'fighters', 'fighter', 'cartel', 'gang', 'paramilitaries', 'paramilitary',
  'death squad', 'death squads', 'terrorists', 'terrorist group', 'wagner', 'janjaweed', 'rsf',
  'lashkar', 'jaish', 'ansar', 'jemaah islamiyah', 'abu sayyaf', 'la eme', 'ms-13',
];

/** Words that make a source anonymous ("sources said", "witnesses told", "a resident"). */
export const ANONYMOUS_WORDS = [
  'source', 'sources', 'witness', 'witnesses', 'eyewitness', 'eyewitnesses', 'resident',
  'residents', 'activist', 'activists', 'locals', 'villagers', 'people', 'someone', 'one',
  'observers', 'insiders', 'insider', 'relatives', 'neighbours', 'neighbors', 'bystanders',
  'survivors', 'survivor', 'aide', 'aides', 'person', 'man', 'woman',
];

/** Words marking a source that does not name itself ("a source", "local sources", "officials who spoke on condition of anonymity"). */
export const ANONYMITY_MARKERS = ['anonymity', 'anonymous', 'unnamed', 'unidentified', 'not authorized', 'not authorised'];

/** Titles before a person's name ("Police Chief John Smith", "Sen. Ted Cruz"). */
export const PERSON_TITLES = [
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'sen', 'sen.', 'rep', 'rep.', 'gov', 'gov.',
  'gen', 'gen.', 'col', 'col.', 'lt', 'lt.', 'sgt', 'sgt.', 'capt', 'capt.', 'maj', 'maj.', 'prof',
  'prof.', 'rev', 'rev.', 'president', 'prime', 'minister', 'senator', 'governor', 'mayor',
  'chief', 'police', 'sheriff', 'deputy', 'detective', 'officer', 'judge', 'spokesman',
  'spokeswoman', 'spokesperson', 'secretary', 'general', 'colonel', 'captain', 'lieutenant',
  'sergeant', 'commander', 'director', 'ambassador', 'attorney', 'district', 'state', 'former',
  'sheikh', 'imam', 'father', 'sister', 'brother', 'king', 'queen', 'prince', 'emir',
];

/** Nouns that stand for a document of a source, dropped from its name ("a CNN report" → CNN). */
export const DOCUMENT_NOUNS = [
  'report', 'reports', 'statement', 'statements', 'article', 'story', 'stories', 'video',
  'broadcast', 'bulletin', 'release', 'press release', 'tweet', 'post', 'footage', 'account',
  'analysis', 'study', 'survey', 'poll', 'investigation', 'documents', 'document', 'data',
];

/**
 * Nouns of a figure, not of anyone who gives it: "according to a new toll", "the toll, cited by
 * AFP". Dropped from a name when an owner remains ("the Observatory's toll" → Observatory);
 * alone they name no source.
 */
export const FIGURE_NOUNS = [
  'toll', 'tolls', 'tally', 'tallies', 'count', 'counts', 'figure', 'figures', 'estimate', 'estimates',
  'number', 'numbers', 'statistics', 'stats', 'total', 'totals',
];

/** Determiners and quantifiers dropped from the start of a source name. */
export const NAME_DETERMINERS = ['the', 'a', 'an', 'this', 'that', 'these', 'those', 'all', 'some', 'several', 'many', 'other', 'another', 'both', 'two', 'three'];

export const KIND_ORDER: ReadonlyArray<[SourceKind, readonly string[]]> = [
  ['armed_group', ARMED_GROUP_WORDS],
  ['media', MEDIA_WORDS],
  ['government', GOVERNMENT_WORDS],
  ['organisation', ORGANISATION_WORDS],
  ['anonymous', ANONYMOUS_WORDS],
];

/** Pronouns and the source kinds they can refer back to. */
export const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'i', 'me']);
export const GROUP_PRONOUNS = new Set(['it', 'they', 'them', 'we', 'which']);
export const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that', 'whom']);

/** Singular nouns of one person's office: "he" / "she" can refer back to "the mayor", "a police spokesman". */
export const PERSON_ROLES: ReadonlyArray<string> = [
  'mayor', 'governor', 'minister', 'president', 'spokesman', 'spokeswoman', 'spokesperson', 'official',
  'officer', 'sheriff', 'deputy', 'prosecutor', 'coroner', 'ambassador', 'envoy', 'commander', 'general',
  'colonel', 'senator', 'congressman', 'congresswoman', 'lawmaker', 'judge', 'attorney', 'detective',
  'chief', 'trooper', 'secretary', 'director', 'chairman', 'chairwoman', 'leader', 'witness',
  'eyewitness', 'resident', 'activist', 'doctor', 'nurse', 'medic', 'journalist', 'reporter',
  'correspondent', 'source', 'survivor', 'relative', 'neighbour', 'neighbor', 'farmer', 'teacher',
];

/**
 * Common words that open a source phrase and are capitalised only because a sentence starts
 * with them ("Local officials said", "Residents and activists said", "Hospital officials said"):
 * at the start of a sentence, with no other capital in the phrase, they are not a name.
 */
export const COMMON_SOURCE_OPENERS: ReadonlyArray<string> = [
  // modifiers
  'local', 'security', 'medical', 'military', 'hospital', 'health', 'senior', 'top', 'rescue', 'government',
  'state', 'police', 'aid', 'humanitarian', 'rights', 'civil', 'opposition', 'tribal', 'religious', 'community',
  'village', 'city', 'county', 'district', 'provincial', 'regional', 'federal', 'national', 'foreign', 'western',
  'other', 'some', 'several', 'many', 'most', 'both', 'two', 'three', 'four', 'five', 'dozens', 'hundreds',
  'independent', 'anonymous', 'unnamed', 'official', 'campaign', 'party', 'election', 'news', 'human',
  'new', 'recent', 'latest', 'early', 'earlier', 'first', 'final', 'further', 'more', 'court', 'autopsy',
  // heads
  'officials', 'residents', 'witnesses', 'eyewitnesses', 'activists', 'sources', 'relatives', 'family', 'families',
  'neighbours', 'neighbors', 'doctors', 'medics', 'paramedics', 'firefighters', 'authorities', 'investigators',
  'prosecutors', 'officers', 'troops', 'soldiers', 'rebels', 'militants', 'insurgents', 'fighters', 'protesters',
  'demonstrators', 'analysts', 'experts', 'observers', 'critics', 'supporters', 'opponents', 'lawmakers',
  'diplomats', 'villagers', 'survivors', 'locals', 'people', 'voters', 'aides', 'advisers', 'advisors',
];

/** Nouns of a man or a woman: "she" does not refer back to "my dad", nor "he" to "the victim's mother". */
export const MALE_NOUNS: ReadonlyArray<string> = [
  'man', 'boy', 'father', 'dad', 'son', 'brother', 'husband', 'uncle', 'nephew', 'grandfather', 'grandson',
  'boyfriend', 'spokesman', 'congressman', 'chairman', 'policeman', 'businessman', 'king', 'prince',
];
export const FEMALE_NOUNS: ReadonlyArray<string> = [
  'woman', 'girl', 'mother', 'mom', 'mum', 'daughter', 'sister', 'wife', 'aunt', 'niece', 'grandmother',
  'granddaughter', 'girlfriend', 'spokeswoman', 'congresswoman', 'chairwoman', 'policewoman', 'businesswoman', 'queen', 'princess',
];
