export { createUnAdapter, type UnAdapterOptions } from './create-un-adapter.js';
