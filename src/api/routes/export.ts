/** /api/export/*: the export files, with the same filters as /api/incidents. */
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors.js';
import type { ApiContext } from '../server.js';
import { incidentFilters, incidentQuerySchema, type IncidentQuery } from './incidents.js';

const FILES = {
  'acled.csv': { format: 'acled', type: 'text/csv; charset=utf-8' },
  'incidents.geojson': { format: 'geojson', type: 'application/geo+json; charset=utf-8' },
  'prov.json': { format: 'prov', type: 'application/json; charset=utf-8' },
  'incidents.jsonl': { format: 'jsonl', type: 'application/x-ndjson; charset=utf-8' },
} as const;

type ExportFn = (db: unknown, format: string, filters: unknown, out: NodeJS.WritableStream) => Promise<unknown>;

async function exporter(): Promise<ExportFn> {
  try {
    const path = '../../jobs/export.js';
    const mod = (await import(path)) as { exportIncidents?: ExportFn };
    if (mod.exportIncidents) return mod.exportIncidents;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw e;
  }
  throw new HttpError(501, 'not_implemented', 'exports are not available in this build');
}

export function exportRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get<{ Params: { file: keyof typeof FILES }; Querystring: IncidentQuery }>('/export/:file', {
    schema: {
      summary: 'export the incidents matching the filters: acled.csv, incidents.geojson, prov.json, incidents.jsonl',
      tags: ['export'],
      params: { type: 'object', required: ['file'], properties: { file: { type: 'string', enum: Object.keys(FILES) } } },
      querystring: { ...incidentQuerySchema, properties: { ...incidentQuerySchema.properties, limit: { type: 'integer', minimum: 1, maximum: 1_000_000 } } },
    },
  }, async (req, reply) => {
    const spec = FILES[req.params.file];
    const run = await exporter();
    const filters = { ...incidentFilters({ ...req.query, limit: req.query.limit ?? 1_000_000, offset: req.query.offset ?? 0 }) };
    // the first bytes are awaited so that an error before any output is still a JSON error
    const out = new PassThrough();
    const done = run(ctx.db, spec.format, filters, out).then(() => out.end(), (e: unknown) => out.destroy(e as Error));
    void done;
    return reply
      .header('Content-Type', spec.type)
      .header('Content-Disposition', `attachment; filename="${req.params.file}"`)
      .send(out);
  });
}
