/**
 * Source identity across reports: the sources each report names (in-report ids from
 * `extractReport`) become canonical sources with stable ids, aliases and the list of
 * (report, in-report source) mentions behind them.
 *
 * Automatic identity (each link recorded with its reason):
 *  - the same proper name or alias, case, articles and possessives aside ("the Syrian
 *    Observatory for Human Rights" / "Syrian Observatory for Human Rights");
 *  - an acronym or handle and its expansion, with the extractor's own rules (`abbreviates`,
 *    `acronymsOf`): "RBSS" / "RIBSS" ↔ "Raqqa is Being Slaughtered Silently", "SOHR" /
 *    "SyriaHR" ↔ "Syrian Observatory for Human Rights", when the short form expands to one
 *    known name only;
 *  - "the Observatory" (a body word of exactly one known name);
 *  - a person's full name, unless the two mentions name different organisations.
 * Generic descriptions ("police", "a witness", "residents") and anonymous sources are never
 * joined across reports here: "police" in two reports are two police forces unless the two
 * reports tell the same incident (see provenance.ts).
 *
 * A person is tied to their organisation (`affiliation`) when a claim names both ("Rami
 * Abdulrahman, head of the Observatory", "SOHR director Rami Abdulrahman").
 *
 * Corrections from a documenter are records keyed on names or on (report, source) mentions,
 * never on generated ids, so they apply again on every re-linking: `merge` joins the sources
 * selected; `split` keeps each selected group apart from the others (no automatic link may
 * join them again).
 */
import type { Extraction, Source, SourceKind } from '../model/index.js';
import { abbreviates, acronymsOf, kindOfWords } from '../extract/sources.js';
import { GENERIC_NAME_WORDS } from './lexicon.js';

/** One source as one report names it. */
export interface SourceRef { report: string; source: string }

/** Selects sources for a correction: by a name or alias (any report), or one report's source. */
export type SourceSelector = { name: string } | SourceRef;

export type SourceCorrection =
  | { kind: 'merge'; sources: SourceSelector[]; by?: string; at?: string; note?: string }
  /** each selector kept apart from the others, or with `groups` each group from the other groups */
  | { kind: 'split'; sources: SourceSelector[]; groups?: SourceSelector[][]; by?: string; at?: string; note?: string };

export interface CanonicalSource {
  id: string;
  name: string;
  aliases: string[];
  kind: SourceKind;
  /** Canonical id of the organisation a person speaks for, when a report ties them. */
  affiliation: string | null;
  /** Whether the name is a proper name (not "police", "a witness"). */
  named: boolean;
  mentions: SourceRef[];
}

export interface SourceLink { a: SourceRef; b: SourceRef; reason: string }

export interface SourceIdentity {
  sources: CanonicalSource[];
  /** `refKey(report, source)` → canonical id. */
  map: Map<string, string>;
  /** Why mentions were joined (automatic links and merge corrections), in order applied. */
  links: SourceLink[];
  /** Automatic links a split correction refused. */
  refused: SourceLink[];
  canonicalOf(report: string, source: string): string | null;
  byId: Map<string, CanonicalSource>;
}

export const refKey = (report: string, source: string) => `${report}\u0000${source}`;

/** Comparison key of a name: case, a leading article, possessives and punctuation aside. */
export function nameKey(s: string): string {
  return s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/^(the|a|an) /, '');
}

const isAcronymLike = (s: string) => !/\s/.test(s.trim()) && /[A-Z].*[A-Z]/.test(s);
/** A proper name: capitalised words, not only generic words ("Police", "Officials"). */
export function isProperName(name: string): boolean {
  const ws = name.trim().split(/\s+/);
  if (!ws.length || !/^[\p{Lu}\p{N}]/u.test(ws[ws.length - 1]) && !/^\p{Lu}/u.test(ws[0])) return false;
  if (isAcronymLike(name)) return true;
  return ws.some(w => /^\p{Lu}/u.test(w) && !GENERIC_NAME_WORDS.has(w.toLowerCase()));
}

interface Node {
  ref: SourceRef;
  source: Source;
  named: boolean;
  names: string[];
  /** organisation names seen beside a person in its claims' source spans */
  affNames: string[];
}

