/**
 * Counting killed and injured people in the sentences of one incident.
 *
 * Each sentence yields statements ("two men were shot, one fatally" → hit 2, killed 1); the
 * incident's counts are the largest figure stated for each status (reports repeat the same
 * victims in several sentences, so statements are not summed), and injured also covers people
 * hit but not killed.
 */
import type { CountRange, Span } from '../model/index.js';
import type { Word } from '../nlp/words.js';
import { addQuantities, addUpper, canStartQuantity, higherUpper, parseNumberWord, parseQuantityIn, type Quantity } from '../nlp/numbers.js';
import {
  DEATH_PHRASES, DEATH_WORDS, HIT_WORDS, INJURE_VERBS, INJURY_WORDS, IRREGULAR_PLURALS, KILL_VERBS, PARTICIPLES,
  CLAIM_VERBS, COPULAS, DEATH_CUES, DEATH_TOLL_WORDS, FAMILY_NOUNS, GROUP_HEADS, INJURY_CUES, INTENT_VERBS, LIFE_WORDS, MODALS,
  FATAL_ADJECTIVES, NOT_A_COUNT_BEFORE, PLAIN_PEOPLE_NOUNS, ROLE_NOUN_AFTER, STATUS_NOUNS, SUBORDINATORS, SUPERSEDED_PHRASES, TOLL_LINKS, WOUND_KINDS, PARTITIVE_DETERMINERS, PASSIVE_AUX, PATIENT_VERBS, PERIOD_WORDS, TALLY_PERIODS, TALLY_PHRASES, TURN_VERBS, PERPETRATOR_NOUNS, PERSON_NOUNS, DEATH_NOUNS, SINGULAR_S_NOUNS, VERB_RESULT_WORDS,
} from './lexicon/casualties.js';

export type Status = 'killed' | 'injured' | 'hit';

export interface CasualtyStatement {
  status: Status;
  count: Quantity;
  /** the count is an ordinal ("a third victim"), i.e. at least that many */
  ordinal: boolean;
  /** the people are the attackers (a suspect killed) */
  perpetrator: boolean;
  span: Span;
  /** the people phrase ("a 17-year-old boy"), when the statement has one */
  people: Span | null;
  /** index of the sentence it was read from */
  sentence: number;
  /** people in addition to those counted before ("another man", "was also struck") */
  additive: boolean;
  /**
   * the people phrase names or points back at one person ("the victim", "the teen", "Jaeson
   * Hill"), who may be one already counted with another status
   */
  definite?: boolean;
  /** the people are some of a group counted elsewhere ("one of the victims", "two of them") */
  partitive?: boolean;
  /** the attacker's harm to himself ("killed himself", "took his own life", "shot herself") */
  self?: boolean;
  /** the count takes in the attacker's own death ("killed three people and himself") */
  withSelf?: boolean;
  /** of a self statement: the words naming the one who harmed himself ("boy", "8-year-old") */
  subject?: string[];
  /** read from the report's headline (its first sentence, with no full stop) */
  headline?: boolean;
  /** the person's place in a count ("a third person died": 3), beside a statement of that many hit */
  rank?: number;
  /**
   * said inside quotation marks (a witness's words) or as a figure since corrected ("police
   * originally said"): yields to the report's other figures
   */
  quoted?: boolean;
  /**
   * the count is only a plural ("wounded children", "killed his wife and sons"): at least two,
   * and it yields to a figure the report states for the same status
   */
  plural?: boolean;
}

export interface CasualtyCounts {
  killed: CountRange | null;
  injured: CountRange | null;
  statements: CasualtyStatement[];
}

/** "double murder", "triple homicide", "double shooting". */
const MULTIPLE_WORDS = new Map([['double', 2], ['triple', 3], ['quadruple', 4], ['quintuple', 5]]);
const MULTIPLE_NOUNS = new Set(['murder', 'murders', 'homicide', 'homicides', 'killing', 'killings', 'slaying', 'slayings', 'shooting', 'fatal']);
/** Verbs that make the people before them the accused, not the victims: "teens charged with ... fatally shooting". */
const AGENT_VERBS = new Set(['charged', 'accused', 'arrested', 'suspected', 'convicted', 'sentenced', 'indicted', 'sought', 'wanted', 'booked', 'jailed']);
/** Words after "shot at" that show the shots missed: "was shot at while walking", "shot at by a gunman". */
const SHOT_AT_FOLLOWERS = new Set(['by', 'but', 'while', 'as', 'when', 'from', 'several', 'multiple', 'repeatedly', 'twice']);
const OBJECT_PRONOUNS = new Set(['her', 'him', 'them', 'me', 'us']);
/** The possessive ending as a token: "the victim 's mother". */
const POSSESSIVE_MARKS = new Set(["'s", '’s', "'", '’']);
/** Words before a verb that make it no fact: "to kill", "will kill", "could wound". */
const IRREALIS_BEFORE = new Set(['to', ...MODALS]);
/** Auxiliaries of the present: a plural subject with one is no report ("if its reporters are killed"). */
const PRESENT_AUX = new Set(['is', 'are', 'be', 'being', 'get', 'gets']);
/**
 * What joins two statements of a list ("a girl was hurt, and two men were wounded"): a comma or
 * a conjunction; two statements with only a space between (a headline run into the lede) restate.
 */
const LIST_JOIN = /^\s*(?:[,;]\s*(?:and\s+|also\s+|while\s+|as well as\s+)?|(?:and|also|while|as well as)\s+)(?:an?\s+)?$/i;
/** Auxiliaries of the perfect: "have been shot" (with a period, a tally). */
const PERFECT_AUX = new Set(['has', 'have', 'had']);
/** An age that names a person: "a 12-year-old". */
const AGE_NOUN = /-(year|month|week)s?-old$/;
/** Tokens that end a sentence (a headline has none). */
const SENTENCE_ENDS = new Set(['.', '!', '?', '."', '.”']);
/** The attacker's own person after a violent verb: "killed himself", "kills 3 bandmates, self". */
const REFLEXIVES = new Set(['himself', 'herself', 'self', 'themselves']);
/** Pronouns that start a clause about the people before them: "two officers, who were wounded". */
const RELATIVE_PRONOUNS = new Set(['who', 'whom', 'that', 'which']);
/** Verbs in the singular: not the verb of a plural subject. */
const SINGULAR_VERBS = new Set(['is', 'was', 'has', 'dies', 'remains']);
const STATUS_HEADS = new Set(['shot', 'killed', 'dead', 'injured', 'wounded', 'hurt', 'stabbed', 'slain', 'die', 'died', 'dies',
  'critical', 'stable', 'serious', 'hospitalized', 'hospitalised']);
