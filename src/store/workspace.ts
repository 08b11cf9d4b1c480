/**
 * The analyst's workspace in the store: notes (with tags) and saved views (with node positions),
 * the workspace file's export and import, and the notes whose node is gone after a rebuild.
 *
 * Import is all or nothing: the file is parsed and validated in full (zod, with the path of the
 * first problems in the error) before anything is written, then written in one transaction.
 */
import {
  WORKSPACE_FORMAT,
  WorkspaceFileSchema,
  describeZodError,
  type SavedView,
  type UserSource,
  type WorkspaceFile,
} from '../model';
import type { NoteRow, PolicyDB } from './db';

export class WorkspaceFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkspaceFileError';
  }
}

export async function listNotes(db: PolicyDB): Promise<NoteRow[]> {
  return (await db.notes.toArray()).sort((a, b) => b.updatedAt - a.updatedAt);
}

/** Notes keyed by canonical ids that the current graph no longer has (kept, listed with their stored label). */
export function orphanNotes(notes: readonly NoteRow[], hasNode: (id: string) => boolean): NoteRow[] {
  return notes.filter((n) => !hasNode(n.nodeId));
}

/** Every tag in use, with how many notes carry it (most used first). */
export function tagCounts(notes: readonly NoteRow[]): { tag: string; count: number }[] {
  const m = new Map<string, number>();
  for (const n of notes) for (const t of n.tags) m.set(t, (m.get(t) ?? 0) + 1);
  return [...m].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

export interface NewView {
  name: string;
  hash: string;
  positions?: SavedView['positions'];
}

export async function saveViewWithPositions(db: PolicyDB, view: NewView): Promise<SavedView> {
  const row: SavedView = { id: crypto.randomUUID(), createdAt: Date.now(), name: view.name, hash: view.hash, ...(view.positions ? { positions: view.positions } : {}) };
  await db.views.put(row);
  return row;
}

export async function getView(db: PolicyDB, id: string): Promise<SavedView | undefined> {
  return db.views.get(id);
}

/** The documents the analyst added in the browser (sources of origin 'user', with text and extraction). */
async function userSources(db: PolicyDB): Promise<UserSource[]> {
  const sources = await db.sources.where('origin').equals('user').toArray();
  const out: UserSource[] = [];
  for (const source of sources) {
    const [text, extraction] = await Promise.all([db.texts.get(source.id), db.extractions.get(source.id)]);
    if (text && extraction) out.push({ source, text: text.text, extraction });
  }
  return out;
}

export async function exportWorkspace(db: PolicyDB, now: Date = new Date()): Promise<WorkspaceFile> {
  return db.transaction('r', [db.notes, db.views, db.corrections, db.sources, db.texts, db.extractions], async () => ({
    format: WORKSPACE_FORMAT,
    version: 1 as const,
    exportedAt: now.toISOString(),
    notes: await db.notes.toArray(),
    views: await db.views.toArray(),
    corrections: await db.corrections.orderBy('createdAt').toArray(),
    userSources: await userSources(db),
  }));
}

/** Parses and validates a workspace file's text; throws WorkspaceFileError naming the problem. */
export function parseWorkspaceFile(text: string): WorkspaceFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new WorkspaceFileError(`not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = WorkspaceFileSchema.safeParse(raw);
  if (!parsed.success) throw new WorkspaceFileError(describeZodError(parsed.error));
  return parsed.data;
}

export interface WorkspaceImportResult {
  notes: number;
  views: number;
  corrections: number;
  userSources: number;
}

export interface WorkspaceImportOptions {
  /** Clear notes, views and corrections first (the default merges: same keys are overwritten). */
  replace?: boolean;
}

/**
 * Imports a workspace file (its text, or an already parsed value). Nothing is written unless the
 * whole file is valid; the write is one transaction. User sources are stored (source, text,
 * extraction) — the graph is re-assembled with them by whoever owns ingestion.
 */
export async function importWorkspace(db: PolicyDB, input: string | unknown, opts: WorkspaceImportOptions = {}): Promise<WorkspaceImportResult> {
  let ws: WorkspaceFile;
  if (typeof input === 'string') ws = parseWorkspaceFile(input);
  else {
    const parsed = WorkspaceFileSchema.safeParse(input);
    if (!parsed.success) throw new WorkspaceFileError(describeZodError(parsed.error));
    ws = parsed.data;
  }
  await db.transaction('rw', [db.notes, db.views, db.corrections, db.sources, db.texts, db.extractions], async () => {
    if (opts.replace) await Promise.all([db.notes.clear(), db.views.clear(), db.corrections.clear()]);
    await db.notes.bulkPut(ws.notes);
    await db.views.bulkPut(ws.views);
    await db.corrections.bulkPut(ws.corrections);
    if (ws.userSources.length) {
      await db.sources.bulkPut(ws.userSources.map((u) => ({ ...u.source, origin: 'user' as const })));
      await db.texts.bulkPut(ws.userSources.map((u) => ({ sourceId: u.source.id, text: u.text })));
      await db.extractions.bulkPut(ws.userSources.map((u) => u.extraction));
    }
  });
  return { notes: ws.notes.length, views: ws.views.length, corrections: ws.corrections.length, userSources: ws.userSources.length };
}

/** Removes notes, saved views and corrections (not the graph, not the analyst's documents). */
export async function clearWorkspace(db: PolicyDB): Promise<void> {
  await db.transaction('rw', [db.notes, db.views, db.corrections], async () => {
    await Promise.all([db.notes.clear(), db.views.clear(), db.corrections.clear()]);
  });
}
