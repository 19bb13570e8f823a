/**
 * Recurrent vetting: subjects screened once are enrolled and re-vetted whenever a list changes.
 *
 * - `enrolSubjects(store, subjects, { channel, port, screenedAt, retentionDays })` keeps them,
 *   indexed for reverse look-up in the database; `enrolmentFor(settings, channel, flag)` says
 *   whether a screening enrols and for how long; `importSubjects` enrols a JSON-lines file;
 *   `prepareEnrolment` and `journalWithin` enrol inside a transaction shared with other writes
 *   (a server commits many screenings' cases, enrolments and records as one) by appending to a
 *   journal that `JournalIndexer` indexes when the server is idle, and that everything reading
 *   the index indexes first (`indexJournal`).
 * - `runVetting(store, options)` takes each list change from the store and raises alerts for
 *   enrolled subjects that now score at or above the review threshold on an added or changed
 *   entity (the same result as screening them all again), closes alerts of removed entities,
 *   and resumes where a crash stopped it; a lease in the database lets one process vet at a time.
 * - `listAlerts(store, filter)` reads alerts (callers audit each read); `pushPending` announces
 *   them through src/notify; `purgeExpiredSubjects` enforces retention.
 */
export { enrolSubjects, reindexSubjects } from './enrol.js';
export { indexJournal, journalBacklog, JournalIndexer, journalWithin, prepareEnrolment } from './enrolment-journal.js';
export type { EnrolmentRequest, JournalIndexerOptions, PreparedEnrolment } from './enrolment-journal.js';
export { acquireLease, isLeaseBusy } from './vetting-lease.js';
export type { VettingLease } from './vetting-lease.js';
export type { EnrolOptions, EnrolResult } from './enrol-batch.js';
export { DEFAULT_VETTING_SETTINGS, enrolmentFor, VettingSettings } from './vetting-settings.js';
export type { ChannelEnrolment, VettingSettingsInput } from './vetting-settings.js';
export { runVetting } from './run-vetting.js';
export type { VetOptions, VetReport, VettingLogger } from './run-vetting.js';
export { latestAlertSeq, listAlerts } from './alerts.js';
export type { Alert, AlertFilter, ListChange } from './alerts.js';
export { ALERT_ROLES, alertNotice, mayReceiveAlerts, pushPending } from './alert-push.js';
export type { AlertEvent, AlertNotice, AlertPush } from './alert-push.js';
export { importSubjects } from './import-subjects.js';
export type { BadSubjectLine, ImportSubjectsOptions, ImportSubjectsResult } from './import-subjects.js';
export { purgeExpiredSubjects } from './purge.js';
export type { PurgeOptions, PurgeResult } from './purge.js';
export { startVettingScheduler } from './vetting-scheduler.js';
export type { VettingScheduler, VettingSchedulerOptions } from './vetting-scheduler.js';
