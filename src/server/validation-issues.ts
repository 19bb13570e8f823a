/**
 * Turns zod issues (as fastify-type-provider-zod hands them over) into field paths and messages
 * a caller can act on. Unions are the hard part: zod reports every branch's failures, so the
 * branch whose shape fits the input best is followed, and only when none fits at all is the
 * union itself named ("expected string or array").
 */
export interface FieldIssue {
  /** Dotted path from the root of the checked part (`subjects.3.name`); empty for the root. */
  field: string;
  message: string;
}

interface RawIssue {
  code?: string;
  path?: PropertyKey[];
  message?: string;
  errors?: RawIssue[][];
  expected?: string;
  keys?: string[];
}

function isRawIssue(value: unknown): value is RawIssue {
  return value !== null && typeof value === 'object';
}

const SHAPE_MISMATCH = new Set(['invalid_type', 'unrecognized_keys']);

/** Failures at the union's own level mean the branch is the wrong shape altogether. */
function shapeMismatches(branch: RawIssue[]): number {
  return branch.filter((issue) => (issue.path ?? []).length === 0 && SHAPE_MISMATCH.has(issue.code ?? '')).length;
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.map((part) => String(part)).join('.');
}

function flatten(issue: RawIssue, prefix: readonly PropertyKey[], out: FieldIssue[]): void {
  const path = [...prefix, ...(issue.path ?? [])];
  const branches = issue.code === 'invalid_union' ? (issue.errors ?? []) : [];
  if (branches.length > 0) {
    const everyBranchWrongType = branches.every((branch) => branch.some((b) => (b.path ?? []).length === 0 && b.code === 'invalid_type'));
    if (everyBranchWrongType) {
      const expected = [...new Set(branches.flatMap((branch) => branch.filter((b) => (b.path ?? []).length === 0 && b.expected !== undefined).map((b) => b.expected)))];
      const received = /received (\w+)/.exec(branches[0]?.[0]?.message ?? '')?.[1];
      out.push({ field: joinPath(path), message: `Invalid input: expected ${expected.join(' or ')}${received !== undefined ? `, received ${received}` : ''}` });
      return;
    }
    const best = [...branches].sort((a, b) => shapeMismatches(a) - shapeMismatches(b) || a.length - b.length)[0] ?? [];
    for (const inner of best) flatten(inner, path, out);
    return;
  }
  if (issue.code === 'unrecognized_keys' && issue.keys !== undefined && issue.keys.length > 0) {
    for (const key of issue.keys) out.push({ field: joinPath([...path, key]), message: 'unknown field: it is not part of this request' });
    return;
  }
  out.push({ field: joinPath(path), message: issue.message ?? 'invalid value' });
}

/**
 * Reads the `validation` array of a Fastify validation error made by the zod validator
 * compiler: each entry carries `instancePath` and the zod issue's other fields in `params`.
 */
export function fieldIssues(validation: readonly unknown[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const entry of validation) {
    if (!isRawIssue(entry)) continue;
    const record = entry as { instancePath?: string; keyword?: string; message?: string; params?: Record<string, unknown> };
    const path = (record.instancePath ?? '/').split('/').filter((part) => part !== '');
    const params = record.params ?? {};
    const errors = Array.isArray(params['errors']) ? (params['errors'] as RawIssue[][]) : undefined;
    flatten(
      {
        code: record.keyword ?? '',
        path,
        message: record.message ?? 'invalid value',
        ...(errors !== undefined ? { errors } : {}),
        ...(typeof params['expected'] === 'string' ? { expected: params['expected'] } : {}),
        ...(Array.isArray(params['keys']) ? { keys: (params['keys'] as unknown[]).map(String) } : {}),
      },
      [],
      out,
    );
  }
  return out;
}
