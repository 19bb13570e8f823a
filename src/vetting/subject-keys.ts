import type { Subject } from '../domain/index.js';
import { analyseSubjectName, type NameForm } from '../names/index.js';
import { joinable, MIN_DOCUMENT_LENGTH, normaliseDocumentNumber } from './tolerance.js';

/**
 * One name part (or alternative spelling) as the screener sees it on the subject side: its
 * folded text, skeleton, variant classes and whether it was romanised from a script without
 * short vowels, exactly as `analyseName` gives them. The same text written in two scripts may
 * differ in the rest, so a term is the whole tuple.
 */
export interface Term {
  readonly text: string;
  readonly skeleton: string;
  readonly variantIds: readonly number[];
  readonly abjad: boolean;
}

/** A part of one subject name: its term and the prior weight of its role. */
export interface NamePart {
  readonly term: Term;
  readonly roleWeight: number;
}

/** Another spelling of parts `start..end` of a name ("al baghdadi" -> "albaghdadi"). */
export interface NameAlternative {
  readonly term: Term;
  readonly start: number;
  readonly end: number;
}

/** One reading of one subject name, as a score bound reads it. */
export interface SubjectName {
  readonly parts: NamePart[];
  readonly alternatives: NameAlternative[];
}

/** What one enrolled subject is found and bounded by. */
export interface SubjectKeys {
  /** Each name's readings (a name that may be a company's is read both ways). */
  readonly names: SubjectName[];
  /** Distinct terms of every reading: parts and alternatives. */
  readonly terms: Term[];
  /** Adjacent parts the screener also compares joined ("al baghdadi" -> "albaghdadi"). */
  readonly joins: Array<readonly [Term, Term]>;
  /** Normalised document numbers long enough to match. */
  readonly documents: string[];
}

/** The stable identity of a term in the vocabulary. */
export function termSignature(term: Term): string {
  return `${term.text}\t${term.skeleton}\t${term.variantIds.join(',')}\t${term.abjad ? 1 : 0}`;
}

export function subjectNames(subject: Subject): string[] {
  return typeof subject.name === 'string' ? [subject.name] : subject.name;
}

/** A subject name as the screener reads it: as analysed, and as a company's when it may be one. */
function readings(raw: string, subject: Subject): NameForm[] {
  const form = analyseSubjectName(raw, subject.schema);
  if (subject.schema !== undefined || !form.organizationReading) return [form];
  return [form, analyseSubjectName(raw, 'Organization')];
}

/**
 * The vetting keys of a subject, from the same analysis the screener runs on a query (the
 * subject's schema as the only hint), so that a key can never disagree with a screening.
 */
export function subjectKeys(subject: Subject): SubjectKeys {
  const terms = new Map<string, Term>();
  const joins = new Map<string, readonly [Term, Term]>();
  const names: SubjectName[] = [];
  const intern = (fresh: Term): Term => {
    const signature = termSignature(fresh);
    const term = terms.get(signature) ?? fresh;
    terms.set(signature, term);
    return term;
  };
  for (const raw of subjectNames(subject)) {
    for (const form of readings(raw, subject)) {
      const parts: NamePart[] = [];
      let previous: Term | undefined;
      for (const token of form.tokens) {
        const term = intern({ text: token.text, skeleton: token.skeleton, variantIds: token.variantIds, abjad: token.script === 'Arab' || token.script === 'Hebr' });
        parts.push({ term, roleWeight: token.weight });
        if (previous !== undefined && joinable(previous.text, term.text)) joins.set(`${termSignature(previous)}\n${termSignature(term)}`, [previous, term]);
        previous = term;
      }
      // Two short neighbours joined ("Tea Bassi" -> "teabassi") are left out by the screener
      // itself; the alignment compares them through its joined edges (see `joins`).
      const alternatives: NameAlternative[] = form.alternatives.filter((alt) => alt.reason !== 'adjacent').map((alt) => {
        let abjad = false;
        for (let k = alt.start; k <= alt.end; k++) if (parts[k]?.term.abjad === true) abjad = true;
        return { term: intern({ text: alt.text, skeleton: alt.skeleton, variantIds: alt.variantIds, abjad }), start: alt.start, end: alt.end };
      });
      names.push({ parts, alternatives });
    }
  }
  const documents = new Set<string>();
  for (const document of subject.documents ?? []) {
    const number = normaliseDocumentNumber(document.number);
    if (number.length >= MIN_DOCUMENT_LENGTH) documents.add(number);
  }
  return { names, terms: [...terms.values()], joins: [...joins.values()], documents: [...documents] };
}

/** A stored part: a term with its role weight, or an alternative with the parts it spans. */
export interface StoredPart {
  termId: number;
  roleWeight: number;
}

export interface StoredAlternative {
  termId: number;
  start: number;
  end: number;
}

export interface StoredName {
  parts: StoredPart[];
  alternatives: StoredAlternative[];
}

/**
 * `name_keys` as stored: readings separated by `|`, items by spaces; a part is
 * `termId:roleWeight`, an alternative `termId@start-end`. Parsed for every candidate of a run,
 * so it stays a plain string.
 */
export function encodeNameKeys(names: readonly SubjectName[], termId: (term: Term) => number): string {
  return names
    .map((name) => [...name.parts.map((p) => `${termId(p.term)}:${p.roleWeight}`), ...name.alternatives.map((a) => `${termId(a.term)}@${a.start}-${a.end}`)].join(' '))
    .join('|');
}

export function decodeNameKeys(text: string): StoredName[] {
  if (text === '') return [];
  return text.split('|').map((reading) => {
    const name: StoredName = { parts: [], alternatives: [] };
    if (reading === '') return name;
    for (const item of reading.split(' ')) {
      const at = item.indexOf('@');
      if (at < 0) {
        const colon = item.indexOf(':');
        name.parts.push({ termId: Number(item.slice(0, colon)), roleWeight: Number(item.slice(colon + 1)) });
      } else {
        const dash = item.indexOf('-', at);
        name.alternatives.push({ termId: Number(item.slice(0, at)), start: Number(item.slice(at + 1, dash)), end: Number(item.slice(dash + 1)) });
      }
    }
    return name;
  });
}
