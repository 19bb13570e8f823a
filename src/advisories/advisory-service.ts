import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { AuditInput } from '../audit/index.js';
import { VigilError, type ScreeningPosture } from '../domain/index.js';
import type { Store } from '../store/index.js';
import type { Advisory, AdvisoryPatch, NewAdvisory } from './advisory.js';
import { contentOfNew, contentOfPatch, findScheme, parseInstant } from './advisory-content.js';
import { AdvisoryRepository } from './advisory-repository.js';
import type {
  Actor,
  AdvisoryAudit,
  AdvisoryDetail,
  AdvisoryEvent,
  AdvisoryEventType,
  AdvisoryFilter,
  AdvisoryLogger,
  AdvisoryService,
  AdvisoryServiceOptions,
  CurrentAdvisories,
  PostureChange,
  PublicLinks,
  SweepResult,
} from './advisory-service-types.js';
import { resolveAdvisorySettings, type AdvisorySettings } from './advisory-settings.js';
import { advisoryStatus, endedAt, latestVersion, pendingVersion, publishedVersion, publishedVersions } from './advisory-state.js';
import type { AdvisoryTables } from './advisory-tables.js';
import { toAdvisoryView, toHistory, type AdvisoryView } from './advisory-view.js';
import { renderAdvisoryPage } from './advisory-page.js';
import { toAtomFeed } from './atom-feed.js';
import { canManage, canSee, canSeeRestricted, type Viewer } from './can-see.js';
import { toCapXml } from './cap-message.js';
import { deriveCurrent } from './current-levels.js';
import { derivePosture, postureKey } from './derive-posture.js';

const SYSTEM_ACTOR = { kind: 'system', id: 'advisories' } as const;

function publicLinks(base: string | undefined): PublicLinks {
  const root = (base ?? '').replace(/\/$/, '');
  return {
    page: `${root}/advisories`,
    feed: `${root}/v1/advisories/feed.atom`,
    json: `${root}/v1/advisories`,
    advisory: (id) => `${root}/v1/advisories/${encodeURIComponent(id)}`,
    cap: (id) => `${root}/v1/advisories/${encodeURIComponent(id)}/cap`,
  };
}

function actorOf(actor: Actor): AuditInput['actor'] {
  return { kind: actor.kind, id: actor.id, orgId: actor.orgId };
}

function describeViewer(viewer: Viewer | undefined): string {
  return viewer === undefined ? 'the public' : `a signed-in ${viewer.roles.join(', ') || 'user'}`;
}

function notFound(id: string): VigilError {
  return new VigilError('STORE_NOT_FOUND', `no advisory ${id}`, { record: id });
}

/** A webhook subscription stands for its organisation with the roles it was given. */
function subscriptionViewer(subscription: { id: string; orgId?: string; roles: string[] }): Viewer {
  return { kind: 'webhook', id: subscription.id, ...(subscription.orgId !== undefined ? { orgId: subscription.orgId } : {}), roles: subscription.roles };
}

class SqlAdvisoryService implements AdvisoryService {
  readonly settings: AdvisorySettings;
  readonly links: PublicLinks;
  private readonly repo: AdvisoryRepository;
  private readonly audit: AdvisoryAudit;
  private readonly now: () => Date;
  private readonly logger: AdvisoryLogger | undefined;
  private readonly events = new EventEmitter();
  private sweeping: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(store: Pick<Store, 'db'>, private readonly options: AdvisoryServiceOptions) {
    this.settings = resolveAdvisorySettings(options.settings);
    this.links = publicLinks(this.settings.publicBaseUrl);
    this.repo = new AdvisoryRepository(store.db.withTables<AdvisoryTables>());
    this.audit = options.audit;
    this.now = options.now ?? (() => new Date());
    this.logger = options.logger;
  }

  // ---- life cycle ------------------------------------------------------------------------

