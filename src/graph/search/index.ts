/**
 * Ranked search over node names: labels, titles, names, aliases and 文号.
 *
 * Every CJK run is indexed as character bigrams plus its last character (see search/terms.ts),
 * and a query must contain all of its bigrams, so recall does not depend on a word segmenter.
 * A query of one CJK character is a prefix search (every character of the index is the start of
 * a bigram or the last character of a run), and so is a word or number at the end of the query
 * (still being typed). 文号 in a query are matched exactly after normalisation
 * (中发[2019]26号 finds 中发〔2019〕26号) and ranked first.
 *
 * Ranking: BM25+ per field (search/inverted.ts) times a weight per node type, times a phrase
 * bonus; only the best `limit` candidates are ordered, so a query matching half of a 100k-node
 * graph costs a pass over its postings (≈10 ms), not a sort of every match.
 *
 * The index is built where it is queried (in the browser); it is not meant to be serialised from
 * Node, whose segmenter differs. At 100k nodes build it with createSearchIndexAsync (≈1 s in
 * Chromium, in slices of ~40 ms).
 */
import type { NodeType } from '../../model';
import { findDocNumbers, normaliseDocNumber } from '../docnumber';
import type { NodeAttributes, PolicyGraph } from '../load';
import { InvertedIndex } from './inverted';
import { foldedTerms, fold, prefixTerms, queryTerms, queryWords, segmentWords, textTerms } from './terms';
import { runStepsSliced, yieldToEventLoop, type Steps } from '../../util/schedule';

export { queryTerms, queryWords } from './terms';

export interface SearchHit {
  id: string;
  score: number;
  type: NodeType;
  label: string;
}

export interface SearchOptions {
  /** Only these node types. */
  types?: readonly NodeType[];
  /** At most this many hits (default 50). */
  limit?: number;
}

/** What is indexed of one node (made while indexing; the index keeps it column by column). */
interface IndexedDoc {
  id: string;
  type: NodeType;
  /** The node's label as displayed (not indexed). */
  shown: string;
  /** Field values in the order of FIELDS ('' when the node has none). */
  fields: string[];
  docNumber: string;
}

/**
 * A search index over one graph. Opaque: use the functions of this module. What it holds of each
 * node is kept in arrays by slot, not as an object per node: at 100k nodes, 200k objects fewer
 * (a record and its field list each) for the garbage collector to trace for as long as the graph
 * is open; the strings are the node's own.
 */
export interface SearchIndex {
  readonly text: InvertedIndex;
  /** Slot of the inverted index → the id of the node indexed there (removed ones stay, dead). */
  readonly ids: string[];
  /** Slot → the node's label as displayed. */
  readonly shown: string[];
  /** Per field of FIELDS, slot → the value indexed ('' for none). */
  readonly fieldValues: string[][];
  /** Slot → the normalised 文号 ('' for none). */
  readonly docNumberOf: string[];
  /** Slot → folded names without whitespace, each between newlines, for the phrase bonus. */
  readonly haystacks: string[];
  /** Slot → node type and its TYPE_WEIGHT, flat so that ranking 50k candidates touches no document object. */
  readonly types: NodeType[];
  readonly typeWeights: number[];
  readonly slotOf: Map<string, number>;
  /** Normalised 文号 → ids of the policies and documents bearing it. */
  readonly docNumbers: Map<string, Set<string>>;
}

/**
 * Tasks are most of the nodes and Intl.Segmenter is the costliest part of indexing, so task names
 * go in a field of their own that gets bigrams only; segmenter words, which only refine ranking, are
 * kept for the named entities.
 */
const TASK_FIELD = 'task';
const FIELDS = ['label', TASK_FIELD, 'title', 'name', 'aliases', 'docNumber'] as const;
const BOOST: Record<(typeof FIELDS)[number], number> = { name: 3, title: 2, label: 2, [TASK_FIELD]: 2, aliases: 1.5, docNumber: 1 };
/** Segmenter words where they can refine ranking: not in task names (cost) nor in 文号 (matched exactly). */
const WORDS_IN_FIELD = FIELDS.map((f) => f !== TASK_FIELD && f !== 'docNumber');
/**
 * Named things (documents, policies, programmes) before the many tasks that merely mention a
 * term: a short task title would otherwise win on BM25 length normalisation alone.
 */
