/** Every migration, in order. Add a file `NNN-name.ts` exporting { version, name, sql } and list it here. */
import * as m001 from './001-case-file.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [m001];
