export { createOfacAdapter } from './ofac-adapter.js';
export type { OfacAdapterOptions } from './ofac-adapter.js';
export { parseRemarks } from './parse-remarks.js';
export type { ParseRemarksOptions } from './parse-remarks.js';
export type { RemarkFacts } from './remark-facts.js';
export { parseBirthDate } from './birth-date.js';
