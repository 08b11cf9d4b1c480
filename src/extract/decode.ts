/**
 * Bytes → text. Detects the encodings Chinese government documents actually arrive in (UTF-8 with or
 * without BOM, UTF-16 with or without BOM, GBK/GB2312 read as GB18030) using only TextDecoder, so the
 * same code runs in Node and in a Web Worker. Rejects empty and binary input with an ExtractError.
 */
import { ExtractError } from './types';

export interface Decoded {
  text: string;
  /** WHATWG encoding label of what was decoded: utf-8, utf-16le, utf-16be or gb18030. */
  encoding: string;
  warnings: string[];
}

/** Share of implausible characters (controls, U+FFFD, private use) above which input is binary. */
const MAX_JUNK_SHARE = 0.1;
/** How many bytes the UTF-16 sniffing and the NUL count look at. */
const SNIFF_BYTES = 64 * 1024;

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new ExtractError('empty file');
  const warnings: string[] = [];
  const { encoding, body, text: decoded } = detect(bytes, warnings);
  let text = decoded ?? decodeBody(encoding, body, warnings);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a second BOM after a BOM-less guess
  if (text.trim() === '') throw new ExtractError('empty file');
  rejectIfBinary(text, encoding);
  // Classic Mac line ends: every later stage splits lines on \n. One unit for one, so offsets hold.
  if (/\r(?!\n)/.test(text)) text = text.replace(/\r(?!\n)/g, '\n');
  return { text, encoding, warnings };
}

interface Detection {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  /** The bytes to decode (BOM and trailing NUL padding removed). */
  body: Uint8Array;
  /** The decoded text when detection already produced it (well-formed UTF-8). */
  text?: string;
}

/** Fails on any ill-formed sequence, including one cut off at the end: exactly scanUtf8's `invalid === 0 && truncatedTail === 0`. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of well-formed UTF-8 bytes (the common case: one native pass instead of three scans), else undefined. */
function decodeWellFormedUtf8(body: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(body);
  } catch {
    return undefined;
  }
}

function detect(bytes: Uint8Array, warnings: string[]): Detection {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', body: bytes.subarray(3) };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', body: bytes.subarray(2) };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', body: bytes.subarray(2) };

  const utf16 = sniffUtf16(bytes);
  if (utf16) return { encoding: utf16, body: bytes };

  const body = stripTrailingNuls(bytes, warnings);
  const nul = body.subarray(0, SNIFF_BYTES).indexOf(0);
  if (nul < 0) {
    const text = decodeWellFormedUtf8(body);
    if (text !== undefined) return { encoding: 'utf-8', body, text };
  }
  if (nul < 0 && scanUtf8(body).invalid === 0) return { encoding: looksLikeUtf8(body, warnings) ? 'utf-8' : 'gb18030', body };
  const cjk16 = sniffCjkUtf16(bytes);
  if (cjk16) return { encoding: cjk16, body: bytes };
  if (nul >= 0) throw new ExtractError(`binary file: NUL byte at offset ${nul}`);
  return { encoding: looksLikeUtf8(body, warnings) ? 'utf-8' : 'gb18030', body };
}

/**
 * UTF-16 without BOM and with little ASCII: the high byte of nearly every unit is that of a CJK
 * ideograph (0x4E–0x9F), CJK punctuation (0x30), general punctuation (0x20), full-width forms
 * (0xFF) or ASCII (0x00). Only asked for input that is not valid UTF-8 (ASCII letters fall in the
 * same byte range), and GBK's bytes (0xA1–0xFE) mostly do not.
 */
function sniffCjkUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length % 2 === 1) return undefined;
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 8) return undefined;
  const plausibleHigh = (b: number) => b === 0 || b === 0x20 || b === 0x30 || b === 0xff || (b >= 0x4e && b <= 0x9f);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (plausibleHigh(bytes[i])) even++;
    if (plausibleHigh(bytes[i + 1])) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.85 && even < pairs * 0.6) return 'utf-16le';
  if (even > pairs * 0.85 && odd < pairs * 0.6) return 'utf-16be';
  return undefined;
}

