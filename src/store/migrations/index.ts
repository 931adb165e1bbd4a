/** Every migration, in order. Add a file `NNN-name.ts` exporting { version, name, sql } and list it here. */
import * as m001 from './001-case-file.js';
import * as m002 from './002-incremental-link.js';
import * as m003 from './003-review.js';
import * as m004 from './004-incident-list.js';
import * as m005 from './005-incident-search.js';
import * as m006 from './006-reviewed-values.js';
import * as m007 from './007-count-marks.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007];
