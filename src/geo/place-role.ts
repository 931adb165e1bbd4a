/**
 * What a place mention is the place of, from the few words before it: the violent event
 * ("was killed in X", "the massacre in X"), or someone or something else ("police sources in X
 * reported", "a speech he made in X", "the bishop of X"). Used to rank a report's places.
 */
import {
  COMPASS_WORDS, DISTANCE_UNITS, EVENT_PLACE_HEADS, OTHER_PLACE_HEADS, PLACE_ANAPHOR_NOUNS, PLACE_ROLE_PREPOSITIONS, PLACE_ROLE_WINDOW, SPEECH_VERBS,
  TIME_WORDS,
} from './lexicon/place-roles.js';

/** Words of violence (news English), as the geocoder reads them around place names. */
export const VIOLENCE_RE = /\b(?:shot|shoot(?:ing|ings|er)?|gunfire|gunman|gunmen|kill(?:ed|ing|ings)?|dead|death|died|wound(?:ed|s)?|injur(?:ed|ies|y)|murder(?:ed)?|homicide|slain|stabb(?:ed|ing)|execut(?:ed|ion)|bomb(?:ing|ed)?|explosion|airstrikes?|air strikes?|shell(?:ing|ed)|attack(?:ed)?|clash(?:es)?|abduct(?:ed|ion)|kidnapp(?:ed|ing)|beheaded)\b/gi;

const ONE_VIOLENCE_WORD = new RegExp(`^(?:${VIOLENCE_RE.source.slice(5, -3)})$`, 'i');

/** 'event': where the violence happened; 'other': where a source, a meeting or a reference point is. */
export type PlaceRole = 'event' | 'other' | null;

/** How far back (characters) the words before a place are read. */
const LOOKBACK = 90;

/**
 * The role of the place named at `start`: it must follow a preposition ("in", "at", "from",
 * "of", ...); the nearest of the few words before that preposition that is a violence word or
 * an event word makes it the event's place, a speaker, report or non-violent event word makes
 * it another place. Stops at the start of the sentence or clause. null when nothing tells.
 */
export function placeRole(text: string, start: number): PlaceRole {
  const before = text.slice(Math.max(0, start - LOOKBACK), start);
  // the clause the place is in: after the last sentence end, semicolon, colon or bracket
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('.\n'), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf(']'), before.lastIndexOf('"'));
  const words = (cut >= 0 ? before.slice(cut + 1) : before).toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  if (!words.length) return null;
  let k = words.length - 1;
  // "in the town of X", "in the capital city of X": the preposition is the first of the phrase
  if (words[k] === 'of' && k >= 1 && /^(?:town|city|village|capital|municipality|department|province|region|area|hamlet|district|neighbourhood|neighborhood|outskirts|suburb)$/.test(words[k - 1])) {
    k -= 2;
    while (k >= 0 && /^(?:the|a|small|nearby|northern|southern|eastern|western|central|rural|remote)$/.test(words[k])) k--;
  }
  if (k < 0 || !PLACE_ROLE_PREPOSITIONS.has(words[k])) return null;
  // "22 km south of X", "500 km from X": X is only a point of reference
  if (words[k] === 'of' || words[k] === 'from') {
    const d = k >= 1 && COMPASS_WORDS.has(words[k - 1]) ? k - 2 : k - 1;
    if (d >= 0 && DISTANCE_UNITS.has(words[d])) return 'other';
  }
  // "said in X", "announced today in X": where it was said
  const v = k >= 1 && TIME_WORDS.has(words[k - 1]) ? k - 2 : k - 1;
  if (v >= 0 && SPEECH_VERBS.has(words[v])) return 'other';
  for (let j = k - 1; j >= Math.max(0, k - PLACE_ROLE_WINDOW); j--) {
    const x = words[j];
    if (ONE_VIOLENCE_WORD.test(x) || EVENT_PLACE_HEADS.has(x)) return 'event';
    if (OTHER_PLACE_HEADS.has(x)) return 'other';
  }
  return null;
}

const PLACE_ANAPHOR = new RegExp(String.raw`\b(?:the|this|that)\s+(?:same\s+)?(?:${PLACE_ANAPHOR_NOUNS.join('|')})(?:['’]s)?\b(?!\s+of\b)`, 'i');

/**
 * Does `text` point back at the place the report is about without naming it ("on the city's
 * south side", "elsewhere in the same town")? Not "the city of Orange", which names one.
 */
export function refersToThePlace(text: string): boolean {
  return PLACE_ANAPHOR.test(text);
}
