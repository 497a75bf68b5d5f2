import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The list fixtures, one folder per published format (see README, "Official lists"). */
export const LIST_FIXTURES = fileURLToPath(new URL('../fixtures/lists', import.meta.url));

/**
 * A fresh knowledge folder holding the given files (paths relative to it) and copies of list
 * fixtures (`{ 'lists/un': 'un' }` copies test/fixtures/lists/un to lists/un).
 */
export function knowledgeFolder(files: Record<string, string>, fixtures: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'designation-lists-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  for (const [to, from] of Object.entries(fixtures)) cpSync(join(LIST_FIXTURES, from), join(dir, to), { recursive: true });
  return dir;
}

/** An OpenSanctions FollowTheMoney export of one authority's sanctions, one line per entity, as a list file's text. */
export function ftmList(
  authority: string,
  seen: string,
  targets: { id: string; name: string; aliases?: string[]; schema?: string; listingDate?: string; endDate?: string }[],
  dataset = 'test_list',
): string {
  const lines = targets.flatMap((t) => [
    { id: t.id, schema: t.schema ?? 'Organization', properties: { name: [t.name], alias: t.aliases ?? [] }, datasets: [dataset], last_seen: seen },
    {
      id: `${t.id}-sanction`,
      schema: 'Sanction',
      properties: {
        entity: [t.id],
        authority: [authority],
        program: ['Test programme'],
        ...(t.listingDate ? { listingDate: [t.listingDate] } : {}),
        ...(t.endDate ? { endDate: [t.endDate] } : {}),
      },
      datasets: [dataset],
      last_seen: seen,
    },
  ]);
  return lines.map((l) => JSON.stringify(l)).join('\n');
}
