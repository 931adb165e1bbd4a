/**
 * Attribution cues: the words that introduce who said, reported or believes what.
 *
 * Matched on wink lemmas (lower case). Each entry is general English reporting vocabulary,
 * not tuned to any one text. `kind` says what the cue attributes:
 *  - speech: an utterance (said, told, added, tweeted ...)
 *  - report: a published or documented account (reported, documented, published ...)
 *  - belief: a mental state (believes, thinks, fears ...); PolNeAR annotates these too
 *  - evidence: a non-human source shows something (a poll shows, the report found ...)
 *  - stance: a public position on something (criticized, defended, endorsed, called for ...)
 */
export type CueKind = 'speech' | 'report' | 'belief' | 'evidence' | 'stance';

export const CUE_VERBS: ReadonlyMap<string, CueKind> = new Map<string, CueKind>([
  // plain speech
  ['say', 'speech'], ['tell', 'speech'], ['add', 'speech'], ['state', 'speech'],
  ['announce', 'speech'], ['declare', 'speech'], ['explain', 'speech'], ['note', 'speech'],
  ['argue', 'speech'], ['insist', 'speech'], ['suggest', 'speech'], ['warn', 'speech'],
  ['deny', 'speech'], ['acknowledge', 'speech'], ['admit', 'speech'], ['concede', 'speech'],
  ['claim', 'speech'], ['confirm', 'speech'], ['assert', 'speech'], ['contend', 'speech'],
  ['allege', 'speech'], ['maintain', 'speech'], ['stress', 'speech'], ['emphasize', 'speech'],
  ['emphasise', 'speech'], ['recall', 'speech'], ['remark', 'speech'], ['reply', 'speech'],
  ['respond', 'speech'], ['answer', 'speech'], ['complain', 'speech'], ['predict', 'speech'],
  ['promise', 'speech'], ['vow', 'speech'], ['pledge', 'speech'], ['threaten', 'speech'],
  ['testify', 'speech'], ['mention', 'speech'], ['observe', 'speech'], ['comment', 'speech'],
  ['tweet', 'speech'], ['write', 'speech'], ['post', 'speech'], ['quip', 'speech'],
  ['joke', 'speech'], ['boast', 'speech'], ['brag', 'speech'], ['scoff', 'speech'],
  ['exclaim', 'speech'], ['shout', 'speech'], ['yell', 'speech'], ['whisper', 'speech'],
  ['ask', 'speech'], ['urge', 'speech'], ['caution', 'speech'], ['counter', 'speech'],
  ['retort', 'speech'], ['reiterate', 'speech'], ['concur', 'speech'], ['agree', 'speech'],
  ['disclose', 'speech'], ['reveal', 'speech'], ['accuse', 'speech'], ['charge', 'speech'],
  ['quote', 'speech'], ['cite', 'speech'], ['estimate', 'speech'], ['indicate', 'speech'],
  ['conclude', 'speech'], ['continue', 'speech'], ['describe', 'speech'], ['inform', 'speech'],
  ['signal', 'speech'], ['call', 'speech'], ['hint', 'speech'], ['speculate', 'speech'],
  // published or documented accounts
  ['report', 'report'], ['document', 'report'], ['publish', 'report'], ['record', 'report'],
  ['broadcast', 'report'], ['air', 'report'], ['verify', 'report'],
  // mental states
  ['believe', 'belief'], ['think', 'belief'], ['fear', 'belief'], ['hope', 'belief'],
  ['expect', 'belief'], ['doubt', 'belief'], ['feel', 'belief'], ['worry', 'belief'],
  ['suspect', 'belief'], ['know', 'belief'], ['learn', 'belief'], ['hear', 'belief'],
  ['recognize', 'belief'], ['realize', 'belief'], ['understand', 'belief'],
  // public positions (PolNeAR annotates them as attributions of a stance)
  ['criticize', 'stance'], ['criticise', 'stance'], ['defend', 'stance'], ['endorse', 'stance'],
  ['praise', 'stance'], ['condemn', 'stance'], ['denounce', 'stance'], ['blame', 'stance'],
  ['applaud', 'stance'], ['welcome', 'stance'], ['slam', 'stance'], ['mock', 'stance'],
  ['dismiss', 'stance'], ['reject', 'stance'], ['question', 'stance'], ['decry', 'stance'],
  ['propose', 'stance'], ['recommend', 'stance'], ['demand', 'stance'], ['want', 'belief'],
  // non-human sources
  ['show', 'evidence'], ['find', 'evidence'], ['suggest', 'evidence'],
]);

