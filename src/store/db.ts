/**
 * One small database interface over two engines that speak the same SQL (plain PostgreSQL,
 * `$1` parameters): embedded PGlite on a data directory (the default) and a PostgreSQL server
 * through a `pg.Pool` (when a URL / DATABASE_URL is given). Only `src/store` talks to it.
 *
 * Results are made identical on both engines: `date` comes back as 'YYYY-MM-DD' text,
 * timestamps as ISO strings, int8 as numbers, bytea as Buffer.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { migrate } from './migrate.js';

export interface Db {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** One or more statements, no parameters. */
  exec(sql: string): Promise<void>;
  /** Runs fn in one transaction (nested calls join the outer one). Rolls back if fn throws. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** 'pglite' or 'postgres' */
  readonly engine: 'pglite' | 'postgres';
}

export interface StoreOptions {
  /** PGlite data directory (default ./corroborate-data); ignored when url is set. */
  dir?: string;
  /** PostgreSQL server URL; defaults to process.env.DATABASE_URL when dir is not given. */
  url?: string;
  /** A schema to hold the tables (created if missing); tests use a fresh one per run. */
  schema?: string;
  /** Skip migrations (default: migrate at open). */
  noMigrate?: boolean;
  /** pg.Pool size (default 4). */
  poolSize?: number;
}

export const DEFAULT_DIR = './corroborate-data';

// PostgreSQL type oids
const INT8 = 20;
const DATE = 1082;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;
const NUMERIC = 1700;

const toIso = (v: string) => {
  const d = new Date(v.includes('T') || /[+-]\d\d(:?\d\d)?$/.test(v) ? v : v.replace(' ', 'T') + 'Z');
  return Number.isNaN(d.getTime()) ? v : d.toISOString();
};
const textParsers: Record<number, (v: string) => unknown> = {
  [INT8]: (v) => Number(v),
  [NUMERIC]: (v) => Number(v),
  [DATE]: (v) => v,
  [TIMESTAMP]: toIso,
  [TIMESTAMPTZ]: toIso,
};

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
function checkSchema(schema: string | undefined): string | undefined {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`bad schema name "${schema}" (lowercase letters, digits, _)`);
  return schema;
}

/**
 * Opens (and migrates) the store: a PostgreSQL server when `url` (or DATABASE_URL, if no `dir`
 * is given) is set, PGlite on `dir` otherwise.
 */
export async function openStore(opts: StoreOptions = {}): Promise<Db> {
  const url = opts.url ?? (opts.dir === undefined ? process.env.DATABASE_URL || undefined : undefined);
  const schema = checkSchema(opts.schema);
  const db = url ? await openPg(url, schema, opts.poolSize ?? 4) : await openPglite(opts.dir ?? DEFAULT_DIR, schema);
  if (!opts.noMigrate) {
    try {
      await migrate(db);
    } catch (e) {
      await db.close();
      throw e;
    }
  }
  return db;
}

// ---------------------------------------------------------------------------------------------
// PGlite

interface PgliteLike {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
  transaction<T>(fn: (tx: PgliteTxLike) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
interface PgliteTxLike {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
}

/**
 * A PGlite data directory may be opened by one process at a time (two would corrupt it):
 * a lock file holds the owner's pid; a lock left by a dead process (kill -9) is taken over.
 */
function takeLock(dir: string): () => void {
  const path = join(dir, 'corroborate.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (pid === process.pid) throw new Error(`the store ${dir} is already open in this process`);
      if (pid && alive(pid)) {
        throw new Error(`the store ${dir} is in use by process ${pid} (remove ${path} if that is wrong)`);
      }
      rmSync(path, { force: true }); // stale: its owner is gone
    }
  }
  throw new Error(`cannot lock the store ${dir}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function openPglite(dirOpt: string, schema: string | undefined): Promise<Db> {
  const dir = resolve(dirOpt);
  mkdirSync(dir, { recursive: true });
  const unlock = takeLock(dir);
  let pg: PgliteLike;
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    const dataDir = join(dir, 'pgdata');
    const parsers: Record<number, (v: string) => unknown> = { ...textParsers };
    pg = (await PGlite.create(dataDir, { extensions: { pg_trgm }, parsers })) as unknown as PgliteLike;
    if (schema) await pg.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}, public;`);
  } catch (e) {
    unlock();
    throw e;
  }
  let closed = false;
  const wrapTx = (tx: PgliteTxLike): Db => {
    const self: Db = {
      engine: 'pglite',
      query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows.map(fixRow) as T[],
      exec: async (sql: string) => {
        await tx.exec(sql);
      },
      transaction: (fn) => fn(self),
      close: async () => {
        throw new Error('close() inside a transaction');
      },
    };
    return self;
  };
  return {
    engine: 'pglite',
    query: async <T>(sql: string, params?: unknown[]) => (await pg.query<T>(sql, params)).rows.map(fixRow) as T[],
    exec: async (sql: string) => {
      await pg.exec(sql);
    },
    transaction: (fn) => pg.transaction((tx) => fn(wrapTx(tx))),
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await pg.close();
      } finally {
        unlock();
      }
    },
  };
}

/** bytea comes back from PGlite as Uint8Array: make it a Buffer like pg's. */
function fixRow<T>(row: T): T {
  const r = row as Record<string, unknown>;
  for (const k in r) {
    const v = r[k];
    if (v instanceof Uint8Array && !Buffer.isBuffer(v)) r[k] = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  }
  return row;
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL server

async function openPg(url: string, schema: string | undefined, poolSize: number): Promise<Db> {
  const { default: pgmod } = await import('pg');
  const types = {
    getTypeParser: (oid: number, format?: string) => {
      const p = textParsers[oid];
      if (p && format !== 'binary') return p;
      return pgmod.types.getTypeParser(oid, format as 'text');
    },
  };
  if (schema) {
    // the schema must exist before it is put on the search path of every pooled connection
    const c = new pgmod.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await c.end();
    }
  }
  const pool = new pgmod.Pool({
    connectionString: url,
    max: poolSize,
    types: types as never,
    ...(schema ? { options: `-c search_path=${schema},public` } : {}),
  });
  // an idle client that loses its server must not crash the process
  pool.on('error', () => {});
  type Queryable = { query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }> };
  const wrap = (q: Queryable, inTx: boolean): Db => {
    const self: Db = {
      engine: 'postgres',
      query: async <T>(sql: string, params?: unknown[]) => (await q.query(sql, params)).rows as T[],
      exec: async (sql: string) => {
        await q.query(sql);
      },
      transaction: async (fn) => {
        if (inTx) return fn(self);
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const out = await fn(wrap(client, true));
          await client.query('COMMIT');
          return out;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => {});
          throw e;
        } finally {
          client.release();
        }
      },
      close: async () => {
        if (inTx) throw new Error('close() inside a transaction');
        await pool.end();
      },
    };
    return self;
  };
  const db = wrap(pool, false);
  let closed = false;
  return {
    ...db,
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
