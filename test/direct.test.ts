import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuery } from '../src/answer/answer.js';
import { prepareAnswers } from '../src/answer/answerCache.js';
import type { Answer, DirectFact } from '../src/answer/types.js';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import type { Article, Entity } from '../src/knowledge/types.js';
import { renderBlocks } from '../src/render/blocks.js';
import { renderText } from '../src/render/text.js';
import { evidenceProblems } from './support/directEvidence.js';
import { SEED_DIR, seedKnowledgeBase } from './support/seedKnowledge.js';
import { startSlackApp, type RunningApp } from './support/slackAppHarness.js';
import { slashCommandBody } from './support/slackRequests.js';

const ASKED_ON = new Date('2026-12-02T12:00:00Z');

async function ask(query: string): Promise<Answer> {
  return answerQuery(await seedKnowledgeBase(), query, { now: ASKED_ON });
}

const facts = (answer: Answer): DirectFact[] => (answer.direct?.parts ?? []).flatMap((p) => (p.fact ? [p.fact] : []));

describe('direct answers on the seeds', () => {
  it('answers "when did russia ban the taliban?" with the 2003 listing first, then the removal', async () => {
    const answer = await ask('when did russia ban the taliban?');
    expect(answer.direct?.form).toBe('when');
    expect(facts(answer).map((f) => [f.authority, f.state, f.date])).toEqual([
      ['Russia', 'listed', '2003'],
      ['Russia', 'removed', '2025-04-17'],
    ]);
    expect(answer.direct!.text).toMatch(/^Russia listed the Taliban in 2003 (\[\d\])+ and removed it on 2025-04-17 \[\d\]\.$/);
    // The summary leads with the sentence of the dated step.
    expect(answer.summary[0]!.text).toMatch(/2003/);
  });

  it('answers "has russia removed the taliban?" yes, with the date', async () => {
    const answer = await ask('has russia removed the taliban?');
    expect(answer.direct!.text).toMatch(/^Yes\. Russia removed the Taliban on 2025-04-17 \[\d\]\.$/);
  });

  it('says no source reports a UN removal, and gives the latest step reported', async () => {
    const answer = await ask('has the UN removed the taliban?');
    expect(answer.direct!.found).toBe(false);
    expect(answer.direct!.text).toMatch(
      /^No source in the knowledge base says the United Nations Security Council removed the Taliban\. The latest step reported: .*listed/,
    );
    expect(facts(answer)).toEqual([{ authority: 'United Nations Security Council', entity: 'Taliban', state: 'listed', date: null }]);
  });

  it('names every country that removed the Taliban with its date', async () => {
    const answer = await ask('which countries removed the taliban?');
    expect(
      facts(answer)
        .map((f) => `${f.authority} ${f.date}`)
        .sort(),
    ).toEqual(['Kazakhstan 2023', 'Kyrgyzstan null', 'Russia 2025-04-17']);
  });

  it('answers where things stand now, not whether a step was ever taken', async () => {
    expect((await ask('is the taliban still banned in russia?')).direct!.text).toMatch(/^No\. Russia removed the Taliban on 2025-04-17/);
    expect((await ask('has russia ever banned the taliban?')).direct!.text).toMatch(/^Yes\. Russia listed the Taliban in 2003/);
  });

  it.each([
    'when did russia ban the taliban?',
    'has the UN removed the taliban?',
    'which countries removed the taliban?',
    'who asked for the taliban’s removal?',
    'what changed for the taliban since 2024?',
    'is the taliban still listed?',
  ])('cites, for every fact of "%s", a source whose sentence is the evidence and states that very step', async (query) => {
    const answer = await ask(query);
    expect(facts(answer).length).toBeGreaterThan(0);
    for (const part of answer.direct!.parts.filter((p) => p.fact)) expect(part.citations.length).toBeGreaterThan(0);
    expect(evidenceProblems(await seedKnowledgeBase(), SEED_DIR, answer)).toEqual([]);
  });

  it.each([
    'taliban',
    'why did russia remove the taliban?',
    'who is zamir kabulov?',
    'when did the taliban take power?',
    'how many people died in the moscow attack?',
  ])('gives no direct answer to "%s", a plain query', async (query) => {
    const answer = await ask(query);
    expect(answer.direct).toBeNull();
    expect(answer.summary.length).toBeGreaterThan(0);
  });

  it('shows 2003 and 2025-04-17 among the key events of /designation taliban, oldest first, with the rest counted', async () => {
    const answer = await ask('taliban');
    const dates = answer.keyEvents.map((i) => answer.timeline[i]!.date);
    expect(dates).toContain('2003');
    expect(dates).toContain('2025-04-17');
    expect(dates).toEqual([...dates].sort());
    const timeline = JSON.stringify(renderBlocks(answer).blocks.find((b) => JSON.stringify(b).includes('*Timeline*')));
    expect(timeline).toContain('`2003`');
    expect(timeline).toContain('`2025-04-17`');
    expect(timeline).toContain(`and ${answer.timeline.length - dates.length} more: Full timeline`);
  });
});

