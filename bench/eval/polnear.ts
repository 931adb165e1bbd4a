/**
 * PolNeAR attribution evaluation: exact-match precision / recall / F1 of source, cue and content
 * spans, per annotated file (a text annotated by several annotators is scored once per annotator,
 * as the published figures are).
 *
 * Matching rule: a predicted role span matches a gold role span when start and end are equal.
 * A gold role with several fragments (discontinuous brat spans, Content2) is matched by the span
 * covering [min start, max end] of its fragments, or by any one of its fragments. Each gold role
 * is matched at most once, each prediction matches at most one gold role. Gold attributions with
 * no source span (Attribution-no-source) count for cue and content only; predicted claims with
 * no source span count for cue and content only. Only claims with a cue are scored (the report's
 * own hedged sentences are not attributions in PolNeAR's sense).
 *
 * Usage: node dist/bench/eval/polnear.js [dev|train] [--limit N] [--errors N] [--misses N]
 * (--errors: predicted claims that miss a gold role; --misses: gold attributions no predicted cue overlaps)
 * Data: $CORROBORATE_EVAL_DIR or ../shared/eval relative to the working directory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { analyse } from '../../src/nlp/analyse.js';
import { extractAttribution } from '../../src/extract/attribution.js';

type Frag = [number, number, string];
interface GoldAttribution { id: string; kind: string; source: Frag[]; cue: Frag[]; content: Frag[] }
interface PolnearRecord { id: string; doc: string; annotator: string; published?: string | null; title?: string | null; text: string; attributions: GoldAttribution[] }

const ROLES = ['source', 'cue', 'content'] as const;
type Role = typeof ROLES[number];

const PUBLISHED: Record<string, Record<Role, number>> = {
  'CRF (published, test)': { source: 50.6, cue: 53.4, content: 28.6 },
  'BERT-CRF (published, test)': { source: 82.2, cue: 74.9, content: 71.0 },
};

interface Counts { tp: number; pred: number; gold: number }

/** Greedy exact matching of predicted spans to gold roles (each matched at most once). */
export function matchRole(pred: Array<[number, number]>, gold: Frag[][]): number {
  const keys = gold.map(frags => {
    const set = new Set<string>();
    let a = Infinity, b = -Infinity;
    for (const [s, e] of frags) { set.add(`${s}:${e}`); a = Math.min(a, s); b = Math.max(b, e); }
    set.add(`${a}:${b}`);
    return set;
  });
  const taken = new Uint8Array(gold.length);
  let tp = 0;
  for (const [s, e] of pred) {
    const k = `${s}:${e}`;
    for (let g = 0; g < gold.length; g++) {
      if (!taken[g] && keys[g].has(k)) { taken[g] = 1; tp++; break; }
    }
  }
  return tp;
}

