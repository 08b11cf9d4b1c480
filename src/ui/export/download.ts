/**
 * Saving a file from the browser: a Blob URL on a temporary <a download>. The CSP needs nothing
 * for this (a download is not a fetch, an image or a script); the URL is revoked once the browser
 * has taken the file.
 */
export interface ExportFile {
  name: string;
  blob: Blob;
}

export function downloadFile(file: ExportFile): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name stem with the date, e.g. policy-lineage-view-2025-06-01. */
export function fileStem(scope: string, now: Date = new Date()): string {
  const d = now.toISOString().slice(0, 10);
  return `policy-lineage-${scope}-${d}`;
}
