/** /api/reports: upload, list, one report with its highlighted spans, the archived bytes. */
import type { FastifyInstance } from 'fastify';
import { getReport, listReportSources, listReportsPage, logAudit, reportIncidents, type ReportStatus } from '../../store/index.js';
import { ingestUploads, jsonlItems, recordItem, type UploadItem, type UploadMeta } from '../../jobs/upload.js';
import { badRequest, HttpError, notFound } from '../errors.js';
import { reportHighlights } from '../highlights.js';
import { idParam, isoDate, pageQuery, type PageQuery } from '../schemas.js';
import type { ApiContext } from '../server.js';

const fatal = new TextDecoder('utf-8', { fatal: true });

/** Metadata of a raw (text / HTML) upload: from the query, else from X-Report-* headers. */
function uploadMeta(query: Record<string, string | undefined>, headers: Record<string, string | string[] | undefined>): UploadMeta {
  const h = (name: string) => {
    const v = headers[`x-report-${name}`];
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  };
  const meta: UploadMeta = { title: query.title ?? h('title') ?? null, published: query.published ?? h('published') ?? null, url: query.url ?? h('url') ?? null };
  if (meta.published && !/^\d{4}-\d{2}-\d{2}/.test(meta.published)) throw badRequest(`published must be YYYY-MM-DD; got "${meta.published.slice(0, 40)}"`);
  return meta;
}

export function reportRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get<{ Querystring: PageQuery & { q?: string; status?: ReportStatus } }>('/reports', {
    schema: {
      summary: 'list reports (full text with q)',
      tags: ['reports'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { q: { type: 'string', maxLength: 500 }, status: { type: 'string', enum: ['pending', 'ok', 'failed'] }, ...pageQuery },
      },
    },
  }, async (req) => listReportsPage(ctx.db, req.query));

  app.post<{ Querystring: { title?: string; published?: string; url?: string }; Body: unknown }>('/reports', {
    schema: {
      summary: 'upload reports: text/plain, text/html, application/x-ndjson (one {id,text,title?,published?,url?} per line) or application/json {text,...}',
      tags: ['reports'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { title: { type: 'string', maxLength: 1000 }, published: isoDate, url: { type: 'string', maxLength: 2000 } },
      },
    },
    bodyLimit: ctx.opts.uploadLimit,
    config: { role: 'editor', upload: true },
  }, async (req, reply) => {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const raw = req.rawBody;
    if (!raw || !raw.length) throw badRequest('the body is empty: send the report (text/plain, text/html, application/x-ndjson or application/json)');
    let items: UploadItem[];
    if (type === 'application/json') {
      const body = req.body;
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('a JSON upload is one object {"text": "...", "title"?, "published"?, "url"?, "id"?}; send several as application/x-ndjson');
      const item = recordItem('body', raw, 'json', body);
      if (item.recordError) throw badRequest(`the JSON body is not a report: ${item.recordError}`);
      items = [item];
    } else if (type === 'application/x-ndjson' || type === 'application/jsonl') {
      items = await jsonlItems(raw, ctx.opts.uploadLimit);
      if (!items.length) throw badRequest('the JSON Lines body has no lines');
    } else if (type === 'text/plain' || type === 'text/html') {
      items = [{ label: 'body', raw, format: type === 'text/html' ? 'html' : 'text', meta: uploadMeta(req.query, req.headers) }];
    } else {
      throw new HttpError(415, 'unsupported_media_type', `unsupported Content-Type "${type}"`);
    }
    const by = req.caller!.name;
    const results = await ctx.write(async () => {
      const res = await ingestUploads(ctx.db, items, { by, from: 'api', extract: ctx.extract });
      for (const r of res) {
        if (r.id && r.outcome !== 'present') await logAudit(ctx.db, { by, action: 'reports.upload', targetKind: 'report', target: r.id, value: { outcome: r.outcome, error: r.error ?? null, input: r.label } });
      }
      return res;
    });
    return reply.status(201).send({ results: results.map((r) => ({ id: r.id, input: r.label, outcome: r.outcome, ...(r.error ? { error: r.error } : {}) })) });
  });

  app.get<{ Params: { id: string } }>('/reports/:id', {
    schema: { summary: 'one report: its text, extraction and highlighted spans (UTF-16 offsets)', tags: ['reports'], params: idParam('report') },
  }, async (req) => {
    const r = await getReport(ctx.db, req.params.id);
    if (!r) throw notFound(`no report ${req.params.id} (ids are sha256:<64 hex>: see /api/reports)`);
    const text = r.text ?? '';
    const ex = r.extraction;
    const linked = await reportIncidents(ctx.db, r.id);
    const incidentOf = new Map(linked.map((m) => [m.mentionId, m.incidentId]));
    const canonical = new Map((await listReportSources(ctx.db, [r.id])).map((s) => [s.localId, s.sourceId]));
    return {
      report: { id: r.id, externalId: r.externalId, title: r.title, published: r.published, url: r.url, status: r.status, error: r.error, language: r.language, text },
      sources: (ex?.sources ?? []).map((s) => ({ ...s, canonical: canonical.get(s.id) ?? null })),
      claims: ex?.claims ?? [],
      citations: ex?.citations ?? [],
      incidents: linked,
      highlights: ex ? reportHighlights(ex, text.length, (m) => incidentOf.get(m) ?? null) : [],
      custody: r.custody,
    };
  });

  app.get<{ Params: { id: string } }>('/reports/:id/raw', {
    schema: { summary: 'the archived bytes of one report, as received (an attachment, never rendered)', tags: ['reports'], params: idParam('report') },
  }, async (req, reply) => {
    const r = await getReport(ctx.db, req.params.id);
    if (!r) throw notFound(`no report ${req.params.id} (see /api/reports)`);
    let textual = true;
    try {
      fatal.decode(r.raw);
    } catch {
      textual = false;
    }
    const name = r.id.replace(/^sha256:/, '').slice(0, 16) + (textual ? '.txt' : '.bin');
    return reply
      .header('Content-Type', textual ? 'text/plain; charset=utf-8' : 'application/octet-stream')
      .header('Content-Disposition', `attachment; filename="${name}"`)
      .header('Content-Security-Policy', 'sandbox')
      .header('X-Content-Type-Options', 'nosniff')
      .send(r.raw);
  });
}
