/**
 * GVA clustering: the main incident of each dev article clustered across articles, scored
 * against the Gun Violence Archive incident each article reports (B-cubed, MUC, CEAF-e, CoNLL),
 * and the merged incident fields against the gold incident.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractReport } from '../../src/extract/index.js';
import type { Extraction } from '../../src/model/index.js';
import { evalFile, pct, readJsonl } from './data.js';
import { addReport, createClusterState, incidentsOf, mentionKey, type ClusterConfig } from '../../src/link/cluster.js';
import { linkSources } from '../../src/link/sources.js';
import { incidentProvenance, type IncidentReport } from '../../src/link/provenance.js';
import { fieldSummaries, type FieldName, type FieldSummary } from '../../src/link/contradictions.js';
import { cityMatches } from './geo-score.js';

export interface Article { id: string; incident_id: string; title: string; published: string; text: string }

/**
 * Extractions of a split's articles. With LINK_CACHE=1 (for iterating on the linker only) they
 * are cached in $LINK_CACHE_DIR (default /tmp/link-cache); by default they are always fresh, so
 * the figures reflect the current extractor.
 */
export async function extractionsOf(split: string, articles: Article[]): Promise<Extraction[]> {
  const dir = process.env.LINK_CACHE_DIR ?? '/tmp/link-cache';
  const file = path.join(dir, `gva-${split}.json`);
  if (process.env.LINK_CACHE === '1' && existsSync(file)) {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as { ids: string[]; extractions: Extraction[] };
    if (cached.ids.length === articles.length && cached.ids.every((id, i) => id === articles[i].id)) return cached.extractions;
  }
  const out: Extraction[] = [];
  for (const a of articles) out.push(extractReport({ id: a.id, text: a.text, title: a.title, published: a.published }));
  if (process.env.LINK_CACHE === '1') {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify({ ids: articles.map(a => a.id), extractions: out }));
  }
  return out;
}

export async function loadArticles(split: string): Promise<Article[] | null> {
  const f = evalFile('gva', `${split}.articles.jsonl`);
  if (!f) return null;
  const out: Article[] = [];
  for await (const a of readJsonl<Article>(f)) out.push(a);
  return out;
}

/** Clustering scores of a predicted partition against a gold one (same items). */
export function clusterScores(pred: string[], gold: string[]): { b3: { p: number; r: number; f: number }; muc: { p: number; r: number; f: number }; ceafe: { p: number; r: number; f: number }; conll: number } {
  const group = (labels: string[]) => {
    const m = new Map<string, number[]>();
    labels.forEach((l, i) => { const g = m.get(l); if (g) g.push(i); else m.set(l, [i]); });
    return [...m.values()];
  };
  const P = group(pred), G = group(gold);
  const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
  // B-cubed
  const inter = (a: number[], labels: string[], l: string) => a.reduce((n, i) => n + (labels[i] === l ? 1 : 0), 0);
  let bp = 0, br = 0;
  const n = pred.length;
  const predSize = new Map<string, number>(), goldSize = new Map<string, number>();
  for (const l of pred) predSize.set(l, (predSize.get(l) ?? 0) + 1);
  for (const l of gold) goldSize.set(l, (goldSize.get(l) ?? 0) + 1);
  const pair = new Map<string, number>();
  for (let i = 0; i < n; i++) { const k = pred[i] + '\u0000' + gold[i]; pair.set(k, (pair.get(k) ?? 0) + 1); }
  for (let i = 0; i < n; i++) {
    const c = pair.get(pred[i] + '\u0000' + gold[i])!;
    bp += c / predSize.get(pred[i])!;
    br += c / goldSize.get(gold[i])!;
  }
  bp /= n; br /= n;
  // MUC
  const mucR = (keys: number[][], other: string[]) => {
    let num = 0, den = 0;
    for (const k of keys) { num += k.length - new Set(k.map(i => other[i])).size; den += k.length - 1; }
    return den ? num / den : 0;
  };
  const mr = mucR(G, pred), mp = mucR(P, gold);
  // CEAF-e: entity similarity phi4 = 2|K∩R|/(|K|+|R|), optimal one-to-one alignment
  const goldIdx = new Map<string, number>(); G.forEach((g, k) => goldIdx.set(gold[g[0]], k));
  const predIdx = new Map<string, number>(); P.forEach((p, k) => predIdx.set(pred[p[0]], k));
  const edges: Array<[number, number, number]> = [];
  for (const [k, c] of pair) {
    const [pl, gl] = k.split('\u0000');
    const pi = predIdx.get(pl)!, gi = goldIdx.get(gl)!;
    edges.push([pi, gi, (2 * c) / (P[pi].length + G[gi].length)]);
  }
  const sim = assignment(P.length, G.length, edges);
  const cp = sim / P.length, cr = sim / G.length;
  const b3 = { p: bp, r: br, f: f1(bp, br) }, muc = { p: mp, r: mr, f: f1(mp, mr) }, ceafe = { p: cp, r: cr, f: f1(cp, cr) };
  void inter;
  return { b3, muc, ceafe, conll: (b3.f + muc.f + ceafe.f) / 3 };
}

