import type { AdvisoryService, Viewer } from '../advisories/index.js';
import type { AuditLog } from '../audit/index.js';
import type { SseHub, WebhookNotifier } from '../notify/index.js';
import type { IdentityService } from '../sharing/index.js';
import type { Store } from '../store/index.js';
import type { EngineHolder } from './engine-holder.js';
import type { PostureHolder } from './posture-holder.js';
import type { ServerMetrics } from './metrics-registry.js';
import type { ServerConfig } from './server-config.js';
import type { ScreeningWrites } from './screening-writes.js';
import type { ServerVetting } from './server-vetting.js';

/** What every resource plugin is registered with: the capabilities' faces and the settings. */
export interface RouteDeps {
  store: Store;
  engine: EngineHolder;
  identity: IdentityService;
  audit: AuditLog;
  config: ServerConfig;
  metrics: ServerMetrics;
  advisories: AdvisoryService;
  /** The screening posture in force, which the screen route applies. */
  posture: PostureHolder;
  notifier: WebhookNotifier;
  sse: SseHub<Viewer>;
  /** Enrolment settings and queue, and the vetting scheduler's nudge. */
  vetting: ServerVetting;
  /** What a screening writes before it answers: its cases, enrolment, then its audit record. */
  screenings: ScreeningWrites;
}
