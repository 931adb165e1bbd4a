/**
 * Descriptions of sources: the words by which a report names a source it has already named, or
 * describes one it does not name ("the UK-based monitor", "the rights group", "the agency").
 * General vocabulary of wire and monitor reports; matched on lower-case words.
 */
import type { SourceKind } from '../../model/index.js';

/**
 * Head nouns of definite descriptions ("the group", "the UK-based monitor", "the state news
 * agency") and the kinds of earlier source they can refer back to, most likely first.
 */
export const BACK_REFERENCES: ReadonlyMap<string, readonly SourceKind[]> = new Map<string, readonly SourceKind[]>([
  // bodies and monitors
  ['group', ['organisation', 'armed_group']], ['organization', ['organisation', 'armed_group']],
  ['organisation', ['organisation', 'armed_group']], ['monitor', ['organisation']], ['observatory', ['organisation']],
  ['watchdog', ['organisation', 'government']], ['charity', ['organisation']], ['ngo', ['organisation']],
  ['network', ['media', 'organisation']], ['committee', ['organisation', 'government']],
  ['coalition', ['government', 'armed_group', 'organisation']], ['council', ['organisation', 'government']],
  ['centre', ['organisation']], ['center', ['organisation']], ['campaign', ['organisation']],
  ['movement', ['organisation', 'armed_group']], ['alliance', ['organisation', 'armed_group', 'government']],
  // outlets ("the agency" is a news agency first, a state agency after)
  ['agency', ['media', 'government', 'organisation']], ['outlet', ['media']], ['newspaper', ['media']],
  ['paper', ['media']], ['daily', ['media']], ['publication', ['media', 'organisation']], ['website', ['media']],
  ['channel', ['media']], ['broadcaster', ['media']], ['station', ['media']], ['newswire', ['media']],
  // state bodies and officials
  ['ministry', ['government']], ['department', ['government']], ['office', ['government']],
  ['army', ['government']], ['military', ['government']], ['government', ['government']],
  ['official', ['government', 'person']], ['spokesman', ['government', 'person']],
  ['spokeswoman', ['government', 'person']], ['spokesperson', ['government', 'person']],
  // armed groups
  ['militants', ['armed_group']], ['rebels', ['armed_group']], ['militia', ['armed_group']],
  ['insurgents', ['armed_group']], ['faction', ['armed_group']],
  // anonymous groups and the bodies they form ("local activists (RBSS) ... the activists said")
  ['activists', ['anonymous', 'organisation']],
]);

/**
 * Second parts of compounds that describe a source rather than name it ("UK-based",
 * "Iran-backed", "state-run", "Kurdish-led"): never part of the name ("the London-based
 * Syrian Observatory for Human Rights" is the Syrian Observatory for Human Rights).
 */
export const DESCRIPTIVE_COMPOUND_SUFFIXES: ReadonlyArray<string> = [
  'based', 'backed', 'run', 'led', 'owned', 'funded', 'affiliated', 'linked', 'allied', 'aligned',
  'controlled', 'operated', 'sponsored', 'financed', 'supported', 'leaning', 'friendly', 'born',
];
