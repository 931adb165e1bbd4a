/**
 * `corroborate serve`: one Fastify process serving the web app (static files built into
 * dist/web, with the SPA's index.html for any other non-API path) and the HTTP API under /api
 * (routes, roles and errors: the README's "Serve" section). Every route is schema-validated and
 * described in the OpenAPI document at /api/openapi.json.
 *
 * Reports are hostile input: their text only ever leaves as JSON data or as an attachment with
 * a sandboxing CSP, and every response carries a CSP that forbids inline and foreign scripts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { IncidentIndex, type Db, type Role } from '../store/index.js';
import { inThreadExtractor, workerExtractor, type Extractor } from '../jobs/upload.js';
import { TokenResolver, type Caller } from './auth.js';
import { AnswerCache } from './cache.js';
import { rateLimits, type RateLimitOptions } from './rate-limit.js';
import { checkTileTemplate } from './tile-template.js';
import { errorBody, HttpError } from './errors.js';
import { adminRoutes } from './routes/admin.js';
import { exportRoutes } from './routes/export.js';
import { incidentRoutes } from './routes/incidents.js';
import { reportRoutes } from './routes/reports.js';
import { sourceRoutes } from './routes/sources.js';

export interface ServerOptions {
  db: Db;
  /** GET requests need no token */
  public?: boolean;
  /** a map tile URL template for the web app (its host is allowed by the CSP) */
  tiles?: string | null;
  /** folder of the built web app (default: dist/web of this package) */
  webDir?: string;
  /** largest upload body in bytes (default 20 MB) */
  uploadLimit?: number;
  /** largest JSON write body in bytes (default 1 MB) */
  jsonLimit?: number;
  /** answers kept for identical incident searches (default 500; 0 turns the cache off) */
  cacheSize?: number;
  /** how long a cached answer lives (default: until the next write on PGlite, 2 s on a PostgreSQL server) */
  cacheTtlMs?: number;
  /**
   * incident searches over the list held in memory (src/store/incident-index.ts) rather than SQL
   * (default: on an embedded store, which only this process can write; off on a PostgreSQL server)
   */
  searchIndex?: boolean;
  /** worker threads that extract uploaded reports (default 1; 0: extract in the server's own thread) */
  extractWorkers?: number;
  /** the worker script (default: src/jobs/extract-worker.js beside the pool, i.e. the built one) */
  workerScript?: URL;
  /** failed authentications per address, writes and reads per token (src/api/rate-limit.ts; default 30, 60 and no limit a minute) */
  rateLimit?: RateLimitOptions;
  /** addresses (or CIDR ranges) of reverse proxies whose X-Forwarded-For names the client (default: none, the socket's address is the client) */
  trustProxy?: string | string[];
  logger?: boolean;
}

export interface ApiContext {
  db: Db;
  opts: Required<Pick<ServerOptions, 'public' | 'uploadLimit' | 'jsonLimit'>> & { tiles: string | null };
  cache: AnswerCache;
  /** the incident list in memory, when searches use it */
  index: IncidentIndex | null;
  tokens: TokenResolver;
  /** Runs a write: one at a time (re-linking replaces the linked view), then drops cached answers and marks the index stale. */
  write<T>(fn: () => Promise<T>): Promise<T>;
  /** extracts an uploaded report (in a worker thread unless extractWorkers is 0) */
  extract: Extractor;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
    rawBody: Buffer | null;
  }
  interface FastifyContextConfig {
    /** the lowest role the route needs; null: open to anyone (health, config, the OpenAPI document) */
    role?: Role | null;
    /** the route takes report bodies (text, HTML, JSON Lines, JSON) up to the upload limit */
    upload?: boolean;
  }
}

export const DEFAULT_UPLOAD_LIMIT = 20 * 1024 * 1024;
export const DEFAULT_JSON_LIMIT = 1024 * 1024;

/** The package's dist/web (found from this file, in src/ or in dist/src/). */
export function defaultWebDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'corroborate') return join(dir, 'dist', 'web');
    } catch {
      // not the package root: look higher
    }
    dir = dirname(dir);
  }
  return resolve('dist/web');
}

