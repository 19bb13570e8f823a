/**
 * The write thread's own code (see write-thread.ts): a store connection of its own, the audit
 * log, the screenings' shared transactions and the journal's indexer over it, answering the
 * serving thread's requests. Replies that
 * are ready in one turn of this thread's event loop go back in one message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createAuditLog } from '../audit/index.js';
import { openStore } from '../store/index.js';
import { JournalIndexer } from '../vetting/index.js';
import { ScreeningCommits } from './screening-writes.js';
import { toWire, type ThreadNotice, type WriteReply, type WriteRequest } from './write-thread-protocol.js';

interface ThreadData {
  db: string;
}

async function main(): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('write-thread-entry runs as a worker thread');
  const { db } = workerData as ThreadData;
  // Waits for the serving thread's lock (a case opening) from its event loop too: SQLite's
  // busy handler sleeps a millisecond at least, and this thread writes every few.
  const store = await openStore(db, { lockWaits: 'event-loop', checkpoints: 'background' });
  const audit = createAuditLog(store);
  const indexer = new JournalIndexer(store, { onError: (error) => port.postMessage({ notice: 'warning', error: toWire(error) } satisfies ThreadNotice) });
  const screenings = new ScreeningCommits(store, { indexer });

  let replies: WriteReply[] = [];
  let scheduled = false;
  const sendReplies = (): void => {
    scheduled = false;
    if (replies.length === 0) return;
    const sending = replies;
    replies = [];
    port.postMessage(sending);
  };
  const reply = (message: WriteReply): void => {
    replies.push(message);
    if (scheduled) return;
    scheduled = true;
    setImmediate(sendReplies);
  };
  const settle = (id: number, work: Promise<unknown>): void => {
    work.then(
      (value) => reply({ id, value }),
      (error: unknown) => reply({ id, error: toWire(error) }),
    );
  };

  port.on('message', (message: WriteRequest[] | 'close') => {
    if (message === 'close') {
      void (async () => {
        await indexer.stop();
        await screenings.flush();
        await audit.close();
        // The last requests' replies settle in this turn: they go before the notice.
        await new Promise((resolve) => setImmediate(resolve));
        sendReplies();
        await store.close();
        port.postMessage({ notice: 'closed' } satisfies ThreadNotice);
        port.close();
      })();
      return;
    }
    for (const request of message) {
      if (request.kind === 'audit') settle(request.id, audit.append(request.input));
      else if (request.kind === 'screened') settle(request.id, screenings.commit(request.job));
      else settle(request.id, Promise.all([screenings.flush(), audit.flush()]));
    }
  });
  port.postMessage({ notice: 'ready' } satisfies ThreadNotice);
}

main().catch((error: unknown) => {
  parentPort?.postMessage({ notice: 'failed', error: toWire(error) } satisfies ThreadNotice);
});
