import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { type SourceReport, pollSources } from '../knowledge/sources/pollSources.js';
import { defaultFetchOptions } from '../knowledge/sources/safeFetch.js';

const USAGE = `Usage: npm run --silent fetch -- [--knowledge DIR] --once

Polls every feed and list of the knowledge folder's sources.yml once, then exits (for cron, and
for tests; the running app polls them on its own schedule). New feed items are written as articles
under feeds/<outlet>/, a list that changed replaces its file under lists/<name>/. Prints a line
per source: new items, updated, unchanged, or failed and why. Exits 1 when a source failed.
  --knowledge  the knowledge folder (default: $KNOWLEDGE_DIR or knowledge/)`;

function fail(message: string): never {
  process.stderr.write(`fetch: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

/** One line for a source's poll, then a line for each item that failed. */
function reportLine(report: SourceReport): string {
  const what = `${report.kind} ${report.url}`;
  const lines = {
    new: `${what}: ${report.written.length} new (${report.written.join(', ')})`,
    updated: `${what}: updated (${report.written.join(', ')})`,
    unchanged: `${what}: unchanged`,
    failed: `${what}: failed: ${report.errors[0] ?? 'unknown error'}`,
  };
  const more = report.outcome === 'failed' ? report.errors.slice(1) : report.errors;
  return [lines[report.outcome], ...more.map((e) => `  item failed: ${e}`)].join('\n');
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ options: { knowledge: { type: 'string', short: 'k' }, once: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    fail((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (!values.once) fail('--once is required: the running app polls the sources itself (npm start)');
  let config;
  try {
    config = loadConfig(process.env, 'none');
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    fail(error.problems.join('; '));
  }
  const dir = values.knowledge ?? config.knowledgeDir;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`knowledge folder "${dir}" does not exist`);
  const { reports, problems } = await pollSources(dir, {
    ...defaultFetchOptions,
    allowHosts: config.fetch.allowHosts,
    hostDelayMs: config.fetch.hostDelayMs,
    now: () => new Date(),
  });
  for (const problem of problems) process.stderr.write(`${problem}\n`);
  if (reports.length === 0 && problems.length === 0) process.stdout.write('no sources.yml, or it names no feed or list: nothing to fetch\n');
  for (const report of reports) process.stdout.write(`${reportLine(report)}\n`);
  if (problems.length > 0 || reports.some((r) => r.outcome === 'failed')) process.exitCode = 1;
}

await main();
