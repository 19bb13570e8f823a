import { countryName, type Entity, type EntitySchema, type Subject } from '../../src/domain/index.js';
import { foldName, foldNameSorted } from '../fold.js';
import type { Rng } from '../prng.js';
import { closeVariants, latinWords, renderArabicScript, respellArabicLatin, respellArabicScript, isKnownArabicNamePart } from '../translit/arabic.js';
import {
  CYRILLIC_SCHEMES,
  cyrillicFromLatin,
  renderCyrillicWikidata,
  romaniseCyrillic,
  type CyrillicScheme,
} from '../translit/cyrillic.js';
import type { TranslitTable } from '../translit/wikidata.js';
import {
  isArabicSphere,
  isEastAsian,
  isRussianSphere,
  listedBirthDate,
  personName,
  primaryName,
  twinsOf,
  type NameOwners,
  type PersonName,
} from './entities.js';
import { swapLegalForm, moveLegalForm, cyrillicOrganisation } from './organisations.js';
import { documentBirthDate, middleInitials, nameUnits, titleCase, withTypos } from './perturb.js';
import type { LabelledQuery } from './types.js';

export interface PositiveContext {
  entities: readonly Entity[];
  owners: NameOwners;
  arabic: TranslitTable;
  russian: TranslitTable;
  rng: Rng;
}

/** How many positives each category gets (fewer when the lists hold fewer candidates). */
export const POSITIVE_QUOTAS: Record<string, number> = {
  'orig-script-arabic': 400,
  'orig-script-arabic-respelled': 400,
  'orig-script-cyrillic': 40,
  alias: 350,
  'alias-weak': 200,
  'latin-from-cyrillic': 600,
  'cyrillic-script': 250,
  'cyrillic-script-wd': 150,
  'arabic-respelled': 600,
  'arabic-script-wd': 350,
  'order-family-first': 250,
  'middle-dropped': 250,
  'middle-added': 200,
  typo: 350,
  initials: 200,
  'org-legal-form': 250,
  'org-word-order': 150,
  'org-cyrillic': 100,
};

interface Made {
  name: string;
  detail: string;
  /**
   * How far the name must differ from the entity's own listed names: `none` for the verbatim
   * categories, `order` when only a new word order is the point, `words` (default) when the
   * words themselves must change.
   */
  differ?: 'none' | 'order' | 'words';
}

type Maker = (entity: Entity, rng: Rng) => Made | undefined;

const P_DOB = 0.6;
const P_NATIONALITY = 0.3;
const P_SCHEMA = 0.8;

/** Passports print capitals; forms and lists use title case. */
function present(words: readonly string[], rng: Rng): string {
  const upper = rng.chance(0.4);
  return words.map((w) => (upper ? w.toUpperCase() : titleCase(w))).join(' ');
}

function isLatin(text: string): boolean {
  return /^[\p{Script=Latin}\P{L}]*$/u.test(text);
}

function wordCount(text: string): number {
  return foldName(text).split(' ').filter((w) => w !== '').length;
}

function subjectFor(entity: Entity, name: string, index: number, rng: Rng): { subject: Subject; dob: LabelledQuery['dob']; nationality: boolean } {
  const subject: Subject = { id: `pos-${index}`, name };
  if (rng.chance(P_SCHEMA)) subject.schema = entity.schema as EntitySchema;
  let dob: LabelledQuery['dob'] = 'none';
  let nationality = false;
  if (entity.schema === 'Person') {
    const choice = documentBirthDate(listedBirthDate(entity, rng), rng, P_DOB);
    dob = choice.mode;
    if (choice.value !== undefined) subject.birthDate = choice.value;
    const countries = [...entity.nationalities, ...entity.citizenships];
    if (countries.length > 0 && rng.chance(P_NATIONALITY)) {
      const code = rng.pick(countries);
      subject.nationality = rng.chance(0.5) ? code : countryName(code);
      nationality = true;
    }
  }
  return { subject, dob, nationality };
}

