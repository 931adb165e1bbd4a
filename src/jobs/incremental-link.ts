/**
 * Incremental linking: the reports stored since the last linking (reports.linked = false) are
 * linked page by page without reading the rest of the collection, so memory stays flat however
 * large the case file grows.
 *
 * For each page, in one transaction:
 *  - sources: each report's sources are matched against the canonical sources found by their
 *    comparison keys in the store (names, aliases, acronyms, handles' prefixes, body words:
 *    src/link/sources.ts sourceKeys), with the same rules and corrections as a full linking
 *    (`linkSources` over the stored candidates as one pseudo report plus the new reports); a
 *    source matching none becomes a new canonical source;
 *  - incidents: the candidate incidents of the new mentions are fetched by the clusterer's own
 *    blocking keys (day × place cell, region, rare proper names: table link_keys) with their
 *    mentions' stored features (link_mentions) and the document frequencies of the words
 *    involved (link_df); the in-memory clusterer (`addReport`) then places each new mention in
 *    that small state exactly as it would in the whole one: join or create, corrections kept;
 *  - only the incidents that gained a mention are recomputed from their members' reports
 *    (provenance, contradictions, fields) and saved with their new blocking keys.
 * A store linked before migration 002 (incidents but no persisted state) is re-linked in full
 * once, which writes the state.
 */
import type { Extraction, IncidentMention } from '../model/index.js';
import {
  addReport, blockingKeys, createClusterState, featuresFromJson, featuresOf, featuresToJson, indexKeys, linkSources, mentionKey, nameKey,
  renameSources, sourceKeys, sourceLookupKeys, type ClusterConfig, type MentionRecord,
} from '../link/index.js';
import {
  addDf, addLinkKeys, dfOf, linkCounters, linkKeyRows, linkMentionsByKey, linkMentionsOf, markLinked, mergeSearchIndexes, saveLinkMentions, saveSources,
  setLinkCounters, sourcesByKeys, takenSourceIds, unlinkedReports,
  type Db, type LinkReportRow, type SourceAssignment, type StoredSource,
} from '../store/index.js';
import { loadCorrections, recomputeIncidents, relink, type LoadedCorrections } from './case-file.js';

export interface LinkNewOptions {
  /** reports per page (one transaction each) */
  batch?: number;
  cluster?: Partial<ClusterConfig>;
  /** after each page: reports linked so far */
  onPage?: (linked: number) => void;
}

export interface LinkNewResult {
  reports: number;
  /** incidents created / incidents that gained a mention (created ones included) */
  incidentsCreated: number;
  incidentsTouched: number;
  sourcesCreated: number;
  /** the store had no persisted state: it was re-linked in full */
  full: boolean;
}

/** Links the reports not linked yet. */
export async function linkNew(db: Db, opts: LinkNewOptions = {}): Promise<LinkNewResult> {
  const res: LinkNewResult = { reports: 0, incidentsCreated: 0, incidentsTouched: 0, sourcesCreated: 0, full: false };
  if (!(await linkCounters(db))) {
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM incidents');
    if (n > 0) {
      const r = await relink(db, { cluster: opts.cluster });
      return { ...res, reports: r.reports, incidentsCreated: r.incidents, incidentsTouched: r.incidents, sourcesCreated: r.sources, full: true };
    }
  }
  const corr = await loadCorrections(db);
  const batch = Math.max(1, opts.batch ?? 200);
  for (;;) {
    const page = await unlinkedReports(db, batch);
    if (!page.length) break;
    await db.transaction(async (tx) => {
      res.sourcesCreated += await linkPageSources(tx, page, corr);
      const r = await linkPageIncidents(tx, page, corr, opts.cluster ?? {});
      res.incidentsCreated += r.created;
      res.incidentsTouched += r.touched;
      await markLinked(tx, page.map((p) => p.id));
    });
    res.reports += page.length;
    opts.onPage?.(res.reports);
  }
  if (res.reports) await mergeSearchIndexes(db);
  return res;
}

// ---------------------------------------------------------------------------------------------
// Sources

const STORED = 'store:canonical';

