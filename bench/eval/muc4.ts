/**
 * MUC-4 dev: relevant-document detection (a message with at least one incident template) and,
 * per gold template of a relevant message, the fields of the best-aligned extracted incident
 * (the incident of the same type first, then the main one): type, date, place, perpetrators,
 * deaths, injuries. OPTIONAL templates never count as a miss.
 */
import { extractReport } from '../../src/extract/index.js';
import type { IncidentMention, IncidentType } from '../../src/model/index.js';
import { evalFile, pct, prf, readJsonl } from './data.js';

interface Ref { value: string[]; ref: string[] }
interface Template {
  optional: boolean; incident_type: string[]; location: string[] | null; date_ranges: Array<{ start: string | null; end: string }> | null;
  perp_individual: string[][] | null; perp_org: string[][] | null;
  hum_target_number: Ref[] | null; hum_target_effect: Ref[] | null;
}
interface Message { id: string; text: string; text_mixed_case?: string; published: string | null; templates: Template[] }

const TYPE_OF: Record<IncidentType, string> = {
  shooting: 'ATTACK', killing: 'ATTACK', execution: 'ATTACK', assault: 'ATTACK', armed_clash: 'ATTACK', airstrike: 'ATTACK',
  shelling: 'ATTACK', bombing: 'BOMBING', abduction: 'KIDNAPPING', arson: 'ARSON', arrest: 'NONE', other_violence: 'ATTACK',
};

function num(s: string): number | null {
  const m = /(\d+)/.exec(s);
  return m ? Number(m[1]) : s === 'PLURAL' ? null : null;
}

/** Gold deaths / injuries: target numbers paired with DEATH / INJURY effects through their refs. */
function goldCount(t: Template, effect: 'DEATH' | 'INJURY'): number {
  let total = 0;
  for (const e of t.hum_target_effect ?? []) {
    if (!e.value.includes(effect)) continue;
    const n = (t.hum_target_number ?? []).find(x => x.ref.some(r => e.ref.includes(r)));
    total += n ? (num(n.value[0]) ?? 1) : 1;
  }
  return total;
}

/** Upper case without accents, white space collapsed (hard-wrapped text breaks phrases across lines). */
function up(s: string | null | undefined): string { return (s ?? '').toUpperCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' '); }

export async function evalMuc4(split: string, opts: { limit?: number; field?: string } = {}): Promise<void> {
  // `--show-errors place` (or `perpetrators`) prints each wrong value (the harness passes only the limit, so read argv too)
  const ai = process.argv.indexOf('--show-errors');
  const field = opts.field ?? (ai >= 0 ? process.argv[ai + 1] : undefined);
  const file = evalFile('muc4', `${split}.jsonl`);
  if (!file) return;
  let docs = 0, goldRel = 0, predRel = 0, bothRel = 0;
  const ok: Record<string, number> = { type: 0, date: 0, place: 0, perpetrators: 0, deaths: 0, injuries: 0 };
  let n = 0;
  const t0 = Date.now();
  for await (const msg of readJsonl<Message>(file)) {
    if (opts.limit && docs >= opts.limit) break;
    docs++;
    // the text starts with a dateline "PLACE, DATE -- [...]"; keep it: the extractor reads datelines
    const x = extractReport({ id: msg.id, text: msg.text_mixed_case ?? msg.text, published: msg.published });
    const incs = x.incidents.filter(i => i.type !== 'arrest');
    const relevant = msg.templates.some(t => !t.optional);
    if (relevant) goldRel++;
    if (incs.length) predRel++;
    if (relevant && incs.length) bothRel++;
    if (!relevant) continue;
    for (const t of msg.templates) {
      if (t.optional) continue;
      n++;
      const gType = t.incident_type?.[0] ?? '';
      const m: IncidentMention | undefined = incs.find(i => TYPE_OF[i.type] === gType) ?? incs[0];
      if (!m) continue;
      if (TYPE_OF[m.type] === gType) ok.type++;
      const d = m.date.start;
      if (d && m.date.end === d && (t.date_ranges ?? []).some(r => r && (!r.start || r.start <= d) && d <= r.end)) ok.date++;
      const loc = up((t.location ?? []).join(' | '));
      if (m.location.name && loc.includes(up(m.location.name))) ok.place++;
      else if (field === 'place') console.log(`place ${msg.id}: gold ${JSON.stringify(loc)} got ${JSON.stringify(m.location.name)} (${m.location.precision}, text ${JSON.stringify(m.location.text)})`);
      const perps = [...(t.perp_org ?? []), ...(t.perp_individual ?? [])].flat().map(up);
      const ours = m.perpetrators.flatMap(p => [p.name, p.group, p.text]).filter(Boolean).map(up);
      if (perps.length === 0 ? ours.length === 0 : ours.some(o => perps.some(p => o.includes(p) || p.includes(o)))) ok.perpetrators++;
      else if (field === 'perpetrators') console.log(`perpetrators ${msg.id}: gold ${JSON.stringify(perps)} got ${JSON.stringify(m.perpetrators.map(p => p.group ?? p.name))} (texts ${JSON.stringify(m.perpetrators.map(p => p.text))})`);
      if ((m.killed?.min ?? 0) === goldCount(t, 'DEATH')) ok.deaths++;
      if ((m.injured?.min ?? 0) === goldCount(t, 'INJURY')) ok.injuries++;
    }
  }
  const rel = prf(bothRel, predRel, goldRel);
  console.log(`MUC-4 ${split}: ${docs} messages, ${goldRel} relevant, ${n} non-optional templates, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`relevant-document detection: P ${pct(rel.p)} R ${pct(rel.r)} F1 ${pct(rel.f)}`);
  console.log('per template (recall: right value over all non-optional templates of relevant messages):');
  for (const f of Object.keys(ok)) console.log(`  ${f.padEnd(13)} ${pct(ok[f] / Math.max(1, n))}`);
}
