/**
 * Place mentions in English news text: find capitalised name spans that the gazetteer knows,
 * throw out the ones that are person names, streets, organisations or ordinary words, and resolve
 * each remaining one to a single gazetteer entry with the document as context.
 *
 * Linear in the text: one regex pass for tokens, at most `maxWords` Map look-ups per token, one
 * pass for document context, one pass for resolution.
 */
import { admin1Of, getGazetteer, type AreaEntry } from './gazetteer.js';
import { normName, looseKey, isAllCaps, isCapitalised } from './names.js';
import { US_STATES, STATE_NAMES_MEANING_CITY } from './us-states.js';
import { DIVISION_WORDS } from './divisions.js';
import { placeRole, VIOLENCE_RE } from './place-role.js';
import {
  AMBIGUOUS_NAMES,
  COUNTY_WORDS,
  FIRST_NAMES,
  INSTITUTION_WORDS,
  LOCATION_PREPOSITIONS,
  PERSON_FOLLOWERS,
  PERSON_TITLES,
  PLACE_NOUNS,
  STOP_WORDS,
  STRONG_LOCATION_PREPOSITIONS,
  STREET_SUFFIXES,
  SUPRANATIONAL_REGIONS,
} from './stoplist.js';

export interface PlaceMention {
  start: number;
  end: number;
  text: string;
  /** canonical GeoNames name, e.g. "Ar Raqqah"; "Cook County" for a county; the area's name for admin1/country */
  name: string;
  country: string | null;
  countryName: string | null;
  admin1: string | null;
  admin1Code: string | null;
  lat: number | null;
  lon: number | null;
  population: number;
  precision: 'city' | 'admin1' | 'country';
  geonameId: number | null;
  /** confidence 0..1 */
  score: number;
  /** the mention is a dateline at the start of a line ("PORTLAND, Ore. (AP) —") */
  dateline?: boolean;
  /**
   * the dateline carries a date ("SAN SALVADOR, 12 JAN 90 (RADIO ...) --", "BEIRUT, March 3
   * (Reuters) -"): wire copy filed from that place, often the capital, about events elsewhere
   */
  datelineDated?: boolean;
  /** the mention is a county / parish ("Cook County"): admin1 precision inside its state */
  county?: boolean;
  /** admin1 is only the nearest province centroid: no GeoNames → ISO code mapping was available */
  admin1Approx?: boolean;
}

interface Tok {
  text: string;
  start: number;
  end: number;
  cap: boolean;
  /** capitalised only because it starts a sentence / line */
  initial: boolean;
}

/** Lower-case words that may sit inside a place name ("Port-au-Prince", "Stratford-upon-Avon"). */
const CONNECTORS = new Set(['of', 'de', 'du', 'des', 'la', 'le', 'les', 'el', 'al', 'upon', 'on', 'sur', 'au', 'aux', 'am', 'an', 'der', 'den', 'y', 'da', 'do', 'dos', 'das', 'di', 'del', 'ar', 'as', 'ash', 'at', 'ath', 'ad', 'az', 'en', 'ez', 'es']);
/** Lower-case Arabic articles that may start a name when hyphenated ("al-Tabaqa", "ar-Raqqa"). */
const LEADING_ARTICLES = new Set(['al', 'el', 'ar', 'as', 'ash', 'at', 'ath', 'ad', 'adh', 'az', 'an', 'ad', 'ed', 'es', 'er', 'ez', 'en']);
/** Abbreviations followed by a period inside a name ("St. Louis", "Ft. Worth"). */
const NAME_ABBREVS = new Set(['St', 'Ste', 'Ft', 'Mt', 'Pt']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'his', 'her', 'their', 'our']);

