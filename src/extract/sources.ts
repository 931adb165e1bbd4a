/**
 * Sources of one report: from the spans that name them ("the Times of India", "a CNN report",
 * "he", "the group", "local and other reliable sources") to canonical sources with a name,
 * aliases and a kind. In-report identity:
 *  - the same name (case, determiners and possessives aside);
 *  - an acronym or handle and its expansion: "RIBSS" / "RBSS" ↔ "Raqqa is Being Slaughtered
 *    Silently", "SOHR" / "SyriaHR" ↔ "Syrian Observatory for Human Rights"; expansions are also
 *    looked up among the capitalised names of the whole text and "Name (ACR)" pairs;
 *  - a surname after the full name ("Smith" after "Police Chief John Smith");
 *  - back references: "the Observatory" (a word of the name), "the group" (a kind word);
 *  - pronouns: he / she → the nearest preceding person; it / they / which → the nearest
 *    preceding organisation, outlet, government body or armed group (a named source, or a
 *    name of known kind in the text, e.g. an armed group).
 */
import type { Source, SourceKind, Span } from '../model/index.js';
import {
  ANONYMITY_MARKERS, COMMON_SOURCE_OPENERS, DOCUMENT_NOUNS, FEMALE_NOUNS, FIGURE_NOUNS, GROUP_PRONOUNS, KIND_ORDER, MALE_NOUNS, NAME_DETERMINERS,
  PERSON_PRONOUNS, PERSON_ROLES, PERSON_TITLES, RELATIVE_PRONOUNS,
} from './lexicon/source-kinds.js';
import { BACK_REFERENCES, DESCRIPTIVE_COMPOUND_SUFFIXES } from './lexicon/descriptions.js';
import { EVIDENCE_NOUNS } from './lexicon/cues.js';

/** Small words skipped by content-word acronyms ("Raqqa is Being ..." → RBSS). */
const FUNCTION_WORDS = new Set(['of', 'for', 'the', 'and', 'is', 'in', 'on', 'a', 'an', 'to', 'at', 'by', 'de', 'du', 'la', 'le', 'el', 'al', 'des', 'del', 'da', '&']);
/** Words of a name that may be joined by "of/for" into one name ("Times of India", "Observatory for Human Rights"). */
const JOINABLE_HEADS = new Set(KIND_ORDER.filter(([k]) => k !== 'anonymous' && k !== 'armed_group').flatMap(([, w]) => w).filter(w => !w.includes(' ')));