/**
 * Maximum-weight one-to-one matching over a sparse bipartite graph: exact (Hungarian) on each
 * connected component; components here are small (a few clusters that share articles).
 */
function assignment(nl: number, nr: number, edges: Array<[number, number, number]>): number {
  // components by union-find over left + right nodes
  const parent = Array.from({ length: nl + nr }, (_, i) => i);
  const find = (x: number): number => { while (parent[x] !== x) { parent[x] = parent[parent[x]]; x = parent[x]; } return x; };
  for (const [l, r] of edges) parent[find(l)] = find(nl + r);
  const comps = new Map<number, Array<[number, number, number]>>();
  for (const e of edges) { const c = find(e[0]); const l = comps.get(c); if (l) l.push(e); else comps.set(c, [e]); }
  let total = 0;
  for (const es of comps.values()) {
    const L = [...new Set(es.map(e => e[0]))], R = [...new Set(es.map(e => e[1]))];
    if (L.length === 1 || R.length === 1) { total += Math.max(...es.map(e => e[2])); continue; }
    const n = Math.max(L.length, R.length);
    const li = new Map(L.map((x, i) => [x, i])), ri = new Map(R.map((x, i) => [x, i]));
    const cost = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (const [l, r, w] of es) cost[li.get(l)!][ri.get(r)!] = -w;
    total -= hungarian(cost);
  }
  return total;
}

/** Minimum-cost perfect assignment of a square matrix (O(n^3)). */
function hungarian(a: number[][]): number {
  const n = a.length;
  const u = new Array(n + 1).fill(0), v = new Array(n + 1).fill(0), p = new Array(n + 1).fill(0), way = new Array(n + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array(n + 1).fill(Infinity), used = new Array(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0];
      let delta = Infinity, j1 = 0;
      for (let j = 1; j <= n; j++) if (!used[j]) {
        const cur = a[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
        if (minv[j] < delta) { delta = minv[j]; j1 = j; }
      }
      for (let j = 0; j <= n; j++) if (used[j]) { u[p[j]] += delta; v[j] -= delta; } else minv[j] -= delta;
      j0 = j1;
    } while (p[j0] !== 0);
    do { const j1 = way[j0]; p[j0] = p[j1]; j0 = j1; } while (j0);
  }
  let cost = 0;
  for (let j = 1; j <= n; j++) if (p[j]) cost += a[p[j] - 1][j - 1];
  return cost;
}

