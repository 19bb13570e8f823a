import { VigilError } from '../domain/index.js';

/** What an officer concludes about one hit. */
export const OUTCOMES = ['true_match', 'false_positive', 'inconclusive'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface ReasonCode {
  code: string;
  /** The outcomes this reason can support. */
  outcomes: readonly Outcome[];
  description: string;
  /** The free-text note is required with this reason (it says nothing on its own). */
  noteRequired?: true;
}

/**
 * The documented reason codes (README.md here lists them too). Codes are stable: they are
 * stored with every decision and counted in reports, so retire a code rather than rename it.
 */
export const REASON_CODES: readonly ReasonCode[] = [
  { code: 'different_dob', outcomes: ['false_positive'], description: 'The traveller’s date of birth differs from every date the list gives.' },
  { code: 'different_nationality', outcomes: ['false_positive'], description: 'The traveller’s nationality differs from every nationality and citizenship the list gives.' },
  { code: 'different_gender', outcomes: ['false_positive'], description: 'The traveller’s gender differs from the listed person’s.' },
  { code: 'different_person_documents', outcomes: ['false_positive'], description: 'Identity documents show a different person (numbers, issue history, photograph).' },
  { code: 'different_person_biometrics', outcomes: ['false_positive'], description: 'Photograph or fingerprints compared and do not match the listed person.' },
  { code: 'name_only_common', outcomes: ['false_positive'], description: 'Only a common name agrees; every other identifying detail differs or is absent from the list.' },
  { code: 'different_entity_type', outcomes: ['false_positive'], description: 'The hit is an organisation, vessel or aircraft and the subject is a person (or the other way round).' },
  { code: 'listed_person_deceased_or_detained', outcomes: ['false_positive'], description: 'The listed person is known to be deceased or in custody.' },
  { code: 'confirmed_identity_document', outcomes: ['true_match'], description: 'An identity document presented matches one the list gives.' },
  { code: 'confirmed_biometrics', outcomes: ['true_match'], description: 'Photograph or fingerprints match the listed person.' },
  { code: 'confirmed_name_and_dob', outcomes: ['true_match'], description: 'Full name, date of birth and place or nationality all agree with the listing.' },
  { code: 'confirmed_by_interview', outcomes: ['true_match'], description: 'Secondary inspection established the identity.' },
  { code: 'confirmed_by_partner', outcomes: ['true_match'], description: 'The nominating agency or a partner confirmed the identity.' },
  { code: 'insufficient_subject_data', outcomes: ['inconclusive'], description: 'The application or booking lacks the details needed to decide.' },
  { code: 'insufficient_list_data', outcomes: ['inconclusive'], description: 'The listing lacks the details needed to decide (no date of birth, no documents).' },
  { code: 'referred_to_partner', outcomes: ['inconclusive'], description: 'Referred to the nominating agency or a partner for more information.' },
  { code: 'other', outcomes: ['true_match', 'false_positive', 'inconclusive'], description: 'None of the above; the note says why.', noteRequired: true },
];

const BY_CODE = new Map(REASON_CODES.map((r) => [r.code, r]));

/** The reason, or INVALID_INPUT when it is unknown, does not fit the outcome, or needs a note. */
export function checkReason(outcome: Outcome, code: string, note: string | undefined): ReasonCode {
  const reason = BY_CODE.get(code);
  if (reason === undefined) {
    throw new VigilError('INVALID_INPUT', `unknown reason code "${code}"; see GET /v1/cases/reason-codes`, { field: 'reasonCode' });
  }
  if (!reason.outcomes.includes(outcome)) {
    const fitting = REASON_CODES.filter((r) => r.outcomes.includes(outcome)).map((r) => r.code);
    throw new VigilError('INVALID_INPUT', `reason code ${code} does not support ${outcome}; use one of ${fitting.join(', ')}`, { field: 'reasonCode' });
  }
  if (reason.noteRequired === true && (note === undefined || note.trim() === '')) {
    throw new VigilError('INVALID_INPUT', `reason code ${code} needs a note saying why`, { field: 'note' });
  }
  return reason;
}
