import autocannon from 'autocannon';

/**
 * The load generator for `bench/http.ts`, run in its own process so it does not share an event
 * loop with the server it measures. Reads its job as JSON from standard input, prints the result
 * as JSON. Every request body gets a unique subject id in place of `__ID__` (the job's prefix and
 * a counter), and the ids of the subjects answered with 2xx are returned, so the caller can match
 * each answered request with its audit record.
 */
interface LoadJob {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** Request bodies used in turn (POST only). */
  bodies?: string[];
  /** Put before the counter in each subject id, so ids stay unique across runs. */
  idPrefix?: string;
  connections: number;
  durationSeconds: number;
  /** Requests a second across all connections (open loop); unset: as fast as answers come. */
  overallRate?: number;
}

let input = '';
for await (const chunk of process.stdin) input += (chunk as Buffer).toString();
const job = JSON.parse(input) as LoadJob;
const prefix = job.idPrefix ?? 'r';
let next = 0;
const answeredIds: string[] = [];
const ID = /^\{"id":"([^"]+)"/;
const cpuBefore = process.cpuUsage();
const result = await autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.durationSeconds,
  ...(job.overallRate !== undefined ? { overallRate: job.overallRate } : {}),
  method: job.method,
  headers: job.headers,
  requests:
    job.bodies !== undefined
      ? [
          {
            method: job.method,
            setupRequest: (request) => {
              const template = job.bodies?.[next % (job.bodies?.length ?? 1)] ?? '';
              const body = template.replace('__ID__', `${prefix}${next}`);
              next += 1;
              return { ...request, body };
            },
            onResponse: (status, body) => {
              const id = status >= 200 && status < 300 ? ID.exec(body)?.[1] : undefined;
              if (id !== undefined) answeredIds.push(id);
            },
          },
        ]
      : undefined,
});
process.stdout.write(
  `${JSON.stringify({
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    ok: result['2xx'],
    sent: next,
    answeredIds,
    // The load generator's own CPU while it ran: on a 2-core machine it competes with the server.
    cpuSeconds: (() => {
      const used = process.cpuUsage(cpuBefore);
      return (used.user + used.system) / 1e6;
    })(),
  })}\n`,
);