const TYPE_WEIGHT: Record<NodeType, number> = {
  policy: 1.5,
  document: 1.25,
  program: 1.25,
  institution: 1.15,
  region: 1.1,
  task: 0.6,
};
const EXACT_DOC_NUMBER_BONUS = 1000;
/** Score factor of a hit one of whose names is the query, and of one whose names contain it. */
const PHRASE_EQUAL = 6;
const PHRASE_WITHIN = 3;

/** Index-side terms of a field value (the task field gets no segmenter words). */
export function indexTerms(text: string, field?: string): string[] {
  return textTerms(text, field !== TASK_FIELD);
}

function docOf(id: string, a: NodeAttributes): IndexedDoc {
  const title = 'title' in a && typeof a.title === 'string' ? a.title : '';
  const name = 'name' in a && typeof a.name === 'string' ? a.name : '';
  const aliases = 'aliases' in a && Array.isArray(a.aliases) ? a.aliases.join('\n') : '';
  const docNumber = 'docNumber' in a && a.docNumber ? normaliseDocNumber(a.docNumber) : '';
  if (a.type === 'task') {
    const task = a.label.includes(title) ? a.label : `${a.label}\n${title}`;
    return { id, type: a.type, shown: a.label, fields: ['', task, '', '', '', ''], docNumber: '' };
  }
  // The label usually repeats the title or name: index it only when it says something else.
  const label = a.label === title || a.label === name ? '' : a.label;
  return { id, type: a.type, shown: a.label, fields: [label, '', title, name, aliases, docNumber], docNumber };
}

/** The terms of each field of each document (null for an empty field), its folded fields given. */
function fieldTermsOf(docsFolded: readonly (readonly string[])[]): (string[] | null)[][] {
  const wordTexts: string[] = [];
  for (const folded of docsFolded) folded.forEach((v, f) => v && WORDS_IN_FIELD[f] && wordTexts.push(v));
  const words = segmentWords(wordTexts);
  let w = 0;
  return docsFolded.map((folded) => folded.map((v, f) => (v ? foldedTerms(v, WORDS_IN_FIELD[f] ? words[w++] : []) : null)));
}

function foldFields(doc: IndexedDoc): string[] {
  return doc.fields.map((v) => (v ? fold(v) : ''));
}

/** The document indexed at `slot`, as it was indexed. */
function docAt(index: SearchIndex, slot: number): IndexedDoc {
  return {
    id: index.ids[slot],
    type: index.types[slot],
    shown: index.shown[slot],
    fields: index.fieldValues.map((column) => column[slot]),
    docNumber: index.docNumberOf[slot],
  };
}

/** An index with nothing in it yet (fill it with addToIndex). */
export function emptySearchIndex(): SearchIndex {
  return {
    text: new InvertedIndex(FIELDS.map((f) => BOOST[f])),
    ids: [],
    shown: [],
    fieldValues: FIELDS.map(() => []),
    docNumberOf: [],
    haystacks: [],
    types: [],
    typeWeights: [],
    slotOf: new Map(),
    docNumbers: new Map(),
  };
}

export interface IndexOptions {
  /**
   * Only nodes of these types (default all). Tasks are most of a large graph and most of the
   * indexing time; leaving them out and finding task text with findInTasks is the light option.
   */
  types?: readonly NodeType[];
}

/** Builds the index over the graph in one go (≈10 µs a node in Chromium; see createSearchIndexAsync for large graphs). */
export function createSearchIndex(g: PolicyGraph, opts: IndexOptions = {}): SearchIndex {
  const index = emptySearchIndex();
  addToIndex(index, g, nodesToIndex(g, opts));
  return index;
}

