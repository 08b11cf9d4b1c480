/**
 * Per-file extractions: what the extractor read in each file before corpus-wide resolution. The
 * graph is a pure function of the set of extractions (src/extract/assemble), so the build writes
 * them beside graph.json (extractions.json) and the browser re-assembles the graph from the stored
 * ones plus an analyst's new files: the same resolution as the CLI, against everything already there.
 */
import { z } from 'zod';
import { EvidenceSchema, IntentSchema, LevelSchema, SCHEMA_VERSION } from './graph';

const SpanShape = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };

export const InstitutionRefSchema = z.object({
  name: z.string(),
  written: z.string(),
  level: LevelSchema.optional(),
  region: z.string().optional(),
});

export const CitationMentionSchema = z.object({
  task: z.number().int().nonnegative().nullable(),
  title: z.string().optional(),
  rawTitle: z.string().optional(),
  docNumber: z.string().optional(),
  issuers: z.array(InstitutionRefSchema),
  kind: z.string().optional(),
  year: z.number().int().optional(),
  intent: IntentSchema,
  pin: z.string().optional(),
  evidence: EvidenceSchema,
});

export const TaskDraftSchema = z.object({
  ...SpanShape,
  path: z.array(z.string()),
  title: z.string(),
  fromOutline: z.boolean(),
  text: z.string().optional(),
});

export const PolicyDraftSchema = z.object({
  ...SpanShape,
  title: z.string(),
  titleConstructed: z.boolean(),
  docNumber: z.string().optional(),
  issuers: z.array(InstitutionRefSchema),
  dateWritten: z.string().optional(),
  datePublished: z.string().optional(),
  year: z.number().int().optional(),
  region: z.string().optional(),
  province: z.string().optional(),
  level: LevelSchema.optional(),
  kind: z.string().optional(),
  tasks: z.array(TaskDraftSchema),
  citations: z.array(CitationMentionSchema),
  programs: z.array(z.object({ name: z.string(), task: z.number().int().nonnegative().nullable(), evidence: EvidenceSchema })),
  institutions: z.array(InstitutionRefSchema.extend({ task: z.number().int().nonnegative().nullable(), evidence: EvidenceSchema })),
  titleEvidence: EvidenceSchema.optional(),
  rejected: z.array(z.object({ text: z.string(), reason: z.string(), evidence: EvidenceSchema })),
});

export const FileExtractionSchema = z.object({
  sourceId: z.string().min(1),
  policies: z.array(PolicyDraftSchema),
});

export const ExtractionsFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  extractions: z.array(FileExtractionSchema),
});

export type FileExtractionRecord = z.infer<typeof FileExtractionSchema>;
export type ExtractionsFile = z.infer<typeof ExtractionsFileSchema>;
