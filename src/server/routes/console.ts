import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/**
 * The paths the console's own router answers (web/src/app.tsx): each is served index.html, so a
 * reload or a shared link opens the right page. Named one by one, never a catch-all, so an
 * unknown API path still gets the JSON 404.
 */
export const CONSOLE_PATHS = ['/', '/screen', '/queue', '/alerts', '/lists', '/cases/:id', '/entities/:id'] as const;

/**
 * Where `npm run build:web` leaves the console. This file sits three folders below the package
 * root both as source (src/server/routes) and compiled (dist/server/routes).
 */
export const CONSOLE_DIR = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

export interface ConsoleOptions {
  /** The built console; default CONSOLE_DIR. */
  consoleDir?: string;
}

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Vigil console not built</title>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">
<h1>The console is not built</h1><p>This server has no built console. Run <code>npm run build:web</code> (or <code>npm ci</code>, which builds it) and restart <code>vigil serve</code>.</p>
<p>The API works without it: <a href="/docs">/docs</a>, <a href="/openapi.json">/openapi.json</a>, <a href="/advisories">/advisories</a>.</p></body></html>`;

/** Vite's file names: letters, digits, dashes, underscores and dots, never a path. */
const AssetParams = z.object({ file: z.string().regex(/^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,200}$/, 'an asset name') });

function filesIn(dir: string): Set<string> {
  return existsSync(dir) ? new Set(readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name)) : new Set();
}

/**
 * The analyst console (web/, React) at `/`: its hashed assets with a year's cache, index.html for
 * every console path with none, all public: the pages hold no data, and every API call they make
 * is checked and audited as any other. Only files present at start are served, by name from a
 * list (no file-system look-up for arbitrary paths); a rebuilt console needs a restart.
 */
export async function consoleRoutes(app: FastifyInstance, options: ConsoleOptions): Promise<void> {
  const dir = options.consoleDir ?? CONSOLE_DIR;
  const built = existsSync(join(dir, 'index.html'));
  const assets = filesIn(join(dir, 'assets'));
  if (!built) app.log.warn({ dir }, 'the console is not built: `npm run build:web` builds it');
  // reply.sendFile only: ETag, Last-Modified, ranges and content types; routes are ours.
  await app.register(fastifyStatic, { root: dir, serve: false, cacheControl: false, dotfiles: 'deny' });
  const routes = app.withTypeProvider<ZodTypeProvider>();

  const page = async (_request: unknown, reply: FastifyReply): Promise<FastifyReply> => {
    if (!built) return reply.code(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  };
  for (const path of CONSOLE_PATHS) {
    routes.get(path, {
      config: { public: true },
      schema: { summary: `The analyst console${path === '/' ? '' : ` (${path})`}`, description: 'HTML: the console signs in and calls this API from the browser.', tags: ['console'], produces: ['text/html'] },
      handler: page,
    });
  }

  routes.get('/assets/:file', {
    config: { public: true },
    schema: { summary: "The console's scripts and styles", description: 'Named by content hash: cached for a year.', tags: ['console'], params: AssetParams },
    handler: async (request, reply) => {
      const { file } = request.params;
      if (!assets.has(file)) {
        reply.callNotFound();
        return reply;
      }
      return reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(`assets/${file}`);
    },
  });

  routes.get('/favicon.svg', {
    config: { public: true },
    schema: { summary: "The console's icon", tags: ['console'], produces: ['image/svg+xml'] },
    handler: async (_request, reply) => {
      if (built) return reply.header('cache-control', 'public, max-age=86400').sendFile('favicon.svg');
      reply.callNotFound();
      return reply;
    },
  });
}
