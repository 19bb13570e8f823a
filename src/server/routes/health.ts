import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../route-deps.js';
import { errorResponses, ListVersions } from '../schemas.js';

/** Liveness and readiness for the orchestrator: public, never rate limited, no personal data. */
export const healthRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { engine }) => {
  app.get('/healthz', {
    config: { public: true, rateLimit: false },
    schema: { summary: 'The process is up', tags: ['operations'], response: { 200: z.object({ status: z.literal('ok') }) } },
    handler: async () => ({ status: 'ok' as const }),
  });

  app.get('/readyz', {
    config: { public: true, rateLimit: false },
    schema: {
      summary: 'The screening index is loaded',
      tags: ['operations'],
      response: { 200: z.object({ status: z.literal('ready'), entities: z.number().int(), listVersions: ListVersions, builtAt: z.string() }), 503: errorResponses()[503] },
    },
    handler: async () => {
      // NOT_READY (503) until the index is loaded, saying whether it is loading or failed.
      const { snapshot } = engine.get();
      return { status: 'ready' as const, entities: snapshot.entityCount, listVersions: snapshot.versions, builtAt: snapshot.builtAt };
    },
  });
};
