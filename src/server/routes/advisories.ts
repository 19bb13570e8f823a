import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ADVISORY_SCOPES,
  AdvisoryPatch,
  NewAdvisory,
  type AdvisoryService,
  type Viewer,
} from '../../advisories/index.js';
import { ScreeningPosture, VigilError } from '../../domain/index.js';
import type { Principal } from '../../sharing/index.js';
import type { RouteDeps } from '../route-deps.js';
import { errorResponses, VersionNumber } from '../schemas.js';

const STAFF = ['officer', 'analyst', 'supervisor', 'admin'] as const;
const MANAGERS = ['supervisor', 'admin'] as const;
const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** What the plugin may be given; what it is not given it makes (and then starts and stops). */
export type AdvisoryRouteOptions = RouteDeps;

const Text = z.string();
const AdvisoryView = z
  .object({
    id: z.string(),
    scheme: z.string(),
    schemeName: z.string(),
    level: z.string(),
    levelName: z.string(),
    levelDescription: z.string(),
    responseLevel: z.string().optional(),
    status: z.enum(['draft', 'approved', 'published', 'expired', 'cancelled']),
    version: z.number().int(),
    title: Text,
    summary: Text,
    details: Text,
    regions: z.array(z.string()),
    sectors: z.array(z.string()),
    ports: z.array(z.string()),
    routes: z.array(z.string()),
    channels: z.array(z.string()),
    governmentActions: Text,
    publicActions: Text,
    stayInformed: Text,
    scope: z.enum(ADVISORY_SCOPES),
    restriction: z.string().optional(),
    addresses: z.array(z.string()).optional(),
    web: z.string().optional(),
    issuedAt: z.string().optional(),
    updatedAt: z.string().optional(),
    expiresAt: z.string().optional(),
    cancelledAt: z.string().optional(),
    cancelReason: z.string().optional(),
    justification: z.string().optional().describe('Law enforcement only; never in CAP, the feed or webhooks.'),
    pending: z
      .object({
        version: z.number().int(),
        change: z.enum(['create', 'update', 'extend']),
        state: z.string(),
        level: z.string(),
        authorId: z.string(),
        createdAt: z.string(),
        approvedBy: z.string().optional(),
      })
      .optional()
      .describe('The version awaiting approval or publication; for supervisors and admins of the issuer.'),
  })
  .meta({ id: 'Advisory' });

const VersionView = z
  .object({
    version: z.number().int(),
    change: z.enum(['create', 'update', 'extend']),
    state: z.enum(['draft', 'approved', 'published', 'replaced', 'superseded']),
    level: z.string(),
    levelName: z.string(),
    title: z.string(),
    summary: z.string(),
    expiresAt: z.string().optional(),
    createdAt: z.string(),
    publishedAt: z.string().optional(),
    authorId: z.string().optional(),
    approvedBy: z.string().optional(),
    approvedAt: z.string().optional(),
    publishedBy: z.string().optional(),
  })
  .meta({ id: 'AdvisoryVersion' });

const AdvisoryDetail = AdvisoryView.extend({ history: z.array(VersionView) }).meta({ id: 'AdvisoryDetail' });

const CurrentLevel = z
  .object({
    scheme: z.string(),
    schemeName: z.string(),
    region: z.string(),
    level: z.string(),
    levelName: z.string(),
    rank: z.number().int(),
    responseLevel: z.string().optional(),
    advisoryId: z.string(),
    since: z.string(),
  })
  .meta({ id: 'CurrentLevel' });

const IdParams = z.object({ id: z.string().min(1).max(100) });

const ListQuery = z
  .object({
    scheme: z.string().min(1).max(40).optional(),
    status: z.enum(['current', 'draft', 'approved', 'published', 'expired', 'cancelled']).optional().describe('`current`: in force now.'),
    level: z.string().min(1).max(40).optional(),
    region: z.string().min(1).max(120).optional(),
    sector: z.string().min(1).max(120).optional(),
    scope: z.enum(ADVISORY_SCOPES).optional(),
  })
  .strict();

const Subscription = z
  .object({
    id: z.string(),
    url: z.string(),
    eventTypes: z.array(z.string()),
    orgId: z.string().optional(),
    roles: z.array(z.string()),
    description: z.string().optional(),
    createdBy: z.string().optional(),
    createdAt: z.string(),
    disabledAt: z.string().optional(),
  })
  .meta({ id: 'WebhookSubscription' });

