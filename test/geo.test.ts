import { describe, expect, it, beforeAll } from 'vitest';
import { findPlaces, loadGazetteer, mainPlace, normName, looseName, lookupName, getGazetteer, placeRole, refersToThePlace } from '../src/geo/index.js';
import { cityMatches, haversineKm } from '../bench/eval/geo-score.js';

beforeAll(() => loadGazetteer(), 60_000);

const names = (text: string) => findPlaces(text).map((m) => m.name);
const byText = (text: string, surface: string) => findPlaces(text).find((m) => m.text.startsWith(surface));

describe('names', () => {
  it('normalises case, hyphens, diacritics, apostrophes and St.', () => {
    expect(normName('Ar-Raqqah')).toBe('ar raqqah');
    expect(normName('São Paulo')).toBe('sao paulo');
    expect(normName("Coeur d'Alene")).toBe('coeur dalene');
    expect(normName('St. Louis')).toBe('saint louis');
    expect(normName('  ')).toBe('');
  });
  it('gives Arabic transliterations one loose key', () => {
    expect(looseName('Al-Raqqah')).toBe(looseName('Raqqa'));
    expect(looseName('ar-Raqqa')).toBe(looseName('Raqqah'));
  });
});

describe('gazetteer', () => {
  it('resolves Raqqa spellings, Arabic script included, to one place', () => {
    const g = getGazetteer();
    const ids = ['Raqqa', 'Ar-Raqqah', 'Al-Raqqah', 'ar Raqqa', 'الرقة'].map((s) => lookupName(s).map((i) => g.ids[i]));
    for (const list of ids) expect(list).toContain(172955);
  });
  it('resolves Tabqa / al-Tabaqa / Ath Thawrah to one place', () => {
    const g = getGazetteer();
    for (const s of ['Tabqa', 'al-Tabaqa', 'Ath Thawrah', 'At Tabqah']) expect(lookupName(s).map((i) => g.ids[i])).toContain(172374);
  });
  it('finds nothing for nonsense', () => {
    expect(lookupName('Xqzzyplk')).toEqual([]);
  });
});

