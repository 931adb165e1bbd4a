/** /api/health, /api/me, /api/config, /api/audit and token management (admin). */
import type { FastifyInstance } from 'fastify';
import { createToken, listAudit, listTokens, logAudit, revokeToken, ROLES, storeCounts, type Role } from '../../store/index.js';
import { notFound } from '../errors.js';
import { pageQuery, type PageQuery } from '../schemas.js';
import type { ApiContext } from '../server.js';

export function adminRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/health', { schema: { summary: 'is the server up, and what the case file holds', tags: ['meta'] }, config: { role: null } }, async () => {
    const c = await storeCounts(ctx.db);
    return { ok: true, reports: c.reports, incidents: c.incidents, sources: c.sources };
  });

  app.get('/config', { schema: { summary: 'what the web app needs to know', tags: ['meta'] }, config: { role: null } }, async () => ({
    tiles: ctx.opts.tiles,
    public: ctx.opts.public,
  }));

  app.get('/me', { schema: { summary: 'who the token is', tags: ['meta'] } }, async (req) => {
    const c = req.caller!;
    return c.role === 'public' ? { role: 'public' } : { name: c.name, role: c.role };
  });

  app.get<{ Querystring: PageQuery }>('/audit', {
    schema: { summary: 'every write: who, when, what, the value before and after (newest first)', tags: ['review'], querystring: { type: 'object', additionalProperties: false, properties: { ...pageQuery } } },
    config: { role: 'viewer' },
  }, async (req) => listAudit(ctx.db, req.query));

  app.get<{ Querystring: PageQuery }>('/tokens', {
    schema: { summary: 'API tokens (names and roles, never the tokens themselves)', tags: ['admin'], querystring: { type: 'object', additionalProperties: false, properties: { ...pageQuery } } },
    config: { role: 'admin' },
  }, async (req) => {
    const all = await listTokens(ctx.db);
    return { items: all.slice(req.query.offset, req.query.offset + req.query.limit), total: all.length, limit: req.query.limit, offset: req.query.offset };
  });

  app.post<{ Body: { role: Role; name?: string } }>('/tokens', {
    schema: {
      summary: 'create a token (returned once)',
      tags: ['admin'],
      body: { type: 'object', required: ['role'], additionalProperties: false, properties: { role: { type: 'string', enum: [...ROLES] }, name: { type: 'string', minLength: 1, maxLength: 100 } } },
    },
    config: { role: 'admin' },
  }, async (req, reply) => {
    const t = await ctx.write(() => ctx.db.transaction(async (tx) => {
      const t = await createToken(tx, { role: req.body.role, name: req.body.name, by: req.caller!.name });
      await logAudit(tx, { by: req.caller!.name, action: 'tokens.create', targetKind: 'token', target: String(t.id), value: { name: t.name, role: t.role } });
      return t;
    }));
    return reply.status(201).send(t);
  });

  app.delete<{ Params: { id: number } }>('/tokens/:id', {
    schema: { summary: 'revoke a token', tags: ['admin'], params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } },
    config: { role: 'admin' },
  }, async (req) => {
    await ctx.write(() => ctx.db.transaction(async (tx) => {
      if (!(await revokeToken(tx, req.params.id))) throw notFound(`no active token ${req.params.id} (see GET /api/tokens)`);
      await logAudit(tx, { by: req.caller!.name, action: 'tokens.revoke', targetKind: 'token', target: String(req.params.id) });
    }));
    ctx.tokens.clear();
    return { ok: true };
  });
}