const Delivery = z
  .object({
    id: z.string(),
    subscriptionId: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    status: z.enum(['pending', 'sending', 'delivered', 'dead']),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    lastAttemptAt: z.string().optional(),
    lastStatus: z.number().int().optional(),
    lastError: z.string().optional(),
    createdAt: z.string(),
    deliveredAt: z.string().optional(),
  })
  .meta({ id: 'WebhookDelivery' });

/**
 * Who a public route is showing things to. Public routes get no principal from access control
 * (it reads no credentials there), yet a signed-in caller sees restricted advisories: so
 * credentials, when sent, are checked here the same way, and bad ones are refused, not ignored.
 */
async function optionalViewer(request: FastifyRequest, deps: RouteDeps): Promise<Principal | undefined> {
  const header = request.headers.authorization;
  let principal: Principal | undefined;
  if (header !== undefined) {
    const key = BEARER.exec(header)?.[1];
    principal = key === undefined ? undefined : await deps.identity.resolveApiKey(key);
    if (principal === undefined) throw new VigilError('AUTH_REQUIRED', 'the API key is not valid: unknown, malformed or revoked');
  } else {
    const token = request.cookies[deps.config.sessionCookie];
    // An ended session on a public page shows the public view, as a signed-out browser would.
    if (token !== undefined && token !== '') principal = await deps.identity.resolveSession(token);
  }
  request.principal = principal;
  return principal;
}

function requirePrincipal(request: FastifyRequest): Principal {
  const principal = request.principal;
  if (principal === undefined) throw new VigilError('AUTH_REQUIRED', 'credentials are required');
  // The handler (or the advisory service it calls) writes this request's one audit record.
  request.audited = true;
  return principal;
}

/**
 * Threat advisories: the public page, JSON, the Atom feed and CAP 1.2 (public routes that show
 * more to signed-in callers allowed to see it), the life-cycle steps for supervisors and admins,
 * the screening posture for staff, and webhook subscriptions for admins.
 */
