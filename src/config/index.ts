export { loadConfig, VigilConfig } from './config.js';
export type { ConfigInputs } from './config.js';
