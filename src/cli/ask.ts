import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { answerQuery } from '../answer/answer.js';
import { explainAnswer } from '../answer/explain.js';
import { ConfigError, loadConfig } from '../config.js';
import { KnowledgeBase } from '../index/knowledgeBase.js';
import { describeProblem, loadKnowledge } from '../knowledge/loadKnowledge.js';
import { renderBlocks } from '../render/blocks.js';
import { renderExplanation, renderText } from '../render/text.js';

const USAGE = `Usage: npm run --silent ask -- [--format text|json|blocks] [--explain] [--knowledge DIR] <query words...>
       npm run --silent ask -- --text PATH [--knowledge DIR]

Answers a question from the knowledge base, offline, with every sentence cited.
  --format     text (default) for a person, json for programs,
               blocks for the Slack message payload (paste into Block Kit Builder)
  --knowledge  the knowledge folder (default: $KNOWLEDGE_DIR or knowledge/)
  --explain    also say why each status line exists (the rules that read its step) and which
               steps the sources name made no line, and the rule that stopped each; in JSON,
               an "explanation" field
  --text       print the text the knowledge base holds for an article (PATH as the sources list
               gives it): for a web page or a PDF, the text extracted from it, paragraph by
               paragraph, against which its citations can be checked

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
        explain: { type: 'boolean', short: 'e' },
        text: { type: 'string' },
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
  if (values.text !== undefined) {
    const article = knowledge.articles.find((a) => a.path === values.text);
    if (article === undefined) fail(`no article "${values.text}" in the knowledge base (a path as the sources list gives it)`);
    process.stdout.write(
      `${article.title}\n${[article.outlet, article.published, article.url].filter(Boolean).join(' · ')}\n\n${article.paragraphs.join('\n\n')}\n`,
    );
    return;
  }
  const kb = KnowledgeBase.fromKnowledge(knowledge);
  const answer = answerQuery(kb, positionals.join(' '));
  const explanation = values.explain ? explainAnswer(kb, answer) : null;
  const output = {
    text: () => renderText(answer) + (explanation ? renderExplanation(explanation) : ''),
    json: () => `${JSON.stringify(explanation ? { ...answer, explanation } : answer, null, 2)}\n`,
    blocks: () => `${JSON.stringify(renderBlocks(answer), null, 2)}\n`,
  };
  process.stdout.write(output[values.format as Format]());
}

await main();