function nodesToIndex(g: PolicyGraph, opts: IndexOptions): string[] {
  if (!opts.types || opts.types.length === 0) return g.nodes();
  const types = new Set(opts.types);
  return g.filterNodes((_, a) => types.has(a.type));
}

export interface AsyncIndexOptions extends IndexOptions {
  /** Longest stretch of indexing between two yields to the event loop, in ms (default 40). */
  sliceMs?: number;
  /** At most this many nodes between two yields (default: no limit but sliceMs). */
  chunkSize?: number;
  /** Called after each slice. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Builds the index in time slices, yielding to the event loop between them so that the page
 * stays responsive (no task much over `sliceMs`). Rejects with the signal's reason when aborted.
 * Nodes added to the graph while it runs are not indexed (add them with addToIndex).
 */
export async function createSearchIndexAsync(g: PolicyGraph, opts: AsyncIndexOptions = {}): Promise<SearchIndex> {
  const sliceMs = opts.sliceMs ?? 40;
  const chunk = Math.max(1, opts.chunkSize ?? Infinity);
  const ids = nodesToIndex(g, opts);
  const index = emptySearchIndex();
  let i = 0;
  while (i < ids.length) {
    opts.signal?.throwIfAborted();
    const start = performance.now();
    const end = Math.min(ids.length, i + chunk);
    // The clock is read every 64 nodes (≈0.3 ms of work).
    while (i < end) {
      const stop = Math.min(end, i + 64);
      addToIndex(index, g, ids.slice(i, stop));
      i = stop;
      if (performance.now() - start >= sliceMs) break;
    }
    opts.onProgress?.(i, ids.length);
    if (i < ids.length) await yieldToEventLoop();
  }
  opts.signal?.throwIfAborted();
  return index;
}

/** Adds (or, for ids already indexed, replaces) the given nodes of the graph. */
export function addToIndex(index: SearchIndex, g: PolicyGraph, ids: Iterable<string>): void {
  const docs: IndexedDoc[] = [];
  for (const id of new Set(ids)) {
    if (!g.hasNode(id)) continue;
    if (index.slotOf.has(id)) removeFromIndex(index, [id]);
    docs.push(docOf(id, g.getNodeAttributes(id)));
  }
  const folded = docs.map(foldFields);
  const terms = fieldTermsOf(folded);
  docs.forEach((doc, i) => {
    const slot = index.text.add(terms[i]);
    index.ids[slot] = doc.id;
    index.shown[slot] = doc.shown;
    for (let f = 0; f < FIELDS.length; f++) index.fieldValues[f][slot] = doc.fields[f];
    index.docNumberOf[slot] = doc.docNumber;
    index.types[slot] = doc.type;
    index.typeWeights[slot] = TYPE_WEIGHT[doc.type];
    index.slotOf.set(doc.id, slot);
    index.haystacks[slot] = haystackOf(doc, folded[i]);
    if (doc.docNumber) {
      let set = index.docNumbers.get(doc.docNumber);
      if (!set) index.docNumbers.set(doc.docNumber, (set = new Set()));
      set.add(doc.id);
    }
  });
}

/** Removes nodes from the index (ids not indexed are ignored). */
export function removeFromIndex(index: SearchIndex, ids: Iterable<string>): void {
  for (const id of ids) {
    const slot = index.slotOf.get(id);
    if (slot === undefined) continue;
    const doc = docAt(index, slot);
    index.text.remove(slot, fieldTermsOf([foldFields(doc)])[0]);
    index.slotOf.delete(id);
    index.haystacks[slot] = '';
    const set = doc.docNumber ? index.docNumbers.get(doc.docNumber) : undefined;
    if (set && set.delete(id) && set.size === 0) index.docNumbers.delete(doc.docNumber);
  }
}

/** What changed between the nodes an index holds and a graph: ids to (re)index and ids to remove. */
export interface IndexChanges {
  changed: string[];
  removed: string[];
}

/** Nodes between two yields of `changesSteps`. */
const DIFF_STEP = 2048;

/** Whether the document at `slot` is indexed as `doc` would be. */
function indexedAs(index: SearchIndex, slot: number, doc: IndexedDoc): boolean {
  if (index.types[slot] !== doc.type || index.shown[slot] !== doc.shown || index.docNumberOf[slot] !== doc.docNumber) return false;
  for (let f = 0; f < FIELDS.length; f++) if (index.fieldValues[f][slot] !== doc.fields[f]) return false;
  return true;
}

function* changesSteps(index: SearchIndex, g: PolicyGraph): Steps<IndexChanges> {
  const changed: string[] = [];
  const removed: string[] = [];
  let k = 0;
  for (const { node: id, attributes: a } of g.nodeEntries()) {
    const slot = index.slotOf.get(id);
    if (slot === undefined || !indexedAs(index, slot, docOf(id, a))) changed.push(id);
    if (++k % DIFF_STEP === 0) yield;
  }
  for (const id of index.slotOf.keys()) {
    if (!g.hasNode(id)) removed.push(id);
    if (++k % DIFF_STEP === 0) yield;
  }
  return { changed, removed };
}

/**
 * The nodes of `g` that `index` (built over an earlier version of the graph) does not hold as they
 * are now, and the ids it holds that `g` no longer has; in time slices (≈0.1 s at 100k nodes).
 * Resolves undefined when `abandon()` turned true between slices.
 */
export function indexChanges(index: SearchIndex, g: PolicyGraph, opts: { sliceMs?: number; abandon?: () => boolean } = {}): Promise<IndexChanges | undefined> {
  return runStepsSliced(changesSteps(index, g), opts);
}

/**
 * Brings `index` in step with `g` by re-indexing only what `indexChanges` found: after a
 * correction or a few added documents, a few nodes instead of the whole graph (≈1 s at 100k).
 */
export function applyIndexChanges(index: SearchIndex, g: PolicyGraph, changes: IndexChanges): void {
  removeFromIndex(index, changes.removed);
  addToIndex(index, g, changes.changed);
}

/** The node's names (label, title, name, aliases; not the 文号), folded and compacted, each between newlines. */
function haystackOf(doc: IndexedDoc, folded: readonly string[]): string {
  const lines = new Set<string>([fold(doc.shown)]);
  for (let f = 0; f < folded.length; f++) {
    const v = folded[f];
    if (!v || FIELDS[f] === 'docNumber') continue;
    if (v.includes('\n')) for (const line of v.split('\n')) lines.add(line);
    else lines.add(v);
  }
  // Joined, not concatenated: += builds a tree of string pieces, kept (and traced by the collector)
  // as long as the index; a join is one flat string.
  const parts = [''];
  for (const line of lines) if (line) parts.push(compactFolded(line));
  parts.push('');
  return parts.join('\n');
}

const SPACE = /\s/;
function compactFolded(s: string): string {
  return SPACE.test(s) ? s.replace(/\s+/g, '') : s;
}

/**
 * Ranked hits for a query. Exact 文号 matches come first; then nodes containing every bigram of
 * the query (or, when none does, any), ranked by BM25 with a bonus for names that contain the
 * query as one phrase and a larger one for names equal to it. Only the best `limit` are ranked
 * in full, so a one-character query matching most of the graph costs one pass over its postings.
 */
export function search(index: SearchIndex, query: string, opts: SearchOptions = {}): SearchHit[] {
  const limit = opts.limit ?? 50;
  const types = opts.types && opts.types.length ? new Set(opts.types) : null;
  const hits: SearchHit[] = [];
  const seen = new Set<number>();
  const q = query.trim();
  if (!q || limit <= 0) return hits;

  // 1. 文号 exact matches.
  const docNumbersInQuery = findDocNumbers(q);
  for (const m of docNumbersInQuery) {
    for (const id of index.docNumbers.get(m.normalised) ?? []) {
      const slot = index.slotOf.get(id);
      if (slot === undefined || seen.has(slot)) continue;
      const type = index.types[slot];
      if (types && !types.has(type)) continue;
      seen.add(slot);
      hits.push({ id, score: EXACT_DOC_NUMBER_BONUS, type, label: index.shown[slot] });
    }
  }

  // 2. Ranked text search.
  const terms = queryTerms(q);
  if (terms.length) {
    const allow = seen.size || types ? (slot: number) => !seen.has(slot) && (!types || types.has(index.types[slot])) : undefined;
    const expand = prefixTerms(terms);
    const prefix = (t: string) => expand.has(t);
    let m = index.text.match(terms, { all: true, prefix, allow });
    // Nothing has every bigram: fall back to any, except for a 文号, where near misses are wrong answers.
    if (m.slots.length === 0 && hits.length === 0 && docNumbersInQuery.length === 0) {
      m = index.text.match(terms, { all: false, prefix, allow });
    }
    const base = new Float64Array(m.slots.length);
    for (let i = 0; i < base.length; i++) base[i] = m.scores[i] * index.typeWeights[m.slots[i]];
    // Whole-word agreement with the segmenter adds to the score but never decides a match.
    const words = m.slots.length ? queryWords(q) : [];
    if (words.length) {
      const w = index.text.match(words, { all: false, allow });
      const wordScore = new Map<number, number>();
      for (let i = 0; i < w.slots.length; i++) wordScore.set(w.slots[i], w.scores[i]);
      for (let i = 0; i < base.length; i++) base[i] += 0.5 * (wordScore.get(m.slots[i]) ?? 0) * index.typeWeights[m.slots[i]];
    }
    const ranked = bestRanked(index, m.slots, base, fold(q).replace(/\s+/g, ''), limit);
    // Keep 文号 hits above everything else whatever the BM25 scale.
    const topText = ranked.length ? ranked[0].score : 0;
    for (const h of hits) h.score += topText;
    for (const h of ranked) {
      if (hits.length >= limit) break;
      hits.push(h);
    }
  }
  return hits.slice(0, limit);
}

/**
 * The `k` best candidates by base score times phrase bonus, best first (ties: shorter label,
 * then id). A bonus is at most PHRASE_EQUAL, so a candidate whose base score times that cannot
 * reach the k-th best base score is passed over without looking at its names.
 */
function bestRanked(index: SearchIndex, slots: readonly number[], base: Float64Array, phrase: string, k: number): SearchHit[] {
  const n = slots.length;
  const floor = n > k * 4 ? kthLargest(base, k) / PHRASE_EQUAL : 0;
  const equal = `\n${phrase}\n`;
  const final = new Float64Array(n);
  const top: number[] = [];
  const better = (i: number, j: number): boolean => {
    if (final[i] !== final[j]) return final[i] > final[j];
    const a = slots[i];
    const b = slots[j];
    const la = index.shown[a].length;
    const lb = index.shown[b].length;
    if (la !== lb) return la < lb;
    return index.ids[a] < index.ids[b];
  };
  for (let i = 0; i < n; i++) {
    if (base[i] < floor) continue;
    const hay = index.haystacks[slots[i]];
    final[i] = base[i] * (hay.includes(equal) ? PHRASE_EQUAL : hay.includes(phrase) ? PHRASE_WITHIN : 1);
    if (top.length === k && !better(i, top[k - 1])) continue;
    // Binary insertion into the short best-first list.
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (better(i, top[mid])) hi = mid;
      else lo = mid + 1;
    }
    top.splice(lo, 0, i);
    if (top.length > k) top.pop();
  }
  return top.map((i) => {
    const slot = slots[i];
    return { id: index.ids[slot], score: final[i], type: index.types[slot], label: index.shown[slot] };
  });
}

/** The k-th largest value (k ≥ 1, at most the length): one pass keeping the k largest in order. */
function kthLargest(values: ArrayLike<number>, k: number): number {
  // Ascending; best[0] is the smallest of the k largest so far.
  const best: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (best.length === k && v <= best[0]) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (best[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, v);
    if (best.length > k) best.shift();
  }
  return best[0];
}
