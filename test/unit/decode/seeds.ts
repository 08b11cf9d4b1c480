/** The seed corpus as bytes and as text, for the decode-stage tests. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const SEED_DIR = join(__dirname, '../../../seeds');
export const GOLD_DIR = '/work/shared/gold';

export interface Seed {
  name: string;
  bytes: Uint8Array;
  text: string;
}

export const seeds: Seed[] = readdirSync(SEED_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => {
    const bytes = new Uint8Array(readFileSync(join(SEED_DIR, name)));
    return { name, bytes, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  });

export function seed(prefix: string): Seed {
  const s = seeds.find((x) => x.name.startsWith(prefix));
  if (!s) throw new Error(`no seed ${prefix}`);
  return s;
}

export function utf16(text: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const units = bom ? [0xfeff] : [];
  for (let i = 0; i < text.length; i++) units.push(text.charCodeAt(i));
  units.forEach((u, i) => {
    const [hi, lo] = [u >> 8, u & 0xff];
    out[2 * i] = endian === 'le' ? lo : hi;
    out[2 * i + 1] = endian === 'le' ? hi : lo;
  });
  return out;
}

/** Deterministic pseudo-random bytes (xorshift), so a failing case can be reproduced. */
export function randomBytes(n: number, seedValue = 12345): Uint8Array {
  let x = seedValue;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
