/**
 * Hedges: words and phrases by which a text marks a statement as uncertain, second-hand or
 * unverified. Each entry is a regular-expression fragment matched case-insensitively at word
 * boundaries over the report text (`\s+` between words). Longer phrases first where they overlap.
 */
export const HEDGE_PATTERNS: ReadonlyArray<{ pattern: string; note: string }> = [
  // adverbs of hearsay
  { pattern: 'reportedly', note: 'hearsay: said by others' },
  { pattern: 'allegedly', note: 'hearsay, accusation not proven' },
  { pattern: 'purportedly', note: 'hearsay' },
  { pattern: 'supposedly', note: 'hearsay' },
  { pattern: 'ostensibly', note: 'appearance only' },
  { pattern: 'apparently', note: 'inference from appearance' },
  { pattern: 'seemingly', note: 'inference from appearance' },
  { pattern: 'presumably', note: 'inference' },
  { pattern: 'possibly', note: 'possibility' },
  { pattern: 'perhaps', note: 'possibility' },
  { pattern: 'probably', note: 'probability' },
  // unknowns and unverified
  { pattern: 'it\\s+(?:remains|remained|is|was|is\\s+still|was\\s+still|is\\s+not|was\\s+not|isn[\'’]t|wasn[\'’]t)\\s+(?:unclear|not\\s+clear|clear)', note: 'open question' },
  { pattern: '(?:remains?|remained|is|are|was|were)\\s+(?:still\\s+)?(?:unknown|unclear|not\\s+known|unconfirmed|unverified)', note: 'open question' },
  { pattern: 'it\\s+(?:is|was)\\s+not\\s+(?:immediately\\s+)?(?:known|clear)', note: 'open question' },
  { pattern: 'unconfirmed', note: 'not verified' },
  { pattern: 'unverified', note: 'not verified' },
  { pattern: 'could\\s+not\\s+(?:be\\s+)?(?:independently\\s+)?(?:verify|verified|confirm|confirmed)', note: 'not verified' },
  { pattern: 'cannot\\s+(?:be\\s+)?(?:independently\\s+)?(?:verify|verified|confirm|confirmed)', note: 'not verified' },
  { pattern: 'not\\s+(?:been\\s+)?(?:independently\\s+)?(?:verified|confirmed)', note: 'not verified' },
  // belief attributed to nobody in particular
  { pattern: '(?:is|are|was|were)\\s+(?:widely\\s+|generally\\s+)?(?:believed|thought|said|understood|rumou?red|suspected|alleged|assumed|presumed)\\s+to', note: 'impersonal hearsay' },
  { pattern: 'widely\\s+(?:thought|believed|considered|regarded|seen|reported|assumed)', note: 'impersonal hearsay' },
  { pattern: 'it\\s+is\\s+(?:believed|thought|said|understood|rumou?red|alleged|claimed)', note: 'impersonal hearsay' },
  { pattern: '(?:they|people|some|others|many)\\s+say', note: 'vague attribution' },
  { pattern: 'rumou?rs?', note: 'hearsay' },
  { pattern: 'rumou?red', note: 'hearsay' },
  { pattern: 'alleged', note: 'accusation not proven' },
  { pattern: 'suspected', note: 'not established' },
  // appearance and possibility
  { pattern: '(?:seems?|seemed|appears?|appeared)\\s+to', note: 'appearance' },
  { pattern: '(?:may|might|could)\\s+have', note: 'possibility' },
  { pattern: '(?:is|are|was|were)\\s+likely\\s+to', note: 'probability' },
  { pattern: 'unclear\\s+(?:whether|if|why|how|who|what|when)', note: 'open question' },
];

/** One case-insensitive regular expression for all hedges (compiled once per process). */
export const HEDGE_REGEX = new RegExp(
  '\\b(?:' + [...HEDGE_PATTERNS].sort((a, b) => b.pattern.length - a.pattern.length).map(h => h.pattern).join('|') + ')\\b',
  'gi',
);
