/**
 * How much a name part tells: rarity from the index (entities carrying the token), smoothed
 * towards a prior so that a small list does not make every word "common" and a huge one does
 * not make every word "rare". The reference population is fixed, so a weight means the same on
 * the OFAC list, the UN list and a million synthetic names: that keeps thresholds comparable.
 */

/** A token seen in one entity out of this many or fewer counts as fully informative. */
const REFERENCE_POPULATION = 5000;
/** Pseudo-count of the prior, in entities. */
const PRIOR_WEIGHT = 5000;
const MIN_WEIGHT = 0.05;
const LOG_REF = Math.log(REFERENCE_POPULATION);

/**
 * Name parts known to be common among listed and travelling people alike, with their rough
 * share of entities. Only a prior: the index's own counts dominate on a real list.
 */
const COMMON_PRIOR: Readonly<Record<string, number>> = {
  mohammed: 0.04, mohammad: 0.04, muhammad: 0.04, mohamed: 0.04, mohamad: 0.03, muhammed: 0.03,
  ahmed: 0.03, ahmad: 0.03, ali: 0.03, abdul: 0.03, abd: 0.02, abdel: 0.02, abu: 0.02,
  hassan: 0.015, hasan: 0.015, hussein: 0.015, husain: 0.015, hussain: 0.015, ibrahim: 0.015,
  abdullah: 0.015, abdallah: 0.015, khan: 0.015, omar: 0.01, umar: 0.01, mahmoud: 0.01, mahmud: 0.01,
  mustafa: 0.01, yusuf: 0.01, youssef: 0.01, said: 0.01, saeed: 0.01, salim: 0.01, rahman: 0.015,
  ivan: 0.01, vladimir: 0.01, alexander: 0.01, aleksandr: 0.01, sergey: 0.01, sergei: 0.01,
  john: 0.01, david: 0.01, michael: 0.01, jose: 0.01, maria: 0.01, juan: 0.01, carlos: 0.01,
  kim: 0.02, lee: 0.015, li: 0.02, wang: 0.02, zhang: 0.02, chen: 0.015, liu: 0.015, nguyen: 0.02,
  smith: 0.005, trading: 0.01, international: 0.01, company: 0.01, group: 0.01, bank: 0.01,
};

/**
 * Short parts have few possible spellings, so each is common in any population even when a
 * list holds few of them: Chinese, Korean and Vietnamese syllables (Yu, Li, Le, Xin, Jin)
 * would otherwise count as rare names.
 */
const SHORT_PRIOR = [0, 0, 0.02, 0.004];

export function priorShare(text: string): number {
  const known = COMMON_PRIOR[text];
  if (known !== undefined) return known;
  const short = text.length < SHORT_PRIOR.length ? (SHORT_PRIOR[text.length] as number) : 0;
  return short > 0 ? short : 1 / REFERENCE_POPULATION;
}

/** Rarity weight in [0.05, 1] of a token carried by `df` of `entityCount` entities. */
export function rarityWeight(text: string, df: number, entityCount: number): number {
  const p = (df + PRIOR_WEIGHT * priorShare(text)) / (entityCount + PRIOR_WEIGHT);
  const w = Math.log(1 / p) / LOG_REF;
  return w < MIN_WEIGHT ? MIN_WEIGHT : w > 1 ? 1 : w;
}

/**
 * Weight of information a name match must carry to count in full: one rare part, or two
 * middling ones. Below it the name score is damped (`informationFactor`), so "Mohammed Ali"
 * matching "Mohammed Ali" exactly reaches review, not match.
 */
export const FULL_INFORMATION = 1.2;

export function informationFactor(information: number): number {
  const f = 0.55 + (0.45 * information) / FULL_INFORMATION;
  return f > 1 ? 1 : f;
}
