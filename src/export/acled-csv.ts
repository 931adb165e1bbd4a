/**
 * ACLED CSV export: one row per incident in ACLED's column layout (src/export/acled-lexicon.ts),
 * RFC 4180 (comma separated, CRLF line ends, a field quoted when it holds a comma, a quote or a
 * line break, quotes doubled), no byte-order mark: the file opens with ACLED's column names.
 *
 * How each column is filled (what corroborate knows is not always what ACLED codes):
 *  - event_id_cnty: ISO alpha-3 of the country + the incident's number ("SYR4" for incident:4;
 *    "XXX" when the country is unknown); the incident id itself is in `tags`.
 *  - event_date (YYYY-MM-DD), year, time_precision: from the merged date interval: a single day
 *    -> 1; an interval of up to a week -> 2 (dated at its middle, as ACLED does); longer -> 3.
 *  - disorder_type, event_type, sub_event_type: from the incident type (src/model/acled.ts).
 *  - actor1 / assoc_actor_1: the perpetrators named by the reports (the first, then the rest
 *    joined by "; "); actor2 "Civilians (<country>)" with inter2 7 for violence against
 *    civilians. inter1 and interaction stay empty: the reports do not say which of ACLED's actor
 *    types a perpetrator is.
 *  - civilian_targeting: "Civilian targeting" for violence against civilians, or when a victim is
 *    described as a civilian.
 *  - iso (numeric ISO 3166-1), region (ACLED's), country, admin1, location, latitude, longitude:
 *    from the geocoded place; admin2 / admin3 are not known (empty).
 *  - geo_precision: 1 when the reports name the town (place precision point or city), 2 when
 *    they say "near" / "outskirts" / "countryside" of it, 3 when only a province or country.
 *  - source: the independent origins first, then every other source and outlet, joined by "; ".
 *  - source_scale: empty (corroborate does not know an outlet's scale).
 *  - notes: a short sourced summary: what, where, when, each casualty figure with who gives it,
 *    and the independence line ("5 reports, 5 outlets, 3 independent origins (...)").
 *  - fatalities: the lowest figure any report gives (killed.min), as ACLED codes the most
 *    conservative credible figure; 0 when no report gives one.
 *  - tags: "corroborate id=...; reports=N; origins=N; contradiction=killed,...".
 *  - timestamp: Unix seconds of the last time the incident was linked.
 * A text cell that starts with = + - @ (or a tab or carriage return) is prefixed with ' so a
 * spreadsheet does not run it as a formula (CSV injection); numeric cells are written as numbers.
 */
import { createRequire } from 'node:module';
import { ACLED_TYPES } from '../model/acled.js';
import type { IncidentType } from '../model/index.js';
import type { ExportMention, IncidentSummary } from '../store/index.js';
import { COUNTRY_ALIASES, COUNTRY_DISPLAY } from '../geo/countries.js';
import { ACLED_COLUMNS, ACLED_REGIONS, DISORDER_TYPES, INTER_CIVILIANS, NEAR_WORDS, WEEK_DAYS, type AcledColumn } from './acled-lexicon.js';
import { effectiveRecord } from './incident-record.js';

export { ACLED_COLUMNS } from './acled-lexicon.js';

