import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { VigilError } from '../domain/index.js';
import type { IdentityService, Principal } from '../sharing/index.js';
import type { RouteAccess } from './fastify-types.js';

/** One registered route and what it declared, for the startup check and the access tests. */
export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess;
}

export interface AccessControlOptions {
  identity: Pick<IdentityService, 'resolveApiKey' | 'resolveSession'>;
  sessionCookie: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered so far with its access declaration (read it after `ready()`). */
    routeTable(): RouteEntry[];
  }
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

async function authenticate(request: FastifyRequest, options: AccessControlOptions): Promise<Principal> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const key = BEARER.exec(header)?.[1];
    if (key === undefined) throw new VigilError('AUTH_REQUIRED', 'the Authorization header must be "Bearer <API key>"');
    const principal = await options.identity.resolveApiKey(key);
    if (principal === undefined) throw new VigilError('AUTH_REQUIRED', 'the API key is not valid: unknown, malformed or revoked');
    return principal;
  }
  const token = request.cookies[options.sessionCookie];
  if (token !== undefined && token !== '') {
    const principal = await options.identity.resolveSession(token);
    if (principal === undefined) throw new VigilError('AUTH_REQUIRED', 'the session has ended or expired; sign in again');
    return principal;
  }
  throw new VigilError('AUTH_REQUIRED', 'credentials are required: an API key (Authorization: Bearer ...) or a session cookie from POST /v1/auth/login');
}

function declares(access: RouteAccess): boolean {
  return access.public === true || (Array.isArray(access.roles) && access.roles.length > 0);
}

/**
 * Every route states who may call it: `config: { roles: [...] }` or `config: { public: true }`.
 * The check runs as a route-level onRequest hook, after rate limiting and before the body is
 * read, so a caller without the role cannot make the server parse (or store) a large upload.
 * A route that declares nothing makes `ready()` fail, naming it.
 */
export const accessControl = fp<AccessControlOptions>(
  (app: FastifyInstance, options, done) => {
    const routes: Array<{ method: string; url: string; options: RouteOptions }> = [];
    app.decorateRequest('principal', undefined);
    app.decorateRequest('audited', false);
    app.decorate('routeTable', () =>
      routes.map((route) => ({ method: route.method, url: route.url, access: { ...(route.options.config ?? {}) } as RouteAccess })),
    );

    const check = async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
      const access = request.routeOptions.config;
      if (access.public === true) return;
      const roles = access.roles ?? [];
      const principal = await authenticate(request, options);
      request.principal = principal;
      if (!principal.roles.some((role) => roles.includes(role))) {
        throw new VigilError('FORBIDDEN', `this needs one of the roles ${roles.join(', ')}; the caller has ${principal.roles.join(', ') || 'none'}`, { roles: [...roles] });
      }
    };

    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) routes.push({ method, url: route.url, options: route });
      const existing = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
      // Fastify copies a GET route's hooks into its HEAD twin, which then passes through here too.
      if (!existing.includes(check)) route.onRequest = [...existing, check];
    });

    // Checked once every plugin has added its routes: a plugin's own onRoute hook (the docs
    // plugin marks its routes public) runs after this one, so the declaration is read late.
    app.addHook('onReady', (ready) => {
      const missing = routes.filter((route) => !declares((route.options.config ?? {}) as RouteAccess));
      if (missing.length === 0) {
        ready();
        return;
      }
      ready(new Error(`routes without an access declaration (config.roles or config.public): ${missing.map((r) => `${r.method} ${r.url}`).join(', ')}`));
    });
    done();
  },
  { name: 'vigil-access-control', dependencies: ['@fastify/cookie'] },
);
