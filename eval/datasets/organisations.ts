import type { Rng } from '../prng.js';
import { cyrillicFromLatin } from '../translit/cyrillic.js';
import { titleCase } from './perturb.js';

/**
 * Legal forms as they are written in different languages and abbreviations. Each group is one
 * form; the first spelling of a Russian form's group that is in Cyrillic is how a Russian
 * document writes it.
 */
export const LEGAL_FORM_GROUPS: readonly (readonly string[])[] = [
  ['LIMITED LIABILITY COMPANY', 'LLC', 'L.L.C.', 'OOO', 'ООО', 'OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU', 'OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTIU'],
  ['JOINT STOCK COMPANY', 'JSC', 'AO', 'АО', 'AKTSIONERNOE OBSHCHESTVO', 'JOINT-STOCK COMPANY'],
  ['PUBLIC JOINT STOCK COMPANY', 'PJSC', 'PAO', 'ПАО', 'PUBLICHNOE AKTSIONERNOE OBSHCHESTVO'],
  ['OPEN JOINT STOCK COMPANY', 'OJSC', 'OAO', 'ОАО', 'OTKRYTOE AKTSIONERNOE OBSHCHESTVO'],
  ['CLOSED JOINT STOCK COMPANY', 'CJSC', 'ZAO', 'ЗАО', 'ZAKRYTOE AKTSIONERNOE OBSHCHESTVO'],
  ['CO., LTD.', 'CO LTD', 'COMPANY LIMITED', 'CO. LIMITED', 'COMPANY LTD'],
  ['LIMITED', 'LTD', 'LTD.'],
  ['S.A. DE C.V.', 'SA DE CV', 'SOCIEDAD ANONIMA DE CAPITAL VARIABLE'],
  ['S.A.', 'SA', 'SOCIEDAD ANONIMA'],
  ['LIMITED SIRKETI', 'LTD. STI.', 'LTD STI', 'LIMITED COMPANY'],
  ['ANONIM SIRKETI', 'A.S.', 'AS'],
  ['INC.', 'INC', 'INCORPORATED'],
  ['CORP.', 'CORP', 'CORPORATION'],
  ['GMBH', 'G.M.B.H.', 'GESELLSCHAFT MIT BESCHRANKTER HAFTUNG'],
  ['FZE', 'F.Z.E.', 'FREE ZONE ESTABLISHMENT'],
  ['FZCO', 'FZC', 'FREE ZONE COMPANY'],
  ['PTE. LTD.', 'PTE LTD', 'PRIVATE LIMITED'],
  ['SARL', 'S.A.R.L.', 'SOCIETE A RESPONSABILITE LIMITEE'],
  ['SAL', 'S.A.L.', 'SOCIETE ANONYME LIBANAISE'],
  ['EOOD', 'ЕООД'],
  ['OOD', 'ООД'],
  ['LTDA', 'LTDA.', 'LIMITADA'],
  ['SDN BHD', 'SDN. BHD.', 'SENDIRIAN BERHAD'],
  ['S.R.L.', 'SRL'],
  ['S.A.S.', 'SAS', 'SOCIEDAD POR ACCIONES SIMPLIFICADA'],
  ['LLP', 'LIMITED LIABILITY PARTNERSHIP'],
  ['PLC', 'P.L.C.', 'PUBLIC LIMITED COMPANY'],
];

const RUSSIAN_FORMS = new Set([0, 1, 2, 3, 4]);
const RUSSIAN_LANGUAGE_FORM = /^(OOO|AO|PAO|OAO|ZAO|OBSHCHESTVO|AKTSIONERNOE|PUBLICHNOE|OTKRYTOE|ZAKRYTOE|\p{Script=Cyrillic})/u;

const ENGLISH_WORDS = new Set(
  ('GROUP ENERGY RUSSIAN TRADE TRADING SERVICE SERVICES HOLDING HOLDINGS INTERNATIONAL COMPANY TECHNOLOGIES ' +
    'TECHNOLOGY SYSTEMS ENGINEERING PLANT KING TURBO MANAGEMENT DEVELOPMENT INDUSTRIES LOGISTICS SHIPPING ' +
    'MARINE GLOBAL CAPITAL PARTNERS CONSULTING SECURITY FACTORY BANK INVESTMENTS INVESTMENT ELECTRONICS DESIGN ' +
    'BUREAU RESEARCH INSTITUTE CENTER CENTRE SCIENTIFIC PRODUCTION ASSOCIATION STATE FEDERAL NATIONAL UNITED ' +
    'MOTOR OIL GAS POWER ELECTRIC LIMITED TECH SOLUTIONS SUPPLY AIRLINES AVIATION FUND FOUNDATION AND OF THE ' +
    'FOR SOUTH NORTH EAST WEST NEW CONSTRUCTION COMMERCIAL SHIP YARD SHIPYARD REPAIR WORKS SCIENCE AGENCY')
    .split(' '),
);

