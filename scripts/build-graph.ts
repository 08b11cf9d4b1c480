/**
 * build-graph: reads every .txt/.md/.htm(l) file under --input (recursively) and writes the graph
 * file (validated against src/model) plus, beside it, the decoded texts (<out-dir>/texts/<id>.txt) and
 * the per-file extractions the browser re-assembles with an analyst's own files (extractions.json),
 * and last a manifest (manifest.json: the graph file's SHA-256 and counts, see src/model/manifest).
 *   npm run build:graph                                  # seeds/ → public/data/graph.json
 *   npm run build:graph -- --input DIR --out FILE.json
 * One bad file never stops the build: it is reported with its path and reason. Exit code 0 when
 * the good files were built, 1 when nothing could be.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile, rm } from 'node:fs/promises';
import { listCorpus } from './corpus-files';
import { createHash } from 'node:crypto';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { buildGraph, validateGraph } from '../src/extract';
import type { InputFile } from '../src/extract/types';
import { SCHEMA_VERSION, type ExtractionsFile } from '../src/model';
import { MANIFEST_FILE, type GraphManifest } from '../src/model';
import { createExtractPool, defaultPoolThreads } from './extract-pool';

/** Below this many files a worker pool costs more to start than it saves. */
const POOL_MIN_FILES = 64;

function parseArgs(argv: string[]): { input: string; out: string; quiet: boolean; workers?: number } {
  let input = 'seeds';
  let out = 'public/data/graph.json';
  let quiet = false;
  let workers: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--input' || a === '-i') input = argv[++i];
    else if (a === '--out' || a === '-o') out = argv[++i];
    else if (a === '--quiet' || a === '-q') quiet = true;
    else if (a === '--workers' || a === '-w') {
      workers = Number(argv[++i]);
      if (!Number.isInteger(workers) || workers < 1) throw new Error('--workers needs a positive integer');
    }
    else if (a === '--help' || a === '-h') {
      console.log('usage: build-graph [--input DIR] [--out FILE.json] [--quiet] [--workers N (threads that extract: this one and N-1 worker threads; 1: no worker threads; default: one per core from 64 files on 4 cores or more, else 1)]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!input || !out) throw new Error('--input and --out need a value');
  return { input: resolve(input), out: resolve(out), quiet, workers };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const paths = await listCorpus(args.input);
  if (!paths.length) {
    console.error(`build-graph: no .txt, .md or .html files under ${args.input}`);
    return 1;
  }
  const textsDir = join(dirname(args.out), 'texts');
  await rm(textsDir, { recursive: true, force: true });
  await mkdir(textsDir, { recursive: true });
  let bytes = 0;
  // Files are extracted on this thread, or from 4 cores on one thread per core (this one and worker
  // threads, see defaultPoolThreads), and assembled here in input order.
  const threads = args.workers ?? (paths.length >= POOL_MIN_FILES ? defaultPoolThreads() : 1);
  const pool = threads > 1 ? createExtractPool({ threads }) : undefined;
  // Files are read synchronously, on this thread and with a pool alike. An async read is four hops
  // through libuv's thread pool: in process, reading the next file during the extraction needed the
  // extraction to give the event loop turns between its stages (2000 docs: per-file time 2.5 s
  // against 1.9 s reading synchronously without pauses); with a pool, each hop waited for a core the
  // workers hold and the workers waited for files (1.6-1.9 s). A file that cannot be read is
  // reported and skipped.
  const readNow = (p: string): Uint8Array | Error => {
    try {
      return new Uint8Array(readFileSync(p));
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  };
  function* files(): Generator<InputFile> {
    for (const p of paths) {
      const data = readNow(p);
      if (data instanceof Error) {
        console.error(`build-graph: ${p}: cannot read: ${data.message}`);
        continue;
      }
      bytes += data.length;
      const sha256 = createHash('sha256').update(data).digest('hex'); // native and synchronous: cheaper than Web Crypto per file
      yield { path: relative(args.input, p).split(sep).join('/'), bytes: data, origin: 'corpus', sha256 };
    }
  }
  const { graph, extractions } = await buildGraph(files(), {
    ...(pool ? { extract: pool.extract, concurrency: pool.concurrency } : {}),
    total: paths.length,
    keepTexts: false,
    // Written synchronously (tens of microseconds a file): buildGraph awaits each write before it
    // takes the next result, and an async write waits for libuv's threads as a read does.
    onText: (id, text) => writeFileSync(join(textsDir, `${id}.txt`), text, 'utf8'),
    onProgress: (done, total, path) => {
      if (!args.quiet && (done % 500 === 0 || done === total)) console.log(`  ${done}/${total} ${path}`);
    },
  });
  await pool?.close();
  validateGraph(graph);
  await mkdir(dirname(args.out), { recursive: true });
  const graphBytes = Buffer.from(JSON.stringify(graph, null, 1) + '\n', 'utf8');
  await writeFile(args.out, graphBytes);
  // Per-file extractions, so the browser can re-assemble the graph with an analyst's own files.
  const extractionsFile: ExtractionsFile = { schemaVersion: SCHEMA_VERSION, extractions: [...extractions].sort((a, b) => (a.sourceId < b.sourceId ? -1 : 1)) };
  await writeFile(join(dirname(args.out), 'extractions.json'), JSON.stringify(extractionsFile) + '\n', 'utf8');
  // Last: the manifest lets a reload learn that graph.json is unchanged without downloading it.
  const manifest: GraphManifest = {
    manifestVersion: 1,
    graph: basename(args.out),
    sha256: createHash('sha256').update(graphBytes).digest('hex'),
    bytes: graphBytes.length,
    nodes: graph.nodes.length,
    edges: graph.edges.length,
    sources: graph.sources.length,
  };
  await writeFile(join(dirname(args.out), MANIFEST_FILE), JSON.stringify(manifest, null, 1) + '\n', 'utf8');
  const seconds = (performance.now() - t0) / 1000;

  const count = (type: string) => graph.nodes.filter((n) => n.type === type).length;
  const errors = graph.diagnostics.filter((d) => d.level === 'error');
  for (const d of errors) console.error(`build-graph: ${d.message}`);
  const built = graph.sources.length - new Set(errors.map((d) => d.sourceId)).size;
  console.log(
    [
      `build-graph: ${graph.sources.length} files (${built} built, ${errors.length} failed)`,
      `${count('policy')} policies, ${count('task')} tasks, ${count('document')} documents, ${graph.edges.filter((e) => e.type === 'cites').length} citations`,
      `${count('program')} programmes, ${count('institution')} institutions, ${count('region')} regions`,
      `${graph.diagnostics.length} diagnostics (${errors.length} errors)`,
      `${(bytes / 1e6).toFixed(2)} MB in ${seconds.toFixed(2)} s = ${(bytes / 1e6 / seconds).toFixed(2)} MB/s`,
      `→ ${relative(process.cwd(), args.out)}`,
    ].join('\n  '),
  );
  return built > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`build-graph: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