/** A knowledge base of invented articles, to check the mechanisms on text no seed holds. */
function inventedKnowledge(articles: { path: string; published: string; text: string }[]): KnowledgeBase {
  const entities: Entity[] = [
    { id: 'amberdawnfront', name: 'Amber Dawn Front', kind: 'organisation', aliases: ['ADF'], partOf: null },
    { id: 'hamasi', name: 'Hamasi', kind: 'organisation', aliases: [], partOf: null },
  ];
  const read: Article[] = articles.map((a) => ({
    path: a.path,
    title: a.path,
    outlet: null,
    url: null,
    published: a.published,
    paragraphs: [a.text],
    hash: a.path,
  }));
  return new KnowledgeBase(entities, read);
}

describe('direct answers on invented articles', () => {
  const kb = inventedKnowledge([
    {
      path: 'a.md',
      published: '2019-03-15',
      text: 'Norway designated the Amber Dawn Front as a terrorist organisation on Thursday. The listing takes effect on Monday, when it is published in the gazette.',
    },
    { path: 'b.md', published: '2023-10-02', text: 'Finland has not listed the Amber Dawn Front, and its foreign minister said there were no plans to do so.' },
    { path: 'c.md', published: '2024-06-20', text: 'Norway removed the Amber Dawn Front from its terrorist list on Wednesday after the group disarmed.' },
    { path: 'd.md', published: '2026-11-30', text: 'Sweden banned Hamasi on Friday. Hamasi, which Denmark banned in 2021, denied the charges.' },
  ]);
  const direct = (query: string) => answerQuery(kb, query, { now: ASKED_ON });

  it('gives the date most reports agree on, and says where another report dates the step otherwise', () => {
    const answer = direct('when did norway list the ADF?');
    expect(
      facts(answer)
        .filter((f) => f.state === 'listed')
        .map((f) => f.date)
        .sort(),
    ).toEqual(['2019-03-14', '2019-03-18']);
    expect(answer.direct!.text).toMatch(/\(also reported as 2019-03-1\d \[\d\]\)/);
    expect(answer.direct!.text).toMatch(/and removed it on 2024-06-19/);
  });

  it('never reads "has not listed" as a listing', () => {
    const answer = direct('has finland listed the amber dawn front?');
    expect(answer.direct!.found).toBe(false);
    expect(facts(answer).some((f) => f.authority === 'Finland')).toBe(false);
  });

  it('answers "no" where the latest step undid the one asked about', () => {
    expect(direct('is the amber dawn front still designated by norway?').direct!.text).toMatch(/^No\. Norway removed the Amber Dawn Front on 2024-06-19/);
  });

  it('counts "this week" from the day it is asked', () => {
    const answer = direct('what changed for hamasi this week?');
    expect(answer.direct!.text).toMatch(/^Since 2026-11-25: Sweden listed Hamasi on 2026-11-27/);
    expect(direct('what changed for the amber dawn front this week?').direct!.found).toBe(false);
  });

  it('writes a name the way its sources do: "the Amber Dawn Front", but "Hamasi"', () => {
    expect(direct('who banned hamasi?').direct!.text).toMatch(/^Sweden listed Hamasi on 2026-11-27 \[\d\] and Denmark in 2021 \[\d\]\.$/);
  });

  it('answers a dated question by the date: no "yes" for a step taken in another year', () => {
    const other = direct('did norway remove the ADF in 2021?');
    expect(other.direct!.found).toBe(false);
    expect(other.direct!.text).toMatch(/^No source in the knowledge base says Norway removed the Amber Dawn Front in 2021\./);
    expect(direct('did norway remove the ADF in 2024?').direct!.text).toMatch(/^Yes\. Norway removed the Amber Dawn Front on 2024-06-19/);
  });

  it.each([
    'is the amber dawn front not listed by norway?',
    "hasn't norway removed the ADF?",
    'did hamasi ban newspapers?',
    'was the norwegian ban on the ADF justified?',
    'did finland criticise norway for delisting the ADF?',
    'did sweden ban hamasi before denmark?',
  ])('gives no direct answer to "%s", which fixed words cannot answer', (query) => {
    expect(direct(query).direct).toBeNull();
  });

  it('reads the period of "what changed": before, in, between', () => {
    expect(direct('what changed for the ADF before 2020?').direct!.text).toMatch(/^Up to 2019: Norway listed the Amber Dawn Front/);
    expect(direct('what changed for the ADF in 2024?').direct!.text).toMatch(/^In 2024: Norway removed the Amber Dawn Front on 2024-06-19/);
    expect(facts(direct('what changed for the ADF between 2019 and 2024?'))).toHaveLength(2);
  });

  it('says in one sentence which named authorities no source reports, and what the others did', () => {
    const answer = direct('when did norway and finland remove the ADF?');
    expect(answer.direct!.text).toMatch(
      /^Norway removed the Amber Dawn Front on 2024-06-19 \[\d\]\. No source in the knowledge base says Finland removed the Amber Dawn Front\.$/,
    );
  });

  it('keeps a thread to its organisation, not to the authority it was asked about before', () => {
    const answer = answerQuery(kb, 'has finland listed it?', { now: ASKED_ON, context: ['Amber Dawn Front', 'Norway'] });
    expect(answer.direct!.found).toBe(false);
    expect(facts(answer).some((f) => f.authority === 'Norway' && f.state === 'listed')).toBe(false);
  });

  it('answers from the new claims after an edit, and the same from the claims no edit touched', () => {
    const edited = inventedKnowledge([
      { path: 'e.md', published: '2022-05-10', text: 'Iceland banned Hamasi on Tuesday.' },
      { path: 'f.md', published: '2023-01-12', text: 'Norway designated the Amber Dawn Front as a terrorist organisation on Thursday.' },
    ]);
    prepareAnswers(edited);
    const ask = (query: string) => answerQuery(edited, query, { now: ASKED_ON });
    const norwayBefore = ask('has norway removed the Amber Dawn Front?');
    expect(norwayBefore.direct!.found).toBe(false);
    expect(facts(ask('is hamasi banned in iceland?'))).toMatchObject([{ authority: 'Iceland', state: 'listed', date: '2022-05-10' }]);
    // A later report: Iceland lifted the ban. Only that pair's history is new.
    edited.upsert({
      path: 'g.md',
      title: 'g',
      outlet: null,
      url: null,
      published: '2025-02-03',
      paragraphs: ['Iceland lifted its ban on Hamasi on Monday.'],
      hash: 'g',
    });
    prepareAnswers(edited);
    expect(facts(ask('is hamasi banned in iceland?'))).toMatchObject([{ authority: 'Iceland', state: 'removed', date: '2025-02-03' }]);
    expect(ask('has norway removed the Amber Dawn Front?')).toEqual(norwayBefore);
    // The report withdrawn: the ban stands again.
    edited.remove('g.md');
    expect(facts(ask('is hamasi banned in iceland?'))).toMatchObject([{ authority: 'Iceland', state: 'listed', date: '2022-05-10' }]);
  });

  it('does not read a question word as an acronym of an organisation ("has" is not HAS)', () => {
    const named = new KnowledgeBase(
      [{ id: 'hizbalsayf', name: 'Hizb al-Sayf', kind: 'organisation', aliases: ['HAS'], partOf: null }],
      [
        {
          path: 'h.md',
          title: 'h',
          outlet: null,
          url: null,
          published: '2024-06-20',
          paragraphs: ['Norway banned Hizb al-Sayf (HAS) on Wednesday.'],
          hash: 'h',
        },
      ],
    );
    expect(named.matcher.findInQuery('has norway banned the group?').map((m) => m.entityId)).toEqual(['norway']);
    expect(named.matcher.findInQuery('has norway banned HAS?').map((m) => m.entityId)).toEqual(['norway', 'hizbalsayf']);
  });

  it('labels the answer as assembled, first in the terminal and first in Slack', () => {
    const answer = direct('has norway removed the ADF?');
    expect(renderText(answer).split('\n')[0]).toBe(`Answer, assembled from the cited sources: ${answer.direct!.text}`);
    const [, first] = renderBlocks(answer).blocks;
    expect(JSON.stringify(first)).toMatch(
      /Answer, assembled from the cited sources\* _\(not a quotation\)_\\nYes\. Norway removed the Amber Dawn Front on 2024-06-19/,
    );
  });
});

describe('direct answers in Slack', () => {
  let slack: RunningApp;
  beforeAll(async () => {
    const kb = await seedKnowledgeBase();
    slack = await startSlackApp(() => kb);
  });
  afterAll(() => slack.stop());

  it('shows the direct answer to /designation as its first section, its citations linked as the summary’s are', async () => {
    const res = await slack.post(slashCommandBody({ text: 'has russia removed the taliban?', response_url: slack.fake.responseUrl('q') }));
    const body = res.json() as { text: string; blocks: { type: string; text?: { text: string } }[] };
    expect(body.blocks[0]!.type).toBe('header');
    expect(body.blocks[1]!.text!.text).toMatch(
      /^\*Answer, assembled from the cited sources\* _\(not a quotation\)_\nYes\. Russia removed the Taliban on 2025-04-17 \[1\]\.$/,
    );
    expect(body.text).toMatch(/^Answer, assembled from the cited sources: Yes\./);
  });
});
