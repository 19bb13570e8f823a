import type { Address, IdentityDocument, Listing, Relation } from '../../domain/index.js';

/** Where a folded record came from, to report it when its target never shows up. */
export interface FoldOrigin {
  line: number;
  id: string;
  schema: string;
}

/** What the folded records of a file add to one top-level entity. */
export interface Fold {
  listings: Listing[];
  documents: IdentityDocument[];
  relations: Relation[];
  remarks: string[];
  /** How many folded records (a listing, a document, a relation) this holds. */
  count: number;
  /** Where they came from; kept only when leftovers are reported (delta files are small). */
  origins: FoldOrigin[];
}

/**
 * The folded records of one file, keyed by the FtM id of the entity they attach to. Memory grows
 * with the folded records only; a fold is released once its entity has been streamed out.
 * Address entities are kept by their own id, since top-level entities point at them.
 */
export class FoldIndex {
  private readonly folds = new Map<string, Fold>();
  private readonly addresses = new Map<string, Address>();
  private readonly notes = new Map<string, string>();
  private folded = 0;

  constructor(private readonly trackOrigins: boolean) {}

  /**
   * Authorities, programmes and relation notes repeat across a large export ("relative (mother)"):
   * the index keeps one copy of each instead of one per folded record.
   */
  intern(text: string): string {
    const known = this.notes.get(text);
    if (known !== undefined) return known;
    this.notes.set(text, text);
    return text;
  }

  private foldFor(targetId: string, origin: FoldOrigin, counts = true): Fold {
    let fold = this.folds.get(targetId);
    if (fold === undefined) {
      fold = { listings: [], documents: [], relations: [], remarks: [], count: 0, origins: [] };
      this.folds.set(targetId, fold);
    }
    if (counts) {
      fold.count += 1;
      if (this.trackOrigins) fold.origins.push(origin);
    }
    return fold;
  }

  addListing(targetId: string, listing: Listing, origin: FoldOrigin): void {
    this.foldFor(targetId, origin).listings.push(listing);
  }

  addDocument(targetId: string, document: IdentityDocument, origin: FoldOrigin): void {
    this.foldFor(targetId, origin).documents.push(document);
  }

  addRelation(targetId: string, relation: Relation, origin: FoldOrigin): void {
    this.foldFor(targetId, origin).relations.push(relation);
  }

  addRemark(targetId: string, remark: string, origin: FoldOrigin): void {
    // A sanction's reason travels with its listing, which already counts the record.
    this.foldFor(targetId, origin, false).remarks.push(remark);
  }

  addAddress(addressId: string, address: Address): void {
    this.addresses.set(addressId, address);
  }

  countFolded(): void {
    this.folded += 1;
  }

  get foldedCount(): number {
    return this.folded;
  }

  address(addressId: string): Address | undefined {
    return this.addresses.get(addressId);
  }

  /** Hands out an entity's fold and forgets it. */
  take(targetId: string): Fold | undefined {
    const fold = this.folds.get(targetId);
    if (fold !== undefined) this.folds.delete(targetId);
    return fold;
  }

  /** Folds no streamed entity took: their targets are absent, invalid or of a skipped schema. */
  leftovers(): IterableIterator<[string, Fold]> {
    return this.folds.entries();
  }
}
