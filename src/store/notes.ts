/** Analyst data that survives every import: notes on nodes and saved views. */
import type { NoteRow, PolicyDB, SavedViewRow } from './db';

export async function getNote(db: PolicyDB, nodeId: string): Promise<NoteRow | undefined> {
  return db.notes.get(nodeId);
}

/** Saves a note (with its tags and the node's label); an empty text with no tags deletes it. */
export async function saveNote(db: PolicyDB, nodeId: string, text: string, opts: { tags?: string[]; label?: string } = {}): Promise<void> {
  const tags = [...new Set((opts.tags ?? []).map((t) => t.trim()).filter(Boolean))];
  if (text.trim() === '' && !tags.length) await db.notes.delete(nodeId);
  else await db.notes.put({ nodeId, text, tags, updatedAt: Date.now(), ...(opts.label ? { label: opts.label } : {}) });
}

export async function listViews(db: PolicyDB): Promise<SavedViewRow[]> {
  return (await db.views.toArray()).sort((a, b) => b.createdAt - a.createdAt);
}

export async function saveView(db: PolicyDB, name: string, hash: string): Promise<SavedViewRow> {
  const row: SavedViewRow = { id: crypto.randomUUID(), name, hash, createdAt: Date.now() };
  await db.views.put(row);
  return row;
}

export async function deleteView(db: PolicyDB, id: string): Promise<void> {
  await db.views.delete(id);
}
