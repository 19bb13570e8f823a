import { describe, expect, it } from 'vitest';
import { parseRemarks } from './parse-remarks.js';

// Remarks below are copied from the published SDN files (ent_num noted).
describe('parseRemarks', () => {
  it('reads identity clauses and weak aliases with apostrophes (12926)', () => {
    const facts = parseRemarks("DOB 1971; POB Samarra'i, Iraq; a.k.a. 'ABU DU'A'; a.k.a. 'DR. IBRAHIM'; a.k.a. 'ABU BAKR AL-BAGHDADI'.");
    expect(facts.birthDates).toEqual([{ kind: 'exact', date: '1971', raw: '1971' }]);
    expect(facts.birthPlaces).toEqual(["Samarra'i, Iraq"]);
    expect(facts.names).toEqual([
      { full: "ABU DU'A", kind: 'weak_alias' },
      { full: 'DR. IBRAHIM', kind: 'weak_alias' },
      { full: 'ABU BAKR AL-BAGHDADI', kind: 'weak_alias' },
    ]);
    expect(facts.remarks).toEqual([]);
  });

  it('reads several DOB clauses, nationality, citizen and gender (12057, 30219)', () => {
    const naqdi = parseRemarks('DOB 1951 to 1953; alt. DOB 1960 to 1962; alt. DOB Apr 1961; alt. DOB 1953; POB Najaf, Iraq; nationality Iran.');
    expect(naqdi.birthDates.map((date) => date.kind)).toEqual(['range', 'range', 'exact', 'exact']);
    expect(naqdi.nationalities).toEqual(['IR']);
    const baghdadi = parseRemarks('DOB 05 Oct 1961; citizen Lebanon; Gender Male; Linked To: HIZBALLAH.');
    expect(baghdadi.citizenships).toEqual(['LB']);
    expect(baghdadi.gender).toBe('male');
    expect(baghdadi.links).toEqual(['HIZBALLAH']);
  });

  it('resolves list spellings of countries (nationality Korea, North)', () => {
    expect(parseRemarks('nationality Korea, North.').nationalities).toEqual(['KP']);
  });

  it('keeps an unresolvable nationality verbatim in remarks (7940)', () => {
    const facts = parseRemarks("nationality possibly Palestinian;arrested 23 Apr 2002; a.k.a. 'ABU ALI'.");
    expect(facts.nationalities).toEqual([]);
    expect(facts.remarks).toEqual(['nationality possibly Palestinian']);
    expect(facts.properties.arrested).toEqual(['2002-04-23']);
  });

  it('reads passports with issue and expiry dates and national ids with a country (7826)', () => {
    const facts = parseRemarks(
      'Passport G025057 issued 23 Jun 1999 expires 05 Feb 2004; Identification Number AO 2879097 (Italy) expires 30 Oct 2012.',
    );
    expect(facts.documents).toEqual([
      { type: 'passport', number: 'G025057', note: 'Passport; issued 23 Jun 1999; expires 05 Feb 2004' },
      { type: 'national_id', number: 'AO 2879097', country: 'IT', note: 'Identification Number; expires 30 Oct 2012' },
    ]);
  });

  it('reads Latin American and registry identifiers (9338 and others)', () => {
    const facts = parseRemarks(
      'R.F.C. AIMM-671215-387 (Mexico); C.U.R.P. AIMM67125HCHRRG06 (Mexico) issued 1968; Cedula No. 16247821 (Colombia); NIT # 800146749-7 (Colombia); Tax ID No. 7703115760 (Russia); Registration Number HRA 738077 (Stuttgart) (Germany); National ID No. 216040 (Yemen).',
    );
    expect(facts.documents.map((doc) => [doc.type, doc.number, doc.country])).toEqual([
      ['tax_id', 'AIMM-671215-387', 'MX'],
      ['national_id', 'AIMM67125HCHRRG06', 'MX'],
      ['national_id', '16247821', 'CO'],
      ['tax_id', '800146749-7', 'CO'],
      ['tax_id', '7703115760', 'RU'],
      ['registration', 'HRA 738077', 'DE'],
      ['national_id', '216040', 'YE'],
    ]);
    expect(facts.documents[5]?.note).toBe('Registration Number; (Stuttgart)');
    expect(facts.remarks).toEqual([]);
  });

  it('reads vessel clauses and former weak names (15036, 4243)', () => {
    const facts = parseRemarks(
      "Former Vessel Flag Malta; alt. Former Vessel Flag Tuvalu; Additional Sanctions Information - Subject to Secondary Sanctions; Vessel Registration Identification IMO 9187629; MMSI 572469210; f.k.a. 'ALPHA'; Linked To: NATIONAL IRANIAN TANKER COMPANY.",
    );
    expect(facts.properties).toEqual({
      formerVesselFlag: ['Malta', 'Tuvalu'],
      additionalSanctionsInformation: ['Subject to Secondary Sanctions'],
      imoNumber: ['9187629'],
      mmsi: ['572469210'],
    });
    expect(facts.names).toEqual([{ full: 'ALPHA', kind: 'former' }]);
    expect(facts.links).toEqual(['NATIONAL IRANIAN TANKER COMPANY']);
  });

  it('reads aircraft, contact and organisation clauses (15431, 906, 10933)', () => {
    const facts = parseRemarks(
      "Aircraft Construction Number (also called L/N or S/N or F/N) 8401; Aircraft Manufacture Date 1992; Aircraft Model IL76-TD; Aircraft Operator YAS AIR; Aircraft Manufacturer's Serial Number (MSN) 1023409321; SWIFT/BIC HAVIGB2L; Website www.havanaintbank.co.uk; Email Address dam.d.free@net.sy; Organization Established Date 17 Dec 2016; Secondary sanctions risk: section 1(b) of Executive Order 13224, as amended by Executive Order 13886.",
    );
    expect(facts.properties).toEqual({
      aircraftConstructionNumber: ['8401'],
      aircraftManufactureDate: ['1992'],
      aircraftModel: ['IL76-TD'],
      aircraftOperator: ['YAS AIR'],
      aircraftSerialNumber: ['1023409321'],
      swiftBic: ['HAVIGB2L'],
      website: ['www.havanaintbank.co.uk'],
      email: ['dam.d.free@net.sy'],
      organizationEstablishedDate: ['2016-12-17'],
      secondarySanctionsRisk: ['section 1(b) of Executive Order 13224, as amended by Executive Order 13886'],
    });
  });

  it('keeps unknown clauses verbatim and drops only the copy of the Title (7655, 23470)', () => {
    expect(parseRemarks('DOB 28 Oct 1969; POB Prijedor, Bosnia-Herzegovina; ICTY indictee in custody.').remarks).toEqual([
      'ICTY indictee in custody',
    ]);
    const judge = parseRemarks('DOB Mar 1962 to Feb 1963; Gender Male; Judge, Head of Tehran Revolutionary Court, Branch 15.', {
      titles: ['Judge, Head of Tehran Revolutionary Court, Branch 15'],
    });
    expect(judge.remarks).toEqual([]);
    expect(parseRemarks('DOB 1967; Lt. Col.', { titles: ['Lt. Col.'] }).remarks).toEqual([]);
  });

  it('keeps a DOB it cannot read in remarks rather than guessing', () => {
    expect(parseRemarks('DOB 1970s; DOB 31 Feb 1970.')).toMatchObject({
      birthDates: [],
      remarks: ['DOB 1970s', 'DOB 31 Feb 1970'],
    });
  });

  it('keeps the last clause of a cut Remarks value verbatim (28263)', () => {
    const facts = parseRemarks("a.k.a. 'tianyinyin0404'; a.k.a. 'snowsjo", { truncated: true });
    expect(facts.names).toEqual([{ full: 'tianyinyin0404', kind: 'weak_alias' }]);
    expect(facts.remarks).toEqual(["a.k.a. 'snowsjo"]);
  });
});
