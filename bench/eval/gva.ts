/**
 * GVA dev: the main incident of each article against the Gun Violence Archive record of the
 * incident the article reports (killed, injured, city, state, exact date, coordinates ≤ 25 km).
 * `date_in` is looser than `date`: the gold day lies within the interval given (a week, a month,
 * "on or before the publication date"), the interval no longer than 31 days; it has no bar and is
 * printed so that honest week / month answers are seen, not only exact days.
 */
import { extractReport } from '../../src/extract/index.js';
import type { Extraction } from '../../src/model/index.js';
import { evalFile, pct, readJsonl } from './data.js';
import { cityMatches, haversineKm } from './geo-score.js';

interface Article { id: string; incident_id: string; title: string; published: string; text: string }
interface Incident { incident_id: string; date: string; state: string; city_or_county: string; killed: number; injured: number; lat: number | null; lon: number | null }

function norm(s: string | null | undefined): string {
  return (s ?? '').toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/\(.*?\)/g, '').replace(/\b(county|city|parish|township|borough)\b/g, '').replace(/[^a-z ]/g, ' ').replace(/\s+/g, ' ').trim();
}


function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}

export async function evalGva(split: string, opts: { limit?: number; verbose?: boolean; field?: string } = {}): Promise<Extraction[] | void> {
  const artFile = evalFile('gva', `${split}.articles.jsonl`);
  const incFile = evalFile('gva', `${split}.incidents.jsonl`);
  if (!artFile || !incFile) return;
  const gold = new Map<string, Incident>();
  for await (const g of readJsonl<Incident>(incFile)) gold.set(g.incident_id, g);
  const fields = ['killed', 'injured', 'city', 'state', 'date', 'date_in', 'coords25km'] as const;
  const ok: Record<string, number> = {}, n: Record<string, number> = {};
  for (const f of fields) { ok[f] = 0; n[f] = 0; }
  let articles = 0, withIncident = 0;
  const t0 = Date.now();
  for await (const a of readJsonl<Article>(artFile)) {
    if (opts.limit && articles >= opts.limit) break;
    articles++;
    const g = gold.get(a.incident_id);
    if (!g) continue;
    const x = extractReport({ id: a.id, text: a.text, title: a.title, published: a.published });
    const m = x.incidents[0];
    if (m) withIncident++;
    const killed = m?.killed ? m.killed.min : 0;
    const injured = m?.injured ? m.injured.min : 0;
    const res: Record<string, boolean | null> = {
      killed: killed === g.killed,
      injured: injured === g.injured,
      city: !!m && !!m.location.name && cityMatches(g.city_or_county, { name: m.location.name, text: m.location.text ?? m.location.name }),
      state: !!m && norm(m.location.admin1) === norm(g.state),
      date: !!m && m.date.start === g.date && m.date.end === g.date,
      date_in: !!m && m.date.start !== null && m.date.end !== null && m.date.start <= g.date && g.date <= m.date.end && daysBetween(m.date.start, m.date.end) <= 31,
      coords25km: g.lat == null || g.lon == null ? null : !!m && m.location.lat != null && m.location.lon != null && haversineKm(m.location.lat, m.location.lon, g.lat, g.lon) <= 25,
    };
    for (const f of fields) {
      if (res[f] === null) continue;
      n[f]++;
      if (res[f]) ok[f]++;
    }
    if (opts.verbose && opts.field && res[opts.field] === false) {
      const gv = opts.field === 'killed' ? g.killed : opts.field === 'injured' ? g.injured : opts.field === 'date' ? g.date : `${g.city_or_county}, ${g.state}`;
      const pv = opts.field === 'killed' ? JSON.stringify(m?.killed) : opts.field === 'injured' ? JSON.stringify(m?.injured) : opts.field === 'date' ? JSON.stringify(m?.date) : JSON.stringify(m?.location);
      console.log(`--- ${a.id} gold=${gv} pred=${pv} | ${a.title}`);
    }
  }
  const secs = (Date.now() - t0) / 1000;
  const bars: Record<string, number> = { killed: 0.8, injured: 0.7, city: 0.75, state: 0.8, date: 0.6, coords25km: 0.75 };
  console.log(`GVA ${split}: ${articles} articles, main incident found in ${withIncident} (${pct(withIncident / articles)}%), ${secs.toFixed(1)} s`);
  console.log('field        accuracy   n      bar    reference');
  const ref: Record<string, string> = { killed: 'majority 44.0', injured: 'majority 33.0', date: 'published date 37.0', date_in: 'gold day within the interval (at most 31 days)' };
  for (const f of fields) {
    const acc = n[f] ? ok[f] / n[f] : 0;
    const bar = bars[f] === undefined ? '' : (bars[f] * 100).toFixed(0);
    console.log(`${f.padEnd(12)} ${pct(acc).padStart(6)}   ${String(n[f]).padEnd(6)} ${bar.padStart(4)}   ${ref[f] ?? ''}${bars[f] === undefined || acc >= bars[f] ? '' : '   (below bar)'}`);
  }
}