  async create(actor: Actor, input: NewAdvisory): Promise<AdvisoryDetail> {
    if (!canManage(actor)) await this.deny(actor, 'advisory.create', undefined, 'writing advisories needs the supervisor or admin role');
    const at = this.now();
    const { scheme, content } = contentOfNew(input, this.settings.schemes, at);
    const id = `adv-${randomBytes(6).toString('hex')}`;
    const createdAt = at.toISOString();
    await this.repo.create(
      { id, scheme: scheme.id, issuerOrgId: actor.orgId, createdBy: actor.id, createdAt },
      { advisoryId: id, version: 1, change: 'create', content, authorId: actor.id, authorOrgId: actor.orgId, createdAt },
    );
    await this.audited(actor, 'advisory.create', { advisoryId: id, version: 1, scheme: scheme.id, level: content.level, scope: content.scope });
    return this.detailFor(actor, await this.load(id));
  }

  async approve(actor: Actor, id: string): Promise<AdvisoryDetail> {
    if (!actor.roles.includes('supervisor')) await this.deny(actor, 'advisory.approve', id, 'approving an advisory needs the supervisor role');
    const advisory = await this.loadVisible(actor, id);
    if (!canManage(actor, advisory)) await this.deny(actor, 'advisory.approve', id, 'only the issuing organisation approves its advisories');
    const pending = pendingVersion(advisory);
    if (pending === undefined) throw new VigilError('CONFLICT', `advisory ${id} has no version awaiting approval`, { record: id });
    if (pending.authorId === actor.id) {
      await this.deny(actor, 'advisory.approve', id, `the author of version ${pending.version} cannot approve it: a second supervisor must`, { version: pending.version });
    }
    if (pending.approvedAt !== undefined) throw new VigilError('CONFLICT', `version ${pending.version} of advisory ${id} is already approved`, { record: id });
    if (!(await this.repo.approve(id, pending.version, actor.id, this.now().toISOString()))) {
      throw new VigilError('CONFLICT', `advisory ${id} changed meanwhile; read it again`, { record: id });
    }
    await this.audited(actor, 'advisory.approve', { advisoryId: id, version: pending.version, authorId: pending.authorId });
    return this.detailFor(actor, await this.load(id));
  }

  async publish(actor: Actor, id: string): Promise<AdvisoryDetail> {
    if (!canManage(actor)) await this.deny(actor, 'advisory.publish', id, 'publishing advisories needs the supervisor or admin role');
    const advisory = await this.loadVisible(actor, id);
    if (!canManage(actor, advisory)) await this.deny(actor, 'advisory.publish', id, 'only the issuing organisation changes its advisories');
    const at = this.now();
    this.requireOpen(advisory, at);
    const pending = pendingVersion(advisory);
    if (pending === undefined) throw new VigilError('CONFLICT', `advisory ${id} has no version awaiting publication`, { record: id });
    if (pending.approvedAt === undefined) {
      await this.audit.append({ actor: actorOf(actor), action: 'advisory.publish', outcome: 'denied', details: { advisoryId: id, version: pending.version, reason: 'not approved' } });
      throw new VigilError('CONFLICT', `version ${pending.version} of advisory ${id} is not approved: a supervisor other than its author approves it first`, { record: id });
    }
    const expires = pending.content.expiresAt;
    if (expires !== undefined && Date.parse(expires) <= at.getTime()) {
      throw new VigilError('CONFLICT', `version ${pending.version} of advisory ${id} has a sunset (${expires}) that has passed; extend it first`, { record: id });
    }
    if (!(await this.repo.publish(id, pending.version, actor.id, at.toISOString()))) {
      throw new VigilError('CONFLICT', `advisory ${id} changed meanwhile; read it again`, { record: id });
    }
    await this.audited(actor, 'advisory.publish', { advisoryId: id, version: pending.version, change: pending.change, level: pending.content.level, scope: pending.content.scope });
    await this.settle();
    return this.detailFor(actor, await this.load(id));
  }

