/** Which SQL a database speaks, where the two differ (the schema's types, see migrations.ts). */
export type Dialect = 'sqlite' | 'postgres';

/**
 * Parameterised statements, `?` for each parameter, in the SQL both databases accept. Times are
 * ISO 8601 strings in UTC both ways; lists are JSON text.
 */
export interface SqlRunner {
  /** Every row. */
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** The first row, or undefined. */
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** Runs a write; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Runs statements without parameters, separated by semicolons (a migration). */
  exec(sql: string): Promise<void>;
}

/**
 * What the stores need of a database. SQLite (src/store/sqlite) and PostgreSQL
 * (src/store/postgres) implement it; nothing outside src/store knows which is in use.
 */
export interface SqlDatabase extends SqlRunner {
  readonly dialect: Dialect;
  /**
   * Runs `work` in one write transaction, committed when it resolves and rolled back when it
   * throws. Transactions with the same `lock` run one after another across every process sharing
   * the database (SQLite: its write lock; PostgreSQL: an advisory lock on the key).
   */
  transaction<T>(lock: string, work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** Why the database cannot be written now (read-only, unreachable), or null when it can. */
  writeProblem(): Promise<string | null>;
  /** Connections open, those idle, and calls waiting for one; null for a database in this process (SQLite). */
  pool(): { open: number; idle: number; waiting: number } | null;
  close(): Promise<void>;
}

/** Drivers' codes for a database that answers but may not be written: SQLite's read-only file, PostgreSQL's read-only transaction (a standby). */
const READ_ONLY = /^(SQLITE_READONLY|25006$)/;

/** A statement the database refused or could not run, whichever database it is; `cause` is the driver's error. */
export class DatabaseError extends Error {
  override readonly name = 'DatabaseError';
  /** The database answers but cannot be written: waiting will not help, someone has to act. */
  readonly readOnly: boolean;

  constructor(cause: unknown) {
    const { message, code } = cause as { message?: string; code?: string };
    super(`${message ?? String(cause)}${code ? ` (${code})` : ''}`, { cause });
    this.readOnly = typeof code === 'string' && READ_ONLY.test(code);
  }
}

/** Runs a driver call, its failure as a DatabaseError. */
export async function guarded<T>(call: () => T | Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw error instanceof DatabaseError ? error : new DatabaseError(error);
  }
}
