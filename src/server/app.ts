import { hash } from 'node:crypto';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AuditLog } from '../audit/index.js';
import { VigilError } from '../domain/index.js';
import type { ScreeningEngine } from '../screening/index.js';
import type { IdentityService } from '../sharing/index.js';
import type { Store } from '../store/index.js';
import { accessControl } from './access-control.js';
import { docsPlugin } from './docs.js';
import { EngineHolder } from './engine-holder.js';
import { errorReply, toErrorReply, type ErrorReply } from './error-reply.js';
import './fastify-types.js';
import { createMetrics } from './metrics-registry.js';
import { recordAudit } from './request-audit.js';
import { securityHeaders } from './security-headers.js';
import type { RouteDeps } from './route-deps.js';
import { advisoryRoutes } from './routes/advisories.js';
import { alertRoutes } from './routes/alerts.js';
import { createAdvisoryService, type AdvisorySettingsInput, type Viewer } from '../advisories/index.js';
import { createWebhookNotifier, SseHub } from '../notify/index.js';
import { PostureHolder } from './posture-holder.js';
import { authRoutes } from './routes/auth.js';
import { caseRoutes } from './routes/cases.js';
import { compareRoutes } from './routes/compare.js';
import { consoleRoutes } from './routes/console.js';
import { entityRoutes } from './routes/entities.js';
import { healthRoutes } from './routes/health.js';
import { listRoutes } from './routes/lists.js';
import { metricsRoutes } from './routes/metrics.js';
import { screenRoutes } from './routes/screen.js';
import { ServerConfig, type ServerConfigInput } from './server-config.js';
import { ScreeningCommits, type ScreeningWrites } from './screening-writes.js';
import { ServerVetting } from './server-vetting.js';
import { JournalIndexer, type VettingSettingsInput } from '../vetting/index.js';

export interface AppDeps {
  store: Store;
  /** The engine, or its loading: the app answers /healthz at once and /readyz once it resolves. */
  engine: ScreeningEngine | Promise<ScreeningEngine>;
  identity: IdentityService;
  audit: AuditLog;
  config?: ServerConfigInput;
  /** A pino logger; default: silent. */
  logger?: FastifyBaseLogger;
  /** Threat-level schemes and the posture each level sets; the shipped defaults otherwise. */
  advisorySettings?: AdvisorySettingsInput;
  /** Which screenings enrol their subjects for recurrent vetting, and the vetting schedule; shipped defaults otherwise. */
  vettingSettings?: VettingSettingsInput;
  /** A screening's cases, enrolment and audit record; default shared transactions on `store` in this thread (a WriteThread does them on its own). */
  screenings?: ScreeningWrites;
}

export type VigilApp = FastifyInstance & { readonly engineLoaded: Promise<void> };

/** Whether a failed request still gets an audit record (it did not if it was never read). */
function auditsFailure(request: FastifyRequest, reply: ErrorReply): boolean {
  const access = request.routeOptions.config;
  if (access.public === true || request.is404 || request.audited) return false;
  if (reply.code === 'AUDIT_FAILED' || reply.code === 'RATE_LIMITED') return false;
  return reply.statusCode === 401 || reply.statusCode === 403 || access.audit === 'always';
}

/** Rate limits count per credential (hashed: the limiter's memory never holds a secret). */
function rateLimitKey(request: FastifyRequest, sessionCookie: string): string {
  const credential = request.headers.authorization ?? request.cookies[sessionCookie];
  if (credential === undefined || credential === '') return `ip:${request.ip}`;
  // The one-shot hash: no Hash object per request.
  return `cred:${hash('sha256', credential, 'base64url').slice(0, 22)}`;
}

/**
 * The HTTP service: one encapsulated plugin per resource, each route declaring its schemas and
 * the roles it admits. Call `await app.ready()` (or `listen`) before use.
 *
 * @example
 * const app = buildApp({ store, engine: ScreeningEngine.open(store), identity, audit, logger });
 * await app.listen({ host: '127.0.0.1', port: 8080 });
 */
