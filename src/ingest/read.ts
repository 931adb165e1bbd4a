/**
 * From raw input to the normalised text the extractors see: plain text or HTML (main article
 * via readability), Unicode/whitespace normalisation, the boilerplate filter, a language check
 * and the publication date. Pure (no I/O): safe in worker threads. Throws IngestError when the
 * input holds no report (empty, or HTML without an article).
 */
import type { ReportInput } from '../model/index.js';
import { filterBoilerplate } from './boilerplate.js';
import { IngestError } from './errors.js';
import { htmlToArticle, looksLikeHtml } from './html.js';
import { detectLanguage } from './language.js';
import { normaliseText } from './normalise.js';
import { normaliseDate } from './dates.js';

export { normaliseDate };

export interface ReadReport {
  text: string;
  title: string | null;
  /** ISO date YYYY-MM-DD, or null */
  published: string | null;
  /** ISO 639-1 code, or "und" */
  language: string;
  warnings: string[];
  /** how the input was read */
  format: 'text' | 'html';
  /** boilerplate lines removed */
  removedLines: number;
}

/** An article needs at least this many words after cleaning, and one sentence-like line. */
const MIN_ARTICLE_WORDS = 15;
const MIN_SENTENCE_WORDS = 6;

function cleanTitle(t: string | null | undefined): string | null {
  if (t == null) return null;
  const s = normaliseText(t).replace(/\n+/g, ' ');
  return s || null;
}

function hasArticle(text: string): boolean {
  let total = 0;
  let sentence = false;
  for (const line of text.split('\n')) {
    const n = line ? line.split(' ').length : 0;
    total += n;
    if (n >= MIN_SENTENCE_WORDS && /[.!?…]["'”’)]*$/.test(line)) sentence = true;
  }
  return total >= MIN_ARTICLE_WORDS && sentence;
}

export function readReport(input: ReportInput): ReadReport {
  const warnings: string[] = [];
  if (typeof input.text !== 'string') throw new IngestError('bad_record', 'text is not a string');
  const format: 'text' | 'html' = input.format ?? (looksLikeHtml(input.text) ? 'html' : 'text');
  let title = cleanTitle(input.title);
  let publishedRaw: string | null = input.published ?? null;
  let text: string;
  let removedLines = 0;
  if (format === 'html') {
    const article = htmlToArticle(input.text);
    const filtered = filterBoilerplate(article.text);
    text = filtered.text;
    removedLines = filtered.removedLines;
    if (!hasArticle(text)) throw new IngestError('no_article', 'no article text found in HTML');
    title = title ?? cleanTitle(article.title);
    publishedRaw = publishedRaw ?? article.published;
  } else {
    const filtered = filterBoilerplate(normaliseText(input.text));
    text = filtered.text;
    removedLines = filtered.removedLines;
  }
  if (!text) throw new IngestError('empty', input.text.trim() ? 'no text left after removing page boilerplate' : 'empty input');
  let published = normaliseDate(publishedRaw);
  if (publishedRaw && !published) {
    warnings.push(`publication date "${String(publishedRaw).slice(0, 40)}" not understood; ignored`);
    published = null;
  }
  const { language } = detectLanguage(text);
  if (language !== 'en') warnings.push(`language looks like ${language}; incidents not extracted`);
  return { text, title, published, language, warnings, format, removedLines };
}
