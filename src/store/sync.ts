/**
 * Keep the local copy in step with the served graph.
 *
 * On start: fetch the small manifest beside the graph file (./manifest); when it names the hash
 * stored with the last import, nothing else is fetched. Otherwise (no manifest, another hash):
 * fetch the graph file, hash its bytes (SHA-256) and import only when the hash differs from the
 * stored one. When the fetch fails (offline, server gone) the app keeps working from what
 * IndexedDB holds.
 */
import { hasGraphRows } from './chunks';
import { META, type PolicyDB } from './db';
import { MANIFEST_FILE, parseManifest, type GraphManifest } from '../model';
import { sourcesWithoutText, storeMissingTexts, type StoreTextsResult } from './texts';
import { importGraph, type ImportProgress, type ImportResult } from './import';
import { INGEST_META, type Assembler } from './ingest';

export type SyncStatus =
  /** The served graph was new or changed and is now imported. */
  | 'imported'
  /** The served graph has the hash of the stored one: nothing written. */
  | 'unchanged'
  /** The graph could not be fetched; the stored copy is used. */
  | 'offline'
  /** The graph could not be fetched and nothing is stored yet. */
  | 'unavailable';

export interface SyncResult {
  status: SyncStatus;
  contentHash: string | null;
  import?: ImportResult;
  /** Why the fetch failed, for 'offline' / 'unavailable'. */
  fetchError?: string;
  /** 'unchanged' was decided from the manifest alone: the graph file was not downloaded. */
  fromManifest?: boolean;
  /**
   * With deferred texts: the texts still being fetched and stored after the graph was (also after an
   * 'unchanged' sync, for texts an interrupted earlier fetch left out). Never rejects.
   */
  texts?: Promise<StoreTextsResult>;
}

export interface SyncOptions {
  /** URL of graph.json; texts are read from `texts/<sourceId>.txt` beside it. */
  url?: string;
  fetch?: typeof globalThis.fetch;
  onProgress?: (p: ImportProgress) => void;
  /** Re-assembles the served corpus with the analyst's own files (see importGraph). */
  assemble?: Assembler;
  /**
   * Store the graph without waiting for the source texts (one request each: thousands for a big
   * corpus); they are fetched afterwards, see `SyncResult.texts`. 'auto' (the default): when the
   * corpus has more than `deferTextsAbove` sources.
   */
  deferTexts?: boolean | 'auto';
  /** The 'auto' threshold, in sources (default DEFER_TEXTS_ABOVE). */
  deferTextsAbove?: number;
  onTextsProgress?: (done: number, total: number) => void;
  /**
   * Deferred texts start downloading only once this settles (the page passes "the graph is shown"):
   * at 100k nodes a text fill running beside the reload's read and build of the graph slows both.
   */
  textsAfter?: Promise<unknown>;
}

/**
 * Above this many sources, texts are fetched after the graph is stored ('auto'): a few hundred
 * requests take a second or two; 4,000 took 8–24 s in headless Chromium.
 */
export const DEFER_TEXTS_ABOVE = 200;

export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function storedContentHash(db: PolicyDB): Promise<string | null> {
  const row = await db.meta.get(META.contentHash);
  return typeof row?.value === 'string' ? row.value : null;
}

/** Resolves a URL relative to the document (or to a dummy base outside a browser). */
function resolveUrl(url: string, base?: string): string {
  const root = base ?? (typeof location !== 'undefined' ? location.href : 'http://localhost/');
  return new URL(url, root).href;
}

/** The served manifest, or null when there is none, it cannot be fetched or does not validate. */
async function fetchManifest(doFetch: typeof globalThis.fetch, graphUrl: string): Promise<GraphManifest | null> {
  try {
    const res = await doFetch(resolveUrl(MANIFEST_FILE, graphUrl), { cache: 'no-cache' });
    if (!res.ok) return null;
    const manifest = parseManifest(await res.json());
    // A manifest for another file (the app pointed at a different graph URL) says nothing about this one.
    return manifest && resolveUrl(manifest.graph, graphUrl) === graphUrl ? manifest : null;
  } catch {
    return null;
  }
}

