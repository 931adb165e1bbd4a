/**
 * Rate limits of the HTTP API, counted by @fastify/rate-limit (its in-memory store, one per
 * limit; fixed windows, one minute by default):
 *
 * - **failed authentications** per client address (IPv6 by /64): a request whose token the token
 *   check refuses (401) counts; once an address has used its budget, every request of it that
 *   carries a token is answered 429 until the window ends, without the token being looked at, so
 *   tokens cannot be guessed at speed. A request without a token, or with a good token and too low
 *   a role (403), guesses nothing and is not counted: a web app opened before signing in, or an
 *   editor's button pressed by a viewer, does not use up the address's budget;
 * - **writes** (every method but GET and HEAD) per token;
 * - **reads** per token, or per address without one: off unless configured (the web app makes
 *   many reads, and the search cache is there to answer them fast).
 *
 * Open routes (health, config, the OpenAPI document) and the web app's files are never limited.
 * A refusal is the API's error object with status 429, code "too_many_requests", a message
 * saying how long to wait, and a Retry-After header (seconds). Limited requests that pass carry
 * X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset.
 */
import rateLimitPlugin, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../store/index.js';
import { authorise, type Caller, type TokenResolver } from './auth.js';
import { errorBody, HttpError } from './errors.js';

export interface RateLimitOptions {
  /** refused tokens (401) per client address per window before the address is refused (default 30; 0: no limit) */
  authFailures?: number;
  /** writes (POST, DELETE) per token per window (default 60; 0: no limit) */
  writes?: number;
  /** reads (GET, HEAD) per token, or per address without a token, per window (default 0: no limit) */
  reads?: number;
  /** the window in milliseconds (default 60 000: the limits are per minute) */
  windowMs?: number;
}

export const DEFAULT_RATE_LIMITS: Required<RateLimitOptions> = { authFailures: 30, writes: 60, reads: 0, windowMs: 60_000 };

type Check = ReturnType<FastifyInstance['createRateLimit']>;
type Counted = Extract<Awaited<ReturnType<Check>>, { isAllowed: false }>;

export interface RateLimits {
  /** the limits in force (0: none) */
  readonly limits: Required<RateLimitOptions>;
  /**
   * The caller of a request that needs a role, within the limits: `authorise` (auth.ts) with the
   * failed-authentication budget of the client's address around it and the write or read limit
   * after it. Null when a 429 has been sent; authorise's 401/403 are thrown as they are (and counted).
   */
  authorise(req: FastifyRequest, reply: FastifyReply, resolver: TokenResolver, opts: { needed: Role; publicRead: boolean }): Promise<Caller | null>;
  /** one sentence on the limits in force, for the OpenAPI description */
  describe(): string;
}

function checked(name: string, v: number): number {
  if (!Number.isInteger(v) || v < 0) throw new RangeError(`rate limit ${name} must be a whole number >= 0 (0: no limit); got ${v}`);
  return v;
}

/** "a minute", "10 s": the window as the messages say it. */
function windowText(ms: number): string {
  if (ms === 60_000) return 'a minute';
  if (ms % 3_600_000 === 0) return ms === 3_600_000 ? 'an hour' : `${ms / 3_600_000} hours`;
  if (ms % 60_000 === 0) return `${ms / 60_000} minutes`;
  return `${Math.round(ms / 100) / 10} s`;
}