  async update(actor: Actor, id: string, patch: AdvisoryPatch): Promise<AdvisoryDetail> {
    if (!canManage(actor)) await this.deny(actor, 'advisory.update', id, 'updating advisories needs the supervisor or admin role');
    const advisory = await this.loadVisible(actor, id);
    if (!canManage(actor, advisory)) await this.deny(actor, 'advisory.update', id, 'only the issuing organisation changes its advisories');
    const at = this.now();
    this.requireOpen(advisory, at);
    const scheme = findScheme(this.settings.schemes, advisory.scheme);
    const latest = latestVersion(advisory);
    const content = contentOfPatch(latest.content, patch, scheme, at);
    const version = latest.version + 1;
    await this.repo.addVersion({ advisoryId: id, version, change: 'update', content, authorId: actor.id, authorOrgId: actor.orgId, createdAt: at.toISOString() });
    await this.audited(actor, 'advisory.update', { advisoryId: id, version, level: content.level, scope: content.scope, fields: Object.keys(patch) });
    return this.detailFor(actor, await this.load(id));
  }

  async extend(actor: Actor, id: string, expiresAt: string): Promise<AdvisoryDetail> {
    if (!canManage(actor)) await this.deny(actor, 'advisory.extend', id, 'extending advisories needs the supervisor or admin role');
    const advisory = await this.loadVisible(actor, id);
    if (!canManage(actor, advisory)) await this.deny(actor, 'advisory.extend', id, 'only the issuing organisation changes its advisories');
    const at = this.now();
    this.requireOpen(advisory, at);
    const scheme = findScheme(this.settings.schemes, advisory.scheme);
    if (scheme.sunset === 'none') throw new VigilError('INVALID_INPUT', `${scheme.name} advisories have no sunset to extend`, { field: 'expiresAt' });
    const published = publishedVersion(advisory);
    if (published === undefined) throw new VigilError('CONFLICT', `advisory ${id} is not published yet; change its draft's expiresAt with update`, { record: id });
    const sunset = parseInstant(expiresAt, 'expiresAt');
    const current = published.content.expiresAt;
    if (current !== undefined && sunset <= current) {
      throw new VigilError('INVALID_INPUT', `an extension moves the sunset later than ${current}, not to ${sunset}`, { field: 'expiresAt' });
    }
    // Extends what is in force; a draft update waiting meanwhile is superseded, not carried along.
    const content = contentOfPatch(published.content, { expiresAt: sunset }, scheme, at);
    const version = latestVersion(advisory).version + 1;
    await this.repo.addVersion({ advisoryId: id, version, change: 'extend', content, authorId: actor.id, authorOrgId: actor.orgId, createdAt: at.toISOString() });
    await this.audited(actor, 'advisory.extend', { advisoryId: id, version, from: current ?? null, to: sunset });
    return this.detailFor(actor, await this.load(id));
  }

  async cancel(actor: Actor, id: string, reason?: string): Promise<AdvisoryDetail> {
    if (!canManage(actor)) await this.deny(actor, 'advisory.cancel', id, 'cancelling advisories needs the supervisor or admin role');
    const advisory = await this.loadVisible(actor, id);
    if (!canManage(actor, advisory)) await this.deny(actor, 'advisory.cancel', id, 'only the issuing organisation changes its advisories');
    const at = this.now();
    this.requireOpen(advisory, at);
    const why = reason?.trim() === '' ? undefined : reason?.trim().slice(0, 2000);
    if (!(await this.repo.cancel(id, actor.id, at.toISOString(), why))) {
      throw new VigilError('CONFLICT', `advisory ${id} was cancelled meanwhile`, { record: id });
    }
    await this.audited(actor, 'advisory.cancel', { advisoryId: id, wasPublished: publishedVersion(advisory) !== undefined });
    await this.settle();
    return this.detailFor(actor, await this.load(id));
  }

  // ---- outputs -----------------------------------------------------------------------------

  async get(viewer: Viewer | undefined, id: string): Promise<AdvisoryDetail> {
    return this.detailFor(viewer, await this.loadVisible(viewer, id));
  }

