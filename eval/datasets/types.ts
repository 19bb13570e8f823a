import type { Subject } from '../../src/domain/index.js';
import type { DobMode } from './perturb.js';

/** One query of the evaluation with what the right answer is. */
export interface LabelledQuery {
  subject: Subject;
  /** Positives: the entity the subject is. Negatives: undefined. */
  expected?: string;
  /** Entities also accepted at rank 1: the same listing under another entry (see twinsOf). */
  acceptable?: string[];
  /** Positives: how the name was made (see CATEGORY_NOTES). Negatives: negative-person / negative-org. */
  category: string;
  /** Scheme, locale or steps, for reading failures. */
  detail: string;
  /** The listed name the subject was made from (positives) or the faker locale (negatives). */
  origin: string;
  dob: DobMode | 'random';
  nationality: boolean;
}

export interface DatasetSummary {
  seed: number;
  positives: number;
  negatives: number;
  negativeOrganisations: number;
  /** Generated negatives dropped because they are a listed name (folded, or with words reordered). */
  negativesRemovedAsListed: { exact: number; reordered: number; examples: string[] };
  byCategory: Record<string, number>;
  byLocale: Record<string, number>;
}

export const CATEGORY_NOTES: Record<string, string> = {
  'orig-script-arabic': 'UN NAME_ORIGINAL_SCRIPT (Arabic script) exactly as listed',
  'orig-script-arabic-respelled':
    'UN original-script name written another way: hamza/ta marbuta/alef maqsura, Persian letters, عبد joined or split, article or a middle part dropped',
  'orig-script-cyrillic': 'UN NAME_ORIGINAL_SCRIPT in Cyrillic, as listed or reordered',
  alias: 'a strong alias or former name (UN Good/a.k.a./f.k.a.), two words or more, as listed',
  'alias-weak': 'a weak alias (UN Low, OFAC Remarks a.k.a.), two words or more, as listed',
  'latin-from-cyrillic':
    'a Russian-sphere name re-romanised from its Cyrillic (UN original, or rebuilt from the listed spelling and checked by round trip) by ISO 9, BGN/PCGN, ICAO 9303, scholarly, French or German conventions',
  'cyrillic-script': 'a Russian-sphere Latin-listed name written in Cyrillic (rebuilt, round-trip checked)',
  'cyrillic-script-wd': 'a non-Russian name written in Cyrillic through the Wikidata table (all parts covered)',
  'arabic-respelled':
    'an Arabic-sphere Latin name re-spelled: real-world variant spellings of its parts, article forms, orthographic habits (ou/u, kh/h, q/k, vowels, gemination)',
  'arabic-script-wd': 'an Arabic-sphere Latin-listed name written in Arabic script through the Wikidata table (all parts covered)',
  'order-family-first': 'family name first (as in the MRZ or Chinese order)',
  'middle-dropped': 'a middle name, or the second of two surnames, left out',
  'middle-added': 'an extra middle name (a given name of another listed person of the same sphere)',
  typo: '1-2 keyboard typos (adjacent-key substitution, transposition, deletion) on words of 5+ letters',
  initials: 'middle names as initials',
  'org-legal-form': 'an organisation with its legal form written in another language or abbreviation (LLC/OOO/ООО, JSC/AO, CO LTD/LIMITED...)',
  'org-word-order': 'an organisation with its legal form moved from front to back or back to front',
  'org-cyrillic': 'a Russian organisation written in Cyrillic with its legal form (ООО «...»)',
};
