import { describe, expect, it } from 'vitest';
import { formatSseEvent, SseHub } from './sse-hub.js';

function client(principal: string | undefined): { principal: string | undefined; chunks: string[]; write(chunk: string): void } {
  const chunks: string[] = [];
  return { principal, chunks, write: (chunk) => void chunks.push(chunk) };
}

describe('SseHub', () => {
  it('formats events as the EventSource protocol reads them', () => {
    expect(formatSseEvent({ type: 'advisory.published', id: 'a:1', data: { x: 'line\nbreak' } })).toBe(
      'event: advisory.published\nid: a:1\ndata: {"x":"line\\nbreak"}\n\n',
    );
  });

  it('sends each event only to the clients its audience admits', () => {
    const hub = new SseHub<string>();
    const anonymous = client(undefined);
    const officer = client('officer');
    hub.subscribe(anonymous);
    hub.subscribe(officer);
    expect(hub.publish({ type: 'public', data: 1 })).toBe(2);
    expect(hub.publish({ type: 'restricted', data: 2 }, (p) => p === 'officer')).toBe(1);
    expect(anonymous.chunks.join('')).not.toContain('restricted');
    expect(officer.chunks.join('')).toContain('event: restricted');
  });

  it('stops sending after unsubscribe and drops clients whose stream fails', () => {
    const hub = new SseHub<string>();
    const gone = client('a');
    const unsubscribe = hub.subscribe(gone);
    hub.subscribe({ principal: 'b', write: () => { throw new Error('socket closed'); } });
    unsubscribe();
    expect(hub.publish({ type: 'x', data: 1 })).toBe(0);
    expect(hub.size).toBe(0);
    expect(gone.chunks).toEqual([]);
  });

  it('replays what a reconnecting client missed, within its audience', () => {
    const hub = new SseHub<string>();
    hub.publish({ type: 'one', id: '1', data: 1 });
    hub.publish({ type: 'two', id: '2', data: 2 });
    hub.publish({ type: 'secret', id: '3', data: 3 }, (p) => p === 'officer');
    const back = client(undefined);
    hub.subscribe(back, '1');
    expect(back.chunks.map((c) => c.split('\n')[0])).toEqual(['event: two']);
  });
});
