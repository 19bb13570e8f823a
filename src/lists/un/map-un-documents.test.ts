import { describe, expect, it } from 'vitest';
import { documentType, mapUnDocuments } from './map-un-documents.js';
import type { UnNode } from './un-node.js';

/** Builds a record tree: `node('DOB', [node('YEAR', '1970')])`. */
function node(name: string, content: string | UnNode[] = ''): UnNode {
  return typeof content === 'string' ? { name, text: content, children: [] } : { name, text: '', children: content };
}

describe('documentType', () => {
  it('maps the UN labels and their refinements', () => {
    expect(documentType('Passport', undefined)).toBe('passport');
    expect(documentType('Numéro de passeport', undefined)).toBe('passport');
    expect(documentType('National Identification Number', 'national passport')).toBe('passport');
    expect(documentType('National Identification Number', undefined)).toBe('national_id');
    expect(documentType('National Identification Number', "Driver's Permit")).toBe('driving_licence');
    expect(documentType('National Identification Number', 'Italian Fiscal Code:')).toBe('tax_id');
    expect(documentType('National Identification Number', 'Ration card number:')).toBe('other');
  });
});

describe('mapUnDocuments', () => {
  it('keeps an unresolved issuing country in the note', () => {
    const record = node('INDIVIDUAL', [
      node('INDIVIDUAL_DOCUMENT', [node('TYPE_OF_DOCUMENT', 'Passport'), node('NUMBER', ' X1 '), node('ISSUING_COUNTRY', 'Atlantis')]),
    ]);
    expect(mapUnDocuments(record)).toEqual({ documents: [{ type: 'passport', number: 'X1', note: 'issued by Atlantis' }], remarks: [] });
  });
});
