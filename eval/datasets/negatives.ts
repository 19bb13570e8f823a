import { allFakers, type Faker } from '@faker-js/faker';
import anyAscii from 'any-ascii';
import { pinyin } from 'pinyin-pro';
import { countryName, type Subject } from '../../src/domain/index.js';
import { foldName, foldNameSorted } from '../fold.js';
import type { Rng } from '../prng.js';
import { romaniseCyrillic, romaniseUkrainian } from '../translit/cyrillic.js';
import { isKnownArabicNamePart } from '../translit/arabic.js';
import type { TranslitTable } from '../translit/wikidata.js';
import type { NameOwners } from './entities.js';
import { randomBirthDate, titleCase } from './perturb.js';
import type { LabelledQuery } from './types.js';

/**
 * Travellers who are not listed: realistic names of many locales from faker, with random dates
 * of birth and nationalities, in the scripts and romanisations their documents would use.
 */

type Style = 'latin' | 'arabic' | 'cyrillic-ru' | 'cyrillic-uk' | 'han' | 'korean' | 'japanese' | 'native';
/** What a name has besides one given and one family name. */
type Middle = 'none' | 'patronymic' | 'father' | 'second-surname' | 'second-given';

interface LocaleSpec {
  locale: keyof typeof allFakers;
  /** Share of the negatives, before normalising. */
  weight: number;
  countries: readonly string[];
  style: Style;
  middle: Middle;
  /** Probability of the middle part. */
  pMiddle: number;
}

/**
 * Weighted towards the populations whose names look like the listed ones (Arabic, Persian,
 * Russian, Turkic, Chinese): those are where false alerts come from.
 */
export const NEGATIVE_LOCALES: readonly LocaleSpec[] = [
  { locale: 'ar', weight: 13, countries: ['EG', 'SA', 'IQ', 'SY', 'JO', 'LB', 'TN', 'MA', 'DZ', 'LY', 'YE', 'AE', 'KW', 'SD', 'PS'], style: 'arabic', middle: 'father', pMiddle: 0.55 },
  { locale: 'fa', weight: 7, countries: ['IR', 'AF'], style: 'arabic', middle: 'none', pMiddle: 0 },
  { locale: 'ur', weight: 4, countries: ['PK'], style: 'arabic', middle: 'father', pMiddle: 0.3 },
  { locale: 'ru', weight: 10, countries: ['RU', 'RU', 'RU', 'BY', 'KZ'], style: 'cyrillic-ru', middle: 'patronymic', pMiddle: 0.6 },
  { locale: 'uk', weight: 5, countries: ['UA'], style: 'cyrillic-uk', middle: 'patronymic', pMiddle: 0.5 },
  { locale: 'tr', weight: 6, countries: ['TR', 'TR', 'CY', 'DE'], style: 'latin', middle: 'second-given', pMiddle: 0.15 },
  { locale: 'az', weight: 2, countries: ['AZ'], style: 'latin', middle: 'none', pMiddle: 0 },
  { locale: 'uz_UZ_latin', weight: 2, countries: ['UZ'], style: 'latin', middle: 'none', pMiddle: 0 },
  { locale: 'zh_CN', weight: 7, countries: ['CN', 'CN', 'CN', 'SG', 'MY'], style: 'han', middle: 'none', pMiddle: 0 },
  { locale: 'en', weight: 6, countries: ['US', 'US', 'CA', 'AU'], style: 'latin', middle: 'second-given', pMiddle: 0.3 },
  { locale: 'en_GB', weight: 2, countries: ['GB', 'IE'], style: 'latin', middle: 'second-given', pMiddle: 0.3 },
  { locale: 'en_IN', weight: 5, countries: ['IN'], style: 'latin', middle: 'none', pMiddle: 0 },
  { locale: 'es', weight: 4, countries: ['ES'], style: 'latin', middle: 'second-surname', pMiddle: 0.7 },
  { locale: 'es_MX', weight: 3, countries: ['MX', 'CO', 'VE', 'AR', 'PE'], style: 'latin', middle: 'second-surname', pMiddle: 0.7 },
  { locale: 'fr', weight: 4, countries: ['FR', 'BE', 'CH'], style: 'latin', middle: 'second-given', pMiddle: 0.2 },
  { locale: 'fr_SN', weight: 2, countries: ['SN', 'ML', 'CI'], style: 'latin', middle: 'none', pMiddle: 0 },
  { locale: 'de', weight: 4, countries: ['DE', 'AT', 'CH'], style: 'latin', middle: 'second-given', pMiddle: 0.2 },
  { locale: 'it', weight: 2, countries: ['IT'], style: 'latin', middle: 'none', pMiddle: 0 },
  { locale: 'pt_BR', weight: 2, countries: ['BR', 'PT'], style: 'latin', middle: 'second-surname', pMiddle: 0.5 },
  { locale: 'pl', weight: 1, countries: ['PL'], style: 'latin', middle: 'none', pMiddle: 0 },
  { locale: 'id_ID', weight: 2, countries: ['ID'], style: 'latin', middle: 'none', pMiddle: 0 },
  { locale: 'vi', weight: 1.5, countries: ['VN'], style: 'latin', middle: 'none', pMiddle: 0 },
  { locale: 'ko', weight: 1.5, countries: ['KR'], style: 'korean', middle: 'none', pMiddle: 0 },
  { locale: 'ja', weight: 1, countries: ['JP'], style: 'japanese', middle: 'none', pMiddle: 0 },
  { locale: 'he', weight: 1, countries: ['IL'], style: 'native', middle: 'none', pMiddle: 0 },
  { locale: 'el', weight: 1, countries: ['GR', 'CY'], style: 'native', middle: 'none', pMiddle: 0 },
  { locale: 'hy', weight: 0.5, countries: ['AM'], style: 'native', middle: 'none', pMiddle: 0 },
  { locale: 'ka_GE', weight: 0.5, countries: ['GE'], style: 'native', middle: 'none', pMiddle: 0 },
  { locale: 'yo_NG', weight: 1, countries: ['NG'], style: 'latin', middle: 'second-given', pMiddle: 0.2 },
  { locale: 'en_NG', weight: 1, countries: ['NG', 'GH'], style: 'latin', middle: 'none', pMiddle: 0 },
  { locale: 'ne', weight: 0.5, countries: ['NP'], style: 'latin', middle: 'none', pMiddle: 0 },
  { locale: 'sr_RS_latin', weight: 1, countries: ['RS', 'BA', 'ME'], style: 'latin', middle: 'none', pMiddle: 0 },
  { locale: 'ro', weight: 0.5, countries: ['RO', 'MD'], style: 'latin', middle: 'none', pMiddle: 0 },
  { locale: 'th', weight: 0.5, countries: ['TH'], style: 'native', middle: 'none', pMiddle: 0 },
];

