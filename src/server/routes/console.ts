import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

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

/**
 * The analyst console (web/, React) at `/`: its hashed assets with a year's cache, index.html
 * for every console path with none, all public: the pages hold no data, every API call they make
 * is checked and audited as any other. The files are listed once at start (no catch-all route,
 * no file-system look-up for arbitrary paths).
 */
export async function consoleRoutes(app: FastifyInstance, options: ConsoleOptions): Promise<void> {
  const dir = options.consoleDir ?? CONSOLE_DIR;
  // @fastify/static takes no route options: every route added in this context is marked public
  // here, before the access check reads the declarations (as the docs plugin does).
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), public: true };
  });

  if (!existsSync(join(dir, 'index.html'))) {
    app.log.warn({ dir }, 'the console is not built: `npm run build:web` builds it');
    const notBuilt = async (_request: unknown, reply: FastifyReply): Promise<FastifyReply> =>
      reply.code(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT);
    for (const path of CONSOLE_PATHS) app.get(path, { config: { public: true }, schema: { hide: true } }, notBuilt);
    return;
  }

  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    index: false,
    schemaHide: true,
    cacheControl: false,
    dotfiles: 'ignore',
    setHeaders: (res, path) => {
      // Vite names assets by content hash: they never change under the same name.
      res.setHeader('cache-control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  const page = async (_request: unknown, reply: FastifyReply): Promise<FastifyReply> => reply.header('cache-control', 'no-cache').sendFile('index.html');
  for (const path of CONSOLE_PATHS) app.get(path, { config: { public: true }, schema: { hide: true } }, page);
}