export async function syncGraph(db: PolicyDB, opts: SyncOptions = {}): Promise<SyncResult> {
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const graphUrl = resolveUrl(opts.url ?? './data/graph.json');
  const stored = await storedContentHash(db);
  const assemblable = async () => (await db.meta.get(INGEST_META.assemblable))?.value === true;
  // The per-file extractions beside the graph (absent from older builds). Fetched before the
  // import's transaction: awaiting a fetch inside it would let it commit early.
  const fetchExtractions = async (): Promise<unknown> => {
    try {
      const res = await doFetch(resolveUrl('extractions.json', graphUrl), { cache: 'no-cache' });
      return res.ok ? ((await res.json()) as unknown) : undefined;
    } catch {
      return undefined;
    }
  };
  /**
   * For a served graph with the stored hash: import again only to add the extractions a database
   * from an older build lacks. Returns them, or undefined when there is nothing to do.
   */
  const extractionsToAdd = async (): Promise<unknown> => ((await assemblable()) ? undefined : fetchExtractions());
  const fetchText = async (sourceId: string): Promise<string | null> => {
    const res = await doFetch(resolveUrl(`texts/${encodeURIComponent(sourceId)}.txt`, graphUrl));
    return res.ok ? res.text() : null;
  };
  const deferAbove = opts.deferTextsAbove ?? DEFER_TEXTS_ABOVE;
  const defer = async (sources: () => number | Promise<number>): Promise<boolean> =>
    opts.deferTexts === undefined || opts.deferTexts === 'auto' ? (await sources()) > deferAbove : opts.deferTexts;
  /** With deferred texts, the result gets the background fetch of texts not stored yet (if any). */
  const withTexts = async (result: SyncResult, deferred: boolean): Promise<SyncResult> => {
    if (!deferred) return result;
    if (result.status === 'unchanged' && (await sourcesWithoutText(db)).length === 0) return result;
    const after = (opts.textsAfter ?? Promise.resolve()).catch(() => undefined);
    return { ...result, texts: after.then(() => storeMissingTexts(db, fetchText, { onProgress: opts.onTextsProgress })) };
  };

  let extractions: unknown;
  let prefetched = false;
  if (stored !== null && (await fetchManifest(doFetch, graphUrl))?.sha256 === stored) {
    extractions = await extractionsToAdd();
    if (extractions === undefined) return withTexts({ status: 'unchanged', contentHash: stored, fromManifest: true }, await defer(() => db.sources.count()));
    prefetched = true;
  }

  let bytes: ArrayBuffer;
  try {
    // no-cache: revalidate with the server, so a rebuilt graph is seen on the next visit.
    const res = await doFetch(graphUrl, { cache: 'no-cache' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    bytes = await res.arrayBuffer();
  } catch (e) {
    const fetchError = e instanceof Error ? e.message : String(e);
    const hasData = stored !== null || (await hasGraphRows(db));
    return { status: hasData ? 'offline' : 'unavailable', contentHash: stored, fetchError };
  }

  // The bytes decide, not the manifest: it may lag a graph.json rewritten after it was read.
  const hash = await sha256Hex(bytes);
  if (hash === stored) {
    if (!prefetched) extractions = await extractionsToAdd();
    if (extractions === undefined) return withTexts({ status: 'unchanged', contentHash: hash }, await defer(() => db.sources.count()));
  } else if (!prefetched) {
    extractions = await fetchExtractions();
  }

  const raw: unknown = JSON.parse(new TextDecoder().decode(bytes));
  const deferTexts = await defer(() => {
    const sources = (raw as { sources?: unknown } | null)?.sources;
    return Array.isArray(sources) ? sources.length : 0;
  });
  const result = await importGraph(db, raw, {
    contentHash: hash,
    fetchText,
    deferTexts,
    onProgress: opts.onProgress,
    extractions,
    assemble: opts.assemble,
  });
  return withTexts({ status: 'imported', contentHash: hash, import: result }, deferTexts);
}

/**
 * Asks the browser not to evict this origin's storage. Returns whether storage is persistent
 * (false when refused or unsupported: the data may then be evicted under storage pressure).
 */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return false;
  }
}