function f1(c: Counts): { p: number; r: number; f: number } {
  const p = c.pred ? c.tp / c.pred : 0;
  const r = c.gold ? c.tp / c.gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

export async function evalPolnear(split: string, dataDir: string, opts: { limit?: number; errors?: number; misses?: number } = {}): Promise<void> {
  const file = join(dataDir, 'polnear', `${split}.jsonl`);
  if (!existsSync(file)) {
    console.log(`polnear: ${file} not found; skipping (set CORROBORATE_EVAL_DIR to the folder holding polnear/).`);
    return;
  }
  const lines = readFileSync(file, 'utf8').split('\n').filter(l => l.trim());
  const records = lines.slice(0, opts.limit ?? lines.length).map(l => JSON.parse(l) as PolnearRecord);
  const counts: Record<Role, Counts> = { source: { tp: 0, pred: 0, gold: 0 }, cue: { tp: 0, pred: 0, gold: 0 }, content: { tp: 0, pred: 0, gold: 0 } };
  let ms = 0, chars = 0;
  const errors: string[] = [];
  const misses: string[] = [];
  const cache = new Map<string, ReturnType<typeof extractAttribution>>();
  for (const rec of records) {
    let att = cache.get(rec.doc);
    if (!att) {
      const t0 = performance.now();
      att = extractAttribution(analyse(rec.text, { published: rec.published ?? null, title: rec.title ?? null }));
      ms += performance.now() - t0;
      chars += rec.text.length;
      cache.set(rec.doc, att);
    }
    // PolNeAR does not annotate attributions inside direct quotes (20 of 22,467 train cues): skip nested claims
    const claims = att.claims.filter(c => c.cue !== null && c.via === null);
    const pred: Record<Role, Array<[number, number]>> = {
      source: claims.filter(c => c.sourceSpan).map(c => [c.sourceSpan!.start, c.sourceSpan!.end]),
      cue: claims.map(c => [c.cue!.start, c.cue!.end]),
      content: claims.map(c => [c.content.start, c.content.end]),
    };
    for (const role of ROLES) {
      const gold = rec.attributions.map(a => a[role]).filter(f => f.length > 0);
      counts[role].gold += gold.length;
      counts[role].pred += pred[role].length;
      counts[role].tp += matchRole(pred[role], gold);
    }
    if (opts.misses && misses.length < opts.misses) {
      for (const g of rec.attributions) {
        if (claims.some(c => g.cue.some(x => x[0] < c.cue!.end && x[1] > c.cue!.start))) continue;
        const at = Math.min(...g.cue.map(x => x[0]));
        misses.push(`${rec.id}\n  MISS S=${JSON.stringify(g.source.map(x => x[2]))} C=${JSON.stringify(g.cue.map(x => x[2]))} T=${JSON.stringify(g.content.map(x => x[2].slice(0, 140)))}\n  TEXT ${JSON.stringify(rec.text.slice(Math.max(0, at - 100), at + 100))}`);
      }
    }
    if (opts.errors && errors.length < opts.errors) {
      const goldCues = new Set(rec.attributions.flatMap(a => a.cue.map(c => `${c[0]}:${c[1]}`)));
      for (const c of claims) {
        const g = rec.attributions.find(a => a.cue.some(x => x[0] <= c.cue!.start && x[1] >= c.cue!.end) || a.cue.some(x => c.cue!.start <= x[0] && c.cue!.end >= x[1]));
        const ok = (r: Role, s: [number, number] | null) => !!g && !!s && matchRole([s], [g[r]]) === 1;
        const okS = ok('source', c.sourceSpan ? [c.sourceSpan.start, c.sourceSpan.end] : null);
        const okC = ok('content', [c.content.start, c.content.end]);
        if (!g || !okS || !okC || !goldCues.has(`${c.cue!.start}:${c.cue!.end}`)) {
          errors.push(`${rec.id}\n  PRED S=${JSON.stringify(c.sourceSpan?.text ?? null)} C=${JSON.stringify(c.cue!.text)} T=${JSON.stringify(c.content.text.slice(0, 140))}\n  GOLD ${g ? `S=${JSON.stringify(g.source.map(x => x[2]))} C=${JSON.stringify(g.cue.map(x => x[2]))} T=${JSON.stringify(g.content.map(x => x[2].slice(0, 140)))}` : 'none'}`);
        }
      }
    }
  }
  console.log(`PolNeAR ${split}: ${records.length} files, ${cache.size} texts; exact match; a gold role with several fragments matches its covering span or any one fragment`);
  console.log(`extraction ${(ms / cache.size).toFixed(2)} ms/text (analyse + attribution), ${((chars / 1e6) / (ms / 1000)).toFixed(2)} MB/s`);
  console.log('role     |   P     R     F1  | ' + Object.keys(PUBLISHED).map(k => k.padEnd(28)).join(' | '));
  for (const role of ROLES) {
    const { p, r, f } = f1(counts[role]);
    const pub = Object.values(PUBLISHED).map(v => `F1 ${v[role].toFixed(1)}`.padEnd(28)).join(' | ');
    console.log(`${role.padEnd(8)} | ${(p * 100).toFixed(1).padStart(5)} ${(r * 100).toFixed(1).padStart(5)} ${(f * 100).toFixed(1).padStart(5)} | ${pub}   (tp ${counts[role].tp}, pred ${counts[role].pred}, gold ${counts[role].gold})`);
  }
  if (errors.length) console.log('\n' + errors.join('\n'));
  if (misses.length) console.log('\n' + misses.slice(0, opts.misses).join('\n'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const split = args.find(a => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'dev';
  const num = (flag: string) => { const i = args.indexOf(flag); return i >= 0 ? Number(args[i + 1]) : undefined; };
  const dir = process.env.CORROBORATE_EVAL_DIR ?? resolve(process.cwd(), '../shared/eval');
  await evalPolnear(split, dir, { limit: num('--limit'), errors: num('--errors'), misses: num('--misses') });
}
