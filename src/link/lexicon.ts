/**
 * Word lists of the linking step (data, not logic).
 */
import type { IncidentType } from '../model/index.js';

/**
 * Capitalised words that do not make a source name proper on their own: "Police said",
 * "Officials", "Witnesses". A name made only of these is a description, which is never joined
 * across reports by name alone (two reports' "Police" are two forces).
 */
export const GENERIC_NAME_WORDS = new Set([
  'police', 'officials', 'official', 'authorities', 'witnesses', 'witness', 'residents', 'resident',
  'sources', 'source', 'activists', 'activist', 'officers', 'officer', 'investigators', 'deputies',
  'sheriff', 'the', 'a', 'an', 'local', 'state', 'media', 'reports', 'report', 'family', 'friends',
  'neighbors', 'neighbours', 'relatives', 'doctors', 'hospital', 'spokesman', 'spokeswoman',
  'spokesperson', 'prosecutors', 'detectives', 'detective', 'chief', 'mayor', 'governor', 'army',
  'military', 'government', 'ministry', 'department', 'office', 'group', 'monitor', 'observatory',
  'he', 'she', 'they', 'it', 'we', 'i',
]);

/**
 * Incident type families: two mentions whose types share a family can tell the same event
 * (a report of a "shooting" and one of a "killing" are often the same gunfire).
 */
export const TYPE_FAMILIES: Record<IncidentType, readonly string[]> = {
  killing: ['lethal', 'gun', 'attack'],
  execution: ['lethal', 'gun'],
  shooting: ['gun', 'lethal', 'attack'],
  bombing: ['explosive', 'attack', 'lethal'],
  airstrike: ['explosive', 'military', 'lethal'],
  shelling: ['explosive', 'military', 'lethal'],
  armed_clash: ['military', 'gun', 'lethal'],
  abduction: ['detention'],
  arrest: ['detention'],
  assault: ['attack', 'lethal'],
  arson: ['attack'],
  other_violence: ['attack', 'lethal', 'gun', 'explosive', 'military', 'detention'],
};
