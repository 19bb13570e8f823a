import { describe, expect, it } from 'vitest';
import { splitRemarks } from './split-remarks.js';

describe('splitRemarks', () => {
  it('keeps an apostrophe inside a weak alias (12926)', () => {
    expect(
      splitRemarks("DOB 1971; POB Samarra'i, Iraq; a.k.a. 'ABU DU'A'; a.k.a. 'DR. IBRAHIM'; a.k.a. 'ABU BAKR AL-BAGHDADI'."),
    ).toEqual(["DOB 1971", "POB Samarra'i, Iraq", "a.k.a. 'ABU DU'A'", "a.k.a. 'DR. IBRAHIM'", "a.k.a. 'ABU BAKR AL-BAGHDADI'"]);
  });

  it('keeps a semicolon inside a quoted alias', () => {
    expect(splitRemarks("a.k.a. 'ONE; TWO'; DOB 1970.")).toEqual(["a.k.a. 'ONE; TWO'", 'DOB 1970']);
  });

  it('splits on a semicolon without a space (7940)', () => {
    expect(splitRemarks("nationality possibly Palestinian;arrested 23 Apr 2002; a.k.a. 'ABU ALI'.")).toEqual([
      'nationality possibly Palestinian',
      'arrested 23 Apr 2002',
      "a.k.a. 'ABU ALI'",
    ]);
  });

  it('keeps the period of a final abbreviation (26503: Linked To: PETROLEOS DE VENEZUELA, S.A.)', () => {
    expect(splitRemarks('SWIFT/BIC EVRFRUMM; Linked To: PETROLEOS DE VENEZUELA, S.A.')).toEqual([
      'SWIFT/BIC EVRFRUMM',
      'Linked To: PETROLEOS DE VENEZUELA, S.A.',
    ]);
  });

  it('leaves an alias cut by the 1,000-character limit as a plain clause (27307)', () => {
    expect(splitRemarks("a.k.a. 'OFFICE 91'; a.k.a. 'WHOIS HACKIN")).toEqual(["a.k.a. 'OFFICE 91'", "a.k.a. 'WHOIS HACKIN"]);
  });
});

describe('splitRemarks with parentheses', () => {
  it('keeps a parenthesis holding several statements as one clause (11313)', () => {
    const remarks =
      "National ID No. 1372584 (Kenya); (Following data derived from an Eritrean passport issued under the alias name of Mukhtar Abdullahi Ali: Alt. DOB: 10 October 1969; Alt. POB: Keren Eritrea); a.k.a. 'ABU MANSUR'.";
    expect(splitRemarks(remarks)).toEqual([
      'National ID No. 1372584 (Kenya)',
      '(Following data derived from an Eritrean passport issued under the alias name of Mukhtar Abdullahi Ali: Alt. DOB: 10 October 1969; Alt. POB: Keren Eritrea)',
      "a.k.a. 'ABU MANSUR'",
    ]);
  });

  it('does not let a parenthesis that never closes swallow the clauses after it', () => {
    expect(splitRemarks('Website www.example.com (see; DOB 1970.')).toEqual(['Website www.example.com (see', 'DOB 1970']);
  });
});
