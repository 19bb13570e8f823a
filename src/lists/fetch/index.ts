export { fetchList } from './fetch-list.js';
export type { FetchListOptions, FetchListResult, PreviousDownload } from './fetch-list.js';
export { DEFAULT_SOURCE_URLS } from './default-source-urls.js';
export type { DefaultSource } from './default-source-urls.js';