const TOKEN_RE = /[\p{L}\p{M}][\p{L}\p{M}\p{N}'’]*/gu;

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text))) {
    let t = m[0];
    // possessive "Chicago's" / plural possessive "Illinois'"
    if (/['’]s$/i.test(t) && t.length > 2) t = t.slice(0, -2);
    else if (/['’]$/.test(t)) t = t.slice(0, -1);
    const start = m.index;
    let k = start - 1;
    while (k >= 0 && (text[k] === ' ' || text[k] === '\t' || text[k] === '"' || text[k] === '“' || text[k] === '(' || text[k] === "'" || text[k] === '‘')) k--;
    const prevCh = k >= 0 ? text[k] : '\n';
    const initial = prevCh === '\n' || prevCh === '.' || prevCh === '!' || prevCh === '?' || prevCh === ':' || prevCh === '—' || prevCh === '|' || prevCh === '•';
    toks.push({ text: t, start, end: start + t.length, cap: isCapitalised(t), initial });
  }
  return toks;
}

/** Title-case form used for the word lists ("POLICE" → "Police"). */
function titleCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
}

// ---- state / country suffix after a comma ("Wilmington, N.C.", "Aleppo, Syria") ----

interface Suffix {
  end: number;
  kind: 'admin1' | 'country';
  country: string;
  code: string | null;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let suffixRe: RegExp | null = null;
/** the same alternatives in parentheses: "SAN JOSE (COSTA RICA)", "Kafr Nabl (Syria)" */
let parenSuffixRe: RegExp | null = null;
const suffixMap = new Map<string, { kind: 'admin1' | 'country'; country: string; code: string | null }>();

function buildSuffixRe(): RegExp {
  if (suffixRe) return suffixRe;
  const g = getGazetteer();
  const alts: string[] = [];
  /** a name as written and in capitals (wire copy and headlines are often all caps) */
  const addName = (n: string) => {
    alts.push(escapeRe(n));
    if (n.toUpperCase() !== n) alts.push(escapeRe(n.toUpperCase()));
  };
  for (const st of US_STATES) {
    suffixMap.set(st.name.toLowerCase(), { kind: 'admin1', country: 'US', code: st.code });
    suffixMap.set(st.name.toLowerCase().replace(/ /g, ''), { kind: 'admin1', country: 'US', code: st.code });
    addName(st.name);
    for (const ap of st.ap) {
      const key = ap.replace(/[.\s]/g, '').toLowerCase();
      suffixMap.set(key, { kind: 'admin1', country: 'US', code: st.code });
      // "N.C." also as "N. C." and "NC." ; "Ore." also as "Ore" (and "ORE.")
      for (const form of new Set([ap, ap.toUpperCase()])) {
        const pat = form
          .replace(/\.$/, '')
          .split('.')
          .map((p) => escapeRe(p.trim()))
          .join('\\.\\s?');
        alts.push(pat + '\\.?');
      }
    }
    suffixMap.set(st.code.toLowerCase(), { kind: 'admin1', country: 'US', code: st.code });
    alts.push(st.code);
  }
  for (const [key, list] of g.areas) {
    const c = list.find((e) => e.kind === 'country');
    if (!c) continue;
    suffixMap.set(key.replace(/ /g, ''), { kind: 'country', country: c.country, code: null });
  }
  const countryNames = [...new Set([...g.countryNames.values(), 'U.S.', 'USA', 'UK', 'U.K.', 'Britain', 'England', 'Iraq', 'Syria'])];
  for (const n of countryNames) addName(n);
  alts.sort((a, b) => b.length - a.length);
  // case-sensitive: postal codes must be upper case; the lookahead stops "Ga" matching "Gary"
  suffixRe = new RegExp(',\\s{0,2}(' + alts.join('|') + ')(?![\\p{L}])', 'uy');
  parenSuffixRe = new RegExp('\\s?\\((' + alts.join('|') + ')\\)', 'uy');
  return suffixRe;
}

/**
 * In all-caps text a two-letter postal code is a word ("PINEDA, IN THE ...", also across a line
 * break): only before a zip code, a bracket, a dash or the end of the text.
 */
const POSTAL_IN_CAPS_OK = /^\s*(?:\d|\(|—|–|-|:|$)/;

function readSuffix(text: string, pos: number, allCaps = false): Suffix | null {
  const re = buildSuffixRe();
  re.lastIndex = pos;
  let m = re.exec(text);
  if (!m && parenSuffixRe && (text.charCodeAt(pos) === 40 || text.charCodeAt(pos + 1) === 40)) {
    parenSuffixRe.lastIndex = pos;
    m = parenSuffixRe.exec(text);
  }
  if (!m) return null;
  const raw = m[1];
  if (allCaps && /^[A-Z]{2}$/.test(raw) && !POSTAL_IN_CAPS_OK.test(text.slice(pos + m[0].length, pos + m[0].length + 4))) return null;
  let key = raw.replace(/[.\s]/g, '').toLowerCase();
  let info = suffixMap.get(key);
  if (!info) {
    key = normName(raw).replace(/ /g, '');
    info = suffixMap.get(key);
  }
  if (!info) return null;
  return { end: pos + m[0].length, ...info };
}

/**
 * What follows a dateline's place: an optional date (wire copy: "SAN SALVADOR, 12 JAN 90",
 * "BEIRUT, March 3", "LIMA, NO DATE"), an optional credit in brackets ("(AP)", "(RADIO
 * VENCEREMOS)", a mis-typed "[EFE)"), then a dash or colon.
 */
const DATELINE_DATE = String.raw`,\s*(?:\d{1,2}\s+\p{L}{3,9}\.?(?:\s+\d{2,4})?|\p{L}{3,9}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{4}-\d{2}-\d{2}|no date|NO DATE|No date)`;
const DATELINE_TAIL = new RegExp(String.raw`(${DATELINE_DATE})?\s*(?:[([][^)\]\n]{1,40}[)\]]\s*)?(?:—|–|--|-|:)\s`, 'uy');

/** 'plain' / 'dated' for a dateline at the start of a line ending at `end`, else null. */
function datelineAt(text: string, tok: Tok, end: number): 'plain' | 'dated' | null {
  // at the start of a line
  let k = tok.start - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
  if (k >= 0 && text[k] !== '\n') return null;
  DATELINE_TAIL.lastIndex = end;
  const m = DATELINE_TAIL.exec(text);
  return m ? (m[1] ? 'dated' : 'plain') : null;
}

// ---- candidates ----

interface Candidate {
  i: number; // first token
  j: number; // last token (inclusive)
  start: number;
  end: number; // end of the name
  spanEnd: number; // end including a suffix
  key: string;
  entries: number[];
  area: AreaEntry[] | null;
  suffix: Suffix | null;
  dateline: boolean;
  datelineDated?: boolean;
  county: boolean;
  /** a province / governorate / department named as such ("Idlib province", "the department of Antioquia"): `area` holds its readings */
  division?: boolean;
  /** the division this town is said to be in ("Kafr Nabl in Idlib province", "X, in northern Aleppo province") */
  inDivision?: AreaEntry[];
}

/** A line of hard-wrapped copy (wire text, FBIS translations) is at least this long. */
const WRAPPED_LINE = 40;

/**
 * One line break inside a name ("IN EL\nSALVADOR"): only where the line it ends was filled
 * to the wrap width, i.e. the break is the wrapping, not the end of a heading or list item.
 */
function wrappedBreak(text: string, a: Tok, b: Tok): boolean {
  let nl = -1;
  for (let k = a.end; k < b.start; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) { if (nl >= 0) return false; nl = k; }
    else if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  if (nl < 0) return false;
  const lineStart = text.lastIndexOf('\n', a.start) + 1;
  return a.end - lineStart >= WRAPPED_LINE;
}

function gapOk(text: string, a: Tok, b: Tok): boolean {
  // compared in place (no slice): ' ', '-', '‐'; '. ' after "St"; '.' between initials (D.C.)
  const n = b.start - a.end;
  if (n === 1) {
    const c = text.charCodeAt(a.end);
    if (c === 32 || c === 45 || c === 0x2010) return true;
    if (c === 10) return wrappedBreak(text, a, b);
    return c === 46 && a.text.length === 1 && b.text.length === 1;
  }
  if (n === 2 && text.charCodeAt(a.end) === 46 && text.charCodeAt(a.end + 1) === 32 && NAME_ABBREVS.has(a.text)) return true;
  return n <= 8 && wrappedBreak(text, a, b);
}

interface KeyLookup {
  key: string;
  area: AreaEntry[] | null;
  entries: number[] | null;
}

/**
 * Gazetteer look-up of a joined name (strict key, then loose key), memoised per process: the
 * gazetteer never changes once loaded and news texts repeat the same capitalised words, so
 * most look-ups (and the regex work of `looseKey`) are answered from here.
 */
const keyCache = new Map<string, KeyLookup>();
const KEY_CACHE_MAX = 200_000;

function lookupKey(raw: string): KeyLookup {
  const hit = keyCache.get(raw);
  if (hit) return hit;
  const g = getGazetteer();
  const key = normName(raw);
  const area = g.areas.get(key) ?? null;
  let entries = g.strict.get(key) ?? null;
  if (!entries) entries = g.loose.get(looseKey(key)) ?? null;
  const r: KeyLookup = { key, area, entries };
  if (keyCache.size >= KEY_CACHE_MAX) keyCache.clear();
  keyCache.set(raw, r);
  return r;
}

/** Strict key of each gazetteer entry's canonical name, computed on first need. */
let canonicalKeys: Array<string | undefined> = [];
function canonicalKey(i: number): string {
  let k = canonicalKeys[i];
  if (k === undefined) {
    if (canonicalKeys.length === 0) canonicalKeys = new Array(getGazetteer().size);
    k = canonicalKeys[i] = normName(getGazetteer().names[i]);
  }
  return k;
}

/** STATE_NAMES_MEANING_CITY by strict key, with the strict key of the city's name. */
let cityByKey: Map<string, { code: string; cityKey: string }> | null = null;
function cityMeantBy(key: string): { code: string; cityKey: string } | undefined {
  if (!cityByKey) {
    cityByKey = new Map();
    for (const [n, v] of Object.entries(STATE_NAMES_MEANING_CITY)) {
      const k = normName(n);
      if (!cityByKey.has(k)) cityByKey.set(k, { code: v.code, cityKey: normName(v.city) });
    }
  }
  return cityByKey.get(key);
}

/** After "X Department" / "X State": an institution, not the division ("Florida Department of Law Enforcement", "Lagos State Government"). */
const INSTITUTION_WORDS_AFTER = ['Government', 'Police', 'Command', 'Council', 'Assembly', 'House', 'Governor', 'Ministry', 'Office', 'University', 'Department', 'Commissioner', 'Emergency', 'Security'];
const INSTITUTION_AFTER_DIVISION = new RegExp(
  String.raw`^\s+(?:(?:of|OF)\s+\p{Lu}|(?:${INSTITUTION_WORDS_AFTER.join('|')}|${INSTITUTION_WORDS_AFTER.join('|').toUpperCase()})\b)`, 'u');

/** A bare direction ("western", "north east"): "the country's western region" names no division. */
const DIRECTION_ONLY = /^(?:(?:north|south)(?:ern)?|east(?:ern)?|west(?:ern)?|central|(?:north|south) ?(?:east|west)(?:ern)?)$/;

/** Non-US first-level divisions named by a strict key (strict, then loose look-up). */
function divisionsOf(key: string): AreaEntry[] | null {
  if (DIRECTION_ONLY.test(key)) return null;
  const g = getGazetteer();
  return g.divisions.get(key) ?? g.divisions.get(looseKey(key)) ?? null;
}

/** "USULUTAN AND MORAZAN DEPARTMENTS", "Idlib and Hama provinces": the first name is a division too. */
const PLURAL_DIVISION = /(?:s|S)$/;
const LIST_GAP = /^\s*(?:,|,?\s*(?:and|AND|or|OR))\s*$/;

function spreadPluralDivisions(text: string, cands: Candidate[]): void {
  for (let k = cands.length - 1; k > 0; k--) {
    const d = cands[k];
    if (!d.division || !PLURAL_DIVISION.test(text.slice(d.end - 1, d.end)) || !DIVISION_WORDS.has(text.slice(d.start, d.end).split(/\s+/).pop()!.toLowerCase())) continue;
    for (let p = k - 1; p >= 0; p--) {
      const c = cands[p];
      if (c.division || !LIST_GAP.test(text.slice(c.spanEnd, cands[p + 1].start))) break;
      const area = divisionsOf(c.key);
      if (!area) break;
      const same = area.filter((a) => d.area?.some((x) => x.country === a.country));
      cands[p] = { ...c, area: same.length ? same : area, entries: [], division: true, suffix: null, spanEnd: c.end };
    }
  }
}

/**
 * Between a town and the division it is said to be in: "Kafr Nabl in Idlib province",
 * "Marea, in northern Aleppo province", "Kafr Nabl (Idlib province)", "the town of X in the
 * province of Y", "X, Idlib governorate".
 */
const IN_DIVISION_GAP = /^\s*(?:,\s*|\(\s*)?(?:(?:in|of|near)\s+(?:the\s+)?(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?\s+|central\s+|rural\s+|countryside\s+of\s+)?(?:(?:province|governorate|department|region|state)\s+of\s+)?)?$/i;

/**
 * Link each town to a division named right after it ("X in Y province"): `inDivision`. A bare
 * division name after a comma ("Kafr Nabl, Idlib") is the division too when the town has a
 * reading inside it; otherwise ("Aleppo, Idlib and Hama") both stay towns.
 */
function linkDivisions(text: string, cands: Candidate[]): void {
  for (let k = 0; k + 1 < cands.length; k++) {
    const c = cands[k];
    const d = cands[k + 1];
    if (c.division || c.county || !c.entries.length || d.start - c.spanEnd > 60) continue;
    const gap = text.slice(c.spanEnd, d.start);
    if (d.division) {
      if (IN_DIVISION_GAP.test(gap)) c.inDivision = d.area ?? undefined;
      continue;
    }
    if (c.suffix || d.county || d.i !== d.j && !d.entries.length || !/^\s*,\s*$/.test(gap)) continue;
    const divs = divisionsOf(d.key);
    if (!divs) continue;
    const g = getGazetteer();
    const want = new Set(divs.map((a) => a.country + '.' + a.code));
    const inside = c.entries.some((i) => g.country[i] !== 'US' && want.has(g.country[i] + '.' + (admin1Of(i)?.isoCode ?? '')));
    if (!inside) continue;
    c.inDivision = divs;
    cands[k + 1] = { ...d, area: divs, entries: [], division: true, suffix: null, spanEnd: d.end };
  }
}

/**
 * Wire copy and headlines in capitals: case says nothing about names. True when tokens in
 * capitals outnumber tokens with a lower-case letter two to one (tokens of caseless scripts,
 * e.g. Arabic, count as neither).
 */
function allCapsDoc(toks: Tok[]): boolean {
  let lower = 0;
  let upper = 0;
  for (const t of toks) {
    if (/\p{Ll}/u.test(t.text)) lower++;
    else if (/\p{Lu}/u.test(t.text)) upper++;
  }
  return upper > lower * 2;
}

/** Regions by first word (see SUPRANATIONAL_REGIONS). */
const REGIONS_BY_FIRST = new Map<string, string[][]>();
for (const r of SUPRANATIONAL_REGIONS) REGIONS_BY_FIRST.set(r[0], [...(REGIONS_BY_FIRST.get(r[0]) ?? []), r]);

/** The index of the last token of a supranational region name starting at token i, else -1. */
function regionEnd(text: string, toks: Tok[], i: number): number {
  const list = REGIONS_BY_FIRST.get(toks[i].text.toLowerCase());
  if (!list) return -1;
  for (const r of list) {
    let ok = i + r.length <= toks.length;
    for (let k = 0; ok && k < r.length; k++) {
      const t = toks[i + k];
      ok = t.text.toLowerCase() === r[k] && (t.cap || r[k] === 'the' || r[k] === 'of') && (k === 0 || gapOk(text, toks[i + k - 1], t));
    }
    if (ok) return i + r.length - 1;
  }
  return -1;
}

function findCandidates(text: string, toks: Tok[], allCaps = false): Candidate[] {
  const g = getGazetteer();
  const out: Candidate[] = [];
  const maxW = g.maxWords;
  /** normName of each token, computed on first need (a token is read by up to maxW starts) */
  const tokNorm: Array<string | undefined> = new Array(toks.length);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const region = regionEnd(text, toks, i);
    if (region >= 0) { i = region; continue; }
    const lowerArticle = !t.cap && LEADING_ARTICLES.has(t.text) && i + 1 < toks.length && text.slice(t.end, toks[i + 1].start) === '-' && toks[i + 1].cap;
    if (!t.cap && !lowerArticle) continue;
    let best: Candidate | null = null;
    let key = '';
    // "the province of Idlib", "THE DEPARTMENT OF ANTIOQUIA"
    const divisionBefore = i >= 2 && toks[i - 1].text.toLowerCase() === 'of' && DIVISION_WORDS.has(toks[i - 2].text.toLowerCase());
    let division: Candidate | null = null;
    for (let j = i; j < toks.length && j < i + maxW; j++) {
      if (j > i && !gapOk(text, toks[j - 1], toks[j])) break;
      const tj = toks[j];
      if (j > i && !tj.cap && !CONNECTORS.has(tj.text)) break;
      const tn = tokNorm[j] ?? (tokNorm[j] = normName(tj.text));
      key = key ? key + ' ' + tn : tn;
      if (!tj.cap) continue; // a name does not end on a connector
      const { key: k, area, entries } = lookupKey(key);
      if (area || entries) {
        best = { i, j, start: t.start, end: tj.end, spanEnd: tj.end, key: k, entries: entries ?? [], area, suffix: null, dateline: false, county: false };
      }
      // "Idlib province", "USULUTAN DEPARTMENT", "Borno State": the name is the division
      const nx = toks[j + 1];
      const divisionAfter = nx !== undefined && nx.start - tj.end === 1 && text.charCodeAt(tj.end) === 32 && DIVISION_WORDS.has(nx.text.toLowerCase())
        // not an institution: "Florida Department of Law Enforcement", "Lagos State Government"
        && !INSTITUTION_AFTER_DIVISION.test(text.slice(nx.end, nx.end + 16));
      // a US state or a country named like a foreign division ("Florida", "Georgia") stays what it is
      if ((divisionAfter || divisionBefore) && !area) {
        const d = divisionsOf(k);
        if (d) {
          const end = divisionAfter ? nx.end : tj.end;
          division = { i, j: divisionAfter ? j + 1 : j, start: t.start, end, spanEnd: end, key: k, entries: [], area: d, suffix: null, dateline: false, county: false, division: true };
        }
      }
    }
    if (division && (!best || division.j >= best.j)) {
      out.push(division);
      i = division.j;
      continue;
    }
    // county / parish: "Cook County", "St. Tammany Parish" even when the county name is not a town
    if (t.cap && !STOP_WORDS.has(titleCase(t.text))) {
      for (let j = i; j < toks.length - 1 && j < i + 3; j++) {
        if (j > i && (!toks[j].cap || !gapOk(text, toks[j - 1], toks[j]))) break;
        const nx = toks[j + 1];
        const gap = text.slice(toks[j].end, nx.start);
        if (gap !== ' ' && gap !== "'s " && gap !== '’s ') break;
        if (COUNTY_WORDS.has(nx.text) && nx.text !== 'Co') {
          best = { i, j: j + 1, start: t.start, end: nx.end, spanEnd: nx.end, key: normName(text.slice(t.start, nx.end)), entries: [], area: null, suffix: null, dateline: false, county: true };
          break;
        }
      }
    }
    if (!best) continue;
    best.suffix = readSuffix(text, best.end, allCaps);
    // "Ohio, New Jersey, New York": a list of states, not a place in a state; a town named like a
    // state keeps its suffix when it lies in that state ("Washington, D.C.")
    if (best.suffix?.kind === 'admin1' && best.area?.length) {
      const sc = best.suffix.code;
      if (!best.entries.some((e) => g.country[e] === 'US' && g.admin1[e] === sc)) best.suffix = null;
    }
    // "SPAIN, MEXICO": a list of countries, not a country in another
    if (best.suffix?.kind === 'country' && best.area?.some((a) => a.kind === 'country')) {
      const sc = best.suffix.country;
      if (!best.entries.some((e) => g.country[e] === sc)) best.suffix = null;
    }
    if (best.suffix) best.spanEnd = best.suffix.end;
    const dl = datelineAt(text, t, best.spanEnd);
    best.dateline = dl !== null;
    if (dl === 'dated') best.datelineDated = true;
    out.push(best);
    i = best.j;
    // skip tokens consumed by the suffix
    if (best.suffix) while (i + 1 < toks.length && toks[i + 1].start < best.suffix.end) i++;
  }
  return out;
}

// ---- document context ----

interface DocContext {
  states: Map<string, number>; // US state code → weight
  countries: Map<string, number>;
  /** `countries` as the text states them (names, suffixes, datelines), before the first pass adds its cities */
  explicitCountries: Map<string, number>;
  /** non-US divisions named as such ("Idlib province"), "CC.ISO" → weight */
  divisions: Map<string, number>;
  surnames: Set<string>;
  lowerWords: Set<string>;
  /** Latin text in capitals (wire copy): see allCapsDoc */
  allCaps: boolean;
  /** case says nothing about names: all caps, or a caseless script such as Arabic */
  caseless: boolean;
  /** [lat, lon] of confident city mentions from the first pass */
  anchors: Array<[number, number]>;
}

function buildContext(text: string, toks: Tok[], cands: Candidate[]): DocContext {
  const g = getGazetteer();
  const states = new Map<string, number>();
  const countries = new Map<string, number>();
  const divisions = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string, w: number) => m.set(k, (m.get(k) ?? 0) + w);
  for (const c of cands) {
    if (c.suffix) {
      if (c.suffix.kind === 'admin1' && c.suffix.code) {
        bump(states, c.suffix.code, c.dateline ? 3 : 2);
        bump(countries, 'US', 1);
      } else bump(countries, c.suffix.country, 2);
    }
    if (c.division) {
      // "Idlib province": its country, and the division for the towns named around it
      for (const a of c.area ?? []) {
        bump(countries, a.country, 2 / (c.area?.length ?? 1));
        bump(divisions, a.country + '.' + a.code, 1);
      }
      continue;
    }
    if (c.area && c.i === c.j ? isCapitalised(toks[c.i].text) : c.area) {
      for (const a of c.area ?? []) {
        if (a.kind === 'admin1' && a.code && !STATE_NAMES_MEANING_CITY[toks[c.i].text]) {
          bump(states, a.code, 1);
          bump(countries, 'US', 1);
        } else if (a.kind === 'country') bump(countries, a.country, 1);
      }
    }
  }
  // a wire dateline ("LA PAZ, 12 JAN 90 (EFE) --") names the country the story is filed from:
  // its most populous reading (or the country it names) weighs like a ", Country" suffix. Not for
  // undated datelines: local news uses them for small towns whose biggest namesake is abroad.
  for (const c of cands) {
    if (!c.datelineDated || c.suffix) continue;
    let top = -1;
    for (const i of c.entries) if (top < 0 || g.pop[i] > g.pop[top]) top = i;
    const area = c.area?.[0];
    const cc = area ? area.country : top >= 0 ? g.country[top] : null;
    if (cc) bump(countries, cc, 2);
  }
  // county / parish mentions are (almost always) US
  if (cands.some((c) => c.county)) bump(countries, 'US', 1);
  const surnames = new Set<string>();
  const lowerWords = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.cap) lowerWords.add(t.text.toLowerCase());
    if (i > 0 && t.cap && toks[i - 1].cap) {
      const p = toks[i - 1];
      const gap = text.slice(p.end, t.start);
      if ((gap === ' ' && FIRST_NAMES.has(titleCase(p.text))) || ((gap === ' ' || gap === '. ') && PERSON_TITLES.has(titleCase(p.text)))) surnames.add(t.text);
    }
  }
  let lower = 0;
  for (const t of toks) if (/\p{Ll}/u.test(t.text)) lower++;
  const caseless = toks.length - lower > lower * 2;
  return { states, countries, explicitCountries: new Map(countries), divisions, surnames, lowerWords, allCaps: allCapsDoc(toks), caseless, anchors: [] };
}

// ---- resolution ----

/** Equirectangular distance in km: plenty for "within a few hundred km" tests. */
function approxKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const x = ((lon2 - lon1) * Math.PI) / 180 * Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  const y = ((lat2 - lat1) * Math.PI) / 180;
  return Math.sqrt(x * x + y * y) * 6371;
}

