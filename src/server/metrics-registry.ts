import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Store } from '../store/index.js';
import type { EngineHolder } from './engine-holder.js';

/** The service's Prometheus metrics, one registry per app so tests can build many apps. */
export interface ServerMetrics {
  readonly registry: Registry;
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly duration: Histogram<'method' | 'route'>;
  readonly aborted: Counter<'method' | 'route'>;
  readonly screenings: Counter<'decision'>;
}

export function createMetrics(store: Store, engine: EngineHolder): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'vigil_' });
  const requests = new Counter({
    name: 'vigil_http_requests_total',
    help: 'HTTP requests answered, by route template and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'vigil_http_request_duration_seconds',
    help: 'Time from receiving a request to sending its reply, by route template.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const aborted = new Counter({
    name: 'vigil_http_requests_aborted_total',
    help: 'Requests whose client went away before the reply was sent, by route template.',
    labelNames: ['method', 'route'] as const,
    registers: [registry],
  });
  const screenings = new Counter({
    name: 'vigil_screenings_total',
    help: 'Subjects screened, by decision.',
    labelNames: ['decision'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'vigil_index_entities',
    help: 'Entities in the screening index in use (0 while it loads).',
    registers: [registry],
    collect() {
      this.set(engine.snapshot?.entityCount ?? 0);
    },
  });
  new Gauge({
    name: 'vigil_index_list_version',
    help: 'The list version the screening index was built from, by source.',
    labelNames: ['source'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [source, version] of Object.entries(engine.snapshot?.versions ?? {})) this.set({ source }, version);
    },
  });
  new Gauge({
    name: 'vigil_list_age_seconds',
    help: 'Seconds since the current version of each list was imported.',
    labelNames: ['source'] as const,
    registers: [registry],
    async collect() {
      const now = Date.now();
      this.reset();
      for (const source of await store.listSources()) {
        this.set({ source: source.source }, Math.max(0, (now - Date.parse(source.current.importedAt)) / 1000));
      }
    },
  });
  new Gauge({
    name: 'vigil_list_version',
    help: 'The current (stored) version of each list; above vigil_index_list_version while a refresh is pending.',
    labelNames: ['source'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const source of await store.listSources()) this.set({ source: source.source }, source.currentVersion);
    },
  });
  return { registry, requests, duration, aborted, screenings };
}
