/**
 * Line-level boilerplate filter (patterns in ./lexicon/boilerplate.ts). Works on normalised
 * text (LF line breaks, trimmed lines) and returns normalised text. Conservative: only lines
 * that match a pattern are touched; long lines (paragraphs) are never dropped whole.
 */
import {
  DROP_LINE, INLINE_LIST_ITEM, LIST_HEADERS, LIST_MAX_LINES, LIST_MAX_WORDS, STRIP_INLINE,
} from './lexicon/boilerplate.js';

/** All patterns of a list as one case-insensitive regex: one scan per line instead of one per pattern. */
function union(list: RegExp[]): RegExp {
  return new RegExp(list.map((r) => `(?:${r.source})`).join('|'), 'i');
}
const DROP = union(DROP_LINE);
const HEADER = union(LIST_HEADERS);
const INLINE_ITEM = union(INLINE_LIST_ITEM);
const STRIP_ANY = union(STRIP_INLINE);

/** Longer lines are paragraphs: never dropped whole (inline credits are still stripped). */
const MAX_DROP_CHARS = 400;

export interface FilterResult {
  text: string;
  /** number of lines removed whole */
  removedLines: number;
}

/** Number of words of a normalised line (runs of characters between single spaces), without splitting it. */
function words(line: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    if (line.charCodeAt(i) === 32) inWord = false;
    else if (!inWord) { inWord = true; n++; }
  }
  return n;
}

function isListItem(line: string): boolean {
  return line.length > 0 && words(line) <= LIST_MAX_WORDS && !/[.!?]["'”’)]?$/.test(line);
}

export function filterBoilerplate(text: string): FilterResult {
  const lines = text.split('\n');
  const out: string[] = [];
  let removed = 0;
  let listLeft = 0;
  for (let line of lines) {
    if (!line) { out.push(line); continue; }
    if (listLeft > 0) {
      if (isListItem(line) && !DROP.test(line) && !HEADER.test(line)) {
        listLeft--; removed++; continue;
      }
      listLeft = 0;
    }
    if (line.length <= MAX_DROP_CHARS) {
      if (HEADER.test(line)) { listLeft = LIST_MAX_LINES; removed++; continue; }
      if (words(line) <= LIST_MAX_WORDS + 10 && INLINE_ITEM.test(line)) { removed++; continue; }
      if (DROP.test(line)) { removed++; continue; }
    }
    if (STRIP_ANY.test(line)) {
      for (const r of STRIP_INLINE) {
        r.lastIndex = 0;
        line = line.replace(r, '');
      }
      line = line.trim();
    }
    if (!line) { removed++; continue; }
    out.push(line);
  }
  const joined = out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return { text: joined, removedLines: removed };
}
