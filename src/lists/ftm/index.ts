export { createFtmAdapter, createFtmDeltaAdapter } from './ftm-adapter.js';
export type { FtmAdapter, FtmAdapterOptions } from './ftm-adapter.js';
export type { FtmStats } from './ftm-records.js';
export { readUtf8Lines } from './utf8-lines.js';
export type { TextLine } from './utf8-lines.js';
export { detectScript } from './script.js';
