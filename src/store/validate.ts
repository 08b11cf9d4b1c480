/**
 * Validation of a graph file against the contract (src/model GraphFileSchema) in slices that
 * yield to the event loop, so a 500k-row file is never one multi-second main-thread task.
 *
 * It accepts and rejects exactly what `GraphFileSchema.safeParse` does: every row goes through
 * the contract's own row schemas, the file's other fields through the contract's own field
 * schemas, and the file-level checks (unique node and edge ids, edges between existing nodes) are
 * the contract's superRefine, run like it only when every row is valid. Issues carry the same
 * paths (`nodes.12.name`) so the error reads the same. test/unit/store/validate.test.ts checks the
 * equivalence on valid and broken files.
 */
import { z } from 'zod';
import { GraphEdgeSchema, GraphFileSchema, GraphNodeSchema, describeZodError, type GraphEdge, type GraphFile, type GraphNode } from '../model';
import { yieldToEventLoop } from './yield';

export class GraphValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GraphValidationError';
  }
}

/** Validates `raw` against the graph-file schema in one go; throws GraphValidationError. */
export function validateGraphFile(raw: unknown): GraphFile {
  const parsed = GraphFileSchema.safeParse(raw);
  if (!parsed.success) throw new GraphValidationError(describeZodError(parsed.error));
  return parsed.data;
}

export interface SlicedValidationOptions {
  /** Longest stretch of validation between two yields, in ms. */
  sliceMs?: number;
  onProgress?: (done: number, total: number) => void;
}

const shape = GraphFileSchema.shape;
/** The file without its two big arrays, checked by the contract's field schemas. */
const HeadSchema = z.object({ schemaVersion: shape.schemaVersion, sources: shape.sources, diagnostics: shape.diagnostics });

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The contract's file-level refinement (GraphFileSchema's superRefine), on already valid rows. */
function fileLevelIssues(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): z.core.$ZodIssue[] {
  const issues: z.core.$ZodIssue[] = [];
  const add = (message: string, path: (string | number)[]) => issues.push({ code: 'custom', message, path, input: undefined } as z.core.$ZodIssue);
  const ids = new Set<string>();
  nodes.forEach((n, i) => {
    if (ids.has(n.id)) add(`duplicate node id ${n.id}`, ['nodes', i, 'id']);
    ids.add(n.id);
  });
  const edgeIds = new Set<string>();
  edges.forEach((e, i) => {
    if (edgeIds.has(e.id)) add(`duplicate edge id ${e.id}`, ['edges', i, 'id']);
    edgeIds.add(e.id);
    if (!ids.has(e.source)) add(`edge source ${e.source} is not a node`, ['edges', i, 'source']);
    if (!ids.has(e.target)) add(`edge target ${e.target} is not a node`, ['edges', i, 'target']);
  });
  return issues;
}

/**
 * Validates `raw` like `validateGraphFile`, yielding to the event loop every `sliceMs`.
 * Returns the parsed file (unknown keys stripped, as the schema does); throws GraphValidationError.
 */
export async function validateGraphFileSliced(raw: unknown, opts: SlicedValidationOptions = {}): Promise<GraphFile> {
  // Not an object with two arrays: nothing big to slice, the contract schema says what is wrong.
  if (!isRecord(raw) || !Array.isArray(raw.nodes) || !Array.isArray(raw.edges)) return validateGraphFile(raw);
  const sliceMs = opts.sliceMs ?? 30;
  const rawNodes = raw.nodes as unknown[];
  const rawEdges = raw.edges as unknown[];
  const total = rawNodes.length + rawEdges.length;
  const issues: z.core.$ZodIssue[] = [];
  const head = HeadSchema.safeParse(raw);
  if (!head.success) issues.push(...head.error.issues);

  let done = 0;
  let sliceStart = performance.now();
  const rows = async <T>(name: 'nodes' | 'edges', input: unknown[], schema: z.ZodType<T>): Promise<T[]> => {
    const out: T[] = new Array(input.length);
    for (let i = 0; i < input.length; i++) {
      const r = schema.safeParse(input[i]);
      // zod returns a copy; keeping it beside the caller's rows doubled the heap (500k rows) and
      // brought second-long GC pauses. When the copy equals the input, the input row is kept.
      if (r.success) out[i] = nothingStripped(r.data, input[i]) ? (input[i] as T) : r.data;
      else for (const issue of r.error.issues) issues.push({ ...issue, path: [name, i, ...issue.path] });
      // Checking the clock every 256 rows keeps its cost out of the profile.
      if ((i & 255) === 255 && performance.now() - sliceStart > sliceMs) {
        opts.onProgress?.(done + i + 1, total);
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
    done += input.length;
    return out;
  };
  const nodes = await rows('nodes', rawNodes, GraphNodeSchema as z.ZodType<GraphNode>);
  const edges = await rows('edges', rawEdges, GraphEdgeSchema as z.ZodType<GraphEdge>);
  if (!issues.length) issues.push(...fileLevelIssues(nodes, edges));
  opts.onProgress?.(total, total);
  if (issues.length) throw new GraphValidationError(describeZodError(new z.ZodError(sortIssues(issues))));
  const h = head.data!;
  return { schemaVersion: h.schemaVersion, sources: h.sources, nodes, edges, diagnostics: h.diagnostics };
}

/**
 * Whether zod's output equals its input: the schemas here neither coerce nor default, so the only
 * difference can be unknown keys the output lacks, at any depth.
 */
function nothingStripped(parsed: unknown, raw: unknown): boolean {
  if (parsed === raw) return true;
  if (typeof parsed !== 'object' || parsed === null || typeof raw !== 'object' || raw === null) return false;
  if (Array.isArray(parsed)) {
    if (!Array.isArray(raw) || raw.length !== parsed.length) return false;
    for (let i = 0; i < parsed.length; i++) if (!nothingStripped(parsed[i], raw[i])) return false;
    return true;
  }
  if (Array.isArray(raw) || Object.getPrototypeOf(raw) !== Object.prototype) return false;
  const p = parsed as Record<string, unknown>;
  const r = raw as Record<string, unknown>;
  let n = 0;
  for (const k in r) {
    if (!Object.hasOwn(r, k)) continue;
    n++;
    if (!Object.hasOwn(p, k) || !nothingStripped(p[k], r[k])) return false;
  }
  return n === Object.keys(p).length;
}

/** In the order the contract schema reports them: by the file's field order, then as found. */
function sortIssues(issues: z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const order = Object.keys(shape);
  const rank = (i: z.core.$ZodIssue) => {
    const k = order.indexOf(String(i.path[0]));
    return k < 0 ? order.length : k;
  };
  return issues.map((issue, at) => ({ issue, at })).sort((a, b) => rank(a.issue) - rank(b.issue) || a.at - b.at).map((x) => x.issue);
}
