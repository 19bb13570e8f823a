import type { z } from 'zod';
import { VigilError } from '../domain/index.js';
import { AdvisoryPatch, NewAdvisory, type AdvisoryContent } from './advisory.js';
import type { AdvisoryScheme } from './schemes.js';

/** The CAP `restriction` a restricted advisory carries when its author wrote none. */
export const DEFAULT_RESTRICTION = 'Law enforcement and partner agencies only; not for public release.';

function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new VigilError('INVALID_INPUT', `${what}: ${field !== '' ? `${field}: ` : ''}${issue?.message ?? 'invalid'}`, { field });
  }
  return result.data;
}

export function findScheme(schemes: readonly AdvisoryScheme[], id: string): AdvisoryScheme {
  const scheme = schemes.find((s) => s.id === id);
  if (scheme === undefined) {
    throw new VigilError('INVALID_INPUT', `no advisory scheme "${id}"; there are ${schemes.map((s) => s.id).join(', ')}`, { field: 'scheme' });
  }
  return scheme;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Checks content against the rules of its scheme; `now` is when it would be published. */
export function checkContent(content: AdvisoryContent, scheme: AdvisoryScheme, now: Date): AdvisoryContent {
  if (!scheme.levels.some((l) => l.id === content.level)) {
    throw new VigilError('INVALID_INPUT', `${scheme.name} has no level "${content.level}"; there are ${scheme.levels.map((l) => l.id).join(', ')}`, { field: 'level' });
  }
  if (scheme.sunset === 'required' && content.expiresAt === undefined) {
    throw new VigilError('INVALID_INPUT', `every ${scheme.name} advisory needs a sunset (expiresAt)`, { field: 'expiresAt' });
  }
  if (scheme.sunset === 'none' && content.expiresAt !== undefined) {
    throw new VigilError('INVALID_INPUT', `${scheme.name} levels have no sunset; leave expiresAt out`, { field: 'expiresAt' });
  }
  if (content.expiresAt !== undefined && Date.parse(content.expiresAt) <= now.getTime()) {
    throw new VigilError('INVALID_INPUT', `the sunset ${content.expiresAt} has already passed`, { field: 'expiresAt' });
  }
  const allowed = scheme.regions;
  const unknown = allowed === undefined ? [] : content.regions.filter((r) => !allowed.includes(r));
  if (unknown.length > 0) {
    throw new VigilError('INVALID_INPUT', `${scheme.name} has no region "${unknown[0] ?? ''}"; there are ${(allowed ?? []).join(', ')}`, { field: 'regions' });
  }
  if (content.scope === 'private' && content.addresses.length === 0) {
    throw new VigilError('INVALID_INPUT', 'a private advisory names the organisations it is for (addresses)', { field: 'addresses' });
  }
  if (content.scope !== 'private' && content.addresses.length > 0) {
    throw new VigilError('INVALID_INPUT', `addresses are for private advisories; this one is ${content.scope}`, { field: 'addresses' });
  }
  const restriction = content.scope === 'restricted' ? (content.restriction ?? DEFAULT_RESTRICTION) : undefined;
  const { restriction: _dropped, ...rest } = content;
  return {
    ...rest,
    regions: unique(content.regions),
    sectors: unique(content.sectors),
    ports: unique(content.ports),
    routes: unique(content.routes),
    channels: unique(content.channels),
    addresses: unique(content.addresses),
    ...(restriction !== undefined ? { restriction } : {}),
  };
}

/** A new advisory's scheme and first content, checked. */
export function contentOfNew(input: unknown, schemes: readonly AdvisoryScheme[], now: Date): { scheme: AdvisoryScheme; content: AdvisoryContent } {
  const parsed = parseOrThrow(NewAdvisory, input, 'invalid advisory');
  const scheme = findScheme(schemes, parsed.scheme);
  const content: AdvisoryContent = {
    level: parsed.level,
    title: parsed.title,
    summary: parsed.summary,
    details: parsed.details ?? '',
    ...(parsed.expiresAt !== undefined ? { expiresAt: parsed.expiresAt } : {}),
    regions: parsed.regions,
    sectors: parsed.sectors ?? [],
    ports: parsed.ports ?? [],
    routes: parsed.routes ?? [],
    channels: parsed.channels ?? [],
    governmentActions: parsed.governmentActions ?? '',
    publicActions: parsed.publicActions ?? '',
    stayInformed: parsed.stayInformed ?? '',
    justification: parsed.justification ?? '',
    scope: parsed.scope ?? 'public',
    ...(parsed.restriction !== undefined ? { restriction: parsed.restriction } : {}),
    addresses: parsed.addresses ?? [],
    ...(parsed.web !== undefined ? { web: parsed.web } : {}),
  };
  return { scheme, content: checkContent(content, scheme, now) };
}

/** The content of an update: the patch over the base version's content, checked. */
export function contentOfPatch(base: AdvisoryContent, input: unknown, scheme: AdvisoryScheme, now: Date): AdvisoryContent {
  const patch = parseOrThrow(AdvisoryPatch, input, 'invalid update');
  if (Object.keys(patch).length === 0) throw new VigilError('INVALID_INPUT', 'an update changes at least one field');
  const merged: AdvisoryContent = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  // A restriction written for restricted scope means nothing once the scope changes.
  if (patch.scope !== undefined && patch.scope !== 'restricted' && patch.restriction === undefined) delete merged.restriction;
  // Likewise the organisations a private advisory was for, once it is no longer private.
  if (patch.scope !== undefined && patch.scope !== 'private' && patch.addresses === undefined) merged.addresses = [];
  return checkContent(merged, scheme, now);
}

/** Parses an instant given on the command line or in a request. */
export function parseInstant(value: unknown, field: string): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value)) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    throw new VigilError('INVALID_INPUT', `${field} must be an ISO-8601 date and time, not "${String(value)}"`, { field });
  }
  return new Date(value).toISOString();
}