class UnionFind {
  parent: number[] = [];
  tags: Array<Set<string>> = [];
  add(): number { this.parent.push(this.parent.length); this.tags.push(new Set()); return this.parent.length - 1; }
  find(x: number): number { while (this.parent[x] !== x) { this.parent[x] = this.parent[this.parent[x]]; x = this.parent[x]; } return x; }
  /** Tags "k:i": a split constraint k, side i; two roots with the same k and different i may not join. */
  conflicts(a: number, b: number): boolean {
    const ta = this.tags[this.find(a)], tb = this.tags[this.find(b)];
    const [small, big] = ta.size < tb.size ? [ta, tb] : [tb, ta];
    for (const t of small) {
      const k = t.slice(0, t.indexOf(':'));
      for (const u of big) if (u !== t && u.startsWith(k + ':')) return true;
    }
    return false;
  }
  union(a: number, b: number): void {
    let ra = this.find(a), rb = this.find(b);
    if (ra === rb) return;
    if (this.tags[ra].size < this.tags[rb].size) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    for (const t of this.tags[rb]) this.tags[ra].add(t);
  }
}

/** Canonical sources over a set of reports, with corrections applied on top. */
export function linkSources(extractions: readonly Extraction[], corrections: readonly SourceCorrection[] = []): SourceIdentity {
  const nodes: Node[] = [];
  const uf = new UnionFind();
  const byRef = new Map<string, number>();
  for (const x of extractions) {
    for (const s of x.sources) {
      const ref = { report: x.report.id, source: s.id };
      const k = refKey(ref.report, ref.source);
      if (byRef.has(k)) continue;
      const spans = x.claims.filter(c => c.source === s.id && c.sourceSpan).map(c => c.sourceSpan!.text);
      const named = s.kind !== 'anonymous' && isProperName(s.name);
      nodes.push({ ref, source: s, named, names: [s.name, ...s.aliases], affNames: s.kind === 'person' || personLike(s.name) ? spans.map(t => t.replace(s.name, ' ')) : [] });
      byRef.set(k, uf.add());
    }
  }

  // ---- split constraints: tag the nodes each selector picks
  const select = (sel: SourceSelector): number[] => {
    if ('name' in sel) {
      const key = nameKey(sel.name);
      return nodes.flatMap((n, i) => n.names.some(x => nameKey(x) === key) ? [i] : []);
    }
    const i = byRef.get(refKey(sel.report, sel.source));
    return i === undefined ? [] : [i];
  };
  corrections.forEach((c, k) => {
    if (c.kind !== 'split') return;
    const sides = c.groups ?? c.sources.map(sel => [sel]);
    sides.forEach((group, side) => { for (const sel of group) for (const i of select(sel)) uf.tags[i].add(`${k}:${side}`); });
  });

  const links: SourceLink[] = [];
  const refused: SourceLink[] = [];
  const join = (a: number, b: number, reason: string, forced = false) => {
    if (uf.find(a) === uf.find(b)) return;
    const link = { a: nodes[a].ref, b: nodes[b].ref, reason };
    if (!forced && uf.conflicts(a, b)) { refused.push(link); return; }
    uf.union(a, b);
    links.push(link);
  };

  // ---- merges first: a documenter's word stands over automatic links
  for (const c of corrections) {
    if (c.kind !== 'merge') continue;
    const picked = c.sources.flatMap(select);
    for (let i = 1; i < picked.length; i++) join(picked[0], picked[i], `correction: merge${c.by ? ` by ${c.by}` : ''}${c.note ? ` (${c.note})` : ''}`, true);
  }

  // ---- automatic links over an index of name keys (no pairwise scan)
  const byName = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, i: number) => { const l = m.get(k); if (l) l.push(i); else m.set(k, [i]); };
  nodes.forEach((n, i) => {
    if (!n.named) return;
    for (const nm of new Set(n.names.filter(x => isProperName(x) && !/^the\s+\p{Lu}\p{Ll}+$/u.test(x)).map(nameKey))) if (nm) push(byName, nm, i);
  });
  // the same name or alias
  for (const [key, list] of byName) {
    const full = list.filter(i => nameKey(nodes[i].source.name) === key);
    const anchor = full[0] ?? list[0];
    for (const i of list) {
      if (i === anchor) continue;
      if (personClash(nodes[anchor], nodes[i])) continue;
      // an alias equal to a name: only when the alias is not itself ambiguous (two full names share it)
      join(anchor, i, `same name "${key}"`);
    }
  }
  // acronyms and handles: a short form that expands to exactly one known full name
  const fullNames = new Map<string, { name: string; node: number }>();
  const byInitial = new Map<string, string[]>();
  for (const n of nodes.keys()) {
    const node = nodes[n];
    if (!node.named) continue;
    for (const nm of node.names) {
      if (!/\s/.test(nm.trim()) || !isProperName(nm)) continue;
      const key = nameKey(nm);
      if (fullNames.has(key)) continue;
      fullNames.set(key, { name: nm, node: n });
      const l = byInitial.get(key[0]);
      if (l) l.push(key); else byInitial.set(key[0], [key]);
    }
  }
  nodes.forEach((n, i) => {
    if (!n.named) return;
    for (const short of n.names) {
      if (!isAcronymLike(short)) continue;
      const cands = (byInitial.get(short[0].toLowerCase()) ?? []).map(k => fullNames.get(k)!)
        .filter(f => abbreviates(short, f.name) || acronymsOf(f.name).includes(short.toUpperCase()));
      const roots = new Set(cands.map(c => uf.find(c.node)));
      if (roots.size === 1) join(cands[0].node, i, `"${short}" abbreviates "${cands[0].name}"`);
    }
  });
  // "the Observatory": a body word of exactly one known name
  const byInnerWord = new Map<string, number[]>();
  for (const [key, f] of fullNames) for (const w of new Set(key.split(' ').slice(1))) push(byInnerWord, w, f.node);
  nodes.forEach((n, i) => {
    const m = /^(?:the\s+)?(\p{Lu}\p{Ll}+)$/u.exec(n.source.name.trim());
    if (!m || n.source.kind === 'person' || n.source.kind === 'anonymous') return;
    const owners = new Set<number>();
    for (const f of byInnerWord.get(m[1].toLowerCase()) ?? []) owners.add(uf.find(f));
    if (owners.size === 1) join([...owners][0], i, `"the ${m[1]}" names one known source`);
  });

  // ---- canonical sources
  const groups = new Map<string, number[]>();
  nodes.forEach((_, i) => push(groups, String(uf.find(i)), i));
  const sources: CanonicalSource[] = [];
  const map = new Map<string, string>();
  const usedIds = new Set<string>();
  const entries = [...groups.values()];
  for (const members of entries) {
    const ms = members.map(i => nodes[i]);
    const name = canonicalName(ms);
    const aliases = [...new Set(ms.flatMap(m => m.names))].filter(a => nameKey(a) !== nameKey(name)).sort();
    const kind = canonicalKind(ms);
    const named = ms.some(m => m.named);
    let id = 'src:' + (slug(name) || 'source');
    if (!named) id += '@' + ms[0].ref.report.replace(/^sha256:/, '').slice(0, 12);
    let k = 2;
    const base = id;
    while (usedIds.has(id)) id = `${base}-${k++}`;
    usedIds.add(id);
    const src: CanonicalSource = { id, name, aliases: dedupeKeys(aliases), kind, affiliation: null, named, mentions: ms.map(m => m.ref) };
    sources.push(src);
    for (const m of ms) map.set(refKey(m.ref.report, m.ref.source), id);
  }
  const byId = new Map(sources.map(s => [s.id, s]));

  // ---- a person with their organisation
  const orgNames = new Map<string, string>();
  for (const s of sources) if (s.named && s.kind !== 'person' && s.kind !== 'anonymous') for (const n of [s.name, ...s.aliases]) if (isProperName(n)) orgNames.set(nameKey(n), s.id);
  for (const s of sources) {
    if (s.kind !== 'person' && !(s.named && personLike(s.name))) continue;
    const counts = new Map<string, number>();
    for (const ref of s.mentions) {
      const n = nodes[byRef.get(refKey(ref.report, ref.source))!];
      for (const t of n.affNames) for (const org of orgsIn(t, orgNames)) counts.set(org, (counts.get(org) ?? 0) + 1);
    }
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best && best[0] !== s.id) {
      s.affiliation = best[0];
      // "Rami Abdulrahman, the director of the Observatory": a personal name beside an organisation
      s.kind = 'person';
    }
  }

  return {
    sources, map, links, refused, byId,
    canonicalOf: (report, source) => map.get(refKey(report, source)) ?? null,
  };
}

