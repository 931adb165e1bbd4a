/** The case file: storage, preservation and queries (see db.ts, migrate.ts, queries.ts). */
export { openStore, DEFAULT_DIR, type Db, type StoreOptions } from './db.js';
export { migrate, schemaVersion, type MigrateResult } from './migrate.js';
export * from './queries.js';
export * from './link-state.js';
export * from './review-queries.js';
export * from './export-queries.js';
export * from './incident-filters.js';
export * from './incident-index.js';
