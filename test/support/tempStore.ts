import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/store.js';

/** A real SQLite file in a fresh temporary folder; `remove()` closes it and deletes the folder. */
export function tempStore(): Store & { path: string; reopen(): Store; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'designation-db-'));
  const path = join(dir, 'designation.db');
  const store = openStore(path);
  return {
    ...store,
    path,
    reopen: () => openStore(path),
    remove: () => {
      if (store.db.open) store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
