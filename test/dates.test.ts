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

describe('findDates: spans of days', () => {
  // 2021-06-14 is a Monday, 2021-06-12 a Saturday.
  it('"over the weekend" read on a Monday is the Saturday and Sunday before', () => {
    expect(one('A teen was hurt in an accidental shooting over the weekend.', '2021-06-14')).toMatchObject({ from: '2021-06-12', to: '2021-06-13', precision: 'week', text: 'weekend' });
  });

  it('"last weekend" read on a Saturday is the weekend before; "this weekend" is that Saturday', () => {
    expect(one('Four people were shot last weekend.', '2021-06-12')).toMatchObject({ from: '2021-06-05', to: '2021-06-06', precision: 'week' });
    expect(one('Four people were shot this weekend.', '2021-06-12')).toMatchObject({ from: '2021-06-12', to: '2021-06-12' });
  });

  it('"this week" runs from its Monday to the publication date', () => {
    expect(one('A night of gunfire injured five people this week.')).toMatchObject({ from: '2021-06-07', to: PUB, precision: 'week' });
  });

  it('"the past few days" and "the last 24 hours" end at publication; "the past few hours" is its day', () => {
    expect(one('Three homes were set on fire in the past few days.')).toMatchObject({ from: '2021-06-07', to: PUB, precision: 'week' });
    expect(one('In the last 24 hours, seven people were shot.')).toMatchObject({ from: '2021-06-09', to: PUB, precision: 'week' });
    expect(one('Two bombs exploded in the capital in the past few hours.')).toMatchObject({ from: PUB, to: PUB, precision: 'day' });
  });

  it('"two weeks ago" is a few days either side; "a few weeks ago" wider', () => {
    const two = one('He was stabbed two weeks ago.');
    const few = one('He was stabbed a few weeks ago.');
    expect(two).toMatchObject({ from: '2021-05-24', to: '2021-05-30', precision: 'week' });
    expect(few.from < two.from && few.to >= two.to).toBe(true);
  });

  it('a window never reaches past the publication date', () => {
    expect(one('He was killed in June.')).toMatchObject({ from: '2021-06-01', to: PUB, precision: 'month' });
    expect(one('It was the third killing this year.')).toMatchObject({ from: '2021-01-01', to: PUB, precision: 'year' });
  });

  it('"early May" and "mid-March 2019" are the month', () => {
    expect(one('The village was shelled in early May.')).toMatchObject({ from: '2021-05-01', to: '2021-05-31', precision: 'month', text: 'early May' });
    expect(one('The village was shelled in mid-March 2019.')).toMatchObject({ from: '2019-03-01', to: '2019-03-31', precision: 'month' });
  });

  it('a year after publication is not read, nor "since 2019"', () => {
    expect(findDates('Attacks have risen since 2019.', PUB)).toEqual([]);
    expect(findDates('The trial should end in 2023.', PUB)).toEqual([]);
  });
});

describe('findDates: durations and dates ahead are not when anything happened', () => {
  it('drops durations and times ahead', () => {
    expect(findDates('The road was closed for the past week.', PUB)).toEqual([]);
    expect(findDates('The standoff lasted for four hours.', PUB)).toEqual([]);
    expect(findDates('Results are expected in a few hours.', PUB)).toEqual([]);
  });

  it('drops a date told after "will", "expected to", "scheduled for"', () => {
    expect(findDates('A vigil will be held Thursday at the church.', PUB)).toEqual([]);
    expect(findDates('He is expected to appear in court Monday.', PUB)).toEqual([]);
    expect(findDates('An autopsy is scheduled for Wednesday, June 16.', PUB)).toEqual([]);
    // the date of the shooting after the future phrase is kept
    expect(findDates('He will be arraigned Monday in the May 5 shooting.', PUB).map(d => d.text)).toEqual(['May 5']);
  });
});

describe('findDates: dates counted from other dates', () => {
  it('"three days later" and "the day before" count from the date told just before', () => {
    const ds = findDates('He was shot on Sunday. He died three days later in hospital.', PUB);
    expect(ds.map(d => [d.text, d.from])).toEqual([['on Sunday', '2021-06-06'], ['three days later', '2021-06-09']]);
    const before = findDates('The attack came on June 3. Gunmen had scouted the market the day before.', PUB);
    expect(before[1]).toMatchObject({ text: 'the day before', from: '2021-06-02', precision: 'day' });
  });

  it('"three days earlier" with no date told before it is not read', () => {
    expect(findDates('He had been detained three days earlier.', PUB)).toEqual([]);
  });

  it('"Two weeks after <clause>, <present-tense main clause>" dates the clause two weeks back', () => {
    const text = 'Two weeks after gunmen shot a shopkeeper in the old market, residents are again afraid to go out.';
    const d = one(text);
    expect(d).toMatchObject({ text: 'Two weeks after', from: '2021-05-24', to: '2021-05-30', precision: 'week' });
    expect(text.slice(d.clause!.start, d.clause!.end)).toBe('gunmen shot a shopkeeper in the old market');
  });

  it('"..., two days after <clause>" counts back from the main clause\'s own date', () => {
    const ds = findDates('A second man was killed on Tuesday, two days after a shopkeeper was shot nearby.', PUB);
    expect(ds[1]).toMatchObject({ text: 'two days after', from: '2021-06-06', to: '2021-06-06', precision: 'day' });
  });

  it('"Two weeks after <clause>, <past main clause without a date>" is not read', () => {
    expect(findDates('Two weeks after gunmen shot a shopkeeper, soldiers raided the village.', PUB)).toEqual([]);
  });
});