const P_DOB = 0.85;
const P_NATIONALITY = 0.75;
const P_SCHEMA = 0.8;

/** A title-cased or upper-cased rendering, as forms and passports print names. */
function present(words: readonly string[], rng: Rng): string {
  const upper = rng.chance(0.4);
  return words.map((w) => (upper ? w.toUpperCase() : titleCase(w))).join(' ');
}

/** Arabic-script words to Latin through the Wikidata table; undefined unless all are covered. */
function arabicToLatin(words: readonly string[], table: TranslitTable): string[] | undefined {
  const out: string[] = [];
  for (const raw of words) {
    const w = raw.replace(/ی/g, 'ي').replace(/ک/g, 'ك').replace(/\u200c/g, '');
    // Prefer a spelling known as an Arabic name part over, say, a Dutch name written the same way.
    const options = table.toLatin(w);
    const direct = options.find(isKnownArabicNamePart) ?? options[0];
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    if (w.startsWith('ال') && w.length > 3) {
      const bareOptions = table.toLatin(w.slice(2));
      const bare = bareOptions.find(isKnownArabicNamePart) ?? bareOptions[0];
      if (bare !== undefined) {
        out.push(`al-${bare}`);
        continue;
      }
    }
    return undefined;
  }
  return out;
}

interface RawName {
  given: string[];
  family: string[];
}

