import { describe, expect, it } from 'vitest';
import { Entity } from '../domain/index.js';
import { buildIndex } from '../matching/index.js';
import { analyseListed, entityProbes } from './entity-probes.js';
import { confirmScoreModel } from './score-bound.js';

const listed = ['AL-BAGHDADI, Abu Bakr', 'Viktor Nikolayevich KARPOV', 'LI Xin', 'GLOBAL SENSOR TECHNOLOGY CO., LTD.', 'Mohammed ALI'].map((name, i) =>
  Entity.parse({ id: `t:${i}`, source: 't', sourceId: String(i), schema: i === 3 ? 'Organization' : 'Person', caption: name, names: [{ full: name, kind: 'primary' }] }),
);

describe('the score model vetting bounds with', () => {
  // Vetting bounds scores without screening, from the scorer's constants and weights; when this
  // fails, src/matching changed how it combines them: update the formula in score-bound.ts.
  it('still describes the screener', () => {
    const probes = entityProbes(listed, analyseListed(listed));
    const texts = ['mohammed', 'al', 'li', 'xin', 'ltd', 'karpov', 'unseen', ...probes.tokens.keys()];
    expect(confirmScoreModel(buildIndex(listed), probes.frequencies, texts)).toEqual({ ok: true });
  });
});