describe('findDates: holidays', () => {
  it('a holiday is its last occurrence up to publication', () => {
    expect(one('Two people were shot at a New Year\'s Eve party.', '2021-01-02')).toMatchObject({ from: '2020-12-31', precision: 'day', text: 'New Year\'s Eve' });
    expect(one('A man was shot on Christmas morning.')).toMatchObject({ from: '2020-12-25' });
    expect(one('The church was attacked on Easter Sunday.')).toMatchObject({ from: '2021-04-04' });
    expect(one('Three were wounded on Thanksgiving Day.')).toMatchObject({ from: '2020-11-26' });
    // "Memorial Day weekend": Saturday to the holiday Monday
    expect(one('Five were shot over Memorial Day weekend.')).toMatchObject({ from: '2021-05-29', to: '2021-05-31', precision: 'week', text: 'Memorial Day weekend' });
  });

  it('a holiday with its year is that day; a bare season word is no date', () => {
    expect(one('He was shot on Christmas Day 2019.', null)).toMatchObject({ from: '2019-12-25', to: '2019-12-25' });
    expect(findDates('Christmas shopping was quiet downtown.', PUB)).toEqual([]);
  });

  it('a holiday a few weeks ahead is the coming one: no date, and not its weekday either', () => {
    expect(findDates('Police are adding patrols ahead of Labor Day weekend.', '2021-08-30')).toEqual([]);
    expect(findDates('Churches will be guarded on Easter Sunday.', '2021-04-01')).toEqual([]);
  });
});

describe('findDates: the report\'s own date', () => {
  it('a dateline is flagged as the report\'s date', () => {
    const ds = findDates('BOGOTA, 9 JAN 90 (EFE) -- [TEXT] THE MAYOR, WHO WAS KIDNAPPED ON 5 JANUARY, WAS FOUND DEAD TODAY.', '1990-01-09');
    expect(ds.map(d => [d.text, d.from, d.stamp])).toEqual([['9 JAN 90', '1990-01-09', true], ['ON 5 JANUARY', '1990-01-05', false], ['TODAY', '1990-01-09', false]]);
    const us = findDates('HENRY COUNTY, Ind. (Aug. 28, 2015) – Three bodies were found in a home Thursday morning.', '2015-08-28');
    expect(us.map(d => d.stamp)).toEqual([true, false]);
  });

  it('page stamps are flagged: "Posted:", "Updated", "(Published ...)", a dated heading, a full date alone in brackets', () => {
    const stamps = (t: string, pub = '2016-10-05') => findDates(t, pub).map(d => d.stamp);
    expect(stamps('Updated: Oct 5, 2016 - 5:52 PM\n\nA teen was shot Friday night.')).toEqual([true, false]);
    expect(stamps('(Published Monday, Oct. 3, 2016) Two men were shot late Sunday.')).toEqual([true, false]);
    expect(stamps('Tue. 11 a.m.: Shooting victim\'s name released', '2016-10-04')).toEqual([true]);
    expect(stamps('UPDATE: (10/04/16) - Detectives say the shooting happened early Sunday.')).toEqual([true, false]);
  });

  it('a date in the story is not a stamp', () => {
    expect(one('The shooting happened on Oct. 1, 2016, outside a bar.', '2016-10-05').stamp).toBe(false);
  });
});

describe('findDates: spans', () => {
  it('a count before a weekday is not part of the date ("Smith, 20, on Monday")', () => {
    const text = 'Deputies arrested Gary King, 20, on Monday.';
    const d = one(text);
    expect(d.text).toBe('on Monday');
    expect(text.slice(d.start, d.end)).toBe(d.text);
  });

  it('keeps the full stop of an abbreviation, drops the sentence\'s', () => {
    expect(one('The attack happened on Jan. 7.', '2021-03-05').text).toBe('Jan. 7');
    expect(one('He was shot on Sunday.').text).toBe('on Sunday');
  });

  it('"a march" and "may" are not months; "in March" is', () => {
    expect(findDates('A march through the city ended in clashes.', PUB)).toEqual([]);
    expect(one('Clashes broke out in March.')).toMatchObject({ from: '2021-03-01', precision: 'month' });
  });

  it('without a publication date, relative spans are not read', () => {
    expect(findDates('He was shot over the weekend.', null)).toEqual([]);
    expect(findDates('He was shot on New Year\'s Eve.', null)).toEqual([]);
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
