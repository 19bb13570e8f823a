import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../domain/index.js';
import { normaliseAudit } from './audit-input.js';
import { canonicalRecordText, GENESIS_HASH, hashAuditRecord, hashNormalisedRecord } from './record-hash.js';

const record = {
  seq: 1,
  at: '2025-01-01T00:00:00.000Z',
  actor: { kind: 'key' as const, id: 'k1', orgId: 'o1' },
  action: 'screen',
  subjectIds: ['s-1'],
  outcome: 'ok' as const,
  decision: 'no-match',
  details: { topScore: 0.42, candidates: 3 },
  prevHash: GENESIS_HASH,
};

describe('audit record hash', () => {
  it('is sha256(prevHash + sorted-key JSON of the record), pinned: every stored hash depends on this form', () => {
    const json = '{"action":"screen","actor":{"id":"k1","kind":"key","orgId":"o1"},"at":"2025-01-01T00:00:00.000Z","decision":"no-match","details":{"candidates":3,"topScore":0.42},"outcome":"ok","prevHash":"' + GENESIS_HASH + '","seq":1,"subjectIds":["s-1"]}';
    expect(createHash('sha256').update(GENESIS_HASH + json).digest('hex')).toBe('b059da363dce29c4e0a7325299b355f5a568941fc4c8a0aa327827c5fd674aee');
    expect(hashAuditRecord(record)).toBe('b059da363dce29c4e0a7325299b355f5a568941fc4c8a0aa327827c5fd674aee');
  });

  it('does not depend on key order or on an existing hash, and changes with any field', () => {
    const reordered = { details: { candidates: 3, topScore: 0.42 }, prevHash: GENESIS_HASH, outcome: 'ok' as const, decision: 'no-match', subjectIds: ['s-1'], action: 'screen', actor: { orgId: 'o1', id: 'k1', kind: 'key' as const }, at: record.at, seq: 1 };
    expect(hashAuditRecord(reordered)).toBe(hashAuditRecord(record));
    expect(hashAuditRecord({ ...record, hash: 'anything' })).toBe(hashAuditRecord(record));
    expect(hashAuditRecord({ ...record, seq: 2 })).not.toBe(hashAuditRecord(record));
    expect(hashAuditRecord({ ...record, prevHash: 'f'.repeat(64) })).not.toBe(hashAuditRecord(record));
    expect(hashAuditRecord({ ...record, details: { topScore: 0.43, candidates: 3 } })).not.toBe(hashAuditRecord(record));
  });
});

describe('the append path hash', () => {
  it('equals hashAuditRecord for every shape a normalised record takes', () => {
    const inputs = [
      { actor: { kind: 'system' as const, id: 'vetting' }, action: 'alert.create', outcome: 'ok' as const },
      { actor: { kind: 'key' as const, id: 'k"1', orgId: 'o\u00e9' }, action: 'screen', subjectIds: [], entityIds: ['un-sc:Q\\1'], purpose: 'border \u2028 check', outcome: 'denied' as const, decision: 'match' },
      { actor: { kind: 'user' as const, id: 'u1' }, action: 'screen', subjectIds: ['a', 'b'], outcome: 'error' as const, details: { z: 1, a: { y: [1, { c: 2, b: undefined }], x: null }, caseIds: [], when: new Date(0), s: '\u{1F600}' } },
    ];
    for (const [index, input] of inputs.entries()) {
      const { record, detailsText } = normaliseAudit(input);
      const content = { seq: index + 1, at: '2026-01-01T00:00:00.000Z', ...record, prevHash: GENESIS_HASH };
      expect(canonicalRecordText(content, detailsText)).toBe(canonicalJson(content));
      expect(hashNormalisedRecord(content, detailsText)).toBe(hashAuditRecord(content));
      expect(hashNormalisedRecord(content, undefined)).toBe(hashAuditRecord(content));
    }
  });
});
