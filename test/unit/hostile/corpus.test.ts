/**
 * The build CLI on the malformed corpus (test/fixtures/malformed plus a 20 MB file and a 2 MB
 * single line generated here): exits 0, writes a valid graph, reports every bad file with its path
 * and reason, builds every good one, keeps every evidence quote inside the stored text. A folder
 * holding nothing buildable makes it exit non-zero and say why.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateGraph } from '../../../src/extract';
import type { GraphFile } from '../../../src/model';
import { MALFORMED_DIR, bigPolicy, longLine, smallCorpus, type Expectation } from './corpus';

const ROOT = join(__dirname, '../../..');

function buildGraphCli(input: string, out: string): SpawnSyncReturns<string> {
  return spawnSync('npm', ['run', '--silent', 'build:graph', '--', '--input', input, '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 600_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

const BIG: Array<{ path: string; make: () => Uint8Array } & Expectation> = [
  { path: 'big-20mb.txt', make: () => bigPolicy(20e6), expect: 'built' },
  { path: 'long-line-2mb.txt', make: () => longLine(2e6), expect: 'built' },
];

describe('build-graph on the malformed corpus', () => {
  const expectations = new Map<string, Expectation>();
  let run: SpawnSyncReturns<string>;
  let graph: GraphFile;
  let outDir: string;
  let seconds: number;
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'malformed-'));
    cpSync(MALFORMED_DIR, dir, { recursive: true });
    for (const f of smallCorpus()) expectations.set(f.path, f);
    for (const f of BIG) {
      writeFileSync(join(dir, f.path), f.make());
      expectations.set(f.path, f);
    }
    outDir = join(dir, '..', `${dir.split('/').pop()}-out`);
    mkdirSync(outDir, { recursive: true });
    const t0 = performance.now();
    run = buildGraphCli(dir, join(outDir, 'graph.json'));
    seconds = (performance.now() - t0) / 1000;
    console.log(`build-graph on ${expectations.size} files: exit ${run.status} in ${seconds.toFixed(1)} s\n${run.stdout}${run.stderr}`);
    graph = JSON.parse(readFileSync(join(outDir, 'graph.json'), 'utf8')) as GraphFile;
  }, 600_000);

  afterAll(() => {
    // 22 MB of input and its texts: not left behind in /tmp.
    rmSync(dir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('the committed fixtures are what the generator writes', () => {
    for (const f of smallCorpus()) {
      expect(new Uint8Array(readFileSync(join(MALFORMED_DIR, f.path))), f.path).toEqual(f.bytes);
    }
    expect(expectations.size).toBeGreaterThanOrEqual(25);
  });

  it('exits 0 and writes a graph the schema accepts', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(() => validateGraph(graph)).not.toThrow();
  });

  it('reports each bad file with its path and reason', () => {
    const failures: string[] = [];
    for (const [path, e] of expectations) {
      const mine = graph.diagnostics.filter((d) => d.path === path);
      if (e.expect === 'rejected') {
        const err = mine.find((d) => d.level === 'error');
        if (!err || !err.message.includes(path) || (e.reason && !e.reason.test(err.message))) failures.push(`${path}: no error with its reason (${JSON.stringify(mine)})`);
        if (!run.stderr.includes(path)) failures.push(`${path}: not named on stderr`);
      } else if (e.reason && !mine.some((d) => e.reason!.test(d.message))) {
        failures.push(`${path}: no diagnostic matching ${e.reason} (${JSON.stringify(mine.map((d) => d.message))})`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('builds every good file: its policies are in the graph, its text is stored and read right', () => {
    const failures: string[] = [];
    for (const [path, e] of expectations) {
      if (e.expect !== 'built') continue;
      const source = graph.sources.find((s) => s.path === path);
      if (!source) {
        failures.push(`${path}: not among the sources`);
        continue;
      }
      if (graph.diagnostics.some((d) => d.sourceId === source.id && d.level === 'error')) failures.push(`${path}: has an error`);
      const hasPolicy = graph.nodes.some((n) => n.type === 'policy' && n.sourceId === source.id);
      if (e.noPolicy ? hasPolicy : !hasPolicy) failures.push(`${path}: ${e.noPolicy ? 'a policy made of page chrome' : 'no policy'}`);
      const textFile = join(outDir, 'texts', `${source.id}.txt`);
      if (!existsSync(textFile)) {
        failures.push(`${path}: no stored text`);
        continue;
      }
      const text = readFileSync(textFile, 'utf8');
      for (const w of e.contains ?? []) if (!text.includes(w)) failures.push(`${path}: text lacks ${w}`);
      for (const w of e.absent ?? []) if (text.includes(w)) failures.push(`${path}: text contains ${w}`);
    }
    expect(failures).toEqual([]);
  });

  it('the same notice reads the same whatever its encoding and line ends', () => {
    const shape = (path: string) => {
      const id = graph.sources.find((s) => s.path === path)!.id;
      const policies = graph.nodes.filter((n) => n.type === 'policy' && n.sourceId === id);
      const tasks = graph.nodes.filter((n) => n.type === 'task' && policies.some((p) => n.id.startsWith(`${p.id}/`)));
      return { titles: policies.map((p) => p.label), tasks: tasks.map((t) => t.label).sort() };
    };
    const reference = shape('crlf.txt');
    expect(reference.tasks.length).toBeGreaterThan(0);
    for (const path of ['lone-cr.txt', 'gbk.txt', 'utf8-bom.txt', 'utf16le-bom.txt', 'utf16be-bom.txt', 'utf16le-nobom.txt', 'truncated-utf8.txt']) {
      expect(shape(path), path).toEqual(reference);
    }
  });

  it('every evidence quote is the stored text at its offset', () => {
    const texts = new Map<string, string>();
    const textOf = (id: string) => {
      if (!texts.has(id)) texts.set(id, readFileSync(join(outDir, 'texts', `${id}.txt`), 'utf8'));
      return texts.get(id)!;
    };
    let checked = 0;
    for (const e of graph.edges) {
      for (const ev of e.evidence) {
        const text = textOf(ev.sourceId);
        expect(ev.start <= ev.end && ev.end <= text.length, `${e.id} ${ev.start}-${ev.end}`).toBe(true);
        expect(text.slice(ev.quoteStart, ev.quoteStart + ev.quote.length)).toBe(ev.quote);
        checked++;
      }
    }
    console.log(`evidence spans checked against stored texts: ${checked}`);
    expect(checked).toBeGreaterThan(100);
  });
});

describe('build-graph with nothing buildable', () => {
  it('exits non-zero and says why for each file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'only-binary-'));
    const binaries = smallCorpus().filter((f) => f.expect === 'rejected');
    for (const f of binaries) writeFileSync(join(dir, f.path), f.bytes);
    const r = buildGraphCli(dir, join(dir, 'out', 'graph.json'));
    expect(r.status).not.toBe(0);
    for (const f of binaries) expect(r.stderr).toContain(f.path);
    expect(r.stderr).toMatch(/binary file/);
    expect(r.stderr).toMatch(/empty file/);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('exits non-zero for a folder with no readable file types', () => {
    const dir = mkdtempSync(join(tmpdir(), 'no-text-'));
    writeFileSync(join(dir, 'scan.pdf'), Uint8Array.of(0x25, 0x50, 0x44, 0x46));
    const r = buildGraphCli(dir, join(dir, 'out', 'graph.json'));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/no \.txt, \.md or \.html files/);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
