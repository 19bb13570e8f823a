import type { Listing } from '../../domain/index.js';

/**
 * Reads the Program column: one program (`SDGT`) or several written `SDGT] [IRGC` (the CSV
 * keeps the inner brackets of `[SDGT] [IRGC]`).
 */
export function parsePrograms(field: string): Listing[] {
  const programs = field
    .split(/\]\s*\[/)
    .map((program) => program.replace(/[[\]]/g, '').trim())
    .filter((program) => program !== '');
  return [...new Set(programs)].map((program) => ({ authority: 'OFAC', program }));
}
