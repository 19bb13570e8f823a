import type { DocumentType, IdentityDocument } from '../../domain/index.js';
import { resolveUnCountry } from './resolve-un-country.js';
import { childText, childrenNamed, joinPresent, type UnNode } from './un-node.js';

const STANDARD_LABELS = /^(passport|national identification number)$/i;

export interface UnDocuments {
  documents: IdentityDocument[];
  /** Documents the list gives without a NUMBER (the number sits in a note), kept verbatim. */
  remarks: string[];
}

/** Maps INDIVIDUAL_DOCUMENT: type, NUMBER, ISSUING_COUNTRY or COUNTRY_OF_ISSUE, issue date and place, note. */
export function mapUnDocuments(record: UnNode): UnDocuments {
  const documents: IdentityDocument[] = [];
  const remarks: string[] = [];
  for (const node of childrenNamed(record, 'INDIVIDUAL_DOCUMENT')) {
    const label = childText(node, 'TYPE_OF_DOCUMENT');
    const detail = childText(node, 'TYPE_OF_DOCUMENT2');
    const number = childText(node, 'NUMBER');
    const countryText = childText(node, 'ISSUING_COUNTRY') ?? childText(node, 'COUNTRY_OF_ISSUE');
    const country = countryText === undefined ? { kind: 'none' as const } : resolveUnCountry(countryText);
    const issued = joinPresent([childText(node, 'DATE_OF_ISSUE'), childText(node, 'CITY_OF_ISSUE')], ' in ');
    const note = joinPresent(
      [
        originalLabel(label, detail),
        issued === '' ? undefined : `issued ${issued}`,
        country.kind === 'unresolved' ? `issued by ${country.text}` : undefined,
        childText(node, 'NOTE'),
      ],
      '; ',
    );
    if (number === undefined) {
      const remark = joinPresent([note, country.kind === 'code' ? `issued by ${countryText}` : undefined], '; ');
      if (remark !== '') remarks.push(`Document: ${remark}`);
      continue;
    }
    documents.push({
      type: documentType(label, detail),
      number,
      ...(country.kind === 'code' ? { country: country.code } : {}),
      ...(note === '' ? {} : { note }),
    });
  }
  return { documents, remarks };
}

/** The list's own label where it says more than the mapped type. */
function originalLabel(label: string | undefined, detail: string | undefined): string | undefined {
  if (detail !== undefined && detail !== label) return joinPresent([label, `(${detail})`], ' ');
  return label === undefined || STANDARD_LABELS.test(label) ? undefined : label;
}

/** The UN types are Passport or National Identification Number; TYPE_OF_DOCUMENT2 refines them. */
export function documentType(label: string | undefined, detail: string | undefined): DocumentType {
  const text = `${label ?? ''} ${detail ?? ''}`.toLowerCase();
  if (/passport|passeport|pasaporte/.test(text)) return 'passport';
  if (/driver|driving/.test(text)) return 'driving_licence';
  if (/fiscal|tax/.test(text)) return 'tax_id';
  if (/birth certificate|ration card|voter|student|certificate of|residential card|other id/.test(text)) return 'other';
  if (/identif|identity|national number|personal|civil|tazkira/.test(text)) return 'national_id';
  return 'other';
}