/** Verbs that are cues only when a that-clause, a quote or a colon follows (too ambiguous otherwise). */
export const CUE_NEEDS_COMPLEMENT: ReadonlySet<string> = new Set([
  'add', 'continue', 'know', 'learn', 'hear', 'find', 'show', 'feel', 'understand', 'recognize',
  'realize', 'air', 'record', 'post', 'answer', 'counter', 'charge', 'maintain', 'signal',
  'agree', 'expect', 'hope', 'describe', 'accuse', 'cite', 'quote', 'verify', 'publish',
  'broadcast', 'document', 'estimate', 'observe', 'recall', 'indicate', 'conclude', 'mention',
  'comment', 'ask', 'urge', 'worry', 'fear', 'doubt', 'suspect', 'promise', 'threaten',
  'predict', 'complain', 'respond', 'reply', 'stress', 'emphasize', 'emphasise', 'reveal',
  'disclose', 'vow', 'pledge', 'inform', 'call', 'report',
]);

/** Words that may stand between the subject and the cue verb and belong to the cue ("has also said"). */
export const CUE_PREFIX_WORDS: ReadonlySet<string> = new Set([
  'has', 'have', 'had', "'s", 'also', 'later', 'repeatedly', 'previously', 'earlier', 'since',
  'first', 'once', 'again', 'recently', 'often', 'frequently', 'publicly', 'privately', 'initially',
  'originally', 'subsequently', 'reportedly', 'allegedly', 'further', 'then', 'still', 'already',
  'has', 'would', 'will', 'did', 'does', 'do', 'could', 'might', 'may', 'can', 'should', 'not',
  "n't", 'never', 'always', 'long', 'ago', 'repeatedly',
]);

/** Multi-word cue tails kept inside the cue span ("said in a statement", "quoted as follows"). */
export const CUE_TAILS: ReadonlyArray<readonly string[]> = [
  ['in', 'a', 'statement'],
  ['in', 'a', 'press', 'release'],
  ['as', 'follows'],
];

/**
 * Particles that join a cue verb, the content following them: "called for a ceasefire",
 * "called on the army to withdraw", "pointed to the shelling", "spoke of a massacre". A verb
 * listed here needs no that-clause or quote when its particle follows.
 */
export const CUE_PARTICLES: ReadonlyMap<string, ReadonlyArray<readonly string[]>> = new Map<string, ReadonlyArray<readonly string[]>>([
  ['call', [['for'], ['on']]], ['point', [['to'], ['out']]], ['refer', [['to']]], ['talk', [['about'], ['of']]],
  ['speak', [['out', 'against'], ['out', 'about'], ['about'], ['of'], ['out']]], ['ask', [['about'], ['for']]],
  ['warn', [['of'], ['about'], ['against']]], ['complain', [['about'], ['of']]], ['argue', [['for'], ['against']]],
  ['rail', [['against']]], ['push', [['for']]], ['advocate', [['for']]], ['lash', [['out', 'at'], ['out', 'against']]],
  ['hit', [['out', 'at']]], ['worry', [['about']]], ['wonder', [['about']]], ['brag', [['about']]], ['boast', [['about'], ['of']]],
  ['joke', [['about']]], ['insist', [['on']]], ['comment', [['on']]], ['testify', [['about'], ['on']]],
  // not "responded to": police respond to a call
  ['agree', [['with'], ['to']]], ['reply', [['to']]], ['plead', [['for']]], ['appeal', [['for'], ['to']]],
  ['vow', [['to']]], ['pledge', [['to']]], ['promise', [['to']]],
]);

/** Verbs that attribute only with their particle ("referred to", "spoke of", "railed against", "refused to"). */
export const PARTICLE_CUE_VERBS: ReadonlyMap<string, CueKind> = new Map<string, CueKind>([
  ['refer', 'speech'], ['talk', 'speech'], ['speak', 'speech'], ['rail', 'stance'], ['push', 'stance'],
  ['advocate', 'stance'], ['lash', 'stance'], ['hit', 'stance'], ['plead', 'speech'], ['appeal', 'speech'],
  ['point', 'speech'],
]);

/**
 * Verbs whose object and its complement are the content: "called the strike a massacre",
 * "described the attack as deliberate", "accused the army of shelling the market", "blamed
 * the rebels for the blast", "urged residents to leave". After the object comes one of the
 * listed words, or for PREDICATE a noun phrase with "a"/"an", a quote or a closing adjective.
 * Verbs not among CUE_VERBS attribute a stance.
 */
