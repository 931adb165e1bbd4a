/** /api/incidents: search, the case sheet, field reviews, merge and split, the audit of one incident. */
import type { FastifyInstance } from 'fastify';
import { INCIDENT_TYPES } from '../../model/index.js';
import {
  addReview, getIncident, listAudit, listReviews, logAudit, REVIEW_FIELDS, searchIncidents, existingIncidents,
  type IncidentListRow, type ReviewField,
} from '../../store/index.js';
import { memberKey } from '../../jobs/case-file.js';
import { CorrectionError, mergeIncidents, splitIncident } from '../../jobs/corrections.js';
import { caseSheet, correctionValue, effectiveValues } from '../case-sheet.js';
import { badRequest, notFound } from '../errors.js';
import { idParam, isoDate, pageQuery, parseNear, why, type PageQuery } from '../schemas.js';
import type { ApiContext } from '../server.js';

export interface IncidentQuery extends PageQuery {
  q?: string;
  type?: string;
  from?: string;
  to?: string;
  near?: string;
  minOrigins?: number;
}

export const incidentQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: 500, description: 'full text over the incidents and their reports (words, "phrases", -not, or)' },
    type: { type: 'string', enum: [...INCIDENT_TYPES] },
    from: { ...isoDate, description: 'incidents on or after this day (YYYY-MM-DD)' },
    to: { ...isoDate, description: 'incidents on or before this day (YYYY-MM-DD)' },
    near: { type: 'string', maxLength: 80, description: 'LAT,LON,KM: within KM of a point, nearest first' },
    minOrigins: { type: 'integer', minimum: 0, maximum: 1000, description: 'at least this many independent origins' },
    ...pageQuery,
  },
} as const;

/** The filters of an incident query (shared with the export routes). */
export function incidentFilters(q: IncidentQuery) {
  return {
    q: q.q, type: q.type, from: q.from, to: q.to, minOrigins: q.minOrigins,
    near: q.near ? parseNear(q.near) : undefined, limit: q.limit, offset: q.offset,
  };
}

/** One incident as a list item of the API. */
export function incidentItem(r: IncidentListRow) {
  const loc = r.location;
  return {
    id: r.id,
    type: r.type,
    date: { start: r.dateStart, end: r.dateEnd ?? r.dateStart },
    location: loc ? { name: loc.name ?? null, admin1: loc.admin1 ?? null, country: loc.country ?? null, lat: loc.lat ?? null, lon: loc.lon ?? null } : null,
    killed: r.killed,
    injured: r.injured,
    reports: r.reports,
    origins: r.origins,
    independence: r.independence,
    contradictions: [...new Set(r.contradictions)],
    perpetrators: r.perpetrators.filter((n): n is string => typeof n === 'string' && n !== ''),
    reviewed: r.reviewed,
    ...(r.km !== undefined ? { km: Math.round(r.km * 10) / 10 } : {}),
  };
}

/**
 * The JSON of one list item, kept as long as its row object lives: the in-memory incident list
 * (src/store/incident-index.ts) hands out the same row until the incident changes.
 */
const itemJson = new WeakMap<IncidentListRow, string>();
function itemText(r: IncidentListRow): string {
  if (r.km !== undefined) return JSON.stringify(incidentItem(r));
  let t = itemJson.get(r);
  if (t === undefined) itemJson.set(r, (t = JSON.stringify(incidentItem(r))));
  return t;
}

const KEEP_QUERY = ['q', 'type', 'from', 'to', 'near', 'minOrigins', 'limit', 'offset'] as const;

/** A correction that cannot be made (src/jobs/corrections.ts) as a 404 (unknown id) or 400 the caller can act on. */
export function correctionError(e: unknown): never {
  if (e instanceof CorrectionError) {
    if (/^no (incident|source) /.test(e.message)) throw notFound(e.message.replace(/\(see corroborate (\w+)\)/, '(see /api/$1)'));
    throw badRequest(e.message);
  }
  throw e;
}

/** The 404 message for an incident id: where it went when the audit log knows (merged into another), else how to look. */
async function whereDidItGo(ctx: ApiContext, id: string): Promise<string> {
  const log = await listAudit(ctx.db, { targets: [id], limit: 1 });
  const last = log.items[0];
  const into = (last?.value as { result?: { incident?: string } } | null)?.result?.incident;
  if (last?.action === 'incidents.merge' && into && into !== id) {
    return `no incident ${id}: it was merged into ${into} by ${last.by} at ${last.at} (see /api/incidents/${into})`;
  }
  return `no incident ${id} (it may have been merged or renumbered by re-linking: see /api/audit and /api/incidents)`;
}

