import { z } from 'zod';

const Window = z
  .object({
    /** Requests allowed per window for one API key, session or (without credentials) address. */
    max: z.number().int().positive(),
    windowMs: z.number().int().positive(),
  })
  .strict();

/**
 * The HTTP service's settings. `vigil serve` builds them from its flags; tests and the benchmark
 * pass them directly. Every field has a default, so `ServerConfig.parse({})` is a working server.
 */
export const ServerConfig = z
  .object({
    /** Largest JSON body in bytes; larger ones get 413. */
    bodyLimit: z.number().int().positive().default(1024 * 1024),
    /** Largest list upload in bytes (streamed to a temporary file, never held in memory). */
    importBodyLimit: z.number().int().positive().default(1024 * 1024 * 1024),
    /** Most subjects in one `POST /v1/screen` batch. */
    maxBatch: z.number().int().positive().default(1000),
    rateLimit: Window.default({ max: 6000, windowMs: 60_000 }),
    /** Sign-in attempts per address: the identity service also locks accounts. */
    loginRateLimit: Window.default({ max: 30, windowMs: 60_000 }),
    /** Origins allowed to call the API from a browser; empty (the default) sends no CORS headers. */
    corsOrigins: z.array(z.string().min(1)).default([]),
    /** `Secure` on the session cookie; only a development server on plain HTTP turns it off. */
    secureCookies: z.boolean().default(true),
    sessionCookie: z.string().regex(/^[A-Za-z0-9_-]+$/).default('vigil_session'),
    /** Serve the OpenAPI document at /openapi.json and the explorer at /docs. */
    docs: z.boolean().default(true),
    /** Set when a reverse proxy in front sets X-Forwarded-For (used for per-address limits). */
    trustProxy: z.boolean().default(false),
  })
  .strict();
export type ServerConfig = z.infer<typeof ServerConfig>;
export type ServerConfigInput = z.input<typeof ServerConfig>;
