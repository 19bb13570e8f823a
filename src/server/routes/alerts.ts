import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Viewer } from '../../advisories/index.js';
import { formatSseEvent, SseHub } from '../../notify/index.js';
import { ALERT_ROLES, alertNotice, latestAlertSeq, listAlerts, startVettingScheduler, type Alert, type VettingScheduler } from '../../vetting/index.js';
import { actorOf, recordAudit } from '../request-audit.js';
import type { RouteDeps } from '../route-deps.js';
import { errorResponses, Explanation } from '../schemas.js';

/** The shared dependencies, and what this plugin may be given instead of its defaults. */
export interface AlertRouteOptions extends RouteDeps {
  /** The hub alert streams hang on (alerts only; the app's shared hub carries advisories). */
  alertHub?: SseHub<Viewer>;
  /** How often list versions are checked for changes to re-vet; 0 turns the scheduler off. Default: the vetting settings' `intervalMs`. */
  vettingIntervalMs?: number;
  /** How often the stream looks for new alerts (any process may raise them). Default 2 s. */
  streamPollMs?: number;
}

const Alert = z
  .object({
    id: z.string(),
    seq: z.number().int(),
    subjectId: z.string(),
    entityId: z.string(),
    caption: z.string(),
    entityVersion: z.number().int(),
    score: z.number(),
    decision: z.enum(['review', 'match']),
    matchedName: z.string(),
    explanation: Explanation,
    change: z.object({ source: z.string(), from: z.number().int(), to: z.number().int(), kind: z.enum(['added', 'changed']), fields: z.array(z.string()).optional() }),
    status: z.enum(['open', 'closed']),
    createdAt: z.string(),
    closedAt: z.string().optional(),
    closeReason: z.string().optional(),
    runId: z.string(),
  })
  .meta({ id: 'Alert', description: 'An enrolled subject that scores at or above review on a listed entity because of a list change.' });

const ListQuery = z
  .object({
    status: z.enum(['open', 'closed']).optional(),
    since: z.string().min(4).max(40).optional().describe('Only alerts raised at or after this ISO-8601 date or time.'),
    entity: z.string().min(3).max(300).optional().describe('Only alerts on this listed entity.'),
    subject: z.string().min(1).max(256).optional().describe('Only alerts on this enrolled subject.'),
    after: z.coerce.number().int().min(0).optional().describe('Only alerts with a greater seq (paging).'),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    purpose: z.string().min(1).max(256).optional().describe('Why the alerts are read, kept in the audit trail.'),
  })
  .strict();

function readIds(alerts: readonly Alert[]): { subjectIds: string[]; entityIds: string[] } {
  return { subjectIds: [...new Set(alerts.map((a) => a.subjectId))], entityIds: [...new Set(alerts.map((a) => a.entityId))] };
}

/**
 * Alerts from recurrent vetting: `GET /v1/alerts` lists and filters them, `GET
 * /v1/alerts/stream` sends them as server-sent events (`alert.raised`, with `id` the alert's
 * seq): what followed `Last-Event-ID` and then, with `follow=true`, every alert as it is raised
 * by any process; without it the stream ends and EventSource reconnects after `retry`. Every
 * read is audited, streamed ones included. The plugin also runs the vetting scheduler, which
 * re-vets after each list import and purges expired subjects.
 */
