/**
 * Date words for reading when something happened (src/nlp/dates.ts): what chrono-node reads
 * as a date but is not one here, what it does not read at all (bare years, holidays), and the
 * words around a date that say it is the report's own date (a dateline, a page stamp).
 */

/** Whole matches chrono returns that are counts, ages, words or abbreviations, not dates. */
export const NOT_A_DATE = /^(\d+|\d+s|\d+-year-old|one|two|three|four|five|six|seven|eight|nine|ten|now|second|sat|sun|mon|last minute|the last minute)$/i;

/** Month names that are also common words ("may", "march"): a month only after one of MONTH_LEADS. */
export const AMBIGUOUS_MONTHS = new Set(['may', 'march']);

/** Words before a bare month name that make it the month: "in May", "early March", "last May". */
export const MONTH_LEADS = new Set(['in', 'during', 'early', 'late', 'mid', 'mid-', 'last', 'this', 'of', 'since', 'until', 'throughout']);

export const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * "in 2019", "during 2018", "in early 2019", "back in late 2017": a year alone (chrono reads
 * none of these). "since 2019" is left out: it opens a period, it does not date an event.
 */
export const YEAR_PHRASE = /\b(?:in|during)\s+(?:(?:early|late|mid-?)\s*)?((?:19|20)\d\d)\b(?![-/]\d)/gi;

/** "early May", "mid-March 2019", "late June": chrono reads none of these; the month is meant. */
export const PART_OF_MONTH = new RegExp(`\\b(?:early|mid|late)[\\s-]+(${MONTH_NAMES.join('|')})(?:,?\\s+((?:19|20)\\d\\d))?\\b`, 'gi');

/**
 * Vague counts in durations ("a few weeks ago", "the past several days") and the number taken
 * for them when a window is built (conservatively wide).
 */
export const VAGUE_COUNTS: Record<string, number> = { a: 1, an: 1, one: 1, couple: 2, 'a couple of': 2, few: 3, 'a few': 3, several: 5 };

/** Words of a page stamp before a date: "Posted: ...", "Updated ...", "(Published ...)", "UPDATE (...)". */
export const STAMP_CUE = /\b(posted|updated|published|last updated|modified|created|update|filed|date)\b\W{0,4}$/i;

/**
 * A date that opens a duration ("for the past week", "for 4 hours") or looks ahead ("in a few
 * hours", "within hours"): not when something happened.
 */
export const DURATION_LEAD = /\b(for|within|in)\s+(the\s+)?$/i;

/**
 * Words that put the date just after them ahead of the report: "will be held Thursday", "is
 * expected to appear Monday", "an autopsy is scheduled for Wednesday". Read in the few words
 * before a date, within its clause.
 */
export const FUTURE_LEAD = /\b(will|won['’]t|shall|['’]ll|expected to|scheduled|set for|set to|due to|plans? to|planned for|is due|are due)\b/i;

/** Present-tense words that put a main clause at the report's own time ("there are new reports"). */
export const PRESENT_TENSE = new Set(['is', 'are', 'has', 'have', 'remains', 'remain', 'continues', 'continue', 'says', 'say', 'comes', 'come']);

export type HolidayRule =
  | { month: number; day: number }
  /** the nth weekday (0 = Sunday) of the month; nth -1 is the last */
  | { month: number; weekday: number; nth: number }
  /** days from Easter Sunday (Western) */
  | { easter: number };

/**
 * Holidays by which news dates events ("a New Year's Eve shooting", "on Easter morning").
 * `names` always name the day; `bare` names also name a season ("Christmas shopping") and count
 * only after "on" or before a part of the day ("Christmas morning"). Country-specific days are
 * those of the United States, whose local news most often dates by them; days whose date
 * differs by country ("Independence Day", "Mother's Day") are left out.
 */
export const HOLIDAYS: Array<{ names: string[]; bare?: string[]; rule: HolidayRule }> = [
  { names: ["new year's day", 'new years day', 'new year day'], bare: ["new year's"], rule: { month: 1, day: 1 } },
  { names: ["new year's eve", 'new years eve', 'new year eve'], rule: { month: 12, day: 31 } },
  { names: ['christmas eve'], rule: { month: 12, day: 24 } },
  { names: ['christmas day'], bare: ['christmas'], rule: { month: 12, day: 25 } },
  { names: ['boxing day'], rule: { month: 12, day: 26 } },
  { names: ['halloween', 'halloween night'], rule: { month: 10, day: 31 } },
  { names: ["valentine's day", 'valentines day'], rule: { month: 2, day: 14 } },
  { names: ['fourth of july', '4th of july'], rule: { month: 7, day: 4 } },
  { names: ['thanksgiving day'], bare: ['thanksgiving'], rule: { month: 11, weekday: 4, nth: 4 } },
  { names: ['memorial day'], rule: { month: 5, weekday: 1, nth: -1 } },
  { names: ['labor day'], rule: { month: 9, weekday: 1, nth: 1 } },
  { names: ['martin luther king day', 'martin luther king jr. day', 'martin luther king jr day', 'mlk day'], rule: { month: 1, weekday: 1, nth: 3 } },
  { names: ['easter sunday'], bare: ['easter'], rule: { easter: 0 } },
  { names: ['good friday'], rule: { easter: -2 } },
  { names: ['easter monday'], rule: { easter: 1 } },
];

/** Parts of the day after a bare holiday name: "Christmas morning", "Easter night". */
export const DAY_PARTS = ['morning', 'afternoon', 'evening', 'night'];
