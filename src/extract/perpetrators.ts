/**
 * Perpetrators of one incident from the words of its sentences: the phrase that is the subject
 * of a violent verb ("urban terrorists dynamited ..."), its agent in the passive ("was kidnapped
 * by heavily armed men"), or the one a claim or an accusation names ("the FMLN claimed
 * responsibility", "blamed on suspected Shining Path rebels", "attributed to the Medellin
 * cartel"). A phrase counts when its head says it is an attacker ("guerrillas", "gunmen") or
 * when it names an armed group.
 */
import type { Perpetrator } from '../model/index.js';
import type { Word } from '../nlp/words.js';
import { matchAt, phraseIndex, type PhraseIndex } from '../nlp/phrases.js';
import { ARMED_GROUPS } from './lexicon/actors.js';
import {
  ACCUSATIONS, ACT_NOUNS, ADJECTIVAL_HEADS, CLAIMS_AFTER, CLAIMS_BEFORE, IRREGULAR_VERB_FORMS, NOT_AN_OBJECT, OF_COMPLEMENT_HEADS, PERPETRATOR_HEADS,
  PERPETRATOR_MODIFIERS, PERPETRATOR_VERBS, SPEAKER_VERBS, TIME_WORDS,
} from './lexicon/perpetrators.js';

export const GROUP_INDEX: PhraseIndex<string> = phraseIndex(ARMED_GROUPS.map(g => ({ words: g.words, value: g.name })));
const AFTER_INDEX = phraseIndex(CLAIMS_AFTER.map(words => ({ words, value: true })));
const BEFORE_INDEX = phraseIndex(CLAIMS_BEFORE.map(words => ({ words, value: true })));
const ACCUSATION_INDEX = phraseIndex(ACCUSATIONS.map(a => ({ words: a.words, value: a.then })));
const VERBS = new Set(PERPETRATOR_VERBS);

/** The base form of a perpetrator verb written as `x` (lower case), else null. */
function verbBase(x: Word): string | null {
  const irregular = IRREGULAR_VERB_FORMS[x.lower];
  if (irregular) return irregular;
  if (VERBS.has(x.lemma)) return x.lemma;
  // wink's lemma misses some forms in capitals and rare verbs ("DYNAMITED")
  for (const stem of [x.lower.replace(/(?:ed|ing|s)$/, ''), x.lower.replace(/(?:d|ing)$/, '') + (x.lower.endsWith('ing') ? 'e' : ''), x.lower.replace(/(.)\1(?:ed|ing)$/, '$1')]) {
    if (VERBS.has(stem)) return stem;
  }
  return null;
}

const FUNCTION_POS = new Set(['DET', 'ADP', 'PUNCT', 'VERB', 'AUX', 'PRON', 'CCONJ', 'SCONJ', 'PART', 'SYM', 'INTJ']);
/** Words before a phrase that are not part of it ("the", "at least"; numbers are). */
const DETERMINERS = new Set(['the', 'a', 'an', 'some', 'about', 'around', 'at', 'least', 'more', 'than', 'over', 'these', 'those']);

/**
 * Words [a, b) with their head noun and the armed group they name. `strong`: the phrase says by
 * itself that these are attackers (an attacker noun, a group, or "armed", "unidentified", ...),
 * as the agent of any act must ("the bomb was left by unidentified individuals", not
 * "transported by police officers").
 */
interface Phrase { a: number; b: number; head: string; group: string | null; strong?: boolean }

/** An armed group named inside words [a, b). */
function groupIn(w: Word[], a: number, b: number): string | null {
  for (let i = a; i < b; i++) {
    const g = matchAt(w, i, b, GROUP_INDEX);
    if (g) return g.value;
  }
  return null;
}

/** The first word of an armed group's name that ends right before word `end`, else -1. */
function groupEndingAt(w: Word[], end: number, start: number): number {
  for (let k = end - 1; k >= Math.max(start, end - 6); k--) {
    const g = matchAt(w, k, end, GROUP_INDEX);
    if (g && k + g.words.length === end) return k;
  }
  return -1;
}

/**
 * A word that may stand before the head of a perpetrator phrase: a modifier of the lexicon, a
 * number, an adjective, a hyphenated word, a word of a group's name, or a capitalised name in
 * mixed case ("Zarate Willka"; in capitals every word looks like one).
 */
