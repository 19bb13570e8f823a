import { MAX_FEATURE_LIFT } from './features.js';
import { ALT_SIM } from './name-score.js';
import { JOINED_SIM } from './query.js';
import { SIM_INITIAL, SIM_SKELETON, SIM_VARIANT } from './token-similarity.js';
import { FULL_INFORMATION } from './token-weights.js';

/**
 * The constants the scorer builds a score from, for callers that bound scores before paying for
 * a screening (recurrent vetting): read from the scorer's own definitions, so a tuning of the
 * scorer moves the bound with it.
 */
export const SCORE_MODEL = Object.freeze({
  /** What an initial scores against a full part. */
  initial: SIM_INITIAL,
  /** The most two different texts score: a variant, a skeleton, a typo (capped at the variant's), joined or split parts, an alternative spelling. */
  inexact: Math.max(SIM_VARIANT, SIM_SKELETON, JOINED_SIM, ALT_SIM),
  /** The most the features other than a document add: birth date to the day plus nationality. */
  lift: MAX_FEATURE_LIFT,
  /** Information (summed rarity) counted in full. */
  fullInformation: FULL_INFORMATION,
});
