/**
 * Language check without a model: the dominant script of the letters, then, for Latin script,
 * the ratio of function words of each language (./lexicon/stopwords.ts). Only the first
 * SAMPLE_CHARS characters are looked at, so the cost is bounded for long reports.
 *
 * The answer is an ISO 639-1 code ("en", "es", "ar", ...) or "und" when the text gives too
 * little to decide. Short Latin-script texts without evidence for another language count as
 * English (a bare headline must not be thrown away).
 */
import { STOPWORDS } from './lexicon/stopwords.js';

const SAMPLE_CHARS = 8_000;

/**
 * Unicode blocks of the non-Latin scripts we recognise and the language reported for each
 * (refined below for Arabic-script and Cyrillic text). [from, to (inclusive), language]
 */
const SCRIPT_RANGES: Array<[number, number, string]> = [
  [0x0370, 0x03ff, 'el'], [0x1f00, 0x1fff, 'el'],
  [0x0400, 0x052f, 'ru'],
  [0x0530, 0x058f, 'hy'],
  [0x0590, 0x05ff, 'he'],
  [0x0600, 0x06ff, 'ar'], [0x0750, 0x077f, 'ar'], [0x08a0, 0x08ff, 'ar'], [0xfb50, 0xfdff, 'ar'], [0xfe70, 0xfeff, 'ar'],
  [0x0900, 0x097f, 'hi'],
  [0x0980, 0x09ff, 'bn'],
  [0x0b80, 0x0bff, 'ta'],
  [0x0e00, 0x0e7f, 'th'],
  [0x10a0, 0x10ff, 'ka'],
  [0x1100, 0x11ff, 'ko'], [0x3130, 0x318f, 'ko'], [0xac00, 0xd7af, 'ko'],
  [0x1200, 0x137f, 'am'],
  [0x3040, 0x30ff, 'ja'],
  [0x3400, 0x4dbf, 'zh'], [0x4e00, 0x9fff, 'zh'],
];
const PERSIAN = new Set([...'پچژگکی'].map((c) => c.charCodeAt(0)));
const URDU = new Set([...'ٹڈڑںے'].map((c) => c.charCodeAt(0)));
const UKRAINIAN = new Set([...'іїєґІЇЄҐ'].map((c) => c.charCodeAt(0)));

function isLatin(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff);
}

function scriptOf(c: number): string | null {
  for (const [from, to, lang] of SCRIPT_RANGES) if (c >= from && c <= to) return lang;
  return null;
}

/** function word -> the languages listing it */
const STOPWORD_LANGS = new Map<string, string[]>();
for (const [lang, list] of Object.entries(STOPWORDS)) {
  for (const w of list) {
    const langs = STOPWORD_LANGS.get(w) ?? [];
    if (!langs.includes(lang)) langs.push(lang);
    STOPWORD_LANGS.set(w, langs);
  }
}

export interface LanguageGuess {
  language: string;
  /** what the guess rests on, for warnings and debugging */
  basis: 'script' | 'stopwords' | 'default';
}

export function detectLanguage(text: string): LanguageGuess {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  // one pass over the characters: Latin letters vs. letters of each other script
  let latin = 0;
  let other = 0;
  const perScript = new Map<string, number>();
  let persian = 0;
  let urdu = 0;
  let ukrainian = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x80) { if (isLatin(c)) latin++; continue; }
    if (isLatin(c)) { latin++; continue; }
    // General Punctuation (curly quotes, dashes, ...): no script of ours, the common case in news
    if (c >= 0x2000 && c <= 0x206f) continue;
    const s = scriptOf(c);
    if (!s) continue;
    other++;
    perScript.set(s, (perScript.get(s) ?? 0) + 1);
    if (PERSIAN.has(c)) persian++;
    else if (URDU.has(c)) urdu++;
    else if (UKRAINIAN.has(c)) ukrainian++;
  }
  if (latin + other === 0) return { language: 'und', basis: 'default' };
  if (other > latin) {
    let best = 'und';
    let bestN = 0;
    for (const [s, n] of perScript) if (n > bestN) { best = s; bestN = n; }
    // Japanese text is mostly Han characters with kana between them
    if (best === 'zh' && (perScript.get('ja') ?? 0) > 0.1 * bestN) best = 'ja';
    if (best === 'ar') {
      if (urdu > 0.01 * bestN) best = 'ur';
      else if (persian > 0.02 * bestN) best = 'fa';
    } else if (best === 'ru' && ukrainian > 0.01 * bestN) best = 'uk';
    return { language: best, basis: 'script' };
  }
  // Latin script: function-word ratios.
  const words = sample.toLowerCase().match(/[a-z\u00c0-\u024f]+/g) ?? [];
  const hits = new Map<string, number>();
  for (const w of words) {
    const langs = STOPWORD_LANGS.get(w);
    if (langs) for (const lang of langs) hits.set(lang, (hits.get(lang) ?? 0) + 1);
  }
  const en = hits.get('en') ?? 0;
  let top = 'en';
  let topN = en;
  for (const [lang, n] of hits) if (n > topN) { top = lang; topN = n; }
  const total = words.length;
  if (top !== 'en') {
    // another language clearly ahead of English
    if (total < 8 ? topN >= 2 && topN > 2 * en : topN >= 3 && topN > 1.5 * en && topN >= 0.08 * total) {
      return { language: top, basis: 'stopwords' };
    }
  }
  if (total >= 40 && topN < 0.03 * total) return { language: 'und', basis: 'stopwords' };
  return { language: 'en', basis: en > 0 ? 'stopwords' : 'default' };
}
