import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Subject } from '../../domain/index.js';
import { compareSubjects } from '../../matching/index.js';
import { recordAudit } from '../request-audit.js';
import type { RouteDeps } from '../route-deps.js';
import { errorResponses, Explanation } from '../schemas.js';

/** `POST /v1/compare`: scores two subjects against each other and explains the score. */
export const compareRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { engine, audit }) => {
  app.post('/v1/compare', {
    config: { roles: ['officer', 'analyst', 'supervisor', 'admin'], action: 'compare', audit: 'always' },
    schema: {
      summary: 'Compare two subjects',
      description: 'Scores subject `a` against subject `b` (as if `b` were listed) with the rarity weights of the loaded lists.',
      tags: ['screening'],
      body: z.object({ a: Subject, b: Subject, purpose: z.string().min(1).max(256).optional() }).strict(),
      response: { 200: z.object({ score: z.number(), explanation: Explanation }), ...errorResponses() },
    },
    handler: async (request) => {
      const { a, b, purpose } = request.body;
      const index = engine.snapshot?.index;
      const result = compareSubjects(a, b, index !== undefined ? { index } : {});
      await recordAudit(audit, request, { subjectIds: [a.id, b.id], ...(purpose !== undefined ? { purpose } : {}), outcome: 'ok', details: { score: result.score } });
      return result;
    },
  });
};
