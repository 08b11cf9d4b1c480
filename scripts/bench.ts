/**
 * npm run bench — extraction throughput against a raw-scan baseline on synthetic corpora, and the
 * explorer's costs in headless Chromium on synthetic graphs. Prints a markdown report and writes
 * bench-out/report.md and bench-out/report.json. Numbers only: nothing here passes or fails on time.
 *   npm run bench                       # default sizes (a few minutes on 2 cores)
 *   npm run bench -- --sizes 200,2000   # extraction corpus sizes (documents)
 *   npm run bench -- --graph-sizes 1000,10000,100000   # browser graph sizes (nodes)
 *   npm run bench -- --smoke --no-browser              # the CI smoke run: smallest size, seconds
 *   npm run bench -- --smoke --browser-smoke           # smallest browser size too
 *   --no-reload (skip the built-app reload measurement), --out DIR, --seed S
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { benchExtraction } from './bench/extraction';
import { markdown, type Report } from './bench/report';

interface Args {
  sizes: number[];
  graphSizes: number[];
  browser: boolean;
  extraction: boolean;
  reload: boolean;
  out: string;
  seed: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { sizes: [200, 2000, 20000], graphSizes: [1000, 10000, 100000], browser: true, extraction: true, reload: true, out: 'bench-out', seed: 1 };
  let smoke = false;
  let browserSmoke = false;
  const list = (s: string) => s.split(',').map((x) => Number(x.trim())).filter((x) => Number.isInteger(x) && x > 0);
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--sizes') a.sizes = list(argv[++i]);
    else if (x === '--graph-sizes') a.graphSizes = list(argv[++i]);
    else if (x === '--no-browser') a.browser = false;
    else if (x === '--browser-only') a.extraction = false;
    else if (x === '--no-reload') a.reload = false;
    else if (x === '--smoke') smoke = true;
    else if (x === '--browser-smoke') browserSmoke = true;
    else if (x === '--out') a.out = argv[++i];
    else if (x === '--seed') a.seed = Number(argv[++i]);
    else if (x === '--help' || x === '-h') {
      console.log('usage: bench [--sizes N,N] [--graph-sizes N,N] [--smoke] [--no-browser] [--browser-only] [--browser-smoke] [--no-reload] [--out DIR] [--seed S]');
      process.exit(0);
    } else throw new Error(`unknown argument ${x}`);
  }
  if (smoke) {
    a.sizes = [100];
    a.graphSizes = [1000];
    if (!browserSmoke) a.browser = false;
  }
  if (!a.sizes.length || !a.graphSizes.length) throw new Error('sizes must be positive integers');
  return a;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const out = resolve(args.out);
  await mkdir(out, { recursive: true });
  const log = (s: string) => console.error(s);
  const report: Report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.versions.node, platform: `${process.platform} ${process.arch}` },
    extraction: [],
    browser: [],
  };
  if (args.extraction) {
    log(`extraction: sizes ${args.sizes.join(', ')}`);
    report.extraction = await benchExtraction(args.sizes, { corpusRoot: join(out, 'corpora'), seed: args.seed, log });
  }
  if (args.browser) {
    log(`browser: graph sizes ${args.graphSizes.join(', ')}`);
    try {
      const { benchBrowser } = await import('./bench/browser');
      report.browser = await benchBrowser(args.graphSizes, { outRoot: out, reload: args.reload, log });
    } catch (e) {
      report.browserError = e instanceof Error ? e.message.split('\n')[0] : String(e);
      log(`browser part failed: ${report.browserError}`);
    }
  }
  const md = markdown(report);
  console.log(md);
  await writeFile(join(out, 'report.md'), md + '\n', 'utf8');
  await writeFile(join(out, 'report.json'), JSON.stringify(report, null, 2) + '\n', 'utf8');
}

main().catch((err) => {
  console.error(`bench: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
