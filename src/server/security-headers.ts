import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';

/**
 * The headers helmet's defaults set, read once by running its middleware against a response
 * that only records them. They depend on nothing in the request, so every reply gets the same.
 */
export function helmetHeaders(): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: number | string | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let finished = false;
  helmet()({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error !== undefined) throw error instanceof Error ? error : new Error(String(error));
    finished = true;
  });
  // A helmet that set headers asynchronously, or per request, would make the copy wrong.
  if (!finished || Object.keys(headers).length === 0) throw new Error('helmet did not set its headers synchronously; security headers cannot be precomputed');
  return Object.freeze(headers);
}

/**
 * Helmet's security headers (CSP, HSTS, nosniff, frame and referrer policies, ...) on every
 * reply. They are computed once at startup: running the middleware per request (and
 * @fastify/helmet rebuilds it per request) cost several per cent of a screening request's CPU.
 */
export const securityHeaders = fp(
  (app: FastifyInstance, _options, done) => {
    const headers = Object.entries(helmetHeaders());
    app.addHook('onRequest', (_request, reply, next) => {
      // On the raw response, as helmet does: streams that write their own head (server-sent
      // events) carry them too.
      for (const [name, value] of headers) reply.raw.setHeader(name, value);
      next();
    });
    done();
  },
  { name: 'vigil-security-headers' },
);
