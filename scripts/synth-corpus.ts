/**
 * synth-corpus: a deterministic synthetic corpus of Chinese education-policy documents.
 *   npm run synth -- --docs 2000 --out bench-out/corpora/synth-2000 [--seed 1] [--quiet]
 * Writes DIR/<province code|national>/<year>/<n>.{txt,md,html}, DIR/ground-truth.json (counts of
 * what was planted) and DIR/planted.jsonl (the citations planted in each file).
 */
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { generateCorpus } from './synth/generate';

function parseArgs(argv: string[]): { docs: number; out: string; seed: number; quiet: boolean } {
  let docs = 200;
  let out = '';
  let seed = 1;
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--docs' || a === '-n') docs = Number(argv[++i]);
    else if (a === '--out' || a === '-o') out = argv[++i];
    else if (a === '--seed') seed = Number(argv[++i]);
    else if (a === '--quiet' || a === '-q') quiet = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: synth-corpus --docs N --out DIR [--seed S] [--quiet]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!out) throw new Error('--out DIR is required');
  if (!Number.isInteger(docs) || docs < 1) throw new Error('--docs must be a positive integer');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  return { docs, out: resolve(out), seed, quiet };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  await rm(args.out, { recursive: true, force: true });
  const truth = await generateCorpus({
    docs: args.docs,
    out: args.out,
    seed: args.seed,
    onProgress: (done, total) => {
      if (!args.quiet && done % 2000 === 0) console.log(`  ${done}/${total}`);
    },
  });
  const s = (performance.now() - t0) / 1000;
  console.log(
    `synth-corpus: ${truth.docs} files (${truth.files.txt} txt, ${truth.files.md} md, ${truth.files.html} html), ` +
      `${(truth.bytes / 1e6).toFixed(1)} MB, ${truth.citations.total} planted citations, ${truth.promises} promises, ` +
      `${truth.noise} noise spans in ${s.toFixed(1)} s → ${args.out}`,
  );
}

main().catch((err) => {
  console.error(`synth-corpus: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
