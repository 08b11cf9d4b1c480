/**
 * One file through the per-file stages: decode → clean → segment → metadata → find. Never
 * throws: a file that cannot be read yields an error diagnostic naming it and the reason.
 */
import type { Diagnostic, Source } from '../model';
import type { InputFile, PolicyDraft, Span, TaskDraft } from './types';
import { ExtractError } from './types';
import type { FileExtraction } from './assemble';
import { decodeBytes } from './decode';
import { htmlToText, looksLikeHtml } from './html';
import { cleanText } from './clean';
import { segmentPolicies } from './segment';
import { readMetadata } from './segment/metadata';
import { findCitations } from './find/citations';
import { findPrograms } from './find/programs';
import { findInstitutions } from './find/institutions';
import { canonicalInstitution } from './resolve/institutions';
import { evidenceAt, type DocText } from './evidence';
import { sha256Hex, sourceIdOf } from './hash';
import { squeezeCjkSpaces } from './normalize';
import { SpanIndex } from './span-index';

export interface FileResult {
  source: Source;
  /** The decoded text (what evidence offsets refer to), or null when the file could not be read. */
  text: string | null;
  extraction: FileExtraction | null;
  diagnostics: Diagnostic[];
}

const ANONYMISED = /XX(?:[省市县区州旗]|大学|学院|教育|职业)/u;

function taskAt(tasks: SpanIndex<TaskDraft>, pos: number): number | null {
  const i = tasks.indexAt(pos);
  return i < 0 ? null : i;
}

export interface ExtractOptions {
  /**
   * Called between stages (at most every PAUSE_EVERY_MS). A host that reads its next file while
   * this one is extracted passes a yield to the event loop: reading a file takes several event-loop
   * turns (open, stat, read, close), which otherwise all wait until the extraction is done.
   */
  pause?: () => Promise<void>;
}

/** The least extraction time between two pauses: a turn of the event loop costs a few microseconds. */
const PAUSE_EVERY_MS = 0.1;

/** A pause that is skipped (undefined) until PAUSE_EVERY_MS has passed since the last one. */
function throttled(pause: (() => Promise<void>) | undefined): () => Promise<void> | undefined {
  if (!pause) return () => undefined;
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < PAUSE_EVERY_MS) return undefined;
    last = now;
    return pause();
  };
}

async function extractPolicies(doc: DocText, pause: () => Promise<void> | undefined): Promise<{ policies: PolicyDraft[]; notes: string[] }> {
  const notes: string[] = [];
  const anonymised = ANONYMISED.test(doc.work);
  const policies: PolicyDraft[] = [];
  const segments = segmentPolicies(doc.work);
  for (const seg of segments) {
    await pause();
    const meta = readMetadata({ text: doc.work, span: seg.span, bodyStart: seg.bodyStart, knownTitle: seg.knownTitle, anonymised });
    const span: Span = seg.span;
    for (const t of seg.tasks) t.text = squeezeCjkSpaces(doc.text.slice(t.start, t.end));
    const ctx = { region: meta.region, province: meta.province, selfKeys: meta.selfKeys, ownDocNumber: meta.docNumber };
    await pause();
    const cits = findCitations(doc, span, seg.tasks, ctx);
    await pause();
    // No title, no task, no 文号, nothing cited: page chrome or stray text, not a policy.
    if (meta.titleConstructed && !seg.tasks.length && !meta.docNumber && !cits.citations.length) continue;
    const taskIndex = new SpanIndex(seg.tasks);
    const programs = findPrograms(doc.work, span.start, span.end).map((m) => ({
      name: m.name,
      task: taskAt(taskIndex, m.start),
      evidence: evidenceAt(doc, m.start, m.end, span),
    }));
    await pause();
    const institutions = findInstitutions(doc.work, span.start, span.end).map((m) => ({
      ...canonicalInstitution(m.name, ctx),
      task: taskAt(taskIndex, m.start),
      evidence: evidenceAt(doc, m.start, m.end, span),
    }));
    notes.push(...meta.notes.map((n) => `${meta.title}: ${n}`));
    if (!seg.tasks.length) notes.push(`${meta.title}: no numbered tasks found`);
    policies.push({
      start: span.start,
      end: span.end,
      title: meta.title,
      titleConstructed: meta.titleConstructed,
      docNumber: meta.docNumber,
      issuers: meta.issuers,
      dateWritten: meta.dateWritten,
      datePublished: meta.datePublished,
      year: meta.year,
      region: meta.region,
      province: meta.province,
      level: meta.level,
      tasks: seg.tasks,
      citations: cits.citations,
      programs,
      institutions,
      titleEvidence: meta.titleSpan ? evidenceAt(doc, meta.titleSpan.start, meta.titleSpan.end, span) : undefined,
      rejected: cits.rejected,
    });
  }
  return { policies, notes };
}

export async function extractFile(file: InputFile, opts: ExtractOptions = {}): Promise<FileResult> {
  const pause = throttled(opts.pause);
  const sha256 = file.sha256 ?? (await sha256Hex(file.bytes));
  const id = sourceIdOf(sha256);
  const source: Source = { id, path: file.path, sha256, bytes: file.bytes.length, encoding: 'unknown', ...(file.origin ? { origin: file.origin } : {}) };
  const diagnostics: Diagnostic[] = [];
  try {
    const decoded = decodeBytes(file.bytes);
    source.encoding = decoded.encoding;
    for (const w of decoded.warnings) diagnostics.push({ sourceId: id, path: file.path, level: 'warning', message: w });
    const text = looksLikeHtml(file.path, decoded.text) ? htmlToText(decoded.text) : decoded.text;
    const doc: DocText = { sourceId: id, text, work: cleanText(text) };
    await pause();
    const { policies, notes } = await extractPolicies(doc, pause);
    for (const n of notes) diagnostics.push({ sourceId: id, path: file.path, level: 'warning', message: n });
    for (const p of policies) {
      for (const r of p.rejected) {
        diagnostics.push({ sourceId: id, path: file.path, level: 'info', message: `not a document: ${r.text} (${r.reason})` });
      }
    }
    if (!policies.length) diagnostics.push({ sourceId: id, path: file.path, level: 'warning', message: 'no policy found in the text' });
    return { source, text, extraction: { sourceId: id, policies }, diagnostics };
  } catch (err) {
    const reason = err instanceof ExtractError ? err.message : `unexpected error: ${err instanceof Error ? err.message : String(err)}`;
    diagnostics.push({ sourceId: id, path: file.path, level: 'error', message: `${file.path}: ${reason}` });
    return { source, text: null, extraction: null, diagnostics };
  }
}
