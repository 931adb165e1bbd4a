/**
 * Country name variants used in English news that the country-state-city names lack, mapped
 * to ISO 3166-1 alpha-2 codes. Upper-case acronyms only match in upper case.
 */
export const COUNTRY_ALIASES: Array<[string, string]> = [
  ['U.S.', 'US'], ['USA', 'US'], ['U.S.A.', 'US'], ['America', 'US'], ['United States of America', 'US'],
  ['UK', 'GB'], ['U.K.', 'GB'], ['Britain', 'GB'], ['Great Britain', 'GB'], ['England', 'GB'],
  ['Scotland', 'GB'], ['Wales', 'GB'], ['Northern Ireland', 'GB'],
  ['Ivory Coast', 'CI'], ["Cote d'Ivoire", 'CI'], ['DRC', 'CD'], ['DR Congo', 'CD'], ['Burma', 'MM'],
  ['Palestine', 'PS'], ['Palestinian Territories', 'PS'], ['West Bank', 'PS'], ['Gaza Strip', 'PS'],
  ['Vatican', 'VA'], ['Czechia', 'CZ'], ['Bosnia', 'BA'], ['North Macedonia', 'MK'], ['Eswatini', 'SZ'],
  ['Timor-Leste', 'TL'], ['UAE', 'AE'], ['Bahamas', 'BS'], ['Gambia', 'GM'], ['Fiji', 'FJ'],
  ['Republic of Congo', 'CG'], ['Hong Kong', 'HK'], ['Macau', 'MO'], ['Korea', 'KR'],
  ['Russian Federation', 'RU'], ['Syrian Arab Republic', 'SY'], ['Iran', 'IR'], ['Viet Nam', 'VN'],
  ['Papua New Guinea', 'PG'], ['Antigua and Barbuda', 'AG'], ['Trinidad and Tobago', 'TT'],
];

/** Display names for countries whose registry name is awkward in output. */
export const COUNTRY_DISPLAY: Record<string, string> = {
  CI: "Côte d'Ivoire",
  PS: 'Palestinian Territories',
  HK: 'Hong Kong',
  MO: 'Macau',
  VA: 'Vatican City',
  IM: 'Isle of Man',
  BS: 'Bahamas',
  GM: 'Gambia',
  FJ: 'Fiji',
};
