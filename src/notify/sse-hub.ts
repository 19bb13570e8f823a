/** One event as a server-sent-events stream carries it. */
export interface SseEvent {
  /** The `event:` field; browsers dispatch on it. */
  type: string;
  /** The `id:` field; a reconnecting client sends the last one it saw as `Last-Event-ID`. */
  id?: string;
  /** Sent as one line of JSON. */
  data: unknown;
}

/** A connected client: where its stream goes, and who it is for audience decisions. */
export interface SseClient<P> {
  principal: P | undefined;
  /** Writes one chunk to the client's stream; throwing means the client is gone. */
  write(chunk: string): void;
}

/** Decides whether a client may receive an event; every client receives it when omitted. */
export type SseAudience<P> = (principal: P | undefined) => boolean;

interface Kept<P> {
  event: SseEvent;
  audience: SseAudience<P> | undefined;
}

/** Field values cannot hold line breaks: one would end the field and start another. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

/** The wire form of one event, ending with the blank line that dispatches it. */
export function formatSseEvent(event: SseEvent): string {
  const lines = [`event: ${oneLine(event.type)}`];
  if (event.id !== undefined) lines.push(`id: ${oneLine(event.id)}`);
  lines.push(`data: ${JSON.stringify(event.data)}`);
  return `${lines.join('\n')}\n\n`;
}

/**
 * Fans events out to connected server-sent-events clients, each event only to the clients its
 * audience admits. Keeps the last `replay` events so a client reconnecting with Last-Event-ID
 * misses nothing it may see. In-process: each server replica has its own hub.
 *
 * @example
 * const hub = new SseHub<Principal>();
 * const unsubscribe = hub.subscribe({ principal, write: (chunk) => reply.raw.write(chunk) });
 * hub.publish({ type: 'advisory.published', id: 'adv-1:v1', data: view }, (p) => canSee(p, advisory));
 */
export class SseHub<P> {
  private readonly clients = new Set<SseClient<P>>();
  private readonly kept: Kept<P>[] = [];

  constructor(private readonly replay = 100) {}

  get size(): number {
    return this.clients.size;
  }

  /** Adds a client, first sending it what it missed after `lastEventId`; returns its unsubscribe. */
  subscribe(client: SseClient<P>, lastEventId?: string): () => void {
    this.clients.add(client);
    if (lastEventId !== undefined) {
      const from = this.kept.findIndex((k) => k.event.id === lastEventId);
      if (from >= 0) for (const kept of this.kept.slice(from + 1)) this.send(client, kept);
    }
    return () => this.unsubscribe(client);
  }

  unsubscribe(client: SseClient<P>): void {
    this.clients.delete(client);
  }

  /** Sends the event to every admitted client; returns how many received it. */
  publish(event: SseEvent, audience?: SseAudience<P>): number {
    const kept = { event, audience };
    this.kept.push(kept);
    if (this.kept.length > this.replay) this.kept.shift();
    let sent = 0;
    for (const client of [...this.clients]) if (this.send(client, kept)) sent += 1;
    return sent;
  }

  /** A comment line keeps proxies from closing an idle stream. */
  heartbeat(): void {
    for (const client of [...this.clients]) this.write(client, ': keep-alive\n\n');
  }

  private send(client: SseClient<P>, kept: Kept<P>): boolean {
    if (kept.audience !== undefined && !kept.audience(client.principal)) return false;
    return this.write(client, formatSseEvent(kept.event));
  }

  private write(client: SseClient<P>, chunk: string): boolean {
    try {
      client.write(chunk);
      return true;
    } catch {
      // A client whose stream throws has disconnected; dropping it is the whole remedy.
      this.clients.delete(client);
      return false;
    }
  }
}
