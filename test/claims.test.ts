import { describe, expect, it } from 'vitest';
import { answerQuery } from '../src/answer/answer.js';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { entityId } from '../src/knowledge/entities.js';
import type { Article } from '../src/knowledge/types.js';

/** The claims of the last paragraph of a one-article knowledge base, as "Authority state Entity date". */
function claimsOf(paragraphs: string[], published: string | null = '2024-09-13', organisations: string[] = []): string[] {
  const article: Article = { path: 'a.md', title: 'a', outlet: null, url: null, published, paragraphs, hash: 'a' };
  const configured = organisations.map((name) => ({ id: entityId(name), name, kind: 'organisation' as const, aliases: [], partOf: null }));
  const kb = new KnowledgeBase(configured, [article]);
  const last = paragraphs[paragraphs.length - 1]!;
  return kb
    .sentencesOf('a.md')
    .filter((s) => last.includes(s.text))
    .flatMap((s) => s.claims)
    .map((c) => `${kb.entity(c.authorityId)!.name} ${c.state}${c.toward ? `→${c.toward}` : ''} ${kb.entity(c.targetId)!.name} ${c.date ?? '-'}`);
}

// 2024-09-13 is a Friday.
describe('steps read from the clause', () => {
  it.each([
    ['Norway proscribed the Amber Wolf Brotherhood on Tuesday.', ['Norway listed Amber Wolf Brotherhood 2024-09-10']],
    ['The Amber Wolf Brotherhood was blacklisted by the Dutch government in 2021.', ['Netherlands listed Amber Wolf Brotherhood 2021']],
    ['Ottawa struck the Amber Wolf Brotherhood off its list of terrorist entities last month.', ['Canada removed Amber Wolf Brotherhood 2024-08']],
    ['Mexican prosecutors said the cartel front, the Sierra Madre Collective, had been outlawed.', ['Mexico listed Sierra Madre Collective -']],
  ])('%s', (sentence, expected) => {
    expect(claimsOf([sentence])).toEqual(expected);
  });
});

describe('negation, refusal and pressure give no step', () => {
  it.each([
    'Sweden has never designated the Amber Wolf Brotherhood as a terrorist group.',
    'The Irish government declined to ban the Amber Wolf Brotherhood, saying it posed no threat.',
    'Campaigners urged Canberra to list the Amber Wolf Brotherhood as a terrorist organisation.',
    'Belgium, which has not listed the Amber Wolf Brotherhood, said on Monday it would wait for the courts.',
    'Lawmakers in Rome tabled a motion calling for the proscription of the Amber Wolf Brotherhood.',
    'Finland stopped short of blacklisting the Amber Wolf Brotherhood, citing a lack of evidence.',
    'The travel ban on three leaders of the Amber Wolf Brotherhood was lifted by Austria.',
    'Britain had "no intention" to proscribe the Amber Wolf Brotherhood, officials said.',
  ])('%s', (sentence) => {
    expect(claimsOf([sentence], '2024-09-13', ['Amber Wolf Brotherhood'])).toEqual([]);
  });
});

describe('sentences that say less than they seem to', () => {
  it.each([
    ['The Foo Front was banned after attacks in Uganda.', []],
    ['The Iranian-backed Foo Front was banned on Monday.', []],
    ['Canada dropped plans to ban the Foo Front.', []],
    ['Critics want Canada to lift the ban on the Foo Front.', []],
    ['Canada denied reports that it had banned the Foo Front.', []],
    ['Britain has banned the Foo Front," the minister said.', []],
    ['Britain announced the rescission of the designation of the Foo Front.', ['United Kingdom removed Foo Front -']],
    ['Germany banned rallies by the Foo Front but stopped short of outlawing the group itself.', []],
    ['Activists asked whether Britain would proscribe the Foo Front.', []],
    ['Had Canada listed the Foo Front in 2019, the attacks might have been prevented.', []],
    ['Japan removed a Foo Front leader from its sanctions list.', []],
    ['France lifted its ban on the Foo Front’s newspaper, but the group itself remains outlawed.', []],
    ['Britain and France, unlike Germany, have banned the Foo Front.', ['United Kingdom listed Foo Front -', 'France listed Foo Front -']],
  ])('%s', (sentence, expected) => {
    expect(claimsOf([sentence], '2024-09-13', ['Foo Front'])).toEqual(expected);
  });

  it('does not take a newspaper named after a place for its government', () => {
    const article: Article = {
      path: 'a.md',
      title: 'a',
      outlet: 'The Washington Post',
      url: null,
      published: '2024-09-13',
      hash: 'a',
      paragraphs: ['The Foo Front was designated as a terrorist organisation on Monday.'],
    };
    const kb = new KnowledgeBase([{ id: 'foofront', name: 'Foo Front', kind: 'organisation', aliases: [], partOf: null }], [article]);
    expect(kb.sentencesOf('a.md').flatMap((s) => s.claims)).toEqual([]);
  });
});

