import { SegmentIndex } from './segment-index.js';
import type { Term } from './subject-keys.js';

/**
 * The distinct terms of every enrolled subject, in memory while a vetting run expands list
 * changes against them. It holds terms only (far fewer than subjects: names repeat); which
 * subject carries a term stays in the database. Terms are only ever added, so a long-lived
 * process tops its copy up with the terms added since (`Vocabulary.lastId`).
 */
export class Vocabulary {
  private readonly segmentIndex = new SegmentIndex();
  /** Segment-index text id -> term ids with that text (several when scripts differ). */
  private readonly termsOfText: number[][] = [];
  private readonly textId = new Map<string, number>();
  private readonly bySkeleton = new Map<string, number[]>();
  private readonly byVariant = new Map<number, number[]>();
  private readonly textOfTerm = new Map<number, string>();
  private readonly abjadTerms = new Set<number>();
  private maxId = 0;

  /** The largest term id held. */
  get lastId(): number {
    return this.maxId;
  }

  get size(): number {
    return this.textOfTerm.size;
  }

  add(id: number, term: Term): void {
    if (this.textOfTerm.has(id)) return;
    this.textOfTerm.set(id, term.text);
    if (term.abjad) this.abjadTerms.add(id);
    if (id > this.maxId) this.maxId = id;
    let t = this.textId.get(term.text);
    if (t === undefined) {
      t = this.segmentIndex.add(term.text);
      this.textId.set(term.text, t);
      this.termsOfText[t] = [];
    }
    this.termsOfText[t]?.push(id);
    push(this.bySkeleton, term.skeleton, id);
    for (const v of term.variantIds) push(this.byVariant, v, id);
  }

  /** The text of a term id, or undefined for an id not loaded. */
  text(id: number): string | undefined {
    return this.textOfTerm.get(id);
  }

  /** Whether the term was romanised from a script without short vowels. */
  abjad(id: number): boolean {
    return this.abjadTerms.has(id);
  }

  exact(text: string, emit: (id: number) => void): void {
    const t = this.textId.get(text);
    if (t !== undefined) for (const id of this.termsOfText[t] ?? []) emit(id);
  }

  skeleton(skeleton: string, emit: (id: number) => void): void {
    for (const id of this.bySkeleton.get(skeleton) ?? []) emit(id);
  }

  variant(variantId: number, emit: (id: number) => void): void {
    for (const id of this.byVariant.get(variantId) ?? []) emit(id);
  }

  /** Terms whose text the screener's typo rule relates to `text`. */
  typoNeighbours(text: string, emit: (id: number) => void): void {
    this.segmentIndex.typoNeighbours(text, (t) => {
      for (const id of this.termsOfText[t] ?? []) emit(id);
    });
  }

  /** Terms whose text is within `edits` (1 or 2) of `text`. */
  within(text: string, edits: number, emit: (id: number) => void): void {
    this.segmentIndex.within(text, edits, (t) => {
      for (const id of this.termsOfText[t] ?? []) emit(id);
    });
  }
}

function push<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [id]);
  else list.push(id);
}
