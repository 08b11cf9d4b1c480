/**
 * The baseline extraction is measured against: one pass of one regex over the decoded text,
 * finding 《…》 spans and 〔year〕N号 numbers — the least any extractor must do to read citations.
 */
const RAW = /《[^《》\n]{1,160}》|[〔[［(（【]\d{4}[〕\]］)）】]第?\d{1,5}号/g;

export interface ScanCount {
  titles: number;
  numbers: number;
}

const decoder = new TextDecoder('utf-8');

export function rawScan(bytes: Uint8Array, into: ScanCount): void {
  const text = decoder.decode(bytes);
  for (const m of text.matchAll(RAW)) {
    if (m[0].charCodeAt(0) === 0x300a) into.titles++;
    else into.numbers++;
  }
}
