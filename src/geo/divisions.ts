/**
 * First-level divisions outside the US (provinces, governorates, departments, states) as text
 * names them: the words that mark a name as a division, and the display name without the type
 * word that `country-state-city` appends to some names ("San Miguel Department", "Idlib
 * Governorate", but "Antioquia"). ISO 3166-2 names subdivisions without the type word, and so
 * do conflict datasets (ACLED's admin1 "Idleb", "Borno").
 */

/**
 * Words that make the name before them a division ("Idlib province", "USULUTAN DEPARTMENT",
 * "Borno State") or, with "of", the name after them ("the province of Idlib"). Lower case.
 * "region" and "state" are in: in "X region" / "X state" the X is an area, not a town.
 * Not "district" or "county": mostly second-level divisions.
 */
export const DIVISION_WORDS = new Set<string>([
  'province', 'provinces', 'governorate', 'governorates', 'department', 'departments', 'region',
  'state', 'prefecture', 'oblast', 'intendancy', 'departamento', 'provincia', 'wilayat', 'muhafazat',
]);

/** Type words trailing a `country-state-city` state name, dropped for display. */
const TRAILING_TYPE = /\s+(?:Governorate|Department|Province|Prefecture|Region|Oblast|oblast|Voivodeship|State)$/;

/**
 * Bare divisions name: "Idlib Governorate" → "Idlib". Kept whole when the bare name would be a
 * bare direction ("Northern Region") or collide with another division of the same country
 * ("Kyiv" city beside "Kyiv Oblast").
 */
export function bareDivisionName(name: string, siblings: readonly string[]): string {
  const bare = name.replace(TRAILING_TYPE, '');
  if (bare === name || !bare) return name;
  if (/^(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|Upper|Lower|Capital|Far)(?:\s|$)/.test(bare) && !bare.includes(' ')) return name;
  if (siblings.some((s) => s !== name && (s === bare || s.replace(TRAILING_TYPE, '') === bare))) return name;
  return bare;
}
