/**
 * A readable summary of one extraction, for a person at a terminal (`--format text`):
 * the report, its incidents, the sources, who said what, and the citation chains.
 */
import { countText, type Citation, type Claim, type CountRange, type Extraction, type IncidentMention, type Source, type Span } from '../model/index.js';

const WIDTH = 100;

function clip(s: string, n = WIDTH): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

function range(r: CountRange | null): string {
  return r ? countText(r) : 'not stated';
}

function incidentLines(inc: IncidentMention, n: number, claimsById: Map<string, Claim>, sourceName: (id: string | null) => string): string[] {
  const out: string[] = [];
  out.push(`${n}. ${inc.type}${inc.method && inc.method !== inc.type ? ` (${inc.method})` : ''}`);
  const d = inc.date;
  const when = d.start ? (d.end && d.end !== d.start ? `${d.start} to ${d.end}` : d.start) : 'unknown';
  out.push(`   When:   ${when} (${d.precision})${d.text ? ` — "${clip(d.text, 60)}"` : ''}`);
  const l = inc.location;
  const place = [l.name, l.admin1, l.country].filter((x, i, a) => x && a.indexOf(x) === i).join(', ') || 'unknown';
  const coords = l.lat != null && l.lon != null ? ` [${l.lat.toFixed(4)}, ${l.lon.toFixed(4)}]` : '';
  out.push(`   Where:  ${place} (${l.precision})${coords}${l.text && l.text !== l.name ? ` — "${clip(l.text, 60)}"` : ''}`);
  out.push(`   Killed: ${range(inc.killed)}   Injured: ${range(inc.injured)}`);
  if (inc.perpetrators.length) out.push(`   Perpetrators: ${inc.perpetrators.map((p) => clip([p.name, p.group].filter(Boolean).join(' / ') || p.text, 60)).join('; ')}`);
  if (inc.victims.length) {
    out.push(`   Victims:`);
    for (const v of inc.victims) {
      const parts = [v.name, v.age != null ? `${v.age}` : null, v.gender, v.description].filter(Boolean);
      out.push(`     - ${clip(parts.length ? parts.join(', ') : v.text, 90)}`);
    }
  }
  if (inc.weapons.length) out.push(`   Weapons: ${inc.weapons.join(', ')}`);
  const by = [...new Set(inc.claims.map((c) => sourceName(claimsById.get(c)?.source ?? null)))];
  if (by.length) out.push(`   According to: ${by.join('; ')}`);
  if (inc.evidence.length) out.push(`   Evidence: "${clip(inc.evidence[0].text, 88)}"${inc.evidence.length > 1 ? ` (+${inc.evidence.length - 1} more)` : ''}`);
  return out;
}

function hedgeText(h: Span[]): string {
  return h.length ? `; hedged: ${h.map((x) => x.text).join(', ')}` : '';
}

/** Every chain of citations from the report (and from sources nobody cites), depth first, cycles cut. */
export function citationChains(citations: Citation[], name: (id: string) => string): string[] {
  const out = new Map<string, string[]>();
  const cited = new Set<string>();
  for (const c of citations) {
    if (!out.has(c.from)) out.set(c.from, []);
    const list = out.get(c.from)!;
    if (!list.includes(c.to)) list.push(c.to);
    cited.add(c.to);
  }
  const roots = [...out.keys()].filter((k) => k === 'report' || !cited.has(k));
  roots.sort((a, b) => (a === 'report' ? -1 : b === 'report' ? 1 : 0));
  const chains: string[] = [];
  const seen = new Set<string>();
  const walk = (node: string, path: string[]) => {
    const next = (out.get(node) ?? []).filter((n) => !path.includes(n));
    if (!next.length) {
      if (path.length > 1) chains.push(path.map(name).join(' → '));
      return;
    }
    for (const n of next) {
      seen.add(`${node}>${n}`);
      if (chains.length < 200) walk(n, [...path, n]);
    }
  };
  for (const r of roots) walk(r, [r]);
  // edges only reachable inside cycles
  for (const c of citations) if (!seen.has(`${c.from}>${c.to}`)) { seen.add(`${c.from}>${c.to}`); chains.push(`${name(c.from)} → ${name(c.to)}`); }
  return chains;
}

export function formatTextSummary(ex: Extraction): string {
  const lines: string[] = [];
  const r = ex.report;
  const sources = new Map<string, Source>(ex.sources.map((s) => [s.id, s]));
  const sourceName = (id: string | null): string => (id == null ? 'the report' : id === 'report' ? 'report' : sources.get(id)?.name ?? id);
  const claimsById = new Map<string, Claim>(ex.claims.map((c) => [c.id, c]));

  lines.push(`Report: ${r.title ? clip(r.title) : '(untitled)'}`);
  lines.push(`  Published: ${r.published ?? 'unknown'}   Language: ${r.language}   Id: ${r.id.slice(0, 19)}…   ${r.text.length} characters`);
  for (const w of ex.warnings ?? []) lines.push(`  Warning: ${w}`);

  lines.push('', `Incidents (${ex.incidents.length})`);
  if (!ex.incidents.length) lines.push('  none found');
  ex.incidents.forEach((inc, i) => lines.push(...incidentLines(inc, i + 1, claimsById, sourceName).map((l) => '  ' + l)));

  lines.push('', `Sources (${ex.sources.length})`);
  if (!ex.sources.length) lines.push('  none found');
  for (const s of ex.sources) lines.push(`  - ${s.name} (${s.kind})${s.aliases.length ? ` also: ${s.aliases.join(', ')}` : ''}`);

  lines.push('', `Who said what (${ex.claims.length})`);
  if (!ex.claims.length) lines.push('  no attributed claims found');
  for (const c of ex.claims) {
    const who = c.source ? sourceName(c.source) : c.sourceSpan ? `"${clip(c.sourceSpan.text, 40)}"` : 'unattributed';
    const via = c.via ? `, inside ${sourceName(claimsById.get(c.via)?.source ?? null)}'s quote` : '';
    lines.push(`  - ${who}${c.cue ? ` [${clip(c.cue.text, 30)}]` : ''}: "${clip(c.content.text, 80)}" (${c.quote}${hedgeText(c.hedges)}${via})`);
  }

  lines.push('', 'Citation chain');
  const chains = citationChains(ex.citations, sourceName);
  if (!chains.length) lines.push('  no citations found');
  for (const ch of chains) lines.push(`  ${ch}`);
  return lines.join('\n');
}