export async function evalCluster(split: string, opts: { config?: Partial<ClusterConfig>; quiet?: boolean } = {}): Promise<{ conll: number; b3f: number } | void> {
  const arts = await loadArticles(split);
  if (!arts) return;
  const t0 = Date.now();
  const xs = await extractionsOf(split, arts);
  const t1 = Date.now();
  const st = createClusterState({ mentions: 'main', ...opts.config });
  const pred: string[] = [];
  for (const x of xs) addReport(st, x);
  xs.forEach((x, i) => {
    const m = x.incidents[0];
    pred.push(m ? st.mentions.get(mentionKey(x.report.id, m.id))!.incident : `single:${i}`);
  });
  const t2 = Date.now();
  const gold = arts.map(a => a.incident_id);
  const s = clusterScores(pred, gold);
  const single = clusterScores(arts.map((_, i) => String(i)), gold);
  const fields = opts.quiet ? null : fieldAccuracy(split, arts, xs, st);
  if (!opts.quiet) {
    const f = (x: { p: number; r: number; f: number }) => `P ${pct(x.p)}  R ${pct(x.r)}  F1 ${pct(x.f)}`;
    console.log(`GVA ${split} clustering: ${arts.length} articles, ${new Set(gold).size} gold incidents, ${new Set(pred).size} predicted; extraction ${((t1 - t0) / 1000).toFixed(1)} s, clustering ${((t2 - t1) / 1000).toFixed(1)} s`);
    console.log(`  B-cubed  ${f(s.b3)}   (bar F1 90.0; one incident per article: ${pct(single.b3.f)})`);
    console.log(`  MUC      ${f(s.muc)}`);
    console.log(`  CEAF-e   ${f(s.ceafe)}`);
    console.log(`  CoNLL F1 ${pct(s.conll)}   (one incident per article: ${pct(single.conll)})`);
    console.log(`  merges ${st.merges.length}, suggestions ${st.suggestions.length}`);
    const acc = await fields;
    if (acc) {
      console.log('  field     merged   per article   n');
      for (const [k, v] of Object.entries(acc)) console.log(`  ${k.padEnd(9)} ${pct(v.merged).padStart(6)}   ${pct(v.single).padStart(6)}        ${v.n}`);
    }
  }
  return { conll: s.conll, b3f: s.b3.f };
}

interface GoldIncident { incident_id: string; date: string; state: string; city_or_county: string; killed: number; injured: number }

/**
 * Merged incident fields against the gold incident, per article (each article takes its
 * cluster's merged value), beside the article's own mention (as bench/eval/gva.ts scores it).
 */
async function fieldAccuracy(split: string, arts: Article[], xs: Extraction[], st: ReturnType<typeof createClusterState>): Promise<Record<string, { merged: number; single: number; n: number }> | null> {
  const incFile = evalFile('gva', `${split}.incidents.jsonl`);
  if (!incFile) return null;
  const gold = new Map<string, GoldIncident>();
  for await (const g of readJsonl<GoldIncident>(incFile)) gold.set(g.incident_id, g);
  const identity = linkSources(xs);
  const byReport = new Map(xs.map(x => [x.report.id, x]));
  const merged = new Map<string, Map<FieldName, FieldSummary>>();
  for (const inc of incidentsOf(st)) {
    const items: IncidentReport[] = inc.mentions.map(m => ({ extraction: byReport.get(m.report)!, mention: m.mention }));
    const prov = incidentProvenance(items, identity);
    merged.set(inc.id, new Map(fieldSummaries(items, prov).map(f => [f.field, f])));
  }
  const names = ['killed', 'injured', 'city', 'state', 'date'] as const;
  const acc = Object.fromEntries(names.map(k => [k, { merged: 0, single: 0, n: 0 }])) as Record<string, { merged: number; single: number; n: number }>;
  // the merged value's figure: the lowest of the best-supported report's count (as its display text starts with)
  const count = (f: FieldSummary | undefined) => f?.values[0]?.count?.min ?? 0;
  const normState = (s: string | null | undefined) => (s ?? '').toLowerCase().trim();
  xs.forEach((x, i) => {
    const g = gold.get(arts[i].incident_id);
    if (!g) return;
    const m = x.incidents[0];
    const rec = m ? st.mentions.get(mentionKey(x.report.id, m.id)) : undefined;
    const f = rec ? merged.get(rec.incident) : undefined;
    const place = f?.get('place');
    const placeLoc = place?.merged.value ? { name: place.merged.value.split(', ')[0], text: place.merged.value } : null;
    const res = {
      killed: [count(f?.get('killed')) === g.killed, (m?.killed?.min ?? 0) === g.killed],
      injured: [count(f?.get('injured')) === g.injured, (m?.injured?.min ?? 0) === g.injured],
      city: [cityMatches(g.city_or_county, placeLoc), !!m?.location.name && cityMatches(g.city_or_county, { name: m.location.name, text: m.location.text ?? m.location.name })],
      state: [!!place && normState(place.merged.admin1) === normState(g.state), !!m && normState(m.location.admin1) === normState(g.state)],
      date: [f?.get('date')?.merged.value === g.date, !!m && m.date.start === g.date && m.date.end === g.date],
    } as Record<string, [boolean, boolean]>;
    for (const k of names) { acc[k].n++; if (res[k][0]) acc[k].merged++; if (res[k][1]) acc[k].single++; }
  });
  for (const k of names) { acc[k].merged /= acc[k].n || 1; acc[k].single /= acc[k].n || 1; }
  return acc;
}

