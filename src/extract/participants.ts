/**
 * Victims and perpetrators of one incident, from the words of its sentences:
 * names introduced as "identified as X" / "named X" next to a victim or attacker noun,
 * "Name, 23," appositions, armed groups named in the incident, and the people phrases
 * of casualty statements ("his own mother", "a 17-year-old boy").
 */
import type { Perpetrator, Victim } from '../model/index.js';
import type { Word } from '../nlp/words.js';
import { matchAt, phraseIndex } from '../nlp/phrases.js';
import { ATTACKER_NOUNS, GENDERED_NOUNS, NAME_INTRODUCERS } from './lexicon/actors.js';
import { PERSON_NOUNS } from './lexicon/casualties.js';
import type { CasualtyStatement } from './casualties.js';
import { findPerpetratorPhrases, GROUP_INDEX, speaks } from './perpetrators.js';

const INTRO_INDEX = phraseIndex(NAME_INTRODUCERS.map(words => ({ words, value: true })));

const NAME_PARTICLES = new Set(['al', 'al-', 'el', 'bin', 'ibn', 'abu', 'de', 'del', 'la', 'van', 'von', 'da', 'jr.', 'sr.']);

function isCap(x: Word): boolean { return (/^\p{Lu}/u.test(x.text) || /^(al|el|ad|as|ash|at|az|ar|an|bin|ibn|abu|ben)-\p{Lu}/u.test(x.text)) && x.pos !== 'PUNCT'; }

/** A capitalised name starting at i (allowing lower-case particles inside): returns end index. */
function nameEnd(w: Word[], i: number, end: number): number {
  let k = i;
  while (k < end && (isCap(w[k]) || (k > i && NAME_PARTICLES.has(w[k].lower) && k + 1 < end && isCap(w[k + 1])))) k++;
  return k;
}

/** The last word of a people phrase, lower case ("A 28-year-old man" → "man"). */
function headOf(description: string): string {
  const words = description.toLowerCase().split(/[\s,]+/);
  return words[words.length - 1];
}

/**
 * An age told right after a name: "Youssef, 52," / "Youssef, was 52 years old" / "Youssef, aged 52".
 */
function ageAfter(w: Word[], k: number, end: number): number | null {
  const num = (x: Word | undefined) => (x && /^\d{1,3}$/.test(x.text) && Number(x.text) <= 120 ? Number(x.text) : null);
  if (k >= end) return null;
  if (w[k].text === ',' && num(w[k + 1]) !== null && (w[k + 2]?.text === ',' || k + 2 >= end)) return num(w[k + 1]);
  const j = w[k].text === ',' ? k + 1 : k;
  if (j + 1 < end && w[j].lower === 'aged') return num(w[j + 1]);
  if (j + 3 < end + 1 && /^(?:was|is)$/.test(w[j]?.lower ?? '') && w[j + 2]?.lower.startsWith('year') && w[j + 3]?.lower === 'old') return num(w[j + 1]);
  return null;
}

/**
 * `triggerWords` are the word indexes of the incident's triggers: an armed group counts as a
 * perpetrator only where it is named before a trigger of its sentence ("ISIS executed ...",
 * "an ISIS fighter ... shot"), not as the target ("an airstrike on ISIS positions").
 */
