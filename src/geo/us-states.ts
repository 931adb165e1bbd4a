/**
 * US states (and DC, Puerto Rico) with their AP-style abbreviations, as data.
 * `ap` lists the abbreviations news datelines use ("PORTLAND, Ore. —"), with and without
 * periods/space variants handled by the matcher; the postal code (`code`) is accepted only in
 * upper case right after a comma ("Wilmington, NC"). States that AP never abbreviates
 * (Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas, Utah) have an empty list or older forms.
 */
export interface UsState {
  name: string;
  code: string;
  ap: string[];
}

export const US_STATES: UsState[] = [
  { name: 'Alabama', code: 'AL', ap: ['Ala.'] },
  { name: 'Alaska', code: 'AK', ap: [] },
  { name: 'Arizona', code: 'AZ', ap: ['Ariz.'] },
  { name: 'Arkansas', code: 'AR', ap: ['Ark.'] },
  { name: 'California', code: 'CA', ap: ['Calif.', 'Cal.'] },
  { name: 'Colorado', code: 'CO', ap: ['Colo.'] },
  { name: 'Connecticut', code: 'CT', ap: ['Conn.'] },
  { name: 'Delaware', code: 'DE', ap: ['Del.'] },
  { name: 'District of Columbia', code: 'DC', ap: ['D.C.'] },
  { name: 'Florida', code: 'FL', ap: ['Fla.'] },
  { name: 'Georgia', code: 'GA', ap: ['Ga.'] },
  { name: 'Hawaii', code: 'HI', ap: [] },
  { name: 'Idaho', code: 'ID', ap: [] },
  { name: 'Illinois', code: 'IL', ap: ['Ill.'] },
  { name: 'Indiana', code: 'IN', ap: ['Ind.'] },
  { name: 'Iowa', code: 'IA', ap: [] },
  { name: 'Kansas', code: 'KS', ap: ['Kan.', 'Kans.'] },
  { name: 'Kentucky', code: 'KY', ap: ['Ky.'] },
  { name: 'Louisiana', code: 'LA', ap: ['La.'] },
  { name: 'Maine', code: 'ME', ap: [] },
  { name: 'Maryland', code: 'MD', ap: ['Md.'] },
  { name: 'Massachusetts', code: 'MA', ap: ['Mass.'] },
  { name: 'Michigan', code: 'MI', ap: ['Mich.'] },
  { name: 'Minnesota', code: 'MN', ap: ['Minn.'] },
  { name: 'Mississippi', code: 'MS', ap: ['Miss.'] },
  { name: 'Missouri', code: 'MO', ap: ['Mo.'] },
  { name: 'Montana', code: 'MT', ap: ['Mont.'] },
  { name: 'Nebraska', code: 'NE', ap: ['Neb.', 'Nebr.'] },
  { name: 'Nevada', code: 'NV', ap: ['Nev.'] },
  { name: 'New Hampshire', code: 'NH', ap: ['N.H.'] },
  { name: 'New Jersey', code: 'NJ', ap: ['N.J.'] },
  { name: 'New Mexico', code: 'NM', ap: ['N.M.', 'N.Mex.'] },
  { name: 'New York', code: 'NY', ap: ['N.Y.'] },
  { name: 'North Carolina', code: 'NC', ap: ['N.C.'] },
  { name: 'North Dakota', code: 'ND', ap: ['N.D.', 'N.Dak.'] },
  { name: 'Ohio', code: 'OH', ap: [] },
  { name: 'Oklahoma', code: 'OK', ap: ['Okla.'] },
  { name: 'Oregon', code: 'OR', ap: ['Ore.', 'Oreg.'] },
  { name: 'Pennsylvania', code: 'PA', ap: ['Pa.', 'Penn.'] },
  { name: 'Puerto Rico', code: 'PR', ap: ['P.R.'] },
  { name: 'Rhode Island', code: 'RI', ap: ['R.I.'] },
  { name: 'South Carolina', code: 'SC', ap: ['S.C.'] },
  { name: 'South Dakota', code: 'SD', ap: ['S.D.', 'S.Dak.'] },
  { name: 'Tennessee', code: 'TN', ap: ['Tenn.'] },
  { name: 'Texas', code: 'TX', ap: ['Tex.'] },
  { name: 'Utah', code: 'UT', ap: [] },
  { name: 'Vermont', code: 'VT', ap: ['Vt.'] },
  { name: 'Virginia', code: 'VA', ap: ['Va.'] },
  { name: 'Washington', code: 'WA', ap: ['Wash.'] },
  { name: 'West Virginia', code: 'WV', ap: ['W.Va.', 'W. Va.'] },
  { name: 'Wisconsin', code: 'WI', ap: ['Wis.', 'Wisc.'] },
  { name: 'Wyoming', code: 'WY', ap: ['Wyo.'] },
];

/**
 * State names that are also the name of a well-known city; standing alone in news text they
 * usually mean the city (Washington = the capital, New York = the city). "X state", "state of X"
 * or a following ", <state>" override this.
 */
export const STATE_NAMES_MEANING_CITY: Record<string, { city: string; code: string }> = {
  Washington: { city: 'Washington, D. C.', code: 'DC' },
  'New York': { city: 'New York City', code: 'NY' },
};

/**
 * Extra spellings of US places that GeoNames' alternate names lack, mapped to
 * [canonical GeoNames name, state code].
 */
export const US_PLACE_ALIASES: Array<[string, string, string]> = [
  ['D.C.', 'Washington, D. C.', 'DC'],
  ['DC', 'Washington, D. C.', 'DC'],
  ['Washington D.C.', 'Washington, D. C.', 'DC'],
  ['Washington, D.C.', 'Washington, D. C.', 'DC'],
  ['NYC', 'New York City', 'NY'],
  ['New York City', 'New York City', 'NY'],
  ['L.A.', 'Los Angeles', 'CA'],
  ['Philly', 'Philadelphia', 'PA'],
  ['Nola', 'New Orleans', 'LA'],
];