function rawName(f: Faker, spec: LocaleSpec, rng: Rng): RawName {
  const sex = rng.chance(0.5) ? 'male' : 'female';
  const given = [f.person.firstName(sex)];
  const family = [f.person.lastName(sex)];
  if (rng.chance(spec.pMiddle)) {
    switch (spec.middle) {
      case 'patronymic':
        given.push(f.person.middleName(sex));
        break;
      case 'father':
        given.push(f.person.firstName('male'));
        break;
      case 'second-surname':
        family.push(f.person.lastName());
        break;
      case 'second-given':
        given.push(f.person.firstName(sex));
        break;
      case 'none':
        break;
    }
  }
  // Faker joins some parts with spaces already; keep words.
  const split = (xs: string[]): string[] => xs.flatMap((x) => x.split(/\s+/)).filter((x) => x !== '');
  return { given: split(given), family: split(family) };
}

/** The name as the traveller's document would give it: native script or a romanisation. */
function render(name: RawName, spec: LocaleSpec, rng: Rng, arabic: TranslitTable): { text: string; form: string } {
  const natural = [...name.given, ...name.family];
  switch (spec.style) {
    case 'latin':
      return { text: present(natural, rng), form: 'latin' };
    case 'arabic':
      return { text: natural.join(' '), form: 'arabic script' };
    case 'cyrillic-ru':
    case 'cyrillic-uk': {
      const familyFirst = rng.chance(0.4);
      const words = familyFirst ? [...name.family, ...name.given] : natural;
      if (rng.chance(0.5)) return { text: words.join(' '), form: 'cyrillic' };
      const text = words.join(' ');
      const latin =
        spec.style === 'cyrillic-uk' ? romaniseUkrainian(text) : romaniseCyrillic(text, rng.chance(0.5) ? 'icao' : 'bgn');
      return { text: present(latin.split(' '), rng), form: 'latin' };
    }
    case 'han': {
      const family = name.family.join('');
      const given = name.given.join('');
      if (rng.chance(0.5)) return { text: `${family}${given}`, form: 'han' };
      const py = (s: string): string => pinyin(s, { toneType: 'none', type: 'array' }).join('');
      const words = rng.chance(0.5) ? [py(family), py(given)] : [py(given), py(family)];
      return { text: present(words, rng), form: 'pinyin' };
    }
    case 'korean': {
      if (rng.chance(0.5)) return { text: `${name.family.join('')}${name.given.join('')}`, form: 'hangul' };
      const words = [anyAscii(name.given.join('')), anyAscii(name.family.join(''))];
      return { text: present(words, rng), form: 'latin' };
    }
    case 'japanese':
      return { text: `${name.family.join('')} ${name.given.join('')}`, form: 'japanese' };
    case 'native': {
      if (rng.chance(0.5)) return { text: natural.join(' '), form: 'native' };
      return { text: present(natural.map((w) => anyAscii(w)), rng), form: 'latin (any-ascii)' };
    }
  }
}

const HAS_FORM = /\b(LLC|Inc|Group|GmbH|KG|S\.?A|SPA|s\.r\.l|Ltd|EIRELI|NV|Sp\. [a-z]|SKA|SASU|EI|Asociados|Hermanos|Sons|figli|Bedrijf|Comércio)\.?$/i;

export interface NegativeResult {
  queries: LabelledQuery[];
  removed: { exact: number; reordered: number; examples: string[] };
}

interface NegativeOptions {
  persons: number;
  organisations: number;
  owners: NameOwners;
  arabic: TranslitTable;
  rng: Rng;
  seed: number;
}

function checkListed(
  text: string,
  owners: NameOwners,
  removed: NegativeResult['removed'],
): boolean {
  const folded = foldName(text);
  if (owners.exact.has(folded)) {
    removed.exact++;
    if (removed.examples.length < 12) removed.examples.push(text);
    return true;
  }
  if (owners.sorted.has(foldNameSorted(text))) {
    removed.reordered++;
    if (removed.examples.length < 12) removed.examples.push(text);
    return true;
  }
  return false;
}

