export { ScreeningEngine } from './screening-engine.js';
export type { EngineScreeningResult, ScreenOptions } from './screening-engine.js';
export type { AppliedPosture } from './apply-posture.js';
export { buildSnapshot } from './index-snapshot.js';
export type { IndexSnapshot } from './index-snapshot.js';
export { screenStream } from './screen-stream.js';
export type { ScreenStreamOptions, ScreenStreamSummary } from './screen-stream.js';
export { screenLine, parseSubjectLine } from './screen-line.js';
