import { parentPort } from 'node:worker_threads';
import type { KeyRequest, KeyResponse } from './key-worker.js';
import { subjectKeys } from './subject-keys.js';

parentPort?.on('message', (request: KeyRequest) => {
  let response: KeyResponse;
  try {
    response = { id: request.id, keys: request.subjects.map(subjectKeys) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
