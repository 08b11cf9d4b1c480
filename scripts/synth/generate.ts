/**
 * Writes a synthetic corpus file by file (memory stays flat: one document in memory at a time)
 * and the ground truth beside it: `ground-truth.json` (counts) and `planted.jsonl` (one line a
 * file: the citations planted in it). Neither has a corpus extension, so build-graph skips them.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { once } from 'node:events';
import type { PlantedCitation } from './cite';
import { layout } from './format';
import { renderDoc } from './render';
import { rng } from './rng';
import { buildWorld } from './world';

export interface PlantedLine {
  path: string;
  kind: string;
  title: string;
  region: string;
  year: number;
  citations: PlantedCitation[];
  programmes: string[];
  promise?: string;
  fulfils?: string;
}

export interface GroundTruth {
  seed: number;
  docs: number;
  bytes: number;
  files: Record<'txt' | 'md' | 'html', number>;
  kinds: Record<string, number>;
  catalog: { national: number; provincial: number; nationalInCorpus: number; provincialInCorpus: number };
  citations: {
    total: number;
    byForm: Record<string, number>;
    byBracket: Record<string, number>;
    byDash: Record<string, number>;
  };
  /** Promises (出台《…》) and the later documents of the same region that carry the promised title. */
  promises: number;
  fulfilments: number;
  /** Provincial plans localising a national plan, and local plans named after a national plan. */
  adaptations: number;
  /** Bracketed spans that name no document (《政府》, …读本). */
  noise: number;
  /** Programme → number of distinct regions mentioning it. */
  programmes: Record<string, number>;
}

export interface GenerateOptions {
  docs: number;
  out: string;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

const bump = (m: Record<string, number>, k: string | undefined) => {
  if (k !== undefined) m[k] = (m[k] ?? 0) + 1;
};

export async function generateCorpus(opts: GenerateOptions): Promise<GroundTruth> {
  const seed = opts.seed ?? 1;
  const world = buildWorld(opts.docs, seed);
  const truth: GroundTruth = {
    seed,
    docs: world.specs.length,
    bytes: 0,
    files: { txt: 0, md: 0, html: 0 },
    kinds: {},
    catalog: {
      national: world.national.length,
      provincial: world.provincial.length,
      nationalInCorpus: world.national.filter((d) => d.inCorpus).length,
      provincialInCorpus: world.provincial.filter((d) => d.inCorpus).length,
    },
    citations: { total: 0, byForm: {}, byBracket: {}, byDash: {} },
    promises: 0,
    fulfilments: 0,
    adaptations: world.provincial.filter((d) => d.adapts && d.inCorpus).length,
    noise: 0,
    programmes: {},
  };
  const programmeRegions = new Map<string, Set<string>>();
  await mkdir(opts.out, { recursive: true });
  const planted = createWriteStream(join(opts.out, 'planted.jsonl'), 'utf8');
  const dirs = new Set<string>();
  for (const spec of world.specs) {
    const doc = renderDoc(world, spec);
    const text = layout(doc, spec.format, rng(`${seed}:layout:${spec.index}`));
    const file = join(opts.out, spec.path);
    const dir = dirname(file);
    if (!dirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      dirs.add(dir);
    }
    await writeFile(file, text, 'utf8');
    truth.bytes += Buffer.byteLength(text, 'utf8');
    truth.files[spec.format]++;
    bump(truth.kinds, spec.kind);
    if (spec.kind === 'local-plan') truth.adaptations++;
    for (const c of doc.citations) {
      truth.citations.total++;
      bump(truth.citations.byForm, c.form);
      bump(truth.citations.byBracket, c.bracket);
      bump(truth.citations.byDash, c.dash);
    }
    if (spec.promise) truth.promises++;
    if (spec.fulfils) truth.fulfilments++;
    truth.noise += doc.noise;
    for (const p of doc.programmes) {
      let set = programmeRegions.get(p);
      if (!set) programmeRegions.set(p, (set = new Set()));
      set.add(doc.region);
    }
    const line: PlantedLine = {
      path: spec.path, kind: spec.kind, title: doc.title, region: doc.region, year: spec.year,
      citations: doc.citations, programmes: doc.programmes, promise: spec.promise, fulfils: spec.fulfils,
    };
    if (!planted.write(JSON.stringify(line) + '\n')) await once(planted, 'drain');
    opts.onProgress?.(spec.index + 1, world.specs.length);
  }
  planted.end();
  await once(planted, 'finish');
  for (const [p, set] of [...programmeRegions].sort()) truth.programmes[p] = set.size;
  await writeFile(join(opts.out, 'ground-truth.json'), JSON.stringify(truth, null, 2) + '\n', 'utf8');
  return truth;
}
