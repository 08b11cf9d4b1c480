/**
 * The graph manifest: build-graph writes one whose hash is the graph file's, and syncGraph uses it
 * to skip downloading an unchanged graph, falling back to downloading and hashing when the
 * manifest is missing, broken, for another file or names another hash.
 */
import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadGraphRows, sha256Hex, storedContentHash, syncGraph } from '../../../src/store';
import { GraphManifestSchema, MANIFEST_FILE, type GraphFile, type GraphManifest } from '../../../src/model';
import { freshDbs } from '../../support/db';

const FIXTURE_DIR = join(__dirname, '../../fixtures/ui');
const fixtureBytes = readFileSync(join(FIXTURE_DIR, 'graph.json'));
const fixture = (): GraphFile => JSON.parse(fixtureBytes.toString('utf8'));
const fixtureText = (id: string) => readFileSync(join(FIXTURE_DIR, 'texts', `${id}.txt`), 'utf8');
const freshDb = freshDbs('manifest');
const url = 'http://app.test/data/graph.json';

async function manifestOf(bytes: Uint8Array, graph = 'graph.json'): Promise<GraphManifest> {
  const g = JSON.parse(new TextDecoder().decode(bytes)) as GraphFile;
  return { manifestVersion: 1, graph, sha256: await sha256Hex(bytes), bytes: bytes.length, nodes: g.nodes.length, edges: g.edges.length, sources: g.sources.length };
}

/** A fetch stand-in: graph.json, its texts, and whatever `manifest()` returns (a value, raw text, or 404). */
function server(graph: () => Uint8Array, manifest: () => unknown) {
  const requests: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const u = String(input);
    requests.push(u);
    if (u.endsWith('/data/graph.json')) return new Response(graph().slice().buffer as ArrayBuffer);
    if (u.endsWith(`/data/${MANIFEST_FILE}`)) {
      const m = manifest();
      if (m === undefined) return new Response('', { status: 404 });
      return new Response(typeof m === 'string' ? m : JSON.stringify(m));
    }
    const t = /\/data\/texts\/(.+)\.txt$/.exec(u);
    if (t) return new Response(fixtureText(decodeURIComponent(t[1])));
    return new Response('', { status: 404 });
  }) as typeof globalThis.fetch;
  const graphDownloads = () => requests.filter((r) => r.endsWith('/data/graph.json')).length;
  return { fetch, requests, graphDownloads };
}

describe('syncGraph with a manifest', () => {
  it('an unchanged graph is recognised from the manifest alone; a changed one is downloaded and imported', async () => {
    const db = await freshDb();
    let bytes: Uint8Array = fixtureBytes;
    let manifest: GraphManifest = await manifestOf(bytes);
    const s = server(() => bytes, () => manifest);

    expect((await syncGraph(db, { url, fetch: s.fetch })).status).toBe('imported');
    expect(s.graphDownloads()).toBe(1);

    const again = await syncGraph(db, { url, fetch: s.fetch });
    expect(again).toMatchObject({ status: 'unchanged', fromManifest: true, contentHash: manifest.sha256 });
    expect(s.graphDownloads()).toBe(1);

    const g = fixture();
    g.nodes = g.nodes.filter((n) => n.id !== 'program:双减');
    g.edges = g.edges.filter((e) => e.target !== 'program:双减');
    bytes = new TextEncoder().encode(JSON.stringify(g));
    manifest = await manifestOf(bytes);
    const changed = await syncGraph(db, { url, fetch: s.fetch });
    expect(changed.status).toBe('imported');
    expect(s.graphDownloads()).toBe(2);
    expect(await storedContentHash(db)).toBe(manifest.sha256);
    expect((await loadGraphRows(db)).nodes.some((n) => n.id === 'program:双减')).toBe(false);
  });

  it('falls back to downloading and hashing when the manifest is missing, not JSON, invalid or for another file', async () => {
    const db = await freshDb();
    const good = await manifestOf(fixtureBytes);
    const variants: unknown[] = [undefined, '{"manifestVersion": 1, "sha', { ...good, sha256: 'not-a-hash' }, { ...good, graph: 'other.json' }];
    let current: unknown = good;
    const s = server(() => fixtureBytes, () => current);
    await syncGraph(db, { url, fetch: s.fetch });
    for (const v of variants) {
      current = v;
      const before = s.graphDownloads();
      const res = await syncGraph(db, { url, fetch: s.fetch });
      // Still recognised as unchanged, but only after downloading the graph and hashing it.
      expect(res.status).toBe('unchanged');
      expect(res.fromManifest).toBeUndefined();
      expect(s.graphDownloads()).toBe(before + 1);
    }
  });

  it('a manifest naming a stale hash (graph.json rewritten after it) still leads to the served bytes being imported', async () => {
    const db = await freshDb();
    const first = await manifestOf(fixtureBytes);
    let bytes: Uint8Array = fixtureBytes;
    const s = server(() => bytes, () => first);
    await syncGraph(db, { url, fetch: s.fetch });
    // Another database that imported a different graph first, then sees the fixture's manifest.
    const other = await freshDb();
    const g = fixture();
    g.nodes = g.nodes.map((n) => (n.id === 'region:甲市' ? { ...n, label: '甲市(改)' } : n));
    bytes = new TextEncoder().encode(JSON.stringify(g));
    const res = await syncGraph(other, { url, fetch: s.fetch });
    expect(res.status).toBe('imported');
    // The hash stored is the hash of what was imported, not the manifest's.
    expect(res.contentHash).toBe(await sha256Hex(bytes));
    expect(res.contentHash).not.toBe(first.sha256);
  });
});

describe('build-graph writes the manifest', () => {
  const out = mkdtempSync(join(tmpdir(), 'manifest-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('after graph.json, with its SHA-256 (as syncGraph hashes it) and counts', async () => {
    const graphFile = join(out, 'graph.json');
    const run = spawnSync('npm', ['run', '--silent', 'build:graph', '--', '--input', join(__dirname, '../../../seeds'), '--out', graphFile, '--quiet'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const bytes = readFileSync(graphFile);
    const manifest = GraphManifestSchema.parse(JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8')));
    const graph = JSON.parse(bytes.toString('utf8')) as GraphFile;
    expect(manifest).toEqual({
      manifestVersion: 1,
      graph: 'graph.json',
      sha256: await sha256Hex(bytes),
      bytes: bytes.length,
      nodes: graph.nodes.length,
      edges: graph.edges.length,
      sources: graph.sources.length,
    });
  }, 120_000);
});
