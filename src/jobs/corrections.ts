/**
 * A documenter's corrections of the linked view: merge or split canonical sources, merge or
 * split incidents, withdraw a correction. Each is stored in the corrections table with who and
 * why, keyed on what survives re-linking (source names, report-local sources, mention keys;
 * never on generated ids alone), applied to the store at once (only the incidents it touches
 * are recomputed), and applied again by every later linking, incremental or full
 * (src/jobs/case-file.ts loadCorrections).
 *
 * Withdrawing a correction marks it inactive: the next full re-link (`corroborate ingest
 * --relink`) no longer applies it; the current view is left as it is until then.
 */
import { DEFAULT_CLUSTER_CONFIG, featuresFromJson, indexKeys, nameKey, slug, sourceKeys, type SourceSelector } from '../link/index.js';
import {
  addCorrection, addLinkKeys, dropLinkKeys, incidentsCiting, linkCounters, linkMentionsOf, logLink, membersOf, reportSourceRows,
  saveSources, setLinkCounters, sourcesById, takenSourceIds, withdrawCorrection, type Db, type MembershipSnapshot,
} from '../store/index.js';
import { memberKey, recomputeIncidents } from './case-file.js';

export interface CorrectionBy { by: string; why?: string }

/** A correction that cannot be made: names what was asked and why not. */
export class CorrectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorrectionError';
  }
}

function checkBy(opts: { by?: string }): string {
  const by = opts.by?.trim();
  if (!by) throw new CorrectionError('a correction needs who makes it (by)');
  return by;
}

