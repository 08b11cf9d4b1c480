/** The seed corpus and the gold annotations, as the tests read them. */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildGraph } from '../../src/extract';
import type { GraphFile } from '../../src/model';

export const ROOT = resolve(__dirname, '../..');
export const SEEDS_DIR = join(ROOT, 'seeds');
export const SHARED_DIR = resolve(ROOT, '../shared');
export const GOLD_DIR = join(SHARED_DIR, 'gold');

export function seedNames(): string[] {
  return readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
}

export function seedText(name: string): string {
  return readFileSync(join(SEEDS_DIR, name), 'utf8');
}

export interface GoldFile {
  source: string;
  policies: Array<{ title: string; docNumber: string | null; year: number | null; region: string | null; tasks: Array<{ path: string[]; title: string }> }>;
  citations: Array<{ policy: number; task: string[] | null; title: string; docNumber: string | null; intent?: string }>;
  rejected: string[];
  programs: string[];
  institutions: string[];
}

export function goldFor(seed: string): GoldFile | undefined {
  const p = join(GOLD_DIR, seed.replace(/\.txt$/, '.json'));
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as GoldFile) : undefined;
}

let cached: Promise<{ graph: GraphFile; texts: Map<string, string> }> | undefined;

/** The graph of the seed corpus, built once per test file through the public extractor API. */
export function seedGraph(): Promise<{ graph: GraphFile; texts: Map<string, string> }> {
  cached ??= buildGraph(seedNames().map((name) => ({ path: name, bytes: new Uint8Array(readFileSync(join(SEEDS_DIR, name))) })));
  return cached;
}
