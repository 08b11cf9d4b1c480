/**
 * The graph file contract (DESIGN.md "The graph file"): zod schemas are the single source of the
 * types. The build validates its own output with `GraphFileSchema` before writing; the browser
 * validates what it fetches or imports with the same schema.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 1 as const;

export const LEVELS = ['national', 'provincial', 'municipal', 'county'] as const;
export const LevelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof LevelSchema>;

export const INTENTS = ['implements', 'will_issue', 'revises', 'uses', 'completes', 'other'] as const;
export const IntentSchema = z.enum(INTENTS);
export type Intent = z.infer<typeof IntentSchema>;

export const NODE_TYPES = ['policy', 'task', 'document', 'program', 'institution', 'region'] as const;
export const NodeTypeSchema = z.enum(NODE_TYPES);
export type NodeType = z.infer<typeof NodeTypeSchema>;

export const EDGE_TYPES = [
  'contains',
  'cites',
  'mentions',
  'involves',
  'issued_by',
  'located_in',
  'adapts',
  'fulfils',
] as const;
export const EdgeTypeSchema = z.enum(EDGE_TYPES);
export type EdgeType = z.infer<typeof EdgeTypeSchema>;

/** Edge types whose every edge must carry evidence. */
export const EVIDENCED_EDGE_TYPES: readonly EdgeType[] = ['cites', 'mentions', 'involves', 'adapts'];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const year = z.number().int().min(1900).max(2100);

