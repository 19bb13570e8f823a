import { Entity, type Subject } from '../domain/index.js';
import { buildIndex } from './match-index.js';
import { createScreener } from './screener.js';

function person(id: string, names: readonly string[], birthDate?: string, nationality?: string): Entity {
  return Entity.parse({
    id: `warm-up:${id}`,
    source: 'warm-up',
    sourceId: id,
    schema: 'Person',
    caption: names[0] as string,
    names: names.map((full, n) => ({ full, kind: n === 0 ? 'primary' : 'alias' })),
    birthDates: birthDate === undefined ? [] : [{ kind: 'exact', date: birthDate }],
    birthPlaces: [],
    nationalities: nationality === undefined ? [] : [nationality],
    citizenships: [],
    documents: nationality === undefined ? [] : [{ type: 'passport', number: `P${id}0042`, country: nationality }],
    addresses: [],
    listings: [],
    relations: [],
    remarks: [],
    properties: {},
  });
}

/** Made-up listed names across the scripts and forms the engine reads (no real person). */
const entities = (): Entity[] => [
  person('1', ['Abdul Rahman al-Qasimi', 'عبد الرحمن القاسمي', 'Abd al-Rahman Qasimi'], '1970-03-12', 'SY'),
  person('2', ['Mukhammad Yusupov', 'Мухаммад Юсупов', 'Muhammad Yusupov'], '1985', 'TJ'),
  person('3', ['WANG Xiaoming', '王小明'], '1962-11-02', 'CN'),
  person('4', ['Reza Hosseini-Zadeh', 'رضا حسینی زاده'], '1979-07', 'IR'),
  person('5', ['KIM Chol Su', '김철수'], '1958', 'KP'),
  person('6', ['Ioannis Papadopoulos', 'Ιωάννης Παπαδόπουλος'], '1966-05-30', 'GR'),
  person('7', ['Dr. Ayman Mahmoud', 'Sheikh Ayman M.'], '1951-06-19', 'EG'),
  { ...person('8', ['ROMASHKA LLC', 'ООО "Ромашка"']), schema: 'Organization' },
];

const SUBJECTS: readonly string[] = [
  'Abdurrahman Alqasimi',
  'القاسمي عبد الرحمن',
  'Yusupov, Mukhamad',
  'Юсупов Мухаммад',
  'Wang Hsiao-ming',
  '王小明',
  'Rezā Hoseinizade',
  'Kim Cheol-su',
  'Papadopoulos Ioannis',
  'Aiman Mahmud',
  'Romashka OOO',
  'Jane Smith',
  'María José García López',
  'Jürgen Müller',
  'Ahmed',
];

/**
 * Runs the whole matching path (name analysis in every script, the variant dictionary, candidate
 * generation, scoring, explanations) on a tiny made-up list, so that a new thread loads its
 * dictionaries and compiles its hot code before real work arrives: a screening worker's first
 * block otherwise took a second or more, most of a short batch's share.
 */
export function warmUpMatching(rounds = 40): void {
  const screener = createScreener(buildIndex(entities()));
  for (let round = 0; round < rounds; round++) {
    for (const [n, name] of SUBJECTS.entries()) {
      // Slight respellings each round, so the caches keyed by text do not answer every look-up.
      const spelled = round % 2 === 0 ? name : name.replace(/a/g, 'e');
      const subject: Subject = { id: `w${n}`, name: round % 3 === 0 ? spelled.toUpperCase() : spelled };
      if (round % 4 === 0) subject.birthDate = '1970';
      if (round % 5 === 0) subject.nationality = 'SY';
      screener.screen(subject);
    }
  }
}