function distinct(ids: string[], what: string, min: number): string[] {
  const out = [...new Set(ids.map((x) => String(x).trim()).filter(Boolean))];
  if (out.length < min) throw new CorrectionError(`${what}: give at least ${min} different ids (got ${ids.length ? ids.join(', ') : 'none'})`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sources

/**
 * Merges canonical sources into the first one (optionally renamed `name`): every report's
 * mention of them points to it, the others are removed, and the incidents citing it are
 * recomputed. Stored keyed on the sources' names (named sources: later reports naming them join
 * too) or on their report-local mentions (unnamed sources such as "police").
 */
export async function mergeSources(db: Db, ids: string[], opts: CorrectionBy & { name?: string }): Promise<{ correction: number; source: string }> {
  const by = checkBy(opts);
  const want = distinct(ids, 'merge sources', 2);
  const name = opts.name?.trim() || undefined;
  return db.transaction(async (tx) => {
    const found = await sourcesById(tx, want);
    const missing = want.filter((id) => !found.some((s) => s.id === id));
    if (missing.length) throw new CorrectionError(`no source ${missing.map((m) => `"${m}"`).join(', ')} (see corroborate sources)`);
    const srcs = want.map((id) => found.find((s) => s.id === id)!);
    const rows = await tx.query<{ reportId: string; localId: string; sourceId: string }>(
      `SELECT report_id AS "reportId", local_id AS "localId", source_id AS "sourceId" FROM report_sources WHERE source_id = ANY($1::text[]) ORDER BY report_id, local_id`, [want]);
    const selectors: SourceSelector[] = srcs.flatMap((s): SourceSelector[] => s.named ? [{ name: s.name }] : rows.filter((r) => r.sourceId === s.id).map((r) => ({ report: r.reportId, source: r.localId })));
    const correction = await addCorrection(tx, { kind: 'merge_sources', payload: { ids: want, selectors, ...(name ? { name } : {}) }, by, why: opts.why });
    const [target, ...others] = srcs;
    const finalName = name ?? target.name;
    const names = [...new Set(srcs.flatMap((s) => [s.name, ...s.aliases]))];
    const aliases = names.filter((n) => nameKey(n) !== nameKey(finalName));
    await tx.query('UPDATE report_sources SET source_id = $1 WHERE source_id = ANY($2::text[])', [target.id, others.map((s) => s.id)]);
    await tx.query('UPDATE sources SET affiliation = $1 WHERE affiliation = ANY($2::text[])', [target.id, others.map((s) => s.id)]);
    await tx.query('DELETE FROM sources WHERE id = ANY($1::text[])', [others.map((s) => s.id)]);
    await saveSources(tx, [{
      id: target.id, name: finalName, kind: target.kind, aliases, affiliation: target.affiliation === target.id ? null : target.affiliation,
      named: srcs.some((s) => s.named), keys: sourceKeys([finalName, ...aliases]),
    }]);
    await recomputeIncidents(tx, (await incidentsCiting(tx, [target.id])).map((id) => ({ id })));
    return { correction, source: target.id };
  });
}

/**
 * Moves out of a canonical source the report mentions named (name or alias) by any of `names`
 * into a new source; the rest stays. Stored as "kept apart" groups (the moved names; the kept
 * name and mentions), so that re-linking does not join them again.
 */
export async function splitSource(db: Db, sourceId: string, opts: CorrectionBy & { names: string[] }): Promise<{ correction: number; sources: string[] }> {
  const by = checkBy(opts);
  const names = [...new Set((opts.names ?? []).map((n) => n.trim()).filter(Boolean))];
  if (!names.length) throw new CorrectionError(`split source ${sourceId}: give the names (aliases or report-local names) to move out`);
  const keys = new Set(names.map(nameKey));
  return db.transaction(async (tx) => {
    const [src] = await sourcesById(tx, [sourceId]);
    if (!src) throw new CorrectionError(`no source "${sourceId}" (see corroborate sources)`);
    const ids = (await tx.query<{ reportId: string }>(`SELECT DISTINCT report_id AS "reportId" FROM report_sources WHERE source_id = $1`, [sourceId])).map((r) => r.reportId);
    const rows = (await reportSourceRows(tx, ids)).filter((r) => r.sourceId === sourceId);
    const isMoved = (r: { name: string; aliases: string[] }) => [r.name, ...r.aliases].some((n) => keys.has(nameKey(n)));
    const moved = rows.filter(isMoved), kept = rows.filter((r) => !isMoved(r));
    if (!moved.length) {
      throw new CorrectionError(`split source ${sourceId}: no report names it ${names.map((n) => `"${n}"`).join(' or ')} (its names: ${[src.name, ...src.aliases].join('; ')})`);
    }
    if (!kept.length) throw new CorrectionError(`split source ${sourceId}: every report's mention is named ${names.join(' / ')}: nothing would remain`);
    const mostCommon = (rs: typeof rows) => {
      const c = new Map<string, number>();
      for (const r of rs) c.set(r.name, (c.get(r.name) ?? 0) + 1);
      return [...c].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))[0][0];
    };
    const newName = names.find((n) => moved.some((r) => nameKey(r.name) === nameKey(n))) ?? mostCommon(moved);
    const keptName = keys.has(nameKey(src.name)) ? mostCommon(kept) : src.name;
    const base = 'src:' + (slug(newName) || 'source');
    const taken = await takenSourceIds(tx, [base]);
    let newId = base;
    for (let k = 2; taken.has(newId); k++) newId = `${base}-${k}`;
    const namesOf = (rs: typeof rows, main: string) => [...new Set(rs.flatMap((r) => [r.name, ...r.aliases]))].filter((n) => nameKey(n) !== nameKey(main));
    const kindOf = (rs: typeof rows) => mostCommonValue(rs.map((r) => r.kind).filter((k) => k !== 'unknown')) ?? 'unknown';
    const keptSel: SourceSelector[] = [{ name: keptName }, ...kept.map((r) => ({ report: r.reportId, source: r.localId }))].filter((s) => !('name' in s) || !keys.has(nameKey(s.name)));
    const movedSel: SourceSelector[] = names.map((name) => ({ name }));
    const correction = await addCorrection(tx, { kind: 'split_source', payload: { id: sourceId, names, groups: [keptSel, movedSel] }, by, why: opts.why });
    const keptAliases = namesOf(kept, keptName), movedAliases = namesOf(moved, newName);
    await saveSources(tx, [
      { id: sourceId, name: keptName, kind: src.kind, aliases: keptAliases, affiliation: src.affiliation, named: src.named, keys: sourceKeys([keptName, ...keptAliases]) },
      { id: newId, name: newName, kind: kindOf(moved), aliases: movedAliases, affiliation: null, named: true, keys: sourceKeys([newName, ...movedAliases]) },
    ], moved.map((r) => ({ reportId: r.reportId, localId: r.localId, sourceId: newId })));
    await recomputeIncidents(tx, (await incidentsCiting(tx, [sourceId, newId])).map((id) => ({ id })));
    return { correction, sources: [sourceId, newId] };
  });
}

