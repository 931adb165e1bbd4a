/** Scoring helpers for place evaluation (shared by the GVA geo harness and the full eval). */
import { normName } from '../../src/geo/names.js';

export { haversineKm } from '../../src/geo/distance.js';

/** The comparable forms of a GVA `city_or_county` value: "Chicago (Englewood)" → chicago, englewood;
 * "Pike (county)" → pike county; "Madison County" stays. Saint / St. normalised by normName. */
export function goldCityForms(gold: string): string[] {
  const forms: string[] = [];
  const m = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(gold);
  if (m) {
    if (m[2].toLowerCase() === 'county') forms.push(m[1] + ' County');
    else {
      forms.push(m[1]);
      forms.push(m[2]);
    }
  } else forms.push(gold);
  return forms.map(normCity).filter(Boolean);
}

function normCity(s: string): string {
  return normName(s)
    .replace(/\btwp\b/g, 'township')
    .replace(/^(city|town|village|township|borough) of /, '')
    .trim();
}

/**
 * Case-insensitive name equality between a gold city / county and a mention's canonical name
 * or surface text (either may carry the match: GeoNames "St. Louis" vs gold "Saint Louis").
 * A gold county ("X County" or "X (county)") matches a county mention of that name; a gold
 * "City (Neighbourhood)" matches either the city or the neighbourhood.
 */
export function cityMatches(gold: string | null | undefined, mention: { name: string; text: string } | null | undefined): boolean {
  if (!gold || !mention) return false;
  const forms = goldCityForms(gold);
  const names = [normCity(mention.name), normCity(mention.text.split(',')[0])];
  return forms.some((f) => names.includes(f));
}