async function linkPageSources(db: Db, page: LinkReportRow[], corr: LoadedCorrections): Promise<number> {
  const xs = page.map((p) => p.extraction);
  const keys = new Set<string>();
  for (const x of xs) for (const s of x.sources) if (s.kind !== 'anonymous') for (const k of sourceLookupKeys(s)) keys.add(k);
  const stored = await sourcesByKeys(db, [...keys]);
  const storedById = new Map(stored.map((s) => [s.id, s]));
  // the stored candidates, as one pseudo report whose source ids are their canonical ids
  const pseudo: Extraction = {
    report: { id: STORED, title: null, published: null, language: 'en', text: '' },
    sources: stored.map((s) => ({ id: s.id, name: s.name, aliases: s.aliases, kind: s.kind as Extraction['sources'][number]['kind'] })),
    claims: [], citations: [], incidents: [],
  };
  const identity = linkSources([pseudo, ...xs], corr.sources);
  renameSources(identity, corr.sourceNames);
  // each group: the stored source it joined, or a new one
  const finalId = new Map<string, string>();
  const fresh = identity.sources.filter((g) => !g.mentions.some((m) => m.report === STORED));
  const taken = await takenSourceIds(db, [...new Set(fresh.map((g) => g.id.replace(/-\d+$/, '')))]);
  for (const g of identity.sources) {
    const st = g.mentions.find((m) => m.report === STORED);
    if (st) { finalId.set(g.id, st.source); continue; }
    let id = g.id;
    const base = id.replace(/-\d+$/, '');
    for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
    taken.add(id);
    finalId.set(g.id, id);
  }
  const save: StoredSource[] = [];
  const assignments: SourceAssignment[] = [];
  for (const g of identity.sources) {
    const id = finalId.get(g.id)!;
    const news = g.mentions.filter((m) => m.report !== STORED);
    if (!news.length) continue;
    for (const m of news) assignments.push({ reportId: m.report, localId: m.source, sourceId: id });
    const old = storedById.get(id);
    const affiliation = g.affiliation ? finalId.get(g.affiliation) ?? null : null;
    if (old) {
      const names = new Set([...old.aliases, ...g.aliases, g.name]);
      const aliases = [...names].filter((n) => nameKey(n) !== nameKey(old.name)).sort();
      const known = new Set(old.aliases);
      if (aliases.some((a) => !known.has(a)) || (!old.affiliation && affiliation && affiliation !== id)) {
        save.push({ ...old, aliases, affiliation: old.affiliation ?? (affiliation !== id ? affiliation : null) });
      }
    } else {
      save.push({ id, name: g.name, kind: g.kind, aliases: g.aliases, affiliation: affiliation !== id ? affiliation : null, named: g.named });
    }
  }
  await saveSources(db, save.map((s) => ({ ...s, keys: s.named ? sourceKeys([s.name, ...s.aliases]) : [] })), assignments);
  return save.filter((s) => !storedById.has(s.id)).length;
}

// ---------------------------------------------------------------------------------------------
// Incidents

