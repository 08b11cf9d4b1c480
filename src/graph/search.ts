/**
 * Ranked search over node names: labels, titles, names, aliases and 文号.
 *
 * Chinese has no spaces, and word segmenters disagree (Node's ICU splits 督导 into 督|导, Chromium's
 * keeps it), so every CJK run is indexed as overlapping character bigrams plus its last
 * character, and a query must contain all of its bigrams: recall does not depend on the
 * segmenter. Intl.Segmenter words are indexed as well and help ranking where both sides agree.
 * A query of one CJK character is a prefix search (every character of the index is the start of a
 * bigram or the last character of a run). 文号 in a query are matched exactly after
 * normalisation (中发[2019]26号 finds 中发〔2019〕26号) and ranked first.
 *
 * The index is built where it is queried (in the browser); it is not meant to be serialised from
 * Node, whose segmenter differs.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { NodeType } from '../model';
import { findDocNumbers, normaliseDocNumber } from './docnumber';
import type { NodeAttributes, PolicyGraph } from './load';

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

interface IndexedDoc {
  id: string;
  type: NodeType;
  /** The node's label as displayed (stored, not indexed). */
  shown: string;
  label: string;
  /** A task's label and title: indexed without segmenter words (see TASK_FIELD). */
  task: string;
  title: string;
  name: string;
  aliases: string;
  docNumber: string;
}

/** A search index over one graph. Opaque: use the functions of this module. */
export interface SearchIndex {
  readonly mini: MiniSearch<IndexedDoc>;
  /** Normalised 文号 → ids of the policies and documents bearing it. */
  readonly docNumbers: Map<string, Set<string>>;
  /** Searchable text of each indexed node, for the phrase bonus. */
  readonly haystacks: Map<string, { text: string; names: string[]; docNumber: string }>;
}

/**
 * Tasks are most of the nodes and Intl.Segmenter costs ~20 µs a title, so task names go in a
 * field of their own that gets bigrams only; segmenter words, which only refine ranking, are
 * kept for the named entities.
 */
const TASK_FIELD = 'task';
const FIELDS = ['label', TASK_FIELD, 'title', 'name', 'aliases', 'docNumber'] as const;
const BOOST = { name: 3, title: 2, label: 2, [TASK_FIELD]: 2, aliases: 1.5, docNumber: 1 };
/**
 * Named things (documents, policies, programmes) before the many tasks that merely mention a
 * term: a short task title would otherwise win on BM25 length normalisation alone.
 */
const TYPE_WEIGHT: Record<NodeType, number> = {
  policy: 1.3,
  document: 1.25,
  program: 1.25,
  institution: 1.15,
  region: 1.1,
  task: 0.6,
};
const EXACT_DOC_NUMBER_BONUS = 1000;

