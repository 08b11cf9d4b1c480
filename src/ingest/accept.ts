/**
 * Which extracted files go into the graph: a file the extractor could not read, one with no
 * policy in it, or one whose content is already stored (or met earlier in the same batch) is
 * reported with the reason and left out; the rest become the analyst's sources. Pure.
 */
import type { Diagnostic, UserSource } from '../model';
import type { FileResult } from '../extract';

/** `skipped`: not offered to the extractor (not a .txt, .md or .html file). */
export type FileStatus = 'added' | 'rejected' | 'duplicate' | 'skipped';

export interface FileReport {
  path: string;
  sourceId: string;
  status: FileStatus;
  /** Why it was left out (the extractor's own message for a file it could not read). */
  reason?: string;
  /** Policies found, for an added file. */
  policies?: number;
  encoding?: string;
  /** For a duplicate: the path of the file with the same content. */
  sameAs?: string;
  /** What the extractor noticed in an added file (no title line, no numbered tasks…). */
  warnings?: string[];
}

export interface Known {
  /** Source id → path of what is stored already. */
  stored: ReadonlyMap<string, string>;
  /** Source id → path of what was accepted earlier in this batch. */
  batch: Map<string, string>;
}

/** The reason an extractor result cannot go in, from its diagnostics; undefined when it can. */
function rejection(r: FileResult): string | undefined {
  const error = r.diagnostics.find((d: Diagnostic) => d.level === 'error');
  if (error || !r.extraction || r.text === null) return error?.message ?? 'could not be read';
  if (r.extraction.policies.length === 0) {
    const none = r.diagnostics.find((d) => /no policy found/.test(d.message));
    return none ? `${r.source.path}: ${none.message}` : `${r.source.path}: no policy found in the text`;
  }
  return undefined;
}

/** Classifies one result; an accepted one is recorded in `known.batch`. */
export function accept(r: FileResult, known: Known): { report: FileReport; source?: UserSource } {
  const base = { path: r.source.path, sourceId: r.source.id, encoding: r.source.encoding };
  const reason = rejection(r);
  if (reason) return { report: { ...base, status: 'rejected', reason } };
  const same = known.stored.get(r.source.id) ?? known.batch.get(r.source.id);
  if (same !== undefined) return { report: { ...base, status: 'duplicate', reason: `same content as ${same}`, sameAs: same } };
  known.batch.set(r.source.id, r.source.path);
  const warnings = r.diagnostics.filter((d) => d.level === 'warning').map((d) => d.message);
  return {
    report: { ...base, status: 'added', policies: r.extraction!.policies.length, ...(warnings.length ? { warnings } : {}) },
    source: { source: { ...r.source, origin: 'user' }, text: r.text!, extraction: r.extraction! },
  };
}