/**
 * UTF-16 without BOM: ASCII-heavy UTF-16 has a NUL in every other byte. Requires NULs in one parity
 * and almost none in the other, so a binary file with NULs everywhere is not mistaken for text.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  // Chinese text is mostly CJK (no NUL byte), so even a 5% share of ASCII (newlines, digits) is a signal;
  // binary data has NULs in both parities. Whatever is misread here is still checked by rejectIfBinary.
  const pairs = n / 2;
  const oneSided = (many: number, few: number) => many > pairs * 0.05 && few < Math.min(pairs * 0.02, many / 10);
  if (oneSided(oddNul, evenNul)) return 'utf-16le';
  if (oneSided(evenNul, oddNul)) return 'utf-16be';
  return undefined;
}

function stripTrailingNuls(bytes: Uint8Array, warnings: string[]): Uint8Array {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  if (end < bytes.length && end > 0) warnings.push(`${bytes.length - end} trailing NUL bytes removed`);
  return bytes.subarray(0, end);
}

/**
 * True when the bytes are UTF-8: valid throughout, valid but for an incomplete sequence cut off at the
 * end (a truncated download), or overwhelmingly valid multibyte text with a few corrupt bytes.
 * GBK text, by contrast, fails UTF-8 on nearly every Chinese character.
 */
function looksLikeUtf8(bytes: Uint8Array, warnings: string[]): boolean {
  const { multibyte, invalid, truncatedTail } = scanUtf8(bytes);
  if (invalid === 0) {
    if (truncatedTail > 0) warnings.push(`truncated UTF-8: incomplete character at end of file (${truncatedTail} bytes dropped)`);
    return true;
  }
  if (multibyte >= 20 && invalid * 100 <= multibyte) {
    warnings.push(`${invalid} invalid UTF-8 bytes replaced with U+FFFD`);
    return true;
  }
  return false;
}

/** Counts well-formed multibyte sequences and invalid bytes; an incomplete sequence at the very end is reported apart. */
function scanUtf8(bytes: Uint8Array): { multibyte: number; invalid: number; truncatedTail: number } {
  let multibyte = 0;
  let invalid = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else {
      invalid++;
      i++;
      continue;
    }
    let k = 1;
    while (k <= need && i + k < n) {
      const c = bytes[i + k];
      const [min, max] = k === 1 ? [lo, hi] : [0x80, 0xbf];
      if (c < min || c > max) break;
      k++;
    }
    if (k > need) {
      multibyte++;
      i += k;
    } else if (i + k >= n) {
      return { multibyte, invalid, truncatedTail: n - i };
    } else {
      invalid++;
      i++;
    }
  }
  return { multibyte, invalid, truncatedTail: 0 };
}

function decodeBody(encoding: Detection['encoding'], body: Uint8Array, warnings: string[]): string {
  if (encoding === 'utf-8') {
    const { truncatedTail } = scanUtf8(body);
    return new TextDecoder('utf-8').decode(body.subarray(0, body.length - truncatedTail));
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    let data = body;
    if (data.length % 2 === 1) {
      warnings.push('odd number of bytes in UTF-16 data: last byte dropped');
      data = data.subarray(0, data.length - 1);
    }
    return new TextDecoder(encoding).decode(data);
  }
  const text = new TextDecoder('gb18030').decode(body);
  const bad = countChar(text, 0xfffd);
  if (bad > 0) warnings.push(`${bad} bytes not valid GB18030 replaced with U+FFFD`);
  return text;
}

function countChar(text: string, code: number): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === code) count++;
  return count;
}

/**
 * Text that is mostly control characters, replacement characters or private-use code points (what
 * random bytes become through GB18030) is not a document.
 */
function rejectIfBinary(text: string, encoding: string): void {
  let controls = 0;
  let replacements = 0;
  let privateUse = 0;
  let visible = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0x20) continue;
    visible++;
    if (c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0x9f)) controls++;
    else if (c === 0xfffd) replacements++;
    else if (c >= 0xe000 && c <= 0xf8ff) privateUse++;
  }
  if (visible === 0) return;
  const share = (k: number) => k / visible;
  if (share(controls) > MAX_JUNK_SHARE)
    throw new ExtractError(`binary file: ${pct(share(controls))} control characters when read as ${encoding}`);
  if (share(replacements) > MAX_JUNK_SHARE)
    throw new ExtractError(`binary file: ${pct(share(replacements))} undecodable bytes when read as ${encoding}`);
  if (share(controls + replacements + privateUse) > MAX_JUNK_SHARE)
    throw new ExtractError(`binary file: ${pct(share(controls + replacements + privateUse))} implausible characters when read as ${encoding}`);
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
