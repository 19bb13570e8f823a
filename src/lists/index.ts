export { detectFormat } from './detect-format.js';
export type { DetectedFile, ListFormat } from './detect-format.js';
export { planImports, sha256File } from './plan-imports.js';
export type { ImportPlan, PlanOptions } from './plan-imports.js';
export { downloadSources } from './download-sources.js';
export type { DownloadedSource, DownloadOptions } from './download-sources.js';
