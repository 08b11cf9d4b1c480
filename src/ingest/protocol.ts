/** Messages between the app and the ingestion worker (src/ingest/ingest.worker.ts). */
import type { FileExtractionRecord, GraphFile, Source, UserSource } from '../model';
import type { FileReport } from './accept';

export type IngestPhase = 'read' | 'extract' | 'assemble' | 'write';

export interface IngestProgress {
  phase: IngestPhase;
  /** Files extracted so far (extract), or rows written (write); total likewise. */
  done: number;
  total: number;
  /** The file being read, during extract. */
  path?: string;
}

export interface IngestSummary {
  status: 'done' | 'cancelled';
  reports: FileReport[];
  added: number;
  nodes: number;
  edges: number;
  /** Milliseconds per stage, measured in the worker. */
  ms: { extract: number; assemble: number; write: number; total: number };
}

export interface InputFile {
  path: string;
  /** A File from the drop or the file input (read in the worker), or pasted text as a Blob. */
  data: Blob;
}

export type WorkerRequest =
  | { kind: 'ingest'; job: number; dbName: string; files: InputFile[] }
  | { kind: 'remove'; job: number; dbName: string; sourceIds: string[] }
  | { kind: 'restore'; job: number; dbName: string; userSources: UserSource[]; replace: boolean }
  /** Re-assemble what is stored (after another writer stored the analyst's sources). */
  | { kind: 'reassemble'; job: number; dbName: string }
  /** Pure assembly (no database): for a refresh of the served graph that keeps the analyst's files. */
  | { kind: 'assemble'; job: number; sources: Source[]; extractions: FileExtractionRecord[] }
  | { kind: 'cancel'; job: number };

export type WorkerResponse =
  | { kind: 'progress'; job: number; progress: IngestProgress }
  | { kind: 'file'; job: number; report: FileReport }
  | { kind: 'done'; job: number; summary: IngestSummary }
  | { kind: 'assembled'; job: number; graph: GraphFile }
  | { kind: 'error'; job: number; name: string; message: string };