  async list(viewer: Viewer | undefined, filter: AdvisoryFilter = {}): Promise<AdvisoryView[]> {
    const now = this.now();
    let visible = (await this.repo.all(filter.scheme)).filter((a) => canSee(viewer, a));
    if (filter.status === 'current') visible = deriveCurrent(visible, this.settings.schemes, now).advisories;
    const views = visible.map((a) => this.view(a, viewer, now, true));
    return views.filter(
      (v) =>
        (filter.status === undefined || filter.status === 'current' || v.status === filter.status) &&
        (filter.level === undefined || v.level === filter.level) &&
        (filter.region === undefined || v.regions.includes(filter.region)) &&
        (filter.sector === undefined || v.sectors.includes(filter.sector)) &&
        (filter.scope === undefined || v.scope === filter.scope),
    );
  }

  async current(viewer: Viewer | undefined): Promise<CurrentAdvisories> {
    const now = this.now();
    const visible = (await this.repo.all()).filter((a) => canSee(viewer, a));
    const state = deriveCurrent(visible, this.settings.schemes, now);
    return { levels: state.levels, advisories: state.advisories.map((a) => this.view(a, viewer, now, true)) };
  }

  async cap(viewer: Viewer | undefined, id: string, which?: number | 'cancel'): Promise<string> {
    const advisory = await this.loadVisible(viewer, id);
    const scheme = findScheme(this.settings.schemes, advisory.scheme);
    // A version once restricted stays so, even after a later version is made public.
    if (typeof which === 'number') {
      const version = advisory.versions.find((v) => v.version === which);
      if (version === undefined || !canSee(viewer, advisory, version)) throw notFound(`${id} version ${which}`);
    }
    return toCapXml(advisory, scheme, { sender: this.settings.sender, ...(this.settings.publicBaseUrl !== undefined ? { publicBaseUrl: this.settings.publicBaseUrl } : {}) }, which);
  }

  async feed(viewer: Viewer | undefined): Promise<string> {
    const now = this.now();
    const published = (await this.repo.all()).filter((a) => publishedVersion(a) !== undefined && canSee(viewer, a));
    const views = published.map((a) => this.view(a, viewer, now, false));
    return toAtomFeed(views, { self: this.links.feed, page: this.links.page, cap: this.links.cap, json: this.links.advisory }, now);
  }

  async page(viewer: Viewer | undefined): Promise<string> {
    const now = this.now();
    const visible = (await this.repo.all()).filter((a) => publishedVersion(a) !== undefined && canSee(viewer, a));
    const state = deriveCurrent(visible, this.settings.schemes, now);
    const currentIds = new Set(state.advisories.map((a) => a.id));
    const entry = (a: Advisory): { view: AdvisoryView; history: ReturnType<typeof toHistory> } => ({ view: this.view(a, viewer, now, true), history: toHistory(a, viewer, this.settings.schemes) });
    // Under a `latest` scheme a published advisory can be out of force: a later one set its regions.
    const superseded = (e: { view: AdvisoryView; history: ReturnType<typeof toHistory> }): { view: AdvisoryView; history: ReturnType<typeof toHistory>; note?: string } =>
      e.view.status === 'published' ? { ...e, note: 'superseded by a later level' } : e;
    const past = visible
      .filter((a) => !currentIds.has(a.id))
      .sort((a, b) => (endedAt(b, now) ?? publishedVersion(b)?.publishedAt ?? '').localeCompare(endedAt(a, now) ?? publishedVersion(a)?.publishedAt ?? ''));
    return renderAdvisoryPage({
      schemes: this.settings.schemes,
      levels: state.levels,
      current: state.advisories.map(entry),
      past: past.map(entry).map(superseded),
      audience: describeViewer(viewer),
      generatedAt: now.toISOString(),
      links: { feed: this.links.feed, json: this.links.json, cap: this.links.cap },
    });
  }