function isModifier(x: Word): boolean {
  if (TIME_WORDS.has(x.lower)) return false;
  return PERPETRATOR_MODIFIERS.has(x.lower) || PERPETRATOR_HEADS.has(x.lower) || x.pos === 'NUM' || x.pos === 'ADJ' || /^[\p{L}\p{N}]+-[\p{L}-]+$/u.test(x.text)
    || GROUP_INDEX.has(x.lower) || (x.pos === 'PROPN' && /^\p{Lu}\p{Ll}/u.test(x.text));
}

/** Accept words [a, b) ending on a head noun as a perpetrator phrase, extending over "of the X". */
function phraseEndingAt(w: Word[], a: number, h: number, end: number): Phrase | null {
  const head = w[h].lower;
  const own = PERPETRATOR_HEADS.get(head);
  let b = h + 1;
  // "members of the FMLN", "a group of armed men", "terrorists of the Farabundo Marti ... Front"
  if (OF_COMPLEMENT_HEADS.has(head) && b + 1 < end && w[b].lower === 'of') {
    let k = b + 1;
    while (k < end && DETERMINERS.has(w[k].lower)) k++;
    let e = k;
    while (e < end && !FUNCTION_POS.has(w[e].pos) && e - k < 7) e++;
    if (e > k) {
      const inner = groupIn(w, k, e) ?? (PERPETRATOR_HEADS.has(w[e - 1].lower) ? w[e - 1].lower : null);
      if (inner) b = e;
    }
  }
  const group = groupIn(w, a, b);
  if (own === undefined) return group ? { a, b, head, group, strong: true } : null;
  // "men", "members", "group": only with a modifier or a complement
  if (!own && a === h && b === h + 1) return null;
  let strong = own || group !== null;
  for (let k = a; k < b && !strong; k++) strong = PERPETRATOR_MODIFIERS.has(w[k].lower) || (k !== h && PERPETRATOR_HEADS.get(w[k].lower) === true);
  return { a, b, head, group, strong };
}

