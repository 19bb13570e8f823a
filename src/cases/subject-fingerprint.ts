import { canonicalJson, sha256Hex, toCountryCode, type Subject } from '../domain/index.js';
import { analyseName } from '../names/index.js';

/** The identifying data of a subject, normalised: what "the same person" means for redress. */
export interface SubjectIdentity {
  /** `analyseName(...).key` of every name, sorted, without repeats. */
  nameKeys: string[];
  birthDate?: string;
  /** ISO alpha-2 when it resolves, else the text folded to upper case. */
  nationality?: string;
  /** Document numbers, upper case, letters and digits only, sorted. */
  documents: string[];
}

function namesOf(subject: Subject): string[] {
  return typeof subject.name === 'string' ? [subject.name] : subject.name;
}

function nameKey(raw: string, subject: Subject): string {
  const form = analyseName(raw, { schema: subject.schema });
  // A name of particles or titles only has no key; its folded spelling still says who it is.
  return form.key !== '' ? form.key : form.latin;
}

export function documentKey(number: string): string {
  return number.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/**
 * Identities already worked out, by subject object: a screening's redress check and its case
 * both need the one of the same request body, and name analysis is the costly part. Each is
 * kept with the identifying fields it was made from and used only while they are unchanged,
 * so a subject changed after its first use is analysed afresh rather than taken for another.
 */
const identities = new WeakMap<Subject, { from: string; identity: SubjectIdentity }>();

function identifyingFields(subject: Subject): string {
  return JSON.stringify([subject.name, subject.schema, subject.birthDate, subject.nationality, subject.documents?.map((d) => d.number)]);
}

export function subjectIdentity(subject: Subject): SubjectIdentity {
  const from = identifyingFields(subject);
  const known = identities.get(subject);
  if (known !== undefined && known.from === from) return known.identity;
  const identity = identityOf(subject);
  identities.set(subject, { from, identity });
  return identity;
}

function identityOf(subject: Subject): SubjectIdentity {
  const nameKeys = [...new Set(namesOf(subject).map((n) => nameKey(n, subject)).filter((k) => k !== ''))].sort();
  const documents = [...new Set((subject.documents ?? []).map((d) => documentKey(d.number)).filter((d) => d !== ''))].sort();
  const nationality = subject.nationality === undefined ? undefined : (toCountryCode(subject.nationality) ?? subject.nationality.trim().toUpperCase());
  return {
    nameKeys,
    ...(subject.birthDate !== undefined ? { birthDate: subject.birthDate } : {}),
    ...(nationality !== undefined ? { nationality } : {}),
    documents,
  };
}

/**
 * sha256 of the subject's identifying data: name keys (so spelling, order and script variants
 * of one name agree), birth date, nationality and document numbers. Two screenings of the same
 * traveller with the same papers give the same fingerprint; a new passport gives another (the
 * redress number bridges that). The record id, gender and schema are not part of it.
 */
export function subjectFingerprint(subject: Subject): string {
  return fingerprintOf(subjectIdentity(subject));
}

export function fingerprintOf(identity: SubjectIdentity): string {
  return sha256Hex(canonicalJson({ v: 1, ...identity }));
}

/**
 * Whether someone presenting a redress number is plausibly the person it was issued to: the
 * same birth date (when either side has one, both must) and at least one name key in common.
 * Documents and nationality may have changed; a stolen number alone suppresses nothing.
 */
export function sameCoreIdentity(issued: { nameKeys: readonly string[]; birthDate?: string | undefined }, presented: SubjectIdentity): boolean {
  if ((issued.birthDate ?? '') !== (presented.birthDate ?? '')) return false;
  return issued.nameKeys.some((key) => presented.nameKeys.includes(key));
}
