import { LEXICON, LEXICON_ID_BASE, lexicon, lexiconClass } from './lexicon.js';
import { variantClassMembers, variantsVersion } from './variants.js';

/**
 * The spellings a variant id stands for, for explanations an officer reads ("Mukhammad and
 * Muhammad are recorded spellings of one name"): for dictionary classes Latin spellings first,
 * most frequent first, then native spellings; for lexicon classes the canonical form first.
 * Empty for an unknown id.
 */
export function describeVariantClass(id: number): readonly string[] {
  if (id >= LEXICON_ID_BASE) {
    const cls = lexiconClass(id);
    if (cls === undefined) return [];
    const forms = new Set<string>([cls.canon]);
    for (const c of LEXICON) {
      if (c.role === cls.role && c.canon === cls.canon && (c.use === 'sun') === (cls.use === 'sun')) for (const f of c.forms) forms.add(f);
    }
    return [...forms];
  }
  return variantClassMembers(id);
}

/**
 * Identifies the variant dictionary and lexicon in force. Anything stored that holds variant
 * ids (vetting keys) must be rebuilt when this changes.
 */
export function nameVariantsVersion(): string {
  return `${variantsVersion()}+lex${lexicon().byId.size}`;
}
