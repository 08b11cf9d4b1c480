/**
 * Classify errors from the store so the UI can say what happened and what to do.
 *
 * A full disk does not always arrive as a plain QuotaExceededError: IndexedDB aborts the
 * transaction and Dexie reports an AbortError whose `inner` is the quota error, and Dexie's own
 * wrappers (DexieError, BulkError) carry the cause in `inner` too. So we walk the chain.
 */
export type StorageErrorKind =
  | 'quota'
  | 'version'
  | 'unavailable'
  | 'invalid-graph'
  | 'network'
  | 'unknown';

export interface StorageErrorInfo {
  kind: StorageErrorKind;
  /** The original message, for the details line. */
  detail: string;
}

/** The fields of an error (Dexie's or the browser's) the classification reads; also what crosses from a worker. */
export interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

function chain(err: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  const seen = new Set<unknown>();
  const stack: unknown[] = [err];
  while (stack.length && out.length < 20) {
    const e = stack.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const el = e as ErrorLike;
    out.push(el);
    stack.push(el.inner, el.cause);
    if (Array.isArray(el.failures)) stack.push(...el.failures);
  }
  return out;
}

const names = (err: unknown) => chain(err).map((e) => String(e.name ?? ''));

export function isQuotaError(err: unknown): boolean {
  return chain(err).some(
    (e) => e.name === 'QuotaExceededError' || /quota/i.test(String(e.message ?? '')),
  );
}

export function describeStorageError(err: unknown): StorageErrorInfo {
  const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  const ns = names(err);
  if (isQuotaError(err)) return { kind: 'quota', detail };
  if (ns.includes('GraphValidationError') || ns.includes('SyntaxError')) return { kind: 'invalid-graph', detail };
  if (ns.some((n) => n === 'VersionError' || n === 'DatabaseClosedError' || n === 'VersionChangeError'))
    return { kind: 'version', detail };
  if (ns.some((n) => n === 'MissingAPIError' || n === 'InvalidStateError' || n === 'OpenFailedError'))
    return { kind: 'unavailable', detail };
  if (ns.includes('TypeError') && /fetch|network/i.test(detail)) return { kind: 'network', detail };
  return { kind: 'unknown', detail };
}
