import { describe, expect, it } from 'vitest';
import { answerQuery } from '../src/answer/answer.js';
import { findFigures } from '../src/extract/figures.js';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import type { Article } from '../src/knowledge/types.js';

const figuresOf = (sentence: string) => findFigures(sentence).map((f) => `${f.kind}: ${f.value} (${f.number})`);

describe('figures of any kind', () => {
  it.each([
    ['The bombing in Lahore killed at least 31 people.', ['killed: at least 31 (31)']],
    ['Police detained 17 suspects after the raid in Mombasa.', ['detained: 17 (17)']],
    ['The motion passed with 9 votes in favour.', ['votes in favour: 9 (9)']],
    ['Eleven members of the council backed the listing.', ['votes in favour: Eleven (11)']],
    ['The assembly voted 140-12 to approve the ban.', ['votes in favour: 140 (140)', 'votes against: 12 (12)']],
    ['The Lok Sabha passed the ban by 112 votes to 40.', ['votes in favour: 112 (112)', 'votes against: 40 (40)']],
    ['Parliament approved it 111 to 41 on Tuesday.', ['votes in favour: 111 (111)', 'votes against: 41 (41)']],
    ['The gunmen killed 19 hostages at the hotel.', ['killed: 19 (19)']],
    ['The militants took 40 people hostage.', ['held hostage: 40 (40)']],
    ['Officials froze €2.5 million held by the network.', ['amount: €2.5 million (2500000)']],
    ['The death toll rose by 3 to 145, officials said.', []],
    ['Sanctions imposed in 2019 against the network were lifted.', []],
    ['"We counted 40 bodies," a witness said.', []],
  ])('%s', (sentence, expected) => {
    expect(figuresOf(sentence)).toEqual(expected);
  });
});

/** A one-paragraph article, titled by its path. */
const article = (path: string, published: string, text: string): Article => ({
  path,
  title: path,
  outlet: null,
  url: null,
  published,
  paragraphs: [text],
  hash: path,
});

describe('where sources disagree', () => {
  const kb = new KnowledgeBase(
    [{ id: 'quarryfront', name: 'Quarry Front', kind: 'organisation', aliases: [], partOf: null }],
    [
      article('a.md', '2024-03-06', 'The Security Council added the Quarry Front to its sanctions list, with 11 votes in favour.'),
      article('b.md', '2024-05-02', 'The Quarry Front has been under UN sanctions since March 2024, when 12 members of the council backed the listing.'),
      article('c.md', '2024-05-02', 'Canada froze $3 million of Quarry Front assets in 2021.'),
      article('d.md', '2024-06-01', 'Canada offered a $5 million reward for the Quarry Front leader in 2024.'),
    ],
  );

  it('flags two counts of one vote, and says what was counted and when', () => {
    const votes = answerQuery(kb, 'Quarry Front').conflicts.filter((c) => c.about.startsWith('Votes in favour'));
    expect(votes).toHaveLength(1);
    expect(votes[0]!.about).toContain('2024-03');
    expect(votes[0]!.values.map((v) => v.value).sort()).toEqual(['11', '12']);
  });

  it('keeps a vote on one organisation out of the answer about another named beside it', () => {
    const paragraphs = (path: string, published: string, texts: string[]): Article => ({ ...article(path, published, ''), paragraphs: texts });
    const other = new KnowledgeBase(
      [
        { id: 'quarryfront', name: 'Quarry Front', kind: 'organisation', aliases: [], partOf: null },
        { id: 'harbourleague', name: 'Harbour League', kind: 'organisation', aliases: [], partOf: null },
      ],
      [
        paragraphs('x.md', '2024-03-06', [
          'The Security Council added the Quarry Front to its sanctions list.',
          'The resolution was adopted with 11 votes in favour.',
          'The Harbour League condemned the decision.',
        ]),
        paragraphs('y.md', '2024-03-20', [
          'The Quarry Front was listed this month, after 12 members of the council backed the listing.',
          'The Harbour League said it would appeal.',
        ]),
      ],
    );
    const votes = (query: string) => answerQuery(other, query).conflicts.filter((c) => c.about.startsWith('Votes in favour'));
    expect(votes('Quarry Front')).toHaveLength(1);
    expect(votes('Harbour League')).toEqual([]);
  });

  it('does not compare sums of money from different occasions', () => {
    expect(answerQuery(kb, 'Quarry Front').conflicts.filter((c) => c.about.startsWith('Amount'))).toEqual([]);
  });
});

describe('counts of one named event, and tallies of one vote', () => {
  const kb = new KnowledgeBase(
    [{ id: 'harbourfront', name: 'Harbour Front', kind: 'organisation', aliases: [], partOf: null }],
    [
      article('a.md', '2024-02-03', 'The Harbour Front killed 19 hostages in the Serena Hotel siege, officials said.'),
      article('b.md', '2024-02-05', 'Survivors said the Harbour Front killed 23 hostages in the Serena Hotel siege.'),
      article('c.md', '2024-03-06', 'Parliament banned the Harbour Front by 112 votes to 40.'),
      article('d.md', '2024-03-07', 'The Harbour Front ban passed 111-41 in parliament on Tuesday.'),
    ],
  );

  it('gives both death tolls of the siege, and both tallies of the vote', () => {
    const { conflicts } = answerQuery(kb, 'Harbour Front');
    const about = (kind: string) => conflicts.find((c) => c.about.startsWith(kind))?.values.map((v) => v.value);
    expect(about('Death toll')).toEqual(['19', '23']);
    expect(about('Votes in favour')).toEqual(['112', '111']);
    expect(about('Votes against')).toEqual(['40', '41']);
  });
});
