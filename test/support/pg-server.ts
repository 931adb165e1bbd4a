/**
 * The PostgreSQL server the store tests run against: TEST_DATABASE_URL, else DATABASE_URL, else the
 * local `test` database. `pgServerUp` says whether it answers (the suites then run their server
 * variant, or skip it with a warning) and makes sure pg_trgm lives in `public`, so that every test
 * schema of the database sees it (a schema's own copy would be dropped with the schema).
 */
import pg from 'pg';

export const PG_URL = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export async function pgServerUp(suite: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public');
    return true;
  } catch {
    console.warn(`[${suite}] PostgreSQL server at ${PG_URL} not reachable: the server variant is SKIPPED`);
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

/** Drops a test's throwaway schema (and everything in it) on the server. */
export async function dropPgSchema(schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await c.end();
  }
}
