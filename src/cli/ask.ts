import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { answerQuery } from '../answer/answer.js';
import { ConfigError, loadConfig } from '../config.js';
import { KnowledgeBase } from '../index/knowledgeBase.js';
import { describeProblem, loadKnowledge } from '../knowledge/loadKnowledge.js';
import { renderBlocks } from '../render/blocks.js';
import { renderText } from '../render/text.js';

const USAGE = `Usage: npm run --silent ask -- [--format text|json|blocks] [--knowledge DIR] <query words...>

Answers a question from the knowledge base, offline, with every sentence cited.
  --format     text (default) for a person, json for programs,
               blocks for the Slack message payload (paste into Block Kit Builder)
  --knowledge  the knowledge folder (default: $KNOWLEDGE_DIR or knowledge/)

Examples:
  npm run --silent ask -- taliban
  npm run --silent ask -- --format json "who asked the Supreme Court to lift the ban?"`;

const FORMATS = ['text', 'json', 'blocks'] as const;
type Format = (typeof FORMATS)[number];

function fail(message: string): never {
  process.stderr.write(`ask: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        knowledge: { type: 'string', short: 'k', default: process.env.KNOWLEDGE_DIR ?? 'knowledge' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!FORMATS.includes(values.format as Format)) fail(`unknown format "${values.format}" (choose ${FORMATS.join(', ')})`);
  const dir = values.knowledge!;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`knowledge folder "${dir}" does not exist`);

  let maxArticleBytes;
  try {
    maxArticleBytes = loadConfig(process.env, 'none').maxArticleBytes;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    fail(error.problems.join('; '));
  }
  const knowledge = await loadKnowledge(dir, { maxArticleBytes });
  for (const problem of knowledge.problems) process.stderr.write(`${describeProblem(problem)}\n`);
  const answer = answerQuery(KnowledgeBase.fromKnowledge(knowledge), positionals.join(' '));
  const output = {
    text: () => renderText(answer),
    json: () => `${JSON.stringify(answer, null, 2)}\n`,
    blocks: () => `${JSON.stringify(renderBlocks(answer), null, 2)}\n`,
  };
  process.stdout.write(output[values.format as Format]());
}

await main();
