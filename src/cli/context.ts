import { loadConfig, type VigilConfig } from '../config/index.js';
import { openStore, type Store } from '../store/index.js';

export interface GlobalOptions {
  db?: string;
  config?: string;
  json?: boolean;
}

export function configFrom(options: GlobalOptions): VigilConfig {
  return loadConfig({ flags: { db: options.db }, ...(options.config !== undefined ? { file: options.config } : {}) });
}

/** Opens the store for one command and always closes it. */
export async function withStore<T>(options: GlobalOptions, work: (store: Store, config: VigilConfig) => Promise<T>): Promise<T> {
  const config = configFrom(options);
  const store = await openStore(config.db);
  try {
    return await work(store, config);
  } finally {
    await store.close();
  }
}