interface Evidence {
  strong: boolean; // a ', State' / ', Country' suffix
  dateline: boolean;
  prep: boolean; // location preposition before
  adjective: boolean; // "a Memphis man", "Memphis police", "Chicago Police Department"
  person: boolean;
  street: boolean;
  otherName: boolean; // part of a longer proper name we do not know
  stop: boolean;
  ambiguous: boolean;
  commonWord: boolean;
}

function evidenceFor(text: string, toks: Tok[], c: Candidate, ctx: DocContext): Evidence {
  const first = toks[c.i];
  const last = toks[c.j];
  const single = c.i === c.j;
  const prev = c.i > 0 ? toks[c.i - 1] : null;
  const next = c.j + 1 < toks.length ? toks[c.j + 1] : null;
  const prevGap = prev ? text.slice(prev.end, first.start) : '\n';
  const nextGap = next ? text.slice(last.end, next.start) : '\n';
  // next to each other on a line, or across the wrap of hard-wrapped copy ("IN\nUSULUTAN")
  const prevAdj = prev !== null && (/^[ \t]{1,2}$/.test(prevGap) || wrappedBreak(text, prev, first));
  const nextAdj = next !== null && (/^[ \t]$/.test(nextGap) || nextGap === '-' || wrappedBreak(text, last, next));
  const ev: Evidence = { strong: !!c.suffix, dateline: c.dateline, prep: false, adjective: false, person: false, street: false, otherName: false, stop: false, ambiguous: false, commonWord: false };
  const tc = titleCase(first.text);
  if (single) {
    ev.stop = STOP_WORDS.has(tc) || STOP_WORDS.has(first.text);
    // a short all-caps token in mixed-case text is an acronym ("PIO", "DOJ"), unless a dateline
    if (!ctx.caseless && !c.suffix && !c.dateline && first.text.length <= 4 && isAllCaps(first.text)) ev.stop = true;
    ev.ambiguous = AMBIGUOUS_NAMES.has(tc);
    ev.commonWord = ctx.lowerWords.has(first.text.toLowerCase()) && !ctx.caseless;
  }
  if (prev && prevAdj) {
    const pl = prev.text.toLowerCase();
    if (ctx.allCaps ? STRONG_LOCATION_PREPOSITIONS.has(pl) : LOCATION_PREPOSITIONS.has(pl)) ev.prep = true;
    // "THE CITY OF MEDELLIN", "THE TOWN OF APOPA"
    else if (ctx.allCaps && pl === 'of' && c.i >= 2 && PLACE_NOUNS.has(toks[c.i - 2].text.toLowerCase())) ev.prep = true;
    else if (DETERMINERS.has(pl)) ev.adjective = ev.adjective || false;
    else if (prev.cap && !prev.initial && !ctx.caseless) ev.otherName = true;
    else if (prev.cap && FIRST_NAMES.has(titleCase(prev.text))) ev.person = true;
    if (prev.cap && (FIRST_NAMES.has(titleCase(prev.text)) || PERSON_TITLES.has(titleCase(prev.text)))) ev.person = true;
  }
  if (prev && prevGap === '. ' && prev.text.length === 1 && prev.cap) ev.person = true; // "John Q. Jackson"
  if (prev && prevGap === '. ' && PERSON_TITLES.has(titleCase(prev.text))) ev.person = true; // "Sgt. Jackson"
  if (next && nextAdj && !c.suffix) {
    const nt = titleCase(next.text);
    if (STREET_SUFFIXES.has(nt) && next.cap) ev.street = true;
    else if (INSTITUTION_WORDS.has(nt) && next.cap) ev.adjective = true;
    else if ((!next.cap || ctx.allCaps) && PLACE_NOUNS.has(next.text.toLowerCase())) ev.adjective = true;
    else if (next.cap && !ctx.caseless && !next.initial) ev.otherName = true;
    if (!next.cap && PERSON_FOLLOWERS.has(next.text) && single && nextGap === ' ' && !ev.prep) {
      // "Jackson said" — but "Chicago and Detroit" is fine
      if (next.text !== 'and' && next.text !== 'is' && next.text !== 'was' && next.text !== 'has' && next.text !== 'had') ev.person = true;
      else if (ctx.surnames.has(first.text)) ev.person = true;
    }
  }
  if (next && /^,\s*\d{1,3}\s*,/.test(text.slice(last.end, last.end + 8))) ev.person = true; // "Jackson, 25,"
  if (single && ctx.surnames.has(first.text)) ev.person = true;
  return ev;
}

