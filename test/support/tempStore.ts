import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore, type Store, type StoreOptions } from '../../src/store/store.js';

export type DatabaseKind = 'sqlite' | 'postgres';

/**
 * The PostgreSQL server the tests use, started by scripts/with-postgres.sh (TEST_DATABASE_URL).
 * Without one, PostgreSQL's runs are skipped and say so (test/support/postgresNotice.ts).
 */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL?.trim() || null;

/** Each store and digest test runs once per database. */
export const DATABASES: { kind: DatabaseKind; name: string; skip: boolean }[] = [
  { kind: 'sqlite', name: 'SQLite', skip: false },
  {
    kind: 'postgres',
    name: POSTGRES_URL ? 'PostgreSQL' : 'PostgreSQL (skipped: no server; run `scripts/with-postgres.sh npm test`)',
    skip: POSTGRES_URL === null,
  },
];

export interface TempStore extends Store {
  kind: DatabaseKind;
  /** How to open the same database again, as another process would. */
  options: Partial<StoreOptions>;
  reopen(): Promise<Store>;
  /** Rows of a query run on the database itself, beside the store (what is stored, as stored). */
  raw<T>(sql: string): Promise<T[]>;
  /** Closes it and deletes the database. */
  remove(): Promise<void>;
}

let made = 0;

/**
 * A fresh, empty database: a SQLite file in a new temporary folder, or a new database on the
 * test PostgreSQL server, dropped by `remove()`.
 */
export async function tempStore(kind: DatabaseKind = 'sqlite'): Promise<TempStore> {
  const made = kind === 'sqlite' ? sqliteFile() : await postgresDatabase();
  const store = await openStore(made.options);
  return {
    ...store,
    kind,
    options: made.options,
    reopen: () => openStore(made.options),
    raw: made.raw,
    remove: async () => {
      await store.close();
      await made.drop();
    },
  };
}

/** Where a temporary database is, how to read it beside the store, and how to delete it. */
interface Made {
  options: Partial<StoreOptions>;
  raw<T>(sql: string): Promise<T[]>;
  drop(): Promise<void>;
}

function sqliteFile(): Made {
  const dir = mkdtempSync(join(tmpdir(), 'designation-db-'));
  const path = join(dir, 'designation.db');
  return {
    options: { path },
    raw: async <T>(sql: string) => {
      const file = new Database(path, { readonly: true });
      try {
        return file.prepare(sql).all() as T[];
      } finally {
        file.close();
      }
    },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresDatabase(): Promise<Made> {
  const name = `designation_${process.pid}_${++made}_${Date.now().toString(36)}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL!);
  url.pathname = `/${name}`;
  return {
    options: { url: url.toString() },
    raw: async <T>(sql: string) => (await query(url.toString(), sql)).rows as T[],
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A statement run on the test server's own database (creating and dropping the tests' databases). */
export async function admin(sql: string): Promise<void> {
  await query(POSTGRES_URL!, sql);
}

async function query(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
