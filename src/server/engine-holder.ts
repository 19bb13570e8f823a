import type { FastifyBaseLogger } from 'fastify';
import { VigilError } from '../domain/index.js';
import type { IndexSnapshot, ScreeningEngine } from '../screening/index.js';

/**
 * The screening engine once its index is loaded. The server listens (and answers /healthz)
 * while the index builds; routes that screen say NOT_READY until then.
 */
export class EngineHolder {
  private engine: ScreeningEngine | undefined;
  private failure: unknown;
  readonly loaded: Promise<void>;

  constructor(source: ScreeningEngine | Promise<ScreeningEngine>, logger: FastifyBaseLogger) {
    this.loaded = Promise.resolve(source).then(
      (engine) => {
        this.engine = engine;
        logger.info({ entities: engine.snapshot.entityCount, listVersions: engine.snapshot.versions }, 'screening index loaded');
      },
      (error: unknown) => {
        this.failure = error;
        logger.error({ err: error }, 'the screening index could not be loaded');
      },
    );
  }

  get ready(): boolean {
    return this.engine !== undefined;
  }

  get snapshot(): IndexSnapshot | undefined {
    return this.engine?.snapshot;
  }

  get(): ScreeningEngine {
    if (this.engine !== undefined) return this.engine;
    const reason = this.failure !== undefined ? 'the screening index failed to load; see the server log' : 'the screening index is still loading';
    throw new VigilError('NOT_READY', reason);
  }
}
