/**
 * Types shared by the extraction stages. Everything here is plain data (JSON-serialisable), so a
 * file's extraction can cross a worker boundary or be stored, and the graph can be re-assembled
 * from stored extractions without re-reading any text.
 */
import type { Evidence, Intent, Level } from '../model';

/** A half-open range of UTF-16 offsets into a source's decoded text. */
export interface Span {
  start: number;
  end: number;
}

/** A name found in the text: `name` is the name with stray whitespace removed; the span is as written. */
export interface NameMention extends Span {
  name: string;
}

/** An error about one input file that stops that file only (never the build). */
export class ExtractError extends Error {
  constructor(
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = 'ExtractError';
  }
}

export interface InputFile {
  /** Relative path (CLI) or file name (browser). */
  path: string;
  bytes: Uint8Array;
  origin?: 'corpus' | 'user';
  /** SHA-256 of `bytes` (lower-case hex) when the host already has it: Node hashes natively and
   * synchronously, where Web Crypto's per-call async job costs more than the hash on small files. */
  sha256?: string;
}

/** A resolved institution reference: canonical name plus the spelling met in the text. */
export interface InstitutionRef {
  name: string;
  written: string;
  level?: Level;
  region?: string;
}

/** One citation read in a policy: a 《title》 and/or a 文号, with what the text says around it. */
export interface CitationMention {
  /** Index of the citing task in its policy's task list, or null for the preamble. */
  task: number | null;
  /** Normalised title (issuer prefix and 关于印发〈…〉的通知 wrapper removed), if the text gives one. */
  title?: string;
  /** The title exactly as bracketed (without 《》), for aliases. */
  rawTitle?: string;
  docNumber?: string;
  issuers: InstitutionRef[];
  kind?: string;
  year?: number;
  intent: Intent;
  /** Pin cite, e.g. 第十二条. */
  pin?: string;
  /** Where the mention is (title bracket and 文号) and its sentence. */
  evidence: Evidence;
}

export interface TaskDraft extends Span {
  path: string[];
  title: string;
  fromOutline: boolean;
  /** The task's text (whitespace tidied), filled in once the decoded text is at hand. */
  text?: string;
}

export interface PolicyDraft extends Span {
  title: string;
  titleConstructed: boolean;
  docNumber?: string;
  issuers: InstitutionRef[];
  dateWritten?: string;
  datePublished?: string;
  year?: number;
  region?: string;
  province?: string;
  level?: Level;
  kind?: string;
  tasks: TaskDraft[];
  citations: CitationMention[];
  /** Programmes and institutions named in each task (task index, or null for the preamble). */
  programs: Array<{ name: string; task: number | null; evidence: Evidence }>;
  institutions: Array<InstitutionRef & { task: number | null; evidence: Evidence }>;
  /** Evidence for the policy's own title (where it is written), used by inferred edges. */
  titleEvidence?: Evidence;
  /** Bracketed spans that name no document, with the reason (for review). */
  rejected: Array<{ text: string; reason: string; evidence: Evidence }>;
}
