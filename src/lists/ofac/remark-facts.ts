import type { BirthDate, EntityName, Gender, IdentityDocument } from '../../domain/index.js';

/** What the clauses of one Remarks value say, before it is merged into an entity. */
export interface RemarkFacts {
  birthDates: BirthDate[];
  birthPlaces: string[];
  nationalities: string[];
  citizenships: string[];
  gender?: Gender;
  documents: IdentityDocument[];
  /** Weak aliases and former names from quoted `a.k.a.` / `f.k.a.` / `n.k.a.` clauses. */
  names: EntityName[];
  /** Targets of `Linked To:` clauses, as written. */
  links: string[];
  properties: Record<string, string[]>;
  /** Clauses no rule understood, verbatim. */
  remarks: string[];
}

export function emptyFacts(): RemarkFacts {
  return {
    birthDates: [],
    birthPlaces: [],
    nationalities: [],
    citizenships: [],
    documents: [],
    names: [],
    links: [],
    properties: {},
    remarks: [],
  };
}

export function addProperty(properties: Record<string, string[]>, key: string, value: string): void {
  const values = properties[key];
  if (values === undefined) properties[key] = [value];
  else if (!values.includes(value)) values.push(value);
}
