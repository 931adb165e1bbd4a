/** JSON schemas shared by the routes (querystrings, params, bodies). */
import { DEFAULT_PAGE, MAX_PAGE } from '../store/index.js';

export const pageQuery = {
  limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PAGE, description: `page size (at most ${MAX_PAGE})` },
  offset: { type: 'integer', minimum: 0, maximum: 10_000_000, default: 0, description: 'items to skip' },
} as const;

export const idParam = (what: string) => ({
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 300, description: `the ${what} id` } },
}) as const;

export const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

export const why = { type: 'string', maxLength: 2000, description: 'why (kept in the audit log)' } as const;

export interface PageQuery {
  limit: number;
  offset: number;
}

/** "LAT,LON,KM" → numbers, or a RangeError naming the parameter. */
export function parseNear(v: string): { lat: number; lon: number; km: number } {
  const parts = v.split(',').map((x) => (x.trim() === '' ? NaN : Number(x)));
  if (parts.length !== 3 || !parts.every(Number.isFinite) || Math.abs(parts[0]) > 90 || Math.abs(parts[1]) > 180 || parts[2] < 0) {
    throw new RangeError(`near must be LAT,LON,KM such as 35.95,39.01,25 (lat -90..90, lon -180..180, km >= 0); got "${v.slice(0, 60)}"`);
  }
  return { lat: parts[0], lon: parts[1], km: parts[2] };
}
