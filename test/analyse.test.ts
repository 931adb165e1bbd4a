import { describe, expect, it } from 'vitest';
import { analyse, sentenceAt } from '../src/nlp/analyse.js';

const texts = (d: ReturnType<typeof analyse>) => d.tokens.map(t => t.text);

describe('analyse', () => {
  it('gives every token and sentence offsets into the text', () => {
    const text = 'Police said a man was shot.\n\nThe victim’s brother, 23, was not hurt.';
    const d = analyse(text);
    for (const t of d.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(d.sentences.map(s => s.text)).toEqual(['Police said a man was shot.', 'The victim’s brother, 23, was not hurt.']);
    expect(sentenceAt(d, text.indexOf('brother'))?.i).toBe(1);
  });

  it('splits possessives the same way whatever the process read before', () => {
    const probe = "The boy was taken to Arkansas Children's Hospital, police said.";
    const before = texts(analyse(probe));
    expect(before).toContain('Children');
    expect(before).toContain("'s");
    // wink-nlp learns tokens as it reads; reports that spell the word differently must not
    // change how a later report is cut up
    // (a possessive before a comma, "at Children's, according to ...", is what teaches it the word)
    analyse("The girl is now in stable condition at Children's, according to her family.");
    expect(texts(analyse(probe))).toEqual(before);
  });

  it('keeps sentence token ranges consistent after splitting', () => {
    const d = analyse("Officers found the man's car. A witness's account differs.");
    for (const s of d.sentences) {
      const toks = d.tokens.slice(s.tokenStart, s.tokenEnd).filter(t => t.text.trim());
      expect(toks[0].start).toBe(s.start);
      expect(toks[toks.length - 1].end).toBe(s.end);
      for (const t of toks) expect(t.sentence).toBe(s.i);
    }
  });
});