const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|(?:(?![\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[\p{L}\p{N}])+/gu;
const IS_CJK = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

let segmenter: Intl.Segmenter | null | undefined;
function getSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/** Folds width and case so that ＡＢ, AB and ab are one term. */
function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/**
 * Index-side terms of a field value: bigrams and last character of CJK runs, other words whole,
 * and (except in the task field) segmenter words.
 */
export function indexTerms(text: string, field?: string): string[] {
  const s = fold(text);
  const terms = new Set<string>();
  for (const m of s.matchAll(CJK_RUN)) {
    const run = m[0];
    if (!IS_CJK.test(run)) {
      terms.add(run);
      continue;
    }
    for (let i = 0; i + 1 < run.length; i++) terms.add(run.slice(i, i + 2));
    terms.add(run[run.length - 1]);
  }
  if (field !== TASK_FIELD) for (const w of queryWords(s)) terms.add(w);
  return [...terms];
}

/** Segmenter words of a query longer than a bigram: matched (optionally) against the indexed words, for ranking. */
export function queryWords(query: string): string[] {
  const seg = getSegmenter();
  if (!seg) return [];
  const words = new Set<string>();
  for (const w of seg.segment(fold(query))) {
    if (w.isWordLike && w.segment.length > 2 && IS_CJK.test(w.segment)) words.add(w.segment);
  }
  return [...words];
}

/** Query-side terms: the bigrams of each CJK run (a 1-character run as itself), other words whole. */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  for (const m of fold(query).matchAll(CJK_RUN)) {
    const run = m[0];
    if (!IS_CJK.test(run) || run.length === 1) terms.push(run);
    else for (let i = 0; i + 1 < run.length; i++) terms.push(run.slice(i, i + 2));
  }
  return [...new Set(terms)];
}

function docOf(id: string, a: NodeAttributes): IndexedDoc {
  const title = 'title' in a && typeof a.title === 'string' ? a.title : '';
  const name = 'name' in a && typeof a.name === 'string' ? a.name : '';
  const aliases = 'aliases' in a && Array.isArray(a.aliases) ? a.aliases.join('\n') : '';
  const docNumber = 'docNumber' in a && a.docNumber ? normaliseDocNumber(a.docNumber) : '';
  if (a.type === 'task') {
    const task = a.label.includes(title) ? a.label : `${a.label}\n${title}`;
    return { id, type: a.type, shown: a.label, label: '', task, title: '', name: '', aliases: '', docNumber: '' };
  }
  // The label usually repeats the title or name: index it only when it says something else.
  const label = a.label === title || a.label === name ? '' : a.label;
  return { id, type: a.type, shown: a.label, label, task: '', title, name, aliases, docNumber };
}

/** An index with nothing in it yet (fill it with addToIndex). */
export function emptySearchIndex(): SearchIndex {
  const mini = new MiniSearch<IndexedDoc>({
    fields: [...FIELDS],
    storeFields: ['type', 'shown'],
    tokenize: indexTerms,
    // Empty fields are skipped outright (most nodes fill two of the six).
    extractField: (doc, field) => {
      const v = (doc as unknown as Record<string, unknown>)[field];
      return v === '' ? undefined : v;
    },
    processTerm: (t) => t,
    searchOptions: { tokenize: queryTerms, processTerm: (t) => t, boost: BOOST },
  });
  return { mini, docNumbers: new Map(), haystacks: new Map() };
}

/**
 * Builds the index over every node of the graph in one go. For a large graph on the main
 * thread use createSearchIndexAsync: indexing costs roughly 10–30 µs a node.
 */
export function createSearchIndex(g: PolicyGraph, opts: IndexOptions = {}): SearchIndex {
  const index = emptySearchIndex();
  addToIndex(index, g, nodesToIndex(g, opts));
  return index;
}

export interface IndexOptions {
  /**
   * Only nodes of these types (default all). Tasks are most of a large graph and most of the
   * indexing time; leaving them out and finding task text with findInTasks is the light option.
   */
  types?: readonly NodeType[];
}

function nodesToIndex(g: PolicyGraph, opts: IndexOptions): string[] {
  if (!opts.types || opts.types.length === 0) return g.nodes();
  const types = new Set(opts.types);
  return g.filterNodes((_, a) => types.has(a.type));
}

export interface AsyncIndexOptions extends IndexOptions {
  /** Nodes indexed between two yields to the event loop (default 1000, about 10–30 ms of work). */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Builds the index in chunks, yielding to the event loop between them so the page stays
 * responsive. Rejects with the signal's reason when aborted. Nodes added to the graph while it
 * runs are not indexed (add them with addToIndex).
 */
export async function createSearchIndexAsync(g: PolicyGraph, opts: AsyncIndexOptions = {}): Promise<SearchIndex> {
  const chunk = Math.max(1, opts.chunkSize ?? 1000);
  const ids = nodesToIndex(g, opts);
  const index = emptySearchIndex();
  for (let i = 0; i < ids.length; i += chunk) {
    opts.signal?.throwIfAborted();
    addToIndex(index, g, ids.slice(i, i + chunk));
    opts.onProgress?.(Math.min(i + chunk, ids.length), ids.length);
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  opts.signal?.throwIfAborted();
  return index;
}

/** Adds (or, for ids already indexed, replaces) the given nodes of the graph. */
export function addToIndex(index: SearchIndex, g: PolicyGraph, ids: Iterable<string>): void {
  const docs: IndexedDoc[] = [];
  for (const id of new Set(ids)) {
    if (!g.hasNode(id)) continue;
    if (index.mini.has(id)) removeFromIndex(index, [id]);
    const doc = docOf(id, g.getNodeAttributes(id));
    docs.push(doc);
    if (doc.docNumber) {
      let set = index.docNumbers.get(doc.docNumber);
      if (!set) index.docNumbers.set(doc.docNumber, (set = new Set()));
      set.add(id);
    }
    const names = [doc.shown, ...doc.task.split('\n'), doc.title, doc.name, ...doc.aliases.split('\n')].filter(Boolean).map(compact);
    index.haystacks.set(id, { text: names.join('\n'), names, docNumber: doc.docNumber });
  }
  index.mini.addAll(docs);
}

/** Removes nodes from the index (ids not indexed are ignored). */
export function removeFromIndex(index: SearchIndex, ids: Iterable<string>): void {
  for (const id of ids) {
    if (!index.mini.has(id)) continue;
    index.mini.discard(id);
    const num = index.haystacks.get(id)?.docNumber;
    index.haystacks.delete(id);
    const set = num ? index.docNumbers.get(num) : undefined;
    if (set && set.delete(id) && set.size === 0) index.docNumbers.delete(num!);
  }
}

/** Folded, without whitespace: what phrase comparison uses. */
function compact(s: string): string {
  return fold(s).replace(/\s+/g, '');
}

/**
 * Ranked hits for a query. Exact 文号 matches come first; then nodes containing every bigram of
 * the query (or, when none does, any), ranked by BM25 with a bonus for names that contain the
 * query as one phrase and a larger one for names equal to it.
 */
export function search(index: SearchIndex, query: string, opts: SearchOptions = {}): SearchHit[] {
  const limit = opts.limit ?? 50;
  const types = opts.types && opts.types.length ? new Set(opts.types) : null;
  const hits: SearchHit[] = [];
  const seen = new Set<string>();
  const q = query.trim();
  if (!q || limit <= 0) return hits;

  // 1. 文号 exact matches.
  for (const m of findDocNumbers(q)) {
    for (const id of index.docNumbers.get(m.normalised) ?? []) {
      const stored = storedOf(index, id);
      if (!stored || seen.has(id) || (types && !types.has(stored.type))) continue;
      seen.add(id);
      hits.push({ id, score: EXACT_DOC_NUMBER_BONUS, ...stored });
    }
  }

  // 2. Ranked text search.
  const terms = queryTerms(q);
  if (terms.length) {
    const filter = types ? (r: SearchResult) => types.has(r.type as NodeType) : undefined;
    const prefix = (term: string) => term.length === 1 || !IS_CJK.test(term);
    let results = index.mini.search(q, { combineWith: 'AND', prefix, filter });
    // Nothing has every bigram: fall back to any, except for a 文号, where near misses are wrong answers.
    if (results.length === 0 && hits.length === 0 && findDocNumbers(q).length === 0) {
      results = index.mini.search(q, { combineWith: 'OR', prefix, filter });
    }
    // Whole-word agreement with the segmenter adds to the score but never decides a match.
    const wordScore = new Map<string, number>();
    const words = queryWords(q);
    if (words.length && results.length) {
      for (const r of index.mini.search(q, { tokenize: () => words, combineWith: 'OR', filter })) {
        wordScore.set(r.id, r.score);
      }
    }
    const phrase = compact(q);
    const ranked: SearchHit[] = [];
    for (const r of results) {
      if (seen.has(r.id)) continue;
      const hay = index.haystacks.get(r.id);
      let score = (r.score + 0.5 * (wordScore.get(r.id) ?? 0)) * TYPE_WEIGHT[r.type as NodeType];
      if (hay?.names.includes(phrase)) score *= 6;
      else if (hay?.text.includes(phrase)) score *= 3;
      ranked.push({ id: r.id, score, type: r.type as NodeType, label: r.shown as string });
    }
    ranked.sort((a, b) => b.score - a.score || a.label.length - b.label.length || (a.id < b.id ? -1 : 1));
    const topText = ranked.length ? ranked[0].score : 0;
    // Keep 文号 hits above everything else whatever the BM25 scale.
    for (const h of hits) h.score += topText;
    for (const h of ranked) {
      if (hits.length >= limit) break;
      hits.push(h);
    }
  }
  return hits.slice(0, limit);
}

function storedOf(index: SearchIndex, id: string): { type: NodeType; label: string } | undefined {
  const s = index.mini.getStoredFields(id);
  return s ? { type: s.type as NodeType, label: s.shown as string } : undefined;
}