export const PREDICATE = '<predicate>';
export const OBJECT_COMPLEMENTS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['call', [PREDICATE]], ['label', [PREDICATE, 'as']], ['brand', [PREDICATE, 'as']], ['dub', [PREDICATE]], ['term', [PREDICATE]],
  ['describe', ['as']], ['characterize', ['as']], ['characterise', ['as']], ['portray', ['as']], ['depict', ['as']],
  ['dismiss', ['as']], ['denounce', ['as']], ['condemn', ['as', 'for']], ['hail', ['as']], ['praise', ['as', 'for']],
  ['criticize', ['as', 'for']], ['criticise', ['as', 'for']], ['accuse', ['of']], ['suspect', ['of']],
  ['blame', ['for']], ['fault', ['for']], ['credit', ['with', 'for']], ['thank', ['for']], ['slam', ['for', 'as']],
  ['urge', ['to']], ['encourage', ['to']], ['press', ['to']], ['implore', ['to']], ['ask', ['to']],
]);
/** Prepositions that make a passive reporting cue name its source: "was first reported by X". */
export const PASSIVE_AGENT = 'by';

/** Credit lines: the report relies on X for an image or a text ("[Image via X]", "Photo: X"). */
export const CREDIT_PATTERNS: ReadonlyArray<RegExp> = [
  /^(?:source|sources|photo|image|picture|credit)s?\s*:\s*([^\n]{2,80}?)\s*$/gim,
  /\[\s*(?:image|photo|picture|video|footage)\s+(?:via|courtesy of|credit:?|by|from)\s+([^\]\n]{2,80})\]/gi,
  /\((?:image|photo|picture|video|footage)\s+(?:via|courtesy of|credit:?|by|from)\s+([^)\n]{2,80})\)/gi,
];

/**
 * Phrases that name whom a source relies on, set off inside a clause: "the Observatory said,
 * citing activists in the town, that ...", "SANA, quoting a police source, said ...". The
 * words are matched in lower case right after a comma, a dash or an opening parenthesis (or
 * right after the cue verb: "reported citing officials"); the noun phrase after them is the
 * cited source, the subject of the clause is the one who cites.
 */
export const CITING_PHRASES: ReadonlyArray<readonly string[]> = [
  ['citing'], ['quoting'], ['relying', 'on'], ['drawing', 'on'],
  // "based on information from local residents", "based on reports by medics"
  ['based', 'on', 'information', 'from'], ['based', 'on', 'information', 'provided', 'by'],
  ['based', 'on', 'reports', 'from'], ['based', 'on', 'reports', 'by'], ['based', 'on', 'accounts', 'from'],
  ['based', 'on', 'accounts', 'by'], ['based', 'on', 'figures', 'from'], ['based', 'on', 'data', 'from'],
  ['based', 'on', 'testimony', 'from'], ['based', 'on', 'testimonies', 'from'], ['based', 'on', 'statements', 'from'],
  ['based', 'on', 'statements', 'by'],
  ['with', 'information', 'from'],
];

/**
 * Participles that make the phrase before them cited by the agent after "by", set off by a
 * comma: "according to the Observatory, cited by AFP" (AFP cites the Observatory).
 */
export const CITED_BY_WORDS: ReadonlySet<string> = new Set(['cited', 'quoted']);

/**
 * Conjunctions that join a second speaker's clause to a first one's content: "X said A, but he
 * said B", "X announced A and said B", "X said A, though she noted B". The first content ends
 * before them (the second claim is a sibling, not nested in the first).
 */
export const CLAUSE_CONJUNCTIONS: ReadonlyArray<string> = ['and', 'but', 'though', 'although', 'while', 'whereas', 'yet'];

/**
 * Nouns of records and evidence that "show" or "reveal" what follows without a that-clause:
 * "Video footage shows two gunmen firing", "Hospital records show 12 dead", "Polls show a
 * close race". With these subjects the verbs of EVIDENCE_VERBS take any object as content.
 */
export const EVIDENCE_NOUNS: ReadonlySet<string> = new Set([
  'poll', 'polls', 'polling', 'survey', 'surveys', 'data', 'video', 'videos', 'footage', 'image', 'images', 'photo', 'photos',
  'photograph', 'photographs', 'picture', 'pictures', 'imagery', 'record', 'records', 'document', 'documents', 'analysis',
  'study', 'studies', 'report', 'reports', 'transcript', 'transcripts', 'figures', 'statistics', 'results', 'average',
  'averages', 'evidence', 'investigation', 'autopsy', 'recording', 'recordings', 'tape', 'tapes', 'clip', 'log', 'logs',
  'filing', 'filings', 'census', 'map', 'maps', 'slide', 'chart', 'review', 'audit', 'count', 'tally',
]);
export const EVIDENCE_VERBS: ReadonlySet<string> = new Set(['show', 'reveal', 'indicate', 'suggest', 'find', 'confirm', 'document', 'record']);
