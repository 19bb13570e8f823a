/**
 * Name analysis: the one way a name becomes matchable. The matching index, queries, vetting keys
 * and explanations all call `analyseName`, so they can never drift apart.
 *
 * How the matcher should use a `NameForm`:
 * - Candidate keys: each identifying token's `text`, `skeleton` and `variantIds`, and the same
 *   three of every `alternatives` entry (so `Albaghdadi` meets `al-Baghdadi` and `Jong Un` meets
 *   `Jong-un`). Index alternatives on one side and look them up on the other, or both.
 * - Scoring: tokens agree, from strongest to weakest, on equal `text`; a shared `variantIds`
 *   entry (recorded spellings of one name across scripts); equal `skeleton` of 3+ letters;
 *   small edit distance on `text`. An alternative that matches stands for the tokens it spans.
 *   Weigh each token by `weight` times its rarity; particles, titles and legal forms never
 *   make a match on their own. Roles are advisory: the matcher should be order-free.
 * - `key` and `skeletonKey` are order-free whole-name keys for an exact fast path.
 */
export { analyseName, ROLE_WEIGHT } from './analyse-name.js';
export { skeletonOf } from './skeleton.js';
export { foldLatinWord } from './fold-latin.js';
export { describeVariantClass, nameVariantsVersion } from './describe.js';
export type {
  AlternativeReason,
  NameAlternative,
  NameForm,
  NameHints,
  NameKind,
  NameToken,
  Script,
  TokenRole,
} from './types.js';
