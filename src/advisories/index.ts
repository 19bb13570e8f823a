/**
 * Threat advisories: the national threat level, its bulletins and alerts, their publication
 * (page, JSON, Atom, CAP 1.2, webhooks) and the screening posture they set.
 */
export { createAdvisoryService } from './advisory-service.js';
export type {
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
export {
  ADVISORY_SCOPES,
  AdvisoryPatch,
  AdvisoryScope,
  NewAdvisory,
  type Advisory,
  type AdvisoryContent,
  type AdvisoryStatus,
  type AdvisoryVersion,
  type VersionChange,
  type VersionState,
} from './advisory.js';
export type { AdvisoryView, VersionView } from './advisory-view.js';
export type { CurrentLevel } from './current-levels.js';
export { canManage, canSee, canSeeRestricted, type Viewer } from './can-see.js';
export { AdvisorySettings, resolveAdvisorySettings, type AdvisorySettingsInput } from './advisory-settings.js';
export { AdvisoryScheme, DEFAULT_SCHEMES, NTAS_SCHEME, UK_SCHEME, type SchemeLevel } from './schemes.js';
export { BASELINE_THRESHOLDS, DEFAULT_POSTURE_RULES, PostureRule } from './posture-rules.js';
export { derivePosture } from './derive-posture.js';
export { deriveCurrent } from './current-levels.js';
export { capTime, CAP_NAMESPACE } from './cap-message.js';
export type { AdvisoryTables } from './advisory-tables.js';