type Cell = string | number | null | undefined;
export type AcledRow = Record<AcledColumn, Cell>;

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180) with the formula-injection guard

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: numbers as they are, text guarded against formulas and quoted when needed. */
export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = String(v);
  if (FORMULA_START.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

/** The header line: ACLED's column names in ACLED's order. */
export function acledHeader(): string {
  return csvLine(ACLED_COLUMNS);
}

// ---------------------------------------------------------------------------------------------
// Countries: name -> ISO codes, ACLED region

const require = createRequire(import.meta.url);
let countryCodes: Map<string, string> | undefined;
let isoLib: { alpha2ToNumeric(c: string): string | undefined; alpha2ToAlpha3(c: string): string | undefined } | undefined;
const regionOf = new Map(Object.entries(ACLED_REGIONS).flatMap(([region, codes]) => codes.map((c) => [c, region] as const)));

/** ISO 3166-1 alpha-2 of a country as the geocoder names it ("Syria", "Côte d'Ivoire", "UK"), or null. */
export function countryCode(name: string | null | undefined): string | null {
  if (!name) return null;
  if (!countryCodes) {
    countryCodes = new Map();
    const mod = require('country-state-city/lib/cjs/country.js');
    const Country = mod.default ?? mod;
    for (const c of Country.getAllCountries() as Array<{ name: string; isoCode: string }>) countryCodes.set(c.name.toLowerCase(), c.isoCode);
    for (const [code, display] of Object.entries(COUNTRY_DISPLAY)) countryCodes.set(display.toLowerCase(), code);
    for (const [alias, code] of COUNTRY_ALIASES) if (!countryCodes.has(alias.toLowerCase())) countryCodes.set(alias.toLowerCase(), code);
  }
  return countryCodes.get(name.trim().toLowerCase()) ?? null;
}

function iso(): NonNullable<typeof isoLib> {
  return (isoLib ??= require('i18n-iso-countries') as NonNullable<typeof isoLib>);
}

export function countryNumeric(alpha2: string | null): number | null {
  const n = alpha2 ? iso().alpha2ToNumeric(alpha2) : undefined;
  return n ? Number(n) : null;
}

export function countryAlpha3(alpha2: string | null): string | null {
  return (alpha2 && iso().alpha2ToAlpha3(alpha2)) || null;
}

export function acledRegion(alpha2: string | null): string | null {
  return (alpha2 && regionOf.get(alpha2)) || null;
}

// ---------------------------------------------------------------------------------------------
// Precision codes

const DAY_MS = 86_400_000;
const parseDay = (d: string | null | undefined) => {
  const m = d ? /^(\d{4})-(\d{2})-(\d{2})/.exec(d) : null;
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : null;
};

/** ACLED event_date and time_precision of a date interval (null when there is no date). */
export function acledDate(start: string | null | undefined, end: string | null | undefined): { date: string; precision: 1 | 2 | 3 } | null {
  const a = parseDay(start) ?? parseDay(end);
  if (a === null) return null;
  const b = Math.max(a, parseDay(end) ?? a);
  const days = Math.round((b - a) / DAY_MS) + 1;
  const precision = days <= 1 ? 1 : days <= WEEK_DAYS ? 2 : 3;
  const mid = new Date(a + Math.floor((days - 1) / 2) * DAY_MS).toISOString().slice(0, 10);
  return { date: mid, precision };
}

/**
 * ACLED geo_precision from the reports' place precisions and phrases: the best any report
 * gives (a report naming the town beats one naming only the province).
 */
export function acledGeoPrecision(mentions: readonly Pick<ExportMention, 'placePrecision' | 'placeText'>[], hasPlace: boolean): 1 | 2 | 3 | null {
  if (!hasPlace) return null;
  let best: 1 | 2 | 3 = 3;
  for (const m of mentions) {
    const p = m.placePrecision;
    const code: 1 | 2 | 3 = p === 'point' || p === 'city' ? (m.placeText && NEAR_WORDS.test(m.placeText) ? 2 : 1) : 3;
    if (code < best) best = code;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// One incident -> one row


export interface AcledContext {
  /** the incident's member mentions (for geo_precision); none: precision from the place alone */
  mentions?: readonly Pick<ExportMention, 'placePrecision' | 'placeText'>[];
  /** ISO time the incident was last linked (timestamp column) */
  updatedAt?: string | null;
}

const uniq = <T>(xs: T[]) => [...new Set(xs)];
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A short sourced summary for the notes column. */
export function acledNotes(s: IncidentSummary): string {
  const r = effectiveRecord(s);
  const loc = r.location;
  const place = loc?.name ? [loc.name, loc.admin1, loc.country].filter(Boolean).join(', ') : 'an unknown place';
  const d = r.date?.start ? (r.date.end && r.date.end !== r.date.start ? `Between ${r.date.start} and ${r.date.end}` : `On ${r.date.start}`) : 'On an unknown date';
  const type = (r.type ?? s.type ?? 'incident').replace(/_/g, ' ');
  const parts = [`${d}, ${type} in ${place}.`];
  for (const f of r.fields ?? []) {
    if ((f.field === 'killed' || f.field === 'injured' || f.field === 'perpetrators') && f.values.length && f.text) parts.push(clean(f.text).replace(/^./, (c) => c.toUpperCase()) + '.');
  }
  if (r.provenance?.summary) parts.push(`Sources: ${clean(r.provenance.summary)}.`);
  const corrected = Object.keys(s.reviewed ?? {}).sort();
  if (corrected.length) parts.push(`Corrected by a documenter: ${corrected.join(', ')}.`);
  return parts.join(' ');
}

export function acledRow(s: IncidentSummary, ctx: AcledContext = {}): AcledRow {
  const r = effectiveRecord(s);
  const type = (r.type ?? s.type ?? 'other_violence') as IncidentType;
  const acled = ACLED_TYPES[type] ?? ACLED_TYPES.other_violence;
  const loc = r.location ?? null;
  const alpha2 = countryCode(loc?.country);
  const when = acledDate(r.date?.start ?? s.dateStart, r.date?.end ?? s.dateEnd);
  const names = new Map((r.provenance?.nodes ?? []).map((n) => [n.id, n.name]));
  const name = (id: string) => names.get(id) ?? id;
  const perps = uniq((r.perpetrators ?? []).map((p) => clean(p.group ?? p.name ?? p.text)).filter(Boolean));
  const vac = acled.eventType === 'Violence against civilians';
  const civilians = vac || (r.victims ?? []).some((v) => /\bcivilians?\b/i.test(v.description ?? v.text));
  const killed = r.killed ?? s.killed;
  const lat = loc?.lat ?? s.lat;
  const lon = loc?.lon ?? s.lon;
  const hasCoords = typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon);
  const number = /(\d+)$/.exec(s.id)?.[1] ?? s.id;
  const contradictions = uniq((r.contradictions ?? []).map((c) => c.field));
  const updated = ctx.updatedAt ? Date.parse(ctx.updatedAt) : NaN;
  return {
    event_id_cnty: `${countryAlpha3(alpha2) ?? 'XXX'}${number}`,
    event_date: when?.date ?? null,
    year: when ? Number(when.date.slice(0, 4)) : null,
    time_precision: when?.precision ?? null,
    disorder_type: DISORDER_TYPES[acled.eventType] ?? null,
    event_type: acled.eventType,
    sub_event_type: acled.subEventType,
    actor1: perps[0] ?? null,
    assoc_actor_1: perps.slice(1).join('; ') || null,
    inter1: null,
    actor2: vac ? `Civilians (${loc?.country ?? 'International'})` : null,
    assoc_actor_2: null,
    inter2: vac ? INTER_CIVILIANS : null,
    interaction: null,
    civilian_targeting: civilians ? 'Civilian targeting' : null,
    iso: countryNumeric(alpha2),
    region: acledRegion(alpha2),
    country: loc?.country ?? null,
    admin1: loc?.admin1 ?? null,
    admin2: null,
    admin3: null,
    location: loc?.name ?? s.locationName ?? null,
    latitude: hasCoords ? Math.round(lat * 1e4) / 1e4 : null,
    longitude: hasCoords ? Math.round(lon * 1e4) / 1e4 : null,
    geo_precision: acledGeoPrecision(ctx.mentions ?? [{ placePrecision: loc?.name && loc.name !== loc.admin1 && loc.name !== loc.country ? 'city' : 'admin1', placeText: null }], !!loc?.name),
    source: uniq([...(r.origins ?? []), ...(r.sources ?? [])].map(name)).join('; ') || null,
    source_scale: null,
    notes: acledNotes(s),
    fatalities: killed ? killed.min : 0,
    tags: [`corroborate id=${s.id}`, `reports=${s.reports}`, `origins=${(r.origins ?? []).length}`, ...(contradictions.length ? [`contradiction=${contradictions.join(',')}`] : [])].join('; '),
    timestamp: Number.isFinite(updated) ? Math.floor(updated / 1000) : null,
  };
}

export function acledLine(s: IncidentSummary, ctx: AcledContext = {}): string {
  const row = acledRow(s, ctx);
  return csvLine(ACLED_COLUMNS.map((c) => row[c]));
}
