import { rarityWeight } from '../matching/index.js';

/**
 * How much a name part weighs in the screener's score: its rarity among the listed entities
 * times its role's prior. The screener counts rarity inside its index; vetting counts it here,
 * over the same listed entities, to bound scores before it pays for a screening, with the
 * matcher's own formula. `confirmScoreModel` checks the result against the screener's
 * explanations at the start of every run; when they disagree the run screens every candidate
 * instead of bounding: slower, never wrong.
 */
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
    return rarityWeight(text, this.df.get(text) ?? 0, this.entities);
  }
}
