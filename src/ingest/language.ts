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

const SAMPLE_CHARS = 20_000;

/** Non-Latin scripts and the language we report for each (refined below for Arabic and Cyrillic). */
const SCRIPTS: Array<[string, RegExp]> = [
  ['ar', /\p{Script=Arabic}/gu],
  ['ru', /\p{Script=Cyrillic}/gu],
  ['el', /\p{Script=Greek}/gu],
  ['he', /\p{Script=Hebrew}/gu],
  ['hi', /\p{Script=Devanagari}/gu],
  ['bn', /\p{Script=Bengali}/gu],
  ['ta', /\p{Script=Tamil}/gu],
  ['th', /\p{Script=Thai}/gu],
  ['ka', /\p{Script=Georgian}/gu],
  ['hy', /\p{Script=Armenian}/gu],
  ['am', /\p{Script=Ethiopic}/gu],
  ['ko', /\p{Script=Hangul}/gu],
  ['ja', /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ['zh', /\p{Script=Han}/gu],
];
const LATIN = /\p{Script=Latin}/gu;
const PERSIAN = /[پچژگکی]/gu;
const URDU = /[ٹڈڑںے]/gu;
const UKRAINIAN = /[іїєґ]/giu;

const STOPSETS: Array<[string, Set<string>]> = Object.entries(STOPWORDS).map(([l, w]) => [l, new Set(w)]);

export interface LanguageGuess {
  language: string;
  /** what the guess rests on, for warnings and debugging */
  basis: 'script' | 'stopwords' | 'default';
}

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

export function detectLanguage(text: string): LanguageGuess {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const latin = count(sample, LATIN);
  let best = '';
  let bestN = 0;
  let other = 0;
  for (const [lang, re] of SCRIPTS) {
    const n = count(sample, re);
    other += n;
    if (n > bestN) { best = lang; bestN = n; }
  }
  if (latin + other === 0) return { language: 'und', basis: 'default' };
  // Japanese text is mostly Han characters with kana between them.
  if (best === 'zh' && count(sample, SCRIPTS.find((s) => s[0] === 'ja')![1]) > 0.1 * bestN) best = 'ja';
  if (other > latin) {
    if (best === 'ar') {
      if (count(sample, URDU) > 0.01 * bestN) best = 'ur';
      else if (count(sample, PERSIAN) > 0.02 * bestN) best = 'fa';
    } else if (best === 'ru' && count(sample, UKRAINIAN) > 0.01 * bestN) best = 'uk';
    return { language: best || 'und', basis: 'script' };
  }
  // Latin script: function-word ratios.
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  const hits = new Map<string, number>();
  for (const w of words) {
    for (const [lang, set] of STOPSETS) if (set.has(w)) hits.set(lang, (hits.get(lang) ?? 0) + 1);
  }
  const en = hits.get('en') ?? 0;
  let top = 'en';
  let topN = en;
  for (const [lang, n] of hits) if (n > topN) { top = lang; topN = n; }
  const total = words.length;
  if (top !== 'en') {
    // another language clearly ahead of English
    if (total < 8 ? topN >= 2 && topN > 2 * en : topN > 1.5 * en && topN >= 0.08 * total) {
      return { language: top, basis: 'stopwords' };
    }
  }
  if (total >= 40 && topN < 0.03 * total) return { language: 'und', basis: 'stopwords' };
  return { language: 'en', basis: en > 0 ? 'stopwords' : 'default' };
}
