import pg from 'pg';
import { guarded, type SqlDatabase, type SqlRunner } from '../sql.js';

export interface PostgresOptions {
  /** Connections this process keeps at most; see the README's "Running on several hosts" for sizing. */
  poolSize: number;
  /** How long a call waits for a connection before it fails. */
  connectMs: number;
  /**
   * How long one statement may take, on the server (statement_timeout) and here, for a server
   * that does not answer at all: with `connectMs`, what a request waiting on the database can
   * lose before Slack's 3 seconds run out.
   */
  statementMs: number;
}

export const defaultPostgresOptions: PostgresOptions = { poolSize: 10, connectMs: 1000, statementMs: 2000 };

const { types } = pg;
/** Counts and sums (bigint) as numbers, and times (timestamptz) as the ISO strings the stores use for both databases. */
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === types.builtins.INT8) return (value: string) => Number(value);
    if (oid === types.builtins.TIMESTAMPTZ) {
      const date = types.getTypeParser(oid, 'text');
      return (value: string) => (date(value) as Date).toISOString();
    }
    return types.getTypeParser(oid, format as 'text');
  }) as typeof types.getTypeParser,
};

/** `?` placeholders as PostgreSQL's `$1, $2, ...` (the stores' SQL has no `?` anywhere else). */
const numbered = new Map<string, string>();
function placeholders(sql: string): string {
  let text = numbered.get(sql);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    numbered.set(sql, text);
  }
  return text;
}

function runner(client: pg.Pool | pg.PoolClient): SqlRunner {
  const query = (sql: string, params: readonly unknown[]) => guarded(() => client.query(placeholders(sql), params as unknown[]));
  return {
    all: async (sql, params = []) => (await query(sql, params)).rows,
    get: async (sql, params = []) => (await query(sql, params)).rows[0],
    run: async (sql, params = []) => (await query(sql, params)).rowCount ?? 0,
    exec: async (sql) => void (await guarded(() => client.query(sql))),
  };
}

/**
 * PostgreSQL through node-postgres' pool: what several processes, on one host or many, share.
 * Every statement is one round trip on a pooled connection; a transaction holds one connection
 * from BEGIN to COMMIT.
 */
export class PostgresDatabase implements SqlDatabase {
  readonly dialect = 'postgres';
  private readonly connections: pg.Pool;
  private readonly direct: SqlRunner;

  constructor(url: string, options: Partial<PostgresOptions> = {}) {
    const { poolSize, connectMs, statementMs } = { ...defaultPostgresOptions, ...options };
    this.connections = new pg.Pool({
      connectionString: url,
      max: poolSize,
      connectionTimeoutMillis: connectMs,
      statement_timeout: statementMs,
      query_timeout: statementMs,
      // A host that vanished (a failover, a cut network) is noticed by TCP, not only when a call times out.
      keepAlive: true,
      application_name: 'designation-desk',
      types: TYPES,
    });
    // An idle connection the server drops (a restart, a failover) leaves the pool, which opens
    // another when next asked; the calls that fail meanwhile are logged and counted where they fail.
    this.connections.on('error', () => {});
    this.direct = runner(this.connections);
  }

  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.direct.all<T>(sql, params);
  }

  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined> {
    return this.direct.get<T>(sql, params);
  }

  run(sql: string, params?: readonly unknown[]): Promise<number> {
    return this.direct.run(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.direct.exec(sql);
  }

  async transaction<T>(lock: string, work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const client = await guarded(() => this.connections.connect());
    const tx = runner(client);
    let broken: unknown;
    // A checked-out connection has no pool listening for its errors: one that dies mid-transaction
    // (the server restarting) would otherwise be an uncaught exception that ends the process.
    const died = (error: Error) => (broken = error);
    client.on('error', died);
    try {
      await tx.exec('BEGIN');
      // Held to the end of the transaction: every process taking the same key waits for it.
      await tx.run('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [lock]);
      const result = await work(tx);
      await tx.exec('COMMIT');
      return result;
    } catch (error) {
      await tx.exec('ROLLBACK').catch((rollback: unknown) => (broken = rollback));
      throw error;
    } finally {
      client.off('error', died);
      // A connection that died, or whose rollback failed, is in an unknown state: closed, not returned to the pool.
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  async writeProblem(): Promise<string | null> {
    try {
      const readOnly = await this.get<{ transaction_read_only: string }>('SHOW transaction_read_only');
      return readOnly?.transaction_read_only === 'on' ? 'the database cannot be written: the server is read-only (a standby?)' : null;
    } catch (error) {
      return `the database cannot be reached: ${(error as Error).message}`;
    }
  }

  pool(): { open: number; idle: number; waiting: number } {
    return { open: this.connections.totalCount, idle: this.connections.idleCount, waiting: this.connections.waitingCount };
  }

  async close(): Promise<void> {
    if (!this.connections.ended) await this.connections.end();
  }
}
