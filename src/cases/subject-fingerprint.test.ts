import { describe, expect, it } from 'vitest';
import { sameCoreIdentity, subjectFingerprint, subjectIdentity } from './subject-fingerprint.js';

const BASE = { id: 'a', name: 'Khalid Yusuf Al-Rashidi', birthDate: '1985-03-03', nationality: 'JO', documents: [{ type: 'passport' as const, number: 'JO-555 001' }] };

describe('subjectFingerprint', () => {
  it('is the same for the same person written another way: order, case, script of the country, document punctuation, record id', () => {
    const same = { id: 'b', name: 'AL-RASHIDI, Khalid Yusuf', birthDate: '1985-03-03', nationality: 'Jordan', documents: [{ type: 'passport' as const, number: 'jo555001' }] };
    expect(subjectFingerprint(same)).toBe(subjectFingerprint(BASE));
  });

  it('changes with any identifying fact', () => {
    const fp = subjectFingerprint(BASE);
    expect(subjectFingerprint({ ...BASE, birthDate: '1985-03-04' })).not.toBe(fp);
    expect(subjectFingerprint({ ...BASE, nationality: 'IQ' })).not.toBe(fp);
    expect(subjectFingerprint({ ...BASE, documents: [] })).not.toBe(fp);
    expect(subjectFingerprint({ ...BASE, name: 'Khalid Al-Rashidi' })).not.toBe(fp);
  });

  it('lets a redress number bridge new papers only with the same birth date and a name in common', () => {
    const issued = subjectIdentity(BASE);
    expect(sameCoreIdentity(issued, subjectIdentity({ ...BASE, nationality: 'US', documents: [] }))).toBe(true);
    expect(sameCoreIdentity(issued, subjectIdentity({ ...BASE, birthDate: '1979-04-02' }))).toBe(false);
    expect(sameCoreIdentity(issued, subjectIdentity({ ...BASE, name: 'Olena Petrenko' }))).toBe(false);
  });
});

describe('subject identity reuse', () => {
  it('follows a subject changed after its first use, never keeping the identity of what it was', () => {
    const fingerprint = subjectFingerprint;
    const subject: { id: string; name: string; birthDate?: string } = { id: 'p1', name: 'Khalid Yusuf Al-Rashidi' };
    const before = fingerprint(subject);
    expect(fingerprint(subject)).toBe(before);
    subject.name = 'Olena Petrenko';
    const renamed = fingerprint(subject);
    expect(renamed).not.toBe(before);
    expect(renamed).toBe(fingerprint({ id: 'other', name: 'Olena Petrenko' }));
    subject.birthDate = '1980-01-01';
    expect(fingerprint(subject)).not.toBe(renamed);
  });
});
