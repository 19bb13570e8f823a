import { VigilError, isVigilError } from '../domain/index.js';

/** Database and driver errors become STORE_FAILED at the store's edge; VigilErrors pass through. */
export function toStoreError(operation: string, error: unknown): VigilError {
  if (isVigilError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new VigilError('STORE_FAILED', `${operation} failed: ${reason}`, { operation }, { cause: error });
}

export async function guarded<T>(operation: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStoreError(operation, error);
  }
}