/** Two person mentions that name different organisations are different people. */
function personClash(a: Node, b: Node): boolean {
  if (a.source.kind !== 'person' || b.source.kind !== 'person') return false;
  const ka = a.affNames.map(nameKey).join(' '), kb = b.affNames.map(nameKey).join(' ');
  const orgA = capitalisedRuns(a.affNames.join(' ')), orgB = capitalisedRuns(b.affNames.join(' '));
  if (!orgA.length || !orgB.length) return false;
  return !orgA.some(o => kb.includes(nameKey(o))) && !orgB.some(o => ka.includes(nameKey(o)));
}

function capitalisedRuns(s: string): string[] {
  return [...s.matchAll(/\p{Lu}[\p{L}\p{N}'’-]*(?:\s+(?:(?:of|for|the|and)\s+)?\p{Lu}[\p{L}\p{N}'’-]*)*/gu)].map(m => m[0]).filter(x => !GENERIC_NAME_WORDS.has(x.toLowerCase()));
}

/** Organisations named in a phrase beside a person: whole names or acronyms, by their keys. */
function orgsIn(phrase: string, orgNames: Map<string, string>): string[] {
  const out: string[] = [];
  const key = ` ${nameKey(phrase)} `;
  for (const run of capitalisedRuns(phrase)) {
    const id = orgNames.get(nameKey(run)) ?? orgNames.get(nameKey(run.replace(/^The\s+/, '')));
    if (id) out.push(id);
  }
  // "head of the Observatory": a body word known as an alias "the Observatory"
  for (const m of key.matchAll(/ the ([a-z]+) /g)) { const id = orgNames.get(`the ${m[1]}`) ?? null; if (id) out.push(id); }
  return out;
}

