/**
 * Hedge spans of a text ("reportedly", "it remains unclear", "is believed to", "they say"),
 * from the lexicon in ./lexicon/hedges.ts. One pass of one compiled regular expression.
 */
import type { Span } from '../model/index.js';
import { HEDGE_REGEX } from './lexicon/hedges.js';

export function findHedges(text: string): Span[] {
  const out: Span[] = [];
  const re = new RegExp(HEDGE_REGEX.source, HEDGE_REGEX.flags);
  for (const m of text.matchAll(re)) out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
  return out;
}