export const advisoryRoutes: FastifyPluginAsyncZod<AdvisoryRouteOptions> = async (app, deps) => {
  // The app owns the service, its notifier and SSE hub, and starts and stops them.
  const { advisories, notifier, sse } = deps;
  const xml = (payload: unknown): string => String(payload);

  app.get('/v1/advisories/stream', {
    config: { public: true },
    schema: {
      summary: 'Advisory publications and posture changes as server-sent events',
      description:
        'With `follow=true` stays open and sends each publication, update, cancellation, expiry and posture change the caller may see (scope is checked per event, as on every other path); without it, ends at once (EventSource reconnects after `retry`).',
      tags: ['advisories'],
      produces: ['text/event-stream'],
      querystring: z.object({ follow: z.enum(['true', 'false']).default('false') }).strict(),
    },
    handler: async (request, reply) => {
      const viewer = await optionalViewer(request, deps);
      const lastEventId = request.headers['last-event-id'];
      reply.hijack();
      reply.raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
      reply.raw.write('retry: 5000\n\n');
      if (request.query.follow !== 'true') {
        reply.raw.end();
        return;
      }
      const unsubscribe = sse.subscribe({ principal: viewer, write: (chunk) => reply.raw.write(chunk) }, typeof lastEventId === 'string' ? lastEventId : undefined);
      request.raw.on('close', unsubscribe);
    },
  });

  app.get('/advisories', {
    config: { public: true },
    schema: {
      summary: 'The public advisories page',
      description: 'Server-rendered HTML, whole without JavaScript: current levels, current advisories and their history. Signed-in callers also see what their roles allow.',
      tags: ['advisories'],
      produces: ['text/html'],
      response: { 200: z.string() },
    },
    handler: async (request, reply) => {
      const html = await advisories.page(await optionalViewer(request, deps));
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').serializer(xml).send(html);
    },
  });

  app.get('/v1/advisories', {
    config: { public: true },
    schema: {
      summary: 'Advisories the caller may see',
      tags: ['advisories'],
      querystring: ListQuery,
      response: { 200: z.object({ advisories: z.array(AdvisoryView), levels: z.array(CurrentLevel) }), ...errorResponses() },
    },
    handler: async (request) => {
      const viewer = await optionalViewer(request, deps);
      const filter = Object.fromEntries(Object.entries(request.query).filter(([, v]) => v !== undefined));
      const [list, current] = await Promise.all([advisories.list(viewer, filter), advisories.current(viewer)]);
      return { advisories: list, levels: current.levels };
    },
  });

  app.get('/v1/advisories/feed.atom', {
    config: { public: true },
    schema: { summary: 'Atom feed of the advisories the caller may see', tags: ['advisories'], produces: ['application/atom+xml'], response: { 200: z.string() } },
    handler: async (request, reply) => {
      const feed = await advisories.feed(await optionalViewer(request, deps));
      return reply.type('application/atom+xml; charset=utf-8').serializer(xml).send(feed);
    },
  });

  app.get('/v1/advisories/:id', {
    config: { public: true },
    schema: { summary: 'One advisory with its history', tags: ['advisories'], params: IdParams, response: { 200: AdvisoryDetail, ...errorResponses(404) } },
    handler: async (request) => advisories.get(await optionalViewer(request, deps), request.params.id),
  });

  app.get('/v1/advisories/:id/cap', {
    config: { public: true },
    schema: {
      summary: 'One advisory as OASIS CAP 1.2',
      description: 'The latest message (Alert, Update or Cancel), or the one asked for.',
      tags: ['advisories'],
      produces: ['application/cap+xml'],
      params: IdParams,
      querystring: z.object({ version: VersionNumber.optional(), cancel: z.enum(['true']).optional() }).strict(),
      response: { 200: z.string(), ...errorResponses(404, 409) },
    },
    handler: async (request, reply) => {
      const which = request.query.cancel === 'true' ? 'cancel' : request.query.version;
      const message = await advisories.cap(await optionalViewer(request, deps), request.params.id, which);
      return reply.type('application/cap+xml; charset=utf-8').serializer(xml).send(message);
    },
  });

  app.post('/v1/advisories', {
    config: { roles: MANAGERS, action: 'advisory.create' },
    schema: { summary: 'Write a draft advisory', tags: ['advisories'], body: NewAdvisory, response: { 201: AdvisoryDetail, ...errorResponses(409) } },
    handler: async (request, reply) => reply.code(201).send(await advisories.create(requirePrincipal(request), request.body)),
  });

  app.post('/v1/advisories/:id/approve', {
    config: { roles: ['supervisor'], action: 'advisory.approve' },
    schema: { summary: 'Approve the version awaiting approval', description: 'By a supervisor who is not its author.', tags: ['advisories'], params: IdParams, response: { 200: AdvisoryDetail, ...errorResponses(404, 409) } },
    handler: async (request) => advisories.approve(requirePrincipal(request), request.params.id),
  });

  app.post('/v1/advisories/:id/publish', {
    config: { roles: MANAGERS, action: 'advisory.publish' },
    schema: { summary: 'Publish the approved version', tags: ['advisories'], params: IdParams, response: { 200: AdvisoryDetail, ...errorResponses(404, 409) } },
    handler: async (request) => advisories.publish(requirePrincipal(request), request.params.id),
  });

  app.post('/v1/advisories/:id/update', {
    config: { roles: MANAGERS, action: 'advisory.update' },
    schema: { summary: 'Write a new version from the fields that change', description: 'It needs approval and publication.', tags: ['advisories'], params: IdParams, body: AdvisoryPatch, response: { 200: AdvisoryDetail, ...errorResponses(404, 409) } },
    handler: async (request) => advisories.update(requirePrincipal(request), request.params.id, request.body),
  });

  app.post('/v1/advisories/:id/extend', {
    config: { roles: MANAGERS, action: 'advisory.extend' },
    schema: {
      summary: 'Write a new version with a later sunset',
      description: 'It needs approval and publication.',
      tags: ['advisories'],
      params: IdParams,
      body: z.object({ expiresAt: z.string().min(1).max(40) }).strict(),
      response: { 200: AdvisoryDetail, ...errorResponses(404, 409) },
    },
    handler: async (request) => advisories.extend(requirePrincipal(request), request.params.id, request.body.expiresAt),
  });

  app.post('/v1/advisories/:id/cancel', {
    config: { roles: MANAGERS, action: 'advisory.cancel' },
    schema: {
      summary: 'Cancel an advisory',
      tags: ['advisories'],
      params: IdParams,
      body: z.object({ reason: z.string().max(2000).optional() }).strict().optional(),
      response: { 200: AdvisoryDetail, ...errorResponses(404, 409) },
    },
    handler: async (request) => advisories.cancel(requirePrincipal(request), request.params.id, request.body?.reason),
  });

  app.get('/v1/posture', {
    config: { roles: STAFF, action: 'posture.read' },
    schema: { summary: 'The screening posture the advisories in force set', tags: ['advisories'], response: { 200: ScreeningPosture.meta({ id: 'ScreeningPosture' }), ...errorResponses() } },
    handler: async () => advisories.currentPosture(),
  });

  app.get('/v1/webhooks', {
    config: { roles: ['admin'], action: 'webhook.read' },
    schema: { summary: 'Webhook subscriptions', tags: ['webhooks'], response: { 200: z.object({ subscriptions: z.array(Subscription) }), ...errorResponses() } },
    handler: async () => ({ subscriptions: await notifier.listSubscriptions() }),
  });

  app.post('/v1/webhooks', {
    config: { roles: ['admin'], action: 'webhook.create' },
    schema: {
      summary: 'Subscribe a URL to events',
      description: 'The secret (generated when not given) is returned once. `orgId` and `roles` decide which advisories the subscriber receives: public ones always, restricted ones with a law-enforcement or partner role, private ones when its organisation is named.',
      tags: ['webhooks'],
      body: z
        .object({
          url: z.string().url().max(2000),
          eventTypes: z.array(z.string().min(1).max(100)).min(1).max(50),
          orgId: z.string().min(1).max(120).optional(),
          roles: z.array(z.enum(['officer', 'analyst', 'supervisor', 'admin', 'partner'])).max(5).optional(),
          description: z.string().max(500).optional(),
          secret: z.string().min(16).max(200).optional(),
        })
        .strict(),
      response: { 201: z.object({ subscription: Subscription, secret: z.string() }), ...errorResponses() },
    },
    handler: async (request, reply) => {
      const principal = requirePrincipal(request);
      const created = await notifier.subscribe({ ...request.body, createdBy: principal.id });
      await deps.audit.append({ actor: { kind: principal.kind, id: principal.id, orgId: principal.orgId }, action: 'webhook.create', outcome: 'ok', details: { subscriptionId: created.subscription.id, orgId: created.subscription.orgId ?? null, roles: created.subscription.roles } });
      return reply.code(201).send(created);
    },
  });

  app.delete('/v1/webhooks/:id', {
    config: { roles: ['admin'], action: 'webhook.delete' },
    schema: { summary: 'Stop a subscription', tags: ['webhooks'], params: IdParams, response: { 204: z.null(), ...errorResponses(404) } },
    handler: async (request, reply) => {
      const principal = requirePrincipal(request);
      await notifier.unsubscribe(request.params.id);
      await deps.audit.append({ actor: { kind: principal.kind, id: principal.id, orgId: principal.orgId }, action: 'webhook.delete', outcome: 'ok', details: { subscriptionId: request.params.id } });
      return reply.code(204).send(null);
    },
  });

  app.post('/v1/webhooks/:id/test', {
    config: { roles: ['admin'], action: 'webhook.test' },
    schema: {
      summary: 'Send a signed test event now',
      tags: ['webhooks'],
      params: IdParams,
      response: { 200: z.object({ ok: z.boolean(), status: z.number().int().optional(), error: z.string().optional(), durationMs: z.number() }), ...errorResponses(404) },
    },
    handler: async (request) => notifier.testDelivery(request.params.id),
  });

  app.get('/v1/webhooks/deliveries', {
    config: { roles: ['admin'], action: 'webhook.read' },
    schema: {
      summary: 'Deliveries, newest first; `status=dead` is the dead-letter list',
      tags: ['webhooks'],
      querystring: z.object({ status: z.enum(['pending', 'sending', 'delivered', 'dead']).optional(), subscriptionId: z.string().max(100).optional() }).strict(),
      response: { 200: z.object({ deliveries: z.array(Delivery) }), ...errorResponses() },
    },
    handler: async (request) => {
      const filter = Object.fromEntries(Object.entries(request.query).filter(([, v]) => v !== undefined));
      return { deliveries: await notifier.listDeliveries(filter) };
    },
  });

  app.post('/v1/webhooks/deliveries/:id/redeliver', {
    config: { roles: ['admin'], action: 'webhook.redeliver' },
    schema: { summary: 'Queue a dead delivery again', tags: ['webhooks'], params: IdParams, response: { 204: z.null(), ...errorResponses(404, 409) } },
    handler: async (request, reply) => {
      const principal = requirePrincipal(request);
      await notifier.redeliver(request.params.id);
      await deps.audit.append({ actor: { kind: principal.kind, id: principal.id, orgId: principal.orgId }, action: 'webhook.redeliver', outcome: 'ok', details: { deliveryId: request.params.id } });
      return reply.code(204).send(null);
    },
  });
};
