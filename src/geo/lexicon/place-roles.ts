/**
 * What a place named after a preposition is the place of, read from the words just before the
 * preposition ("killed in X", "sources in X", "a speech he made in X", "the bishop of X").
 * Lower-case words. A report names many places that are not where its incident happened: where
 * a source sits or speaks, where officials met, where someone travelled.
 */

/** Prepositions that tie a place to the words before it. */
export const PLACE_ROLE_PREPOSITIONS = new Set(['in', 'at', 'from', 'of', 'near', 'outside', 'to', 'into', 'inside', 'on']);

/**
 * Words for speakers, reports, institutions and non-violent events: "police sources in X",
 * "their spokesman in X", "reports from X", "the embassy in X", "the bishop of X", "a news
 * conference in X", "talks in X". A place after one of them is where that
 * person or event is, not (necessarily) where the violence happened.
 */
export const OTHER_PLACE_HEADS = new Set([
  // speakers and their channels
  'source', 'sources', 'spokesman', 'spokeswoman', 'spokesmen', 'spokesperson', 'official', 'officials',
  'correspondent', 'correspondents', 'journalist', 'journalists', 'reporter', 'reporters', 'newsmen',
  'newspaper', 'newspapers', 'radio', 'television', 'agency', 'observers', 'diplomats',
  'embassy', 'embassies', 'ambassador', 'consulate', 'consul', 'ministry', 'government', 'bishop', 'archbishop', 'archdiocese', 'cardinal',
  // what they say and where they say it
  'report', 'reports', 'information', 'statement', 'communique', 'speech', 'interview', 'conference',
  'charges',
  // meetings and seats (not travel: victims and attackers "arrived in" / "flew to" the place of
  // the attack as often as anywhere else)
  'meeting', 'meetings', 'talks', 'summit', 'dialogue', 'negotiations', 'session', 'exile', 'exiled',
  'headquarters', 'headquartered', 'based',
]);

/**
 * Words for the violent event itself besides the incident triggers of the geocoder
 * ("the massacre in X", "the incident occurred in X", "took place in X").
 */
export const EVENT_PLACE_HEADS = new Set([
  'massacre', 'massacred', 'ambush', 'ambushed', 'raid', 'raided', 'assassination', 'assassinated',
  'occurred', 'happened', 'place', 'incident', 'incidents', 'hostage', 'hostages', 'burned', 'torched',
  'sabotage', 'sabotaged', 'fighting', 'fought', 'robbed', 'robbery', 'found',
]);

/**
 * A distance before "of" / "from" makes the place a point of reference, not the place itself:
 * "22 km south of X", "500 km from X" (but "just west of X" is at X, as far as a town goes).
 */
export const DISTANCE_UNITS = new Set(['km', 'kms', 'kilometers', 'kilometres', 'miles', 'mi']);
export const COMPASS_WORDS = new Set([
  'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest',
  'north-east', 'north-west', 'south-east', 'south-west',
]);

/** Verbs of saying right before the preposition: "he said in X", "announced today in X". */
export const SPEECH_VERBS = new Set(['said', 'says', 'told', 'stated', 'declared', 'announced', 'reported', 'broadcast', 'published']);

/** Words of time that may stand between such a verb and the preposition. */
export const TIME_WORDS = new Set(['today', 'yesterday', 'tonight', 'here', 'there', 'later', 'earlier']);

/** How many words before the preposition are read. */
export const PLACE_ROLE_WINDOW = 5;

/**
 * Nouns that point back at the place a report is about when a determiner goes before them ("on
 * the city's south side", "in this town"), unless a name follows ("the city of Orange").
 */
export const PLACE_ANAPHOR_NOUNS = ['city', 'town', 'village', 'township', 'neighborhood', 'neighbourhood'];
