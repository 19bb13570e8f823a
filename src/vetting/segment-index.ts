import { maxTypoEdits, osaDistance } from './tolerance.js';

/**
 * Spellings within one or two edits of a probe, among a vocabulary of texts: a partition
 * (PassJoin) index. A text of length l is cut into tau + 1 segments with one letter left out
 * between neighbours; any tau edits (a transposition included) touch at most tau segments, so
 * one segment survives intact, shifted by at most tau. A probe looks each segment up at the
 * shifts that allow, and the few texts found are checked with the edit distance.
 *
 * The letter between segments is what makes transpositions safe: swapping the last letter of
 * one segment with the next letter touches only that segment. Texts too short to cut (four
 * letters or fewer) are found instead by deletion neighbourhoods: two texts within k edits
 * (a transposition included) share a string made by deleting at most k letters from each.
 */

const SHORT = 4;

function mix(h: number, v: number): number {
  return Math.imul(h ^ v, 0x01000193) >>> 0;
}

function segmentHash(tau: number, length: number, segment: number, text: string, start: number, end: number): number {
  let h = mix(mix(mix(0x811c9dc5, tau), length), segment);
  for (let i = start; i < end; i++) h = mix(h, text.charCodeAt(i));
  return h;
}

/** Starts and lengths of the tau + 1 segments of a text of `length` letters. */
function segments(length: number, tau: number): Array<{ start: number; size: number }> {
  const parts = tau + 1;
  const letters = length - tau;
  const base = Math.floor(letters / parts);
  const longer = letters % parts;
  const out: Array<{ start: number; size: number }> = [];
  let start = 0;
  for (let i = 0; i < parts; i++) {
    const size = base + (i >= parts - longer ? 1 : 0);
    out.push({ start, size });
    start += size + 1;
  }
  return out;
}

function cuttable(length: number, tau: number): boolean {
  return length > SHORT && length >= 2 * tau + 1;
}

/** The text and every string made from it by deleting up to `k` letters. */
function deletions(text: string, k: number): Set<string> {
  const out = new Set<string>([text]);
  let frontier = [text];
  for (let round = 0; round < k; round++) {
    const next: string[] = [];
    for (const t of frontier) {
      for (let i = 0; i < t.length; i++) {
        const d = t.slice(0, i) + t.slice(i + 1);
        if (!out.has(d)) {
          out.add(d);
          next.push(d);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** A bit per letter (folded modulo 31): one edit changes at most two bits of the set. */
function letterMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) mask |= 1 << (text.charCodeAt(i) % 31);
  return mask;
}

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export class SegmentIndex {
  private readonly texts: string[] = [];
  private readonly masks: number[] = [];
  private readonly bySegment = new Map<number, number[]>();
  /** Texts of up to SHORT letters, by every string made from them by deleting up to two letters. */
  private readonly shortByDeletion = new Map<string, number[]>();

  get size(): number {
    return this.texts.length;
  }

  text(id: number): string {
    return this.texts[id] as string;
  }

  /** Adds a text; returns its id here (callers keep their own mapping to it). */
  add(text: string): number {
    const id = this.texts.length;
    this.texts.push(text);
    this.masks.push(letterMask(text));
    const length = text.length;
    if (length <= SHORT) {
      for (const key of deletions(text, 2)) {
        const list = this.shortByDeletion.get(key);
        if (list === undefined) this.shortByDeletion.set(key, [id]);
        else list.push(id);
      }
    }
    for (const tau of [1, 2]) {
      if (!cuttable(length, tau)) continue;
      segments(length, tau).forEach((s, i) => {
        const h = segmentHash(tau, length, i, text, s.start, s.start + s.size);
        const list = this.bySegment.get(h);
        if (list === undefined) this.bySegment.set(h, [id]);
        else list.push(id);
      });
    }
    return id;
  }

  /** Ids of texts of exactly `length` letters within `tau` (1 or 2) edits of `probe`. */
  private lookupLength(probe: string, length: number, tau: number, emit: (id: number) => void): void {
    if (length < 0) return;
    const probeMask = letterMask(probe);
    const close = (id: number): boolean => {
      const text = this.texts[id] as string;
      return text.length === length && bitCount((this.masks[id] as number) ^ probeMask) <= 2 * tau && osaDistance(probe, text, tau) <= tau;
    };
    if (!cuttable(length, tau)) {
      const seen = new Set<number>();
      for (const key of deletions(probe, tau)) {
        for (const id of this.shortByDeletion.get(key) ?? []) {
          if (seen.has(id)) continue;
          seen.add(id);
          if (close(id)) emit(id);
        }
      }
      return;
    }
    const seen = new Set<number>();
    segments(length, tau).forEach((s, i) => {
      const from = Math.max(0, s.start - tau);
      const to = Math.min(probe.length - s.size, s.start + tau);
      for (let at = from; at <= to; at++) {
        const list = this.bySegment.get(segmentHash(tau, length, i, probe, at, at + s.size));
        if (list === undefined) continue;
        for (const id of list) {
          if (seen.has(id)) continue;
          seen.add(id);
          if (close(id)) emit(id);
        }
      }
    });
  }

  /** Every text within `edits` (0, 1 or 2) of `probe`, the probe itself included when present. */
  within(probe: string, edits: number, emit: (id: number) => void): void {
    if (edits <= 0) throw new RangeError('within() is for one or two edits; look exact texts up directly');
    for (let length = probe.length - edits; length <= probe.length + edits; length++) this.lookupLength(probe, length, edits, emit);
  }

  /** Every text the screener's typo rule relates to `probe` (edits allowed by the longer length). */
  typoNeighbours(probe: string, emit: (id: number) => void): void {
    for (let length = Math.max(0, probe.length - 2); length <= probe.length + 2; length++) {
      const edits = maxTypoEdits(Math.max(length, probe.length));
      if (edits === 0 || Math.abs(length - probe.length) > edits) continue;
      this.lookupLength(probe, length, edits, emit);
    }
  }
}