export function buildNegatives(options: NegativeOptions): NegativeResult {
  const { owners, arabic } = options;
  const removed: NegativeResult['removed'] = { exact: 0, reordered: 0, examples: [] };
  const queries: LabelledQuery[] = [];
  const seen = new Set<string>();
  const totalWeight = NEGATIVE_LOCALES.reduce((s, l) => s + l.weight, 0);
  let index = 0;

  NEGATIVE_LOCALES.forEach((spec, i) => {
    // Names and attributes draw from separate streams, so dropping one name does not change the next.
    const rng = options.rng.fork(`negative:${spec.locale}`);
    const attributes = options.rng.fork(`negative-attributes:${spec.locale}`);
    const f = allFakers[spec.locale];
    f.seed(options.seed + i);
    const quota = Math.round((spec.weight / totalWeight) * options.persons);
    let made = 0;
    for (let attempt = 0; made < quota && attempt < quota * 4; attempt++) {
      let name = rawName(f, spec, rng);
      let rendered = render(name, spec, rng, arabic);
      // Half of the Arabic-script names travel in Latin (passports): draw names until the
      // Wikidata table covers every part, which favours the common names false alerts come from.
      if (spec.style === 'arabic' && rng.chance(0.5)) {
        for (let tries = 0; tries < 60; tries++) {
          const latin = arabicToLatin([...name.given, ...name.family], arabic);
          if (latin !== undefined) {
            rendered = { text: present(latin, rng), form: 'latin (wikidata)' };
            break;
          }
          name = rawName(f, spec, rng);
        }
      }
      const { text, form } = rendered;
      const folded = foldName(text);
      if (folded === '' || seen.has(folded)) continue;
      if (checkListed(text, owners, removed)) continue;
      seen.add(folded);
      const subject: Subject = { id: `neg-${index++}`, name: text };
      if (attributes.chance(P_SCHEMA)) subject.schema = 'Person';
      const hasDob = attributes.chance(P_DOB);
      if (hasDob) subject.birthDate = randomBirthDate(attributes);
      const hasNationality = attributes.chance(P_NATIONALITY);
      if (hasNationality) {
        const code = attributes.pick(spec.countries);
        subject.nationality = attributes.chance(0.5) ? code : countryName(code);
      }
      queries.push({
        subject,
        category: 'negative-person',
        detail: `${spec.locale} ${form}`,
        origin: spec.locale,
        dob: hasDob ? 'random' : 'none',
        nationality: hasNationality,
      });
      made++;
    }
  });

  // Organisations: faker company names of several locales, some with a legal form added the
  // way the listed ones carry them.
  const orgLocales: (keyof typeof allFakers)[] = ['en', 'de', 'fr', 'es', 'it', 'pt_BR', 'ru', 'uk', 'tr', 'zh_CN', 'fa', 'ar', 'pl', 'nl', 'ko'];
  const forms = ['LLC', 'LTD', 'CO., LTD.', 'INC.', 'GENERAL TRADING LLC', 'FZE', 'S.A.', 'GMBH', 'TRADING CO', 'JSC', 'HOLDING'];
  const rng = options.rng.fork('negative:organisations');
  orgLocales.forEach((locale, i) => allFakers[locale].seed(options.seed + 1000 + i));
  for (let attempt = 0, made = 0; made < options.organisations && attempt < options.organisations * 4; attempt++) {
    const locale = rng.pick(orgLocales);
    const f = allFakers[locale];
    let text = f.company.name();
    let detail = `${locale} native`;
    if ((locale === 'ru' || locale === 'uk') && rng.chance(0.6)) {
      const latin = locale === 'uk' ? romaniseUkrainian(text) : romaniseCyrillic(text, 'bgn');
      // Russian legal forms in Latin, as the lists write them.
      text = latin.replace(/^OOO /, rng.pick(['OOO ', 'LIMITED LIABILITY COMPANY ', 'LLC '])).replace(/^ZAO /, rng.pick(['ZAO ', 'CJSC ']));
      detail = `${locale} latin`;
    } else if (/^[\p{Script=Latin}\P{L}]*$/u.test(text) && !HAS_FORM.test(text) && rng.chance(0.5)) {
      text = `${text.replace(/\s*-\s*/g, ' ')} ${rng.pick(forms)}`;
      detail = `${locale} with legal form`;
    }
    const folded = foldName(text);
    if (folded === '' || seen.has(folded)) continue;
    if (checkListed(text, owners, removed)) continue;
    seen.add(folded);
    const subject: Subject = { id: `neg-${index++}`, name: text };
    if (rng.chance(P_SCHEMA)) subject.schema = 'Organization';
    queries.push({ subject, category: 'negative-org', detail, origin: locale, dob: 'none', nationality: false });
    made++;
  }
  return { queries, removed };
}
