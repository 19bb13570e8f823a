import type { AuditInput } from '../audit/index.js';
import type { ScreeningPosture } from '../domain/index.js';
import type { SseHub, WebhookNotifier } from '../notify/index.js';
import type { AdvisoryPatch, AdvisoryStatus, NewAdvisory, AdvisoryScope } from './advisory.js';
import type { AdvisorySettings, AdvisorySettingsInput } from './advisory-settings.js';
import type { AdvisoryView, VersionView } from './advisory-view.js';
import type { Viewer } from './can-see.js';
import type { CurrentLevel } from './current-levels.js';

/** Who acts: a signed-in user or an API key (src/sharing's Principal). */
export interface Actor extends Viewer {
  kind: 'user' | 'key';
  orgId: string;
}

/** What advisories need of the audit log: src/audit's `createAuditLog(store)` fits. */
export interface AdvisoryAudit {
  append(input: AuditInput): Promise<unknown>;
}

/** The part of a pino logger advisories use. */
export interface AdvisoryLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface AdvisoryServiceOptions {
  audit: AdvisoryAudit;
  /** Every publication, update, cancellation and expiry is sent to the subscriptions allowed to see it. */
  notifier?: WebhookNotifier;
  /** The same events, to connected browsers allowed to see them. */
  sse?: SseHub<Viewer>;
  settings?: AdvisorySettingsInput;
  /** The clock of sunsets, publications and postures; tests pin it. */
  now?: () => Date;
  logger?: AdvisoryLogger;
}

export interface AdvisoryFilter {
  scheme?: string;
  /** `current`: in force now (derived, as the page shows it). */
  status?: AdvisoryStatus | 'current';
  level?: string;
  region?: string;
  sector?: string;
  scope?: AdvisoryScope;
}

export interface AdvisoryDetail extends AdvisoryView {
  history: VersionView[];
}

export interface CurrentAdvisories {
  levels: CurrentLevel[];
  advisories: AdvisoryView[];
}

export type AdvisoryEventType = 'advisory.published' | 'advisory.updated' | 'advisory.cancelled' | 'advisory.expired';

export interface AdvisoryEvent {
  type: AdvisoryEventType;
  advisoryId: string;
  version: number;
  at: string;
}

export interface PostureChange {
  previous: ScreeningPosture;
  current: ScreeningPosture;
  at: string;
}

export interface SweepResult {
  /** Advisories whose sunset this sweep announced. */
  expired: string[];
  /** Publications and cancellations announced (again) by this sweep. */
  announced: number;
  postureChanged: boolean;
}

export interface PublicLinks {
  page: string;
  feed: string;
  json: string;
  advisory(id: string): string;
  cap(id: string): string;
}

/**
 * Threat advisories: their life cycle (draft, approval by a second supervisor, publication,
 * updates and extensions as new versions, cancellation, expiry at the sunset), every output
 * (JSON, the public page, Atom, CAP 1.2), notifications, and the screening posture they set.
 * Every output goes through `canSee`; every step is audited.
 *
 * @example
 * const advisories = createAdvisoryService(store, { audit: createAuditLog(store), notifier });
 * const draft = await advisories.create(author, { scheme: 'ntas', level: 'elevated', title, summary, regions: ['United States'], expiresAt });
 * await advisories.approve(secondSupervisor, draft.id);
 * await advisories.publish(author, draft.id);
 * const posture = await advisories.currentPosture(); // what screening applies now
 */
export interface AdvisoryService {
  readonly settings: AdvisorySettings;
  readonly links: PublicLinks;
  /** FORBIDDEN unless supervisor or admin; INVALID_INPUT against the scheme's rules. */
  create(actor: Actor, input: NewAdvisory): Promise<AdvisoryDetail>;
  /** Needs the supervisor role and never the author of the version (FORBIDDEN, audited as denied). */
  approve(actor: Actor, id: string): Promise<AdvisoryDetail>;
  /** Publishes the approved pending version; CONFLICT when it is not approved. */
  publish(actor: Actor, id: string): Promise<AdvisoryDetail>;
  /** A new version from the latest one and the fields given; it needs approval and publication. */
  update(actor: Actor, id: string, patch: AdvisoryPatch): Promise<AdvisoryDetail>;
  /** A new version with a later sunset; it needs approval and publication. */
  extend(actor: Actor, id: string, expiresAt: string): Promise<AdvisoryDetail>;
  cancel(actor: Actor, id: string, reason?: string): Promise<AdvisoryDetail>;
  /** STORE_NOT_FOUND for an unknown advisory and for one the viewer may not see. */
  get(viewer: Viewer | undefined, id: string): Promise<AdvisoryDetail>;
  list(viewer: Viewer | undefined, filter?: AdvisoryFilter): Promise<AdvisoryView[]>;
  current(viewer: Viewer | undefined): Promise<CurrentAdvisories>;
  /** The CAP 1.2 XML of a published version, of the cancellation, or (omitted) of the latest message. */
  cap(viewer: Viewer | undefined, id: string, which?: number | 'cancel'): Promise<string>;
  feed(viewer: Viewer | undefined): Promise<string>;
  page(viewer: Viewer | undefined): Promise<string>;
  /** The strictest posture among the advisories in force at `now`; the baseline when none is. */
  currentPosture(now?: Date): Promise<ScreeningPosture>;
  postureHistory(limit?: number): Promise<Array<{ seq: number; posture: ScreeningPosture; changedAt: string }>>;
  /** Announces sunsets that passed and publications not yet announced; records a posture change. */
  sweep(): Promise<SweepResult>;
  onPostureChange(listener: (change: PostureChange) => void): () => void;
  onEvent(listener: (event: AdvisoryEvent) => void): () => void;
  /** Sweeps every `sweepMs` until `stop()`. */
  start(): void;
  stop(): Promise<void>;
}
