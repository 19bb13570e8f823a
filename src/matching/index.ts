/**
 * Matching: an immutable in-memory index of listed names and the scorer, in two steps.
 *
 * 1. Candidates (`MatchIndex.candidates`, used by the screener): every query part is expanded
 *    through the vocabulary of listed name parts (exact, variant class, consonant skeleton,
 *    one or two edits via hashed deletion keys, joined or split parts, and the names'
 *    alternatives: `Abd al-Hai` written `Abdulhai` on either side), and integer posting
 *    lists accumulate, per listed name, an upper bound of the score the alignment can reach.
 *    Rare parts go first; common ones ("LLC", "al") stop admitting new names once those could
 *    no longer qualify. Nothing the scorer would place at or above the threshold is skipped
 *    except by the candidate limit: `measureCandidateRecall` checks this against brute force.
 * 2. Scoring (`scoreSubject`, pure): parts aligned order-free and weighed by rarity and role,
 *    then date of birth, nationality, gender, documents and schema; every hit is explained.
 *
 * A subject name without a schema that ends or starts with a two-letter legal form (`UZGA AO`)
 * is also read as a company's (`NameForm.organizationReading`); the best reading counts.
 *
 * `createScreener(buildIndex(entities))` runs both and decides clear / review / match.
 * `index.toTransferable()` / `MatchIndex.fromTransferable()` share an index with worker threads.
 */
export { buildIndex, MatchIndex } from './match-index.js';
export type { BuildOptions, Candidate, CandidateOptions } from './match-index.js';
export { scoreSubject, compareSubjects } from './score-subject.js';
export type { ScoreOptions, ScoreResult } from './score-subject.js';
export { createScreener, DEFAULT_THRESHOLDS } from './screener.js';
export type { Screener, ScreenerOptions } from './screener.js';
export { measureCandidateRecall } from './recall.js';
export { warmUpMatching } from './warm-up.js';
// The weights a score is built from, for callers that bound scores before screening (vetting).
export { informationFactor, rarityWeight } from './token-weights.js';
export { SCORE_MODEL } from './score-model.js';
export type { RecallReport } from './recall.js';
export type { MatchExplanation } from './explanation.js';
export type { AlignedPart, UnmatchedPart } from './name-score.js';
export type { FeatureContribution, FeatureName } from './features.js';
export type { TransferableIndex } from './transferable.js';
export type { MatchHow } from './token-similarity.js';
