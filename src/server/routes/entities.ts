import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { VigilError } from '../../domain/index.js';
import { recordAudit } from '../request-audit.js';
import type { RouteDeps } from '../route-deps.js';
import { errorResponses, StoredEntity, VersionNumber } from '../schemas.js';

/** `GET /v1/entities/:id`: one listed entity as of the current or a given version of its list. */
export const entityRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { store, audit }) => {
  app.get('/v1/entities/:id', {
    config: { roles: ['analyst', 'supervisor', 'admin'], action: 'entity.read', audit: 'always' },
    schema: {
      summary: 'Read one listed entity',
      tags: ['lists'],
      params: z.object({ id: z.string().min(3).max(300).regex(/^[a-z0-9-]+:.+$/, 'an entity id is <source>:<sourceId>, e.g. ofac-sdn:12926') }),
      querystring: z
        .object({
          version: VersionNumber.optional().describe("A version of the entity's list; default the current one."),
          purpose: z.string().min(1).max(256).optional().describe('Why the record is read, kept in the audit trail.'),
        })
        .strict(),
      response: { 200: StoredEntity, ...errorResponses(404) },
    },
    handler: async (request) => {
      const { id } = request.params;
      const { version, purpose } = request.query;
      const stored = await store.getEntity(id, version);
      if (stored === undefined) {
        throw new VigilError('STORE_NOT_FOUND', `no entity ${id}${version !== undefined ? ` in version ${version}` : ''}`, { record: id });
      }
      await recordAudit(audit, request, { entityIds: [id], ...(purpose !== undefined ? { purpose } : {}), outcome: 'ok', details: { version: stored.version } });
      return stored;
    },
  });
};
