/**
 * A word-level view of an analysed document: wink splits "17-year-old", "twenty-three" and
 * "al-Qasem" at hyphens; pattern rules want them whole. Adjacent tokens joined by a hyphen
 * with no spaces are merged into one word. Computed once per document.
 */
import type { AnalysedDoc } from './analyse.js';

export interface Word {
  i: number;
  text: string;
  lower: string;
  lemma: string;
  pos: string;
  start: number;
  end: number;
  sentence: number;
}

export function wordsOf(doc: AnalysedDoc): Word[] {
  const out: Word[] = [];
  const toks = doc.tokens;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (t.text.trim() === '') continue;
    let end = t.end, j = k;
    // join X - Y - Z when written without spaces
    while (j + 2 < toks.length && toks[j + 1].text === '-' && toks[j + 1].start === end && toks[j + 2].start === toks[j + 1].end
      && /^[\p{L}\p{N}]/u.test(toks[j + 2].text) && /[\p{L}\p{N}]$/u.test(toks[j].text)) {
      end = toks[j + 2].end; j += 2;
    }
    if (j === k) {
      out.push({ i: out.length, text: t.text, lower: t.lower, lemma: t.lemma, pos: t.pos, start: t.start, end: t.end, sentence: t.sentence });
    } else {
      const text = doc.text.slice(t.start, end);
      const last = toks[j];
      out.push({ i: out.length, text, lower: text.toLowerCase(), lemma: text.toLowerCase(), pos: last.pos === 'NUM' ? 'NUM' : (t.pos === 'PROPN' ? 'PROPN' : last.pos), start: t.start, end, sentence: t.sentence });
      k = j;
    }
  }
  return out;
}

/** Index of words by sentence: [firstWord, endWord) per sentence index. */
export function sentenceWordRanges(words: Word[], sentenceCount: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = Array.from({ length: sentenceCount }, () => [0, 0] as [number, number]);
  let k = 0;
  for (let s = 0; s < sentenceCount; s++) {
    while (k < words.length && words[k].sentence < s) k++;
    const a = k;
    while (k < words.length && words[k].sentence === s) k++;
    ranges[s] = [a, k];
  }
  return ranges;
}
