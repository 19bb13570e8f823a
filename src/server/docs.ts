import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/**
 * The OpenAPI document at /openapi.json and the explorer at /docs. The explorer's routes come
 * from @fastify/swagger-ui, which takes no route options, so this context marks every route it
 * adds as public before the access check reads the declarations.
 */
export async function docsPlugin(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/openapi.json', {
    config: { public: true },
    schema: { hide: true, response: { 200: z.record(z.string(), z.unknown()) } },
    handler: async () => app.swagger() as unknown as Record<string, unknown>,
  });
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), public: true };
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
}