/** The Content-Security-Policy of every response (the tile server's origin may serve images). */
export function contentSecurityPolicy(tiles: string | null): string {
  let tileOrigin = '';
  if (tiles) {
    try {
      // a template such as https://tile.example.org/{z}/{x}/{y}.png: only its origin matters
      tileOrigin = ' ' + new URL(tiles.replace(/[{}]/g, '')).origin;
    } catch {
      tileOrigin = '';
    }
  }
  return `default-src 'self'; img-src 'self' data:${tileOrigin}; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'none'`;
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>corroborate</title></head>
<body><h1>corroborate</h1><p>web app not built: run npm run build</p>
<p>The HTTP API is available under <a href="/api/openapi.json">/api</a>.</p></body></html>
`;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const uploadLimit = options.uploadLimit ?? DEFAULT_UPLOAD_LIMIT;
  const jsonLimit = options.jsonLimit ?? DEFAULT_JSON_LIMIT;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: jsonLimit,
    // report ids contain ':' and are long
    routerOptions: { maxParamLength: 300 },
    ...(options.trustProxy?.length ? { trustProxy: options.trustProxy } : {}),
    ajv: { customOptions: { allErrors: false, coerceTypes: 'array', removeAdditional: false } },
  });
  const tiles = options.tiles ? checkTileTemplate(options.tiles) : null;
  const csp = contentSecurityPolicy(tiles);
  let queue: Promise<unknown> = Promise.resolve();
  // the worker script is the compiled one: running from the TypeScript sources, extract in this thread
  const workerScript = options.workerScript ?? new URL('../jobs/extract-worker.js', import.meta.url);
  const useWorkers = (options.extractWorkers ?? 1) > 0 && existsSync(fileURLToPath(workerScript));
  const workers = useWorkers ? workerExtractor({ size: options.extractWorkers ?? 1, script: workerScript }) : null;
  app.addHook('onClose', async () => {
    await workers?.close();
  });
  const ctx: ApiContext = {
    db: options.db,
    opts: { public: options.public ?? false, uploadLimit, jsonLimit, tiles },
    cache: new AnswerCache(options.cacheSize ?? 500, options.cacheTtlMs ?? (options.db.engine === 'pglite' ? Infinity : 2000)),
    index: (options.searchIndex ?? options.db.engine === 'pglite') ? new IncidentIndex(options.db) : null,
    tokens: new TokenResolver(options.db),
    write<T>(fn: () => Promise<T>): Promise<T> {
      const run = queue.then(fn, fn);
      queue = run.catch(() => {});
      return run.finally(() => {
        ctx.cache.clear();
        ctx.index?.invalidate();
      });
    },
    extract: workers?.extract ?? inThreadExtractor,
  };

  app.decorateRequest('caller', null);
  app.decorateRequest('rawBody', null);
  const limits = await rateLimits(app, options.rateLimit);

  // bodies are read as bytes (an uploaded report is archived exactly as received); JSON is parsed here
  // Fastify's own JSON parsing refuses "__proto__" and "constructor.prototype" keys
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const buf = body as Buffer;
    req.rawBody = buf;
    if (!buf.length) return done(new HttpError(400, 'bad_request', 'the body is empty: send a JSON object'), undefined);
    parseJson(req, buf.toString('utf8'), (err: Error | null, value?: unknown) => {
      if (err) done(new HttpError(400, 'bad_request', `the body is not valid JSON (${err.message})`), undefined);
      else done(null, value);
    });
  });
  for (const type of ['text/plain', 'text/html', 'application/x-ndjson', 'application/jsonl']) {
    app.addContentTypeParser(type, { parseAs: 'buffer' }, (req, body, done) => {
      req.rawBody = body as Buffer;
      done(null, body);
    });
  }

  app.addHook('onRequest', async (req, reply) => {
    reply.header('Content-Security-Policy', csp);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    if (!req.url.startsWith('/api/') && req.url !== '/api') return;
    // case data (and who may see it) is not for shared caches
    reply.header('Cache-Control', 'no-store');
    const role = req.routeOptions.config?.role;
    if (req.is404 || role === null) return;
    // the token check within the rate limits: null when a 429 has been sent
    req.caller = await limits.authorise(req, reply, ctx.tokens, { needed: role ?? (req.method === 'GET' || req.method === 'HEAD' ? 'viewer' : 'editor'), publicRead: ctx.opts.public });
    if (!req.caller) return reply;
    // a write that is not an upload takes JSON only (checked before its body is read)
    if (req.method === 'POST' && !req.routeOptions.config?.upload) {
      const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (type !== 'application/json') throw new HttpError(415, 'unsupported_media_type', `send this request's body as application/json (got ${type ? `"${type.slice(0, 60)}"` : 'no Content-Type'})`);
    }
  });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string; validation?: unknown; validationContext?: string }, req, reply) => {
    const send = (status: number, code: string, message: string) => reply.status(status).type('application/json; charset=utf-8').send(errorBody(status, code, message));
    if (err instanceof HttpError) return send(err.status, err.code, err.message);
    if (err.validation) return send(400, 'bad_request', `invalid ${err.validationContext ?? 'request'}: ${err.message}`);
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE': {
        const limit = req.routeOptions.config?.upload ? uploadLimit : jsonLimit;
        return send(413, 'payload_too_large', `the body is larger than the limit of ${limit} bytes for this request${req.routeOptions.config?.upload ? ' (split it, or start the server with a larger --max-upload)' : ''}`);
      }
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(415, 'unsupported_media_type', `unsupported Content-Type "${String(req.headers['content-type'] ?? '').slice(0, 60)}": send application/json${req.routeOptions.config?.upload ? ', text/plain, text/html or application/x-ndjson' : ''}`);
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(400, 'bad_request', 'the body is empty: send a JSON object');
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(400, 'bad_request', 'the Content-Length header does not match the body');
    }
    if (err instanceof RangeError) return send(400, 'bad_request', err.message);
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) return send(status, status === 404 ? 'not_found' : 'bad_request', err.message);
    // the details go to the server's log, not to the client
    if (options.logger) req.log.error(err);
    else process.stderr.write(`corroborate serve: ${req.method} ${req.url.split('?')[0].slice(0, 200)} failed: ${(err.stack ?? err.message).split('\n').slice(0, 3).join(' | ')}\n`);
    return send(500, 'internal', 'internal error: the request failed on the server (its log says why); try again, and report it if it persists');
  });

  const { default: swagger } = await import('@fastify/swagger');
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'corroborate', version: '0.1.0', description: `Structured, sourced, corroborated incident records: the HTTP API. ${limits.describe()}` },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });

  await app.register(async (api) => {
    adminRoutes(api, ctx);
    incidentRoutes(api, ctx);
    reportRoutes(api, ctx);
    sourceRoutes(api, ctx);
    exportRoutes(api, ctx);
    api.get('/openapi.json', { schema: { hide: true }, config: { role: null } }, async () => app.swagger());
  }, { prefix: '/api' });

  // the web app
  const webDir = options.webDir ?? defaultWebDir();
  const built = existsSync(join(webDir, 'index.html'));
  if (built) {
    const { default: fastifyStatic } = await import('@fastify/static');
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler(async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.url === '/api' || req.url.startsWith('/api/')) {
      return reply.status(404).send(errorBody(404, 'not_found', `no API route ${req.method} ${req.url.split('?')[0].slice(0, 200)} (see /api/openapi.json)`));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return reply.status(404).send(errorBody(404, 'not_found', `nothing to ${req.method} at ${req.url.split('?')[0].slice(0, 200)}`));
    }
    if (built) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
  });

  await app.ready();
  // read the incident list now rather than in the first search (a failure is retried by that search)
  if (ctx.index) await ctx.index.current().catch(() => {});
  return app;
}