describe('findPlaces', () => {
  it('returns [] for empty or non-string input', () => {
    expect(findPlaces('')).toEqual([]);
    expect(findPlaces('   \n ')).toEqual([]);
    expect(findPlaces(undefined as unknown as string)).toEqual([]);
  });

  it('geocodes a report about Raqqa with spans into the text', () => {
    const text = 'Activists in Raqqa said the woman was executed in a public square. Fighters later withdrew from al-Tabaqa, a town west of Ar-Raqqah.';
    const ms = findPlaces(text);
    expect(ms.map((m) => m.name)).toEqual(['Ar Raqqah', 'Ath Thawrah', 'Ar Raqqah']);
    for (const m of ms) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(m.country).toBe('SY');
      expect(m.countryName).toBe('Syria');
      expect(m.precision).toBe('city');
    }
    expect(ms[0].lat).toBeCloseTo(35.95, 1);
    expect(ms.map((m) => m.start)).toEqual([...ms.map((m) => m.start)].sort((a, b) => a - b));
  });

  it('geocodes a Syrian town written in Arabic script', () => {
    const m = byText('وقال ناشطون إن القصف استهدف الرقة أمس', 'الرقة');
    expect(m?.name).toBe('Ar Raqqah');
    expect(m?.country).toBe('SY');
  });

  it('reads "Wilmington, N.C." as North Carolina and "Wilmington, Del." as Delaware', () => {
    const nc = byText('A man was shot Friday in Wilmington, N.C., police said.', 'Wilmington');
    expect(nc?.admin1Code).toBe('NC');
    expect(nc?.admin1).toBe('North Carolina');
    expect(nc?.text).toBe('Wilmington, N.C.');
    const de = byText('A man was shot Friday in Wilmington, Del., police said.', 'Wilmington');
    expect(de?.admin1Code).toBe('DE');
    const postal = byText('Shots were fired in Wilmington, NC on Friday.', 'Wilmington');
    expect(postal?.admin1Code).toBe('NC');
  });

  it('uses states named elsewhere in the document as context', () => {
    const text = 'North Carolina authorities are investigating. The shooting happened in Wilmington late Friday.';
    expect(byText(text, 'Wilmington')?.admin1Code).toBe('NC');
  });

  it('reads an AP dateline and makes it the main place', () => {
    const text = 'PORTLAND, Ore. (AP) — Two men were wounded in a shooting outside a bar early Sunday, police said.';
    const ms = findPlaces(text);
    expect(ms[0].name).toBe('Portland');
    expect(ms[0].admin1Code).toBe('OR');
    expect(ms[0].dateline).toBe(true);
    expect(mainPlace(text, ms)?.admin1).toBe('Oregon');
    const dash = 'PORTLAND, Ore. — A woman was killed Tuesday.';
    expect(mainPlace(dash, findPlaces(dash))?.admin1Code).toBe('OR');
    const maine = 'PORTLAND, Maine — A woman was killed Tuesday.';
    expect(mainPlace(maine, findPlaces(maine))?.admin1Code).toBe('ME');
  });

  it('does not geocode a person named like a city', () => {
    const text = 'John Jackson, 34, was arrested Monday. Jackson told officers he had found the gun. Officer Marion Lee said Sgt. Tyler agreed.';
    expect(findPlaces(text)).toEqual([]);
  });

  it('still geocodes the same name used as a place', () => {
    const text = 'A man was shot and killed Saturday in Jackson, Miss., police said.';
    expect(byText(text, 'Jackson')?.admin1Code).toBe('MS');
  });

  it('ignores capitalised words that are not places here', () => {
    const text = 'Police said the man was shot in March. Mobile phones were seized. Of the two victims, one died Sunday. Man charged.';
    expect(names(text)).toEqual([]);
  });

  it('keeps streets and organisation words from becoming towns', () => {
    const text = 'The shooting happened in the 1200 block of Jackson Street near Lincoln Avenue.';
    expect(names(text)).toEqual([]);
  });

  it('handles county mentions at admin1 precision within their state', () => {
    const text = 'A deputy was shot in Cook County, Illinois, on Monday.';
    const m = findPlaces(text)[0];
    expect(m.name).toBe('Cook County');
    expect(m.precision).toBe('admin1');
    expect(m.admin1Code).toBe('IL');
    expect(m.county).toBe(true);
  });

  it('finds US states and countries as areas', () => {
    const ms = findPlaces('Violence in Syria spilled into Iraq, while in Texas officials met.');
    expect(ms.map((m) => [m.name, m.precision])).toEqual([
      ['Syria', 'country'],
      ['Iraq', 'country'],
      ['Texas', 'admin1'],
    ]);
  });

  it('prefers the Washington capital over the state, and the state with "state"', () => {
    expect(byText('Lawmakers in Washington voted on Tuesday.', 'Washington')?.admin1Code).toBe('DC');
    expect(byText('Two people were shot in Washington, D.C., on Friday.', 'Washington')?.admin1Code).toBe('DC');
    const st = byText('Two people were shot in Washington state on Friday.', 'Washington');
    expect([st?.precision, st?.admin1Code]).toEqual(['admin1', 'WA']);
  });

  it('picks the incident place near violence words when there is no dateline', () => {
    const text = 'The suspect grew up in Denver, relatives said.\n\nA woman was shot and killed Sunday in Memphis, police said. Memphis police are investigating.';
    expect(mainPlace(text, findPlaces(text))?.name).toBe('Memphis');
    expect(mainPlace('', [])).toBeNull();
  });

  it('is linear-ish on long text', () => {
    const para = 'A man was shot in Memphis on Sunday. Police said the suspect fled toward Nashville. ';
    const text = para.repeat(2000); // ~170 kB
    const t0 = performance.now();
    const ms = findPlaces(text);
    expect(ms.length).toBe(4000);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe('geo scoring helpers', () => {
  it('computes great-circle distances', () => {
    expect(haversineKm(0, 0, 0, 0)).toBe(0);
    expect(haversineKm(34.2257, -77.9447, 39.7459, -75.5466)).toBeGreaterThan(600);
    expect(haversineKm(34.2257, -77.9447, 34.3, -77.9)).toBeLessThan(25);
  });
  it('matches gold cities, neighbourhoods and counties', () => {
    expect(cityMatches('Saint Louis', { name: 'St. Louis', text: 'St. Louis' })).toBe(true);
    expect(cityMatches('Chicago (Englewood)', { name: 'Chicago', text: 'Chicago' })).toBe(true);
    expect(cityMatches('Pike (county)', { name: 'Pike County', text: 'Pike County' })).toBe(true);
    expect(cityMatches('Pike (county)', { name: 'Pike', text: 'Pike' })).toBe(false);
    expect(cityMatches('Houston', { name: 'Dallas', text: 'Dallas' })).toBe(false);
    expect(cityMatches(null, { name: 'Dallas', text: 'Dallas' })).toBe(false);
    expect(cityMatches('Dallas', null)).toBe(false);
  });
});

describe('admin1 outside the US', () => {
  it('maps GeoNames admin1 codes to ISO provinces, not the nearest centroid', () => {
    // Mosul's nearest governorate centroid is Dohuk's; its GeoNames code says Nineveh
    const mosul = byText('Gunmen killed two policemen in Mosul on Monday.', 'Mosul');
    expect(mosul?.admin1).toBe('Nineveh');
    expect(mosul?.admin1Code).toBe('NI');
    expect(mosul?.admin1Approx).toBeUndefined();
    expect(byText('A car bomb exploded in Medellín, Colombia.', 'Medellín')?.admin1).toBe('Antioquia');
    expect(byText('Militants attacked a checkpoint near Peshawar, Pakistan.', 'Peshawar')?.admin1Code).toBe('KP');
    expect(byText('Shelling hit Manbij, Syria, overnight, activists said.', 'Manbij')?.admin1).toBe('Aleppo');
  });

  it('takes the state with the GeoNames code itself when the vote points far away', async () => {
    const { buildAdmin1Map } = await import('../src/geo/admin1.js');
    const rows = [
      { name: 'Alpha', country: 'XX', admin1: '40', lat: 14.0, lon: 121.0 },
      { name: 'Beta', country: 'XX', admin1: '40', lat: 14.2, lon: 121.2 },
      { name: 'Gamma', country: 'XX', admin1: '11', lat: 48.8, lon: 2.3 },
    ];
    const csc: Array<[string, string, string, string, string]> = [
      // the source files the whole region under a far-away state
      ['Alpha', 'XX', 'FAR', '14.00000000', '121.00000000'],
      ['Beta', 'XX', 'FAR', '14.20000000', '121.20000000'],
      ['Gamma', 'XX', '75', '48.80000000', '2.30000000'],
    ];
    const states = new Map([['XX', [
      { isoCode: 'FAR', lat: 13.0, lon: 120.0 },
      { isoCode: '40', lat: 14.1, lon: 121.1 },
      // a state whose code only happens to equal a GeoNames code, far from that group
      { isoCode: '11', lat: 43.1, lon: 2.4 },
      { isoCode: '75', lat: 48.85, lon: 2.35 },
    ]]]);
    const m = buildAdmin1Map(rows.length, (i) => rows[i], csc, states);
    expect(m.get('XX.40')).toBe('40');
    expect(m.get('XX.11')).toBe('75');
    expect(byText('Gunmen attacked a bus in Calamba, Philippines.', 'Calamba')?.admin1).toBe('Calabarzon');
  });

  it('builds the code map by majority vote of matched cities and skips unknown divisions', async () => {
    const { buildAdmin1Map } = await import('../src/geo/admin1.js');
    const rows = [
      { name: 'Alpha', country: 'XX', admin1: '07', lat: 10.001, lon: 20.001 },
      { name: 'Beta', country: 'XX', admin1: '07', lat: 10.5, lon: 20.5 },
      { name: 'Gamma', country: 'XX', admin1: '07', lat: 11.2, lon: 21.2 },
      { name: 'Delta', country: 'XX', admin1: '00', lat: 12, lon: 22 },
      { name: 'Epsilon', country: 'XX', admin1: '08', lat: 30, lon: 30 },
    ];
    const csc: Array<[string, string, string, string, string]> = [
      ['Alpha', 'XX', 'NO', '10.00100000', '20.00100000'],
      // same position, other spelling: matched by position
      ['Beta Town', 'XX', 'NO', '10.50000000', '20.50000000'],
      // a stray city that the other source files under a neighbour
      ['Gamma', 'XX', 'SO', '11.20000000', '21.20000000'],
      ['Delta', 'XX', 'EA', '12.00000000', '22.00000000'],
    ];
    const m = buildAdmin1Map(rows.length, (i) => rows[i], csc);
    expect(m.get('XX.07')).toBe('NO');
    expect(m.has('XX.00')).toBe(false);
    expect(m.has('XX.08')).toBe(false);
  });
});

describe('wire copy in capitals', () => {
  const wire = [
    '   LA PAZ, 12 JAN 90 (EFE) -- [TEXT] TWO BOMBS EXPLODED LAST NIGHT IN FRONT OF A',
    'MINISTRY IN LA PAZ. THE GROUP THAT CLAIMED THE ATTACKS DENOUNCED U.S. INTERVENTION.',
  ].join('\n');

  it('reads a dateline with a date and a credit, and marks it as dated', () => {
    const ms = findPlaces(wire);
    const dl = ms.find((m) => m.dateline);
    expect(dl?.name).toBe('La Paz');
    expect(dl?.country).toBe('BO');
    expect(dl?.datelineDated).toBe(true);
    // other dateline forms
    expect(byText('BEIRUT, March 3 (Reuters) - A car bomb exploded in the city.', 'BEIRUT')?.datelineDated).toBe(true);
    expect(byText('LIMA, NO DATE (RADIO PROGRAMAS) -- [TEXT] A BOMB WENT OFF.', 'LIMA')?.dateline).toBe(true);
    // an AP dateline has no date: not dated
    const ap = byText('PORTLAND, Ore. (AP) — A man was shot.', 'PORTLAND');
    expect(ap?.dateline).toBe(true);
    expect(ap?.datelineDated).toBeUndefined();
  });

  it('does not let one "U.S." make a story filed from abroad American', () => {
    const all = findPlaces(wire).filter((m) => m.text === 'LA PAZ');
    expect(all.length).toBe(2);
    for (const m of all) expect(m.country).toBe('BO');
  });

  it('a dated dateline is where the story was filed, not where it happened', () => {
    const text = 'SAN SALVADOR, 3 JAN 90 (RADIO) -- [TEXT] THE ARMY REPORTED THAT GUERRILLAS KILLED TWO SOLDIERS IN SAN MIGUEL YESTERDAY. THE ATTACK IN SAN MIGUEL WAS REPELLED.';
    const ms = findPlaces(text);
    expect(mainPlace(text, ms)?.name).toBe('San Miguel');
  });

  it('reads a country in capitals or in brackets after a town', () => {
    const cr = byText('SAN JOSE (COSTA RICA), 11 DEC 89 (ACAN-EFE) -- [TEXT] A BOMB EXPLODED.', 'SAN JOSE');
    expect(cr?.country).toBe('CR');
    expect(cr?.text).toBe('SAN JOSE (COSTA RICA)');
    expect(byText('TWO PEOPLE WERE KILLED IN TRUJILLO, PERU, ON MONDAY.', 'TRUJILLO')?.country).toBe('PE');
    expect(byText('Fighting near Kafr Nabl (Syria) went on.', 'Kafr Nabl')?.country).toBe('SY');
  });

  it('reads a list of states as states, not as a place in a state', () => {
    const ms = findPlaces('Similar laws passed in Ohio, New Jersey and New York last year.');
    expect(ms.map((m) => m.text)).toEqual(['Ohio', 'New Jersey', 'New York']);
    expect(byText('A man was shot in Washington, D.C., on Friday.', 'Washington')?.text).toBe('Washington, D.C.');
  });

  it('does not read a two-letter word after a comma as a US state in capitals', () => {
    const ms = findPlaces('THE TROOPS CLASHED WITH REBELS NEAR PINEDA, IN THE NORTH OF THE COUNTRY.');
    expect(ms.some((m) => m.admin1Code === 'IN')).toBe(false);
    // mixed case keeps the postal code
    expect(byText('A man was shot in Gary, IN on Sunday.', 'Gary')?.admin1Code).toBe('IN');
  });

  it('in capitals, reads a single word without a preposition only as a sizeable town of the story\'s country', () => {
    const text = 'BOGOTA, 3 MAY 90 (EFE) -- [TEXT] A BOMB EXPLODED YESTERDAY AT A BANK. TROOPS PATROLLED CALI TODAY. THE FRONT SAID IT HAD PLANTED IT. CHIEF GOMEZ SAID ENTERPRISE WAS DAMAGED.';
    const ms = findPlaces(text);
    expect(ms.find((m) => m.text === 'CALI')?.country).toBe('CO');
    expect(ms.some((m) => m.text === 'FRONT' || m.text === 'ENTERPRISE')).toBe(false);
    // "THE CITY OF X" is as good as a preposition
    expect(byText('GUERRILLAS ATTACKED THE CITY OF SOACHA IN COLOMBIA.', 'SOACHA')?.country).toBe('CO');
  });

  it('in capitals, doubts a foreign place that only an alternate name matches', () => {
    // "COLONIA" is Spanish for a neighbourhood and an alternate name of Köln
    const text = 'SAN SALVADOR, 5 OCT 89 (ACAN-EFE) -- [TEXT] GUERRILLAS ATTACKED A HOUSE IN COLONIA MIRAMONTES IN EL SALVADOR.';
    const ms = findPlaces(text);
    expect(ms.some((m) => m.country === 'DE')).toBe(false);
    // the same word in mixed case, where the country is not contradicted, is still Köln
    expect(byText('Police said the man was arrested in Colonia on Monday.', 'Colonia')?.country).toBe('DE');
  });

  it('does not count a dated dateline as a mention of the incident place', () => {
    const text = 'BOGOTA, 26 APR 90 (EFE) -- [TEXT] A CAR BOMB EXPLODED TODAY IN MEDELLIN, KILLING FIVE PEOPLE.';
    expect(mainPlace(text, findPlaces(text))?.name).toBe('Medellín');
  });

  it('reads a name across the wrap of a hard-wrapped line, not across a short line', () => {
    const text = [
      '   SAN SALVADOR, 14 FEB 90 (RADIO CADENA) -- [TEXT] THE ARCHBISHOP ASKED THE',
      'GOVERNMENT TO FIND THOSE WHO ORDERED THE MURDER OF THE PRIESTS IN EL',
      'SALVADOR LAST NOVEMBER.',
    ].join('\n');
    const m = findPlaces(text).find((x) => x.text.startsWith('EL'));
    expect(m?.text).toBe('EL\nSALVADOR');
    expect(m?.precision).toBe('country');
    expect(text.slice(m!.start, m!.end)).toBe(m!.text);
    // a preposition at the end of the line above still counts
    const prep = 'GUERRILLAS ATTACKED AN ARMY POST LAST NIGHT AND KILLED TWO SOLDIERS IN\nUSULUTAN, THE ARMY SAID.';
    expect(byText(prep, 'USULUTAN')?.country).toBe('SV');
    // a heading or a list item is not wrapped text
    expect(findPlaces('Places:\nEl\nSalvador and Honduras').some((x) => x.text.includes('\n'))).toBe(false);
  });

  it('in wire copy, takes the country when no town is named in a sentence about violence', () => {
    const text = [
      'SAN SALVADOR, 14 FEB 90 (RADIO CADENA) -- [TEXT] THE ARCHBISHOP TODAY ASKED THE GOVERNMENT TO',
      'SPEED UP THE INVESTIGATION INTO THE MURDER OF THE SIX PRIESTS.  HE SAID THAT THE PEOPLE OF EL',
      'SALVADOR WANT TO KNOW WHO GAVE THE ORDER.',
      '',
      '   THE ARCHBISHOP ALSO THANKED THE UNITED STATES FOR ITS AID TO THE REFUGEES AND SAID MASS IN',
      'SANTA ANA ON SUNDAY.',
    ].join('\n');
    const main = mainPlace(text, findPlaces(text));
    expect(main?.precision).toBe('country');
    expect(main?.name).toBe('El Salvador');
    // nothing but the dateline and the aid donor: the country the story was filed from
    const aid = 'BOGOTA, 9 MAY 90 (AFP) -- [TEXT] THE MAYOR WAS KILLED YESTERDAY. OFFICIALS SAID THE UNITED STATES WILL SEND MORE AID.';
    const m = mainPlace(aid, findPlaces(aid));
    expect(m).toMatchObject({ name: 'Colombia', precision: 'country', country: 'CO' });
    expect(m?.lat).not.toBeNull();
  });

  it('reads a list of countries as countries, and a region as no place', () => {
    const ms = findPlaces('MEXICO CITY, 2 JUN 90 (NOTIMEX) -- THE MINISTERS OF SPAIN, MEXICO, AND VENEZUELA MET TO DISCUSS LATIN AMERICA.');
    expect(ms.filter((m) => !m.dateline).map((m) => m.name)).toEqual(['Spain', 'Mexico', 'Venezuela']);
    expect(findPlaces('Violence in Central America and the Middle East rose.').some((m) => m.country === 'US')).toBe(false);
    // a capitalised word alone still is what it is
    expect(byText('He flew to America last year.', 'America')?.country).toBe('US');
  });

  it('needs a preposition or a place noun for a single word in capitals', () => {
    const text = 'THE FRONT SAID ON PAGE TWO THAT OUR SET OF DEMANDS STANDS. SOLDIERS WERE KILLED IN MEDELLIN.';
    const ms = findPlaces(text);
    expect(ms.map((m) => m.name)).toEqual(['Medellín']);
  });
});

describe('provinces, governorates and departments', () => {
  it('names divisions without the type word, unless that would be ambiguous', async () => {
    const { bareDivisionName } = await import('../src/geo/divisions.js');
    expect(bareDivisionName('Idlib Governorate', ['Idlib Governorate', 'Aleppo Governorate'])).toBe('Idlib');
    expect(bareDivisionName('San Miguel Department', [])).toBe('San Miguel');
    expect(bareDivisionName('Antioquia', [])).toBe('Antioquia');
    expect(bareDivisionName('Northern Region', [])).toBe('Northern Region');
    expect(bareDivisionName('Kyiv Oblast', ['Kyiv', 'Kyiv Oblast'])).toBe('Kyiv Oblast');
  });

  it('reads "X province" and "the department of X" as the division, not the town of that name', () => {
    const idlib = byText('Airstrikes hit Idlib province on Tuesday, activists said.', 'Idlib');
    expect(idlib?.precision).toBe('admin1');
    expect(idlib?.text).toBe('Idlib province');
    expect(idlib?.admin1).toBe('Idlib');
    expect(idlib?.admin1Code).toBe('ID');
    const ant = byText('FIGHTING IN THE DEPARTMENT OF ANTIOQUIA LEFT FIVE DEAD.', 'ANTIOQUIA');
    expect(ant?.precision).toBe('admin1');
    expect(ant?.country).toBe('CO');
    const sm = byText('THREE SUBVERSIVES WERE KILLED IN SAN MIGUEL DEPARTMENT YESTERDAY.', 'SAN MIGUEL');
    expect(sm?.precision).toBe('admin1');
    expect(sm?.name).toBe('San Miguel');
    expect(sm?.country).toBe('SV');
    // a town followed by an ordinary word stays a town
    expect(byText('Shelling in Idlib killed three, activists said.', 'Idlib')?.precision).toBe('city');
  });

  it('places a town in the division named after it and keeps the town as the incident place', () => {
    const cases: Array<[string, string, string]> = [
      ['Regime helicopters dropped barrel bombs on Kafr Nabl in Idlib province, killing four.', 'Kafr Nabl', 'ID'],
      ['Rebels said they had retaken Marea, in northern Aleppo province, after heavy clashes.', 'Marea', 'HL'],
      ['Government forces shelled the town of Khan Shaykhun in the province of Idlib, killing two.', 'Khan Shaykhun', 'ID'],
    ];
    for (const [text, town, code] of cases) {
      const ms = findPlaces(text);
      const m = ms.find((x) => x.text === town);
      expect(m?.precision).toBe('city');
      expect(m?.admin1Code).toBe(code);
      expect(m?.score).toBeGreaterThanOrEqual(0.9);
      expect(mainPlace(text, ms)?.text).toBe(town);
    }
  });

  it('reads every name of "X and Y provinces" as a division, and no bare direction', () => {
    const ms = findPlaces('THREE SUBVERSIVES WERE KILLED DURING CLASHES YESTERDAY IN USULUTAN AND MORAZAN DEPARTMENTS.');
    expect(ms.map((m) => [m.name, m.precision])).toEqual([['Usulután', 'admin1'], ['Morazán', 'admin1']]);
    const sy = findPlaces('Airstrikes on Aleppo, Idlib and Hama provinces killed 12 people.');
    expect(sy.map((m) => m.admin1)).toEqual(['Aleppo', 'Idlib', 'Hama']);
    expect(sy.every((m) => m.precision === 'admin1')).toBe(true);
    // "the western region" of some country is no division named Western
    expect(findPlaces("IN THE COUNTRY'S WESTERN REGION, A TERRORIST WAS KILLED.")).toEqual([]);
  });

  it('reads a division\'s name as the division rather than a lesser town of that name', () => {
    // the department, not the town of Antioquia (pop. 12k)
    const ant = byText('Police said drug traffickers killed two judges in Antioquia, Colombia.', 'Antioquia');
    expect(ant?.precision).toBe('admin1');
    expect(ant?.admin1).toBe('Antioquia');
    // a province capital keeps its town reading
    expect(byText('A bomb exploded in Santa Fe, Argentina, on Monday.', 'Santa Fe')?.precision).toBe('city');
    // function words are no towns in capitals ("SINCE" is Sincé, Colombia)
    expect(findPlaces('SINCE THE GROUP WAS FOUNDED IN COLOMBIA, 20 MEMBERS HAVE BEEN KILLED.').map((m) => m.name)).toEqual(['Colombia']);
  });

  it('does not read institutions or US states as foreign divisions', () => {
    // Uruguay has a Florida department; Nigeria a Lagos State
    const fl = byText('The Florida Department of Law Enforcement is investigating the shooting.', 'Florida');
    expect(fl?.country).toBe('US');
    expect(findPlaces('The Lagos State Government said three people died.').some((m) => m.precision === 'admin1')).toBe(false);
    expect(byText('Gunmen attacked Maiduguri in Borno State on Monday.', 'Borno')?.precision).toBe('admin1');
  });

  it('lets a named province be the incident place over the capital a story was filed from', () => {
    const text = 'BOGOTA, 26 APR 90 (EFE) -- [TEXT] FIVE SOLDIERS WERE KILLED IN AN AMBUSH IN THE DEPARTMENT OF SANTANDER, THE ARMY SAID.';
    const main = mainPlace(text, findPlaces(text));
    expect(main?.precision).toBe('admin1');
    expect(main?.admin1).toBe('Santander');
    // a town named inside that province is more precise still
    const town = 'BOGOTA, 26 APR 90 (EFE) -- [TEXT] FIVE SOLDIERS WERE KILLED IN AN AMBUSH NEAR BARRANCABERMEJA, IN SANTANDER DEPARTMENT, THE ARMY SAID.';
    expect(mainPlace(town, findPlaces(town))?.name).toBe('Barrancabermeja');
  });

  it('reads "Town, Province" as the town inside that province, but keeps lists of towns', () => {
    const ms = findPlaces('Barrel bombs hit Kafr Nabl, Idlib, on Monday, killing four.');
    expect(ms.map((m) => [m.text, m.precision])).toEqual([['Kafr Nabl', 'city'], ['Idlib', 'admin1']]);
    expect(ms[0].admin1).toBe('Idlib');
    const list = findPlaces('Airstrikes on Aleppo, Idlib and Hama killed 12 people.');
    expect(list.every((m) => m.precision === 'city')).toBe(true);
  });

  it('uses the division to choose among namesakes', () => {
    // without the department, the biggest Santa Elena (Ecuador) wins
    expect(byText('A clash was reported near Santa Elena on Sunday.', 'Santa Elena')?.country).not.toBe('SV');
    const m = byText('A clash was reported near Santa Elena, in Usulután department, on Sunday.', 'Santa Elena');
    expect(m?.country).toBe('SV');
    expect(m?.admin1).toBe('Usulután');
  });
});

describe('placeRole: what a place after a preposition is the place of', () => {
  const role = (text: string, place: string) => placeRole(text, text.indexOf(place));

  it('the violence itself', () => {
    expect(role('Two guards were shot dead in Huancayo on Monday.', 'Huancayo')).toBe('event');
    expect(role('The massacre took place in the town of Segovia.', 'Segovia')).toBe('event');
  });

  it('a source, what was said, a meeting or a distance', () => {
    expect(role('Police sources in Cartagena reported the kidnapping.', 'Cartagena')).toBe('other');
    expect(role('The minister said today in Lima that the rebels would be caught.', 'Lima')).toBe('other');
    expect(role('Talks between the parties in Caracas were suspended after the attack.', 'Caracas')).toBe('other');
    expect(role('The ambush took place 20 km south of Huancayo.', 'Huancayo')).toBe('other');
    expect(role('The farm lies 500 km from Bogota.', 'Bogota')).toBe('other');
  });

  it('nothing to tell', () => {
    // "just west of" a town is at the town, as far as a town goes; a distance is not
    expect(role('The farm lies just west of Holly Hill.', 'Holly Hill')).toBeNull();
    expect(role('Huancayo was quiet.', 'Huancayo')).toBeNull();
    expect(role('He said the people of El Salvador want justice.', 'El Salvador')).toBeNull();
    expect(placeRole('', 0)).toBeNull();
  });

  it('ranks the place of the violence over the place of the source', () => {
    const text = 'Police sources in Lima said two guards were shot dead in Huancayo and a bridge was damaged.';
    expect(mainPlace(text, findPlaces(text))?.name).toBe('Huancayo');
  });
});

describe('refersToThePlace', () => {
  it('finds a place pointed back at, not one named', () => {
    expect(refersToThePlace("Two women were wounded on the city's south side.")).toBe(true);
    expect(refersToThePlace('A second body was found elsewhere in the same town.')).toBe(true);
    expect(refersToThePlace('THE BOMB WENT OFF NEAR THIS CITY’S AIRPORT.')).toBe(true);
    expect(refersToThePlace('The spree ended in the city of Orange.')).toBe(false);
    expect(refersToThePlace('A man was shot in a city park.')).toBe(false);
    expect(refersToThePlace('')).toBe(false);
  });
});
