/**
 * Name analysis: the one way a name becomes matchable. The matching index, queries, vetting keys
 * and explanations all call `analyseName`, so they can never drift apart. See README.md here for
 * how the matcher should use a `NameForm` (candidate keys, scoring, weights).
 *
 * - `analyseName(raw, hints?)`: the analysis (pure, synchronous, never throws).
 * - `analyseSubjectName(raw, schema?, { remember })`: the same for a subject's name, which a
 *   server's screening remembers a while for the enrolment that follows.
 * - `skeletonOf(word)`: the skeleton of any folded word, for keys built outside a form.
 * - `vowelKey(word)`: its vowels, normalised, for words whose skeleton is too short to tell.
 * - `vowelPatternOf(word)`: where its vowels sit around the skeleton (Silva / Slava differ).
 * - `foldLatinWord(word)`: Latin folding alone (diacritics, ß, ø, ı, ə ...).
 * - `describeVariantClass(id)`: the spellings a variant id stands for, for explanations.
 * - `nameVariantsVersion()`: identifies the dictionary; stored variant ids follow it.
 */
export { analyseName, analyseSubjectName, ROLE_WEIGHT } from './analyse-name.js';
export { skeletonOf, vowelKey, vowelPatternOf } from './skeleton.js';
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
