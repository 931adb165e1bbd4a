/**
 * The data the ACLED CSV export codes with (src/export/acled-csv.ts): ACLED's column layout,
 * its world regions by country (ISO 3166-1 alpha-2), and the words that make a place
 * "near / part of" a town (geo_precision 2).
 *
 * Sources: the column list and order of ACLED's current export (31 columns: event_id_cnty ...
 * tags, timestamp); the variable descriptions and the precision codes as the acledR package
 * documents ACLED's codebook (vignette "ACLED Codebook": time_precision, geo_precision,
 * inter codes 1-8); the regions are ACLED's region names (acledR's `acled_regions`), with the
 * countries placed as ACLED places them (e.g. Turkey, Iran and Egypt's neighbours in the Middle
 * East; Sudan in Northern Africa; Mexico in Central America; the Caucasus with Central Asia).
 */

/** ACLED's columns, in ACLED's order. */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;
export type AcledColumn = typeof ACLED_COLUMNS[number];

/** ACLED disorder type of each ACLED event type. */
export const DISORDER_TYPES: Record<string, string> = {
  Battles: 'Political violence',
  'Explosions/Remote violence': 'Political violence',
  'Violence against civilians': 'Political violence',
  Protests: 'Demonstrations',
  Riots: 'Demonstrations',
  'Strategic developments': 'Strategic developments',
};

/** ACLED's inter code for civilians (actor type 7). */
export const INTER_CIVILIANS = 7;

/** ACLED regions -> the countries in each (ISO 3166-1 alpha-2). */
export const ACLED_REGIONS: Record<string, string[]> = {
  'Western Africa': ['BJ', 'BF', 'CV', 'CI', 'GM', 'GH', 'GN', 'GW', 'LR', 'ML', 'MR', 'NE', 'NG', 'SN', 'SL', 'TG', 'SH'],
  'Middle Africa': ['AO', 'CM', 'CF', 'TD', 'CG', 'CD', 'GQ', 'GA', 'ST'],
  'Eastern Africa': ['BI', 'KM', 'DJ', 'ER', 'ET', 'KE', 'MG', 'MW', 'MU', 'YT', 'MZ', 'RE', 'RW', 'SC', 'SO', 'SS', 'TZ', 'UG', 'ZM', 'ZW'],
  'Southern Africa': ['BW', 'SZ', 'LS', 'NA', 'ZA'],
  'Northern Africa': ['DZ', 'EG', 'LY', 'MA', 'SD', 'TN', 'EH'],
  // ACLED's Middle East runs from Turkey and Cyprus to Iran and the Arabian peninsula
  'Middle East': ['BH', 'CY', 'IR', 'IQ', 'IL', 'JO', 'KW', 'LB', 'OM', 'PS', 'QA', 'SA', 'SY', 'TR', 'AE', 'YE'],
  'South Asia': ['AF', 'BD', 'BT', 'IN', 'MV', 'NP', 'PK', 'LK'],
  'Southeast Asia': ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'TL', 'VN'],
  'East Asia': ['CN', 'HK', 'JP', 'KP', 'KR', 'MO', 'MN', 'TW'],
  'Caucasus and Central Asia': ['AM', 'AZ', 'GE', 'KZ', 'KG', 'TJ', 'TM', 'UZ'],
  Europe: [
    'AL', 'AD', 'AT', 'BY', 'BE', 'BA', 'BG', 'HR', 'CZ', 'DK', 'EE', 'FO', 'FI', 'FR', 'DE', 'GI', 'GR', 'GG', 'HU', 'IS', 'IE', 'IM',
    'IT', 'JE', 'XK', 'LV', 'LI', 'LT', 'LU', 'MT', 'MD', 'MC', 'ME', 'NL', 'MK', 'NO', 'PL', 'PT', 'RO', 'RU', 'SM', 'RS', 'SK',
    'SI', 'ES', 'SE', 'CH', 'UA', 'GB', 'VA', 'AX', 'SJ',
  ],
  'North America': ['CA', 'US', 'GL', 'BM', 'PM'],
  // ACLED counts Mexico with Central America
  'Central America': ['BZ', 'CR', 'SV', 'GT', 'HN', 'MX', 'NI', 'PA'],
  'South America': ['AR', 'BO', 'BR', 'CL', 'CO', 'EC', 'FK', 'GF', 'GY', 'PY', 'PE', 'SR', 'UY', 'VE'],
  Caribbean: [
    'AI', 'AG', 'AW', 'BS', 'BB', 'BQ', 'VG', 'KY', 'CU', 'CW', 'DM', 'DO', 'GD', 'GP', 'HT', 'JM', 'MQ', 'MS', 'PR', 'BL', 'KN',
    'LC', 'MF', 'VC', 'SX', 'TT', 'TC', 'VI',
  ],
  Oceania: [
    'AS', 'AU', 'CK', 'FJ', 'PF', 'GU', 'KI', 'MH', 'FM', 'NR', 'NC', 'NZ', 'NU', 'NF', 'MP', 'PW', 'PG', 'PN', 'WS', 'SB', 'TK',
    'TO', 'TV', 'VU', 'WF',
  ],
  Antarctica: ['AQ', 'BV', 'TF', 'HM', 'GS'],
};

/**
 * Words in a report's place phrase that say the event was near a town or in part of an area
 * rather than in it ("near Kafr Nabl", "the outskirts of Aleppo", "the southern Idlib
 * countryside"): ACLED's geo_precision 2. (Compass words alone are not enough: "North Waziristan" is a name.)
 */
export const NEAR_WORDS = /\b(?:near|nearby|outside|outskirts|vicinity|countryside|surroundings|close to)\b/i;

/** Longest date interval (days, inclusive) still coded as a known week: ACLED's time_precision 2. */
export const WEEK_DAYS = 7;
