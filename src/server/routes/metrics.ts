import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../route-deps.js';

/**
 * Prometheus exposition. Public like the health probes: it holds counts, latencies and list
 * ages, never ids or names; keep it off the public network at the proxy.
 */
export const metricsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { metrics }) => {
  app.get('/metrics', {
    config: { public: true, rateLimit: false },
    schema: {
      summary: 'Prometheus metrics',
      tags: ['operations'],
      produces: ['text/plain'],
      response: { 200: z.string().describe('Prometheus text exposition format.') },
    },
    handler: async (_request, reply) => {
      const text = await metrics.registry.metrics();
      return reply.type(metrics.registry.contentType).serializer((payload: unknown) => String(payload)).send(text);
    },
  });
};