function tokens(text: string): string[] {
  return text
    .toUpperCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((t) => t !== '');
}

interface FormHit {
  group: number;
  spelling: string;
  at: 'start' | 'end';
  length: number;
}

/** The longest legal form at the start or the end of a name. */
export function findLegalForm(name: string): FormHit | undefined {
  const words = tokens(name);
  let best: FormHit | undefined;
  LEGAL_FORM_GROUPS.forEach((group, g) => {
    for (const spelling of group) {
      const form = tokens(spelling);
      if (form.length >= words.length) continue;
      const startMatch = form.every((t, i) => words[i] === t);
      const endMatch = form.every((t, i) => words[words.length - form.length + i] === t);
      for (const at of [startMatch ? 'start' : undefined, endMatch ? 'end' : undefined] as const) {
        if (at === undefined) continue;
        if (best === undefined || form.length > best.length) best = { group: g, spelling, at, length: form.length };
      }
    }
  });
  return best;
}

function rest(name: string, hit: FormHit): string[] {
  const words = tokens(name);
  return hit.at === 'start' ? words.slice(hit.length) : words.slice(0, words.length - hit.length);
}

function place(form: string, body: readonly string[], at: 'start' | 'end', rng: Rng): string {
  const text = body.join(' ');
  if (at === 'start') return `${form} ${rng.chance(0.3) ? `"${text}"` : text}`;
  return `${text}${rng.chance(0.4) ? ',' : ''} ${form}`;
}

export interface OrgVariant {
  text: string;
  detail: string;
}

/** The legal form written in another language or abbreviation, in the same place. */
export function swapLegalForm(name: string, rng: Rng): OrgVariant | undefined {
  const hit = findLegalForm(name);
  if (hit === undefined) return undefined;
  const group = LEGAL_FORM_GROUPS[hit.group]!;
  const current = tokens(hit.spelling).join(' ');
  // Cyrillic forms go with a Cyrillic body (org-cyrillic), not in front of a Latin one.
  const others = group.filter((s) => tokens(s).join(' ') !== current && !/\p{Script=Cyrillic}/u.test(s));
  if (others.length === 0) return undefined;
  const form = rng.pick(others);
  // Russian-language forms are written in front of the name, whatever the listed order.
  const at = RUSSIAN_LANGUAGE_FORM.test(form) ? 'start' : hit.at;
  return { text: place(form, rest(name, hit), at, rng), detail: `${hit.spelling} -> ${form}` };
}

/**
 * The legal form moved from the front to the back of the name, or back to front: only for the
 * Russian forms, which are written in front in Russian and behind in English.
 */
export function moveLegalForm(name: string, rng: Rng): OrgVariant | undefined {
  const hit = findLegalForm(name);
  if (hit === undefined || !RUSSIAN_FORMS.has(hit.group)) return undefined;
  const group = LEGAL_FORM_GROUPS[hit.group]!;
  // Russian forms move as their abbreviation ("STEK LLC"), as they are written after a name.
  const form = RUSSIAN_FORMS.has(hit.group) && rng.chance(0.5) ? group[1]! : hit.spelling;
  const to = hit.at === 'start' ? 'end' : 'start';
  return { text: place(form, rest(name, hit), to, rng), detail: `${hit.at} -> ${to} (${form})` };
}

/** A Russian organisation as a Russian document writes it: ООО «Стек». */
export function cyrillicOrganisation(
  name: string,
  lookup: (word: string) => string | undefined,
  rng: Rng,
): OrgVariant | undefined {
  const hit = findLegalForm(name);
  if (hit === undefined || !RUSSIAN_FORMS.has(hit.group)) return undefined;
  const body = rest(name, hit);
  // English words in a listed Russian name are translations; a Russian document would not spell them out.
  if (body.some((w) => ENGLISH_WORDS.has(w))) return undefined;
  const cyrillic = cyrillicFromLatin(titleCase(body.join(' ')), lookup);
  if (cyrillic === undefined) return undefined;
  const form = LEGAL_FORM_GROUPS[hit.group]!.find((s) => /\p{Script=Cyrillic}/u.test(s))!;
  const quoted = rng.pick([`«${cyrillic}»`, `"${cyrillic}"`, cyrillic.toUpperCase(), cyrillic]);
  return { text: `${form} ${quoted}`, detail: `${hit.spelling} -> ${form}` };
}
