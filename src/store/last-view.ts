/**
 * The view the explorer last drew, kept so that a reload can draw it at once, before the rows are
 * read and the graph is built (seconds at 100k nodes). It is stored with the identity of the rows
 * it was drawn from: any import, ingestion or correction changes that identity, and a view of other
 * rows is never shown. What the view holds is the UI's business (an opaque payload here).
 */
import { META, type PolicyDB } from './db';
import { INGEST_META } from './ingest';

const LAST_VIEW_KEY = 'lastView';

export interface LastViewRecord {
  /** `rowsIdentity` of the rows the view was drawn from. */
  identity: string;
  /** The UI state the view answers (filters, language…), as the UI encodes it. */
  state: string;
  payload: unknown;
}

/**
 * A string that changes whenever the rows the explorer shows change: the imported graph's hash and
 * counts, the revision of the analyst's own extractions, and every stored correction (they are few
 * and small, so they are hashed whole).
 */
export async function rowsIdentity(db: PolicyDB): Promise<string> {
  return db.transaction('r', db.meta, db.corrections, async () => {
    const [hash, counts, revision, corrections] = await Promise.all([
      db.meta.get(META.contentHash),
      db.meta.get(META.counts),
      db.meta.get(INGEST_META.revision),
      db.corrections.toArray(),
    ]);
    return JSON.stringify([hash?.value ?? null, counts?.value ?? null, revision?.value ?? 0, fnv1a(JSON.stringify(corrections)), corrections.length]);
  });
}

export async function saveLastView(db: PolicyDB, record: LastViewRecord): Promise<void> {
  await db.meta.put({ key: LAST_VIEW_KEY, value: record });
}

/** The stored view, or null when there is none or it is not in the stored shape. */
export async function loadLastView(db: PolicyDB): Promise<LastViewRecord | null> {
  const v = (await db.meta.get(LAST_VIEW_KEY))?.value as Partial<LastViewRecord> | undefined;
  return v && typeof v.identity === 'string' && typeof v.state === 'string' ? (v as LastViewRecord) : null;
}

/** 32-bit FNV-1a of a string, as 8 hex digits: a cheap fingerprint, not a security hash. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
