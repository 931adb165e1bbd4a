import { describe, expect, it } from 'vitest';
import { isQuantityWord, parseNumberWord, parseQuantity } from '../src/nlp/numbers.js';

const q = (phrase: string) => parseQuantity(phrase.split(' '));

describe('parseNumberWord', () => {
  it('reads digits, with thousands separators', () => {
    expect(parseNumberWord('12')).toBe(12);
    expect(parseNumberWord('0')).toBe(0);
    expect(parseNumberWord('1,200')).toBe(1200);
  });

  it('reads cardinal words, case-insensitively', () => {
    expect(parseNumberWord('seven')).toBe(7);
    expect(parseNumberWord('Seven')).toBe(7);
    expect(parseNumberWord('nineteen')).toBe(19);
    expect(parseNumberWord('forty')).toBe(40);
  });

  it('reads hyphenated compounds of tens and units', () => {
    expect(parseNumberWord('twenty-three')).toBe(23);
    expect(parseNumberWord('ninety-nine')).toBe(99);
    expect(parseNumberWord('Thirty-One')).toBe(31);
  });

  it('rejects compounds that are not numbers', () => {
    expect(parseNumberWord('twenty-ten')).toBeNull();
    expect(parseNumberWord('twenty-zero')).toBeNull();
    expect(parseNumberWord('seven-twenty')).toBeNull();
  });

  it('reads group words', () => {
    expect(parseNumberWord('dozen')).toBe(12);
    expect(parseNumberWord('pair')).toBe(2);
  });

  it('returns null for words, signs, decimals and the empty string', () => {
    for (const w of ['foo', 'people', '-3', '3.5', '', '12th', '17-year-old']) expect(parseNumberWord(w), w).toBeNull();
  });
});