const words = (s: string) => s.split(/[\s]+/).filter(Boolean);
/** Endings of adjectives ("Aerial footage", "Initial reports", "Official figures"): such a first word describes, it does not name. */
const ADJECTIVE_ENDING = /(?:ial|al|ive|ous|ic|ary|ed|ful|less|able|ible|ent|ant)$/;
/** How far back (characters) a description looks for a source of a fitting kind ("the group"). */
const DESCRIPTION_WINDOW = 3000;
/** Comparison key of a name (case, possessives, punctuation and a leading article aside); memoised per process. */
const normMemo = new Map<string, string>();
function norm(s: string): string {
  let k = normMemo.get(s);
  if (k === undefined) {
    k = s.toLowerCase().replace(/[’']s\b/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/^(the|a|an) /, '');
    if (normMemo.size >= 50_000) normMemo.clear();
    normMemo.set(s, k);
  }
  return k;
}

/** Acronyms of a name: initials of all words and of content words (hyphenated parts count as words). */
export function acronymsOf(name: string): string[] {
  const ws = words(name.replace(/[-–]/g, ' ')).filter(w => /^[\p{L}]/u.test(w));
  if (ws.length < 2) return [];
  const all = ws.map(w => w[0].toUpperCase()).join('');
  const content = ws.filter(w => !FUNCTION_WORDS.has(w.toLowerCase())).map(w => w[0].toUpperCase()).join('');
  return [...new Set([all, content])].filter(a => a.length >= 2);
}

/**
 * Whether `abbr` abbreviates `name`: it is a sequence of prefixes of the name's words in order
 * (initials, or word prefixes as in handles: "SyriaHR" = Syria(n) H(uman) R(ights)), the first
 * word always used, at most one content word skipped, function words optional.
 */
export function abbreviates(abbr: string, name: string): boolean {
  const a = abbr.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const ws = words(name.replace(/[-–]/g, ' ')).map(w => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')).filter(Boolean);
  if (a.length < 2 || ws.length < 2 || !/[A-Z].*[A-Z]/.test(abbr) || abbr.includes(' ')) return false;
  const memo = new Map<string, boolean>();
  const go = (ai: number, wi: number, skips: number, used: number, longPrefix: boolean): boolean => {
    if (ai === a.length) {
      for (let k = wi; k < ws.length; k++) if (!FUNCTION_WORDS.has(ws[k])) return false;
      return used >= 2 && (skips === 0 || longPrefix);
    }
    if (wi >= ws.length) return false;
    const key = `${ai},${wi},${skips},${longPrefix}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let ok = false;
    const w = ws[wi];
    for (let len = Math.min(w.length, a.length - ai); len >= 1 && !ok; len--) {
      if (w.slice(0, len) === a.slice(ai, ai + len)) ok = go(ai + len, wi + 1, skips, used + 1, longPrefix || len >= 3);
    }
    if (!ok && wi > 0) {
      if (FUNCTION_WORDS.has(w)) ok = go(ai, wi + 1, skips, used, longPrefix);
      else if (skips < 1) ok = go(ai, wi + 1, skips + 1, used, longPrefix);
    }
    memo.set(key, ok);
    return ok;
  };
  return go(0, 0, 0, 0, false);
}

const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One regular expression per kind, compiled once. */
const KIND_RES: ReadonlyArray<[SourceKind, RegExp]> = KIND_ORDER.map(([kind, list]) =>
  [kind, new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${[...list].sort((a, b) => b.length - a.length).map(escapeRe).join('|')})(?:$|[^\\p{L}\\p{N}])`, 'u')]);
const ANON_RE = new RegExp(ANONYMITY_MARKERS.map(escapeRe).join('|'));

const kindMemo = new Map<string, SourceKind | null>();
export function kindOfWords(text: string): SourceKind | null {
  const low = text.toLowerCase();
  const hit = kindMemo.get(low);
  if (hit !== undefined) return hit;
  const kind = kindOfWordsUncached(low);
  if (kindMemo.size > 50_000) kindMemo.clear();
  kindMemo.set(low, kind);
  return kind;
}

function kindOfWordsUncached(low: string): SourceKind | null {
  if (ANON_RE.test(low)) return 'anonymous';
  for (const [kind, re] of KIND_RES) if (re.test(low)) return kind;
  return null;
}

interface NameParts { name: string; acronyms: string[]; descriptor: string; capitalised: boolean }

/** The name inside a source phrase: "a Raqqa-based activist group known as X (ACR)" → X. */
export function nameOf(phrase: string): NameParts {
  let p = phrase.trim().replace(/[,.;:]+$/, '').trim();
  const acronyms: string[] = [];
  p = p.replace(/\s*\(([A-Z][A-Za-z]{1,9})\)/g, (_m, a: string) => { acronyms.push(a); return ''; });
  p = p.replace(/\s*\([^)]*\)/g, '');
  let descriptor = '';
  const named = /^(.*?)\b(?:known as|called|named|dubbed)\s+(.+)$/.exec(p);
  if (named) { descriptor = named[1]; p = named[2]; }
  // appositive: keep the part that holds a name
  const parts = p.split(/\s*,\s*/).filter(Boolean);
  if (parts.length > 1) {
    const withName = parts.find(x => capitalisedWords(x).length > 0 && !/^(who|which)\b/.test(x));
    // a relative clause ("who led the party") tells what the source did, not what it is
    descriptor += ' ' + parts.filter(x => x !== withName && !/^(who|which|whose|that)\b/i.test(x)).join(' ');
    p = withName ?? parts[0];
  }
  let ws = words(p);
  while (ws.length > 1 && NAME_DETERMINERS.includes(ws[0].toLowerCase())) ws = ws.slice(1);
  // drop a trailing document or figure noun when its owner remains: "a CNN report" → CNN, "the
  // Observatory's toll" → Observatory; "a new poll" stays
  while (ws.length > 1 && isDocumentNoun(ws[ws.length - 1]) && ws.slice(0, -1).some(w => /^\p{Lu}/u.test(w) || kindOfWords(w) !== null)) {
    descriptor += ' ' + ws[ws.length - 1]; ws = ws.slice(0, -1);
  }
  ws = ws.map(w => w.replace(/[’']s?$/, '')).filter(Boolean);
  // "X of Y": keep "X of Y" only when X is a body ("Times of India"), else the head "X" ("Joel Pollak of Breitbart")
  const ofAt = ws.findIndex((w, i) => i > 0 && (w === 'of' || w === 'for' || w === 'from' || w === 'at'));
  if (ofAt > 0 && !JOINABLE_HEADS.has(ws[ofAt - 1].toLowerCase())) { descriptor += ' ' + ws.slice(ofAt).join(' '); ws = ws.slice(0, ofAt); }
  // the last run of capitalised words is the name; lower-case words before it describe it
  const caps = capitalisedRun(ws);
  if (caps) {
    descriptor += ' ' + ws.slice(0, caps[0]).join(' ');
    let name = ws.slice(caps[0], caps[1]);
    while (name.length > 2 && PERSON_TITLES.includes(name[0].toLowerCase())) { descriptor += ' ' + name[0]; name = name.slice(1); }
    return { name: name.join(' '), acronyms, descriptor: descriptor.trim(), capitalised: true };
  }
  return { name: ws.join(' '), acronyms, descriptor: descriptor.trim(), capitalised: false };
}

function isDocumentNoun(w: string): boolean {
  const l = w.toLowerCase();
  return DOCUMENT_NOUNS.includes(l) || FIGURE_NOUNS.includes(l);
}

function capitalisedWords(s: string): string[] {
  return words(s).filter(w => /^\p{Lu}/u.test(w) && !isDescriptiveCompound(w));
}

const DESCRIPTIVE_COMPOUND = new RegExp(`^[\\p{L}\\p{N}.]+[-–](?:${DESCRIPTIVE_COMPOUND_SUFFIXES.join('|')})$`, 'iu');
/** A compound that describes a source and never names it: "UK-based", "Iran-backed", "state-run". */
function isDescriptiveCompound(w: string): boolean {
  return DESCRIPTIVE_COMPOUND.test(w);
}

/** [start, end) of the last run of capitalised words (inner function words allowed). */
function capitalisedRun(ws: string[]): [number, number] | null {
  let end = -1;
  for (let i = ws.length - 1; i >= 0; i--) if (/^[\p{Lu}\p{N}]/u.test(ws[i]) && !isDescriptiveCompound(ws[i])) { end = i + 1; break; }
  if (end < 0) return null;
  let start = end - 1;
  while (start > 0) {
    const w = ws[start - 1];
    if (isDescriptiveCompound(w)) break;
    if (/^\p{Lu}/u.test(w) || w.includes('-') && /\p{Lu}/u.test(w)) { start--; continue; }
    if (FUNCTION_WORDS.has(w.toLowerCase()) && start - 2 >= 0 && /^\p{Lu}/u.test(ws[start - 2]) && JOINABLE_HEADS.has(ws[start - 2].toLowerCase())) { start--; continue; }
    if (FUNCTION_WORDS.has(w.toLowerCase()) && start - 2 >= 0 && /^\p{Lu}/u.test(ws[start - 2]) && w !== 'and') { start--; continue; }
    break;
  }
  // a capitalised sentence-initial determiner is not part of the name
  while (start < end - 1 && NAME_DETERMINERS.includes(ws[start].toLowerCase())) start++;
  return [start, end];
}

interface SourceBuild {
  source: Source;
  /** offsets of the mentions, for recency */
  last: number;
  fullNames: Set<string>;
  isAcronymOnly: boolean;
  /** lower-case words of its names and of the descriptions it came with ("monitoring", "group", "uk-based") */
  described: Set<string>;
}

export interface SourceMention {
  span: Span;
}

/** A name found in the text with a known kind ("ISIS"), a candidate for pronouns. */
interface NameInText { name: string; start: number; kind: SourceKind | null; person: boolean }

export class SourceResolver {
  private builds: SourceBuild[] = [];
  private byId = new Map<string, SourceBuild>();
  private namesCache: NameInText[] | null = null;
  private pairs: Array<{ name: string; acronym: string }>;
  private theSeen = new Map<string, boolean>();

  /**
   * `commonWordAt(offset)`: whether the word starting there is a common word by its part of
   * speech (not a proper noun), to tell "Aerial footage" from "Hamas officials" at a sentence start.
   */
  constructor(private readonly text: string, private readonly commonWordAt: (offset: number) => boolean = () => false) {
    this.pairs = findAcronymPairs(text);
  }

  /** Capitalised names of the text, computed on first need (pronouns, acronyms). */
  private get names(): NameInText[] {
    if (!this.namesCache) this.namesCache = findNames(this.text);
    return this.namesCache;
  }

  get sources(): Source[] {
    return this.builds.map(b => b.source);
  }

  /** The source a mention refers to (created if new), or null when it cannot be resolved. */
  resolve(span: Span): string | null {
    const raw = this.sentenceCaseAside(span);
    const lower = raw.toLowerCase().replace(/[,.;:]+$/, '');
    // pronouns
    if (PERSON_PRONOUNS.has(lower)) {
      const other = lower === 'she' || lower === 'her' ? MALE_NOUNS : lower === 'he' || lower === 'him' ? FEMALE_NOUNS : [];
      const fits = (b: SourceBuild) => !other.includes(words(b.source.name.toLowerCase()).at(-1) ?? '');
      return this.recent(span.start, k => k === 'person', true, 2000, b => singlePerson(b) && fits(b), fits);
    }
    if (GROUP_PRONOUNS.has(lower) || RELATIVE_PRONOUNS.has(lower)) {
      if (lower === 'who') return this.recent(span.start, k => k === 'person' || k === 'anonymous', true, 300);
      if (lower === 'i' || lower === 'we') return null;
      return this.recent(span.start, k => k !== 'person' || lower === 'they', true, lower === 'which' ? 300 : 2000);
    }
    // back references: "the Observatory" (a word of a name), "the group", "the UK-based monitor", "the agency"
    const back = /^the\s+([\p{L}-]+)$/iu.exec(raw.replace(/[,.;:]+$/, ''));
    if (back && /^\p{Lu}/u.test(back[1])) {
      const head = back[1];
      const byName = [...this.builds].reverse().find(b => b.last <= span.start && [...b.fullNames].some(n => words(n).slice(1).includes(head)));
      if (byName) { this.touch(byName, span.start); return byName.source.id; }
    }
    const described = this.describedSource(raw, span.start);
    if (described) { this.touch(described, span.start); return described.source.id; }
    const parts = nameOf(raw);
    // "according to a new toll": a figure names nobody
    if (!parts.name || FIGURE_NOUNS.includes(words(parts.name.toLowerCase()).at(-1) ?? '')) return null;
    const kind = this.kindOf(parts);
    // generic anonymous mentions ("sources", "all sources") refer back to the last anonymous source
    if (kind === 'anonymous' && !parts.capitalised && words(parts.name).length === 1) {
      const head = parts.name.toLowerCase();
      const prior = [...this.builds].reverse().find(b => b.last <= span.start && b.source.kind === 'anonymous' && words(b.source.name.toLowerCase()).includes(head));
      if (prior) { this.touch(prior, span.start); return prior.source.id; }
    }
    const existing = this.match(parts.name, parts.acronyms, kind);
    if (existing) {
      this.touch(existing, span.start);
      this.addName(existing, parts.name, raw);
      this.describe(existing, parts.descriptor);
      for (const a of parts.acronyms) this.addAlias(existing, a);
      if (existing.source.kind === 'unknown' && kind) existing.source.kind = kind;
      return existing.source.id;
    }
    return this.create(parts, kind, raw, span.start).source.id;
  }

  /**
   * The mention's text, with a first word in lower case when it is capitalised only because the
   * sentence starts there: "Local officials" → "local officials" (never "Amnesty International").
   */
  private sentenceCaseAside(span: Span): string {
    const raw = span.text.trim();
    const ws = words(raw);
    if (ws.length === 0 || ws.slice(1).some(w => /\p{Lu}/u.test(w))) return raw;
    // a record is never a name ("Video of the incident shows"); "Police in the city" keeps its
    // name; "Local officials", "Police and hospital officials", "Aerial footage" do not
    const first = ws[0].toLowerCase();
    const head = ws[ws.length - 1].toLowerCase();
    const record = (w: string) => isDocumentNoun(w) || EVIDENCE_NOUNS.has(w);
    const modifier = ws.length >= 2 && !FUNCTION_WORDS.has(ws[1].toLowerCase())
      && (COMMON_SOURCE_OPENERS.includes(first) || ((this.commonWordAt(span.start) || ADJECTIVE_ENDING.test(first)) && (record(head) || kindOfWords(head) !== null)));
    if (!record(first) && !modifier) return raw;
    if (!/(?:^|[.!?]["”’']?\s+|\n\s*|["“(]\s*)$/.test(this.text.slice(Math.max(0, span.start - 6), span.start))) return raw;
    return raw[0].toLowerCase() + raw.slice(1);
  }

  /** Add a source that is not tied to a claim (a credit line, a pronoun's antecedent). */
  create(parts: NameParts, kind: SourceKind | null, raw: string, at: number): SourceBuild {
    let name = parts.name;
    let acronymOnly = !name.includes(' ') && /[A-Z].*[A-Z]/.test(name);
    // an acronym or handle: look for its expansion in the text
    if (acronymOnly) {
      const exp = this.expansion(name);
      if (exp) { name = exp; acronymOnly = false; }
    }
    const nameKind = kindOfWords(name);
    // a named individual is a person even with an official title ("Police Chief Daniel Harper")
    const person = !nameKind && parts.capitalised && !acronymOnly && words(name).length >= 2 && personOrUnknown(name) === 'person'
      && (kind === null || kind === 'government') && !words(name).some(w => FUNCTION_WORDS.has(w));
    const finalKind: SourceKind = nameKind ?? (person ? 'person' : null) ?? kind ?? (parts.capitalised && !acronymOnly ? personOrUnknown(name) : 'unknown');
    const source: Source = { id: this.uniqueId(name), name, aliases: [], kind: finalKind };
    const build: SourceBuild = { source, last: at, fullNames: new Set([name]), isAcronymOnly: acronymOnly, described: new Set() };
    this.describe(build, `${parts.name} ${name} ${parts.descriptor}`);
    this.builds.push(build);
    this.byId.set(source.id, build);
    if (parts.name !== name) this.addAlias(build, parts.name);
    for (const a of parts.acronyms) this.addAlias(build, a);
    if (raw && /^the\s/i.test(raw) && norm(raw) === norm(name) && raw.replace(/^the\s+/i, '') !== name) this.addAlias(build, raw);
    this.enrich(build);
    return build;
  }

  /** Final pass: acronym variants and "the <Word>" back references seen in the text. */
  finish(): Source[] {
    for (const b of this.builds) this.enrich(b);
    return this.sources;
  }

  private enrich(b: SourceBuild): void {
    const name = b.source.name;
    if (name.includes(' ') && /^\p{Lu}/u.test(name)) {
      for (const a of acronymsOf(name)) if (a.length <= 8 && a.length >= 3) this.addAlias(b, a);
      for (const p of this.pairs) if (norm(p.name) === norm(name)) this.addAlias(b, p.acronym);
      // "the Observatory" when the text uses it and it is a body word of the name
      for (const w of words(name).slice(1)) {
        if (JOINABLE_HEADS.has(w.toLowerCase()) && /^\p{Lu}/u.test(w) && this.textHasThe(w)) this.addAlias(b, `the ${w}`);
      }
    }
  }

  /** Whether the text says "the <w>" (one scan of the text per word and report). */
  private textHasThe(w: string): boolean {
    let hit = this.theSeen.get(w);
    if (hit === undefined) {
      hit = new RegExp(`\\bthe ${w}\\b`).test(this.text);
      this.theSeen.set(w, hit);
    }
    return hit;
  }

  private kindOf(parts: NameParts): SourceKind | null {
    const fromName = kindOfWords(parts.name);
    if (fromName) return fromName;
    return kindOfWords(parts.descriptor);
  }

  private expansion(abbr: string): string | null {
    for (const p of this.pairs) if (p.acronym === abbr) return p.name;
    for (const p of this.pairs) if (abbreviates(abbr, p.name)) return p.name;
    let best: string | null = null;
    for (const n of this.names) if (n.name.includes(' ') && abbreviates(abbr, n.name) && (!best || n.name.length > best.length)) best = n.name;
    return best;
  }

  private match(name: string, acronyms: string[], kind: SourceKind | null): SourceBuild | null {
    const key = norm(name);
    const single = !name.includes(' ');
    for (let i = this.builds.length - 1; i >= 0; i--) {
      const b = this.builds[i];
      const s = b.source;
      if (norm(s.name) === key || s.aliases.some(a => norm(a) === key)) return b;
      if (acronyms.some(a => a === s.name || s.aliases.includes(a))) return b;
      if (single && abbreviates(name, s.name)) return b;
      if (!single && b.isAcronymOnly && abbreviates(s.name, name)) {
        // the full name arrives after its acronym: promote it
        this.addAlias(b, s.name);
        s.name = name;
        b.isAcronymOnly = false;
        return b;
      }
      if (!single) for (const a of s.aliases) if (!a.includes(' ') && abbreviates(a, name)) return b;
      // surname after a full person name
      if (single && /^\p{Lu}/u.test(name) && s.kind === 'person' && words(s.name).length > 1 && words(s.name).at(-1) === name && (kind === null || kind === 'person')) return b;
    }
    return null;
  }

  private describe(b: SourceBuild, phrase: string): void {
    for (const w of words(phrase.toLowerCase())) if (/^\p{L}/u.test(w)) b.described.add(w.replace(/[’']s?$/, ''));
  }

  /**
   * The earlier source a definite description refers back to: "the UK-based monitor", "the
   * rights group", "the state news agency", "the activists". The head noun must be one of
   * BACK_REFERENCES; the most recent source whose names or descriptions hold the head ("the
   * monitor" → "the monitoring group SOHR", "the agency" → "Hawar News Agency") wins, else the
   * most recent one of a fitting kind within a few paragraphs. Capitalised modifiers must be
   * words of that source too ("the Syrian monitor"), a place-based modifier must not contradict
   * its own ("the Beirut-based group" is not the "London-based" one). Null: no description, or
   * nothing fits (the description then becomes a source of its own).
   */
  private describedSource(raw: string, at: number): SourceBuild | null {
    const ws = words(raw.replace(/[,.;:]+$/, '').trim());
    if (ws.length < 2 || ws[0].toLowerCase() !== 'the') return null;
    const head = ws[ws.length - 1];
    const heads = BACK_REFERENCES.get(head);
    if (!heads) return null;
    const modifiers = ws.slice(1, -1);
    // modifiers of a known kind narrow the head's kinds: "the rights group", "the news agency", "the militant group"
    const narrowed = modifiers.length ? kindOfWords(modifiers.join(' ')) : null;
    const kinds = narrowed && heads.includes(narrowed) ? [narrowed] : heads;
    // a modifier in capitals that is a name ("the Hawar agency") is matched by name, not here
    const capitalised = modifiers.filter(w => /^\p{Lu}/u.test(w) && !isDescriptiveCompound(w)).map(w => w.toLowerCase());
    const holds = (b: SourceBuild, w: string) => b.described.has(w) || b.described.has(`${w}s`) || (w.endsWith('s') && b.described.has(w.slice(0, -1)))
      || (w.length >= 5 && [...b.described].some(d => d.startsWith(w)));
    const fits = (b: SourceBuild) => capitalised.every(w => holds(b, w));
    let byWord: SourceBuild | null = null, byKind: SourceBuild | null = null;
    for (const b of this.builds) {
      if (b.last > at || !fits(b)) continue;
      if (holds(b, head) && (kinds === heads || kinds.includes(b.source.kind)) && (!byWord || b.last > byWord.last)) byWord = b;
      if (kinds.includes(b.source.kind) && at - b.last <= DESCRIPTION_WINDOW && (!byKind || b.last > byKind.last)) byKind = b;
    }
    return byWord ?? byKind;
  }

  /**
   * A speaker of the headline, resolved after the body: a bare description ("Shelling kills
   * four, monitor says", "Officials Say") is the first named source of the story that fits it;
   * anything else resolves as usual.
   */
  resolveHeadline(span: Span): string | null {
    const ws = words(span.text.trim().replace(/[,.;:]+$/, '').toLowerCase()).filter(w => !NAME_DETERMINERS.includes(w));
    const head = ws.at(-1) ?? '';
    const common = ws.length > 0 && ws.every(w => COMMON_SOURCE_OPENERS.includes(w) || BACK_REFERENCES.has(w) || BACK_REFERENCES.has(w.replace(/s$/, '')));
    const kinds = BACK_REFERENCES.get(head) ?? BACK_REFERENCES.get(head.replace(/s$/, '')) ?? [kindOfWords(ws.join(' '))].filter(k => k !== null);
    if (common) {
      // "monitor says" is the monitor the story names; "Monitors Say" speaks of several: a source of its own
      const plural = !BACK_REFERENCES.has(head) && head.endsWith('s');
      const named = plural ? undefined : this.builds.find(b => kinds.includes(b.source.kind) && /^\p{Lu}/u.test(b.source.name));
      if (named) return named.source.id;
      // title case says nothing of a name: "Monitors Say" is monitors
      const lowered = { ...span, text: span.text.toLowerCase() };
      const id = this.resolve(lowered);
      const b = id ? this.byId.get(id) : undefined;
      if (b && b.source.kind === 'unknown' && kinds.length) b.source.kind = kinds[0];
      return id;
    }
    return this.resolve(span);
  }

  /**
   * A source named only as the one cited inside another's clause ("the Observatory said, citing
   * the local committee"): resolved like any mention, but it does not become the antecedent of
   * a following "the monitor", "the group" or "they", which go on meaning the speaker.
   */
  resolveCited(span: Span): string | null {
    const before = new Map(this.builds.map(b => [b, b.last] as const));
    const id = this.resolve(span);
    for (const b of this.builds) {
      const prev = before.get(b);
      b.last = prev === undefined ? -Infinity : prev;
    }
    return id;
  }

  /**
   * The most recent source (or known name of the text) within `window` characters before `at`
   * whose kind passes `ok` (or that `okBuild` accepts), among those `allowBuild` allows. Names are sorted by offset: a binary search finds the last name
   * before `at` and the scan walks back only through the window, allocating nothing.
   */
  private recent(at: number, ok: (kind: SourceKind) => boolean, useNames: boolean, window = 2000, okBuild?: (b: SourceBuild) => boolean,
    allowBuild?: (b: SourceBuild) => boolean): string | null {
    let best: SourceBuild | null = null;
    for (const b of this.builds) {
      if (b.last < at && at - b.last <= window && (ok(b.source.kind) || okBuild?.(b)) && (!allowBuild || allowBuild(b)) && (!best || b.last > best.last)) best = b;
    }
    if (useNames) {
      // a known name in the text closer than any source so far ("ISIS ... five men who they say ...")
      const names = this.names;
      let lo = 0, hi = names.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (names[mid].start < at) lo = mid + 1; else hi = mid; }
      let cand: NameInText | null = null;
      for (let k = lo - 1; k >= 0; k--) {
        const n = names[k];
        if (at - n.start > window || (best && n.start <= best.last)) break;
        if (n.kind ? n.kind !== 'anonymous' && ok(n.kind) : n.person && ok('person')) { cand = n; break; }
      }
      if (cand) {
        const existing = this.match(cand.name, [], cand.kind);
        if (existing) { this.touch(existing, at); return existing.source.id; }
        const parts = nameOf(cand.name);
        const created = this.create(parts, cand.kind ?? 'person', cand.name, cand.start);
        created.last = at;
        return created.source.id;
      }
    }
    if (best) { this.touch(best, at); return best.source.id; }
    return null;
  }

  private touch(b: SourceBuild, at: number): void {
    if (at > b.last) b.last = at;
  }

  private addName(b: SourceBuild, name: string, raw: string): void {
    if (norm(name) !== norm(b.source.name)) this.addAlias(b, name);
    if (/^the\s/i.test(raw.trim()) && !/^the\s+\p{Ll}/u.test(raw.trim())) {
      const r = raw.trim().replace(/[,.;:]+$/, '');
      if (words(r).length === 2 && norm(r) !== norm(b.source.name)) this.addAlias(b, r.replace(/^The /, 'the '));
    }
    if (name.includes(' ') && !b.source.name.includes(' ')) {
      this.addAlias(b, b.source.name);
      b.source.name = name;
    }
    b.fullNames.add(name);
  }

  private addAlias(b: SourceBuild, alias: string): void {
    const a = alias.trim();
    if (!a || norm(a) === norm(b.source.name) || b.source.aliases.some(x => x === a)) return;
    b.source.aliases.push(a);
  }

  private uniqueId(name: string): string {
    const slug = name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'source';
    let id = `src:${slug}`;
    for (let k = 2; this.byId.has(id); k++) id = `src:${slug}-${k}`;
    return id;
  }
}

/**
 * A source that "he" / "she" can mean besides a named person: one holder of an office ("the
 * mayor", "a police spokesman") or one unnamed individual ("the trader", "a resident").
 */
function singlePerson(b: SourceBuild): boolean {
  const name = b.source.name;
  const last = words(name.toLowerCase()).at(-1) ?? '';
  if (PERSON_ROLES.includes(last)) return true;
  return (b.source.kind === 'unknown' || b.source.kind === 'anonymous') && !/^\p{Lu}/u.test(name) && !/s$/.test(last) && !words(name).includes('and');
}

function personOrUnknown(name: string): SourceKind {
  const ws = words(name);
  if (ws.every(w => /^\p{Lu}[\p{Ll}'’.-]+$/u.test(w) || /^\p{Lu}\.$/u.test(w) || FUNCTION_WORDS.has(w) || /^(al|el|bin|ibn|van|von|de)-/i.test(w))) return 'person';
  return 'unknown';
}

/** Capitalised names of the text (runs of capitalised words, inner function words allowed), with their kind. */
function findNames(text: string): NameInText[] {
  const out: NameInText[] = [];
  const re = /\p{Lu}[\p{L}\p{N}’'.-]*(?:\s+(?:(?:of|for|the|and|is|de|al|el|bin)\s+)?\p{Lu}[\p{L}\p{N}’'.-]*)*/gu;
  for (const m of text.matchAll(re)) {
    let name = m[0].replace(/[’']s$/, '').replace(/[.’'-]+$/, '');
    let start = m.index!;
    const lead = /^(The|A|An|In|On|At|But|And|After|Days|This|That|His|Her|Their|According)\s+/.exec(name);
    if (lead) { name = name.slice(lead[0].length); start += lead[0].length; }
    if (!name || name.length < 2) continue;
    const kind = kindOfWords(name);
    const ws = words(name);
    out.push({ name, start, kind, person: !kind && ws.length >= 2 && personOrUnknown(name) === 'person' });
  }
  return out;
}

/** "Long Name (ACR)" pairs: the shortest run of words before the parenthesis that the acronym abbreviates. */
function findAcronymPairs(text: string): Array<{ name: string; acronym: string }> {
  const out: Array<{ name: string; acronym: string }> = [];
  for (const m of text.matchAll(/\(([A-Z][A-Za-z]{1,9})\)/g)) {
    const before = text.slice(Math.max(0, m.index! - 120), m.index!).trim();
    const ws = words(before);
    for (let k = 2; k <= Math.min(10, ws.length); k++) {
      const cand = ws.slice(ws.length - k).join(' ').replace(/^[^\p{L}]+/u, '');
      if (!/^\p{Lu}/u.test(cand)) continue;
      if (abbreviates(m[1], cand) || acronymsOf(cand).includes(m[1].toUpperCase())) { out.push({ name: cand, acronym: m[1] }); break; }
    }
  }
  return out;
}
