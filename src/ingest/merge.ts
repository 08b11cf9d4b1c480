/**
 * The set of per-file extractions the graph is assembled from, and how an analyst's change
 * (files added, files removed) turns one set into the next. Pure: the graph itself is then
 * `assembleGraph(sources, extractions, …)` of the result, so corpus and user files are resolved
 * together exactly as the CLI would resolve them.
 */
import type { FileExtractionRecord, Source, UserSource } from '../model';

export interface ExtractionSet {
  sources: Source[];
  extractions: FileExtractionRecord[];
}

export interface ExtractionChange {
  /** The analyst's files to add (or to replace, when a source with the same id is stored). */
  add: UserSource[];
  /** Source ids to drop. */
  remove: string[];
}

/**
 * The set after `change`: removed ids go (source and extraction), added ones come in marked as
 * the analyst's (`origin: 'user'`). A source id both removed and added ends up added. Output is
 * sorted by source id, so the result does not depend on the order things were stored in.
 */
export function applyChange(set: ExtractionSet, change: ExtractionChange): ExtractionSet {
  const drop = new Set(change.remove);
  const sources = new Map<string, Source>();
  const extractions = new Map<string, FileExtractionRecord>();
  for (const s of set.sources) if (!drop.has(s.id)) sources.set(s.id, s);
  for (const x of set.extractions) if (!drop.has(x.sourceId)) extractions.set(x.sourceId, x);
  for (const u of change.add) {
    sources.set(u.source.id, { ...u.source, origin: 'user' });
    extractions.set(u.source.id, u.extraction);
  }
  const byId = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  return { sources: byId(sources), extractions: byId(extractions) };
}

/** True for a source the analyst added (corpus sources from older builds may have no origin). */
export function isUserSource(s: Pick<Source, 'origin'>): boolean {
  return s.origin === 'user';
}