export const alertRoutes: FastifyPluginAsyncZod<AlertRouteOptions> = async (app, deps) => {
  const { store, audit, notifier } = deps;
  const hub = deps.alertHub ?? new SseHub<Viewer>();
  const readers = ALERT_ROLES;
  let scheduler: VettingScheduler | undefined;
  let poller: NodeJS.Timeout | undefined;
  let lastSeq: number | undefined;

  const poll = async (): Promise<void> => {
    if (hub.size === 0) {
      lastSeq = undefined;
      return;
    }
    // A follower's handler sets where its stream starts before it joins the hub.
    if (lastSeq === undefined) return;
    for (const alert of await listAlerts(store, { afterSeq: lastSeq, limit: 500 })) {
      lastSeq = alert.seq;
      hub.publish({ type: 'alert.raised', id: String(alert.seq), data: alertNotice(alert) }, (principal) => {
        if (principal === undefined) return false;
        const actor = { kind: principal.kind === 'user' ? ('user' as const) : ('key' as const), id: principal.id, ...(principal.orgId !== undefined ? { orgId: principal.orgId } : {}) };
        // A streamed alert is a read like any other.
        audit
          .append({ actor, action: 'alert.read', subjectIds: [alert.subjectId], entityIds: [alert.entityId], outcome: 'ok', details: { stream: true, alertId: alert.id } })
          .catch((error: unknown) => app.log.error({ err: error, alertId: alert.id }, 'audit of a streamed alert failed'));
        return true;
      });
    }
  };

  app.addHook('onReady', async () => {
    const interval = deps.vettingIntervalMs ?? deps.vetting.settings.intervalMs;
    if (interval > 0) {
      scheduler = startVettingScheduler(store, {
        intervalMs: interval,
        purgeEveryMs: deps.vetting.settings.purgeEveryMs,
        snapshot: () => deps.engine.snapshot,
        push: { notifier },
        audit,
        logger: app.log,
      });
      deps.vetting.attach(scheduler);
    }
    poller = setInterval(() => {
      poll().catch((error: unknown) => app.log.error({ err: error }, 'alert stream poll failed'));
    }, deps.streamPollMs ?? 2000);
    poller.unref();
  });
  app.addHook('onClose', async () => {
    if (poller !== undefined) clearInterval(poller);
    await scheduler?.stop();
  });

  app.get('/v1/alerts', {
    config: { roles: readers, action: 'alert.read', audit: 'always' },
    schema: {
      summary: 'Alerts raised by recurrent vetting',
      description: 'Oldest first; page with `after` (the last seq seen).',
      tags: ['vetting'],
      querystring: ListQuery,
      response: { 200: z.object({ alerts: z.array(Alert) }), ...errorResponses() },
    },
    handler: async (request) => {
      const { status, since, entity, subject, after, limit, purpose } = request.query;
      const alerts = await listAlerts(store, {
        ...(status !== undefined ? { status } : {}),
        ...(since !== undefined ? { since } : {}),
        ...(entity !== undefined ? { entityId: entity } : {}),
        ...(subject !== undefined ? { subjectId: subject } : {}),
        ...(after !== undefined ? { afterSeq: after } : {}),
        limit,
      });
      await recordAudit(audit, request, { ...readIds(alerts), ...(purpose !== undefined ? { purpose } : {}), outcome: 'ok', details: { count: alerts.length } });
      return { alerts };
    },
  });

  app.get('/v1/alerts/stream', {
    config: { roles: readers, action: 'alert.read', audit: 'always' },
    schema: {
      summary: 'Alerts as server-sent events',
      description: 'Sends the alerts after `Last-Event-ID` (an alert seq), then ends (EventSource reconnects after `retry`), or with `follow=true` stays open and sends each new alert.',
      tags: ['vetting'],
      produces: ['text/event-stream'],
      querystring: z.object({ follow: z.enum(['true', 'false']).default('false') }).strict(),
    },
    handler: async (request, reply) => {
      const header = request.headers['last-event-id'];
      const from = typeof header === 'string' && /^\d+$/.test(header) ? Number(header) : undefined;
      // Followers start from now (what came before they read with Last-Event-ID). Noted before
      // the stream opens, not at the next poll: an alert raised between would reach nobody.
      const latest = request.query.follow === 'true' ? await latestAlertSeq(store) : 0;
      const backlog = from === undefined ? [] : await listAlerts(store, { afterSeq: from, limit: 500 });
      await recordAudit(audit, request, { ...readIds(backlog), outcome: 'ok', details: { count: backlog.length, stream: true, follow: request.query.follow === 'true' } });
      reply.hijack();
      reply.raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
      reply.raw.write('retry: 5000\n\n');
      for (const alert of backlog) reply.raw.write(formatSseEvent({ type: 'alert.raised', id: String(alert.seq), data: alertNotice(alert) }));
      if (request.query.follow !== 'true') {
        reply.raw.end();
        return;
      }
      if (lastSeq === undefined || hub.size === 0) lastSeq = latest;
      const principal = request.principal;
      const unsubscribe = hub.subscribe({ principal, write: (chunk) => reply.raw.write(chunk) });
      request.log.info({ actor: actorOf(request).id }, 'alert stream opened');
      request.raw.on('close', unsubscribe);
    },
  });
};