/** Verbs after a bare count that lead to a status: "one was pronounced dead", "four are in stable condition". */
const COUNT_VERBS = new Set(['was', 'were', 'is', 'are', 'remains', 'remain', 'remained', 'had', 'has', 'have']);
/** Month names and abbreviations: a number after one is a date ("Sept. 3"). */
const MONTH_WORDS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
/** Days and months: capitalised, but no one's name ("Friday was ..."). */
const CALENDAR_NAMES = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', ...MONTH_WORDS]);
/** Verbs of "took his own life". */
const OWN_LIFE_VERBS = new Set(['took', 'takes', 'take', 'taking', 'taken']);
/** A day of the month after a month name ("Sept. 3"). */
const DAY_OF_MONTH = /^\d{1,2}$/;
const UPPER_START = /^\p{Lu}/u;
const AGE_UNITS = new Set(['year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'yr', 'yrs']);
/** "25 year-old", "3 month-old": an age written after the number. */
const AGE_WORD = /^(year|month|week|day|yr)s?-old$/;
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'my', 'our', 'your']);
const ORDINALS: Record<string, number> = { second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
const NP_MODIFIER_POS = new Set(['ADJ', 'NUM', 'NOUN', 'PROPN']);
const STOP_SCAN = new Set(['.', ';', '?', '!', 'but', 'while', 'whereas', 'although', 'though']);
const DEATH_ADVERBS = new Set(['fatally', 'mortally']);
const INJURY_CONDITION = new Set(['critical', 'serious', 'stable', 'non-life-threatening', 'life-threatening', 'grave', 'hospital', 'treated', 'survived', 'recovering']);

interface PeoplePhrase {
  start: number; end: number; count: Quantity; ordinal: boolean; head: string;
  /** a status said inside the phrase: "the three injured men", "two dead officers" */
  hint?: Status;
  /** no number, only a plural ("wounded children", "his sons"): at least two, how many unsaid */
  plural?: boolean;
  /** named through someone else ("the child's mother"): not one already named */
  possessed?: boolean;
  /** of a partitive ("one of the five people"): the group (words [start, end)) and its size */
  group?: { start: number; end: number; size: number };
}

/** A count the text states only by a plural noun: two or more, no upper bound. */
const PLURAL_ONLY: Quantity = { min: 2, max: null, best: 2, exact: false };

/**
 * Does a noun phrase start at word i, with nothing before it that belongs to it (an article, a
 * number, an adjective)? After a verb, a conjunction, a preposition or punctuation, or at the
 * start of a sentence.
 */
function startsNounPhrase(w: Word[], i: number): boolean {
  const prev = w[i - 1];
  return !prev || prev.sentence !== w[i].sentence || PHRASE_BOUNDARY_POS.has(prev.pos) || isViolentVerb(prev.lower) || PARTICIPLES.has(prev.lower);
}
const PHRASE_BOUNDARY_POS = new Set(['VERB', 'AUX', 'CCONJ', 'SCONJ', 'ADP', 'PUNCT', 'ADV']);

/**
 * A form of a violent verb that is no modifier of a noun after it ("shot", "killing", "wounds"),
 * though the tagger may call it a noun; the participles that are ("the injured man") are not.
 */
function isViolentVerb(x: string): boolean {
  return HIT_WORDS.has(x) || ((KILL_VERBS.has(x) || INJURE_VERBS.has(x)) && !x.endsWith('ed'));
}

/** A plural noun of people ("victims", "children", "policemen"). */
function isPluralNoun(x: string): boolean {
  return IRREGULAR_PLURALS.has(x) || (x.endsWith('s') && !SINGULAR_S_NOUNS.has(x));
}

function exact(n: number): Quantity { return { min: n, max: n, best: n, exact: true }; }

/**
 * End of a capitalised name of up to four words starting at word `from` (before `end`), past an
 * age after it (", 34," or ", 34 and"), or -1 when no name starts there.
 */
function nameEnd(w: Word[], from: number, end: number): number {
  let k = from;
  while (k < end && k < from + 4 && w[k].pos === 'PROPN' && UPPER_START.test(w[k].text) && !CALENDAR_NAMES.has(w[k].lower)) k++;
  if (k === from) return -1;
  if (w[k]?.lower === ',' && w[k + 1]?.pos === 'NUM' && (parseNumberWord(w[k + 1].lower) ?? 200) < 120 && (w[k + 2]?.lower === ',' || w[k + 2]?.lower === 'and')) k += w[k + 2].lower === ',' ? 3 : 2;
  return k;
}

/**
 * The people a possessive phrase names ("the victim's mother": the mother, one; "the couple's
 * sons": two or more), or null when no people noun follows the possessive ("the Sheriff's Office").
 */
function possessedPeople(w: Word[], owner: PeoplePhrase, end: number): PeoplePhrase | null {
  let m = owner.end + 1;
  while (m < end && m < owner.end + 4 && !PERSON_NOUNS.has(w[m].lower) && NP_MODIFIER_POS.has(w[m].pos)) m++;
  if (m >= end || !PERSON_NOUNS.has(w[m].lower) || STATUS_HEADS.has(w[m].lower)) return null;
  const several = isPluralNoun(w[m].lower);
  return { start: owner.start, end: m + 1, count: several ? PLURAL_ONLY : exact(1), ordinal: false, head: w[m].lower, plural: several, possessed: true };
}

/**
 * Is the number at word i one of a list of ages after people ("two males, 30 and 42")? Back over
 * numbers, commas and "and" to a people noun followed by a comma.
 */
function ageListBefore(w: Word[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && k > i - 6 && (w[k].lower === ',' || w[k].lower === 'and' || (w[k].pos === 'NUM' && /^\d{1,2}$/.test(w[k].lower)))) k--;
  if (k < 0 || k >= i - 1 || !/^\d{1,2}$/.test(w[i].lower) || PERSON_NOUNS.has(w[i + 1]?.lower ?? '')) return false;
  return w[k].lower === 'ages' || w[k].lower === 'aged' || (w[k + 1].lower === ',' && PERSON_NOUNS.has(w[k].lower));
}

/**
 * Names listed from word i ("Marcus Hill, 34, and Devon Carter, 22", "Daneka Lotts, 24, Monica
 * Bates, 16, and Malcolm Wallace, 25"): how many, and the word after the list.
 */
function nameList(w: Word[], i: number, end: number): { end: number; names: number } {
  let k = nameEnd(w, i, end);
  if (k < 0) return { end: i, names: 0 };
  let names = 1;
  while (k < end && names < 8 && (w[k].lower === 'and' || w[k].lower === ',' || (w[k - 1].lower === ',' && w[k].pos === 'PROPN'))) {
    // ("Daneka Lotts, 24, Monica Bates, 16, and ...": the age's comma already separates them)
    const at = w[k].pos === 'PROPN' ? k : w[k].lower === ',' && w[k + 1]?.lower === 'and' ? k + 2 : k + 1;
    const next = nameEnd(w, at, end);
    if (next < 0) break;
    k = next; names++;
  }
  return { end: k, names };
}

/** A people phrase starting at word i ("at least two men", "a 17-year-old boy", "three others", "3 dead"). */
function peopleAt(w: Word[], i: number, end: number, depth = 0): PeoplePhrase | null {
  if (i >= end) return null;
  const first = w[i].lower;
  let j = i;
  let count: Quantity | null = null;
  let ordinal = false;
  let bare = false;
  // "Sept. 3", "on May 12": a day of the month, not a count
  if (i > 0 && DAY_OF_MONTH.test(first) && MONTH_WORDS.has(w[i - 1].lower.replace(/\.$/, ''))) return null;
  // "left no one injured", "nobody": nobody (the quantity parser would read "no" + "one" as one)
  if (first === 'nobody') return { start: i, end: i + 1, count: exact(0), ordinal: false, head: '' };
  if (first === 'no' && (w[i + 1]?.lower === 'one' || w[i + 1]?.lower === 'other')) {
    const e = w[i + 1].lower === 'other' && PERSON_NOUNS.has(w[i + 2]?.lower ?? '') ? i + 3 : i + 2;
    return { start: i, end: Math.min(e, end), count: exact(0), ordinal: false, head: '' };
  }
  // longest quantity prefix (up to 5 words)
  if (canStartQuantity(first)) {
    const lowers: string[] = [];
    for (let k = i; k < Math.min(end, i + 5); k++) lowers.push(w[k].lower);
    for (let n = lowers.length; n > 0; n--) {
      const q = parseQuantityIn(lowers, 0, n);
      if (q) { count = q; j = i + n; break; }
    }
  }
  // "16 year old male": a number followed by an age unit is an age, one person
  if (count && AGE_UNITS.has(w[j]?.lower ?? '') && w[j + 1]?.lower === 'old') { count = exact(1); j += 2; }
  else if (count && (AGE_WORD.test(w[j]?.lower ?? '') || /^y\/?o$/.test(w[j]?.lower ?? ''))) { count = exact(1); j += 1; }
  // "ages 20 and 27", "Image 23 of 33", "two males, 30 and 42, were hurt": no count of people
  if (count && i > 0 && (NOT_A_COUNT_BEFORE.has(w[i - 1].lower) || ageListBefore(w, i))) return null;
  // "at 8 p.m. officers found ...": a time
  if (count && /^[ap]\.?m\.?$/.test(w[j]?.lower ?? '')) return null;
  // "On August 25, 2013 officers ...": the year of a date
  if (count && i >= 3 && w[i - 1].lower === ',' && DAY_OF_MONTH.test(w[i - 2].lower) && MONTH_WORDS.has(w[i - 3].lower.replace(/\.$/, ''))) return null;
  // "in 2013 officers ...": a year, unless people follow it ("2000 people")
  if (count && /^(19|20)\d\d$/.test(first) && !PERSON_NOUNS.has(w[j]?.lower ?? '')) return null;
  // "dozens of people", "hundreds of civilians", "a couple of men": the amount counts the
  // people after "of" (not "two of the men" or "one of five victims": parts of a group)
  if (count && w[j]?.lower === 'of' && j + 1 < end && !PARTITIVE_DETERMINERS.has(w[j + 1].lower) && parseNumberWord(w[j + 1].lower) === null
    && (PERSON_NOUNS.has(w[j + 1].lower) || (NP_MODIFIER_POS.has(w[j + 1].pos) && PERSON_NOUNS.has(w[j + 2]?.lower ?? '')))) j++;
  // a named person as the subject of a passive: "Al-Adnani was severely injured"; named people
  // listed: "Marcus Hill, 34, and Devon Carter, 22, were shot"
  if (!count && w[i].pos === 'PROPN' && /^\p{Lu}/u.test(w[i].text) && (i === 0 || w[i - 1].pos !== 'PROPN')) {
    const one = nameEnd(w, i, end);
    if (one > 0 && one < end && (w[one].lower === 'was' || (w[one].lower === 'has' && w[one + 1]?.lower === 'been'))) {
      return { start: i, end: one, count: exact(1), ordinal: false, head: 'name' };
    }
    const { end: k, names } = nameList(w, i, end);
    if (names > 1 && k < end && (w[k].lower === 'were' || ((w[k].lower === 'have' || w[k].lower === 'had') && w[k + 1]?.lower === 'been'))) {
      return { start: i, end: k, count: exact(names), ordinal: false, head: 'names' };
    }
  }
  // "he was shot in the hand", "she had been wounded": one person, already named before
  if (!count && (first === 'he' || first === 'she') && i + 1 < end && (w[i + 1].lower === 'was' || w[i + 1].lower === 'is'
    || ((w[i + 1].lower === 'had' || w[i + 1].lower === 'has') && w[i + 2]?.lower === 'been'))) {
    return { start: i, end: i + 1, count: exact(1), ordinal: false, head: 'pronoun' };
  }
  if (!count) {
    if (first === 'another') {
      count = exact(1); j = i + 1;
      // "wounded another in October": "another" alone is one more person
      if (j < end && !PERSON_NOUNS.has(w[j].lower) && !NP_MODIFIER_POS.has(w[j].pos) && !/-year-old$/.test(w[j].lower)) return { start: i, end: j, count, ordinal: false, head: '' };
    }
    else if (first.endsWith('-old') && /-(year|month|week)s?-old$/.test(first)) {
      count = exact(1); j = i;
      // "13-year-old shot and killed": the age stands for the person
      // ("7-year-old Englewood boy": a place name before the noun)
      const nounNext = PERSON_NOUNS.has(w[i + 1]?.lower ?? '') || (w[i + 1]?.pos === 'PROPN' && PERSON_NOUNS.has(w[i + 2]?.lower ?? ''));
      if (!nounNext && w[i + 1]?.pos !== 'ADJ' && w[i + 1]?.pos !== 'NOUN') return { start: i, end: i + 1, count, ordinal: false, head: first };
    }
    else if (PERSON_NOUNS.has(first) && !isPluralNoun(first) && UPPER_START.test(w[i].text) && (i === 0 || w[i - 1].sentence !== w[i].sentence
      || [':', '—', '-', '–'].includes(w[i - 1].text) || (UPPER_START.test(w[i - 1].text) && (KILL_VERBS.has(w[i - 1].lower) || INJURE_VERBS.has(w[i - 1].lower) || HIT_WORDS.has(w[i - 1].lower))))) {
      // a headline's bare noun: "Teen fatally shot", "Man killed in crash", "Man Kills Wife"
      return { start: i, end: i + 1, count: exact(1), ordinal: false, head: first };
    }
    else if ((first === 'the' || first === 'both' || POSSESSIVES.has(first)) && i + 1 < end) {
      count = first === 'both' ? exact(2) : null; j = i + 1;
      if (w[j]?.lower === 'own') j++;
    }
    // a noun phrase with no article or number: only a plural is read ("wounded children")
    else if ((NP_MODIFIER_POS.has(w[i].pos) || PERSON_NOUNS.has(first)) && startsNounPhrase(w, i)) bare = true;
    else return null;
  }
  if ((first === 'a' || first === 'an' || first === 'the') && j < end && Object.hasOwn(ORDINALS, w[j].lower)) {
    count = exact(ORDINALS[w[j].lower]); ordinal = true; j++;
  }
  // "6 shot", "2 killed", "1 critical", "four more are hospitalized", "one was pronounced dead":
  // a count followed by what happened to them, or by the verb that says it
  if (count && j < end && (ordinal || !(first === 'a' || first === 'an' || first === 'the'))) {
    let m = j;
    if (w[m].lower === 'more' || w[m].lower === 'other' || w[m].lower === 'others') m++;
    // ("including one who died")
    // ("3 found shot dead")
    if (m < end && !ordinal && (STATUS_HEADS.has(w[m].lower) || w[m].lower === 'who' || (COUNT_VERBS.has(w[m].lower) && m + 1 < end && w[m + 1].pos !== 'NOUN')
      || (w[m].lower === 'found' && (PARTICIPLES.has(w[m + 1]?.lower ?? '') || DEATH_WORDS.has(w[m + 1]?.lower ?? ''))))) {
      return { start: i, end: m, count, ordinal, head: '' };
    }
    // "one critically wounded", "another being injured", "a fourth is wounded"
    if (m < end && w[m].lower !== 'of' && !PERSON_NOUNS.has(w[m].lower) && i > 0 && (w[i - 1].lower === 'and' || w[i - 1].lower === ',') && startsOtherCount(w, i, end)) return { start: i, end: m, count, ordinal, head: '' };
  }
  // up to three modifiers: "other", "young", "17-year-old", "unidentified", "police"
  let k = j;
  let mods = 0;
  // ("The attackers shot dead two men": "shot", which the tagger may call a noun, is the verb)
  // ("male victims", "teen girls": a people noun before another is its modifier)
  // ("two sheriff's deputies": the possessor is a modifier of the people counted)
  let owned = false;
  const possessor = (m: number) => POSSESSIVE_MARKS.has(w[m + 1]?.lower ?? '') && PERSON_NOUNS.has(w[m + 2]?.lower ?? '') && m + 2 < end;
  // ("two other gunshot victims": "other" before the noun)
  const otherBefore = (m: number) => w[m].lower === 'other' && m + 2 < end && NP_MODIFIER_POS.has(w[m + 1].pos) && PERSON_NOUNS.has(w[m + 2].lower);
  while (k < end && mods < 3 && (!PERSON_NOUNS.has(w[k].lower) || (PERSON_NOUNS.has(w[k + 1]?.lower ?? '') && !STATUS_HEADS.has(w[k + 1].lower) && k + 1 < end) || possessor(k) || otherBefore(k))
    && !isViolentVerb(w[k].lower)
    && (NP_MODIFIER_POS.has(w[k].pos) || /-year-old$/.test(w[k].lower) || w[k].lower === 'other' || w[k].lower === 'more')) {
    if (possessor(k)) { k += 2; mods++; owned = true; continue; }
    // "the three injured": a number among the modifiers is the count (a phrase without an
    // article is read from its number on: "which many people ...")
    if (bare && canStartQuantity(w[k].lower) && w[k].lower !== 'a' && w[k].lower !== 'an') return null;
    // ("the 37 year old woman": an age; "70 St reference 5 people": the count is the later number)
    if (w[k].pos === 'NUM' && (AGE_WORD.test(w[k + 1]?.lower ?? '') || AGE_UNITS.has(w[k + 1]?.lower ?? ''))) { count ??= exact(1); k++; mods++; continue; }
    // ("both 31": their ages)
    if (count && w[k].pos === 'NUM') return first === 'both' ? { start: i, end: i + 1, count, ordinal, head: 'both' } : null;
    if (!count && w[k].pos === 'NUM') { const n = parseNumberWord(w[k].lower); if (n !== null && n < 1000) count = exact(n); }
    k++; mods++;
  }
  // "a wounded man died", "two dead officers": the status word describes the noun after it
  if (k < end && STATUS_NOUNS.has(w[k].lower) && PERSON_NOUNS.has(w[k + 1]?.lower ?? '') && !STATUS_NOUNS.has(w[k + 1].lower) && k + 1 < end) k++;
  if (k >= end || !PERSON_NOUNS.has(w[k].lower)) {
    // "Both died", "two of them": the quantity alone is the people phrase
    if (first === 'both' && count) return { start: i, end: i + 1, count, ordinal, head: 'both' };
    // "two of the four men", "one of their sons": the group is part of the phrase, not other people
    if (count && k === j && k < end && w[k].lower === 'of' && k + 1 < end && PARTITIVE_DETERMINERS.has(w[k + 1].lower)) {
      let m = k + 2;
      while (m < end && m < k + 6 && (!PERSON_NOUNS.has(w[m].lower) || w[m].lower === 'other') && (NP_MODIFIER_POS.has(w[m].pos) || /-year-old$/.test(w[m].lower))) m++;
      if (!(m < end && PERSON_NOUNS.has(w[m].lower) && !STATUS_HEADS.has(w[m].lower))) return { start: i, end: k + 2, count, ordinal, head: 'them' };
      let size: number | null = null;
      for (let g = k + 2; g < m; g++) if (w[g].pos === 'NUM') size = parseNumberWord(w[g].lower);
      return { start: i, end: m + 1, count, ordinal, head: 'them', group: size === null ? undefined : { start: k + 2, end: m + 1, size } };
    }
    // "one of five victims", "two of the four men": some of a group counted elsewhere
    if (count && !ordinal && k === j && k < end && w[k].lower === 'of' && k + 1 < end && parseNumberWord(w[k + 1].lower) !== null && w[k + 1].lower !== 'a') {
      let m = k + 2;
      while (m < end && m < k + 5 && !PERSON_NOUNS.has(w[m].lower)) m++;
      // ("four of five dead": the group's status is said, read from "five dead")
      if (m < end && PERSON_NOUNS.has(w[m].lower) && !STATUS_HEADS.has(w[m].lower)) {
        return { start: i, end: m + 1, count, ordinal, head: 'them', group: { start: k + 1, end: m + 1, size: parseNumberWord(w[k + 1].lower)! } };
      }
    }
    return null;
  }
  const head = w[k].lower;
  // "Image 1 of 9 7-year-old girl": a figure above one before a singular noun is not its count
  if (count && count.min > 1 && !ordinal && !isPluralNoun(head) && !GROUP_HEADS.has(head) && !STATUS_HEADS.has(head)) return null;
  let plural = false;
  if (!count) {
    // "the victim" counts one; "the victims" says nothing about how many; "his sons", "wounded
    // children" (no article) say more than one
    if (isPluralNoun(head)) {
      if (first === 'the' || PERPETRATOR_NOUNS.has(head)) return null;
      count = PLURAL_ONLY; plural = true;
    } else if (bare) {
      // "Former Mayor Pablo Pelaez, 45, was shot": a title before a name is one person
      // (followed by its verb or a comma: not "Captain Haynes and Dead River roads")
      const named = nameEnd(w, k + 1, end);
      if (named < 0 || !(w[named]?.pos === 'AUX' || w[named]?.lower === ',' || w[named]?.pos === 'VERB' || PARTICIPLES.has(w[named]?.lower ?? '') || DEATH_WORDS.has(w[named]?.lower ?? ''))) return null;
      count = exact(1); k = named - 1;
    } else count = exact(1);
  }
  // "the family dog", "a family friend": the people noun qualifies a thing or someone else
  // (the tagger may call "shot", "dead" or "wounded" after them a noun)
  const after = w[k + 1]?.lower ?? '';
  if (k + 1 < end && w[k + 1].pos === 'NOUN' && !PERSON_NOUNS.has(after) && !ROLE_NOUN_AFTER.has(after) && !isViolentVerb(after)
    && !PARTICIPLES.has(after) && !DEATH_WORDS.has(after) && !INJURY_WORDS.has(after) && !INJURY_CONDITION.has(after) && !HIT_WORDS.has(after)) return null;
  // "his family", "a family of four": a family is several people
  if (FAMILY_NOUNS.has(head) && !ordinal && (count.best === 1 || plural)) {
    const size = w[k + 1]?.lower === 'of' ? parseNumberWord(w[k + 2]?.lower ?? '') : null;
    if (size !== null && size > 1) { count = exact(size); k += 2; } else { count = PLURAL_ONLY; plural = true; }
  }
  let hint: Status | undefined;
  for (let m = j; m < k; m++) {
    const x = w[m].lower;
    if (DEATH_WORDS.has(x)) hint = 'killed';
    else if (INJURY_WORDS.has(x)) hint = 'injured';
  }
  // "her sister and mother": two people in one phrase
  if (count.exact && count.best === 1 && w[k + 1]?.lower === 'and' && k + 2 < end) {
    let m = k + 2;
    if (['a', 'an', 'her', 'his', 'their', 'the'].includes(w[m].lower)) m++;
    if (m < end && PERSON_NOUNS.has(w[m].lower) && !isPluralNoun(w[m].lower) && !STATUS_HEADS.has(w[m].lower)) {
      return { start: i, end: m + 1, count: exact(2), ordinal, head: w[m].lower, hint };
    }
  }
  // "a 59-year-old man, a 49-year-old woman and a 53-year-old man", "two marshals and an FBI agent"
  if (!depth && (w[k + 1]?.lower === 'and' || w[k + 1]?.lower === ',')) {
    let total = count, last = k + 1, m = k + 1, parts = 1;
    while (m < end && (w[m].lower === ',' || w[m].lower === 'and') && parts < 6) {
      while (m < end && (w[m].lower === ',' || w[m].lower === 'and')) m++;
      // ("his wife and children", "his children and wife": the possessive is said once for all)
      const more = m >= end ? null : POSSESSIVES.has(first) && PERSON_NOUNS.has(w[m].lower) && !isPluralNoun(w[m].lower) && !STATUS_HEADS.has(w[m].lower)
        ? { start: m, end: m + 1, count: exact(1), ordinal: false, head: w[m].lower } as PeoplePhrase : peopleAt(w, m, end, 1);
      // ("two men, Marcus Hill and Devon Carter": names that restate the count, no more people)
      if (!more || !(more.count.exact || more.plural) || STATUS_HEADS.has(more.head) || more.head === '' || more.head === 'name' || more.head === 'names') break;
      total = addQuantities(total, more.count);
      plural ||= !!more.plural;
      last = more.end; m = more.end; parts++;
    }
    // "three victims, one male, and two females": the parts break the first count down
    if (parts > 2 && count.exact && total.best - count.best === count.best) total = count;
    if (parts > 1 && (w[last - 1] && w.slice(k + 1, last).some(x => x.lower === 'and'))) return { start: i, end: last, count: total, ordinal, head, hint, plural };
  }
  const possessed = owned || undefined;
  if (hint) return { start: i, end: k + 1, count, ordinal, head, hint, plural, possessed };
  return { start: i, end: k + 1, count, ordinal, head, plural, possessed };
}

/** Words between a bare count and its status: "one critically wounded", "another being treated". */
const COUNT_STATUS_FILLERS = new Set(['critically', 'seriously', 'severely', 'gravely', 'mortally', 'fatally', 'also', 'later', 'being', 'is', 'was', 'were', 'are', 'had', 'has', 'have', 'been', 'remains', 'remained', 'left', 'in', 'pronounced', 'listed', 'found']);

/**
 * Does a new count of people start at word i ("one", "another", "a fourth", "two others"),
 * followed (within a few words) by a status of its own? Used to split "X were killed and one
 * wounded" into two statements.
 */
function startsOtherCount(w: Word[], i: number, end: number): boolean {
  if (i >= end) return false;
  const x = w[i].lower;
  let j: number;
  if (x === 'another') j = i + 1;
  else if ((x === 'a' || x === 'an' || x === 'the') && Object.hasOwn(ORDINALS, w[i + 1]?.lower ?? '')) j = i + 2;
  else if (x !== 'a' && x !== 'an' && parseNumberWord(x) !== null) j = i + 1;
  // "and a 26-year-old was in stable condition", "and a woman was wounded"
  else if ((x === 'a' || x === 'an') && i + 1 < end && (/-year-old$/.test(w[i + 1].lower) || PERSON_NOUNS.has(w[i + 1].lower) || (w[i + 1].pos === 'ADJ' && PERSON_NOUNS.has(w[i + 2]?.lower ?? '')))) {
    // past the age or adjective; a person noun after it is skipped below
    j = PERSON_NOUNS.has(w[i + 1].lower) ? i + 1 : i + 2;
  }
  else return false;
  if (w[j]?.lower === 'more' || w[j]?.lower === 'other' || w[j]?.lower === 'others') j++;
  else if (w[j]?.lower === 'of' && (w[j + 1]?.lower === 'them' || w[j + 1]?.lower === 'those')) j += 2;
  if (j < end && PERSON_NOUNS.has(w[j].lower) && !STATUS_HEADS.has(w[j].lower)) j++;
  for (let k = j; k < Math.min(end, j + 4); k++) {
    const y = w[k].lower;
    if (STATUS_HEADS.has(y) || DEATH_WORDS.has(y) || INJURY_WORDS.has(y) || HIT_WORDS.has(y) || INJURY_CONDITION.has(y)) return true;
    if (!COUNT_STATUS_FILLERS.has(y)) return false;
  }
  return false;
}

/**
 * A bare count as a verb's object: "killing one and wounding three", "shot four, killing two".
 * Not when a noun follows ("shot 3 times", "killed 2 dogs") or the number is a year or a time.
 */
function bareCountAt(w: Word[], j: number, end: number): PeoplePhrase | null {
  if (j >= end) return null;
  const x = w[j].lower;
  if (x === 'a' || x === 'an' || !(w[j].pos === 'NUM' || parseNumberWord(x) !== null)) return null;
  const n = parseNumberWord(x);
  if (n === null || n > 500) return null;
  const next = w[j + 1];
  if (next && j + 1 < end && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ' || next.pos === 'NUM' || /^(a\.?m\.?|p\.?m\.?|times|of|percent|%|-)$/i.test(next.lower))) return null;
  return { start: j, end: j + 1, count: exact(n), ordinal: false, head: '' };
}

/**
 * Is the violent word at i no verb of a fact: a modifier inside a noun phrase ("five
 * assassinated leaders", "the murdered man") or a verb of what may yet happen ("threatened to
 * kill officials", "would kill")?
 */
function verbIsNoFact(w: Word[], i: number, a: number): boolean {
  let k = i - 1;
  while (k >= a && w[k].pos === 'ADV') k--;
  if (k < a) return false;
  const prev = w[k].lower;
  // ("to" only after a verb of intent: "tried to kill two officers"; not "used a rifle to kill five")
  if (IRREALIS_BEFORE.has(prev)) return prev !== 'to' || (k > a && INTENT_VERBS.has(w[k - 1].lower));
  return k === i - 1 && (w[k].pos === 'DET' || POSSESSIVES.has(prev) || (w[k].pos === 'NUM' && parseNumberWord(prev) !== null && !/^\d{4}$/.test(prev)));
}

/** The adverbs right before word i (at most two, not before a): "accidentally fatally [shot]". */
function adverbsBefore(w: Word[], i: number, a: number): string[] {
  const out: string[] = [];
  for (let k = i - 1; k >= a && k >= i - 2 && w[k].pos === 'ADV' && w[k].lower.endsWith('ly'); k--) out.push(w[k].lower);
  return out;
}

/**
 * What the words after a violent verb's object say of it: "shot five people to death", "shot two
 * officers, who were wounded", "shot a man who later died".
 */
function objectStatus(w: Word[], from: number, end: number, plural: boolean): Set<Status> {
  if (w[from]?.lower === 'to' && w[from + 1]?.lower === 'death') return new Set(['killed']);
  // "shot his ex-wife and a deputy before he died": a clause of its own, about the attacker
  for (let k = from; k < end && k < from + 12; k++) if (SUBORDINATORS.has(w[k].lower)) { end = k; break; }
  const { statuses } = statusAfter(w, from, end, plural);
  // a wound is theirs only in a clause about them ("..., who were wounded"), not the attacker's
  // ("shot two men and was wounded by police")
  const k = w[from]?.lower === ',' ? from + 1 : from;
  if (statuses.has('injured') && !statuses.has('killed') && !RELATIVE_PRONOUNS.has(w[k]?.lower ?? '')) statuses.delete('injured');
  return statuses;
}

/** Does a reduced relative clause start at word k ("[the people] shot on Sunday", "wounded by gunfire")? */
function reducedRelativeAt(w: Word[], k: number): boolean {
  const x = w[k]?.lower ?? '';
  return PARTICIPLES.has(x) || x === 'hospitalized' || x === 'hospitalised' || (DEATH_ADVERBS.has(x) && PARTICIPLES.has(w[k + 1]?.lower ?? ''));
}

/**
 * The end of a relative clause starting at word k ("who were slightly injured, ...", "who were
 * shot has died"): a comma, or the next finite verb after the clause's own.
 */
function relativeClauseEnd(w: Word[], k: number, end: number): number {
  let verb = false;
  for (let m = k + 1; m < end && m < k + 16; m++) {
    const x = w[m].lower;
    if (x === ',' || x === '.' || x === ';') return m;
    const finite = w[m].pos === 'AUX' || x === 'died' || x === 'dies';
    if (finite && verb && !PASSIVE_AUX.has(w[m - 1].lower)) return m;
    if (finite || w[m].pos === 'VERB') verb = true;
  }
  return end;
}

/** The first finite verb after word k, within the clause (an auxiliary, "died"), or the end. */
function finiteVerbAfter(w: Word[], k: number, end: number): number {
  for (let m = k + 1; m < end && m < k + 16; m++) {
    const x = w[m].lower;
    if (x === '.' || x === ';') return m;
    if (w[m].pos === 'AUX' || x === 'died' || x === 'dies' || x === 'remains' || x === 'remain') return m;
  }
  return end;
}

/**
 * Does the verb right after a people phrase (at word k) say what happened to them: "were shot",
 * "had all been killed", "died", "are critically wounded"? (Not "were dispatched to the hospital".)
 */
function statusVerbAt(w: Word[], k: number, end: number): boolean {
  for (let m = k; m < end && m < k + 4; m++) {
    const x = w[m].lower;
    if (PARTICIPLES.has(x) || DEATH_WORDS.has(x) || INJURY_WORDS.has(x) || HIT_WORDS.has(x)) return true;
    if (!(PASSIVE_AUX.has(x) || COUNT_VERBS.has(x) || w[m].pos === 'ADV' || x === 'all')) return false;
  }
  return false;
}

/** A verb whose subject can be the one hurt or killed: "was shot", "suffered a wound", "died". */
function followsPatient(x: string): boolean {
  return PARTICIPLES.has(x) || DEATH_WORDS.has(x) || INJURY_WORDS.has(x) || HIT_WORDS.has(x) || PASSIVE_AUX.has(x) || COUNT_VERBS.has(x) || PATIENT_VERBS.has(x);
}

/**
 * Statuses said of the people phrase: scan forward in its clause. `plural`: the people are
 * several, so a verb in the singular ("Teen who shot 4, including 2 agents, is killed") is
 * about someone else.
 */
function statusAfter(w: Word[], from: number, end: number, plural = false): { statuses: Set<Status>; stop: number } {
  const statuses = new Set<Status>();
  let k = from;
  const limit = Math.min(end, from + 12);
  let aux = false;
  for (; k < limit; k++) {
    const x = w[k].lower;
    if (STOP_SCAN.has(x) || AGENT_VERBS.has(x)) break;
    if (plural && k > from && SINGULAR_VERBS.has(x)) break;
    // "these people will be executed", "could be killed": what may yet happen
    // (not "may have been injured": a hedge on what happened)
    if (MODALS.has(x) && !statuses.size && w[k + 1]?.lower !== 'have') break;
    // "the two deputies rushed the girl to the hospital": the people act on someone else
    // (not a participle that describes them: "two policemen guarding a team were shot dead")
    if (w[k].pos === 'VERB' && !aux && !statuses.size && w.slice(from, k).every(y => y.pos === 'ADV') && !followsPatient(x) && !x.endsWith('ing')
      && ['DET', 'PROPN'].includes(w[k + 1]?.pos ?? '')) break;
    // "five people were shot, including one who died": the part's status is read on its own
    if (x === 'including' && statuses.size) break;
    // "were slain by a home invader, who was fatally shot": what follows is about the agent
    if (x === 'by' && statuses.size && peopleAt(w, k + 1, end)) break;
    // "six men were shot, one was pronounced dead": a new count starts another statement
    if (x === ',' && k > from && w[k + 1] && parseNumberWord(w[k + 1].lower) !== null && w[k + 1].lower !== 'a' && w[k + 1].lower !== 'an') break;
    // "two were shot and one died", "three are dead and a fourth is wounded", "four killed and
    // another injured": a count after "and" is other people with their own status
    if ((x === 'and' || x === ',') && k > from && startsOtherCount(w, k + 1, end)) break;
    // "arrested a teen after another teen was injured": a clause about other people
    if ((x === 'after' || x === 'before' || x === 'when' || x === 'because') && k > from) {
      const other = peopleAt(w, k + 1, end);
      if (other && other.head !== 'pronoun') break;
    }
    // "a suspect in the case that left a man dead": the status belongs to someone else
    if (k > from && x === 'that') break;
    if ((KILL_VERBS.has(x) || INJURE_VERBS.has(x)) && !aux && k > from + 1 && peopleAt(w, k + 1, end)) {
      // "a man shot and killed his wife": the whole verb chain is his act
      if (w[k - 1].lower === 'and' || w[k - 1].lower === ',') statuses.clear();
      break;
    }
    if (PASSIVE_AUX.has(x)) aux = true;
    // "3 found shot dead", "a man found dead": as "were found"
    if (x === 'found' && k === from && (PARTICIPLES.has(w[k + 1]?.lower ?? '') || DEATH_WORDS.has(w[k + 1]?.lower ?? ''))) aux = true;
    // "a man inside the home was not injured", "were never hurt": no status for these people
    if (x === 'not' || x === "n't" || x === 'never') { statuses.clear(); break; }
    // "was told to shoot her dead", "ordered him killed": the status is someone else's
    if (k > from && ((x === 'to' && w[k + 1]?.pos === 'VERB') || OBJECT_PRONOUNS.has(x))) break;
    if (PARTICIPLES.has(x) && !aux) {
      // active voice ("has beheaded a teacher") unless it directly follows the people phrase
      // without an object after it ("a man shot Tuesday", "Teen shot dead")
      // (past a result word: "militants shot dead a pharmacist" is their act too)
      const n = w[k + 1]?.lower === 'dead' ? k + 2 : k + 1;
      const next = w[n];
      // (a day is no object: "five people shot Sunday")
      const objectFollows = !!next && n < end && (next.pos === 'DET' || next.pos === 'PRON' || next.pos === 'NUM' || next.pos === 'PROPN')
        && !CALENDAR_NAMES.has(next.lower);
      // "boy shot, killed": a list of statuses in a headline
      const listed = statuses.size > 0 && (w[k - 1].lower === ',' || w[k - 1].lower === 'and');
      const direct = w.slice(from, k).every(x => x.pos === 'ADV');
      // an object after the verb makes it the people phrase's act: "a man shot and killed his wife"
      if (objectFollows || (!listed && !direct)) {
        if (statuses.size && objectFollows) statuses.clear();
        if (k !== from) break;
        continue;
      }
    }
    // "two were shot, one fatally": the adverb is about the one, read separately
    if (DEATH_ADVERBS.has(x) && k > from && parseNumberWord(w[k - 1].lower) !== null) continue;
    // "was shot at" (and missed): shots fired at someone, nobody hit
    if (x === 'shot' && w[k + 1]?.lower === 'at' && (k + 2 >= end || w[k + 2].pos === 'PUNCT' || SHOT_AT_FOLLOWERS.has(w[k + 2].lower))) continue;
    // "wound up" is no wound; "treated as a homicide" no treatment
    if (x === 'wound' && w[k + 1]?.lower === 'up') continue;
    if (x === 'treated' && w[k + 1]?.lower === 'as') continue;
    if (DEATH_WORDS.has(x) || DEATH_ADVERBS.has(x)) statuses.add('killed');
    // "found five people with gunshot wounds": hit, whether or not they lived
    else if ((x === 'wounds' || x === 'wound') && WOUND_KINDS.has(w[k - 1]?.lower ?? '')) statuses.add('hit');
    // "inflicting fatal injuries", "died of mortal wounds"
    else if (INJURY_WORDS.has(x) && FATAL_ADJECTIVES.has(w[k - 1]?.lower ?? '')) statuses.add('killed');
    else if (INJURY_WORDS.has(x) || INJURY_CONDITION.has(x)) statuses.add('injured');
    else if (HIT_WORDS.has(x)) statuses.add('hit');
    for (const p of DEATH_PHRASES) if (p.every((pw, d) => w[k + d]?.lower === pw)) statuses.add('killed');
    // a new people phrase with a number starts another statement
    if (k > from + 1 && w[k].pos === 'NUM' && PERSON_NOUNS.has(w[k + 1]?.lower ?? '')) break;
  }
  return { statuses, stop: k };
}

function spanOf(text: string, w: Word[], a: number, b: number): Span {
  const start = w[a].start, end = w[Math.max(a, b - 1)].end;
  return { start, end, text: text.slice(start, end) };
}

/**
 * Every word one of the rules below starts from (a verb, status word, condition, head or
 * multiple such as "double"): a sentence with none of them states no casualty, and is skipped.
 * Keep in step with sentenceStatements, peopleAt and statusAfter.
 */
const CASUALTY_WORDS = new Set([
  'no', 'nobody', 'wound', 'toll', ...FATAL_ADJECTIVES, ...MULTIPLE_WORDS.keys(), 'murder-suicide', 'murder-suicides', ...KILL_VERBS, ...HIT_WORDS, 'shoots',
  ...OWN_LIFE_VERBS, ...TURN_VERBS, 'self-inflicted', ...DEATH_NOUNS, ...INJURE_VERBS, 'shooting', 'sent', 'sending',
  'dead', 'bodies', 'fatalities', 'wounded', 'injured', 'hurt', 'casualties', 'slain', 'killed',
  ...DEATH_WORDS, ...DEATH_ADVERBS, ...INJURY_WORDS, ...INJURY_CONDITION, ...DEATH_PHRASES.map(p => p[0]),
]);

function mentionsCasualty(w: Word[], a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (CASUALTY_WORDS.has(w[i].lower)) return true;
  return false;
}

/**
 * Is the sentence a tally over many incidents ("a feud that has claimed two lives over the past
 * two years", "In October alone, their attacks claimed 200 lives", "3,290 people have been hurt in
 * those shootings")? Its counts are not those of the incident told.
 */
function isTally(w: Word[], a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    for (const p of TALLY_PHRASES) if (p.every((pw, d) => w[i + d]?.lower === pw && i + d < b)) return true;
    const x = w[i].lower;
    // "in October alone", "last year alone"
    if (x === 'alone' && i > a && (PERIOD_WORDS.has(w[i - 1].lower) || CALENDAR_NAMES.has(w[i - 1].lower))) return true;
    // "since 2010", "since January"
    if (x === 'since' && i + 1 < b && (MONTH_WORDS.has(w[i + 1].lower) || /^(19|20)\d\d$/.test(w[i + 1].lower))) return true;
    // "since the party was founded in 1985, 900 of its members have been murdered" (not "the
    // deadliest since at least 2014")
    if (x === 'since' && w.slice(i + 1, Math.min(b, i + 8)).some(y => /^(19|20)\d\d$/.test(y.lower)) && hasPerfect(w, a, b)) return true;
  }
  // "126 people had been murdered in the city this year": a period and the perfect
  return hasPhrase(w, a, b, TALLY_PERIODS) && hasPerfect(w, a, b);
}

/** Does one of the phrases occur in words [a, b)? */
function hasPhrase(w: Word[], a: number, b: number, phrases: readonly string[][]): boolean {
  for (let i = a; i < b; i++) for (const p of phrases) if (i + p.length <= b && p.every((pw, d) => w[i + d].lower === pw)) return true;
  return false;
}

/** A verb in the perfect: "have been shot", "had died", "has killed". */
function hasPerfect(w: Word[], a: number, b: number): boolean {
  for (let i = a; i + 1 < b; i++) {
    if (!PERFECT_AUX.has(w[i].lower)) continue;
    const next = w[i + 1].lower === 'been' || w[i + 1].pos === 'ADV' ? w[i + 2] : w[i + 1];
    if (next && (w[i + 1].lower === 'been' || PARTICIPLES.has(next.lower) || DEATH_WORDS.has(next.lower) || next.pos === 'VERB')) return true;
  }
  return false;
}

/**
 * The figure of a death toll after "toll" (from word k): "rose to 3", "has climbed to 12", "stood
 * at 40", "of at least 20" (the figure follows a linking word within eight words).
 */
function tollFigureAt(w: Word[], k: number, end: number): { count: Quantity; end: number } | null {
  for (let m = k; m < end && m < k + 8; m++) {
    if (STOP_SCAN.has(w[m].lower)) return null;
    if (!TOLL_LINKS.has(w[m].lower) || !canStartQuantity(w[m + 1]?.lower ?? '')) continue;
    const lowers = w.slice(m + 1, Math.min(end, m + 6)).map(y => y.lower);
    for (let n = lowers.length; n > 0; n--) {
      const q = parseQuantityIn(lowers, 0, n);
      if (q && !(n === 1 && (lowers[0] === 'a' || lowers[0] === 'an'))) return { count: q, end: m + 1 + n };
    }
  }
  return null;
}

/**
 * The words naming whoever harmed himself with the verb at word s: the nearest people noun
 * before it (with an age before it) that no statement before counts ("Boy accidentally shoots,
 * kills himself": "boy"; "Two people were killed before the gunman killed himself": "gunman";
 * "A man killed his wife before killing himself": "man").
 */
function selfSubject(w: Word[], a: number, s: number, before: readonly CasualtyStatement[]): string[] {
  for (let k = s - 1; k >= a; k--) {
    const x = w[k].lower;
    if (!(PERSON_NOUNS.has(x) || AGE_NOUN.test(x)) || STATUS_HEADS.has(x) || REFLEXIVES.has(x)) continue;
    if (before.some(st => st.people && st.people.start <= w[k].start && w[k].end <= st.people.end)) continue;
    const words = [x];
    if (AGE_NOUN.test(w[k - 1]?.lower ?? '')) words.push(w[k - 1].lower);
    return words;
  }
  return [];
}

/** Is the offset `at` inside a quotation opened after `from` (an odd number of quote marks between)? */
function insideQuote(text: string, from: number, at: number): boolean {
  let open = false;
  for (let k = from; k < at; k++) {
    const c = text[k];
    if (c === '“') open = true;
    else if (c === '”') open = false;
    else if (c === '"') open = !open;
  }
  return open;
}

/**
 * A status put before the names of the people it befell: "Killed were Marcus Hill, 34, and Devon
 * Carter, 22", "The wounded were identified as ...". Word i is the status word.
 */
function invertedStatusAt(w: Word[], i: number, a: number, b: number): { status: Status; names: number; end: number } | null {
  if (i !== a) return null;
  const at = w[i].lower === 'the' ? i + 1 : i;
  const x = w[at]?.lower ?? '';
  const status: Status | null = DEATH_WORDS.has(x) ? 'killed' : INJURY_WORDS.has(x) ? 'injured' : null;
  if (!status) return null;
  let k = at + 1;
  if (w[k]?.lower !== 'were' && w[k]?.lower !== 'are') return null;
  k++;
  if (w[k]?.lower === 'identified' && w[k + 1]?.lower === 'as') k += 2;
  const list = nameList(w, k, b);
  return list.names > 1 ? { status, names: list.names, end: list.end } : null;
}

/** Casualty statements of one sentence (words w[a..b)). */
export function sentenceStatements(text: string, w: Word[], a: number, b: number): CasualtyStatement[] {
  const out: CasualtyStatement[] = [];
  if (!mentionsCasualty(w, a, b)) return out;
  // a tally over many incidents counts none of this one's people; but "no casualties were
  // reported in these incidents" still says nobody was hurt
  const tally = isTally(w, a, b);
  // "Police originally said eight people were wounded": a figure since corrected
  const superseded = hasPhrase(w, a, b, SUPERSEDED_PHRASES);
  let np: PeoplePhrase | null = null;
  const add = (status: Status, count: Quantity, ordinal: boolean, perpetrator: boolean, s: number, e: number, self = false) => {
    let rank = 0;
    // "a fourth person was wounded": one person with this status, and at least four hit in all
    // ("A Toledo boy is the third juvenile killed ...": a place in a tally of other incidents)
    if (ordinal && np && COPULAS.has(w[np.start - 1]?.lower ?? '')) { count = exact(1); ordinal = false; }
    if (ordinal && status !== 'hit') {
      if (status === 'killed') rank = count.best;
      add('hit', count, true, perpetrator, s, e); count = exact(1); ordinal = false;
    }
    // "another" after people of another status in the same sentence ("three were killed and
    // another injured") is another person, not more of the same status
    const otherBefore = !!np && out.some(o => o.status !== status && o.status !== 'hit' && o.span.start < w[np!.start].start);
    const additive = !!np && ((w[np.start].lower === 'another' && !otherBefore) || w.slice(np.end, Math.min(b, np.end + 4)).some(x => x.lower === 'also'));
    const definite = !!np && !np.possessed && count.exact && count.best === 1 && !ordinal && (w[np.start].lower === 'the' || np.head === 'name' || np.head === 'pronoun');
    const partitive = !!np && np.head === 'them';
    const plural = !!np?.plural;
    const subject = self && w[s].lower !== 'self-inflicted' ? selfSubject(w, a, s, out) : undefined;
    const headline = w[a].sentence === 0 && !SENTENCE_ENDS.has(w[b - 1].lower);
    const quoted = insideQuote(text, w[a].start, w[s].start);
    out.push({ status, count, ordinal, perpetrator, additive, definite, partitive, plural, ...(self ? { self } : {}), ...(subject?.length ? { subject } : {}), ...(headline ? { headline } : {}), ...(rank ? { rank } : {}), ...(quoted || superseded ? { quoted: true } : {}), span: spanOf(text, w, s, e), sentence: w[a].sentence, people: np && np.head !== 'them' && np.head !== 'both' ? spanOf(text, w, np.start, np.end) : null });
  };
  for (let i = a; i < b; i++) {
    const x = w[i].lower;
    np = null;
    // "no one was hurt", "nobody was killed", "no injuries were reported"
    if ((x === 'no' && (w[i + 1]?.lower === 'one' || w[i + 1]?.lower === 'injuries' || w[i + 1]?.lower === 'casualties' || w[i + 1]?.lower === 'other')) || x === 'nobody') {
      const { statuses, stop } = statusAfter(w, i + 1, b);
      const noun = w[i + 1]?.lower;
      if (noun === 'injuries') add('injured', exact(0), false, false, i, i + 2);
      else if (noun === 'casualties') { add('injured', exact(0), false, false, i, i + 2); add('killed', exact(0), false, false, i, i + 2); }
      else for (const st of statuses) add(st === 'hit' ? 'hit' : st, exact(0), false, false, i, stop);
      if (noun === 'one' || noun === 'other') i++; // "one" is not a count here
      continue;
    }
    // "Killed were Marcus Hill, 34, and Devon Carter, 22"; "The dead were identified as ...":
    // the names count the people of the status before them
    const inverted = invertedStatusAt(w, i, a, b);
    if (inverted) { np = null; add(inverted.status, exact(inverted.names), false, false, i, inverted.end); i = inverted.end - 1; continue; }
    // "the death toll rose to 3", "put the death toll at 40": the dead (a later figure is higher,
    // and the largest figure of the story wins)
    if (x === 'toll' && i > a && DEATH_TOLL_WORDS.has(w[i - 1].lower)) {
      const at = tollFigureAt(w, i + 1, b);
      if (at) { np = null; add('killed', at.count, false, false, i - 1, at.end); i = at.end - 1; continue; }
    }
    // "a double murder", "triple homicide", "murder-suicide": the count is in the word
    if (MULTIPLE_WORDS.has(x) && w[i + 1] && MULTIPLE_NOUNS.has(w[i + 1].lower)) {
      const n = MULTIPLE_WORDS.get(x)!;
      add(w[i + 1].lower === 'shooting' ? 'hit' : 'killed', exact(n), false, false, i, i + 2);
      i++; continue;
    }
    if (x === 'murder-suicide' || x === 'murder-suicides') { add('killed', exact(2), false, false, i, i + 1); continue; }
    // "the gunman killed himself", "turned the gun on himself", "took his own life"
    if ((KILL_VERBS.has(x) || HIT_WORDS.has(x) || x === 'shoots') && (w[i + 1]?.lower === 'himself' || w[i + 1]?.lower === 'herself')) {
      // "killed himself" is a death; "shot himself (in the hand)" is a wound unless the clause says more
      const before = w.slice(Math.max(a, i - 3), i).map(y => y.lower);
      const fatal = KILL_VERBS.has(x) || before.some(y => DEATH_ADVERBS.has(y)) || statusAfter(w, i + 2, b).statuses.has('killed');
      add(fatal ? 'killed' : 'injured', exact(1), false, true, i, i + 2, true); i++; continue;
    }
    // "took his own life", "Student Takes Own Life"
    if (OWN_LIFE_VERBS.has(x)) {
      const k = POSSESSIVES.has(w[i + 1]?.lower ?? '') ? i + 2 : i + 1;
      if (w[k]?.lower === 'own' && w[k + 1]?.lower === 'life') { add('killed', exact(1), false, true, i, k + 2, true); i = k + 1; continue; }
    }
    // "turned the gun on himself", "turning a shotgun on herself": the attacker's own death
    if (TURN_VERBS.has(x)) {
      let k = i + 1;
      while (k < b && k < i + 4 && (w[k].pos === 'DET' || POSSESSIVES.has(w[k].lower) || w[k].pos === 'NOUN' || w[k].pos === 'ADJ')) k++;
      if (k > i + 1 && w[k]?.lower === 'on' && (w[k + 1]?.lower === 'himself' || w[k + 1]?.lower === 'herself')) {
        add('killed', exact(1), false, true, i, k + 2, true); i = k + 1; continue;
      }
    }
    // "died of a self-inflicted gunshot wound" is a death; "a self-inflicted gunshot wound to the hand" a wound
    if (x === 'self-inflicted' && w[i + 1]?.lower === 'gunshot') {
      const fatal = w.slice(a, b).some(y => DEATH_WORDS.has(y.lower) || y.lower === 'fatal' || y.lower === 'death');
      add(fatal ? 'killed' : 'injured', exact(1), false, true, i, i + 2, true); continue;
    }
    // "killing two people", "wounding three others", "left one dead"
    if (DEATH_NOUNS.has(x) && w[i + 1]?.lower === 'of') {
      np = peopleAt(w, i + 2, b);
      // ("the killing of unarmed men", "deaths of children": a kind of death, not a count)
      if (np && !PERPETRATOR_NOUNS.has(np.head) && !(np.plural && !POSSESSIVES.has(w[np.start].lower))) { add('killed', np.count, np.ordinal, false, i, np.end); i = np.end - 1; continue; }
    }
    if ((KILL_VERBS.has(x) || INJURE_VERBS.has(x) || HIT_WORDS.has(x) || x === 'shooting' || x === 'sent' || x === 'sending') && !verbIsNoFact(w, i, a)) {
      // "fatally shot three people", "accidentally fatally shot his son"
      const before = adverbsBefore(w, i, a);
      let j = i + 1, deadly = before.some(y => DEATH_ADVERBS.has(y));
      while (j < b && j < i + 4 && VERB_RESULT_WORDS.has(w[j].lower)) { if (w[j].lower !== 'and' && w[j].lower !== 'to') deadly = true; j++; }
      // "a man killed and a woman wounded": the conjunction starts another people phrase
      if (j > i + 1 && (w[j - 1].lower === 'and' || w[j - 1].lower === 'to')) j = b;
      // "claimed the lives of two people"
      if (CLAIM_VERBS.has(x) && w[j]?.lower === 'the' && LIFE_WORDS.has(w[j + 1]?.lower ?? '') && w[j + 2]?.lower === 'of') {
        np = peopleAt(w, j + 3, b);
        if (np) { add('killed', np.count, np.ordinal, false, i, np.end); i = np.end - 1; continue; }
      }
      np = peopleAt(w, j, b) ?? bareCountAt(w, j, b);
      // ("shooting the child's mother": the mother)
      if (np && POSSESSIVE_MARKS.has(w[np.end]?.lower ?? '') && !LIFE_WORDS.has(w[np.end + 1]?.lower ?? '')) np = possessedPeople(w, np, b);
      if (np && np.head !== 'the') {
        if (x === 'sent' || x === 'sending') {
          if (w.slice(np.end, Math.min(b, np.end + 4)).some(y => /^hospitals?$/.test(y.lower))) add('injured', np.count, np.ordinal, false, i, np.end);
        } else if (x === 'left' || x === 'leaves' || x === 'leaving' || CLAIM_VERBS.has(x)) {
          const after = w[np.end]?.lower ?? '';
          // "claimed two lives", "claims one man's life"
          const lives = np.head === 'lives' || (POSSESSIVE_MARKS.has(after) && LIFE_WORDS.has(w[np.end + 1]?.lower ?? ''));
          if (lives && CLAIM_VERBS.has(x)) add('killed', np.count, np.ordinal, false, i, lives && np.head !== 'lives' ? np.end + 2 : np.end);
          else if (np.head === 'dead' || DEATH_WORDS.has(after)) add('killed', np.count, np.ordinal, PERPETRATOR_NOUNS.has(np.head), i, np.end + (DEATH_WORDS.has(after) ? 1 : 0));
          else if (INJURY_WORDS.has(np.head) || INJURY_WORDS.has(after)) add('injured', np.count, np.ordinal, false, i, np.end + 1);
        } else {
          const prev = w[i - 1 - before.length]?.lower ?? '';
          const passive = prev === 'was' || prev === 'were' || prev === 'been' || prev === 'be';
          if (!passive) {
            const st: Status = KILL_VERBS.has(x) || deadly ? 'killed' : INJURE_VERBS.has(x) ? 'injured' : 'hit';
            // a list of objects: "killed his wife, 4 kids and then himself", "killing an officer and 3 others"
            let count = np.count, endAt = np.end, self = false, plural = !!np.plural;
            for (let guard = 0; guard < 4; guard++) {
              let m = endAt;
              while (m < b && (w[m].lower === ',' || w[m].lower === 'and' || w[m].lower === 'then')) m++;
              if (m === endAt || m >= b) break;
              if (REFLEXIVES.has(w[m].lower)) { self = true; endAt = m + 1; break; }
              const more = peopleAt(w, m, b);
              if (!more || PERPETRATOR_NOUNS.has(more.head)) break;
              count = addQuantities(count, more.count);
              plural ||= !!more.plural;
              endAt = more.end;
            }
            const after = objectStatus(w, endAt, b, count.min > 1);
            // ("killing a little girl and shooting her mother": the one shot after those killed lived)
            const afterKilling = st === 'hit' && out.some(o => o.status === 'killed' && !o.self && o.people !== null && o.span.end <= w[i].start
              && KILL_VERBS.has(o.span.text.split(/\s/, 1)[0].toLowerCase()) && /^[\s,]*(and|then|,)?\s*(then\s+)?$/i.test(text.slice(o.span.end, w[i].start)));
            const status = after.has('killed') ? 'killed' : st === 'hit' && (after.has('injured') || afterKilling) ? 'injured' : st;
            np = { ...np, plural };
            // "killed three people and then himself": the attacker is one more dead
            add(status, self && status === 'killed' ? addQuantities(count, exact(1)) : count, np.ordinal, PERPETRATOR_NOUNS.has(np.head), i, endAt);
            if (self && status === 'killed') out[out.length - 1].withSelf = true;
            if (st === 'hit' && after.has('killed')) add('hit', count, np.ordinal, PERPETRATOR_NOUNS.has(np.head), i, endAt);
            np = { ...np, end: endAt };
          }
        }
        i = np.end - 1;
        continue;
      }
    }
    // "the son of a deputy died": the phrase after "of" describes the one before it
    if (i > a && w[i - 1].lower === 'of' && (i < 2 || parseNumberWord(w[i - 2].lower) === null)) continue;
    np = peopleAt(w, i, b);
    if (!np) continue;
    // "the victim's mother": the people are the ones after the possessive; "the Sheriff's
    // Office" names no people
    if (POSSESSIVE_MARKS.has(w[np.end]?.lower ?? '')) {
      np = possessedPeople(w, np, b);
      if (!np) continue;
    }
    // a plural with no number as a subject ("Children were wounded") only with its verb right
    // after it: "Neighbors mourn a boy dead ..." says nothing of the neighbours
    // (and in the past: "because its reporters are killed" is no report of a death)
    if (np.plural && !np.hint && (!statusVerbAt(w, np.end, b) || PRESENT_AUX.has(w[np.end]?.lower ?? ''))) continue;
    const perpetrator = PERPETRATOR_NOUNS.has(np.head);
    // the head itself can be the status: "3 dead", "two wounded"
    if (np.head === 'dead' || np.head === 'bodies' || np.head === 'fatalities') { add('killed', np.count, np.ordinal, false, np.start, np.end); i = np.end - 1; continue; }
    if (np.head === 'wounded' || np.head === 'injured' || np.head === 'hurt') { add('injured', np.count, np.ordinal, false, np.start, np.end); i = np.end - 1; continue; }
    if (np.head === 'casualties') { add('hit', np.count, np.ordinal, false, np.start, np.end); i = np.end - 1; continue; }
    const several = np.count.min > 1 && (isPluralNoun(np.head) || np.head === 'both' || np.head === 'them' || (np.head === '' && w[np.start].lower !== 'a' && w[np.start].lower !== 'an'));
    // "One of the five people shot Sunday has died": the words right after the group say what
    // happened to all five ("shot Sunday"), the verb after them what happened to the one (the
    // five hospitalized of whom one died were all hit)
    const relative = !np.group ? -1 : reducedRelativeAt(w, np.end) ? finiteVerbAfter(w, np.end, b)
      : RELATIVE_PRONOUNS.has(w[np.end]?.lower ?? '') ? relativeClauseEnd(w, np.end, b) : -1;
    const { statuses, stop } = statusAfter(w, relative < 0 ? np.end : relative, b, several);
    if (relative >= 0) {
      const part = np, g = np.group!;
      np = { start: g.start, end: g.end, count: exact(g.size), ordinal: false, head: '' };
      for (const st of statusAfter(w, part.end, relative, true).statuses) {
        add(st === 'injured' && statuses.has('killed') ? 'hit' : st, np.count, false, false, np.start, relative);
      }
      np = part;
    }
    if (np.hint && !statuses.size) statuses.add(np.hint);
    if (statuses.has('killed')) add('killed', np.count, np.ordinal, perpetrator, np.start, stop);
    if (statuses.has('hit') || statuses.has('killed') && statuses.has('injured')) add('hit', np.count, np.ordinal, perpetrator, np.start, stop);
    if (statuses.has('injured') && !statuses.has('killed')) add('injured', np.count, np.ordinal, perpetrator, np.start, stop);
    // "two people were shot, one fatally"
    if (statuses.size) {
      for (let k = np.end; k < stop + 3 && k + 1 < b; k++) {
        const n = parseNumberWord(w[k].lower);
        if (n !== null && (w[k + 1].lower === 'fatally' || w[k + 1].lower === 'mortally' || (w[k + 1].lower === 'of' && w[k + 3]?.lower === 'fatally'))) {
          add('killed', exact(n), false, false, k, k + 2);
        }
      }
    }
    if (np.end - 1 > i) i = np.end - 1;
  }
  return tally ? out.filter(st => st.count.best === 0) : out;
}

/**
 * An injury statement that, once someone is known to have died, is most likely about that same
 * person: "A boy died Sunday. The teen was airlifted to a hospital ...", "Devon shot himself"
 * (in a story of his death). A second person is introduced as such ("a woman", "another man",
 * "a second victim"), not with "the" or by name alone.
 */
export function refersToTheDead(st: CasualtyStatement, victimDied = true): boolean {
  if (st.status !== 'injured' || st.additive || st.ordinal) return false;
  // "one suspect dead ... the officer was in good spirits at the hospital": a victim, not the dead suspect
  if (st.definite) return victimDied;
  return !!st.self;
}

/** Do two people phrases name one person the same way ("a Marion County toddler", "the toddler"; "3 year old", "three year old")? */
function sameHead(a: string, b: string): boolean {
  const head = (x: string) => {
    const words = x.toLowerCase().replace(/[,.]/g, ' ').split(/\s+/).filter(Boolean);
    const age = words.find(y => AGE_NOUN.test(y));
    return { last: words[words.length - 1], age };
  };
  const x = head(a), y = head(b);
  // ("a man ... a man" may well be two: the plainest nouns say too little)
  return (x.last === y.last && !PLAIN_PEOPLE_NOUNS.has(x.last)) || (!!x.age && x.age === y.age);
}

/** Does the people phrase name the person by one of the words ("a 12-year-old boy" and "boy")? */
function namesOneOf(people: string, words: readonly string[]): boolean {
  const own = people.toLowerCase().split(/[\s,]+/);
  return words.some(x => own.includes(x));
}

/** A statement about the attacker's own death ("killed himself", "took his own life"). */
function isSelf(st: CasualtyStatement): boolean {
  return st.status === 'killed' && !!st.self;
}

/**
 * Combine the statements of an incident's sentences into killed / injured ranges. Within a
 * sentence, statements about different people add up ("a girl was hurt, two men also
 * wounded" → 3); across sentences the largest figure wins (reports repeat the same victims).
 */
export function combineStatements(statements: CasualtyStatement[], text?: string): CasualtyCounts {
  /** a count being totted up (an open upper bound stays open through sums) */
  type Total = Omit<Quantity, 'exact'>;
  const plus = (a: Total | null, b: Total): Total => {
    const t: Total = { min: (a?.min ?? 0) + b.min, max: addUpper(a ? a.max : 0, b.max), best: (a?.best ?? 0) + b.best };
    if (a?.approximate || b.approximate) t.approximate = true;
    return t;
  };
  const copy = ({ min, max, best, approximate }: Total): Total => (approximate ? { min, max, best, approximate } : { min, max, best });
  // once someone died, "the victim was taken to a hospital" is about them, not one more hurt
  if (statements.some(st => st.status === 'killed' && st.count.best > 0)) {
    const victimDied = statements.some(st => st.status === 'killed' && st.count.best > 0 && !st.perpetrator);
    statements = statements.filter(st => !refersToTheDead(st, victimDied));
    // "Toddler injured in shooting has died ... a toddler who was critically injured": in a story
    // of one death, someone hurt who is named as the dead one is is the same person
    const deaths = statements.filter(st => st.status === 'killed' && !st.self && st.count.best > 0);
    if (deaths.every(st => st.count.best === 1)) {
      statements = statements.filter(st => !(st.status === 'injured' && st.count.best === 1 && st.people && !st.additive && !st.ordinal
        && deaths.some(k => k.sentence !== st.sentence && !!k.people && sameHead(k.people.text, st.people!.text))));
    }
  }
  // "a fifth person died" in a story of deaths: the four before died too (at least five dead);
  // in a story of people hurt ("two were hurt and a third died") one of those hit died
  if (statements.some(st => st.status === 'killed' && !st.rank && !st.self && st.count.best > 0)) {
    // (but "two were hurt and a third person died" counts on from the hurt: one more person)
    const afterOthers = (st: CasualtyStatement) => statements.some(o => o.sentence === st.sentence && o.span.start < st.span.start
      && o.status !== 'killed' && !o.ordinal && o.count.best > 0);
    const ranked = new Set(statements.filter(st => st.rank && !afterOthers(st)).map(st => st.span.start));
    statements = statements.flatMap(st => st.rank && st.status === 'killed' && ranked.has(st.span.start) ? [{ ...st, count: exact(st.rank), ordinal: true }]
      : st.status === 'hit' && st.ordinal && ranked.has(st.span.start) ? [] : [st]);
  }
  // a count said only by a plural ("wounded children") yields to a figure stated for the same
  // status, and so does a witness's figure in a quotation to the report's own
  const stated = new Set(statements.filter(st => !st.plural).map(st => st.status));
  statements = statements.filter(st => !st.plural || !stated.has(st.status));
  // (people hurt yield to people hit and the other way round: both count the wounded)
  const told = new Set(statements.filter(st => !st.quoted).flatMap(st => (st.status === 'killed' ? ['killed'] : ['injured', 'hit'])));
  statements = statements.filter(st => !st.quoted || !told.has(st.status));
  const best: Record<Status, Total | null> = { killed: null, injured: null, hit: null };
  /** the sentence each best total was read from */
  const bestFrom: Record<Status, number | null> = { killed: null, injured: null, hit: null };
  /** whether each best total was read from the headline */
  const bestFromHeadline: Record<Status, boolean> = { killed: false, injured: false, hit: false };
  const bySentence = new Map<number, CasualtyStatement[]>();
  for (const st of statements) {
    const l = bySentence.get(st.sentence) ?? [];
    l.push(st);
    bySentence.set(st.sentence, l);
  }
  for (const list of bySentence.values()) {
    for (const status of ['killed', 'injured', 'hit'] as Status[]) {
      const seen = new Set<string>();
      let total = null as Total | null;
      let lastEnd = -1;
      for (const st of list) {
        if (st.status !== status || st.additive || isSelf(st)) continue;
        const key = st.people ? `${st.people.start}` : `${st.span.start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        // only statements joined in a list ("a girl hurt, two men wounded") add up; others restate
        const joined = text === undefined ? st.span.start - lastEnd <= 40
          : LIST_JOIN.test(text.slice(lastEnd, (st.people ?? st.span).start))
            // ("were slain by a home invader, who was fatally shot": the attacker is one more)
            || (st.perpetrator && /^\s*by\s+$/i.test(text.slice(lastEnd, (st.people ?? st.span).start)));
        if (total && (!joined || st.span.start < lastEnd)) {
          if (total.best >= st.count.best) continue;
          total = null;
        }
        lastEnd = st.span.end;
        // an ordinal ("a third victim") already counts the ones before it
        if (st.ordinal) total = { min: Math.max(total?.min ?? 0, st.count.min), max: higherUpper(total ? total.max : 0, st.count.max), best: Math.max(total?.best ?? 0, st.count.best) };
        else total = plus(total, st.count);
      }
      if (total && (!best[status] || total.best > best[status]!.best)) {
        best[status] = total; bestFrom[status] = list[0].sentence; bestFromHeadline[status] = !!list[0].headline;
      }
    }
  }
  // "another man was shot", "a toddler was also struck": people on top of those already counted
  /** the attacker's own death counted in best.killed (once, however often the story tells it) */
  let selfDead = statements.some(st => st.withSelf) ? 1 : 0;
  for (const st of statements) {
    if (isSelf(st)) {
      if (selfDead) continue;
      // "a boy who fatally shot himself": the same person as the phrase just before it;
      // otherwise ("killed his wife before killing himself") one more person
      // ("Boy shoots, kills himself ... an accidental shooting left a 12-year-old boy dead":
      // the dead boy is the one who shot himself)
      // (unless it names someone else: "Four shot to death, then gunman kills himself")
      const same = statements.some(o => o !== st && o.status === st.status && o.span.start < st.span.start && o.span.end >= st.span.start - 1
        && !(st.subject && o.people && !namesOneOf(o.people.text, st.subject)))
        || (!!st.subject && statements.some(o => o.status === 'killed' && !isSelf(o) && !o.withSelf && !!o.people && namesOneOf(o.people.text, st.subject!)));
      const others = statements.some(o => o !== st && o.status === 'killed' && !isSelf(o));
      if (same || !others) {
        if (!best.killed) { best.killed = copy(st.count); selfDead = 1; }
        continue;
      }
      // a story that counts the people hit often counts the attacker among them: no death added
      // (unless all of those hit are already counted dead: "a woman was shot dead")
      if (best.hit && best.hit.best > (best.killed?.best ?? 0)) continue;
      best.killed = best.killed ? plus(best.killed, { min: 1, max: 1, best: 1 }) : copy(st.count);
      selfDead = 1;
      continue;
    } else if (!st.additive || st.ordinal) continue;
    // "Teen surrenders after another teen was injured": with nobody counted before it, "another"
    // sets the people apart from someone who is no casualty; the statement is a count like others
    const earlier = statements.some(o => o !== st && !o.additive && o.count.best > 0
      && (o.sentence < st.sentence || (o.sentence === st.sentence && o.span.start < st.span.start)));
    if (!earlier) {
      const first = best[st.status];
      if (!first || first.best < st.count.best) best[st.status] = copy(st.count);
      continue;
    }
    const cur = best[st.status];
    // "4 shot, 2 fatally" as the headline, then "Three other men were also shot": the headline's
    // total already takes in the others the story adds one by one
    if (cur && bestFromHeadline[st.status] && st.sentence > 0 && cur.best > st.count.best) continue;
    best[st.status] = cur ? plus(cur, st.count) : copy(st.count);
    if (st.status !== 'hit' && best.hit && !statements.some(x => x.additive && x.status === 'hit' && x.people?.start === st.people?.start)) {
      best.hit = plus(best.hit, st.count);
    }
  }
  // "Four victims were rushed to a hospital. One of the victims later died.": the dead are
  // among the people counted as hurt in another sentence
  if (best.injured && bestFrom.injured !== null) {
    const among = statements.filter(st => st.status === 'killed' && st.partitive && st.sentence !== bestFrom.injured
      && !statements.some(o => o.sentence === bestFrom.injured && o.status === 'killed'));
    const n = among.reduce((m, st) => Math.max(m, st.count.best), 0);
    if (n > 0 && n < best.injured.best) best.injured = { ...best.injured, min: Math.max(0, best.injured.min - n), max: best.injured.max === null ? null : Math.max(0, best.injured.max - n), best: best.injured.best - n };
  }
  const k = best.killed, inj = best.injured, hit = best.hit;
  const range = (t: Total, approximate = t.approximate): CountRange => (approximate ? { min: t.min, max: t.max, approximate } : { min: t.min, max: t.max });
  const killed = k ? range(k) : null;
  let injured = inj ? range(inj) : null;
  if (hit) {
    // (the attacker who killed himself is not one of the people he shot)
    const deadBest = k ? k.best - selfDead : 0, deadMin = k ? k.min - selfDead : 0;
    const rest = hit.best - deadBest;
    // the people hit less the dead: an open number hit leaves an open number hurt
    if (rest > 0 && (!injured || rest > injured.min)) {
      injured = range({ min: Math.max(0, hit.min - deadBest), max: hit.max === null ? null : Math.max(rest, hit.max - deadMin), best: rest }, hit.approximate ?? k?.approximate);
    }
  }
  if (injured && injured.max !== null && injured.max < injured.min) injured.max = injured.min;
  return { killed, injured, statements };
}

/** How many sentences at the top of an incident's story count as its lede. */
const LEDE_SENTENCES = 4;
/** How many sentences at the top may carry a bare death cue ("a fatal shooting"). */
const DEATH_CUE_SENTENCES = 2;

/**
 * Does one of the first `count` of the sentences hold a word of `cues`, outside the words of a
 * statement of a death ("a wounded man died" says no one is hurt)?
 */
function hasCueWord(w: Word[], ranges: Array<[number, number]>, sentences: number[], count: number, cues: ReadonlySet<string>,
  deaths: readonly CasualtyStatement[]): boolean {
  for (let k = 0; k < sentences.length && k < count; k++) {
    const [a, b] = ranges[sentences[k]];
    for (let i = a; i < b; i++) {
      if (!cues.has(w[i].lower) || deaths.some(st => st.span.start <= w[i].start && w[i].end <= st.span.end)) continue;
      // ("a plot to murder him", "they will be executed": no death yet)
      if (i > a && ((IRREALIS_BEFORE.has(w[i - 1].lower) && w[i].lower !== 'death') || (i > a + 1 && w[i - 1].lower === 'be' && MODALS.has(w[i - 2].lower)))) continue;
      return true;
    }
  }
  return false;
}

/**
 * Killed and injured of one incident told in the given sentences (indices into `ranges`, the
 * incident's own, in order), with the statements they were read from.
 *
 * Counts come from the top of the story (headline and lede) when it states them: later
 * paragraphs of news reports go over other, earlier incidents for background. The wounded are
 * often told further down; a story that states no count but says "a fatal shooting" or "taken to
 * a hospital" has at least one dead or hurt.
 */
export function incidentCounts(text: string, w: Word[], ranges: Array<[number, number]>, sentences: number[]): CasualtyCounts {
  const statements: CasualtyStatement[] = [];
  for (const si of sentences) {
    const [a, b] = ranges[si];
    statements.push(...sentenceStatements(text, w, a, b));
  }
  const lede = new Set(sentences.slice(0, LEDE_SENTENCES));
  const ledeStatements = statements.filter(st => lede.has(st.sentence));
  const counts = combineStatements(ledeStatements.length ? ledeStatements : statements, text);
  // The wounded are often told further down ("Three others were wounded"): when the lede gives
  // deaths but no one hurt, the rest of the story may say who was.
  // (an ordinal "the fifth person killed" says a death, though it also counts five hit)
  const saysDeath = (st: CasualtyStatement) => st.status === 'killed'
    || (st.status === 'hit' && st.ordinal && ledeStatements.some(k => k.status === 'killed' && k.span.start === st.span.start));
  if (ledeStatements.length && ledeStatements.every(saysDeath)) {
    const victimDied = statements.some(x => x.status === 'killed' && x.count.best > 0 && !x.perpetrator);
    const later = combineStatements(statements.filter(st => st.status === 'injured' && !st.perpetrator && !(counts.killed && refersToTheDead(st, victimDied))), text);
    if (later.injured && !counts.injured) counts.injured = later.injured;
    // "the five victims were shot" further down, two of whom the lede said died: three hurt
    if (!counts.injured && counts.killed) {
      // (a "hit" said with a death, "both died from gunshot wounds", counts the dead only)
      const hit = statements.filter(st => st.status === 'hit' && !st.perpetrator && !st.ordinal && st.count.exact
        && !statements.some(k => k.status === 'killed' && k.span.start === st.span.start)).reduce((n, st) => Math.max(n, st.count.best), 0);
      if (counts.killed.max !== null && hit > counts.killed.max) counts.injured = { min: hit - counts.killed.max, max: hit - counts.killed.min };
    }
  }
  const deaths = statements.filter(st => st.status === 'killed');
  if (!counts.injured && !statements.some(st => st.status !== 'killed')) {
    const cue = hasCueWord(w, ranges, sentences, LEDE_SENTENCES, INJURY_CUES, deaths);
    if (cue) counts.injured = { min: 1, max: 1 };
  }
  if (!counts.killed) {
    const cue = hasCueWord(w, ranges, sentences, DEATH_CUE_SENTENCES, DEATH_CUES, []);
    if (cue) {
      counts.killed = { min: 1, max: 1 };
      // "Man dies after accidentally shooting himself ... he shot himself in the yard": the one
      // who died, not one more hurt (as combineStatements does when a statement says the death)
      const used = ledeStatements.length ? ledeStatements : statements;
      if (counts.injured && used.some(st => refersToTheDead(st))) {
        counts.injured = combineStatements(used.filter(st => !refersToTheDead(st)), text).injured;
      }
      if (counts.injured) {
        // people "shot" include the one who died
        const hit = statements.filter(st => st.status === 'hit').reduce((n, st) => Math.max(n, st.count.best), 0);
        if (hit && counts.injured.min === hit) counts.injured = { min: Math.max(0, hit - 1), max: counts.injured.max === null ? null : Math.max(0, counts.injured.max - 1) };
      }
    }
  }
  return { killed: counts.killed, injured: counts.injured, statements };
}
