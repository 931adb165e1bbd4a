/** /api/sources (list, merge, split) and /api/claims (search). */
import type { FastifyInstance } from 'fastify';
import { mergeSources, splitSource } from '../../jobs/corrections.js';
import { listClaimsPage, listSourcesPage, logAudit, sourcesById } from '../../store/index.js';
import { notFound } from '../errors.js';
import { idParam, pageQuery, why, type PageQuery } from '../schemas.js';
import type { ApiContext } from '../server.js';
import { correctionError } from './incidents.js';

export function sourceRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get<{ Querystring: PageQuery & { q?: string } }>('/sources', {
    schema: {
      summary: 'canonical sources, most named first (q: a name or alias, fuzzy)',
      tags: ['sources'],
      querystring: { type: 'object', additionalProperties: false, properties: { q: { type: 'string', maxLength: 300 }, ...pageQuery } },
    },
  }, async (req) => listSourcesPage(ctx.db, req.query));

  app.post<{ Body: { ids: string[]; name?: string; why?: string } }>('/sources/merge', {
    schema: {
      summary: 'merge sources into one identity (logged; re-linking keeps it)',
      tags: ['review'],
      body: {
        type: 'object', required: ['ids'], additionalProperties: false,
        properties: { ids: { type: 'array', minItems: 2, maxItems: 100, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 300 } }, name: { type: 'string', minLength: 1, maxLength: 300 }, why },
      },
    },
    config: { role: 'editor' },
  }, async (req, reply) => {
    const { ids, name, why: reason } = req.body;
    const result = await ctx.write(() => ctx.db.transaction(async (tx) => {
      const before = await sourcesById(tx, ids);
      const missing = ids.filter((x) => !before.some((b) => b.id === x));
      if (missing.length) throw notFound(`no source ${missing.join(', ')} (see /api/sources)`);
      const out = await mergeSources(tx, ids, { by: req.caller!.name, why: reason ?? undefined, name: name ?? undefined }).catch(correctionError);
      for (const x of ids) {
        const prev = before.find((b) => b.id === x)!;
        await logAudit(tx, { by: req.caller!.name, action: 'sources.merge', targetKind: 'source', target: x, previous: { name: prev.name, kind: prev.kind, aliases: prev.aliases }, value: { mergedWith: ids.filter((y) => y !== x), name: name ?? null, result: out ?? null }, note: reason });
      }
      return out;
    }));
    return reply.status(201).send({ ok: true, result: result ?? null });
  });

  app.post<{ Params: { id: string }; Body: { names: string[]; why?: string } }>('/sources/:id/split', {
    schema: {
      summary: 'split names out of a source identity (logged; re-linking keeps it)',
      tags: ['review'],
      params: idParam('source'),
      body: { type: 'object', required: ['names'], additionalProperties: false, properties: { names: { type: 'array', minItems: 1, maxItems: 100, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 300 } }, why } },
    },
    config: { role: 'editor' },
  }, async (req, reply) => {
    const { id } = req.params;
    const result = await ctx.write(() => ctx.db.transaction(async (tx) => {
      const [prev] = await sourcesById(tx, [id]);
      if (!prev) throw notFound(`no source ${id} (see /api/sources)`);
      const out = await splitSource(tx, id, { by: req.caller!.name, why: req.body.why ?? undefined, names: req.body.names }).catch(correctionError);
      await logAudit(tx, { by: req.caller!.name, action: 'sources.split', targetKind: 'source', target: id, previous: { name: prev.name, kind: prev.kind, aliases: prev.aliases }, value: { names: req.body.names, result: out ?? null }, note: req.body.why });
      return out;
    }));
    return reply.status(201).send({ ok: true, result: result ?? null });
  });

  app.get<{ Querystring: PageQuery & { q?: string; source?: string } }>('/claims', {
    schema: {
      summary: 'claims: who said what (q: full text over contents; source: a canonical source id)',
      tags: ['claims'],
      querystring: { type: 'object', additionalProperties: false, properties: { q: { type: 'string', maxLength: 500 }, source: { type: 'string', maxLength: 300 }, ...pageQuery } },
    },
  }, async (req) => listClaimsPage(ctx.db, req.query));
}
