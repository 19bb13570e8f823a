export { buildApp } from './app.js';
export type { AppDeps, VigilApp } from './app.js';
export { ServerConfig } from './server-config.js';
export type { ServerConfigInput } from './server-config.js';
export { HTTP_ERRORS } from './error-reply.js';
export type { ErrorReply, ServerErrorCode } from './error-reply.js';
export type { RouteEntry } from './access-control.js';
export type { RouteAccess } from './fastify-types.js';
export { CHANNELS } from './routes/screen.js';
