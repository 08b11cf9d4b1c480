/**
 * A compact inverted index with BM25+ field scoring, written for one job: AND/OR term queries
 * over ~100k short names, answered in a few milliseconds.
 *
 * Documents live in numbered slots; a term's postings are one flat array of
 * `slot * FIELD_STRIDE + field` (a document's terms are distinct per field, so tf is 1 and a
 * field's length is its number of distinct terms). Removal leaves a tombstone: the slot is
 * skipped when scoring and the per-field document frequencies are corrected at once.
 * Query scratch space is three typed arrays indexed by slot, reused between queries, so a
 * common term with 80k postings costs one tight loop and no allocation per posting.
 */

const FIELD_STRIDE = 8;
/** BM25+ parameters (those of MiniSearch, which this index replaced). */
const K = 1.2;
const B = 0.7;
const D = 0.5;
/** Weight of an index term found by prefix rather than equal to the query term (MiniSearch's). */
const PREFIX_WEIGHT = 0.375;

interface Posting {
  /** slot * FIELD_STRIDE + field, in order of addition. */
  entries: number[];
  /** Live documents having the term, per field. */
  df: number[];
}

export interface MatchOptions {
  /** Every term must match (AND) or any (OR; the score grows with the number matched). */
  all: boolean;
  /** Query terms that also match longer index terms starting with them. */
  prefix?: (term: string) => boolean;
  /** Slots allowed in the result (e.g. a type filter). */
  allow?: (slot: number) => boolean;
}

export interface Matches {
  slots: number[];
  /** Score of each slot of `slots`, in the same order. */
  scores: number[];
}

export class InvertedIndex {
  private readonly postings = new Map<string, Posting>();
  /** First character → the index terms starting with it (prefix expansion without a trie). */
  private readonly byFirstChar = new Map<string, string[]>();
  private readonly fieldLen: number[] = [];
  private readonly alive: number[] = [];
  private readonly totalLen: number[];
  /** Live documents having each field. */
  private readonly withField: number[];
  private live = 0;
  // Query scratch, indexed by slot; grown on demand and left zeroed after every query.
  private score = new Float64Array(0);
  private mark = new Int32Array(0);
  private count = new Int32Array(0);

  constructor(private readonly boosts: readonly number[]) {
    if (boosts.length > FIELD_STRIDE) throw new Error('too many fields');
    this.totalLen = boosts.map(() => 0);
    this.withField = boosts.map(() => 0);
  }

  get size(): number {
    return this.live;
  }

  get slotCount(): number {
    return this.alive.length;
  }

  isAlive(slot: number): boolean {
    return this.alive[slot] === 1;
  }

  /** Adds a document given the distinct terms of each field (null or empty: no such field); returns its slot. */
  add(fieldTerms: readonly (readonly string[] | null)[]): number {
    const slot = this.alive.length;
    this.alive.push(1);
    this.live++;
    for (let f = 0; f < this.boosts.length; f++) {
      const terms = fieldTerms[f];
      const n = terms ? terms.length : 0;
      this.fieldLen.push(n);
      if (!terms || n === 0) continue;
      this.totalLen[f] += n;
      this.withField[f]++;
      const entry = slot * FIELD_STRIDE + f;
      for (const t of terms) {
        let p = this.postings.get(t);
        if (!p) {
          p = { entries: [], df: this.boosts.map(() => 0) };
          this.postings.set(t, p);
          const first = t[0];
          const list = this.byFirstChar.get(first);
          if (list) list.push(t);
          else this.byFirstChar.set(first, [t]);
        }
        p.entries.push(entry);
        p.df[f]++;
      }
    }
    return slot;
  }

  /** Removes a document; `fieldTerms` must be what it was added with. */
  remove(slot: number, fieldTerms: readonly (readonly string[] | null)[]): void {
    if (this.alive[slot] !== 1) return;
    this.alive[slot] = 0;
    this.live--;
    for (let f = 0; f < this.boosts.length; f++) {
      const terms = fieldTerms[f];
      if (!terms || terms.length === 0) continue;
      this.totalLen[f] -= terms.length;
      this.withField[f]--;
      for (const t of terms) {
        const p = this.postings.get(t);
        if (p) p.df[f]--;
      }
    }
  }

