import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../src/answer/types.js';
import { LIMITS, renderBlocks, renderSources, renderTimeline, type MessagePayload } from '../src/render/blocks.js';
import { escapeMrkdwn } from '../src/render/mrkdwn.js';

/** Text as hostile as it gets: Slack control sequences, entities, broadcasts, any Unicode. */
const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ maxLength: 4000 }),
  fc
    .array(
      fc.constantFrom(
        '<!channel>',
        '<!here>',
        '<!everyone>',
        '<@U123>',
        '<#C1|general>',
        '<!subteam^S1>',
        '<https://evil.example|click>',
        '@channel',
        '@here',
        '&amp;',
        '&lt;',
        '>',
        '<',
        '&',
        '|',
        ' ',
        'Taliban',
      ),
      { maxLength: 60 },
    )
    .map((parts) => parts.join('')),
);

const source = (id: number, url: string | null, title: string) => ({
  id,
  kind: id % 3 === 0 ? ('list' as const) : ('news' as const),
  title,
  outlet: title.slice(0, 40) || null,
  url,
  published: '2025-04-17',
  path: `a/${id}.md`,
});

const answers: fc.Arbitrary<Answer> = fc
  .record({
    query: hostile,
    texts: fc.array(hostile, { minLength: 1, maxLength: 120 }),
    urls: fc.array(fc.option(fc.oneof(fc.webUrl(), fc.constant('https://x.example/a|b<c>&d')), { nil: null }), { minLength: 1, maxLength: 30 }),
  })
  .map(({ query, texts, urls }) => {
    const sources = urls.map((url, i) => source(i + 1, url, texts[i % texts.length]!));
    const cite = (i: number) => [1 + (i % sources.length), 1 + ((i * 7) % sources.length)];
    return {
      query,
      direct: {
        form: 'when' as const,
        found: true,
        text: `${texts[0]!} [1] [${sources.length + 3}]`,
        parts: [{ text: texts[0]!, evidence: texts[0]!, citations: [1], fact: null }],
      },
      keyEvents: texts.slice(0, 5).map((_, i) => i),
      summary: texts.slice(0, 5).map((text, i) => ({ text, citations: cite(i) })),
      timeline: texts.map((text, i) => ({ date: '2024-05-27', text, citations: cite(i) })),
      status: texts.slice(0, 30).map((text, i) => ({
        source: i % 2 === 0 ? ('news' as const) : ('list' as const),
        authority: text,
        entity: 'Taliban',
        state: 'removed' as const,
        date: null,
        text,
        citations: cite(i),
        ...(i % 2 === 0
          ? {}
          : {
              entry: {
                list: text,
                ref: text,
                name: text,
                matched: text,
                programs: [text],
                listedOn: '2001',
                endedOn: null,
                ended: false,
                url: 'https://x.example/a|b<c>&d',
                listDate: '2026-11-28',
                datedBy: 'content' as const,
                score: 1,
                confirmed: false,
              },
            }),
      })),
      candidates: texts.slice(0, 5).map((text, i) => ({ entity: text, list: text, ref: text, name: text, score: 0.67, citations: cite(i) })),
      conflicts: texts.slice(0, 10).map((text, i) => ({ about: text, values: [{ value: text, citations: cite(i) }] })),
      sources,
      subjects: [],
      message: null,
    };
  });

/** Every string of a payload that Slack would display as mrkdwn, with where it was found. */
function mrkdwnTexts(payload: MessagePayload): string[] {
  const out: string[] = [payload.text];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(payload.blocks);
  return out;
}

/** Slack control sequences the bot itself makes: only links to a source's URL. */
function foreignControlSequences(text: string): string[] {
  return [...text.matchAll(/<([^>]*)>/g)].map((m) => m[1]!).filter((inner) => !/^https?:\/\/[^|<>\s]*\|[^<>]*$/.test(inner) || /^[!@#]/.test(inner));
}

function checkLimits(payload: MessagePayload): void {
  expect(payload.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
  expect(payload.text.length).toBeLessThanOrEqual(LIMITS.fallbackText + 20);
  // biome-ignore lint/suspicious/noExplicitAny: blocks of every type are read field by field, as Slack checks them
  for (const block of payload.blocks as unknown as Record<string, any>[]) {
    if (block.type === 'section') expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.headerText);
    if (block.type === 'context') {
      expect(block.elements.length).toBeLessThanOrEqual(LIMITS.contextElements);
      for (const e of block.elements) expect(e.text.length).toBeLessThanOrEqual(LIMITS.contextText);
    }
    if (block.type === 'actions') {
      for (const e of block.elements) {
        expect(e.text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
        expect(e.value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
      }
    }
  }
}

describe('escaping and Block Kit limits hold for any text', () => {
  it('escapeMrkdwn leaves no control sequence and no broadcast', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const escaped = escapeMrkdwn(text);
        expect(escaped).not.toMatch(/[<>]/);
        expect(escaped).not.toMatch(/&(?!amp;|lt;|gt;)/);
        expect(escaped).not.toMatch(/@(channel|here|everyone)\b/i);
      }),
      { numRuns: 500 },
    );
  });

  it('answers, timelines and source lists stay within Slack limits and make only source links', () => {
    fc.assert(
      fc.property(answers, (answer) => {
        for (const payload of [renderBlocks(answer), renderTimeline(answer), renderSources(answer)]) {
          checkLimits(payload);
          for (const text of mrkdwnTexts(payload)) {
            expect(foreignControlSequences(text)).toEqual([]);
            expect(text).not.toMatch(/@(channel|here|everyone)\b/i);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
