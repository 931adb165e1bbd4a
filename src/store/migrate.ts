/**
 * Versioned, idempotent migrations: `schema_migrations` records each version applied; the
 * missing ones run in order inside one transaction, under an advisory lock so two processes
 * opening the same server database at once do not both apply them.
 */
import type { Db } from './db.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

const LOCK_KEY = 0x636f7272; // 'corr'

export interface MigrateResult {
  applied: number[];
  current: number;
}

export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrateResult> {
  check(migrations);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    const known = Math.max(0, ...migrations.map((m) => m.version));
    const newest = Math.max(0, ...done, ...applied);
    if (newest > known) throw new Error(`the store was written by a newer corroborate (schema ${newest}, this one knows ${known})`);
    return { applied, current: newest };
  });
}

function check(migrations: readonly Migration[]): void {
  let prev = 0;
  for (const m of migrations) {
    if (!Number.isInteger(m.version) || m.version <= prev) throw new Error(`migrations out of order at ${m.version} (${m.name})`);
    prev = m.version;
  }
}

export async function schemaVersion(db: Db): Promise<number> {
  const rows = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return rows[0]?.v ?? 0;
}
