import { describe, expect, it } from 'vitest';
import { findDates, parseIsoDate } from '../src/nlp/dates.js';

// 2021-06-10 is a Thursday.
const PUB = '2021-06-10';

function one(text: string, published: string | null = PUB) {
  const ds = findDates(text, published);
  expect(ds, `dates in ${JSON.stringify(text)}`).toHaveLength(1);
  return ds[0];
}

describe('findDates: relative expressions resolved against the publication date', () => {
  it('"yesterday" is the day before publication', () => {
    const d = one('The man was shot yesterday outside his home.');
    expect(d).toMatchObject({ from: '2021-06-09', to: '2021-06-09', precision: 'day', relative: true, text: 'yesterday' });
  });

  it('"Tuesday night" is the Tuesday before a Thursday publication', () => {
    expect(one('He was shot Tuesday night near the park.')).toMatchObject({ from: '2021-06-08', to: '2021-06-08', precision: 'day', relative: true });
  });

  it('a weekday later in the week than publication is moved to the previous week', () => {
    // chrono would pick Friday 2021-06-11, after publication
    expect(one('The shooting happened on Friday.')).toMatchObject({ from: '2021-06-04', precision: 'day' });
    expect(one('The shooting happened Sunday morning.')).toMatchObject({ from: '2021-06-06' });
  });

  it('the publication weekday itself is the publication day', () => {
    expect(one('The shooting happened Thursday.')).toMatchObject({ from: PUB, to: PUB });
  });

  it('"two days ago" counts back in days', () => {
    expect(one('It happened two days ago.')).toMatchObject({ from: '2021-06-08', precision: 'day', relative: true });
  });

  it('"a few weeks ago" is a week-precision window before publication', () => {
    const d = one('A similar attack took place a few weeks ago.');
    expect(d.precision).toBe('week');
    expect(d.relative).toBe(true);
    expect(d.from < d.to).toBe(true);
    expect(d.to < PUB).toBe(true);
  });

  it('"last month" covers the whole previous month', () => {
    expect(one('Police said the shooting happened last month.')).toMatchObject({ from: '2021-05-01', to: '2021-05-31', precision: 'month' });
  });

  it('"last month" in January is December of the previous year', () => {
    expect(one('Police said the shooting happened last month.', '2021-01-15')).toMatchObject({ from: '2020-12-01', to: '2020-12-31', precision: 'month' });
  });

  it('"last week" is the previous calendar week, Monday to Sunday', () => {
    const d = one('Police arrested the man last week.');
    expect(d).toMatchObject({ from: '2021-05-31', to: '2021-06-06', precision: 'week', relative: true });
  });
});

describe('findDates: absolute dates', () => {
  it('"Jan. 7" early in January of the next year is moved back a year', () => {
    expect(one('The attack happened on Jan. 7 near the market.', '2021-01-05')).toMatchObject({ from: '2020-01-07', to: '2020-01-07', precision: 'day', relative: false });
  });

  it('"Jan. 7" before publication stays in the publication year', () => {
    expect(one('The attack happened on Jan. 7 near the market.', '2021-03-05')).toMatchObject({ from: '2021-01-07' });
  });

  it('"Dec. 30" in a report of Jan. 2 is the previous year', () => {
    expect(one('He was killed on Dec. 30.', '2021-01-02')).toMatchObject({ from: '2020-12-30' });
  });

  it('reads day-month order and full dates', () => {
    expect(one('Two people were killed on 4 March.')).toMatchObject({ from: '2021-03-04' });
    expect(one('Saturday, June 5, 2021, was the day of the attack.')).toMatchObject({ from: '2021-06-05', precision: 'day' });
  });

  it('a month with a year has month precision', () => {
    expect(one('He was killed in March 2019.')).toMatchObject({ from: '2019-03-01', to: '2019-03-31', precision: 'month' });
  });

  it('a month in February respects the month length', () => {
    expect(one('He was killed in February 2020.')).toMatchObject({ from: '2020-02-01', to: '2020-02-29', precision: 'month' });
  });

  it('drops a date with an explicit year after publication (a trial date, not the incident)', () => {
    expect(findDates('The trial is set for March 3, 2022.', PUB)).toEqual([]);
  });

  it('drops expressions relative to another event or ahead in time', () => {
    expect(findDates('Three days later he died.', PUB)).toEqual([]);
    expect(findDates('The funeral will be held next Monday.', PUB)).toEqual([]);
  });

  it('absolute dates are read without a publication date, relative ones are not', () => {
    expect(one('On June 3, 2020, two men were killed.', null)).toMatchObject({ from: '2020-06-03', relative: false });
    expect(findDates('The man was shot yesterday.', null)).toEqual([]);
    expect(findDates('The man was shot yesterday.', 'not a date')).toEqual([]);
  });

  it('"in May" is the month of May', () => {
    expect(one('He died in May.')).toMatchObject({ from: '2021-05-01', to: '2021-05-31', precision: 'month' });
  });

  it('"in 2019" has year precision', () => {
    expect(one('He was killed in 2019.')).toMatchObject({ from: '2019-01-01', to: '2019-12-31', precision: 'year' });
  });
});

describe('findDates: things that are not dates', () => {
  it('ignores bare times, counts, ages and the modal "may"', () => {
    expect(findDates('Officers arrived at 5 p.m. and found 2 people wounded.', PUB)).toEqual([]);
    expect(findDates('A 17-year-old was shot.', PUB)).toEqual([]);
    expect(findDates('He may be charged with murder.', PUB)).toEqual([]);
    expect(findDates('', PUB)).toEqual([]);
  });

  it('keeps a weekday when a time follows it', () => {
    expect(one('A man was shot Sunday at 5:30 p.m.')).toMatchObject({ from: '2021-06-06', precision: 'day' });
  });

  it('finds every date in order, each with its own offsets', () => {
    const text = 'The man was shot on Monday, police said Tuesday.';
    const ds = findDates(text, PUB);
    expect(ds.map(d => d.from)).toEqual(['2021-06-07', '2021-06-08']);
    for (const d of ds) expect(text.slice(d.start, d.end)).toBe(d.text);
  });

  it('a date mention does not end with punctuation', () => {
    const text = 'A car bomb killed 12 people near the checkpoint on Sunday, the monitor said.';
    const d = one(text);
    expect(d.text).toBe('on Sunday');
    expect(text.slice(d.start, d.end)).toBe(d.text);
  });
});

describe('parseIsoDate', () => {
  it('reads ISO dates and timestamps, and rejects garbage', () => {
    expect(parseIsoDate('2021-06-10')?.toISOString().slice(0, 10)).toBe('2021-06-10');
    expect(parseIsoDate('2021-06-10T23:30:00Z')?.toISOString().slice(0, 10)).toBe('2021-06-10');
    expect(parseIsoDate('garbage')).toBeNull();
    expect(parseIsoDate('')).toBeNull();
    expect(parseIsoDate(null)).toBeNull();
  });
});
