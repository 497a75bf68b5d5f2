import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../src', import.meta.url).pathname;
/** The answering core: from files to answers and digests, as plain data. */
const CORE = ['knowledge', 'extract', 'index', 'answer', 'digest', 'store'];

describe('the data flow', () => {
  it.each(CORE)('src/%s imports nothing from Slack, the renderers or the surfaces', (folder) => {
    const files = readdirSync(join(SRC, folder), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      // Every module specifier: import ... from, export ... from (on any number of lines), and import().
      const imports = [...readFileSync(join(SRC, folder, file), 'utf8').matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*)'([^']+)'/g)].map((m) => m[1]!);
      const wrong = imports.filter((from) => from.startsWith('@slack/') || /\.\.\/(slack|cli|render)\//.test(from));
      expect(wrong, `${folder}/${file}`).toEqual([]);
    }
  });
});
