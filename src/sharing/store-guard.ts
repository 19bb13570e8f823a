import { VigilError, isVigilError } from '../domain/index.js';

/** Database and driver errors become STORE_FAILED here; VigilErrors pass through. */
export async function guarded<T>(operation: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isVigilError(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new VigilError('STORE_FAILED', `${operation} failed: ${reason}`, { operation }, { cause: error });
  }
}
