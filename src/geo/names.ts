/**
 * Name normalisation for gazetteer keys. Both the gazetteer names and the text spans go through
 * the same functions, so "Ar-Raqqah", "ar Raqqah" and "AR RAQQAH" share one key.
 *
 * - `normName`: strict key — diacritics stripped, case folded, hyphens/periods/commas to spaces,
 *   apostrophes dropped, "St."/"Ft."/"Mt." expanded, Arabic tatweel removed.
 * - `looseName`: a second, forgiving key for transliterations — leading Arabic article
 *   ("al-", "Ar ", "ash-", "el-"...) dropped, final "h" after a vowel dropped (Raqqah → Raqqa),
 *   doubled letters collapsed (Raqqa → Raqa), "ou"/"oo" → "u", "ee" → "i". Used only when the
 *   strict key finds nothing.
 */

/** Leading word abbreviations expanded in keys (GeoNames spells most of them out). */
const ABBREV: Record<string, string> = {
  st: 'saint',
  ste: 'sainte',
  ft: 'fort',
  mt: 'mount',
  pt: 'port',
};

/** Arabic definite-article romanisations (sun-letter assimilated forms included). */
export const ARABIC_ARTICLES = new Set([
  'al', 'el', 'ar', 'as', 'ash', 'at', 'ath', 'ad', 'adh', 'az', 'an', 'ad', 'ed', 'es', 'er', 'et', 'ez', 'en', 'ul',
]);

const COMBINING = /\p{M}+/gu;
const TATWEEL = /\u0640/g;
const NON_ASCII = /[^\x00-\x7f]/;
/** Letters without an NFKD decomposition, folded by hand. */
const FOLD: Record<string, string> = { ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ı: 'i', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd' };

/**
 * Strict key. A single pass over the characters (the gazetteer normalises ~600k names at load,
 * so this avoids regex chains): letters and digits kept (lower case), apostrophes dropped, every
 * other character a word break.
 */
export function normName(s: string): string {
  let t = s;
  if (NON_ASCII.test(t)) t = t.normalize('NFKD').replace(COMBINING, '').replace(TATWEEL, '');
  t = t.toLowerCase();
  let out = '';
  let space = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (space && out) out += ' ';
      space = false;
      out += t[i];
    } else if (c === 39 || c === 96 || c === 0x2019 || c === 0x2018 || c === 0x2bc || c === 0x2bb) {
      // apostrophes: dropped
    } else if (c < 128 || (c >= 0x2010 && c <= 0x2015) || c === 0xa0 || c === 0x60c) {
      space = true;
    } else {
      if (space && out) out += ' ';
      space = false;
      out += FOLD[t[i]] ?? t[i];
    }
  }
  const sp = out.indexOf(' ');
  if (sp > 0) {
    const ab = ABBREV[out.slice(0, sp)];
    if (ab) out = ab + out.slice(sp);
  }
  return out;
}

/** A forgiving key for Arabic (and similar) transliterations; see module comment. */
export function looseName(s: string): string {
  return looseKey(normName(s));
}

/** `looseName` of an already strict key. */
export function looseKey(strict: string): string {
  let words = strict.split(' ');
  if (words.length > 1 && ARABIC_ARTICLES.has(words[0])) words = words.slice(1);
  let out = '';
  for (let w of words) {
    // Arabic script: drop the article "ال" at word start
    if (w.length > 3 && w.charCodeAt(0) === 0x627 && w.charCodeAt(1) === 0x644) w = w.slice(2);
    w = w.replace(/([aeiou])h$/, '$1').replace(/(.)\1+/g, '$1').replace(/ou|oo/g, 'u').replace(/ee/g, 'i');
    out = out ? out + ' ' + w : w;
  }
  return out;
}

/** True when the string has at least one letter and no lower-case letter (e.g. "PORTLAND"). */
export function isAllCaps(s: string): boolean {
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
}

/** True for a capitalised word: upper-case first letter, or a letter of a caseless script (Arabic). */
export function isCapitalised(s: string): boolean {
  const c = s.charAt(0);
  if (/\p{Lu}/u.test(c)) return true;
  return /[\u0600-\u06FF]/.test(c);
}
