export { createNominationsAdapter } from './nominations-adapter.js';
export type { NominationsAdapterOptions } from './nominations-adapter.js';
export { NOMINATION_COLUMNS } from './columns.js';
export type { NominationColumn } from './columns.js';
export type { NominationsFormat } from './nomination-rows.js';
