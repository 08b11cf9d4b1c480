/**
 * The extractor: the same pure code runs in the build script (Node) and in a Web Worker.
 * extractFile reads one file; assembleGraph resolves entities across all of them.
 */
import { GraphFileSchema, describeZodError, type Diagnostic, type FileExtractionRecord, type GraphFile, type Source } from '../model';
import type { InputFile } from './types';
import { extractFile, type FileResult } from './file';
import { assembleGraph, type FileExtraction } from './assemble';

export { extractFile, assembleGraph };
export type { FileResult, FileExtraction, InputFile };

// The stored form of an extraction (src/model/extraction) must accept what the extractor produces.
type Assignable<T extends U, U> = T;
export type CheckedExtraction = Assignable<FileExtraction, FileExtractionRecord>;

export interface BuildProgress {
  (done: number, total: number | undefined, path: string): void;
}

export interface BuildOptions {
  onProgress?: BuildProgress;
  total?: number;
  keepTexts?: boolean;
  onText?: (sourceId: string, text: string) => void | Promise<void>;
  /** Reads one file; extractFile unless a host runs it elsewhere (a pool of workers). */
  extract?: (file: InputFile) => Promise<FileResult>;
  /** Files in flight at once (pooled extraction); results are still taken in input order. Default 1. */
  concurrency?: number;
}

/** Builds the graph of a set of files; texts maps sourceId → decoded text. */
export async function buildGraph(
  files: Iterable<InputFile> | AsyncIterable<InputFile>,
  opts: BuildOptions = {},
): Promise<{ graph: GraphFile; texts: Map<string, string>; extractions: FileExtraction[] }> {
  const sources: Source[] = [];
  const extractions: FileExtraction[] = [];
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const seen = new Set<string>();
  // In process, without pauses between stages: the Node hosts read their files synchronously, so
  // no read waits for an event-loop turn (a host that needs turns passes its own `extract`).
  const extract = opts.extract ?? ((f: InputFile) => extractFile(f));
  const limit = Math.max(1, Math.floor(opts.concurrency ?? 1));
  let done = 0;
  // Results are taken in input order whatever order they finish in, so the first of two files with
  // the same content is the one kept, as in a sequential build.
  const take = async (path: string, pending: Promise<FileResult>): Promise<void> => {
    const r = await pending;
    done++;
    diagnostics.push(...r.diagnostics);
    if (seen.has(r.source.id)) {
      diagnostics.push({ sourceId: r.source.id, path, level: 'warning', message: `${path}: same content as an earlier file; skipped` });
    } else {
      seen.add(r.source.id);
      sources.push(r.source);
      if (r.extraction) extractions.push(r.extraction);
      if (r.text !== null) {
        if (opts.onText) await opts.onText(r.source.id, r.text);
        if (opts.keepTexts !== false) texts.set(r.source.id, r.text);
      }
    }
    opts.onProgress?.(done, opts.total, path);
  };
  const inFlight: Array<{ path: string; result: Promise<FileResult> }> = [];
  for await (const f of files) {
    const result = extract(f);
    result.catch(() => undefined); // a failure is raised where it is taken, not as an unhandled rejection meanwhile
    inFlight.push({ path: f.path, result });
    if (inFlight.length >= limit) {
      const next = inFlight.shift()!;
      await take(next.path, next.result);
    }
  }
  for (const next of inFlight) await take(next.path, next.result);
  const graph = assembleGraph(sources, extractions, diagnostics);
  return { graph, texts, extractions };
}

/** Validates a graph with the contract's schema; throws with the zod paths of the first problems. */
export function validateGraph(graph: GraphFile): GraphFile {
  const r = GraphFileSchema.safeParse(graph);
  if (!r.success) throw new Error(`graph does not match the schema: ${describeZodError(r.error)}`);
  return r.data;
}
