/** Every migration, in order. Add a file `NNN-name.ts` exporting { version, name, sql } and list it here. */
import * as m001 from './001-case-file.js';
import * as m003 from './003-review.js';
import * as m004 from './004-incident-list.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// 002 is another part of the store (listed between these two when present)
export const MIGRATIONS: readonly Migration[] = [m001, m003, m004];
