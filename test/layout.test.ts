import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../src', import.meta.url).pathname;
/** The answering core: from files to answers and digests, as plain data. */
const CORE = ['knowledge', 'extract', 'index', 'answer', 'digest', 'store'];
/** The stages data flows through, in order; a stage may import only from those before it. */
const STAGES = ['knowledge', 'extract', 'index', 'answer', 'digest'];

/** Every module specifier of every file of a folder: import ... from, export ... from (on any number of lines), and import(). */
function importsOf(folder: string): { file: string; from: string }[] {
  const files = readdirSync(join(SRC, folder), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(0);
  return files.flatMap((file) =>
    [...readFileSync(join(SRC, folder, file), 'utf8').matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*)'([^']+)'/g)].map((m) => ({ file, from: m[1]! })),
  );
}

describe('the data flow', () => {
  it.each(CORE)('src/%s imports nothing from Slack, the renderers or the surfaces', (folder) => {
    const wrong = importsOf(folder).filter(({ from }) => from.startsWith('@slack/') || /\.\.\/(slack|cli|render)\//.test(from));
    expect(wrong, folder).toEqual([]);
  });

  it.each(STAGES)('src/%s imports nothing from a later stage', (folder) => {
    const later = STAGES.slice(STAGES.indexOf(folder) + 1);
    const wrong = importsOf(folder).filter(({ from }) => later.some((stage) => from.startsWith(`../${stage}/`)));
    expect(wrong, folder).toEqual([]);
  });
});

describe("the Slack listeners, laid out as Slack's starter template", () => {
  const LISTENERS = join(SRC, 'slack/listeners');
  const surfaces = readdirSync(LISTENERS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

  it.each(surfaces)('listeners/%s/index.ts only registers: each statement of register() hands a callback from another file to Bolt', (surface) => {
    const source = readFileSync(join(LISTENERS, surface, 'index.ts'), 'utf8');
    const body = /export function register\([^)]*\): void \{\n([\s\S]*?)\n\}\n?$/.exec(source)?.[1];
    expect(body, 'register() is the last thing in the file').toBeDefined();
    for (const line of body!.split('\n'))
      expect(line).toMatch(
        /^\s+app\.(command|event|action|shortcut|view|message)(<.+>)?\([^;]+, \(args\) => on[A-Z]\w*\(args(, ctx)?\)\);$|^\s+app\.\w+\([^;]+, on[A-Z]\w*\);$/,
      );
    // Nothing else is defined there: every callback is imported.
    expect(source.replace(/export function register[\s\S]*$/, '')).not.toMatch(/\b(function|const|let|class)\b/);
  });
});
