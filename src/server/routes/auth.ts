import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isVigilError, VigilError } from '../../domain/index.js';
import { recordAudit } from '../request-audit.js';
import type { RouteDeps } from '../route-deps.js';
import { errorResponses, PrincipalView } from '../schemas.js';

const SIGNED_IN = ['officer', 'analyst', 'supervisor', 'admin'] as const;

/** Sign-in with a user name and password (a session cookie), sign-out, and who am I. */
export const authRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { identity, audit, config }) => {
  const cookieOptions = { httpOnly: true, sameSite: 'strict', secure: config.secureCookies, path: '/' } as const;

  app.post('/v1/auth/login', {
    config: {
      public: true,
      action: 'auth.login',
      // Per address, and much tighter than the API limit: the identity service locks accounts too.
      rateLimit: { max: config.loginRateLimit.max, timeWindow: config.loginRateLimit.windowMs, keyGenerator: (request) => `login:${request.ip}` },
    },
    schema: {
      summary: 'Sign in',
      description: 'Sets the session cookie (HttpOnly, SameSite=Strict, Secure outside development).',
      tags: ['auth'],
      body: z.object({ username: z.string().min(1).max(128), password: z.string().min(1).max(1024) }).strict(),
      response: { 200: z.object({ principal: PrincipalView, expiresAt: z.string() }), ...errorResponses(423) },
    },
    handler: async (request, reply) => {
      const { username, password } = request.body;
      let principal;
      try {
        principal = await identity.authenticate(username, password);
      } catch (error) {
        if (isVigilError(error) && (error.code === 'AUTH_FAILED' || error.code === 'AUTH_LOCKED')) {
          await recordAudit(audit, request, { outcome: 'denied', details: { username: username.trim().toLowerCase().slice(0, 128), code: error.code } });
        }
        throw error;
      }
      request.principal = principal;
      const session = await identity.createSession(principal);
      await recordAudit(audit, request, { outcome: 'ok' });
      reply.setCookie(config.sessionCookie, session.token, { ...cookieOptions, expires: new Date(session.expiresAt) });
      return { principal, expiresAt: session.expiresAt };
    },
  });

  app.post('/v1/auth/logout', {
    config: { roles: SIGNED_IN, action: 'auth.logout' },
    schema: {
      summary: 'Sign out',
      description: 'Ends the session named by the cookie and clears it. With an API key there is nothing to end.',
      tags: ['auth'],
      response: { 204: z.null().describe('Signed out.'), ...errorResponses() },
    },
    handler: async (request, reply) => {
      const token = request.cookies[config.sessionCookie];
      if (token !== undefined && token !== '' && request.headers.authorization === undefined) await identity.endSession(token);
      await recordAudit(audit, request, { outcome: 'ok' });
      reply.clearCookie(config.sessionCookie, cookieOptions);
      return reply.code(204).send(null);
    },
  });

  app.get('/v1/auth/me', {
    config: { roles: SIGNED_IN, action: 'auth.me' },
    schema: {
      summary: 'The caller',
      tags: ['auth'],
      response: { 200: z.object({ principal: PrincipalView }), ...errorResponses() },
    },
    handler: async (request) => {
      const principal = request.principal;
      if (principal === undefined) throw new VigilError('AUTH_REQUIRED', 'no caller');
      return { principal };
    },
  });
};
