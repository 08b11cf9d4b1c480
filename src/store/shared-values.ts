/**
 * One copy per repeated value in the node rows read back from IndexedDB. A stored row comes back
 * as a fresh object whose every string and list is a fresh copy: at 100k nodes that was ~92k
 * copies of 'municipal', ~84k of 'task', ~88k outline numbers in 84k outline paths, and a copy of
 * its policy's id, region and source id per task, each one more object for the garbage collector
 * to trace on every major collection (which an analyst meets in the first interactions after a
 * reload). The fields here are the ones whose values repeat across rows by their nature (types,
 * levels, places, parents, sources, outline paths, issuers); ids, titles and texts are left alone.
 */
import type { GraphNode } from '../model';

const SCALAR_FIELDS = ['type', 'level', 'region', 'province', 'policyId', 'sourceId', 'parentId', 'kind'] as const;

/** The copies kept so far, for the rows of one read. */
export class SharedValues {
  readonly strings = new Map<string, string>();
  /** Outline paths by their parts; shared lists are frozen, so no row can change another's. */
  readonly paths = new Map<string, readonly string[]>();

  /** The kept copy of `value`, which is kept from now on if there was none. */
  string(value: string): string {
    const kept = this.strings.get(value);
    if (kept !== undefined) return kept;
    this.strings.set(value, value);
    return value;
  }

  /** The kept copy of an outline path (a list of strings), made and frozen at its first sight. */
  path(parts: readonly string[]): readonly string[] {
    const key = parts.join('\u0001');
    const kept = this.paths.get(key);
    if (kept !== undefined) return kept;
    const copy = Object.freeze(parts.map((p) => this.string(p)));
    this.paths.set(key, copy);
    return copy;
  }
}

/** Replaces the row's repeated values (in place) by the copies `shared` keeps. */
export function shareNodeValues(row: GraphNode, shared: SharedValues): void {
  const r = row as unknown as Record<string, unknown>;
  for (const f of SCALAR_FIELDS) {
    const v = r[f];
    if (typeof v === 'string') r[f] = shared.string(v);
  }
  if (Array.isArray(r.path) && r.path.every((p) => typeof p === 'string')) r.path = shared.path(r.path as string[]);
  if (Array.isArray(r.issuers)) {
    const list = r.issuers as unknown[];
    for (let i = 0; i < list.length; i++) if (typeof list[i] === 'string') list[i] = shared.string(list[i] as string);
  }
}
