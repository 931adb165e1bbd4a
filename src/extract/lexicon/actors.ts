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
  // Latin America: the armed groups of the civil wars and the drug wars, by full name and acronym
  { words: ['revolutionary', 'armed', 'forces', 'of', 'colombia'], name: 'FARC' },
  { words: ['army', 'of', 'national', 'liberation'], name: 'ELN' }, { words: ['national', 'liberation', 'army'], name: 'ELN' },
  { words: ['popular', 'liberation', 'army'], name: 'EPL' }, { words: ['epl'], name: 'EPL' },
  { words: ['april', '19', 'movement'], name: 'M-19' }, { words: ['19', 'april', 'movement'], name: 'M-19' },
  { words: ['tupac', 'amaru', 'revolutionary', 'movement'], name: 'MRTA' },
  { words: ['manuel', 'rodriguez', 'patriotic', 'front'], name: 'FPMR' }, { words: ['fpmr'], name: 'FPMR' },
  { words: ['guatemalan', 'national', 'revolutionary', 'unity'], name: 'URNG' },
  { words: ['guerrilla', 'army', 'of', 'the', 'poor'], name: 'EGP' }, { words: ['egp'], name: 'EGP' },
  { words: ['rebel', 'armed', 'forces'], name: 'FAR' },
  { words: ['cinchoneros'], name: 'Cinchoneros' }, { words: ['cinchonero'], name: 'Cinchoneros' },
  { words: ['morazanist', 'patriotic', 'front'], name: 'FPM' },
  { words: ['zarate', 'willka'], name: 'Zarate Willka' }, { words: ['zarate', 'wilka'], name: 'Zarate Willka' },
  { words: ['secret', 'anticommunist', 'army'], name: 'ESA' },
  { words: ['anticommunist', 'action', 'alliance'], name: 'AAA' },
  { words: ['contra'], name: 'Contras' }, { words: ['sandinista', 'army'], name: 'Sandinista army' },
  { words: ['los', 'extraditables'], name: 'The Extraditables' }, { words: ['cali', 'cartel'], name: 'Cali Cartel' },
  // elsewhere
  // (not the bare acronyms that are also names or words: "Ira", "ETA", "ADF")
  { words: ['basque', 'homeland', 'and', 'freedom'], name: 'ETA' }, { words: ['irish', 'republican', 'army'], name: 'IRA' },
  { words: ['new', "people's", 'army'], name: 'NPA' }, { words: ['abu', 'sayyaf'], name: 'Abu Sayyaf' },
  { words: ['tamil', 'tigers'], name: 'LTTE' }, { words: ['ltte'], name: 'LTTE' },
  { words: ['lashkar-e-taiba'], name: 'Lashkar-e-Taiba' }, { words: ['jaish-e-mohammed'], name: 'Jaish-e-Mohammed' },
  { words: ['tehrik-i-taliban'], name: 'Tehrik-i-Taliban Pakistan' }, { words: ['ttp'], name: 'Tehrik-i-Taliban Pakistan' },
  { words: ['iswap'], name: 'ISWAP' }, { words: ['jnim'], name: 'JNIM' }, { words: ['m23'], name: 'M23' },
  { words: ['allied', 'democratic', 'forces'], name: 'Allied Democratic Forces' }, { words: ['janjaweed'], name: 'Janjaweed' },
  { words: ['hayat', 'tahrir', 'al-sham'], name: 'Hayat Tahrir al-Sham' }, { words: ['hts'], name: 'Hayat Tahrir al-Sham' },
  { words: ['aqap'], name: 'al-Qaeda in the Arabian Peninsula' }, { words: ['al-shabab'], name: 'al-Shabaab' },
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
