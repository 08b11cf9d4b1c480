/** Analyst data that survives every import: notes on nodes and saved views. */
import type { NoteRow, PolicyDB, SavedViewRow } from './db';

export async function getNote(db: PolicyDB, nodeId: string): Promise<NoteRow | undefined> {
  return db.notes.get(nodeId);
}

/** Saves a note; an empty text deletes it. */
export async function saveNote(db: PolicyDB, nodeId: string, text: string): Promise<void> {
  if (text.trim() === '') await db.notes.delete(nodeId);
  else await db.notes.put({ nodeId, text, updatedAt: Date.now() });
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