describe('parseQuantity', () => {
  it('reads a bare number as an exact count', () => {
    expect(q('12')).toEqual({ min: 12, max: 12, best: 12, exact: true });
    expect(q('twenty-three')).toEqual({ min: 23, max: 23, best: 23, exact: true });
    expect(q('twenty three')).toMatchObject({ best: 23, exact: true });
    expect(q('zero')).toEqual({ min: 0, max: 0, best: 0, exact: true });
  });

  it('reads "a dozen", "three dozen" and scales', () => {
    expect(q('a dozen')).toEqual({ min: 12, max: 12, best: 12, exact: true });
    expect(q('three dozen')).toMatchObject({ min: 36, max: 36 });
    expect(q('two hundred')).toMatchObject({ min: 200, max: 200 });
    expect(q('a hundred')).toMatchObject({ min: 100, max: 100 });
    expect(q('one thousand two hundred')).toMatchObject({ min: 1200, max: 1200 });
    expect(q('1,000')).toMatchObject({ min: 1000, max: 1000 });
  });

  it('"at least 12" is 12 or more: no upper bound is stated, none is made up', () => {
    expect(q('at least 12')).toEqual({ min: 12, max: null, best: 12, exact: false });
    expect(q('no fewer than 7')).toMatchObject({ min: 7, max: null, best: 7, exact: false });
    expect(q('no less than 7')).toMatchObject({ min: 7, max: null });
    expect(q('at least a dozen')).toMatchObject({ min: 12, max: null, best: 12, exact: false });
    expect(q('at least two dozen')).toMatchObject({ min: 24, max: null, best: 24 });
    expect(q('12 or more')).toMatchObject({ min: 12, max: null, exact: false });
    expect(q('one or more')).toMatchObject({ min: 1, max: null });
  });

  it('"more than 20" starts above 20 and stays open', () => {
    expect(q('more than 20')).toEqual({ min: 21, max: null, best: 21, exact: false });
    expect(q('over 100')).toMatchObject({ min: 101, max: null });
    expect(q('upwards of 50')).toMatchObject({ min: 51, max: null });
    expect(q('more than a dozen')).toMatchObject({ min: 13, max: null });
  });

  it('"up to 10" is bounded above by the figure; its min is 1 (someone was counted), not a fraction', () => {
    expect(q('up to 10')).toEqual({ min: 1, max: 10, best: 10, exact: false });
    expect(q('at most 5')).toMatchObject({ min: 1, max: 5 });
    expect(q('as many as 10')).toMatchObject({ min: 1, max: 10 });
    expect(q('10 or fewer')).toMatchObject({ min: 1, max: 10 });
    expect(q('5 or less')).toMatchObject({ min: 1, max: 5 });
    expect(q('up to 0')).toMatchObject({ min: 0, max: 0 });
  });

  it('"fewer than 10" is below 10; "nearly 20" and "almost 20" are not yet 20', () => {
    expect(q('fewer than 10')).toMatchObject({ min: 1, max: 9, exact: false });
    expect(q('less than 3')).toMatchObject({ min: 1, max: 2 });
    expect(q('nearly 20')).toMatchObject({ min: 1, max: 19, exact: false });
    expect(q('almost 30')).toMatchObject({ min: 1, max: 29 });
    expect(q('fewer than 1')).toMatchObject({ min: 0, max: 0 });
  });

  it('approximations keep the stated figure as both bounds and are marked approximate', () => {
    for (const p of ['about 40', 'around 40', 'approximately 40', 'roughly 40', 'some 40', 'an estimated 40', '40 or so']) {
      expect(q(p), p).toEqual({ min: 40, max: 40, best: 40, exact: false, approximate: true });
    }
    expect(q('40')!.approximate).toBeUndefined();
  });

  it('vague amounts give their weakest reading as a minimum and no maximum', () => {
    expect(q('dozens')).toEqual({ min: 24, max: null, best: 24, exact: false });
    expect(q('scores')).toMatchObject({ min: 40, max: null });
    expect(q('hundreds')).toMatchObject({ min: 200, max: null });
    expect(q('thousands')).toMatchObject({ min: 2000, max: null });
    expect(q('several')).toMatchObject({ min: 3, max: null, exact: false });
    expect(q('many')).toMatchObject({ min: 3, max: null });
    expect(q('a few')).toMatchObject({ min: 2, max: null });
    expect(q('some')).toMatchObject({ min: 2, max: null });
    expect(q('multiple')).toMatchObject({ min: 2, max: null });
    // a modifier before a vague amount adds nothing to it
    expect(q('at least several')).toMatchObject({ min: 3, max: null });
  });

  it('keeps min <= best <= max (when there is a max) for every reading', () => {
    for (const p of ['12', 'at least 12', 'more than 20', 'up to 5', 'nearly 3', 'fewer than 1', 'about 7', 'dozens', 'a few', 'an estimated 300', 'two or three', 'half a dozen']) {
      const r = q(p)!;
      expect(r, p).not.toBeNull();
      expect(r.min, p).toBeLessThanOrEqual(r.best);
      if (r.max !== null) expect(r.best, p).toBeLessThanOrEqual(r.max);
    }
  });

  it('returns null when the words are not (only) a quantity', () => {
    expect(q('at least')).toBeNull();
    expect(q('the')).toBeNull();
    expect(q('two men')).toBeNull();
    expect(q('people')).toBeNull();
    expect(parseQuantity([])).toBeNull();
  });

  it('reads compound amounts with "and"', () => {
    expect(q('a hundred and twenty')).toMatchObject({ min: 120, max: 120 });
    expect(q('twelve hundred')).toMatchObject({ min: 1200, max: 1200 });
  });

  it('"half a dozen" is 6', () => {
    expect(q('half a dozen')).toEqual({ min: 6, max: 6, best: 6, exact: true });
    expect(q('at least half a dozen')).toMatchObject({ min: 6, max: null });
    expect(q('half')).toBeNull();
    expect(q('half a')).toBeNull();
    expect(q('half the')).toBeNull();
  });

  it('explicit ranges give their bounds: "two or three", "between 10 and 15", "10 to 15"', () => {
    expect(q('two or three')).toEqual({ min: 2, max: 3, best: 2, exact: false });
    expect(q('between 10 and 15')).toMatchObject({ min: 10, max: 15 });
    expect(q('10 to 15')).toMatchObject({ min: 10, max: 15 });
    expect(q('10-15')).toMatchObject({ min: 10, max: 15 });
    expect(q('10 - 15')).toMatchObject({ min: 10, max: 15 });
    expect(q('one or two')).toMatchObject({ min: 1, max: 2 });
    expect(q('twenty to thirty')).toMatchObject({ min: 20, max: 30 });
  });

  it('a range shape that is not a range is no quantity', () => {
    expect(q('three or two')).toBeNull(); // the lower figure must come first
    expect(q('two or two')).toBeNull();
    expect(q('15-10')).toBeNull();
    expect(q('between 10')).toBeNull();
    expect(q('between two men')).toBeNull();
    expect(q('between 10 and')).toBeNull();
    expect(q('one to the')).toBeNull(); // "sent one to the hospital"
    expect(q('two or more people')).toBeNull();
    expect(q('at least two or three')).toBeNull(); // a modifier and a range: not read
  });

  it('isQuantityWord knows numbers, scales and vague words, not nouns', () => {
    for (const w of ['12', 'twelve', 'hundred', 'dozens', 'dozen', 'several']) expect(isQuantityWord(w), w).toBe(true);
    for (const w of ['men', 'shot', 'people']) expect(isQuantityWord(w), w).toBe(false);
  });
});
