import type { DocumentType, IdentityDocument } from '../../domain/index.js';
import { countryCode } from './country-code.js';

/** Labels OFAC puts before an identifier, by the document type they name. */
const LABELS: Record<DocumentType, string[]> = {
  passport: [
    'Passport', 'Diplomatic Passport', 'Passport Booklet', 'Travel Document Number', 'Stateless Person Passport',
  ],
  national_id: [
    'National ID No.', 'National ID Number', 'Cedula No.', 'C.U.R.P.', 'CURP #', 'D.N.I.', 'DNI',
    'Identification Number', 'Personal ID Card', "Citizen's Card Number", 'Turkish Identification Number',
    'National Foreign ID Number', 'Numero de Identidad', 'Kenyan ID No.', 'Tazkira National ID Card',
    'Credencial electoral', 'Electoral Registry No.', 'I.F.E.', 'Residency Number', 'Refugee ID Card',
    'C.U.I.', 'C.U.I.P.', 'Birth Certificate Number', 'SSN', 'UAE Identification', 'Immigration No.',
    'VisaNumberID', 'Cartilla de Servicio Militar Nacional', 'Public Security and Immigration No.',
    'Stateless Person ID Card', 'Moroccan Personal ID No.', 'Identity Number', 'ID No.', 'Citizen ID',
  ],
  tax_id: [
    'Tax ID No.', 'R.F.C.', 'RFC', 'NIT', 'RUC', 'RIF', 'V.A.T. Number', 'VAT Number', 'US FEIN', 'C.U.I.T.',
    'C.U.I.L.', 'RTN', 'C.I.F.', 'N.I.F.', 'NIF', 'Italian Fiscal Code', 'Fiscal Code',
    'Numero Unico de Identificacao Tributaria (NUIT)', 'Economic Register Number (CBLS)', 'Romanian Tax Registration',
    'Tax Registration Number', 'Taxpayer Identification Number', 'Paraguayan tax identification number',
  ],
  registration: [
    'Registration Number', 'Registration ID', 'Business Registration Number', 'Company Number',
    'Commercial Registry Number',
    'Folio Mercantil No.', 'Matricula Mercantil No', 'Matricula Mercantil No.', 'Government Gazette Number',
    'Legal Entity Number', 'Unified Social Credit Code (USCC)', 'United Social Credit Code Certificate (USCCC)',
    'Trade License No.', 'C.R. No.', 'Chamber of Commerce Number', 'Business Registration Document',
    'Public Registration Number', 'Central Registration System Number', 'Istanbul Chamber of Comm. No.',
    'UK Company Number', 'Business Number', 'Enterprise Number', 'Branch Unit Number',
    'Certificate of Incorporation Number', 'Dubai Chamber of Commerce Membership No.', 'LE Number', 'Romanian C.R.',
    'Registered Charity No.', 'D-U-N-S Number', 'Organization Code', 'File Number', 'License', 'Permit Number',
    'Afghan Money Service Provider License Number', 'Commercial Registration Number', 'Registration No.',
  ],
  driving_licence: ["Driver's License No.", "Driver's License Number"],
  other: ['Pilot License Number', 'SRE Permit No.', 'Seafarer ID', 'Military ID No.', 'Military Registration Number'],
};

const TYPE_OF_LABEL = new Map<string, DocumentType>();
for (const [type, labels] of Object.entries(LABELS) as [DocumentType, string[]][]) {
  for (const label of labels) TYPE_OF_LABEL.set(label.toLowerCase(), type);
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest label first, so `Passport Booklet` wins over `Passport`.
const LABELS_LONGEST_FIRST = [...TYPE_OF_LABEL.keys()].sort((a, b) => b.length - a.length).map(escape);
const LABEL_PATTERN = new RegExp(
  `^(?:alt\\.\\s+)?(${LABELS_LONGEST_FIRST.join('|')})(?![A-Za-z0-9])\\s*[#:]?\\s+(.+)$`,
  'i',
);

/**
 * Reads `LABEL NUMBER (Country) issued DATE expires DATE` clauses (`Passport A123 (Iran)`,
 * `National ID No. 216040 (Yemen)`, `R.F.C. DIB-771110-HQ1 (Mexico)`) to a document. The label,
 * issue and expiry dates and any parenthesis that is not a country go to `note`.
 */
export function parseDocumentClause(clause: string): IdentityDocument | undefined {
  const match = LABEL_PATTERN.exec(clause);
  const label = match?.[1];
  let rest = match?.[2]?.trim();
  if (label === undefined || rest === undefined) return undefined;
  const type = TYPE_OF_LABEL.get(label.toLowerCase());
  if (type === undefined) return undefined;
  const notes: string[] = [];
  const expires = /\s+expires\s+(.+)$/i.exec(rest);
  if (expires !== null) rest = rest.slice(0, expires.index);
  const issued = /\s+issued\s+(.+)$/i.exec(rest);
  if (issued !== null) rest = rest.slice(0, issued.index);
  let country: string | undefined;
  const others: string[] = [];
  for (let paren = /\s*\(([^()]*)\)$/.exec(rest); paren !== null; paren = /\s*\(([^()]*)\)$/.exec(rest)) {
    const inner = paren[1] ?? '';
    const code = country === undefined ? countryCode(inner) : undefined;
    if (code !== undefined) country = code;
    else others.unshift(`(${inner})`);
    rest = rest.slice(0, paren.index);
  }
  const number = rest.trim();
  if (!/[0-9]/.test(number)) return undefined;
  notes.push(label, ...others);
  if (issued?.[1] !== undefined) notes.push(`issued ${issued[1]}`);
  if (expires?.[1] !== undefined) notes.push(`expires ${expires[1]}`);
  return { type, number, ...(country === undefined ? {} : { country }), note: notes.join('; ') };
}