/** The perpetrator phrase ending right before word `i` (the subject of a verb), else null. */
function phraseBefore(w: Word[], i: number, start: number): Phrase | null {
  let h = i - 1;
  // "X tonight claimed", "X, which have claimed", "X [FMLN] killed", "\"X\" (ESA) has claimed"
  while (h >= start && (TIME_WORDS.has(w[h].lower) || w[h].lower === 'also')) h--;
  if (h - 1 >= start && (w[h].lower === 'which' || w[h].lower === 'who') && w[h - 1].text === ',') h -= 2;
  if (h >= start && (w[h].text === ']' || w[h].text === ')')) {
    let k = h - 1;
    while (k > start && w[k].text !== '[' && w[k].text !== '(' && h - k < 8) k--;
    if (w[k].text === '[' || w[k].text === '(') h = k - 1;
  }
  if (h >= start && /^["”'’]$/.test(w[h].text)) h--;
  if (h < start) return null;
  const known = PERPETRATOR_HEADS.has(w[h].lower) || GROUP_INDEX.has(w[h].lower);
  if (!known && !groupIn(w, Math.max(start, h - 5), h + 1)) return null;
  let a = h;
  for (;;) {
    if (a - 1 >= start && h - a < 6 && isModifier(w[a - 1])) { a--; continue; }
    // a group's name before the head ("Shining Path members")
    const g = groupEndingAt(w, a, start);
    if (g >= 0 && h - g < 7) { a = g; continue; }
    break;
  }
  // "members of the FMLN killed": the head is before "of"
  for (let k = a - 1; k >= Math.max(start, a - 3); k--) {
    if (w[k].lower === 'of' && k - 1 >= start && OF_COMPLEMENT_HEADS.has(w[k - 1].lower)) {
      let m = k - 1;
      while (m - 1 >= start && k - 1 - m < 4 && isModifier(w[m - 1])) m--;
      const p = phraseEndingAt(w, m, k - 1, i);
      if (p && p.b >= h + 1) return { ...p, b: h + 1 };
    }
    if (!DETERMINERS.has(w[k].lower) && w[k].lower !== 'of') break;
  }
  // the head is the last word; a known group alone ("the FMLN") is a phrase too
  return phraseEndingAt(w, a, h, h + 1);
}

/**
 * The perpetrator phrase starting at word `i` (after "by", "on", "to"), else null. With
 * `anyNoun` (after "blamed on", "attributed to": the construction says who did it) a phrase
 * with any noun for its head is taken ("blamed the government").
 */
function phraseAfter(w: Word[], i: number, end: number, anyNoun = false): Phrase | null {
  let a = i;
  while (a < end && (DETERMINERS.has(w[a].lower) || /^["“'‘]$/.test(w[a].text))) a++;
  // the run of words of the phrase: nouns, adjectives, modifiers ("armed", which wink may tag
  // as a verb) and whole group names ("SHINING PATH", whose first word wink may tag as a verb)
  let e = a;
  while (e < end && e - a < 7) {
    const g = matchAt(w, e, end, GROUP_INDEX);
    if (g) e += g.words.length;
    else if (PERPETRATOR_MODIFIERS.has(w[e].lower) || !FUNCTION_POS.has(w[e].pos)) e++;
    else break;
  }
  if (e === a) return null;
  // the head: the last head noun of the run ("heavily armed men wearing ..."), else a group
  for (let h = e - 1; h >= a; h--) {
    // "by terrorist actions": an adjective there, not the head
    if (ADJECTIVAL_HEADS.has(w[h].lower) && h + 1 < e) continue;
    if (PERPETRATOR_HEADS.has(w[h].lower)) return phraseEndingAt(w, a, h, end);
  }
  const group = groupIn(w, a, e);
  if (group) return { a, b: e, head: w[e - 1].lower, group, strong: true };
  return anyNoun && (w[e - 1].pos === 'NOUN' || w[e - 1].pos === 'PROPN') ? { a, b: e, head: w[e - 1].lower, group: null } : null;
}

/** Can word x start the object of an active verb ("killed two soldiers", "shot him", "shot dead")? */
function startsObject(x: Word): boolean {
  if (NOT_AN_OBJECT.has(x.lower) || TIME_WORDS.has(x.lower)) return false;
  return x.pos === 'DET' || x.pos === 'NUM' || x.pos === 'PRON' || x.pos === 'NOUN' || x.pos === 'PROPN' || x.pos === 'ADJ'
    || x.lower === 'dead' || x.lower === 'up' || x.lower === 'out' || x.lower === 'fire';
}

/** Does "for" / "of" (`then`) at word k introduce a violent act ("for the attack", "of killing")? */
function accusedOfViolence(w: Word[], k: number, end: number, then: string): boolean {
  if (k >= end || w[k].lower !== then) return false;
  if (then === 'responsible') return true;
  for (let j = k + 1; j < end && j <= k + 4; j++) {
    if (ACT_NOUNS.has(w[j].lower) || verbBase(w[j])) return true;
    if (!DETERMINERS.has(w[j].lower) && w[j].pos !== 'ADJ' && w[j].pos !== 'NUM' && !/^(?:his|her|their|its|this|that)$/.test(w[j].lower)) return false;
  }
  return false;
}

/**
 * Where the subject of the verb at word i ends: before its auxiliaries and adverbs ("have
 * reportedly killed"); -1 for a passive ("were killed") or an infinitive ("the first to fire").
 */
function subjectEnd(w: Word[], i: number, start: number): number {
  let j = i;
  while (j - 1 >= start && (w[j - 1].pos === 'AUX' || w[j - 1].pos === 'ADV' || w[j - 1].pos === 'PART')) {
    if (/^(?:was|were|is|are|been|being|be|get|got|to)$/.test(w[j - 1].lower)) return -1;
    j--;
  }
  return j;
}

/** How many words may stand between a verb and its "by" phrase. */
const AGENT_GAP = 14;

/**
 * The index of the "by" that introduces the agent of a passive verb ending before `i`: in the
 * same clause, past adverbs and place or time phrases ("kidnapped on 5 January on the outskirts
 * of Achi, by a group of armed men"), not past another verb or conjunction. -1 when none.
 */
function agentBy(w: Word[], i: number, end: number): number {
  for (let k = i; k < end && k - i <= AGENT_GAP; k++) {
    const x = w[k];
    if (x.lower === 'by') return k;
    if (x.pos === 'VERB' || x.pos === 'AUX' || x.pos === 'SCONJ' || x.pos === 'CCONJ' || x.pos === 'PRON') return -1;
    if (x.pos === 'PUNCT' && x.text !== ',') return -1;
  }
  return -1;
}

/**
 * Is word i (a group's last word) followed by a verb of saying ("the FMLN said", "the army
 * denied"): the group speaks there. Not for a claim ("the FMLN claimed responsibility").
 */
export function speaks(w: Word[], i: number, end: number): boolean {
  for (let k = i + 1; k < Math.min(end, i + 3); k++) {
    if (matchAt(w, k, end, AFTER_INDEX)) return false;
    if (SPEAKER_VERBS.has(w[k].lower)) return true;
    if (w[k].pos !== 'ADV' && w[k].pos !== 'AUX' && w[k].text !== ']' && w[k].text !== ')' && w[k].pos !== 'PROPN') return false;
  }
  return false;
}

/**
 * Perpetrator phrases in the sentences `ranges` ([first, end) word indexes), in reading order,
 * each once. `text` is the report text the words index into.
 */
export function findPerpetratorPhrases(text: string, w: Word[], ranges: Array<[number, number]>): Perpetrator[] {
  const found: Phrase[] = [];
  const add = (p: Phrase | null) => { if (p && !found.some(f => f.a < p.b && p.a < f.b)) found.push(p); };
  for (const [s, e] of ranges) {
    for (let i = s; i < e; i++) {
      const x = w[i];
      // "X claimed responsibility", "X were blamed"
      if (matchAt(w, i, e, AFTER_INDEX)) add(phraseBefore(w, i, s));
      // "blamed on X", "attributed to X", "carried out by X"
      const before = matchAt(w, i, e, BEFORE_INDEX);
      if (before) { add(phraseAfter(w, i + before.words.length, e, true)); continue; }
      // "blamed X for the attack", "accused X of killing"
      const acc = matchAt(w, i, e, ACCUSATION_INDEX);
      if (acc) {
        const p = phraseAfter(w, i + acc.words.length, e, true);
        // "blamed the government and the armed forces for ...": both
        const q = p && p.b + 1 < e && (w[p.b].lower === 'and' || w[p.b].lower === 'or') ? phraseAfter(w, p.b + 1, e, true) : null;
        if (p && accusedOfViolence(w, (q ?? p).b, e, acc.value)) { add(p); add(q); }
        continue;
      }
      // the agent of a passive verb or of an act: "was kidnapped (on 5 January, apparently) by X",
      // "the bomb was left by X", "the attack staged tonight by X"
      const by = x.pos !== 'ADP' && x.pos !== 'PUNCT' ? agentBy(w, i + 1, e) : -1;
      if (by >= 0) {
        const p = phraseAfter(w, by + 1, e);
        if (p && (p.strong || verbBase(x))) add(p);
        i = by;
        continue;
      }
      if (!verbBase(x)) {
        // an attacker noun as the subject of any verb ("the terrorists used explosives")
        if (x.pos === 'VERB' && i > s && !SPEAKER_VERBS.has(x.lower)) {
          const j = subjectEnd(w, i, s);
          const head = j > s ? w[j - 1].lower : '';
          const p = PERPETRATOR_HEADS.get(head) === true ? phraseBefore(w, j, s) : null;
          // in the subject's place: not right after a verb ("is gang related")
          if (p && (p.a === s || !/^(?:AUX|VERB)$/.test(w[p.a - 1].pos) || DETERMINERS.has(w[p.a - 1].lower))) add(p);
        }
        continue;
      }
      // the active needs a verb ("ATTACKED", "shot"), not the noun ("a terrorist attack"); in
      // capitals wink may tag a past form as a name
      if (x.pos !== 'VERB' && !/ed$/.test(x.lower) && !IRREGULAR_VERB_FORMS[x.lower]) continue;
      // the active: "X (have) killed <object>"; not "two soldiers killed in an ambush", not "were
      // killed", not "six people injured Wednesday", not "four people wounded were ..."
      const next = w[i + 1];
      if (!next || i + 1 >= e || !startsObject(next)) continue;
      const j = subjectEnd(w, i, s);
      if (j >= 0) add(phraseBefore(w, j, s));
    }
  }
  found.sort((p, q) => p.a - q.a);
  const out: Perpetrator[] = [];
  for (const p of found) {
    const phrase = text.slice(w[p.a].start, w[p.b - 1].end);
    if (out.some(o => o.text.toLowerCase() === phrase.toLowerCase())) continue;
    out.push({ name: null, group: p.group, text: phrase });
  }
  return out;
}
