/**
 * How much a name part weighs in the screener's score: its rarity among the listed entities
 * times its role's prior. The screener computes this inside its index; vetting needs it to
 * bound scores before it pays for a screening, so the formula is restated here (from
 * src/matching/token-weights.ts) and `confirmScoreModel` checks it against the screener's own
 * explanations at the start of every run. When they disagree the run screens every candidate
 * instead of bounding: slower, never wrong.
 */

const REFERENCE_POPULATION = 5000;
const PRIOR_WEIGHT = 5000;
const MIN_WEIGHT = 0.05;
const LOG_REF = Math.log(REFERENCE_POPULATION);

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

/** Short parts have few spellings, so each is common in any population (`SHORT_PRIOR`). */
const SHORT_PRIOR = [0, 0, 0.02, 0.004];

function priorShare(text: string): number {
  const known = COMMON_PRIOR[text];
  if (known !== undefined) return known;
  const short = text.length < SHORT_PRIOR.length ? (SHORT_PRIOR[text.length] as number) : 0;
  return short > 0 ? short : 1 / REFERENCE_POPULATION;
}

/** Entity frequency of every part text among the listed entities, as the index counts it. */
export class ListedFrequencies {
  private readonly df = new Map<string, number>();
  private entities = 0;

  get entityCount(): number {
    return this.entities;
  }

  addEntity(texts: ReadonlySet<string>): void {
    this.entities += 1;
    for (const text of texts) this.df.set(text, (this.df.get(text) ?? 0) + 1);
  }

  /** Rarity weight in [0.05, 1] of a part text (role not applied). */
  rarity(text: string): number {
    const p = ((this.df.get(text) ?? 0) + PRIOR_WEIGHT * priorShare(text)) / (this.entities + PRIOR_WEIGHT);
    const w = Math.log(1 / p) / LOG_REF;
    return w < MIN_WEIGHT ? MIN_WEIGHT : w > 1 ? 1 : w;
  }
}
