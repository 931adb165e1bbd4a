/** /api/export/*: the export files (src/jobs/export.ts), with the same filters as /api/incidents. */
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { EXPORT_MEDIA, exportIncidents, type ExportFormat } from '../../jobs/export.js';
import { incidentWhere } from '../../store/index.js';
import type { ApiContext } from '../server.js';
import { incidentFilters, incidentQuerySchema, type IncidentQuery } from './incidents.js';

const FILES: Record<string, ExportFormat> = {
  'acled.csv': 'acled',
  'incidents.geojson': 'geojson',
  'prov.json': 'prov',
  'incidents.jsonl': 'jsonl',
};

export function exportRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get<{ Params: { file: string }; Querystring: IncidentQuery }>('/export/:file', {
    schema: {
      summary: 'export the incidents matching the filters: acled.csv (ACLED columns), incidents.geojson, prov.json (W3C PROV-JSON), incidents.jsonl',
      tags: ['export'],
      params: { type: 'object', required: ['file'], properties: { file: { type: 'string', enum: Object.keys(FILES) } } },
      querystring: {
        ...incidentQuerySchema,
        properties: { ...incidentQuerySchema.properties, limit: { type: 'integer', minimum: 1, maximum: 10_000_000, description: 'at most this many incidents (default: all)' } },
      },
    },
  }, async (req, reply) => {
    const format = FILES[req.params.file];
    // no limit: every incident matching the filters
    const { limit, ...filters } = incidentFilters({ ...req.query, limit: req.query.limit ?? 0, offset: req.query.offset ?? 0 });
    if (req.query.limit !== undefined) Object.assign(filters, { limit });
    incidentWhere(filters, []); // a bad date or place is a 400 before anything is sent
    const media = EXPORT_MEDIA[format];
    const out = new PassThrough();
    exportIncidents(ctx.db, format, filters, out).then(() => out.end(), (e: unknown) => {
      req.log.error(e);
      out.destroy(e as Error);
    });
    return reply
      .header('Content-Type', media.contentType)
      .header('Content-Disposition', `attachment; filename="${media.fileName}"`)
      .send(out);
  });
}