export const SourceSchema = z.object({
  /** Derived from the content hash, so the CLI and the browser agree. */
  id: z.string().min(1),
  /** Relative to the build's --input folder (or the file name in the browser). */
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  encoding: z.string(),
  /** 'corpus' for the built graph; 'user' for documents an analyst added in the browser. */
  origin: z.enum(['corpus', 'user']).optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const EvidenceSchema = z.object({
  sourceId: z.string().min(1),
  /** UTF-16 offsets into the decoded text of the source: text.slice(start, end) is the mention. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The sentence around the mention, exactly text.slice(quoteStart, quoteStart + quote.length). */
  quote: z.string(),
  quoteStart: z.number().int().nonnegative(),
  /** A pin cite (the article referred to, e.g. 第十二条) where the text names one. */
  pin: z.string().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

const nodeBase = {
  id: z.string().min(1),
  label: z.string(),
};

export const PolicyNodeSchema = z.object({
  ...nodeBase,
  type: z.literal('policy'),
  title: z.string(),
  titleConstructed: z.boolean(),
  docNumber: z.string().optional(),
  issuers: z.array(z.string()),
  dateWritten: isoDate.optional(),
  datePublished: isoDate.optional(),
  year: year.optional(),
  region: z.string().optional(),
  province: z.string().optional(),
  level: LevelSchema.optional(),
  kind: z.string().optional(),
  sourceId: z.string(),
  /** Aliases under which other documents cite this policy (title variants). */
  aliases: z.array(z.string()).optional(),
});

export const TaskNodeSchema = z.object({
  ...nodeBase,
  type: z.literal('task'),
  policyId: z.string(),
  /** Normalised section markers, e.g. ["二", "(一)", "1"]. */
  path: z.array(z.string()),
  title: z.string(),
  text: z.string(),
  fromOutline: z.boolean(),
  /** Denormalised from the policy so filters need no join. */
  year: year.optional(),
  region: z.string().optional(),
  level: LevelSchema.optional(),
  sourceId: z.string(),
  /** Offsets of the task's text in its source's decoded text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

export const DocumentNodeSchema = z.object({
  ...nodeBase,
  type: z.literal('document'),
  title: z.string().optional(),
  docNumber: z.string().optional(),
  issuers: z.array(z.string()),
  kind: z.string().optional(),
  year: year.optional(),
  level: LevelSchema.optional(),
  aliases: z.array(z.string()),
});

export const ProgramNodeSchema = z.object({
  ...nodeBase,
  type: z.literal('program'),
  name: z.string(),
  aliases: z.array(z.string()),
});

export const InstitutionNodeSchema = z.object({
  ...nodeBase,
  type: z.literal('institution'),
  name: z.string(),
  aliases: z.array(z.string()),
  level: LevelSchema.optional(),
  region: z.string().optional(),
});

export const RegionNodeSchema = z.object({
  ...nodeBase,
  type: z.literal('region'),
  name: z.string(),
  parentId: z.string().optional(),
  level: LevelSchema.optional(),
});

export const GraphNodeSchema = z.discriminatedUnion('type', [
  PolicyNodeSchema,
  TaskNodeSchema,
  DocumentNodeSchema,
  ProgramNodeSchema,
  InstitutionNodeSchema,
  RegionNodeSchema,
]);

export type PolicyNode = z.infer<typeof PolicyNodeSchema>;
export type TaskNode = z.infer<typeof TaskNodeSchema>;
export type DocumentNode = z.infer<typeof DocumentNodeSchema>;
export type ProgramNode = z.infer<typeof ProgramNodeSchema>;
export type InstitutionNode = z.infer<typeof InstitutionNodeSchema>;
export type RegionNode = z.infer<typeof RegionNodeSchema>;
export type GraphNode = z.infer<typeof GraphNodeSchema>;

export const GraphEdgeSchema = z
  .object({
    id: z.string().min(1),
    type: EdgeTypeSchema,
    source: z.string().min(1),
    target: z.string().min(1),
    evidence: z.array(EvidenceSchema),
    /** cites only: what the citing text does with the document. */
    intent: IntentSchema.optional(),
    /** adapts / fulfils: the name of the inference rule that produced the edge. */
    rule: z.string().optional(),
  })
  .superRefine((e, ctx) => {
    if (EVIDENCED_EDGE_TYPES.includes(e.type) && e.evidence.length === 0) {
      ctx.addIssue({ code: 'custom', message: `${e.type} edge without evidence`, path: ['evidence'] });
    }
    if (e.type === 'cites' && !e.intent) {
      ctx.addIssue({ code: 'custom', message: 'cites edge without intent', path: ['intent'] });
    }
  });
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;

export const DiagnosticSchema = z.object({
  sourceId: z.string().optional(),
  /** The file the diagnostic is about (always set when the file could not be read at all). */
  path: z.string().optional(),
  level: z.enum(['error', 'warning', 'info']),
  message: z.string(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

export const GraphFileSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    sources: z.array(SourceSchema),
    nodes: z.array(GraphNodeSchema),
    edges: z.array(GraphEdgeSchema),
    diagnostics: z.array(DiagnosticSchema),
  })
  .superRefine((g, ctx) => {
    for (const issue of graphFileIssues(g.nodes, g.edges)) if (issue) ctx.addIssue({ code: 'custom', ...issue });
  });
export type GraphFile = z.infer<typeof GraphFileSchema>;

/**
 * The file-level rules of a graph file whose rows are valid: unique node and edge ids, edges
 * between existing nodes. A generator that steps once per row (yielding an issue or null), so a
 * caller validating 500k rows can give the event loop a turn between steps (src/store/validate).
 */
export function* graphFileIssues(
  nodes: readonly { id: string }[],
  edges: readonly { id: string; source: string; target: string }[],
): Generator<{ message: string; path: (string | number)[] } | null> {
  const ids = new Set<string>();
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    yield ids.has(n.id) ? { message: `duplicate node id ${n.id}`, path: ['nodes', i, 'id'] } : null;
    ids.add(n.id);
  }
  const edgeIds = new Set<string>();
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    if (edgeIds.has(e.id)) yield { message: `duplicate edge id ${e.id}`, path: ['edges', i, 'id'] };
    edgeIds.add(e.id);
    if (!ids.has(e.source)) yield { message: `edge source ${e.source} is not a node`, path: ['edges', i, 'source'] };
    if (!ids.has(e.target)) yield { message: `edge target ${e.target} is not a node`, path: ['edges', i, 'target'] };
    yield null;
  }
}

/** A readable one-line account of a zod error: the first issues with their paths. */
export function describeZodError(err: z.ZodError, max = 3): string {
  return err.issues
    .slice(0, max)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}