export function findParticipants(text: string, w: Word[], ranges: Array<[number, number]>, statements: CasualtyStatement[], triggerWords: number[] = []):
  { victims: Victim[]; perpetrators: Perpetrator[] } {
  const victims: Victim[] = [];
  const perpetrators: Perpetrator[] = [];
  const groups = new Map<string, string>();
  for (const [a, b] of ranges) {
    for (let i = a; i < b; i++) {
      const g = matchAt(w, i, b, GROUP_INDEX);
      // (not where the group speaks: "the FMLN said soldiers killed ...")
      if (g && triggerWords.some(t => t >= i + g.words.length && t < b) && !speaks(w, i + g.words.length - 1, b)) groups.set(g.value, text.slice(w[i].start, w[i + g.words.length - 1].end));
      // "identified as X", "named X"
      const introMatch = matchAt(w, i, b, INTRO_INDEX);
      if (introMatch) {
        const intro = introMatch.words;
        const ns = i + intro.length;
        const ne = nameEnd(w, ns, b);
        if (ne === ns) continue;
        const name = text.slice(w[ns].start, w[ne - 1].end);
        // the noun the name belongs to: look back a few words
        let role: 'victim' | 'perp' | null = null, noun: string | null = null, group: string | null = null;
        for (let k = i - 1; k >= Math.max(a, i - 6); k--) {
          const x = w[k].lower;
          if (ATTACKER_NOUNS.has(x)) { role = 'perp'; noun = x; break; }
          if (PERSON_NOUNS.has(x)) { role = 'victim'; noun = x; break; }
          // the name belongs to a thing ("a network known as ..."), not a person
          if (w[k].pos === 'NOUN' && x !== 'only') break;
        }
        if (role === 'perp') {
          for (let k = i - 1; k >= Math.max(a, i - 8); k--) {
            const g = matchAt(w, k, b, GROUP_INDEX);
            if (g) { group = g.value; break; }
          }
          perpetrators.push({ name, group, text: text.slice(w[Math.max(a, i - 3)].start, w[ne - 1].end) });
        } else if (role === 'victim') {
          victims.push({ name, age: ageAfter(w, ne, b), gender: noun ? GENDERED_NOUNS[noun] ?? null : null, description: noun, text: text.slice(w[Math.max(a, i - 3)].start, w[ne - 1].end) });
        }
        i = ne - 1;
      }
    }
  }
  // unnamed victims from casualty statements about one person (killed, hurt, or hit with no
  // outcome told: "a 17-year-old boy was shot in the leg"), each people phrase once
  const named = victims.length;
  const total = Math.max(...statements.filter(st => !st.perpetrator && st.status !== 'hit').map(st => st.count.best), 0);
  // how many people the statements leave room for: the most killed and the most hurt
  const most = (status: string) => Math.max(0, ...statements.filter(st => !st.perpetrator && st.status === status).map(st => st.count.best));
  const room = Math.max(most('killed') + most('injured'), most('hit'));
  const read = new Set<number>();
  for (const st of statements) {
    if (st.perpetrator || !st.people || st.count.best !== 1 || read.has(st.people.start)) continue;
    read.add(st.people.start);
    const description = st.people.text;
    // a person named as the subject ("Al-Adnani was injured")
    if (!/\p{Ll}/u.test(description.replace(/^(al|el|ad|as|ar|an|bin|ibn|abu)-/i, '').replace(/\b(al|el|bin|ibn|abu|de|la|van|von)\b/gi, ''))) {
      if (!victims.some(v => v.name && (v.name.includes(description) || description.includes(v.name)))) {
        victims.push({ name: description, age: null, gender: null, description: null, text: st.span.text });
      }
      continue;
    }
    const head = headOf(description);
    if (['victim', 'dead', 'wounded', 'injured', 'one', 'person', 'body'].includes(head)) continue;
    const ageM = /(\d{1,3})-year-old/.exec(description);
    const age = ageM ? Number(ageM[1]) : null;
    const gender = GENDERED_NOUNS[head] ?? null;
    // a person already named in the incident, when the counts leave room for no one else
    const same = named > 0 && total <= named
      ? victims.find(v => v.name && (v.gender === null || gender === null || v.gender === gender))
      : undefined;
    if (same) {
      if (!same.description || same.description === 'man' || same.description === 'woman') same.description = description;
      same.gender ??= gender;
      same.age ??= age;
      continue;
    }
    if (victims.some(v => v.description === description)) continue;
    // the same one person told twice ("Man killed in stabbing" ... "A 28-year-old man was
    // stabbed to death"): one victim, with what the fuller phrase says
    const again = room <= 1 && !st.additive
      ? victims.find(v => !v.name && v.description && headOf(v.description) === head && (v.age === null || age === null || v.age === age))
      : undefined;
    if (again) {
      if (age !== null && again.age === null) Object.assign(again, { age, description, text: st.span.text });
      continue;
    }
    victims.push({ name: null, age, gender, description, text: st.span.text });
  }
  // the attackers described ("urban terrorists", "armed men") and the groups named as
  // perpetrators, after any attacker named by name
  const byName = perpetrators.length;
  for (const p of findPerpetratorPhrases(text, w, ranges)) {
    if (!perpetrators.some(q => q.text.includes(p.text) || p.text.includes(q.text) || (p.group && q.group === p.group && !q.name))) perpetrators.push(p);
  }
  // armed groups named before a trigger are the perpetrators when no attacker is named; a named
  // attacker takes the group when the incident names only one
  if (perpetrators.length === 0 && groups.size) {
    for (const [name, t] of groups) perpetrators.push({ name: null, group: name, text: t });
  } else {
    for (const p of perpetrators.slice(0, byName)) if (!p.group && groups.size === 1) p.group = [...groups.keys()][0];
  }
  return { victims, perpetrators };
}