interface Resolved {
  idx: number; // gazetteer index, -1 for area / county
  area: AreaEntry | null;
  score: number;
}

function chooseEntry(text: string, c: Candidate, ctx: DocContext, ev: Evidence): Resolved | null {
  const g = getGazetteer();
  const tokText = c.key;
  // areas (country / US state) win over towns of the same name, except the state names that
  // usually mean a city (Washington, New York) when nothing says "state".
  if (c.area && c.area.length) {
    let area = c.area[0];
    if (c.area.length > 1) {
      // "Georgia": the state in a US document, the country otherwise
      const usCtx = (ctx.countries.get('US') ?? 0) > 0;
      area = c.area.find((a) => (usCtx ? a.kind === 'admin1' : a.kind === 'country')) ?? area;
    }
    const cityFor = cityMeantBy(tokText);
    // "X state" / "state of X" is the area; a state followed by ", <state>" cannot be the state
    const stateWord = /^\s+state\b/.test(text.slice(c.end, c.end + 8)) || /\bstate of\s+$/i.test(text.slice(Math.max(0, c.start - 10), c.start));
    const cityBySuffix = c.suffix?.kind === 'admin1' && c.entries.length > 0;
    if (!cityBySuffix && (stateWord || !(cityFor && c.entries.length))) return { idx: -1, area, score: 0.8 };
  }
  if (!c.entries.length) return null;
  let cands = c.entries;
  let inDivision = false;
  if (c.inDivision) {
    const want = new Set(c.inDivision.map((a) => a.country + '.' + a.code));
    const match = cands.filter((i) => {
      const adm = admin1Of(i);
      return adm !== null && want.has(g.country[i] + '.' + adm.isoCode);
    });
    if (match.length) {
      cands = match;
      inDivision = true;
    }
  }
  if (c.suffix) {
    const s = c.suffix;
    const match = cands.filter((i) => (s.kind === 'admin1' ? g.country[i] === 'US' && g.admin1[i] === s.code : g.country[i] === s.country));
    if (match.length) cands = match;
  } else {
    const cityFor = cityMeantBy(tokText);
    if (cityFor) {
      const m = cands.filter((i) => g.country[i] === 'US' && g.admin1[i] === cityFor.code && canonicalKey(i) === cityFor.cityKey);
      if (m.length) cands = m;
    }
  }
  // the US counts as the document's country only when no other country weighs twice as much (one "U.S."
  // in a story filed from La Paz does not make it American); weighed on what the text says
  // explicitly, not on the first pass's own guesses
  let usWeight = ctx.countries.get('US') ?? 0;
  const usExplicit = ctx.explicitCountries.get('US') ?? 0;
  for (const [k, v] of ctx.explicitCountries) if (k !== 'US' && v >= 2 * usExplicit) usWeight = 0;
  let best = -1;
  let bestScore = -Infinity;
  for (const i of cands) {
    let s = Math.log10(g.pop[i] + 10);
    s += g.rank[i] === 3 ? 1 : g.rank[i] === 2 ? 0.3 : g.rank[i] === 1 ? 0.1 : g.rank[i] === -1 ? -0.8 : 0;
    if (g.country[i] === 'US') {
      const w = ctx.states.get(g.admin1[i]) ?? 0;
      if (w) s += 2 + Math.min(w, 4) * 0.5;
      if (usWeight) s += 1;
    } else {
      const w = ctx.countries.get(g.country[i]) ?? 0;
      if (w) s += 2 + Math.min(w, 4) * 0.5;
    }
    // in a division the document names ("... in Idlib province")
    if (ctx.divisions.size && g.country[i] !== 'US') {
      const adm = admin1Of(i);
      if (adm && ctx.divisions.has(g.country[i] + '.' + adm.isoCode)) s += 1.5;
    }
    // countries the document talks about: a place elsewhere is unlikely
    if (ctx.countries.size && !ctx.countries.has(g.country[i]) && !c.suffix) s -= 2;
    // near the places the document is confidently about (first pass)
    if (ctx.anchors.length) {
      let dmin = Infinity;
      for (const [la, lo] of ctx.anchors) dmin = Math.min(dmin, approxKm(la, lo, g.lat[i], g.lon[i]));
      if (dmin < 100) s += 1.5;
      else if (dmin < 300) s += 0.7;
    }
    // the canonical name spelled as in the text is a better match than an alternate name
    if (canonicalKey(i) === tokText) s += 0.5;
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  }
  if (best < 0) return null;
  // acceptance: how much evidence does this place need?
  const p = g.pop[best];
  const inCtx = g.country[best] === 'US' ? (ctx.states.get(g.admin1[best]) ?? 0) > 0 : (ctx.countries.get(g.country[best]) ?? 0) > 0;
  const otherStates = g.country[best] === 'US' && !inCtx && ctx.states.size > 0;
  let conf: number;
  const foreignInUsDoc = usWeight > 0 && g.country[best] !== 'US' && !(ctx.countries.get(g.country[best]) ?? 0);
  if (ev.strong || inDivision) conf = 0.95;
  else if (ev.dateline && !foreignInUsDoc) conf = 0.9;
  else if (ev.prep) conf = inCtx ? 0.85 : p >= 100000 ? 0.8 : p >= 20000 ? 0.65 : 0.5;
  else if (ev.adjective) conf = inCtx ? 0.8 : p >= 100000 ? 0.75 : p >= 20000 ? 0.55 : 0.4;
  else if (p >= 100000 && !ev.ambiguous) conf = 0.7;
  else if (inCtx && p >= 5000 && !ev.ambiguous) conf = 0.5;
  else conf = 0.2;
  // a US place outside the states the document talks about, or a foreign place in a US document
  if (!ev.strong && otherStates) conf -= 0.1;
  if (foreignInUsDoc && !ev.strong) conf -= p >= 1000000 ? 0.1 : 0.3;
  // all caps: without capitals to go by, a place outside the countries the text names is doubtful,
  // and more so when only a foreign-language alternate name matches ("COLONIA" → Köln, "SOL" → Seoul)
  if (ctx.allCaps && !ev.strong && !inCtx && ctx.countries.size > 0) conf -= canonicalKey(best) === tokText ? 0.25 : 0.5;
  return { idx: best, area: null, score: conf };
}

