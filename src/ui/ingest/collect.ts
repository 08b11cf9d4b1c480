/**
 * The files an analyst gave: from a drop (files and whole folders, walked recursively), from the
 * file or folder input, or pasted text. Only what the CLI reads (.txt, .md, .html) goes to the
 * extractor; anything else is reported as skipped with the reason.
 */
import type { FileReport } from '../../ingest/accept';
import type { InputFile } from '../../ingest/protocol';

/** The CLI's extensions (scripts/build-graph.ts). */
export const READABLE = /\.(txt|md|markdown|html?)$/i;
export const ACCEPT = '.txt,.md,.markdown,.htm,.html';

export interface Collected {
  files: InputFile[];
  skipped: FileReport[];
}

export function splitReadable(items: InputFile[]): Collected {
  const files: InputFile[] = [];
  const skipped: FileReport[] = [];
  for (const f of items) {
    if (READABLE.test(f.path)) files.push(f);
    else skipped.push({ path: f.path, sourceId: '', status: 'skipped', reason: `${f.path}: not a .txt, .md or .html file` });
  }
  return { files, skipped };
}

/** Files of an <input type=file> (with `webkitdirectory`, each keeps its path inside the folder). */
export function fromFileList(list: FileList | File[]): Collected {
  return splitReadable([...list].map((f) => ({ path: f.webkitRelativePath || f.name, data: f })));
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((res, rej) => reader.readEntries(res, rej));
}

async function walk(entry: FileSystemEntry, out: InputFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
    out.push({ path: entry.fullPath.replace(/^\//, ''), data: file });
  } else if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries returns at most ~100 entries a call: read until it returns none.
    for (let batch = await readEntries(reader); batch.length; batch = await readEntries(reader)) {
      batch.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of batch) await walk(e, out);
    }
  }
}

/** Files of a drop: folders are walked; without the entries API, the plain file list is used. */
export async function fromDataTransfer(dt: DataTransfer): Promise<Collected> {
  // Entries must be taken synchronously, before the first await (the DataTransfer is then emptied).
  const entries = [...dt.items].filter((i) => i.kind === 'file').map((i) => i.webkitGetAsEntry?.() ?? null);
  const plain = [...dt.files];
  if (!entries.length || entries.some((e) => e === null)) return fromFileList(plain);
  const out: InputFile[] = [];
  for (const e of entries) await walk(e!, out);
  return splitReadable(out);
}

/** Pasted text as a UTF-8 file. */
export function fromPaste(text: string, name: string): InputFile {
  const base = name.trim() || 'pasted';
  const path = READABLE.test(base) ? base : `${base}.txt`;
  return { path, data: new Blob([text], { type: 'text/plain;charset=utf-8' }) };
}
