import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { guarded, type SqlDatabase, type SqlRunner } from '../sql.js';

/** The transaction in progress on a file, which every other call on it waits for. */
interface Gate {
  busy: Promise<unknown> | null;
  connections: number;
}

/**
 * One gate per file for every connection to it in this process. A connection waiting for
 * SQLite's lock (busy_timeout) blocks the thread, so it would wait out the timeout for a
 * transaction in this process that cannot go on meanwhile: connections here take turns instead.
 */
const gates = new Map<string, Gate>();

/** How long the switch to WAL is tried while other processes opening the same new file hold it. */
const WAL_TRIES = { times: 100, waitMs: 50 };

/**
 * Puts the file in WAL mode. The switch needs the file to itself, and SQLite can refuse it at
 * once (SQLITE_BUSY despite busy_timeout) while another process opens the same new file, as
 * replicas starting together do: it is tried again for up to 5 s.
 */
function toWal(db: Database.Database): void {
  for (let tried = 1; ; tried++) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || tried >= WAL_TRIES.times) throw error;
      // The constructor is synchronous, and so is every call on the file: a blocking wait is what the busy timeout does too.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, WAL_TRIES.waitMs);
    }
  }
}

/**
 * SQLite through better-sqlite3, the embedded default: one file, no server. Calls run at once
 * (better-sqlite3 is synchronous) unless a transaction holds the file: then other calls on it in
 * this process wait for it to end, and SQLite's write lock (`BEGIN IMMEDIATE`) keeps other
 * processes out. A transaction's work must use the runner it is given: a call on the database
 * itself would wait for the transaction it is part of.
 */
export class SqliteDatabase implements SqlDatabase {
  readonly dialect = 'sqlite';
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly gate: Gate;
  private readonly file: string;
  private readonly direct: SqlRunner;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    try {
      // Another process (a replica, or the digest CLI) may hold the write lock for a moment.
      this.db.pragma('busy_timeout = 5000');
      toWal(this.db);
      this.db.pragma('foreign_keys = ON');
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.file = path === ':memory:' ? `:memory:${Math.random()}` : resolve(path);
    this.gate = gates.get(this.file) ?? { busy: null, connections: 0 };
    this.gate.connections += 1;
    gates.set(this.file, this.gate);
    this.direct = {
      all: (sql, params = []) => guarded(() => this.statement(sql).all(...params) as never[]),
      get: (sql, params = []) => guarded(() => this.statement(sql).get(...params) as never),
      run: (sql, params = []) => guarded(() => this.statement(sql).run(...params).changes),
      exec: (sql) => guarded(() => void this.db.exec(sql)),
    };
  }

  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.whenIdle(() => this.direct.all<T>(sql, params));
  }

  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined> {
    return this.whenIdle(() => this.direct.get<T>(sql, params));
  }

  run(sql: string, params?: readonly unknown[]): Promise<number> {
    return this.whenIdle(() => this.direct.run(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.whenIdle(() => this.direct.exec(sql));
  }

  /** `lock` needs no key here: SQLite has one write lock, which `BEGIN IMMEDIATE` takes. */
  async transaction<T>(_lock: string, work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const gate = this.gate;
    while (gate.busy) await gate.busy;
    const done = this.inTransaction(work);
    const mine = done.catch(() => {});
    gate.busy = mine;
    try {
      return await done;
    } finally {
      if (gate.busy === mine) gate.busy = null;
    }
  }

  /** A write that changes nothing still needs the file writable: SQLite refuses it otherwise. */
  async writeProblem(): Promise<string | null> {
    try {
      await this.run('UPDATE schema_migrations SET version = version WHERE 0');
      return null;
    } catch (error) {
      return `the database cannot be written: ${(error as Error).message}`;
    }
  }

  pool(): null {
    return null;
  }

  close(): Promise<void> {
    return this.whenIdle(async () => {
      if (!this.db.open) return;
      this.db.close();
      if (--this.gate.connections === 0) gates.delete(this.file);
    });
  }

  /** Runs `call` once no transaction is in progress; at once, when none is. */
  private async whenIdle<T>(call: () => Promise<T>): Promise<T> {
    while (this.gate.busy) await this.gate.busy;
    return call();
  }

  private async inTransaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    await guarded(() => this.db.exec('BEGIN IMMEDIATE'));
    try {
      const result = await work(this.direct);
      await guarded(() => this.db.exec('COMMIT'));
      return result;
    } catch (error) {
      // The first failure is the one reported; a rollback that fails as well changes nothing about it.
      if (this.db.inTransaction) await guarded(() => this.db.exec('ROLLBACK')).catch(() => {});
      throw error;
    }
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }
}
