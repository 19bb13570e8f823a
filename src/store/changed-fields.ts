import type { Entity } from '../domain/index.js';
import { canonicalJson } from '../domain/index.js';

/** The top-level Entity fields whose values differ, in field-name order. */
export function changedFields(before: Entity, after: Entity): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => canonicalJson(a[key]) !== canonicalJson(b[key])).sort();
}