/** Registers @fastify/rate-limit (no route limited by itself) and makes the limits. */
export async function rateLimits(app: FastifyInstance, options: RateLimitOptions = {}): Promise<RateLimits> {
  const limits = {
    authFailures: checked('authFailures', options.authFailures ?? DEFAULT_RATE_LIMITS.authFailures),
    writes: checked('writes', options.writes ?? DEFAULT_RATE_LIMITS.writes),
    reads: checked('reads', options.reads ?? DEFAULT_RATE_LIMITS.reads),
    windowMs: checked('windowMs', options.windowMs ?? DEFAULT_RATE_LIMITS.windowMs),
  };
  if (limits.windowMs === 0) throw new RangeError('rate limit windowMs must be > 0');
  const per = windowText(limits.windowMs);
  const anyLimit = limits.authFailures > 0 || limits.writes > 0 || limits.reads > 0;
  if (anyLimit) await app.register(rateLimitPlugin, { global: false });
  const make = (max: number, keyGenerator?: (req: FastifyRequest) => string): Check | null =>
    max > 0 ? app.createRateLimit({ max, timeWindow: limits.windowMs, ...(keyGenerator ? { keyGenerator } : {}) }) : null;

  const address = (req: FastifyRequest) => normalizeIP(req.ip);
  // the default key of @fastify/rate-limit: the client's address (an IPv6 address by its /64)
  const failures = make(limits.authFailures);
  const callerKey = (req: FastifyRequest) => (req.caller?.id !== undefined ? `token:${req.caller.id}` : `address:${address(req)}`);
  const writes = make(limits.writes, callerKey);
  const reads = make(limits.reads, callerKey);

  const refuse = (reply: FastifyReply, seconds: number, message: string) => {
    reply.status(429).header('Retry-After', String(seconds)).type('application/json; charset=utf-8').send(errorBody(429, 'too_many_requests', message));
  };
  const countHeaders = (reply: FastifyReply, c: Counted) => {
    reply.header('X-RateLimit-Limit', String(c.max));
    reply.header('X-RateLimit-Remaining', String(Math.max(0, c.remaining)));
    reply.header('X-RateLimit-Reset', String(c.ttlInSeconds));
  };

  return {
    limits,
    async authorise(req, reply, resolver, opts) {
      const read = req.method === 'GET' || req.method === 'HEAD';
      const header = req.headers.authorization;
      // only a request that presents a token can guess one
      if (failures && header) {
        const seen = await failures(req, { increment: false });
        if (!seen.isAllowed && seen.remaining <= 0) {
          refuse(reply, Math.max(1, seen.ttlInSeconds), `too many failed authentications from ${address(req)} (${seen.max} in ${per}): wait ${Math.max(1, seen.ttlInSeconds)} s, then send a valid token ("Authorization: Bearer <token>"; an admin creates one with corroborate token create)`);
          return null;
        }
      }
      let caller: Caller;
      try {
        caller = await authorise(resolver, header, { method: req.method, needed: opts.needed, publicRead: opts.publicRead });
      } catch (e) {
        if (failures && header && e instanceof HttpError && e.status === 401) await failures(req);
        throw e;
      }
      req.caller = caller;
      const limit = read ? reads : writes;
      if (!limit) return caller;
      const c = await limit(req);
      if (c.isAllowed) return caller;
      countHeaders(reply, c);
      if (c.isExceeded) {
        const who = caller.id !== undefined ? `with the token "${caller.name}"` : `from ${address(req)} without a token`;
        const wait = Math.max(1, c.ttlInSeconds);
        refuse(reply, wait, read
          ? `too many reads ${who} (at most ${c.max} in ${per}): wait ${wait} s and try again (the server's --rate-limit-reads sets this limit)`
          : `too many writes ${who} (at most ${c.max} in ${per}): wait ${wait} s and try again; many reports go in one upload (application/x-ndjson, one report a line), and the server's --rate-limit-writes sets this limit`);
        return null;
      }
      return caller;
    },
    describe() {
      const parts: string[] = [];
      if (limits.authFailures) parts.push(`${limits.authFailures} failed authentications (a token refused with 401) per client address in ${per}, after which requests of that address that carry a token are refused until the window ends`);
      if (limits.writes) parts.push(`${limits.writes} writes per token in ${per}`);
      if (limits.reads) parts.push(`${limits.reads} reads per token (or per address without one) in ${per}`);
      if (!parts.length) return 'This server has no rate limits.';
      return `Rate limits: ${parts.join('; ')}${limits.reads ? '' : '; reads are not limited'}. Over a limit the answer is 429 with the error object (code "too_many_requests") and a Retry-After header in seconds.`;
    },
  };
}
