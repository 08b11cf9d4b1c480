import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/extract/decode';
import { ExtractError } from '../../../src/extract/types';
import { encodeGb18030, isGbkRepresentable } from '../../fixtures/decode/gb18030-encode';
import { randomBytes, seed, seeds, utf16 } from './seeds';

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

function expectExtractError(bytes: Uint8Array, message: RegExp) {
  let caught: unknown;
  try {
    decodeBytes(bytes);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ExtractError);
  expect((caught as Error).message).toMatch(message);
}

describe('decodeBytes: encodings', () => {
  it.each(seeds.map((s) => [s.name, s] as const))('reads seed %s as UTF-8 unchanged', (_, s) => {
    const d = decodeBytes(s.bytes);
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe(s.text);
    expect(d.warnings).toEqual([]);
  });

  it('strips a UTF-8 BOM', () => {
    const s = seed('001');
    const d = decodeBytes(concat(Uint8Array.of(0xef, 0xbb, 0xbf), s.bytes));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe(s.text);
  });

  it.each(['le', 'be'] as const)('reads UTF-16%s with BOM', (endian) => {
    const s = seed('002');
    const d = decodeBytes(utf16(s.text, endian));
    expect(d.encoding).toBe(`utf-16${endian}`);
    expect(d.text).toBe(s.text);
  });

  it.each(['le', 'be'] as const)('detects ASCII-heavy UTF-16%s without BOM', (endian) => {
    const page = `<html><head><title>随州市教育局</title></head><body><p>发布日期 2023-03-06 14:55</p>\n<p>${seed('002').text.slice(0, 200)}</p></body></html>`;
    const d = decodeBytes(utf16(page, endian, false));
    expect(d.encoding).toBe(`utf-16${endian}`);
    expect(d.text).toBe(page);
  });

  it.each(seeds.map((s) => [s.name, s] as const))('detects seed %s as UTF-16LE and BE without BOM', (_, s) => {
    expect(decodeBytes(utf16(s.text, 'le', false))).toMatchObject({ encoding: 'utf-16le', text: s.text });
    expect(decodeBytes(utf16(s.text, 'be', false))).toMatchObject({ encoding: 'utf-16be', text: s.text });
  });

  it.each(seeds.map((s) => [s.name, s] as const))('reads seed %s re-encoded as GB18030', (_, s) => {
    const d = decodeBytes(encodeGb18030(s.text));
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toBe(s.text);
    expect(d.warnings).toEqual([]);
  });

  it('reads GBK (the 2-byte subset) for every seed GBK can represent', () => {
    const gbkSeeds = seeds.filter((s) => isGbkRepresentable(s.text));
    expect(gbkSeeds.length).toBeGreaterThan(0);
    for (const s of gbkSeeds) {
      const bytes = encodeGb18030(s.text, true);
      expect(bytes.length).toBeLessThan(s.bytes.length); // 2 bytes a character instead of 3
      expect(decodeBytes(bytes).text).toBe(s.text);
    }
  });

  it('reads a short GBK line (no room for statistics)', () => {
    const line = '鄂党办发〔2019〕12号';
    expect(decodeBytes(encodeGb18030(line, true))).toMatchObject({ text: line, encoding: 'gb18030' });
  });

  it('keeps truncated UTF-8 as UTF-8 with a warning, not GBK', () => {
    const s = seed('004');
    const lastChar = s.text.slice(-20).search(/[\u4e00-\u9fff][^\u4e00-\u9fff]*$/) + s.text.length - 20;
    const cut = utf8(s.text.slice(0, lastChar)).length + 2; // two of the three bytes of the last CJK character
    const d = decodeBytes(s.bytes.subarray(0, cut));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe(s.text.slice(0, lastChar));
    expect(d.warnings.join(' ')).toMatch(/truncated/);
  });

  it('keeps UTF-8 with a few corrupt bytes as UTF-8, with a warning', () => {
    const s = seed('003');
    const bytes = s.bytes.slice();
    const at = s.text.indexOf('\n', 1000);
    const pos = utf8(s.text.slice(0, at)).length;
    bytes[pos] = 0xff; // the newline byte becomes invalid
    const d = decodeBytes(bytes);
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe(`${s.text.slice(0, at)}\uFFFD${s.text.slice(at + 1)}`);
    expect(d.warnings.join(' ')).toMatch(/invalid UTF-8/);
  });

  it('drops trailing NUL padding with a warning', () => {
    const s = seed('002');
    const d = decodeBytes(concat(s.bytes, new Uint8Array(16)));
    expect(d.text).toBe(s.text);
    expect(d.warnings.join(' ')).toMatch(/NUL/);
  });

  it('decodes a 2 MB single line (time printed)', () => {
    const line = '加快推进教育现代化,办好人民满意的教育。'.repeat(35_000);
    const bytes = utf8(line);
    expect(bytes.length).toBeGreaterThan(2_000_000);
    const t0 = performance.now();
    expect(decodeBytes(bytes).text).toBe(line);
    console.log(`took ${(performance.now() - t0).toFixed(0)} ms (timing is printed, never asserted: machines are noisy)`);
  });
});

describe('decodeBytes: rejected input', () => {
  it('rejects an empty file', () => expectExtractError(new Uint8Array(0), /^empty file$/));
  it('rejects whitespace only (ASCII, ideographic space, BOM)', () => {
    expectExtractError(utf8(' \n\r\n\t '), /^empty file$/);
    expectExtractError(utf8('\uFEFF\u3000\u3000\n'), /^empty file$/);
    expectExtractError(utf16('  \n', 'le'), /^empty file$/);
  });
  it('rejects a PNG (header + random bytes)', () => {
    const png = concat(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d), randomBytes(4096));
    expectExtractError(png, /^binary file: /);
  });
  it('rejects random bytes', () => expectExtractError(randomBytes(10_000, 99), /^binary file: /));
  it('rejects a NUL in the middle of otherwise good text', () => {
    const s = seed('001');
    expectExtractError(concat(s.bytes.subarray(0, 500), Uint8Array.of(0), s.bytes.subarray(500)), /^binary file: NUL/);
  });
  it('rejects text full of control characters', () => {
    const bytes = Uint8Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? 1 + (i % 8) : 0x41 + (i % 26)));
    expectExtractError(bytes, /^binary file: .*control/);
  });
  it('rejects bytes that decode to mostly replacement characters', () => {
    expectExtractError(new Uint8Array(2000).fill(0xff), /^binary file: .*undecodable/);
  });
});
