import type { EntityName, NameKind, NamePart } from '../../domain/index.js';
import { detectScript } from './detect-script.js';
import { splitUnAlias } from './split-un-alias.js';
import { UnFieldError } from './un-field-error.js';
import { childText, childrenNamed, joinPresent, type UnNode } from './un-node.js';

const NAME_FIELDS = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'] as const;

export interface UnNames {
  names: EntityName[];
  /** Alias notes, dates and places of birth, kept for people to read. */
  remarks: string[];
}

/**
 * Primary name from FIRST_NAME..FOURTH_NAME (positional parts: the UN does not say which is the
 * family name), NAME_ORIGINAL_SCRIPT, then every INDIVIDUAL_ALIAS / ENTITY_ALIAS.
 */
export function mapUnNames(record: UnNode, person: boolean): UnNames {
  const parts: NamePart[] = [];
  for (const field of NAME_FIELDS) {
    const value = childText(record, field);
    if (value !== undefined) parts.push({ role: 'part', value });
  }
  if (parts.length === 0) throw new UnFieldError('FIRST_NAME', 'the record has no name');
  const full = parts.map((part) => part.value).join(' ');
  const names: EntityName[] = [withScript({ full, kind: 'primary', ...(person ? { parts } : {}) })];
  const seen = new Set([`primary:${full}`]);
  const add = (name: EntityName): void => {
    const key = `${name.kind}:${name.full}`;
    // An alias that repeats the primary name adds nothing to match on.
    if (seen.has(key) || (name.kind !== 'original_script' && name.full === full)) return;
    seen.add(key);
    names.push(withScript(name));
  };

  const original = childText(record, 'NAME_ORIGINAL_SCRIPT');
  if (original !== undefined) add({ full: original, kind: 'original_script' });

  const remarks: string[] = [];
  for (const alias of [...childrenNamed(record, 'INDIVIDUAL_ALIAS'), ...childrenNamed(record, 'ENTITY_ALIAS')]) {
    const value = childText(alias, 'ALIAS_NAME');
    if (value === undefined) continue;
    const kind = aliasKind(childText(alias, 'QUALITY'));
    for (const name of splitUnAlias(value)) add({ full: name, kind });
    const remark = aliasRemark(alias, value);
    if (remark !== undefined) remarks.push(remark);
  }
  return { names, remarks };
}

/** Good, a.k.a. and a blank quality are strong aliases; Low is weak; f.k.a. is a former name. */
export function aliasKind(quality: string | undefined): NameKind {
  const folded = (quality ?? '').toLowerCase().replace(/[\s.]/g, '');
  if (folded === 'low') return 'weak_alias';
  if (folded === 'fka') return 'former';
  return 'alias';
}

function aliasRemark(alias: UnNode, name: string): string | undefined {
  const dateOfBirth = childText(alias, 'DATE_OF_BIRTH');
  const place = joinPresent([childText(alias, 'CITY_OF_BIRTH'), childText(alias, 'COUNTRY_OF_BIRTH')]);
  const details = joinPresent(
    [
      dateOfBirth === undefined ? undefined : `date of birth ${dateOfBirth}`,
      place === '' ? undefined : `place of birth ${place}`,
      childText(alias, 'NOTE'),
    ],
    '; ',
  );
  return details === '' ? undefined : `Alias "${name}": ${details}`;
}

function withScript(name: EntityName): EntityName {
  const script = detectScript(name.full);
  return script === undefined ? name : { ...name, script };
}