/**
 * The same clustering through the store, as `corroborate ingest` does it: the articles are
 * stored in article order and linked incrementally (src/jobs/incremental-link.ts, a page every
 * `page` reports), then re-linked in full (`relink`); both partitions are scored. Articles with
 * identical bytes are one report in the store (content addressing): they share a prediction.
 * The store is a temporary PGlite directory, or the server in EVAL_DATABASE_URL (a fresh schema).
 */
export async function evalClusterStore(split: string, opts: { config?: Partial<ClusterConfig>; page?: number } = {}): Promise<void> {
  const arts = await loadArticles(split);
  if (!arts) return;
  const xs = await extractionsOf(split, arts);
  const { openStore, storeReport } = await import('../../src/store/index.js');
  const { linkNew } = await import('../../src/jobs/incremental-link.js');
  const { relink } = await import('../../src/jobs/case-file.js');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(path.join(tmpdir(), 'corroborate-eval-store-'));
  const schema = `eval_cluster_${process.pid}`;
  const url = process.env.EVAL_DATABASE_URL;
  const db = await openStore(url ? { url, schema } : { dir });
  const config = { mentions: 'main' as const, ...opts.config };
  const page = opts.page ?? 100;
  try {
    const ids: string[] = [];
    const t0 = Date.now();
    let linkMs = 0;
    for (let i = 0; i < arts.length; i++) {
      const a = arts[i];
      const raw = Buffer.from(JSON.stringify({ id: a.id, title: a.title, published: a.published, text: a.text }), 'utf8');
      const r = await storeReport(db, { raw, by: 'eval', from: `gva-${split}:${i + 1}`, externalId: a.id, title: a.title, published: a.published }, { extraction: xs[i] });
      ids.push(r.id);
      if ((i + 1) % page === 0 || i === arts.length - 1) {
        const t = Date.now();
        await linkNew(db, { cluster: config });
        linkMs += Date.now() - t;
      }
    }
    const t1 = Date.now();
    const predOf = async () => {
      const rows = await db.query<{ report_id: string; mention_id: string; incident_id: string }>('SELECT report_id, mention_id, incident_id FROM incident_members');
      const m = new Map(rows.map((r) => [`${r.report_id}#${r.mention_id}`, r.incident_id]));
      return xs.map((x, i) => (x.incidents[0] ? m.get(`${ids[i]}#${x.incidents[0].id}`) ?? `missing:${i}` : `single:${i}`));
    };
    const gold = arts.map((a) => a.incident_id);
    const line = (what: string, pred: string[]) => {
      const s = clusterScores(pred, gold);
      console.log(`  ${what.padEnd(34)} B-cubed P ${pct(s.b3.p)}  R ${pct(s.b3.r)}  F1 ${pct(s.b3.f)}   CoNLL F1 ${pct(s.conll)}   (${new Set(pred).size} incidents)`);
    };
    console.log(`GVA ${split} clustering through the store (${url ? 'PostgreSQL server' : 'PGlite'}; ${arts.length} articles in article order, linked every ${page}; mentions: ${config.mentions}):`);
    line('incremental (corroborate ingest)', await predOf());
    const t2 = Date.now();
    await relink(db, { cluster: config });
    const t3 = Date.now();
    line('full re-link (ingest --relink)', await predOf());
    console.log(`  store + incremental linking ${((t1 - t0) / 1000).toFixed(1)} s (linking ${(linkMs / 1000).toFixed(1)} s); full re-link ${((t3 - t2) / 1000).toFixed(1)} s`);
  } finally {
    if (url) await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const split = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'dev';
  if (process.argv.includes('--store')) {
    const all = process.argv.includes('--all-mentions');
    await evalClusterStore(split, all ? { config: { mentions: 'all' } } : {});
  } else await evalCluster(split);
}