describe("the list named with the step, and a passive's agent, give its authority", () => {
  it.each([
    [
      'The Saffron Tide Movement was added to the UN sanctions list on 4 March 2021.',
      ['United Nations Security Council listed Saffron Tide Movement 2021-03-04'],
    ],
    ['The Saffron Tide Movement has been struck off the EU terror list.', ['European Union removed Saffron Tide Movement -']],
    ['The Saffron Tide Movement will be taken off the Australian terrorist list next month.', ['Australia pending→removed Saffron Tide Movement 2024-10']],
    // The list's keeper, not the reporter, takes the step.
    [
      'Officials in Nairobi said the Saffron Tide Movement had been placed on the US terrorism blacklist in 2018.',
      ['United States listed Saffron Tide Movement 2018'],
    ],
    ['The Saffron Tide Movement had been listed by Japan on 2 February 2016.', ['Japan listed Saffron Tide Movement 2016-02-02']],
    [
      'The Saffron Tide Movement was listed by New Zealand and Australia last year.',
      ['New Zealand listed Saffron Tide Movement 2023', 'Australia listed Saffron Tide Movement 2023'],
    ],
    ['The Saffron Tide Movement, which was listed by the Dutch government in 2020, has since split.', ['Netherlands listed Saffron Tide Movement 2020']],
    ['The Saffron Tide Movement, listed by Austria in 2019, changed its name.', ['Austria listed Saffron Tide Movement 2019']],
    // "France" has a verb of its own: it reports, it is not an agent; its day dates the report, not the ban.
    ['The Saffron Tide Movement was banned by Britain, France said on Monday.', ['United Kingdom listed Saffron Tide Movement -']],
    // A request to the list's keeper is at most the keeper's step under way.
    [
      'The Kenyan government asked that the Saffron Tide Movement be added to the UN sanctions list.',
      ['United Nations Security Council pending→listed Saffron Tide Movement -'],
    ],
  ])('%s', (sentence, expected) => {
    expect(claimsOf([sentence], '2024-09-13', ['Saffron Tide Movement'])).toEqual(expected);
  });

  it.each([
    'The Saffron Tide Movement was not added to the EU terrorist list.',
    'The Saffron Tide Movement was never listed by Canada.',
    'The Saffron Tide Movement could be added to the EU terrorist list.',
    'The Saffron Tide Movement was added to the list after an EU court ruling.',
    // A bare "listed" by someone other than an authority, or as something other than a terrorist group.
    'The report listed by the EU named the Saffron Tide Movement.',
    'The Saffron Tide Movement was listed by the EU report among the groups recruiting online.',
    'The Saffron Tide Movement was listed by the UN panel in 2021 among groups active in the region.',
    'The Saffron Tide Movement was listed as a charity by Britain.',
    // One authority asking another to list is not the step of either.
    'The Kenyan government asked Uganda to ban the Saffron Tide Movement.',
    // A listing on a market.
    'Harbour Freight Holdings was listed on the London Stock Exchange in 2019.',
    'Harbour Freight Holdings was listed by the British government on the London Stock Exchange in 2013.',
    'Britain listed Harbour Freight Holdings on the London Stock Exchange in 2013.',
    'Harbour Freight Holdings was listed on two stock exchanges by the Dutch government in 2013.',
    // A country before "sanctions list" is whom the sanctions are on; "among" makes it a list of another kind.
    'The Saffron Tide Movement was removed from the Iran sanctions list in 2020.',
    'Harbour Freight Holdings was listed by Britain among the companies bidding for the port contract.',
  ])('%s', (sentence) => {
    expect(claimsOf([sentence], '2024-09-13', ['Saffron Tide Movement', 'Harbour Freight Holdings'])).toEqual([]);
  });
});

describe('pending steps say what is pending', () => {
  it.each([
    ['Denmark will designate the Amber Wolf Brotherhood as a terrorist entity next month.', ['Denmark pending→listed Amber Wolf Brotherhood 2024-10']],
    ['Spain is expected to delist the Amber Wolf Brotherhood after its disarmament.', ['Spain pending→removed Amber Wolf Brotherhood -']],
    ['Portugal has begun the process of banning the Amber Wolf Brotherhood.', ['Portugal pending→listed Amber Wolf Brotherhood -']],
  ])('%s', (sentence, expected) => {
    expect(claimsOf([sentence], '2024-09-13', ['Amber Wolf Brotherhood'])).toEqual(expected);
  });

  it('reads a decision with a stated in-force date as the step on that date', () => {
    expect(
      claimsOf(['The Council of the EU has decided to remove the Amber Wolf Brotherhood from the list with effect from 2 October.'], '2024-09-13', [
        'Amber Wolf Brotherhood',
      ]),
    ).toEqual(['European Union removed Amber Wolf Brotherhood 2024-10-02']);
  });
});

