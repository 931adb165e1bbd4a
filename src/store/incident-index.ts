/**
 * The incident list of an embedded store, held in memory for the HTTP API's searches.
 *
 * On PGlite a query is a call into one WebAssembly PostgreSQL that answers one query at a time,
 * and a search page (filter, count, sort, 50 rows) costs it 3 to 10 ms on GVA dev: 100 searches a
 * second at best. The list an incident search pages through is small (a few hundred bytes per
 * incident), so it is read once into memory and kept current: after every write the next search
 * reads the incidents whose versions (migration 5) are newer than those held and drops the ones
 * that are gone. Filters are `incidentPredicate`, the in-memory reading of the SQL search's
 * `incidentWhere`; full text still goes to PostgreSQL (one GIN index scan, `incidents_matching`).
 * Same rows, totals and order as `searchIncidents` (test/incident-index.test.ts).
 *
 * Only for a store that nobody else writes while the index is in use (an embedded store is
 * locked by its process) and whose writes call `invalidate()`: a PostgreSQL server shared with
 * other processes is searched with SQL.
 */
import type { Db } from './db.js';
import { checkFilters, incidentPredicate, type FilterableIncident, type IncidentFilters } from './incident-filters.js';
import { LIST_COLUMNS, listRow, pageOf, type IncidentListRow, type ListColumns, type Page } from './review-queries.js';

/** An incident as held: what the filters read, and the list row a page shows. */
interface Held extends FilterableIncident {
  row: IncidentListRow;
}

/** The ids of the incidents whose text (their own fields and their reports) matches `q`. */
export async function matchingIncidentIds(db: Db, q: string): Promise<Set<string>> {
  const [r] = await db.query<{ ids: string[] | null }>('SELECT json_agg(x) AS ids FROM incidents_matching($1) x', [q]);
  return new Set(r?.ids ?? []);
}

/**
 * The order of a search: newest first (undated last), then by id. The embedded store's
 * collation is C (byte order), which UTF-16 order matches on the ASCII ids linking makes.
 */
function newestFirst(a: Held, b: Held): number {
  const x = a.dateStart;
  const y = b.dateStart;
  if (x !== y) {
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? 1 : -1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export class IncidentIndex {
  private readonly held = new Map<string, Held>();
  private sorted: Held[] = [];
  /** the highest incident version read */
  private version = 0;
  private stale = true;
  private refreshing: Promise<void> | null = null;
  /** rows read from the store, all told (for tests and the log) */
  rowsRead = 0;

  constructor(private readonly db: Db) {}

  /** Called after every write to the store: the next search reads what changed. */
  invalidate(): void {
    this.stale = true;
  }

  get size(): number {
    return this.held.size;
  }

  /** A page of incidents matching the filters, as `searchIncidents` gives it. */
  async search(f: IncidentFilters = {}): Promise<Page<IncidentListRow>> {
    const c = checkFilters(f);
    const { limit, offset } = pageOf(f);
    await this.current();
    const matching = c.q ? await matchingIncidentIds(this.db, c.q) : null;
    const pass = incidentPredicate(c, matching);
    if (!c.near) {
      const hits: IncidentListRow[] = [];
      for (const h of this.sorted) if (pass(h) !== false) hits.push(h.row);
      return { items: hits.slice(offset, offset + limit), total: hits.length, limit, offset };
    }
    const near: { row: IncidentListRow; km: number }[] = [];
    for (const h of this.sorted) {
      const km = pass(h);
      if (km !== false) near.push({ row: h.row, km });
    }
    // nearest first; a stable sort keeps the newest-first order between equal distances
    near.sort((a, b) => a.km - b.km);
    const items = near.slice(offset, offset + limit).map(({ row, km }) => ({ ...row, km }));
    return { items, total: near.length, limit, offset };
  }

  /** Reads what changed since the last read (everything the first time). */
  async current(): Promise<void> {
    while (this.stale) {
      this.refreshing ??= this.refresh().finally(() => {
        this.refreshing = null;
      });
      await this.refreshing;
    }
  }

  private async refresh(): Promise<void> {
    // a write finishing while this runs sets it again, and the loop in current() reads once more
    this.stale = false;
    try {
      // an incident changes with its row (fields, corrections) or with its text (members: migration 5)
      const changed = await this.db.query<ListColumns & { lat: number | null; lon: number | null; version: number }>(
        `SELECT ${LIST_COLUMNS}, i.lat, i.lon, greatest(i.version, d.version) AS version
         FROM incidents i LEFT JOIN incident_docs d ON d.incident_id = i.id
         WHERE i.version > $1 OR d.version > $1`, [this.version]);
      const [{ n }] = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM incidents');
      this.rowsRead += changed.length;
      for (const r of changed) {
        const { lat, lon, version, ...cols } = r;
        const row = listRow(cols);
        this.held.set(r.id, { id: row.id, type: row.type, dateStart: row.dateStart, dateEnd: row.dateEnd, lat, lon, origins: row.origins, row });
        if (version > this.version) this.version = version;
      }
      // every incident in the store is held now: more held means some are gone
      let gone = false;
      if (this.held.size !== n) {
        const live = new Set((await this.db.query<{ id: string }>('SELECT id FROM incidents')).map((x) => x.id));
        for (const id of this.held.keys()) if (!live.has(id)) this.held.delete(id);
        gone = true;
      }
      if (changed.length || gone) this.sorted = [...this.held.values()].sort(newestFirst);
    } catch (e) {
      this.stale = true;
      throw e;
    }
  }
}