  // ---- posture -----------------------------------------------------------------------------

  async currentPosture(now: Date = this.now()): Promise<ScreeningPosture> {
    return derivePosture(await this.repo.all(), this.settings, now);
  }

  postureHistory(limit?: number): Promise<Array<{ seq: number; posture: ScreeningPosture; changedAt: string }>> {
    return this.repo.postureChanges(limit);
  }

  onPostureChange(listener: (change: PostureChange) => void): () => void {
    this.events.on('posture', listener);
    return () => this.events.off('posture', listener);
  }

  onEvent(listener: (event: AdvisoryEvent) => void): () => void {
    this.events.on('advisory', listener);
    return () => this.events.off('advisory', listener);
  }

  // ---- sweep -------------------------------------------------------------------------------

  sweep(): Promise<SweepResult> {
    const run = this.sweeping.then(() => this.sweepOnce());
    // The chain only orders sweeps; each caller gets its own sweep's failure through `run`.
    this.sweeping = run.catch(() => undefined);
    return run;
  }

  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => void this.settle(), this.settings.sweepMs);
    // The sweep must not keep a finished process alive.
    this.timer.unref();
    void this.settle();
  }

  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.sweeping;
  }

  private async sweepOnce(): Promise<SweepResult> {
    const now = this.now();
    const at = now.toISOString();
    const all = await this.repo.all();
    const result: SweepResult = { expired: [], announced: 0, postureChanged: false };
    for (const advisory of all) {
      const status = advisoryStatus(advisory, now);
      if (status === 'expired' && advisory.expiryNoticedAt === undefined && (await this.repo.claimExpiryNotice(advisory.id, at))) {
        const version = publishedVersion(advisory)?.version ?? 0;
        await this.audit.append({ actor: SYSTEM_ACTOR, action: 'advisory.expire', outcome: 'ok', details: { advisoryId: advisory.id, version, sunset: publishedVersion(advisory)?.content.expiresAt } });
        await this.announce(advisory, 'advisory.expired', version, `${advisory.id}.expired`, at);
        result.expired.push(advisory.id);
      }
      const published = publishedVersions(advisory);
      for (const [index, version] of published.entries()) {
        if (version.notifiedAt !== undefined) continue;
        await this.announce(advisory, index === 0 ? 'advisory.published' : 'advisory.updated', version.version, `${advisory.id}.v${version.version}`, version.publishedAt ?? at);
        await this.repo.markVersionNotified(advisory.id, version.version, at);
        result.announced += 1;
      }
      if (advisory.cancelledAt !== undefined && advisory.cancelNotifiedAt === undefined && published.length > 0) {
        await this.announce(advisory, 'advisory.cancelled', published[published.length - 1]?.version ?? 0, `${advisory.id}.cancelled`, advisory.cancelledAt);
        await this.repo.markCancelNotified(advisory.id, at);
        result.announced += 1;
      }
    }
    result.postureChanged = await this.checkPosture(all, now);
    return result;
  }

  /** Tells webhooks, browsers and listeners, each only what it may see. Idempotent per event id. */
  private async announce(advisory: Advisory, type: AdvisoryEventType, version: number, eventId: string, at: string): Promise<void> {
    const data = { advisory: this.view(advisory, undefined, this.now(), false), links: { cap: this.links.cap(advisory.id), json: this.links.advisory(advisory.id), page: `${this.links.page}#${advisory.id}` } };
    await this.options.notifier?.notify({ id: eventId, type, occurredAt: at, data }, (subscription) => canSee(subscriptionViewer(subscription), advisory));
    this.options.sse?.publish({ type, id: eventId, data }, (viewer) => canSee(viewer, advisory));
    this.events.emit('advisory', { type, advisoryId: advisory.id, version, at } satisfies AdvisoryEvent);
  }

  private async checkPosture(all: readonly Advisory[], now: Date): Promise<boolean> {
    const posture = derivePosture(all, this.settings, now);
    const key = postureKey(posture);
    const last = await this.repo.lastPosture();
    const previous = last?.posture ?? derivePosture([], this.settings, now);
    if (key === (last?.key ?? postureKey(previous))) return false;
    const at = now.toISOString();
    if (!(await this.repo.recordPosture((last?.seq ?? 0) + 1, key, posture, at))) return false;
    await this.audit.append({
      actor: SYSTEM_ACTOR,
      action: 'posture.change',
      outcome: 'ok',
      decision: posture.id,
      details: {
        from: { id: previous.id, reviewThreshold: previous.reviewThreshold, matchThreshold: previous.matchThreshold },
        to: { id: posture.id, advisoryId: posture.advisoryId ?? null, reviewThreshold: posture.reviewThreshold, matchThreshold: posture.matchThreshold, enhanced: posture.enhanced },
      },
    });
    this.logger?.info({ posture: posture.id, advisoryId: posture.advisoryId, reviewThreshold: posture.reviewThreshold }, 'screening posture changed');
    const change: PostureChange = { previous, current: posture, at };
    this.options.sse?.publish({ type: 'posture.changed', id: `posture.${(last?.seq ?? 0) + 1}`, data: change }, canSeeRestricted);
    this.events.emit('posture', change);
    return true;
  }

  /** After a step has committed: its announcements and posture follow; a failure there is logged and retried by the next sweep. */
  private async settle(): Promise<void> {
    try {
      await this.sweep();
    } catch (error) {
      if (this.logger !== undefined) this.logger.error({ err: error }, 'advisory sweep failed; the next sweep retries');
      else process.emitWarning(`vigil advisories: sweep failed, the next one retries: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  // ---- helpers -----------------------------------------------------------------------------

  private async load(id: string): Promise<Advisory> {
    const advisory = await this.repo.find(id);
    if (advisory === undefined) throw notFound(id);
    return advisory;
  }

  /** Unknown and not-visible look the same, so ids leak nothing. */
  private async loadVisible(viewer: Viewer | undefined, id: string): Promise<Advisory> {
    const advisory = await this.repo.find(id);
    if (advisory === undefined || !canSee(viewer, advisory)) throw notFound(id);
    return advisory;
  }

  private requireOpen(advisory: Advisory, now: Date): void {
    const status = advisoryStatus(advisory, now);
    if (status === 'cancelled' || status === 'expired') {
      throw new VigilError('CONFLICT', `advisory ${advisory.id} is ${status}; issue a new advisory instead`, { record: advisory.id });
    }
  }

  private view(advisory: Advisory, viewer: Viewer | undefined, now: Date, restrictedFields: boolean): AdvisoryView {
    return toAdvisoryView(advisory, viewer, this.settings.schemes, now, { restrictedFields });
  }

  private detailFor(viewer: Viewer | undefined, advisory: Advisory): AdvisoryDetail {
    return { ...this.view(advisory, viewer, this.now(), true), history: toHistory(advisory, viewer, this.settings.schemes) };
  }

  private async audited(actor: Actor, action: string, details: Record<string, unknown>): Promise<void> {
    await this.audit.append({ actor: actorOf(actor), action, outcome: 'ok', details });
  }

  /** Records the refusal, then refuses. */
  private async deny(actor: Actor, action: string, advisoryId: string | undefined, message: string, extra: Record<string, unknown> = {}): Promise<never> {
    await this.audit.append({ actor: actorOf(actor), action, outcome: 'denied', details: { ...(advisoryId !== undefined ? { advisoryId } : {}), reason: message, ...extra } });
    throw new VigilError('FORBIDDEN', message, { ...(advisoryId !== undefined ? { record: advisoryId } : {}) });
  }
}

/** The advisory service over the store's advisory tables (migration 0004-advisories). */
export function createAdvisoryService(store: Pick<Store, 'db'>, options: AdvisoryServiceOptions): AdvisoryService {
  return new SqlAdvisoryService(store, options);
}
