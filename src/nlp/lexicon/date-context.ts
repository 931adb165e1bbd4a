/**
 * Words next to a date that say what the date is of (src/extract/incident-date.ts). A news
 * report dates many things besides the incident: when police spoke, when a suspect was arrested
 * or charged, when a court sat, when a victim died in hospital. The incident's own date is the
 * one told with the violence ("was shot Saturday", "the Sept. 28 shooting", "it happened about
 * 10 p.m. Friday"). Words are matched in lower case, inflected forms listed.
 */

/**
 * Telling, and what follows an incident: the investigation, arrests, courts, funerals. A date
 * governed by one of these is when that happened, not when the incident did.
 */
export const REPORT_WORDS = new Set([
  // telling
  'said', 'says', 'say', 'told', 'tells', 'reported', 'reports', 'announced', 'announces', 'confirmed', 'confirms', 'stated',
  'added', 'explained', 'noted', 'revealed', 'disclosed', 'denied', 'denies', 'claimed', 'claims', 'posted', 'tweeted',
  'wrote', 'learned', 'interview', 'interviewed', 'statement', 'conference', 'briefing', 'release', 'update', 'updated',
  'indicated', 'asserted', 'declared', 'warned', 'protested', 'condemned', 'condemns', 'denounced', 'denounces', 'deplored',
  'rejected', 'accused', 'accuses', 'blamed', 'blames', 'demanded', 'criticized', 'expressed',
  // naming and the investigation
  'identified', 'identifies', 'named', 'names', 'released', 'releases', 'continued', 'continues', 'ruled', 'determined',
  'investigated', 'searched', 'searching', 'interviewing', 'canvassing', 'asked', 'asking', 'urged', 'appealed', 'offered',
  // care after the incident
  'treated', 'hospitalized', 'recovering', 'listed', 'remained', 'remains',
  // arrests and courts
  'arrested', 'arrest', 'arrests', 'detained', 'apprehended', 'captured', 'caught', 'surrendered', 'turned', 'booked', 'jailed',
  'charged', 'charges', 'charge', 'indicted', 'arraigned', 'arraignment', 'appeared', 'appears', 'appear', 'pleaded', 'pleads',
  'plea', 'sentenced', 'convicted', 'acquitted', 'testified', 'filed', 'issued', 'extradited', 'hearing', 'trial', 'court',
  'judge', 'jury', 'verdict', 'bond', 'bail',
  // after the incident
  'funeral', 'vigil', 'memorial', 'rally', 'held', 'buried', 'mourned', 'gathered', 'discharged', 'visited',
  'scheduled', 'set', 'will',
]);

/**
 * Words of telling among REPORT_WORDS. "The sheriff's office says around 2 p.m. on Sunday,
 * deputies were dispatched": a date after one of these that opens the clause told (a comma,
 * then the violence) is that clause's date, not the telling's.
 */
export const SPEECH_WORDS = new Set(['said', 'says', 'say', 'told', 'tells', 'reported', 'reports', 'announced', 'confirmed', 'stated', 'added']);

/**
 * A death told apart from the attack ("was shot Saturday and died Sunday"): when the victim
 * died, which may be days after the incident.
 */
export const DEATH_WORDS = new Set(['died', 'dies', 'succumbed', 'pronounced', 'passed']);

/**
 * Words of the incident happening (beside the incident triggers themselves): "it happened
 * Sunday", "officers responded at 10 p.m. Friday", "the body was found Monday".
 */
export const EVENT_WORDS = new Set([
  'happened', 'happens', 'occurred', 'occurs', 'took', 'erupted', 'started', 'began', 'broke', 'unfolded',
  'responded', 'dispatched', 'summoned', 'found', 'discovered', 'struck', 'hit', 'fired', 'opened',
  'wounded', 'injured', 'hurt', 'robbed', 'confronted', 'argued', 'fight', 'argument', 'incident', 'incidents', 'attack', 'attacks',
  'attacked', 'gunfire', 'shots', 'explosion', 'explosions', 'blast', 'murder-suicide', 'dead', 'slain',
]);

/**
 * After these, "reported" and "called" tell when police learned of the incident, i.e. when it
 * happened ("the shooting was reported at 10:30 p.m. Saturday", "officers were called to the
 * home Sunday"); active, they are someone speaking ("police reported Tuesday", "called for").
 */
export const PASSIVE_AUX = new Set(['was', 'were', 'been', 'being']);
export const PASSIVE_EVENT_WORDS = new Set(['reported', 'called']);
/** ... and a call to these is the incident being reported as it happens ("a resident called 911 Thursday"). */
export const CALLED_TO = new Set(['911', 'police', 'authorities', 'deputies', 'officers', 'dispatchers']);

/** Words that end the clause a date belongs to when looking back from it. */
export const CLAUSE_BREAKS = new Set([
  ',', ';', ':', '(', ')', '[', ']', '—', '–', '"', '“', '”', 'that', 'when', 'where', 'while', 'who', 'whom', 'whose', 'which',
  'and', 'but', 'because', 'since', 'until',
]);

/** Function words that may stand between a procedural verb and its object ("charged with murder", "arrested in the shooting"). */
export const OBJECT_LINKS = new Set(['with', 'in', 'for', 'of', 'the', 'a', 'an', 'his', 'her', 'their', 'connection', 'over']);