/** A personal name's shape: two to four capitalised words, no word of an organisation or outlet. */
function personLike(name: string): boolean {
  const ws = name.trim().split(/\s+/);
  return ws.length >= 2 && ws.length <= 4 && ws.every(w => /^\p{Lu}[\p{Ll}'’.-]+$/u.test(w) || /^(al|el|bin|ibn|abu|van|von|de)(-\p{Lu}\p{Ll}+)?$/u.test(w))
    && kindOfWords(name) === null;
}

function canonicalName(ms: Node[]): string {
  const counts = new Map<string, { name: string; n: number }>();
  for (const m of ms) {
    const nm = m.source.name;
    const k = nameKey(nm);
    const c = counts.get(k) ?? { name: nm, n: 0 };
    c.n += 1;
    counts.set(k, c);
  }
  // the longest proper full name wins over acronyms and handles; then the most frequent
  return [...counts.values()].sort((a, b) =>
    Number(/\s/.test(b.name) && isProperName(b.name)) - Number(/\s/.test(a.name) && isProperName(a.name))
    || b.n - a.n || b.name.length - a.name.length || a.name.localeCompare(b.name))[0].name;
}

function canonicalKind(ms: Node[]): SourceKind {
  const counts = new Map<SourceKind, number>();
  for (const m of ms) if (m.source.kind !== 'unknown') counts.set(m.source.kind, (counts.get(m.source.kind) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'unknown';
}

function dedupeKeys(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter(n => { const k = n.trim(); if (!k || seen.has(k)) return false; seen.add(k); return true; });
}

export function slug(s: string): string {
  return s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

/**
 * Keys under which a canonical source with these names is stored, so that a later report's
 * source can find it without a scan (incremental linking): each name's comparison key, the
 * acronyms of its multi-word names ("acr:sohr"), the first three letters of their first word
 * (handles such as "SyriaHR": "pre:syr") and their body words ("the Observatory": "w:observatory").
 */
export function sourceKeys(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const n of names) {
    const k = nameKey(n);
    if (!k) continue;
    out.add(k);
    if (!/\s/.test(n.trim()) || !isProperName(n)) continue;
    for (const a of acronymsOf(n)) out.add(`acr:${a.toLowerCase()}`);
    out.add(`pre:${k.slice(0, 3)}`);
    for (const w of k.split(' ').slice(1)) if (w.length > 2) out.add(`w:${w}`);
  }
  return [...out];
}

/** Keys to look up for a report's source (see `sourceKeys`): the stored sources it may be. */
export function sourceLookupKeys(s: Pick<Source, 'name' | 'aliases'>): string[] {
  const out = new Set<string>();
  for (const n of [s.name, ...s.aliases]) {
    const k = nameKey(n);
    if (!k) continue;
    out.add(k);
    if (isAcronymLike(n)) { out.add(`acr:${k}`); out.add(`pre:${k.slice(0, 3)}`); }
    if (/\s/.test(n.trim()) && isProperName(n)) for (const a of acronymsOf(n)) out.add(a.toLowerCase());
  }
  const m = /^(?:the\s+)?(\p{Lu}\p{Ll}+)$/u.exec(s.name.trim());
  if (m) out.add(`w:${m[1].toLowerCase()}`);
  return [...out];
}