  /** Index terms a query term stands for, with their weights (itself 1, longer ones by prefix less). */
  private expand(term: string, prefix: boolean): { term: string; posting: Posting; weight: number }[] {
    const out: { term: string; posting: Posting; weight: number }[] = [];
    const exact = this.postings.get(term);
    if (exact) out.push({ term, posting: exact, weight: 1 });
    if (prefix) {
      for (const t of this.byFirstChar.get(term[0]) ?? []) {
        if (t.length <= term.length || !t.startsWith(term)) continue;
        const distance = t.length - term.length;
        out.push({ term: t, posting: this.postings.get(t)!, weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance) });
      }
    }
    return out;
  }

  /** Documents matching the query terms, with BM25+ scores (summed over terms and fields, times the terms matched). */
  match(terms: readonly string[], opts: MatchOptions): Matches {
    const n = this.alive.length;
    if (this.score.length < n) {
      const cap = Math.max(n, this.score.length * 2, 1024);
      this.score = new Float64Array(cap);
      this.mark = new Int32Array(cap);
      this.count = new Int32Array(cap);
    }
    const expanded = terms.map((t) => {
      const list = this.expand(t, opts.prefix?.(t) ?? false);
      let cost = 0;
      for (const e of list) cost += e.posting.entries.length;
      return { list, cost };
    });
    if (opts.all) {
      if (expanded.some((e) => e.cost === 0)) return { slots: [], scores: [] };
      // Rarest first: the first term decides the candidates, the others only narrow them.
      expanded.sort((a, b) => a.cost - b.cost);
    }
    const { score, mark, count, alive, fieldLen } = this;
    const F = this.boosts.length;
    // BM25+ with tf = 1: D + (K + 1) / (1 + K (1 - B) + (K B / avg) len), times boost and idf.
    const lenFactor = this.totalLen.map((total, f) => (K * B) / (this.withField[f] ? total / this.withField[f] : 1));
    const N = this.live;
    const touched: number[] = [];
    const allow = opts.allow;
    for (let i = 0; i < expanded.length; i++) {
      for (const { posting, weight } of expanded[i].list) {
        const factor = posting.df.map((df, f) => weight * this.boosts[f] * Math.log(1 + (N - df + 0.5) / (df + 0.5)));
        const entries = posting.entries;
        for (let j = 0; j < entries.length; j++) {
          const e = entries[j];
          const slot = (e / FIELD_STRIDE) | 0;
          const m = mark[slot];
          // AND: the document must have matched every earlier term (m === i, or m === i + 1 by another field).
          if (opts.all ? m < i : false) continue;
          if (m === 0) {
            if (alive[slot] !== 1 || (allow && !allow(slot))) {
              // Rejected once for all: -1 never passes the AND test and is skipped below for OR.
              mark[slot] = -1;
              touched.push(slot);
              continue;
            }
            touched.push(slot);
          } else if (m < 0) continue;
          if (m !== i + 1) {
            mark[slot] = i + 1;
            count[slot]++;
          }
          const f = e - slot * FIELD_STRIDE;
          score[slot] += factor[f] * (D + (K + 1) / (1 + K * (1 - B) + lenFactor[f] * fieldLen[slot * F + f]));
        }
      }
    }
    const slots: number[] = [];
    const scores: number[] = [];
    const need = opts.all ? expanded.length : 1;
    for (const slot of touched) {
      const c = count[slot];
      if (mark[slot] > 0 && c >= need) {
        slots.push(slot);
        scores.push(score[slot] * c);
      }
      score[slot] = 0;
      mark[slot] = 0;
      count[slot] = 0;
    }
    return { slots, scores };
  }
}