describe('each step belongs to its own entity and clause', () => {
  it('removes only the group removed, not the one that remains', () => {
    expect(claimsOf(['Chile removed the Copper Road Front from its list; the Atacama Cells remain listed.'])).toEqual(['Chile removed Copper Road Front -']);
  });

  it('dates each step by its own clause', () => {
    expect(claimsOf(['Peru listed the Copper Road Front in 2015 and removed it on 2 September.'])).toEqual([
      'Peru listed Copper Road Front 2015',
      'Peru removed Copper Road Front 2024-09-02',
    ]);
  });

  it('takes the in-force date over the announcement date', () => {
    expect(claimsOf(['Greece announced on 2 September that it had banned the Copper Road Front, and the ban took effect on 9 September.'])).toEqual([
      'Greece listed Copper Road Front 2024-09-09',
    ]);
  });
});

describe('references inside an article', () => {
  it('reads "the group" as the organisation named before', () => {
    expect(claimsOf(['Police said the Harbour Dawn Network had recruited dock workers.', 'Singapore designated the group on Wednesday.'])).toEqual([
      'Singapore listed Harbour Dawn Network 2024-09-11',
    ]);
  });

  it('reads "the designation took effect" as the step reported before', () => {
    expect(claimsOf(['Kenya said it had designated the Harbour Dawn Network.', 'The designation took effect on Thursday.'])).toEqual([
      'Kenya listed Harbour Dawn Network 2024-09-12',
    ]);
  });
});

describe('organisations nobody configured', () => {
  it('finds the name, its acronym and its other names', () => {
    const article: Article = {
      path: 'a.md',
      title: 'a',
      outlet: null,
      url: null,
      published: '2024-09-13',
      hash: 'a',
      paragraphs: ['Canada listed the Harbour Dawn Network (HDN), also known as Fajr al-Mina, as a terrorist entity.'],
    };
    const kb = new KnowledgeBase([], [article]);
    const found = kb.entity(entityId('Harbour Dawn Network'));
    expect(found).toMatchObject({ name: 'Harbour Dawn Network', kind: 'organisation' });
    expect(found!.aliases).toEqual(expect.arrayContaining(['HDN', 'Fajr al-Mina']));
    expect(kb.matcher.findInQuery('hdn').map((m) => m.entityId)).toEqual([found!.id]); // queries are typed in lower case
    expect(kb.matcher.findInQuery('Fajr al-Mina').map((m) => m.entityId)).toEqual([found!.id]);
  });

  it('knows countries by adjective, capital and ministry without configuration', () => {
    expect(claimsOf(['Japanese authorities blacklisted the Harbour Dawn Network.'])).toEqual(['Japan listed Harbour Dawn Network -']);
    expect(claimsOf(['Ankara outlawed the Harbour Dawn Network.'])).toEqual(['Turkey listed Harbour Dawn Network -']);
    expect(claimsOf(["Nigeria's interior ministry proscribed the Harbour Dawn Network."])).toEqual(['Nigeria listed Harbour Dawn Network -']);
    expect(claimsOf(['The Home Office proscribed the Harbour Dawn Network.'])).toEqual(['United Kingdom listed Harbour Dawn Network -']);
  });
});

describe('status lines', () => {
  it('read the same whatever order the articles were read in', () => {
    const texts = [
      'Canada will list the Foo Front as a terrorist entity in October.',
      'Canada listed the Foo Front as a terrorist entity in 2024.',
      'Canada removed the Foo Front from its terrorist list in June.',
    ];
    const articles: Article[] = texts.map((text, i) => ({
      path: `${i}.md`,
      title: `${i}`,
      outlet: null,
      url: null,
      published: '2024-09-13',
      hash: `${i}`,
      paragraphs: [text],
    }));
    const orders = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ];
    const lines = orders.map((order) => {
      const kb = new KnowledgeBase(
        [{ id: 'foofront', name: 'Foo Front', kind: 'organisation', aliases: [], partOf: null }],
        order.map((i) => articles[i]!),
      );
      return JSON.stringify(answerQuery(kb, 'Foo Front').status.map((s) => [s.authority, s.state, s.toward, s.date]));
    });
    expect(new Set(lines).size).toBe(1);
    expect(JSON.parse(lines[0]!)).toEqual([['Canada', 'pending', 'listed', '2024-10']]);
  });
});
