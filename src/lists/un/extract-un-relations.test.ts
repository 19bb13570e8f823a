import { describe, expect, it } from 'vitest';
import { extractUnRelations } from './extract-un-relations.js';

const targets = (text: string, self = 'QDi.001') => extractUnRelations([text], 'un-sc', self).map((relation) => relation.targetId);

describe('extractUnRelations', () => {
  it('links reference numbers in parentheses, once each, with the sentence as note', () => {
    const relations = extractUnRelations(['Leader of Al-Qaida (QDe.004). Member of JI (JI, QDe.092) and Al-Qaida (QDe.004).'], 'un-sc', 'QDi.006');
    expect(relations).toEqual([
      { type: 'associate', targetId: 'un-sc:QDe.004', note: 'Leader of Al-Qaida (QDe.004).' },
      { type: 'associate', targetId: 'un-sc:QDe.092', note: 'Member of JI (JI, QDe.092) and Al-Qaida (QDe.004).' },
    ]);
  });

  it('reads the longer parenthesised forms the UN uses', () => {
    expect(targets('Financier of Lashkar-e-Tayyiba (listed under permanent reference number QDe.118).')).toEqual(['un-sc:QDe.118']);
    expect(targets('Affiliate of AQAP (AQAP – QDe.129) and of Droukdel (QDi.232, reported killed).')).toEqual(['un-sc:QDe.129', 'un-sc:QDi.232']);
  });

  it('ignores bare numbers, the record itself and former entries of the same party', () => {
    expect(targets('Until 7 Sep. 2007 he was also listed under number TAi.048.')).toEqual([]);
    expect(targets('The entries Al Rashid Trust (QDi.001) and others.')).toEqual([]);
    expect(targets('In 2008 this entity appeared also as "Aid Organization" (QDe.073), listed on 24 Apr.')).toEqual([]);
    expect(targets('Resolution 1822 (2008) was concluded.')).toEqual([]);
  });
});
