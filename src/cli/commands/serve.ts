import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import pino from 'pino';
import { createAuditLog } from '../../audit/index.js';
import { VigilError } from '../../domain/index.js';
import { ScreeningEngine } from '../../screening/index.js';
import { buildApp, type ServerConfigInput } from '../../server/index.js';
import { importFiles } from '../../store/index.js';
import { createIdentityService } from '../../sharing/index.js';
import { openStore } from '../../store/index.js';
import { configFrom, type GlobalOptions } from '../context.js';
import { parseVersionOption } from '../parse-options.js';

interface ServeOptions extends GlobalOptions {
  host: string;
  port: string;
  lists?: string[];
  dev?: boolean;
  rateLimit?: string;
  corsOrigin?: string[];
}

/** Where the first start leaves the bootstrap admin key, relative to the working directory. */
export const ADMIN_KEY_FILE = join('.vigil', 'admin-key');

function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new VigilError('INVALID_INPUT', `--port must be 0 to 65535, not "${value}"`, { field: '--port' });
  return Number(value);
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('run the HTTP API (OpenAPI at /openapi.json, explorer at /docs)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port)', '8080')
    .option('--lists <files...>', 'list files to import before serving, as `vigil lists import` (unchanged files make no version)')
    .option('--dev', 'development: the session cookie is sent over plain HTTP (no Secure flag)')
    .option('--rate-limit <n>', 'requests per minute per API key or session (default 6000)')
    .option('--cors-origin <origins...>', 'browser origins allowed to call the API (default: none)')
    .action(async (_options: ServeOptions, command: Command) => {
      const options = command.optsWithGlobals<ServeOptions>();
      const port = parsePort(options.port);
      const rate = parseVersionOption(options.rateLimit, '--rate-limit');
      const config = configFrom(options);
      const logger = pino({ level: config.logLevel, base: { service: 'vigil' } });
      const serverConfig: ServerConfigInput = {
        secureCookies: options.dev !== true,
        ...(rate !== undefined ? { rateLimit: { max: rate, windowMs: 60_000 } } : {}),
        ...(options.corsOrigin !== undefined ? { corsOrigins: options.corsOrigin } : {}),
      };

      const store = await openStore(config.db, { logger });
      const audit = createAuditLog(store);
      const closeAll = async (): Promise<void> => {
        await audit.close();
        await store.close();
      };
      try {
        // The store logs each import (created or unchanged) itself.
        if (options.lists !== undefined && options.lists.length > 0) await importFiles(store, options.lists);
        const identity = createIdentityService(store);
        const bootstrap = await identity.ensureBootstrapAdmin();
        if (bootstrap.created && bootstrap.key !== undefined) {
          await mkdir('.vigil', { recursive: true, mode: 0o700 });
          await writeFile(ADMIN_KEY_FILE, `${bootstrap.key}\n`, { mode: 0o600 });
          process.stderr.write(`vigil: created organisation "default" and its admin API key (shown once, also in ${ADMIN_KEY_FILE}):\n${bootstrap.key}\n`);
        }
        const app = buildApp({ store, engine: ScreeningEngine.open(store), identity, audit, config: serverConfig, logger });
        const address = await app.listen({ host: options.host, port });
        process.stderr.write(`vigil: listening on ${address}\n`);

        await new Promise<void>((resolve) => {
          let stopping = false;
          const stop = (signal: NodeJS.Signals): void => {
            if (stopping) {
              // A second signal: the operator wants out now.
              process.exit(1);
            }
            stopping = true;
            logger.info({ signal }, 'shutting down: finishing requests and flushing the audit trail');
            void app.close().finally(resolve);
          };
          process.on('SIGTERM', stop);
          process.on('SIGINT', stop);
        });
      } finally {
        await closeAll();
      }
      logger.info('stopped');
    });
}
