/**
 * The analyst's workspace: notes and tags on nodes, saved views, corrections to the extracted
 * graph, and documents the analyst added. Everything is keyed by the graph's canonical ids, so it
 * survives a rebuild; the workspace file exports and imports it (validated here; a bad file is
 * refused with the zod path of the problem and changes nothing).
 */
import { z } from 'zod';
import { EvidenceSchema, IntentSchema, LevelSchema, SourceSchema } from './graph';
import { FileExtractionSchema } from './extraction';

export const NoteSchema = z.object({
  nodeId: z.string().min(1),
  text: z.string(),
  tags: z.array(z.string()).default([]),
  /** The node's label when the note was written: lets a note whose node vanished still say what it was about. */
  label: z.string().optional(),
  updatedAt: z.number(),
});
export type Note = z.infer<typeof NoteSchema>;

export const SavedViewSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  /** The deep-link hash that restores filters, selection, mode and language. */
  hash: z.string(),
  /** Node positions of the layout when the view was saved. */
  positions: z.record(z.string(), z.object({ x: z.number(), y: z.number() })).optional(),
  createdAt: z.number(),
});
export type SavedView = z.infer<typeof SavedViewSchema>;

const correctionBase = {
  id: z.string().min(1),
  createdAt: z.number(),
  /** Why the analyst made it. */
  note: z.string().optional(),
};

export const CorrectionSchema = z.discriminatedUnion('kind', [
  /** Two or more nodes are one entity: the others fold into `keep`. */
  z.object({ ...correctionBase, kind: z.literal('merge'), keep: z.string().min(1), others: z.array(z.string().min(1)).min(1) }),
  /** A node wrongly merged by the extractor: the listed edges move to a new node with its own label. */
  z.object({ ...correctionBase, kind: z.literal('split'), nodeId: z.string().min(1), newLabel: z.string().min(1), edgeIds: z.array(z.string().min(1)).min(1) }),
  /** A false citation (or any false edge) is dropped. */
  z.object({ ...correctionBase, kind: z.literal('drop-edge'), edgeId: z.string().min(1) }),
  /** A missing citation is added, with the evidence the analyst points at. */
  z.object({
    ...correctionBase,
    kind: z.literal('add-citation'),
    source: z.string().min(1),
    target: z.string().min(1),
    intent: IntentSchema,
    evidence: EvidenceSchema,
  }),
  /** A document's (or policy's) year or level is set by the analyst. */
  z.object({ ...correctionBase, kind: z.literal('set-year'), nodeId: z.string().min(1), year: z.number().int().min(1900).max(2100) }),
  z.object({ ...correctionBase, kind: z.literal('set-level'), nodeId: z.string().min(1), level: LevelSchema }),
]);
export type Correction = z.infer<typeof CorrectionSchema>;

/** A document the analyst added in the browser: enough to rebuild the graph and show its text. */
export const UserSourceSchema = z.object({
  source: SourceSchema,
  text: z.string(),
  extraction: FileExtractionSchema,
});
export type UserSource = z.infer<typeof UserSourceSchema>;

export const WORKSPACE_FORMAT = 'policy-lineage-workspace' as const;

export const WorkspaceFileSchema = z.object({
  format: z.literal(WORKSPACE_FORMAT),
  version: z.literal(1),
  exportedAt: z.string().optional(),
  notes: z.array(NoteSchema),
  views: z.array(SavedViewSchema),
  corrections: z.array(CorrectionSchema),
  userSources: z.array(UserSourceSchema).default([]),
});
export type WorkspaceFile = z.infer<typeof WorkspaceFileSchema>;