export function incidentRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get<{ Querystring: IncidentQuery }>('/incidents', {
    schema: { summary: 'search incidents', tags: ['incidents'], querystring: incidentQuerySchema },
  }, async (req, reply) => {
    const q = req.query;
    const key = 'incidents?' + KEEP_QUERY.map((k) => `${k}=${q[k] ?? ''}`).join('&');
    const hit = ctx.cache.get(key);
    if (hit !== undefined) return reply.type('application/json; charset=utf-8').send(hit);
    const gen = ctx.cache.current;
    const page = ctx.index ? await ctx.index.search(incidentFilters(q)) : await searchIncidents(ctx.db, incidentFilters(q));
    const body = `{"items":[${page.items.map(itemText).join(',')}],"total":${page.total},"limit":${page.limit},"offset":${page.offset}}`;
    ctx.cache.set(key, body, gen);
    return reply.type('application/json; charset=utf-8').send(body);
  });

  app.get<{ Params: { id: string } }>('/incidents/:id', {
    schema: { summary: 'the case sheet of one incident', tags: ['incidents'], params: idParam('incident') },
  }, async (req) => {
    const d = await getIncident(ctx.db, req.params.id);
    if (!d) throw notFound(await whereDidItGo(ctx, req.params.id));
    const reviews = await listReviews(ctx.db, req.params.id);
    return caseSheet(d, reviews);
  });

  app.post<{ Params: { id: string }; Body: { field: ReviewField; action: 'accept' | 'correct'; value?: unknown; note?: string } }>('/incidents/:id/review', {
    schema: {
      summary: 'accept or correct one field of an incident (the extraction is never overwritten)',
      tags: ['review'],
      params: idParam('incident'),
      body: {
        type: 'object',
        required: ['field', 'action'],
        additionalProperties: false,
        properties: {
          field: { type: 'string', enum: [...REVIEW_FIELDS] },
          action: { type: 'string', enum: ['accept', 'correct'] },
          value: { description: 'the corrected value (action "correct"): a number or {min,max} (max null: no upper bound; approximate: true for "about"); YYYY-MM-DD or {start,end}; a place name or object; a type; names' },
          note: { type: 'string', maxLength: 2000 },
        },
      },
    },
    config: { role: 'editor' },
  }, async (req, reply) => {
    const { id } = req.params;
    const { field, action, note } = req.body;
    const value = action === 'correct' ? correctionValue(field, req.body.value) : undefined;
    const entry = await ctx.write(async () => ctx.db.transaction(async (tx) => {
      const d = await getIncident(tx, id);
      if (!d) throw notFound(`no incident ${id} (it may have been merged or renumbered by re-linking: see /api/incidents)`);
      const members = d.members.map(memberKey);
      const previous = effectiveValues(d.record as Record<string, unknown>, await listReviews(tx, id))[field];
      const r = await addReview(tx, { incidentId: id, members, field, action, value: action === 'accept' ? previous : value, previous, by: req.caller!.name, note: note ?? null });
      await logAudit(tx, { by: req.caller!.name, action: `review.${action}`, targetKind: 'incident', target: id, previous: { [field]: previous }, value: { [field]: r.value }, note });
      return r;
    }));
    return reply.status(201).send({ field: entry.field, action: entry.action, value: entry.value, previous: entry.previous, by: entry.by, at: entry.at, note: entry.note });
  });

  app.get<{ Params: { id: string }; Querystring: PageQuery }>('/incidents/:id/audit', {
    schema: { summary: 'every logged change of one incident', tags: ['review'], params: idParam('incident'), querystring: { type: 'object', additionalProperties: false, properties: { ...pageQuery } } },
  }, async (req) => {
    const known = await existingIncidents(ctx.db, [req.params.id]);
    const page = await listAudit(ctx.db, { targets: [req.params.id], limit: req.query.limit, offset: req.query.offset });
    if (!known.size && !page.total) throw notFound(`no incident ${req.params.id} and nothing logged about it`);
    return page;
  });

  app.post<{ Body: { ids: string[]; why?: string } }>('/incidents/merge', {
    schema: {
      summary: 'merge incidents into one (logged; re-linking keeps it)',
      tags: ['review'],
      body: { type: 'object', required: ['ids'], additionalProperties: false, properties: { ids: { type: 'array', minItems: 2, maxItems: 100, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 300 } }, why } },
    },
    config: { role: 'editor' },
  }, async (req, reply) => {
    const { ids, why: reason } = req.body;
    const result = await ctx.write(() => ctx.db.transaction(async (tx) => {
      const known = await existingIncidents(tx, ids);
      const missing = ids.filter((x) => !known.has(x));
      if (missing.length) throw notFound(`no incident ${missing.join(', ')} (see /api/incidents)`);
      const before: string[][] = [];
      for (const x of ids) before.push((await getIncident(tx, x))?.members.map(memberKey) ?? []);
      const out = await mergeIncidents(tx, ids, { by: req.caller!.name, why: reason ?? undefined }).catch(correctionError);
      for (const [i, x] of ids.entries()) {
        await logAudit(tx, { by: req.caller!.name, action: 'incidents.merge', targetKind: 'incident', target: x, previous: { members: before[i] }, value: { mergedWith: ids.filter((y) => y !== x), result: out ?? null }, note: reason });
      }
      return out;
    }));
    return reply.status(201).send({ ok: true, result: result ?? null });
  });

  app.post<{ Params: { id: string }; Body: { reports: string[]; why?: string } }>('/incidents/:id/split', {
    schema: {
      summary: 'split reports out of an incident into a new one (logged; re-linking keeps it)',
      tags: ['review'],
      params: idParam('incident'),
      body: { type: 'object', required: ['reports'], additionalProperties: false, properties: { reports: { type: 'array', minItems: 1, maxItems: 1000, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 300 } }, why } },
    },
    config: { role: 'editor' },
  }, async (req, reply) => {
    const { id } = req.params;
    const result = await ctx.write(() => ctx.db.transaction(async (tx) => {
      const d = await getIncident(tx, id);
      if (!d) throw notFound(`no incident ${id} (see /api/incidents)`);
      const inIt = new Set(d.members.map((m) => m.reportId));
      const strangers = req.body.reports.filter((r) => !inIt.has(r));
      if (strangers.length) throw badRequest(`not reports of incident ${id}: ${strangers.join(', ')} (its reports are listed in its case sheet)`);
      const out = await splitIncident(tx, id, { by: req.caller!.name, why: req.body.why ?? undefined, reports: req.body.reports }).catch(correctionError);
      await logAudit(tx, { by: req.caller!.name, action: 'incidents.split', targetKind: 'incident', target: id, previous: { members: d.members.map(memberKey) }, value: { reports: req.body.reports, result: out ?? null }, note: req.body.why });
      return out;
    }));
    return reply.status(201).send({ ok: true, result: result ?? null });
  });
}
