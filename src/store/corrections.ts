/**
 * Analyst corrections to the extracted graph (src/model/workspace `Correction`). They are stored
 * apart from the graph rows, so an import never touches them, and applied when the rows are loaded
 * (src/graph/corrections `applyCorrections`).
 */
import { CorrectionSchema, describeZodError, type Correction } from '../model';
import type { PolicyDB } from './db';

/** A correction as the UI builds it: the id and time are given here. */
export type NewCorrection = Correction extends infer C ? (C extends Correction ? Omit<C, 'id' | 'createdAt'> : never) : never;

export class CorrectionValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorrectionValidationError';
  }
}

/** All corrections in the order they apply (oldest first). */
export async function listCorrections(db: PolicyDB): Promise<Correction[]> {
  return db.corrections.orderBy('createdAt').toArray();
}

/** Validates and stores a correction; returns it with its id and time. */
export async function addCorrection(db: PolicyDB, draft: NewCorrection): Promise<Correction> {
  // Strictly after the newest stored one, so corrections made in one millisecond keep their order.
  const last = await db.corrections.orderBy('createdAt').last();
  const createdAt = Math.max(Date.now(), (last?.createdAt ?? 0) + 1);
  const parsed = CorrectionSchema.safeParse({ ...draft, id: crypto.randomUUID(), createdAt });
  if (!parsed.success) throw new CorrectionValidationError(describeZodError(parsed.error));
  await db.corrections.put(parsed.data);
  return parsed.data;
}

export async function removeCorrection(db: PolicyDB, id: string): Promise<void> {
  await db.corrections.delete(id);
}
