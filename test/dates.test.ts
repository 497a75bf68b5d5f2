import { describe, expect, it } from 'vitest';
import { findDates } from '../src/extract/dates.js';
import { parsePartialDate } from '../src/knowledge/partialDate.js';

const datesOf = (sentence: string, published: string | null) => findDates(sentence, published).map((d) => d.date);

describe('dates in the seed articles', () => {
  it.each([
    ['quoted Lavrov as saying on May 27.', '2024-05-28', ['2024-05-27']],
    ['On March 22 this year, the Islamic State organised a brutal terrorist attack in Moscow.', '2024-05-28', ['2024-03-22']],
    ['On Monday, Russian Foreign Minister Sergei Lavrov was quoted as saying so.', '2024-05-28', ['2024-05-27']],
    ['the St Petersburg Economic Forum scheduled in early June.', '2024-05-28', ['2024-06']],
    ['The Russian economic event is scheduled to take place from June 5 to June 8.', '2024-05-28', ['2024-06-05']],
    ['Zamir Kamulov announced Friday, according to state media.', '2024-10-04', ['2024-10-04']],
    ['Putin, who called the Taliban a “trusted ally” in July, suggested it.', '2024-10-04', ['2024-07']],
    ['a terrorist attack on a concert hall in Moscow earlier this year that killed over 130 people.', '2024-10-04', ['2024']],
    ['The move, announced on Thursday by Supreme Court Judge Oleg Nefedov, takes effect.', '2025-04-17', ['2025-04-17']],
    ['the Prosecutor General petitioned the Supreme Court last month, citing engagements.', '2025-04-17', ['2025-03']],
  ])('%s (published %s)', (sentence, published, expected) => {
    expect(datesOf(sentence, published)).toEqual(expected);
  });

  it.each([
    ['Russia listed the Taliban as a terrorist group in 2003 after it supported Chechnya.', ['2003']],
    ['But, in August 2021, when US troops withdrew, the Taliban took power.', ['2021-08']],
    ['Kazakhstan had removed the Taliban from its list of banned groups by the end of 2023.', ['2023']],
    ['In the spring of 2022, Moscow accepted the first diplomat from the Taliban.', ['2022']],
    ['including the March 2024 Moscow concert hall bombing that killed 145 people.', ['2024-03']],
    ['The US military commander accused Moscow in May 2018.', ['2018-05']],
  ])('absolute: %s', (sentence, expected) => {
    expect(datesOf(sentence, null)).toEqual(expected);
  });
});

describe('precision and tense', () => {
  it('never dates a relative expression without a publication date', () => {
    expect(datesOf('The court ruled on Thursday, after a petition last month.', null)).toEqual([]);
  });

  it('needs a publication day for a weekday and a month for "last month"', () => {
    expect(datesOf('The court ruled on Thursday.', '2025-04')).toEqual([]);
    expect(datesOf('It petitioned last month.', '2025-03')).toEqual(['2025-02']);
    expect(datesOf('It petitioned last month.', '2025')).toEqual([]);
    expect(datesOf('It happened earlier this year.', '2025')).toEqual(['2025']);
  });

  it('dates a future weekday forward, never to the one before publication', () => {
    expect(datesOf('The minister is due to visit the White House on Monday.', '2025-04-17')).toEqual(['2025-04-21']);
    expect(datesOf('The minister will meet them on Thursday.', '2025-04-17')).toEqual([]);
    expect(datesOf('The minister met them on Monday.', '2025-04-17')).toEqual(['2025-04-14']);
  });

  it('handles month arithmetic across a year and at the end of a month', () => {
    expect(datesOf('It petitioned last month.', '2025-01-10')).toEqual(['2024-12']);
    expect(datesOf('It petitioned last month.', '2025-03-31')).toEqual(['2025-02']);
    expect(datesOf('It was held in December.', '2025-01-10')).toEqual(['2024-12']);
  });

  it('does not take words, scores or figures for dates', () => {
    expect(datesOf('The Sun reported that Russia may remove the group 24/7 after 9/11.', '2025-04-17')).toEqual([]);
    expect(datesOf('The blast killed 2003 people.', '2025-04-17')).toEqual([]);
  });

  it('parses publication dates at their own precision and rejects impossible ones', () => {
    expect(parsePartialDate('2025')).toBe('2025');
    expect(parsePartialDate('2025-03')).toBe('2025-03');
    expect(parsePartialDate('2024-02-29')).toBe('2024-02-29');
    expect(parsePartialDate('2025-02-29')).toBeNull();
    expect(parsePartialDate('2025-13')).toBeNull();
    expect(parsePartialDate('March 2025')).toBeNull();
  });
});