export function buildPositives(ctx: PositiveContext): LabelledQuery[] {
  const { entities, owners, arabic, russian } = ctx;
  const persons = entities.filter((e) => e.schema === 'Person');
  const organisations = entities.filter((e) => e.schema === 'Organization');
  const out: LabelledQuery[] = [];
  const used = new Set<string>();

  /** Runs a maker over shuffled candidates until the category's quota is met. */
  const fill = (category: string, candidates: readonly Entity[], make: Maker, passes = 1): void => {
    const quota = POSITIVE_QUOTAS[category] ?? 0;
    const rng = ctx.rng.fork(category);
    let made = 0;
    const order = rng.shuffle(candidates);
    for (const entity of Array.from({ length: passes }, () => order).flat()) {
      if (made >= quota) break;
      const m = make(entity, rng);
      if (m === undefined) continue;
      const folded = foldName(m.name);
      if (folded === '' || wordCount(m.name) < 1) continue;
      const twins = twinsOf(entity, owners);
      // Another listing's name: the subject would be that entity as much as this one.
      const holders = owners.exact.get(folded);
      if (holders !== undefined && [...holders].some((id) => !twins.has(id))) continue;
      const differ = m.differ ?? 'words';
      if (differ !== 'none' && holders?.has(entity.id) === true) continue;
      if (differ === 'words' && owners.sorted.get(foldNameSorted(m.name))?.has(entity.id) === true) continue;
      const key = `${category}|${entity.id}|${folded}`;
      if (used.has(key)) continue;
      used.add(key);
      const { subject, dob, nationality } = subjectFor(entity, m.name, out.length, rng);
      out.push({
        subject,
        expected: entity.id,
        ...(twins.size > 1 ? { acceptable: [...twins].filter((id) => id !== entity.id) } : {}),
        category,
        detail: m.detail,
        origin: primaryName(entity).full,
        dob,
        nationality,
      });
      made++;
    }
  };

  const namesOf = (e: Entity, kinds: readonly string[]) => e.names.filter((n) => kinds.includes(n.kind));
  const natural = (p: PersonName): string[] => [...p.given, ...p.family];
  const russianLookup = (w: string): string | undefined => russian.toNative(w);

  // --- Original script (UN) -----------------------------------------------------------------
  const withArabicOriginal = entities.filter((e) => namesOf(e, ['original_script']).some((n) => n.script === 'Arab'));
  const arabicOriginal = (e: Entity): string => namesOf(e, ['original_script']).find((n) => n.script === 'Arab')!.full;
  fill('orig-script-arabic', withArabicOriginal, (e) => ({ name: arabicOriginal(e), detail: 'as listed', differ: 'none' }));
  fill(
    'orig-script-arabic-respelled',
    withArabicOriginal,
    (e, rng) => {
      const r = respellArabicScript(arabicOriginal(e), rng);
      return r === undefined ? undefined : { name: r.text, detail: r.steps.join(',') };
    },
    3,
  );
  const withCyrillicOriginal = entities.filter((e) => namesOf(e, ['original_script']).some((n) => n.script === 'Cyrl'));
  const cyrillicOriginal = (e: Entity): string => namesOf(e, ['original_script']).find((n) => n.script === 'Cyrl')!.full;
  fill('orig-script-cyrillic', [...withCyrillicOriginal, ...withCyrillicOriginal], (e, rng) => {
    const words = cyrillicOriginal(e).split(' ');
    if (rng.chance(0.5) || words.length < 2) return { name: words.join(' '), detail: 'as listed', differ: 'none' };
    return { name: [...words.slice(1), words[0]!].join(' '), detail: 'reordered', differ: 'order' };
  });

  // --- Aliases ------------------------------------------------------------------------------
  // Two words of two letters or more: "E.K.T.", "SAM 5" or a lone nickname would test nothing useful.
  const twoRealWords = (text: string): boolean => text.split(/\s+/).filter((w) => (w.match(/\p{L}/gu)?.length ?? 0) >= 2).length >= 2;
  const aliasOf = (kinds: readonly string[]) => (e: Entity, rng: Rng): Made | undefined => {
    const names = namesOf(e, kinds).filter((n) => isLatin(n.full) && twoRealWords(n.full));
    if (names.length === 0) return undefined;
    const n = rng.pick(names);
    return { name: n.full, detail: n.kind, differ: 'none' };
  };
  const peopleAndOrganisations = [...persons, ...organisations];
  fill('alias', peopleAndOrganisations, aliasOf(['alias', 'former']));
  fill('alias-weak', peopleAndOrganisations, aliasOf(['weak_alias']));

  // --- Cyrillic -----------------------------------------------------------------------------
  const russianPersons = persons.filter(isRussianSphere);
  let schemeTurn = 0;
  const nextScheme = (): CyrillicScheme => CYRILLIC_SCHEMES[schemeTurn++ % CYRILLIC_SCHEMES.length]!;
  // The UN's own Cyrillic first: every scheme for each, as these are the most genuine.
  const latinFromCyrillic = (e: Entity, rng: Rng): Made | undefined => {
    const original = namesOf(e, ['original_script']).find((n) => n.script === 'Cyrl');
    const scheme = nextScheme();
    if (original !== undefined) return { name: romaniseCyrillic(original.full, scheme), detail: `${scheme} (UN original)` };
    const p = personName(e);
    if (p === undefined) return undefined;
    const cyr = cyrillicFromLatin(natural(p).join(' '), russianLookup);
    if (cyr === undefined) return undefined;
    return { name: present(romaniseCyrillic(cyr.toLowerCase(), scheme).split(' '), rng), detail: scheme };
  };
  const unCyrillicPersons = withCyrillicOriginal.filter((e) => e.schema === 'Person');
  fill('latin-from-cyrillic', [...Array.from({ length: CYRILLIC_SCHEMES.length }, () => unCyrillicPersons).flat(), ...russianPersons], latinFromCyrillic);

  fill('cyrillic-script', russianPersons, (e, rng) => {
    const p = personName(e);
    if (p === undefined) return undefined;
    // Russian documents write Family Given Patronymic.
    const familyFirst = rng.chance(0.4);
    const words = familyFirst ? [...p.family, ...p.given] : natural(p);
    const cyr = cyrillicFromLatin(titleCase(words.join(' ')), russianLookup);
    return cyr === undefined ? undefined : { name: cyr, detail: familyFirst ? 'family-first' : 'given-first' };
  });
  // Arabic names as Russian-language documents write them (Central Asia, the Caucasus).
  fill('cyrillic-script-wd', persons.filter((e) => !isRussianSphere(e) && isArabicSphere(e)), (e) => {
    const p = personName(e);
    if (p === undefined) return undefined;
    const cyr = renderCyrillicWikidata(latinWords(natural(p).join(' ')), russianLookup, closeVariants);
    return cyr === undefined ? undefined : { name: cyr, detail: e.source };
  });

  // --- Arabic -------------------------------------------------------------------------------
  // People with an Arabic-origin name: at least one part is a known Arabic name part (so a
  // French convert listed for Syria is not re-spelled as if his names were Arabic).
  const arabicPersons = persons.filter((e) => !isRussianSphere(e) && latinWords(primaryName(e).full).some(isKnownArabicNamePart));
  fill('arabic-respelled', arabicPersons, (e, rng) => {
    const p = personName(e);
    if (p === undefined) return undefined;
    const r = respellArabicLatin(natural(p).join(' '), rng);
    return r === undefined ? undefined : { name: present(r.text.split(' '), rng), detail: r.steps.join(',') };
  });
  fill('arabic-script-wd', arabicPersons, (e) => {
    const p = personName(e);
    if (p === undefined) return undefined;
    const rendered = renderArabicScript(natural(p).join(' '), arabic);
    return rendered === undefined ? undefined : { name: rendered, detail: e.source };
  });

  // --- Structure ----------------------------------------------------------------------------
  fill('order-family-first', persons, (e, rng) => {
    const p = personName(e);
    if (p === undefined) return undefined;
    return { name: present([...p.family, ...p.given], rng), detail: e.source, differ: 'order' };
  });
  // East Asian and Burmese given names split in syllables ("Su Xuan", "Win Min") are one name.
  const withMiddleNames = persons.filter((e) => !isEastAsian(e));
  fill('middle-dropped', withMiddleNames, (e, rng) => {
    const p = personName(e);
    if (p === undefined) return undefined;
    const units = nameUnits(p.given);
    if (units.length >= 2) {
      const drop = 1 + rng.int(units.length - 1);
      return { name: present([...units.filter((_, i) => i !== drop).flat(), ...p.family], rng), detail: 'middle-dropped' };
    }
    // Only where the list says which part is the family name (OFAC), not for UN positional parts.
    const explicitFamily = primaryName(e).parts?.some((part) => part.role === 'family') === true;
    if (explicitFamily && p.family.length === 2 && !/^(al|el|bin|ben|abu|de|del|van|von|da|di)$/i.test(p.family[0]!)) {
      return { name: present([...p.given, p.family[0]!], rng), detail: 'second-surname-dropped' };
    }
    return undefined;
  });
  // Given names of other listed people of the same nationality: a plausible extra middle name.
  const givenByCountry = new Map<string, string[]>();
  for (const e of persons) {
    const given = (personName(e)?.given ?? []).filter((w) => /^\p{L}{3,}$/u.test(w) && !/(vich|vna|ogly|kyzy)$/i.test(w));
    for (const c of new Set([...e.nationalities, ...e.citizenships])) {
      const list = givenByCountry.get(c) ?? [];
      list.push(...given);
      givenByCountry.set(c, list);
    }
  }
  // Russians have one patronymic, and East Asian names no middle name: an added one is not realistic there.
  const noMiddleNames = new Set(['CN', 'TW', 'HK', 'KP', 'KR', 'JP', 'VN']);
  const mayAddMiddle = (e: Entity): boolean =>
    !isRussianSphere(e) && !isEastAsian(e) && ![...e.nationalities, ...e.citizenships].some((c) => noMiddleNames.has(c));
  fill('middle-added', persons.filter(mayAddMiddle), (e, rng) => {
    const p = personName(e);
    if (p === undefined) return undefined;
    const countries = [...e.nationalities, ...e.citizenships].filter((c) => (givenByCountry.get(c)?.length ?? 0) >= 20);
    if (countries.length === 0) return undefined;
    const extra = rng.pick(givenByCountry.get(rng.pick(countries))!);
    if (p.given.some((g) => g.toLowerCase() === extra.toLowerCase())) return undefined;
    // After the first given name (with its particle: "Abdul Qadeer <extra>").
    const [first, ...rest] = nameUnits(p.given);
    return { name: present([...first!, extra, ...rest.flat(), ...p.family], rng), detail: 'middle-added' };
  });
  fill('typo', [...persons, ...organisations.filter((_, i) => i % 3 === 0)], (e, rng) => {
    const p = e.schema === 'Person' ? personName(e) : undefined;
    const words = p === undefined ? primaryName(e).full.split(/\s+/) : natural(p);
    if (!isLatin(words.join(' '))) return undefined;
    const t = withTypos(words, rng);
    if (t === undefined) return undefined;
    return { name: p === undefined ? t.words.join(' ') : present(t.words, rng), detail: t.steps.join(',') };
  });
  fill('initials', withMiddleNames, (e, rng) => {
    const p = personName(e);
    if (p === undefined) return undefined;
    const given = middleInitials(p.given, rng);
    return given === undefined ? undefined : { name: present([...given, ...p.family], rng), detail: 'initials' };
  });

  // --- Organisations ------------------------------------------------------------------------
  fill('org-legal-form', organisations, (e, rng) => {
    const r = swapLegalForm(primaryName(e).full, rng);
    return r === undefined ? undefined : { name: r.text, detail: r.detail };
  });
  fill('org-word-order', organisations, (e, rng) => {
    const r = moveLegalForm(primaryName(e).full, rng);
    return r === undefined ? undefined : { name: r.text, detail: r.detail };
  });
  fill('org-cyrillic', organisations.filter(isRussianSphere), (e, rng) => {
    const r = cyrillicOrganisation(primaryName(e).full, russianLookup, rng);
    return r === undefined ? undefined : { name: r.text, detail: r.detail };
  });

  return out;
}