async function linkPageIncidents(db: Db, page: LinkReportRow[], corr: LoadedCorrections, config: Partial<ClusterConfig>): Promise<{ created: number; touched: number }> {
  const counters = (await linkCounters(db)) ?? { docs: 0, seq: await maxIncidentSeq(db), sourceSeq: 0 };
  const st = createClusterState(config, corr.incidents);
  st.docs = counters.docs;
  st.seq = counters.seq;
  const cfg = st.config;
  const xs = page.map((p) => p.extraction);
  // a report linked before and extracted again (--reextract): its old mentions leave their incidents first
  const ids = page.map((p) => p.id);
  const stale = (await db.query<{ id: string }>('SELECT DISTINCT incident_id AS id FROM incident_members WHERE report_id = ANY($1::text[])', [ids])).map((r) => r.id);
  if (stale.length) {
    await db.query('DELETE FROM incident_members WHERE report_id = ANY($1::text[])', [ids]);
    await db.query('DELETE FROM link_mentions WHERE report_id = ANY($1::text[])', [ids]);
  }
  // blocking keys of every new mention, and the partners documenters' merges tie them to
  const keys = new Set<string>();
  const newKeys = new Set<string>();
  const words = new Set<string>();
  for (const x of xs) {
    const ms = cfg.mentions === 'main' ? x.incidents.slice(0, 1) : x.incidents;
    for (const m of ms) {
      const f = featuresOf(m, x, cfg);
      for (const k of blockingKeys(f, cfg)) keys.add(k);
      for (const w of f.vector.keys()) words.add(w);
      newKeys.add(mentionKey(x.report.id, m.id));
    }
  }
  const partners = new Set<string>();
  for (const c of corr.incidents) if (c.kind === 'merge' && c.mentions.some((k) => newKeys.has(k))) for (const k of c.mentions) if (!newKeys.has(k)) partners.add(k);
  const keyRows = await linkKeyRows(db, [...keys]);
  const loaded = new Set<string>();
  const candidates = new Set<string>();
  for (const r of keyRows) {
    let s = st.index.get(r.key);
    if (!s) st.index.set(r.key, s = new Set());
    s.add(r.incidentId);
    loaded.add(`${r.key}\u0000${r.incidentId}`);
    candidates.add(r.incidentId);
  }
  const partnerRows = await linkMentionsByKey(db, [...partners].map((k) => { const i = k.lastIndexOf('#'); return { reportId: k.slice(0, i), mentionId: k.slice(i + 1) }; }));
  for (const r of partnerRows) if (r.incidentId) candidates.add(r.incidentId);
  // the candidates with all their mentions
  for (const r of await linkMentionsOf(db, [...candidates])) {
    const rec: MentionRecord = {
      key: mentionKey(r.reportId, r.mentionId), report: r.reportId, mention: r.mention as IncidentMention, published: r.published, title: r.title,
      incident: r.incidentId!, features: featuresFromJson(r.features as Record<string, unknown>),
    };
    st.mentions.set(rec.key, rec);
    let inc = st.incidents.get(rec.incident);
    if (!inc) st.incidents.set(rec.incident, inc = { id: rec.incident, mentions: [] });
    inc.mentions.push(rec.key);
    for (const w of rec.features.vector.keys()) words.add(w);
  }
  // an incident listed under a key but without stored mentions cannot be scored: leave it out
  for (const [k, s] of st.index) for (const id of s) if (!st.incidents.has(id)) { s.delete(id); loaded.delete(`${k}\u0000${id}`); }
  st.df = await dfOf(db, [...words]);
  const before = new Map<string, number>();
  for (const w of words) before.set(w, st.df.get(w) ?? 0);
  const created = new Set<string>();
  const touched = new Set<string>();
  const recs: MentionRecord[] = [];
  for (const x of xs) {
    for (const a of addReport(st, x)) {
      touched.add(a.incident);
      if (a.action !== 'merged') created.add(a.incident);
      recs.push(st.mentions.get(a.mention)!);
    }
  }
  // persist: the incidents touched (members as the clusterer holds them), features, keys, counts
  await recomputeIncidents(db, [
    ...[...touched].map((id) => ({
      id, members: st.incidents.get(id)!.mentions.map((k) => { const r = st.mentions.get(k)!; return { reportId: r.report, mentionId: r.mention.id }; }),
    })),
    ...stale.filter((id) => !touched.has(id)).map((id) => ({ id })),
  ]);
  await saveLinkMentions(db, recs.map((r) => ({ reportId: r.report, mentionId: r.mention.id, features: featuresToJson(r.features) })));
  const add: { key: string; incidentId: string }[] = [];
  for (const r of recs) {
    for (const k of indexKeys(r.features, cfg)) {
      if (st.index.get(k)?.has(r.incident) && !loaded.has(`${k}\u0000${r.incident}`)) { add.push({ key: k, incidentId: r.incident }); loaded.add(`${k}\u0000${r.incident}`); }
    }
  }
  await addLinkKeys(db, add);
  const dfAdd = new Map<string, number>();
  for (const [w, n] of st.df) { const d = n - (before.get(w) ?? 0); if (d > 0) dfAdd.set(w, d); }
  await addDf(db, dfAdd);
  await setLinkCounters(db, { docs: st.docs, seq: st.seq });
  return { created: created.size, touched: touched.size };
}

async function maxIncidentSeq(db: Db): Promise<number> {
  const [r] = await db.query<{ n: number | null }>(`SELECT max(substring(id FROM '^incident:([0-9]+)$')::int) AS n FROM incidents`);
  return r.n ?? 0;
}
