import { parseOfacDate } from './ofac-date.js';

interface PropertyRule {
  pattern: RegExp;
  key: string;
  /** Builds the stored value from the match; by default the last group, dates made ISO. */
  value?: (match: RegExpExecArray) => string | undefined;
}

/** `label value` clauses: the label, then an optional `:`, `-` or `#`, then the value. */
const LABELLED: [string, string][] = [
  ['Vessel Registration Identification IMO', 'imoNumber'],
  ['Identification Number IMO', 'imoNumber'],
  ['Company Number IMO', 'imoCompanyNumber'],
  ['Vessel Registration Identification', 'vesselRegistration'],
  ['MMSI', 'mmsi'],
  ['Other Vessel Call Sign', 'otherCallSign'],
  ['Other Vessel Flag', 'otherVesselFlag'],
  ['Other Vessel Type', 'otherVesselType'],
  ['Former Vessel Flag', 'formerVesselFlag'],
  ['Vessel Year of Build', 'vesselYearOfBuild'],
  ['Nationality of Registration', 'registrationCountry'],
  ['Aircraft Construction Number (also called L/N or S/N or F/N)', 'aircraftConstructionNumber'],
  ["Aircraft Manufacturer's Serial Number (MSN)", 'aircraftSerialNumber'],
  ['Aircraft Serial Identification', 'aircraftSerialIdentification'],
  ['Aircraft Manufacture Date', 'aircraftManufactureDate'],
  ['Aircraft Model', 'aircraftModel'],
  ['Aircraft Operator', 'aircraftOperator'],
  ['Aircraft Tail Number', 'aircraftTailNumber'],
  ['Previous Aircraft Tail Number', 'previousAircraftTailNumber'],
  ['Aircraft Mode S Transponder Code', 'aircraftModeSCode'],
  ['Website', 'website'],
  ['Email Address', 'email'],
  ['Phone Number', 'phone'],
  ['Phone No.', 'phone'],
  ['Phone', 'phone'],
  ['Telephone No.', 'phone'],
  ['Telephone', 'phone'],
  ['Fax No.', 'fax'],
  ['Fax', 'fax'],
  ['Digital Currency Address', 'digitalCurrencyAddress'],
  ['Additional Sanctions Information', 'additionalSanctionsInformation'],
  ['Secondary sanctions risk', 'secondarySanctionsRisk'],
  [
    'Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions',
    'transactionsProhibited',
  ],
  ['CAATSA Section 235 Information', 'caatsaSection235'],
  ['IFCA Determination', 'ifcaDetermination'],
  ['Organization Established Date', 'organizationEstablishedDate'],
  ['Organization Type', 'organizationType'],
  ['Target Type', 'targetType'],
  ['SWIFT/BIC', 'swiftBic'],
  ['ISIN', 'isin'],
  ['Equity Ticker', 'equityTicker'],
  ['BIK (RU)', 'bik'],
  ['Chinese Commercial Code', 'chineseCommercialCode'],
  ['Issuer Name', 'issuerName'],
  ['ethnicity', 'ethnicity'],
  ['Tribe', 'tribe'],
  ['arrested', 'arrested'],
];

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function lastGroup(match: RegExpExecArray): string | undefined {
  const value = match[match.length - 1]?.trim();
  if (value === undefined || value === '') return undefined;
  return parseOfacDate(value) ?? value;
}

const RULES: PropertyRule[] = [
  ...LABELLED.map(([label, key]) => ({
    pattern: new RegExp(`^(?:alt\\.\\s+)?${escape(label)}(?![A-Za-z0-9])\\s*(?:[:#-]\\s*)?(\\S.*)$`, 'i'),
    key,
  })),
  {
    pattern: /^(?:alt\.\s+)?Executive Order (\d+)(?: Directive)? (?:Determination|Information)\s*[-:]?\s*(.+)$/i,
    key: 'executiveOrder',
    value: (match) => `EO ${match[1] ?? ''}: ${match[2] ?? ''}`,
  },
  ...(
    [
      ['Effective Date', 'effectiveDate'],
      ['Listing Date', 'listingDate'],
      ['Purchase/Sales For Divestment Date', 'divestmentDate'],
    ] as const
  ).map(([label, key]) => ({
    pattern: new RegExp(`^${escape(label)}\\s*\\(([^)]+)\\):?\\s*(.+)$`, 'i'),
    key,
    value: (match: RegExpExecArray) => {
      const date = match[2]?.trim() ?? '';
      return `${match[1] ?? ''}: ${parseOfacDate(date) ?? date}`;
    },
  })),
  // OFAC's pointers to its directive pages: kept, as a link.
  { pattern: /^for more information\b[^:]*:\s*(\S+)$/i, key: 'moreInformation' },
];

/** Reads a clause that carries a named value (IMO, MMSI, website, sanctions notes, ...). */
export function parsePropertyClause(clause: string): { key: string; value: string } | undefined {
  for (const rule of RULES) {
    const match = rule.pattern.exec(clause);
    if (match === null) continue;
    const value = (rule.value ?? lastGroup)(match);
    return value === undefined ? undefined : { key: rule.key, value };
  }
  return undefined;
}
