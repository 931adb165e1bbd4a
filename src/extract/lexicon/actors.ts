/**
 * Actors in incidents: armed groups known by name (perpetrator groups), and words that mark a
 * person as the attacker or as the victim.
 */

/** Armed groups and forces (lower-case token sequences) → canonical group name. */
export const ARMED_GROUPS: { words: string[]; name: string }[] = [
  { words: ['isis'], name: 'Islamic State' }, { words: ['isil'], name: 'Islamic State' },
  { words: ['islamic', 'state'], name: 'Islamic State' }, { words: ['daesh'], name: 'Islamic State' },
  { words: ['al-qaeda'], name: 'al-Qaeda' }, { words: ['al', 'qaeda'], name: 'al-Qaeda' },
  { words: ['taliban'], name: 'Taliban' }, { words: ['al-shabaab'], name: 'al-Shabaab' },
  { words: ['boko', 'haram'], name: 'Boko Haram' }, { words: ['hezbollah'], name: 'Hezbollah' },
  { words: ['hamas'], name: 'Hamas' }, { words: ['al-nusra'], name: 'al-Nusra Front' },
  { words: ['nusra', 'front'], name: 'al-Nusra Front' }, { words: ['fmln'], name: 'FMLN' },
  { words: ['farabundo', 'marti', 'national', 'liberation', 'front'], name: 'FMLN' },
  { words: ['shining', 'path'], name: 'Shining Path' }, { words: ['sendero', 'luminoso'], name: 'Shining Path' },
  { words: ['eln'], name: 'ELN' }, { words: ['farc'], name: 'FARC' }, { words: ['m-19'], name: 'M-19' },
  { words: ['medellin', 'cartel'], name: 'Medellin Cartel' }, { words: ['extraditables'], name: 'The Extraditables' },
  { words: ['mrta'], name: 'MRTA' }, { words: ['tupac', 'amaru'], name: 'MRTA' }, { words: ['contras'], name: 'Contras' },
  { words: ['urng'], name: 'URNG' }, { words: ['death', 'squad'], name: 'death squad' },
  { words: ['death', 'squads'], name: 'death squad' }, { words: ['rsf'], name: 'Rapid Support Forces' },
  { words: ['rapid', 'support', 'forces'], name: 'Rapid Support Forces' }, { words: ['wagner'], name: 'Wagner Group' },
  { words: ['houthis'], name: 'Houthis' }, { words: ['houthi'], name: 'Houthis' }, { words: ['pkk'], name: 'PKK' },
  { words: ['ypg'], name: 'YPG' }, { words: ['sdf'], name: 'Syrian Democratic Forces' },
];

/** Nouns that name the attacker role (singular/plural, lower case). */
export const ATTACKER_NOUNS = new Set([
  'gunman', 'gunmen', 'shooter', 'shooters', 'suspect', 'suspects', 'attacker', 'attackers', 'assailant',
  'assailants', 'fighter', 'fighters', 'militant', 'militants', 'killer', 'bomber', 'bombers', 'terrorist',
  'terrorists', 'robber', 'robbers', 'intruder', 'guerrillas', 'guerrilla', 'rebels', 'soldiers', 'troops',
]);

/** Nouns for a victim with their gender where the noun says it. */
export const GENDERED_NOUNS: Record<string, 'male' | 'female'> = {
  man: 'male', men: 'male', boy: 'male', boys: 'male', father: 'male', son: 'male', brother: 'male', husband: 'male',
  boyfriend: 'male', uncle: 'male', grandfather: 'male', policeman: 'male', male: 'male', nephew: 'male',
  woman: 'female', women: 'female', girl: 'female', girls: 'female', mother: 'female', daughter: 'female',
  sister: 'female', wife: 'female', girlfriend: 'female', aunt: 'female', grandmother: 'female', female: 'female',
  niece: 'female', lady: 'female',
};

/** Phrases that introduce a name: "identified as X", "named X". */
export const NAME_INTRODUCERS: string[][] = [
  ['identified', 'as'], ['named'], ['known', 'as'], ['identified', 'only', 'as'], ['only', 'identified', 'as'],
];
