import { describe, expect, it } from 'vitest';
import { ScreeningResult } from './schemas.js';
import { screeningResultWire } from './screening-wire.js';

const explanation = {
  summary: 'strong name match',
  score: 0.93,
  subjectName: 'Abu Bakr al-Baghdadi',
  matchedName: { full: 'ABU BAKR AL-BAGHDADI', kind: 'primary', internalRank: 3 },
  name: { score: 0.95, overlap: 1, informationFactor: 0.9, kindFactor: 1, debug: 'x' },
  aligned: [{ subject: 'abu', entity: 'abu', how: 'exact', similarity: 1, weight: 0.4, cost: 0 }],
  unmatched: [{ side: 'entity', part: 'ibrahim', role: 'given', penalty: 0.02, note: 'n' }],
  features: [
    { feature: 'birthDate', contribution: 0.1, detail: 'same year', decisive: true, raw: 1 },
    { feature: 'nationality', contribution: 0, detail: 'none given' },
  ],
};

const hit = { entityId: 'un-sc:QDi.299', score: 0.93, caption: 'Abu Bakr al-Baghdadi', matchedName: 'ABU BAKR AL-BAGHDADI', explanation, candidateKey: 'leak' };

const results: unknown[] = [
  { id: 'clear-1', decision: 'clear', hits: [], listVersions: { 'ofac-sdn': 3, 'un-sc': 1 } },
  {
    id: 'hit-1',
    decision: 'match',
    hits: [hit, { ...hit, entityId: 'ofac-sdn:1', suppressed: { decisionId: 'd1', suppressionId: 's1', since: '2026-01-01T00:00:00.000Z', reason: 'FP_DOB', via: 'fingerprint', internal: 1 } }],
    listVersions: { 'ofac-sdn': 3 },
    caseId: 'case-1',
    posture: { id: 'p1', scheme: 'ntas', level: 'elevated', reviewThreshold: 0.7, matchThreshold: 0.9, enhanced: 'port JFK', rules: ['secret'] },
    timings: { ms: 2 },
  },
  {
    id: 'hit-2',
    decision: 'review',
    hits: [{ ...hit, suppressed: { decisionId: 'd2', suppressionId: 's2', since: '2026-01-02T00:00:00.000Z', reason: 'FP_OTHER', via: 'redress_number', redressNumber: 'RN-1' } }],
    listVersions: {},
    posture: { id: 'p2', scheme: 'ntas', level: 'low', advisoryId: 'adv-1', reviewThreshold: 0.75, matchThreshold: 0.92 },
  },
];

describe('screeningResultWire', () => {
  it('sends exactly what the ScreeningResult schema documents, in its order, and nothing else', () => {
    for (const result of results) {
      const expected = JSON.stringify(ScreeningResult.parse(result));
      expect(JSON.stringify(screeningResultWire(result as Parameters<typeof screeningResultWire>[0]))).toBe(expected);
      expect(JSON.stringify(screeningResultWire(result as Parameters<typeof screeningResultWire>[0]))).not.toMatch(/leak|internal|secret|timings|debug|cost|raw/);
    }
  });
});
