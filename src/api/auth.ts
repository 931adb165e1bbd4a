/**
 * Who is calling: `Authorization: Bearer <token>` looked up (as its sha256) in the store, or
 * nobody (the role 'public', allowed to read when the server runs with --public). Roles rank
 * viewer < editor < admin; each route names the lowest role it needs.
 */
import { findToken, type Db, type Role } from '../store/index.js';
import { HttpError } from './errors.js';

export type CallerRole = Role | 'public';

export interface Caller {
  /** the token's id (what per-token rate limits count by); absent without a token */
  id?: number;
  /** the token's name (what the audit log records), 'public' without a token */
  name: string;
  role: CallerRole;
}

const RANK: Record<CallerRole, number> = { public: 0, viewer: 1, editor: 2, admin: 3 };

/** Whether a caller may use a route that needs `needed` (public callers may read only). */
export function allows(caller: Caller, needed: Role): boolean {
  if (caller.role === 'public') return needed === 'viewer';
  return RANK[caller.role] >= RANK[needed];
}

const BEARER = /^Bearer\s+([A-Za-z0-9_\-.~+/=]+)\s*$/i;

/** Token look-ups, remembered for a few seconds (a revoked token stops working within ttlMs). */
export class TokenResolver {
  private readonly seen = new Map<string, { caller: Caller | null; until: number }>();

  constructor(private readonly db: Db, private readonly ttlMs = 5000) {}

  async resolve(token: string): Promise<Caller | null> {
    const now = Date.now();
    const hit = this.seen.get(token);
    if (hit && hit.until > now) return hit.caller;
    const info = await findToken(this.db, token);
    const caller = info ? { id: info.id, name: info.name, role: info.role } : null;
    if (this.seen.size > 1000) this.seen.clear();
    this.seen.set(token, { caller, until: now + this.ttlMs });
    return caller;
  }

  clear(): void {
    this.seen.clear();
  }
}

/**
 * The caller of a request, or an HttpError: 401 for a malformed, unknown or missing token (a
 * read without a token is allowed when `publicRead`), 403 when the role is too low.
 */
export async function authorise(
  resolver: TokenResolver,
  header: string | undefined,
  opts: { method: string; needed: Role; publicRead: boolean },
): Promise<Caller> {
  let caller: Caller;
  if (header !== undefined && header !== '') {
    const m = BEARER.exec(header);
    if (!m) throw new HttpError(401, 'unauthorized', 'the Authorization header must be "Bearer <token>"');
    const found = await resolver.resolve(m[1]);
    if (!found) throw new HttpError(401, 'unauthorized', 'unknown or revoked token: ask an admin for a new one (corroborate token create --role viewer)');
    caller = found;
  } else if (opts.publicRead && (opts.method === 'GET' || opts.method === 'HEAD')) {
    caller = { name: 'public', role: 'public' };
  } else {
    const what = opts.method === 'GET' || opts.method === 'HEAD' ? 'reading' : 'this change';
    throw new HttpError(401, 'unauthorized', `${what} needs a token: send "Authorization: Bearer <token>" (create one with corroborate token create --role ${opts.needed})`);
  }
  if (!allows(caller, opts.needed)) {
    throw new HttpError(403, 'forbidden', caller.role === 'public'
      ? `this needs a token with the ${opts.needed} role (the server is public for reading only)`
      : `this needs the ${opts.needed} role; the token "${caller.name}" has the ${caller.role} role`);
  }
  return caller;
}
