/**
 * Vitest's global setup: says once, before the tests, whether the PostgreSQL runs will be made.
 * Where REQUIRE_POSTGRES=1 (CI), no server is a failure, not a skip.
 */
export default function setup(): void {
  if (process.env.TEST_DATABASE_URL?.trim()) return;
  if (process.env.REQUIRE_POSTGRES === '1') {
    throw new Error('REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set: run the tests through scripts/with-postgres.sh');
  }
  process.stderr.write(
    '\nPostgreSQL: no test server (TEST_DATABASE_URL unset), so every store and digest test runs on SQLite only and its PostgreSQL run is skipped.\n' +
      'Run `scripts/with-postgres.sh npm test` to start a throwaway server and run both.\n\n',
  );
}