const MIN_SCORE = 0.45;

function resolveAll(text: string, cands: Candidate[], evs: Evidence[], ctx: DocContext): PlaceMention[] {
  const g = getGazetteer();
  const out: PlaceMention[] = [];
  for (let ci = 0; ci < cands.length; ci++) {
    const c = cands[ci];
    const ev = evs[ci];
    if (c.division) {
      // the division word is the evidence; among namesakes, the one of the document's countries
      const list = c.area ?? [];
      let a = list[0];
      for (const x of list) if ((ctx.countries.get(x.country) ?? 0) > (ctx.countries.get(a.country) ?? 0)) a = x;
      if (!a) continue;
      out.push({
        start: c.start, end: c.spanEnd, text: text.slice(c.start, c.spanEnd), name: a.name,
        country: a.country, countryName: g.countryNames.get(a.country) ?? null,
        admin1: a.name, admin1Code: a.code, lat: a.lat, lon: a.lon, population: 0,
        precision: 'admin1', geonameId: null, score: 0.85,
        ...(c.dateline ? { dateline: true } : {}),
      });
      continue;
    }
    if (ev.stop && !c.suffix) continue;
    if (!ev.strong && !ev.dateline) {
      if (ev.street || ev.person) continue;
      if (ev.otherName && !c.county) continue;
      if ((ev.ambiguous || ev.commonWord) && !ev.prep && !ev.adjective) continue;
    }
    // all caps: a single word may be any word ("PAGE", "FRONT", "SET"); without a preposition or
    // a place noun it is read only as a country, or as a town of some size in a country the text
    // names ("CALI", "SOACHA" in a Colombian story)
    const capsWord = ctx.allCaps && c.i === c.j && !ev.strong && !ev.dateline && !ev.prep && !ev.adjective;
    const span = text.slice(c.start, c.spanEnd);
    if (c.county) {
      // the county's state: a suffix, else the document's leading state (if any)
      let code: string | null = c.suffix?.kind === 'admin1' ? c.suffix.code : null;
      if (!code) code = topState(ctx);
      const st = code ? US_STATES.find((x) => x.code === code) ?? null : null;
      const stRec = code ? (g.statesOf.get('US') ?? []).find((x) => x.isoCode === code) : undefined;
      out.push({
        start: c.start, end: c.spanEnd, text: span,
        name: text.slice(c.start, c.end).replace(/\s+/g, ' ').replace(/['’]s /, ' '),
        country: 'US', countryName: g.countryNames.get('US') ?? null,
        admin1: st?.name ?? null, admin1Code: st ? code : null,
        lat: stRec?.lat ?? null, lon: stRec?.lon ?? null,
        population: 0, precision: 'admin1', geonameId: null,
        score: c.suffix ? 0.9 : st ? 0.7 : 0.5, county: true,
        ...(c.dateline ? { dateline: true } : {}),
        ...(c.datelineDated ? { datelineDated: true } : {}),
      ...(c.datelineDated ? { datelineDated: true } : {}),
      });
      continue;
    }
    const r = chooseEntry(text, c, ctx, ev);
    if (!r) continue;
    if (capsWord) {
      if (r.area ? r.area.kind !== 'country' : !((ctx.countries.get(g.country[r.idx]) ?? 0) > 0 && (g.pop[r.idx] >= 20000 || g.rank[r.idx] >= 1))) continue;
    }
    // a division's name that a lesser town of its country also carries (as its name: Antioquia,
    // pop. 12k; or as an alternate name: "Santander" for Santander de Quilichao) means the division;
    // a province capital or a big town keeps its town reading ("Idlib", "Santa Fe", "Ayacucho")
    if (!r.area && r.score >= MIN_SCORE && g.rank[r.idx] < 2 && (canonicalKey(r.idx) !== c.key || g.pop[r.idx] < 100000)) {
      const d = divisionsOf(c.key)?.find((a) => a.country === g.country[r.idx]);
      if (d) {
        out.push({
          start: c.start, end: c.spanEnd, text: span, name: d.name,
          country: d.country, countryName: g.countryNames.get(d.country) ?? null,
          admin1: d.name, admin1Code: d.code, lat: d.lat, lon: d.lon, population: 0,
          precision: 'admin1', geonameId: null, score: r.score,
          ...(c.dateline ? { dateline: true } : {}),
        });
        continue;
      }
    }
    if (r.area) {
      const a = r.area;
      out.push({
        start: c.start, end: c.spanEnd, text: span, name: a.name,
        country: a.country, countryName: g.countryNames.get(a.country) ?? null,
        admin1: a.kind === 'admin1' ? a.name : null, admin1Code: a.kind === 'admin1' ? a.code : null,
        lat: a.lat, lon: a.lon, population: 0, precision: a.kind, geonameId: null, score: r.score,
        ...(c.dateline ? { dateline: true } : {}),
        ...(c.datelineDated ? { datelineDated: true } : {}),
      ...(c.datelineDated ? { datelineDated: true } : {}),
      });
      continue;
    }
    if (r.score < MIN_SCORE) continue;
    const i = r.idx;
    const adm = admin1Of(i);
    out.push({
      start: c.start, end: c.spanEnd, text: span, name: g.names[i],
      country: g.country[i], countryName: g.countryNames.get(g.country[i]) ?? null,
      admin1: adm?.name ?? null, admin1Code: adm?.isoCode ?? null,
      lat: Math.round(g.lat[i] * 1e5) / 1e5, lon: Math.round(g.lon[i] * 1e5) / 1e5,
      population: g.pop[i], precision: 'city', geonameId: g.ids[i], score: Math.min(1, Math.max(0, r.score)),
      ...(c.dateline ? { dateline: true } : {}),
      ...(c.datelineDated ? { datelineDated: true } : {}),
      ...(adm?.approx ? { admin1Approx: true } : {}),
    });
  }
  return out;
}

/** The US state the document talks about most (explicit mentions and confident cities), or null. */
function topState(ctx: DocContext): string | null {
  let best: string | null = null;
  let w = 0;
  for (const [k, v] of ctx.states) if (v > w) { w = v; best = k; }
  return best;
}

/**
 * Every place mention in `text`, ordered by start. Two passes: the first resolves with explicit
 * context (state / country names, ", State" suffixes, datelines); the states and countries of its
 * confident city mentions are then added to the context and everything is resolved again, so
 * "Pasadena" in a text that also says "Los Angeles" is the Californian one.
 */
export function findPlaces(text: string, _opts: { published?: string | null } = {}): PlaceMention[] {
  if (!text || typeof text !== 'string') return [];
  const toks = tokenize(text);
  const cands = findCandidates(text, toks, allCapsDoc(toks));
  if (!cands.length) return [];
  spreadPluralDivisions(text, cands);
  linkDivisions(text, cands);
  const ctx = buildContext(text, toks, cands);
  // evidence reads only the text, the tokens and the parts of the context that the second pass
  // does not change (surnames, lower-case words, all-caps): computed once for both passes
  const evs = cands.map((c) => evidenceFor(text, toks, c, ctx));
  const first = resolveAll(text, cands, evs, ctx);
  let added = false;
  for (const m of first) {
    if (m.precision !== 'city' || m.score < 0.7 || !m.country) continue;
    if (m.country === 'US' && m.admin1Code) ctx.states.set(m.admin1Code, (ctx.states.get(m.admin1Code) ?? 0) + 1);
    ctx.countries.set(m.country, (ctx.countries.get(m.country) ?? 0) + 0.5);
    if (m.lat != null && m.lon != null && ctx.anchors.length < 12) ctx.anchors.push([m.lat, m.lon]);
    added = true;
  }
  return added ? resolveAll(text, cands, evs, ctx) : first;
}

/**
 * The country a place mention lies in, as a mention of its own at country precision (same span):
 * what a wire dateline tells of the incident's place when the story names no town.
 */
function countryMentionOf(m: PlaceMention): PlaceMention | null {
  if (!m.country) return null;
  const g = getGazetteer();
  const name = g.countryNames.get(m.country) ?? m.countryName;
  if (!name) return null;
  const area = g.areas.get(normName(name))?.find((a) => a.kind === 'country' && a.country === m.country);
  return {
    ...m, name, countryName: name, admin1: null, admin1Code: null, lat: area?.lat ?? null, lon: area?.lon ?? null,
    population: 0, precision: 'country', geonameId: null, county: undefined, admin1Approx: undefined,
  };
}

/** A sentence ends at . ! ? (and closing quotes or brackets) before white space, or at a blank line. */
const SENT_END = /[.!?]["'”’)\]]*\s|\n\s*\n/g;

/** Does the sentence around `pos` hold one of the positions `hits` (sorted)? */
function sentenceHas(text: string, pos: number, hits: number[]): boolean {
  let start = 0;
  const from = Math.max(0, pos - 600);
  SENT_END.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = SENT_END.exec(text)) && m.index < pos) start = m.index + m[0].length;
  const end = m ? m.index : text.length;
  return hits.some((h) => h >= start && h < end);
}

/** How much a town loses when it is named as the place of a source, a meeting or a reference point. */
const OTHER_PLACE_PENALTY = 2;

/**
 * The report's most likely incident place: a dateline first (not a dated wire dateline, which
 * names where the story was filed and is not counted as a mention of the place); else the first
 * city mention in a sentence with a violence word among the first sentences (ties broken by how
 * often the place recurs; a province named outside the US competes a step behind the towns, a
 * town inside a named province a step ahead; a town named as where a source speaks or a distance
 * is measured from a step behind); else the first admin1 mention, else the country the text is
 * about. In wire copy (a dated dateline) only places in a sentence about violence count: such
 * copy names capitals and towns for many reasons, and "SAN SALVADOR, 12 JAN 90 (AFP) -- ... the
 * murder of the Jesuits ... in El Salvador" is El Salvador, not its capital.
 */
export function mainPlace(text: string, mentions: PlaceMention[]): PlaceMention | null {
  if (!mentions.length) return null;
  const dl = mentions.find((m) => m.dateline && !m.datelineDated && m.precision === 'city' && m.score >= 0.8);
  if (dl) return dl;
  const counts = new Map<string, number>();
  const keyOf = (m: PlaceMention) => (m.geonameId != null ? String(m.geonameId) : m.name);
  // a dated wire dateline names where the story was filed: it is not a mention of the place
  const body = mentions.filter((m) => !m.datelineDated);
  for (const m of body) counts.set(keyOf(m), (counts.get(keyOf(m)) ?? 0) + 1);
  // violence word positions
  const hits: number[] = [];
  VIOLENCE_RE.lastIndex = 0;
  let mm: RegExpExecArray | null;
  while ((mm = VIOLENCE_RE.exec(text))) hits.push(mm.index);
  // the document's leading state (US) or country (elsewhere), by mentions
  const regionOf = (m: PlaceMention) => (m.country === 'US' ? m.admin1Code ?? m.country : m.country);
  const stW = new Map<string, number>();
  for (const m of mentions) {
    const k = regionOf(m);
    if (k) stW.set(k, (stW.get(k) ?? 0) + (m.dateline && !m.datelineDated ? 3 : 1));
  }
  let lead: string | null = null;
  let lw = 0;
  for (const [k, v] of stW) if (v > lw) { lw = v; lead = k; }
  // provinces / departments outside the US compete too ("fighting in the department of
  // Santander" in a story filed from Bogotá), behind any town of theirs
  const isDivision = (m: PlaceMention) => m.precision === 'admin1' && !m.county && m.country !== 'US' && m.admin1Code !== null;
  const divisionCodes = new Set(mentions.filter(isDivision).map((m) => m.country + '.' + m.admin1Code));
  const cities = body.filter((m) => m.precision === 'city' || m.county || isDivision(m));
  const wire = mentions.some((m) => m.datelineDated);
  if (cities.length) {
    let best: PlaceMention | null = null;
    let bestScore = -Infinity;
    let h = 0;
    for (let rank = 0; rank < cities.length; rank++) {
      const m = cities[rank];
      while (h < hits.length && hits[h] < m.start - 300) h++;
      // wire copy names towns for many reasons: only one in a sentence about violence counts
      if (wire && !sentenceHas(text, m.start, hits)) continue;
      const near = h < hits.length && Math.abs(hits[h] - m.start) <= 300;
      const inLead = lead !== null && regionOf(m) === lead;
      const division = isDivision(m);
      // a town in a division the text names is the more precise reading of the same place
      const inNamedDivision = !division && m.country !== null && divisionCodes.has(m.country + '.' + m.admin1Code);
      // where a source speaks, officials meet or a distance is measured from is not the place
      const other = placeRole(text, m.start) === 'other';
      const s = (near ? 2 : 0) + Math.min(counts.get(keyOf(m)) ?? 1, 5) * 0.6 + m.score - rank * 0.05 - (m.county ? 2.5 : 0) + (inLead ? 1 : 0)
        - (division ? 0.8 : 0) + (inNamedDivision ? 0.8 : 0) - (other ? OTHER_PLACE_PENALTY : 0);
      if (s > bestScore) {
        bestScore = s;
        best = m;
      }
    }
    if (best) return best;
  }
  const admin1 = body.find((m) => m.precision === 'admin1' && (!wire || sentenceHas(text, m.start, hits)));
  if (admin1) return admin1;
  // the country: each mention counts, twice in a sentence about violence; the country a dated dateline
  // was filed from counts twice as well (a story filed from San Salvador that names the U.S. as
  // an aid donor is about El Salvador)
  const weight = new Map<string, number>();
  const filed = mentions.find((m) => m.datelineDated);
  if (filed?.country) weight.set(filed.country, 2);
  for (const m of body) {
    if (!m.country) continue;
    weight.set(m.country, (weight.get(m.country) ?? 0) + (sentenceHas(text, m.start, hits) ? 2 : 1));
  }
  let top: string | null = null;
  for (const [k, v] of weight) if (top === null || v > weight.get(top)!) top = k;
  const country = body.find((m) => m.country === top && m.precision === 'country') ?? mentions.find((m) => m.country === top);
  return (country && (country.precision === 'country' ? country : countryMentionOf(country))) ?? mentions[0];
}
