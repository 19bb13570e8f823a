export * from './entity.js';
export * from './errors.js';
export * from './list-records.js';
export * from './countries.js';
export * from './subject.js';
export * from './posture.js';
export * from './canonical-json.js';
export * from './generation-cache.js';
