/**
 * The decoded texts of the sources: fetched one file each (texts/<sourceId>.txt), either before an
 * import's transaction or, for a big corpus, after it (`storeMissingTexts`), so that the graph is
 * usable while thousands of texts still download (4,000 sources took 8–16 s of requests in headless
 * Chromium, more than validating and writing 500k graph rows).
 *
 * A source id is derived from the file's bytes, so a stored text is the text of any source with
 * that id: texts already stored are kept and not fetched again.
 */
import type { PolicyDB, TextRow } from './db';

/** Loads the decoded text of one source, or null when it is unavailable. */
export type FetchText = (sourceId: string) => Promise<string | null>;

/** Requests at once: HTTP/1.1 browsers open six connections a host anyway. */
const PARALLEL_FETCHES = 6;

export interface FetchTextsOptions {
  /** Called after each fetch (row null when it failed); awaited before that worker goes on. */
  onText?: (row: TextRow | null, done: number, total: number) => void | Promise<void>;
  /** Keep the fetched rows in the result (default true; false when onText takes them). */
  collect?: boolean;
}

/** Fetches the texts of `ids`, a few at a time; a failed or missing one is listed in `missing`. */
export async function fetchTexts(ids: readonly string[], fetchText: FetchText, opts: FetchTextsOptions = {}): Promise<{ texts: TextRow[]; missing: string[] }> {
  const { onText, collect = true } = opts;
  const texts: TextRow[] = [];
  const missing: string[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < ids.length) {
      const sourceId = ids[next++];
      let text: string | null = null;
      try {
        text = await fetchText(sourceId);
      } catch {
        text = null;
      }
      const row = text === null ? null : { sourceId, text };
      if (!row) missing.push(sourceId);
      else if (collect) texts.push(row);
      await onText?.(row, ++done, ids.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_FETCHES, ids.length) }, worker));
  return { texts, missing: missing.sort() };
}

/** Ids of stored sources that have no stored text. */
export async function sourcesWithoutText(db: PolicyDB): Promise<string[]> {
  return db.transaction('r', [db.sources, db.texts], async () => {
    const [sources, texts] = await Promise.all([db.sources.toCollection().primaryKeys(), db.texts.toCollection().primaryKeys()]);
    const have = new Set(texts);
    return sources.filter((id) => !have.has(id)).sort();
  });
}

export interface StoreTextsResult {
  /** Texts fetched and stored. */
  stored: number;
  /** Sources whose text could not be loaded. */
  missing: string[];
  /** Why writing stopped (quota, closed database), when it did. */
  error?: unknown;
}

export interface StoreTextsOptions {
  /** Texts written per transaction. */
  batch?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Fetches and stores the text of every stored source that has none, in small transactions. A
 * text whose source is gone by the time it is written (another import in between) is dropped.
 * Never rejects: a write error ends the work and is returned.
 */
export async function storeMissingTexts(db: PolicyDB, fetchText: FetchText, opts: StoreTextsOptions = {}): Promise<StoreTextsResult> {
  const batchSize = opts.batch ?? 100;
  let stored = 0;
  let error: unknown;
  let pending: TextRow[] = [];
  const flush = async () => {
    const rows = pending;
    pending = [];
    if (!rows.length || error !== undefined) return;
    try {
      await db.transaction('rw', [db.sources, db.texts], async () => {
        const sources = await db.sources.bulkGet(rows.map((r) => r.sourceId));
        const keep = rows.filter((_, i) => sources[i] !== undefined);
        await db.texts.bulkPut(keep);
        stored += keep.length;
      });
    } catch (e) {
      error = e;
    }
  };
  let ids: string[];
  try {
    ids = await sourcesWithoutText(db);
  } catch (e) {
    return { stored: 0, missing: [], error: e };
  }
  const { missing } = await fetchTexts(ids, fetchText, {
    collect: false,
    onText: async (row, done, total) => {
      if (row && error === undefined) pending.push(row);
      if (pending.length >= batchSize) await flush();
      opts.onProgress?.(done, total);
    },
  });
  await flush();
  return { stored, missing, ...(error !== undefined ? { error } : {}) };
}
