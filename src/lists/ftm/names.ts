import type { EntityName, NameKind, NamePart, NamePartRole } from '../../domain/index.js';
import { detectScript, isNonLatin } from './script.js';
import { nonEmpty } from './values.js';

/** FtM name-part properties in the order a full name is usually read. */
const PART_PROPERTIES: ReadonlyArray<readonly [string, NamePartRole]> = [
  ['firstName', 'given'],
  ['secondName', 'middle'],
  ['middleName', 'middle'],
  ['fatherName', 'patronymic'],
  ['motherName', 'matronymic'],
  ['lastName', 'family'],
  ['nameSuffix', 'suffix'],
];

export const NAME_PROPERTIES: readonly string[] = [
  'name',
  'alias',
  'weakAlias',
  'previousName',
  ...PART_PROPERTIES.map(([property]) => property),
];

export interface BuiltNames {
  names: EntityName[];
  /** Part values no name could take (they do not all occur in any name of their script). */
  unplacedParts: Record<string, string[]>;
}

function named(full: string, kind: NameKind, script: string | undefined): EntityName {
  return script === undefined ? { full, kind } : { full, kind, script };
}

function containsAll(full: string, parts: readonly NamePart[]): boolean {
  const haystack = full.toLocaleLowerCase();
  return parts.every((part) => haystack.includes(part.value.toLocaleLowerCase()));
}

/**
 * Attaches name parts to the first name of their script that contains them all, primary first:
 * FtM does not say which name the parts belong to, and a merged entity often has parts in two
 * scripts (Latin and Cyrillic first names).
 */
function placeParts(names: EntityName[], properties: Record<string, string[]>): Record<string, string[]> {
  const byScript = new Map<string, Array<{ property: string; part: NamePart }>>();
  for (const [property, role] of PART_PROPERTIES) {
    for (const value of nonEmpty(properties[property])) {
      const script = detectScript(value) ?? 'Zyyy';
      const list = byScript.get(script) ?? [];
      list.push({ property, part: { role, value } });
      byScript.set(script, list);
    }
  }
  const unplaced: Record<string, string[]> = {};
  for (const [script, entries] of byScript) {
    const parts = entries.map((entry) => entry.part);
    const home = names.find(
      (name) => name.kind !== 'weak_alias' && name.parts === undefined && name.script === script && containsAll(name.full, parts),
    );
    if (home !== undefined) {
      home.parts = parts;
      continue;
    }
    for (const { property, part } of entries) (unplaced[property] ??= []).push(part.value);
  }
  return unplaced;
}

function composedName(properties: Record<string, string[]>): string | undefined {
  const pieces = PART_PROPERTIES.filter(([, role]) => role !== 'suffix')
    .map(([property]) => nonEmpty(properties[property])[0])
    .filter((value): value is string => value !== undefined);
  return pieces.length > 0 ? pieces.join(' ') : undefined;
}

/**
 * The names of an FtM entity. The primary name is the `name` value OpenSanctions chose as the
 * caption, or the first `name`; other `name` and `alias` values are aliases, written as
 * `original_script` when not in Latin script. A non-Latin primary is also given as
 * `original_script`, so the original-script form of every entity can be found one way.
 */
export function buildNames(properties: Record<string, string[]>, caption: string | undefined): BuiltNames {
  const names: EntityName[] = [];
  const seen = new Set<string>();
  const add = (full: string, kind: NameKind): void => {
    if (seen.has(full)) return;
    seen.add(full);
    const script = detectScript(full);
    if (kind === 'alias' && isNonLatin(script)) kind = 'original_script';
    names.push(named(full, kind, script));
    if (kind === 'primary' && isNonLatin(script)) names.push(named(full, 'original_script', script));
  };

  const nameValues = nonEmpty(properties.name);
  const primary =
    (caption !== undefined && nameValues.includes(caption) ? caption : nameValues[0]) ??
    composedName(properties) ??
    caption;
  if (primary !== undefined) add(primary, 'primary');
  for (const value of nameValues) add(value, 'alias');
  for (const value of nonEmpty(properties.alias)) add(value, 'alias');
  for (const value of nonEmpty(properties.previousName)) add(value, 'former');
  for (const value of nonEmpty(properties.weakAlias)) add(value, 'weak_alias');

  const unplacedParts = placeParts(names, properties);
  return { names, unplacedParts };
}
