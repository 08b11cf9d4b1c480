/**
 * One string per repeated value in the node rows read back from IndexedDB. A stored row comes
 * back as a fresh object whose every string is a fresh copy: at 100k nodes that was ~92k copies
 * of 'municipal', ~84k of 'task', ~88k path numbers, and a copy of its policy's id, region and
 * source id per task, each one more object for the garbage collector to trace on every major
 * collection (which landed inside the first interaction after a reload). The fields here are
 * the ones whose values repeat across rows by their nature (types, levels, places, parents,
 * sources, outline numbers, issuers); ids, titles and texts are left alone.
 */
import type { GraphNode } from '../model';

const SCALAR_FIELDS = ['type', 'level', 'region', 'province', 'policyId', 'sourceId', 'parentId', 'kind'] as const;
const LIST_FIELDS = ['path', 'issuers'] as const;

/** The table's copy of `value`, which it keeps from now on if it had none. */
function shared(table: Map<string, string>, value: string): string {
  const kept = table.get(value);
  if (kept !== undefined) return kept;
  table.set(value, value);
  return value;
}

/** Replaces the row's repeated strings (in place) by the copies already in `table`. */
export function shareNodeStrings(row: GraphNode, table: Map<string, string>): void {
  const r = row as unknown as Record<string, unknown>;
  for (const f of SCALAR_FIELDS) {
    const v = r[f];
    if (typeof v === 'string') r[f] = shared(table, v);
  }
  for (const f of LIST_FIELDS) {
    const list = r[f];
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) if (typeof list[i] === 'string') list[i] = shared(table, list[i] as string);
  }
}