export function buildApp(deps: AppDeps): VigilApp {
  const config = ServerConfig.parse(deps.config ?? {});
  const app = Fastify({
    ...(deps.logger !== undefined ? { loggerInstance: deps.logger } : {}),
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    // One line per request is written in onResponse, with the route and caller id only.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const engine = new EngineHolder(deps.engine, app.log);
  const metrics = createMetrics(deps.store, engine);
  const sse = new SseHub<Viewer>();
  const notifier = createWebhookNotifier(deps.store, { logger: app.log });
  const advisories = createAdvisoryService(deps.store, {
    audit: deps.audit,
    notifier,
    sse,
    logger: app.log,
    ...(deps.advisorySettings !== undefined ? { settings: deps.advisorySettings } : {}),
  });
  const posture = new PostureHolder(advisories, app.log);
  const vetting = new ServerVetting(deps.vettingSettings, app.log);
  // Without a write thread, this thread indexes the enrolments it journals when it is idle.
  const indexer = deps.screenings === undefined ? new JournalIndexer(deps.store, { onError: (error) => app.log.warn({ err: error }, 'indexing journaled enrolments stopped') }) : undefined;
  const screenings = deps.screenings ?? new ScreeningCommits(deps.store, { indexer });
  app.addHook('onReady', async () => {
    await posture.start();
    advisories.start();
    notifier.start();
  });
  app.addHook('onClose', async () => {
    posture.stop();
    await advisories.stop();
    await notifier.stop();
    await indexer?.stop();
    await screenings.flush();
  });
  const routeDeps: RouteDeps = { store: deps.store, engine, identity: deps.identity, audit: deps.audit, config, metrics, advisories, posture, notifier, sse, vetting, screenings };

  app.setErrorHandler(async (error, request, reply) => {
    let body = toErrorReply(error, { requestId: request.id, bodyLimit: request.routeOptions.bodyLimit ?? config.bodyLimit });
    if (auditsFailure(request, body)) {
      const outcome = body.statusCode === 401 || body.statusCode === 403 ? 'denied' : 'error';
      try {
        await recordAudit(deps.audit, request, { outcome, details: { status: body.statusCode, code: body.code } });
      } catch (auditError) {
        body = toErrorReply(auditError, { requestId: request.id, bodyLimit: config.bodyLimit });
      }
    }
    if (body.statusCode >= 500) request.log.error({ err: error, code: body.code }, 'request failed');
    else request.log.info({ code: body.code, status: body.statusCode }, 'request refused');
    return reply.code(body.statusCode).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const body = errorReply('ROUTE_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0] ?? ''}`);
    return reply.code(body.statusCode).send(body);
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requests.inc({ method: request.method, route, status: reply.statusCode });
    metrics.duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    request.log.info({ method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10, actor: request.principal?.id }, 'request');
  });

  app.addHook('onRequestAbort', async (request) => {
    metrics.aborted.inc({ method: request.method, route: request.routeOptions.url ?? 'unmatched' });
  });

  // Order matters: swagger and the rate limiter watch routes as they are added, and the
  // limiter's hook must run before the access check so floods never reach the identity store.
  void app.register(securityHeaders);
  if (config.corsOrigins.length > 0) void app.register(cors, { origin: config.corsOrigins, credentials: true });
  void app.register(cookie);
  void app.register(rateLimit, {
    global: true,
    max: config.rateLimit.max,
    timeWindow: config.rateLimit.windowMs,
    keyGenerator: (request) => rateLimitKey(request, config.sessionCookie),
    errorResponseBuilder: (_request, context) => new VigilError('RATE_LIMITED', `rate limit of ${context.max} requests per ${context.after} exceeded; retry in ${context.after}`, { limit: context.max }),
  });
  void app.register(accessControl, { identity: deps.identity, sessionCookie: config.sessionCookie });
  if (config.docs) {
    void app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: { title: 'Vigil', version: '0.1.0', description: 'Watchlist screening. Every route names the roles it admits; personal-data routes are audited.' },
        components: {
          securitySchemes: {
            apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: `Authorization: Bearer vgl_...`' },
            session: { type: 'apiKey', in: 'cookie', name: config.sessionCookie, description: 'The session cookie set by POST /v1/auth/login.' },
          },
        },
      },
      transform: (input) => {
        const transformed = jsonSchemaTransform(input);
        const access = input.route.config ?? {};
        if (access.public === true || transformed.schema.hide === true) return transformed;
        const roles = access.roles ?? [];
        const description = [transformed.schema.description, `Roles: ${roles.join(', ')}.${access.audit === 'always' ? ' Audited.' : ''}`].filter(Boolean).join('\n\n');
        return { ...transformed, schema: { ...transformed.schema, description, security: [{ apiKey: [] }, { session: [] }] } };
      },
      transformObject: jsonSchemaTransformObject,
    });
    void app.register(docsPlugin);
  }

  for (const routes of [healthRoutes, metricsRoutes, authRoutes, screenRoutes, compareRoutes, entityRoutes, listRoutes, advisoryRoutes, caseRoutes, alertRoutes]) {
    void app.register(routes, routeDeps);
  }
  // The analyst console (web/) at `/`: static files, public; it calls the API above like any client.
  void app.register(consoleRoutes, {});
  return Object.assign(app, { engineLoaded: engine.loaded }) as unknown as VigilApp;
}
