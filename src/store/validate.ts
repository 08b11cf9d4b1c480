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
import {
  ExtractionsFileSchema,
  FileExtractionSchema,
  GraphEdgeSchema,
  GraphFileSchema,
  GraphNodeSchema,
  describeZodError,
  graphFileIssues,
  type ExtractionsFile,
  type FileExtractionRecord,
  type GraphEdge,
  type GraphFile,
  type GraphNode,
} from '../model';
import { yieldToEventLoop } from '../util/schedule';

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

type Issue = z.core.$ZodIssue;

const shape = GraphFileSchema.shape;
/** The file without its two big arrays, checked by the contract's field schemas. */
const HeadSchema = z.object({ schemaVersion: shape.schemaVersion, sources: shape.sources, diagnostics: shape.diagnostics });

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * The contract's file-level refinement (GraphFileSchema's superRefine), on already valid rows.
 * Its sets of 500k ids took 2 s in one task at 100k nodes: it yields like the row checks.
 */
async function fileLevelIssues(nodes: readonly GraphNode[], edges: readonly GraphEdge[], clock: SliceClock): Promise<Issue[]> {
  const issues: Issue[] = [];
  let step = 0;
  for (const issue of graphFileIssues(nodes, edges)) {
    if (issue) issues.push({ code: 'custom', ...issue, input: undefined } as Issue);
    else if (clock.due(step++)) await clock.tick();
  }
  return issues;
}

/** Yields to the event loop once `sliceMs` have passed since the last yield. */
class SliceClock {
  private start = performance.now();
  constructor(private readonly sliceMs: number) {}

  /** Whether the slice is over, after unit `i` of the work (the clock is read every 32 units). */
  due(i: number): boolean {
    return (i & 31) === 31 && performance.now() - this.start > this.sliceMs;
  }

  /** Ends the slice: yields, and the next slice starts when the event loop comes back. */
  async tick(): Promise<void> {
    await yieldToEventLoop();
    this.start = performance.now();
  }
}

/**
 * Validates the rows of one big array with the contract's row schema, yielding every `sliceMs`.
 * Issues get the array's path prefix (`nodes.12.name`), as the file schema would report them.
 */
class RowSlicer {
  private done = 0;
  readonly issues: Issue[] = [];
  readonly clock: SliceClock;

  constructor(
    private readonly total: number,
    sliceMs: number,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {
    this.clock = new SliceClock(sliceMs);
  }

  async rows<T>(name: string, input: unknown[], schema: z.ZodType<T>): Promise<T[]> {
    const out: T[] = new Array(input.length);
    for (let i = 0; i < input.length; i++) {
      const r = schema.safeParse(input[i]);
      // zod returns a copy; keeping it beside the caller's rows doubled the heap (500k rows) and
      // brought second-long GC pauses. When the copy equals the input, the input row is kept.
      if (r.success) out[i] = nothingStripped(r.data, input[i]) ? (input[i] as T) : r.data;
      else for (const issue of r.error.issues) this.issues.push({ ...issue, path: [name, i, ...issue.path] });
      if (this.clock.due(i)) {
        this.onProgress?.(this.done + i + 1, this.total);
        await this.clock.tick();
      }
    }
    this.done += input.length;
    return out;
  }
}

/**
 * Validates `raw` like `validateGraphFile`, yielding to the event loop every `sliceMs`.
 * Returns the parsed file (unknown keys stripped, as the schema does); throws GraphValidationError.
 */
export async function validateGraphFileSliced(raw: unknown, opts: SlicedValidationOptions = {}): Promise<GraphFile> {
  // Not an object with two arrays: nothing big to slice, the contract schema says what is wrong.
  if (!isRecord(raw) || !Array.isArray(raw.nodes) || !Array.isArray(raw.edges)) return validateGraphFile(raw);
  const rawNodes = raw.nodes as unknown[];
  const rawEdges = raw.edges as unknown[];
  const total = rawNodes.length + rawEdges.length;
  const slicer = new RowSlicer(total, opts.sliceMs ?? 30, opts.onProgress);
  const head = HeadSchema.safeParse(raw);
  if (!head.success) slicer.issues.push(...head.error.issues);
  const nodes = await slicer.rows('nodes', rawNodes, GraphNodeSchema as z.ZodType<GraphNode>);
  const edges = await slicer.rows('edges', rawEdges, GraphEdgeSchema as z.ZodType<GraphEdge>);
  const issues = slicer.issues;
  if (!issues.length) issues.push(...(await fileLevelIssues(nodes, edges, slicer.clock)));
  opts.onProgress?.(total, total);
  if (issues.length) throw new GraphValidationError(describeZodError(new z.ZodError(sortIssues(issues, Object.keys(shape)))));
  const h = head.data!;
  return { schemaVersion: h.schemaVersion, sources: h.sources, nodes, edges, diagnostics: h.diagnostics };
}

const ExtractionsHeadSchema = z.object({ schemaVersion: ExtractionsFileSchema.shape.schemaVersion });

/**
 * Validates a served extractions.json like ExtractionsFileSchema (one record per corpus file:
 * thousands for a big corpus), yielding every `sliceMs`; throws GraphValidationError.
 */
export async function validateExtractionsFileSliced(raw: unknown, opts: SlicedValidationOptions = {}): Promise<ExtractionsFile> {
  const whole = (): ExtractionsFile => {
    const parsed = ExtractionsFileSchema.safeParse(raw);
    if (!parsed.success) throw new GraphValidationError(`extractions.json: ${describeZodError(parsed.error)}`);
    return parsed.data;
  };
  if (!isRecord(raw) || !Array.isArray(raw.extractions)) return whole();
  const rows = raw.extractions as unknown[];
  const slicer = new RowSlicer(rows.length, opts.sliceMs ?? 30, opts.onProgress);
  const head = ExtractionsHeadSchema.safeParse(raw);
  if (!head.success) slicer.issues.push(...head.error.issues);
  const extractions = await slicer.rows('extractions', rows, FileExtractionSchema as z.ZodType<FileExtractionRecord>);
  if (slicer.issues.length) throw new GraphValidationError(`extractions.json: ${describeZodError(new z.ZodError(sortIssues(slicer.issues, Object.keys(ExtractionsFileSchema.shape))))}`);
  return { schemaVersion: head.data!.schemaVersion, extractions };
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
function sortIssues(issues: Issue[], order: string[]): Issue[] {
  const rank = (i: Issue) => {
    const k = order.indexOf(String(i.path[0]));
    return k < 0 ? order.length : k;
  };
  return issues.map((issue, at) => ({ issue, at })).sort((a, b) => rank(a.issue) - rank(b.issue) || a.at - b.at).map((x) => x.issue);
}
