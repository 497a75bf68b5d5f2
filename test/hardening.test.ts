import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuery, MAX_QUERY_CHARS } from '../src/answer/answer.js';
import { truncate } from '../src/answer/truncate.js';
import { readTopics } from '../src/digest/topics.js';
import { KnowledgeBase } from '../src/index/knowledgeBase.js';
import { parseEntities } from '../src/knowledge/entities.js';
import { header, renderBlocks, section } from '../src/render/blocks.js';
import { escapeMrkdwn } from '../src/render/mrkdwn.js';
import { usageBlocks } from '../src/slack/replies.js';
import { seedKnowledgeBase } from './support/seedKnowledge.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await seedKnowledgeBase();
});

type Shown = { type: string; text?: { text: string } };
const sectionTexts = (blocks: unknown[]) => (blocks as Shown[]).filter((b) => b.type === 'section').map((b) => b.text!.text);
const textOf = (block: unknown) => (block as Shown).text!.text;
/** No half of a surrogate pair without its other half. */
const wellFormed = (text: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('long questions', () => {
  it('answers one past the limit politely, echoing only its beginning', () => {
    const question = `What did the court decide about the Taliban ${'and then what happened next '.repeat(1500)}`;
    expect(question.length).toBeGreaterThan(40_000);
    const answer = answerQuery(kb, question);
    expect(answer.summary).toEqual([]);
    expect(answer.message).toMatch(/^That question is [\d,]+ characters long; I answer questions of up to 1,000 characters\./);
    expect(answer.message).toContain('Your question began: "What did the court decide about the Taliban');
    expect(answer.message!.length).toBeLessThan(400);
    expect(sectionTexts(renderBlocks(answer).blocks).every((t) => t.length <= 3000)).toBe(true);
  });

  it('answers one at the limit as any other', () => {
    const question = `taliban ${'x'.repeat(MAX_QUERY_CHARS - 8)}`;
    expect(answerQuery(kb, question).status.length).toBeGreaterThan(0);
  });

  it('says nothing was found with the question cut, not repeated whole', () => {
    const question = `${'zebra quagga okapi '.repeat(50)}`.trim();
    const answer = answerQuery(kb, question);
    expect(answer.message).toMatch(/^Nothing in the knowledge base matches "zebra quagga/);
    expect(answer.message!.length).toBeLessThan(400);
  });

  it('names an unknown digest topic with the words cut', () => {
    const topics = readTopics(`taliban ${'quidditch '.repeat(400)}`, kb.matcher);
    expect(typeof topics).toBe('string');
    expect((topics as string).length).toBeLessThan(300);
  });
});

describe('cutting text for Slack', () => {
  it('never splits a character made of two UTF-16 units', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', '😀', '🇺🇸', 'é', '中'), { maxLength: 400 }), fc.integer({ min: 2, max: 300 }), (parts, max) => {
        const cut = truncate(parts.join(''), max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(wellFormed(cut)).toBe(true);
      }),
    );
  });

  it('cuts a header and a section whole characters at a time, within the limits', () => {
    const title = `${'x'.repeat(143)}😀😀😀 and more`;
    const text = textOf(header(title));
    expect(wellFormed(text)).toBe(true);
    expect(text.length).toBeLessThanOrEqual(150);
    const long = textOf(section(escapeMrkdwn(`${'😀'.repeat(2000)} <!channel>`)));
    expect(long.length).toBeLessThanOrEqual(3000);
    expect(wellFormed(long)).toBe(true);
  });

  it('shows the help with its placeholder escaped, so Slack does not read it as a link', () => {
    const help = sectionTexts(usageBlocks()).join('\n');
    expect(help).toContain('&lt;question&gt;');
    expect(help).not.toMatch(/<question>/);
  });
});

describe('entities.yml', () => {
  const yaml = ['- name: Taliban', '  aliases: [a, the, Of, "2003", al, X, IS, Taleban]', '- name: the', '- name: "42"'].join('\n');

  it('refuses names and aliases that would match ordinary text, naming the entry', () => {
    const { entities, problems } = parseEntities(yaml);
    expect(entities.map((e) => [e.name, e.aliases])).toEqual([['Taliban', ['IS', 'Taleban']]]);
    const messages = problems.map((p) => p.message);
    for (const alias of ['a', 'the', 'Of', '2003', 'al', 'X'])
      expect(messages).toContainEqual(expect.stringContaining(`entry 1 ("Taliban"): the alias "${alias}"`));
    expect(messages).toContainEqual(expect.stringMatching(/^entry 2 \("the"\): the name is a common English word/));
    expect(messages).toContainEqual(expect.stringMatching(/^entry 3 \("42"\): the name is a bare number/));
  });

  it('refuses a name that could pass for a citation in an answer', () => {
    const { entities, problems } = parseEntities(['- name: Cell [1]', '- name: Northern Cell', '  aliases: ["NC [2]", NC]'].join('\n'));
    expect(entities.map((e) => [e.name, e.aliases])).toEqual([['Northern Cell', ['NC']]]);
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/^entry 1 \("Cell \[1\]"\): the name is written with square brackets/));
  });

  it('makes no claim from such an alias', () => {
    const entities = [{ id: 'taliban', name: 'Taliban', kind: 'organisation' as const, aliases: ['a', 'of', '2003'], partOf: null }];
    const article = {
      path: 'a.md',
      title: 'Russia',
      outlet: null,
      url: null,
      published: '2024-05-01',
      hash: 'x',
      paragraphs: ['Russia designated a group of smugglers as a terrorist organisation in 2003.'],
    };
    const unguarded = new KnowledgeBase(entities, [article]);
    expect(answerQuery(unguarded, 'Russia').status.filter((line) => line.entity === 'Taliban')).toEqual([]);
  });
});

describe('starting without a knowledge folder', () => {
  it('exits with one clear line, not a stack trace', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'test-signing-secret',
        SLACK_APP_TOKEN: '',
        KNOWLEDGE_DIR: '/nonexistent/articles',
        DATABASE_PATH: ':memory:',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('knowledge: the folder "/nonexistent/articles" does not exist; set KNOWLEDGE_DIR to the folder of articles');
  });
});