function mostCommonValue(xs: string[]): string | null {
  const c = new Map<string, number>();
  for (const x of xs) c.set(x, (c.get(x) ?? 0) + 1);
  return [...c].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Incidents

async function snapshot(db: Db, ids: string[]): Promise<MembershipSnapshot> {
  const ms = await membersOf(db, ids);
  return ids.map((incidentId) => ({ incidentId, members: ms.filter((m) => m.incidentId === incidentId).map(({ reportId, mentionId }) => ({ reportId, mentionId })) }));
}

/** Stored blocking keys of an incident again from its mentions' stored features. */
async function reindex(db: Db, ids: string[]): Promise<void> {
  await dropLinkKeys(db, ids);
  const rows = await linkMentionsOf(db, ids);
  const keys = rows.flatMap((r) => indexKeys(featuresFromJson(r.features as Record<string, unknown>), DEFAULT_CLUSTER_CONFIG).map((key) => ({ key, incidentId: r.incidentId! })));
  await addLinkKeys(db, keys);
}

/** A fresh incident id from the persisted sequence (never one in use). */
export async function nextIncidentId(db: Db): Promise<string> {
  let seq = (await linkCounters(db))?.seq;
  if (seq === undefined) {
    const [r] = await db.query<{ n: number | null }>(`SELECT max(substring(id FROM '^incident:([0-9]+)$')::int) AS n FROM incidents`);
    seq = r.n ?? 0;
  }
  for (;;) {
    const id = `incident:${++seq}`;
    if (!(await db.query('SELECT 1 FROM incidents WHERE id = $1', [id])).length) {
      await setLinkCounters(db, { seq });
      return id;
    }
  }
}

/** Merges incidents into the first one: their mentions stay together through every re-linking. */
export async function mergeIncidents(db: Db, ids: string[], opts: CorrectionBy): Promise<{ correction: number; incident: string }> {
  const by = checkBy(opts);
  const want = distinct(ids, 'merge incidents', 2);
  return db.transaction(async (tx) => {
    const found = new Set((await tx.query<{ id: string }>('SELECT id FROM incidents WHERE id = ANY($1::text[])', [want])).map((r) => r.id));
    const missing = want.filter((id) => !found.has(id));
    if (missing.length) throw new CorrectionError(`no incident ${missing.map((m) => `"${m}"`).join(', ')} (see corroborate incidents)`);
    const before = await snapshot(tx, want);
    const mentions = before.flatMap((s) => s.members.map(memberKey));
    const correction = await addCorrection(tx, { kind: 'merge_incidents', payload: { ids: want, mentions }, by, why: opts.why });
    const [target, ...others] = want;
    await tx.query('UPDATE incident_members SET incident_id = $1 WHERE incident_id = ANY($2::text[])', [target, others]);
    await tx.query(`INSERT INTO link_keys (key, incident_id) SELECT key, $1 FROM link_keys WHERE incident_id = ANY($2::text[]) ON CONFLICT DO NOTHING`, [target, others]);
    await tx.query('DELETE FROM incidents WHERE id = ANY($1::text[])', [others]);
    await recomputeIncidents(tx, [{ id: target }]);
    await logLink(tx, { action: 'merge', by, why: opts.why ?? `correction ${correction}`, incidentIds: want, before, after: await snapshot(tx, [target]) });
    return { correction, incident: target };
  });
}

/**
 * Moves the mentions of the given reports out of an incident into a new one; kept apart from
 * the rest through every re-linking. Report ids may be given in full or by an unambiguous prefix.
 */
export async function splitIncident(db: Db, incidentId: string, opts: CorrectionBy & { reports: string[] }): Promise<{ correction: number; incidents: string[] }> {
  const by = checkBy(opts);
  const asked = [...new Set((opts.reports ?? []).map((r) => r.trim()).filter(Boolean))];
  if (!asked.length) throw new CorrectionError(`split incident ${incidentId}: give the report ids to move out`);
  return db.transaction(async (tx) => {
    if (!(await tx.query('SELECT 1 FROM incidents WHERE id = $1', [incidentId])).length) throw new CorrectionError(`no incident "${incidentId}" (see corroborate incidents)`);
    const [before] = await snapshot(tx, [incidentId]);
    const reportIds = [...new Set(before.members.map((m) => m.reportId))];
    const movedReports = new Set<string>();
    for (const a of asked) {
      const hits = reportIds.filter((r) => r === a || r.startsWith(a) || r === `sha256:${a}` || r.startsWith(`sha256:${a}`));
      if (hits.length !== 1) {
        throw new CorrectionError(hits.length ? `split incident ${incidentId}: "${a}" matches ${hits.length} of its reports; give more of the id`
          : `split incident ${incidentId}: report "${a}" is not one of its reports (${reportIds.map((r) => r.slice(0, 19)).join(', ')})`);
      }
      movedReports.add(hits[0]);
    }
    const moved = before.members.filter((m) => movedReports.has(m.reportId));
    const kept = before.members.filter((m) => !movedReports.has(m.reportId));
    if (!kept.length) throw new CorrectionError(`split incident ${incidentId}: every report would move out; nothing would remain`);
    const correction = await addCorrection(tx, {
      kind: 'split_incident', payload: { id: incidentId, reports: [...movedReports], groups: [kept.map(memberKey), moved.map(memberKey)] }, by, why: opts.why,
    });
    const newId = await nextIncidentId(tx);
    await recomputeIncidents(tx, [{ id: incidentId, members: kept }, { id: newId, members: moved }]);
    await reindex(tx, [incidentId, newId]);
    await logLink(tx, { action: 'split', by, why: opts.why ?? `correction ${correction}`, incidentIds: [incidentId, newId], before: [before], after: await snapshot(tx, [incidentId, newId]) });
    return { correction, incidents: [incidentId, newId] };
  });
}

/** Withdraws an active correction (kept, marked inactive, with who withdrew it); false if none such. */
export async function withdraw(db: Db, correction: number, opts: { by: string }): Promise<boolean> {
  const by = checkBy(opts);
  if (!Number.isInteger(correction) || correction < 1) throw new CorrectionError(`withdraw: "${correction}" is not a correction number`);
  return withdrawCorrection(db, correction, by);
}
