import 'dotenv/config';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { csvHeader, csvRow, jsonLine } from '../render/reportRows.js';
import { openStore } from '../store/store.js';

const USAGE = `Usage:
  npm run --silent feedback -- --export [--format jsonl|csv]

--export   writes every 👎 report (its reason, note, query, the knowledge base's fingerprint and the
           answer's citations, with the workspace, person and channel) to stdout, oldest first:
           JSON lines (the default) or CSV with a header row. Reads DATABASE_PATH (see .env.example).`;

function fail(message: string): never {
  process.stderr.write(`feedback: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

/** Writes one chunk, waiting when stdout is full, so an export of any size keeps its memory flat. */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ options: { export: { type: 'boolean' }, format: { type: 'string', default: 'jsonl' } } }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (!values.export) fail('nothing to do: --export writes the reports');
  if (values.format !== 'jsonl' && values.format !== 'csv') fail(`--format "${values.format}" is not jsonl or csv`);
  let database;
  try {
    database = loadConfig(process.env, 'none').database;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    fail(error.problems.join('; '));
  }
  let store;
  try {
    store = await openStore(database);
  } catch (error) {
    fail(`the database could not be opened: ${(error as Error).message}`);
  }
  try {
    if (values.format === 'csv') await write(csvHeader());
    for await (const report of store.reports.all()) await write(values.format === 'csv' ? csvRow(report) : jsonLine(report));
  } finally {
    await store.close();
  }
}

await main();
