/**
 * Ingestion on the seeds, in Node on fake-indexeddb: the same run the browser's worker does.
 * The reference is always the CLI's own function (`buildGraph` of src/extract over the same
 * files), so "the browser builds the same graph as the CLI" is checked row for row.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { buildGraph } from '../../../src/extract';
import { SCHEMA_VERSION, type GraphFile } from '../../../src/model';
import {
  ConcurrentChangeError,
  INGEST_META,
  NotAssemblableError,
  commitAssembly,
  importGraph,
  listUserSources,
  loadGraphRows,
  openDb,
  readAssemblyInput,
  reassembleStored,
  removeUserSources,
  restoreUserSources,
  sha256Hex,
  syncGraph,
  type PolicyDB,
} from '../../../src/store';
import { assemble, ingestFiles, type IngestInput } from '../../../src/ingest/run';
import { encodeGb18030 } from '../../fixtures/decode/gb18030-encode';
import { SEEDS_DIR, seedNames } from '../../support/seeds';
import { freshDbs } from '../../support/db';

const seedFile = (name: string): IngestInput & { bytes: Uint8Array } => ({ path: name, bytes: new Uint8Array(readFileSync(join(SEEDS_DIR, name))) });
const SEEDS = seedNames();
const [REMOVED] = SEEDS.slice(-1);
const CORPUS = SEEDS.slice(0, -1);

const freshDb = freshDbs('ingest');

/** What the CLI builds from these files. */
async function cli(names: string[]) {
  return buildGraph(names.map(seedFile));
}

/** A database holding the served graph of `names`, imported as the app does (with extractions.json). */
async function servedCorpus(names: string[], withExtractions = true): Promise<PolicyDB> {
  const db = await freshDb();
  const { graph, texts, extractions } = await cli(names);
  await importGraph(db, graph, {
    fetchText: async (id) => texts.get(id) ?? null,
    contentHash: 'corpus',
    ...(withExtractions ? { extractions: { schemaVersion: SCHEMA_VERSION, extractions } } : {}),
  });
  return db;
}

function sameRows(rows: { nodes: unknown[]; edges: unknown[] }, graph: GraphFile) {
  // Same ids, same attributes, same evidence (IndexedDB returns rows in key order, the CLI sorts by id).
  expect(rows.nodes.map((x) => (x as { id: string }).id)).toEqual(graph.nodes.map((x) => x.id));
  expect(rows.edges.map((x) => (x as { id: string }).id)).toEqual(graph.edges.map((x) => x.id));
  expect(rows.nodes).toEqual(graph.nodes);
  expect(rows.edges).toEqual(graph.edges);
}

async function snapshot(db: PolicyDB) {
  const ids = async (t: Dexie.Table) => (await t.toCollection().primaryKeys()).map(String).sort().join('|');
  return {
    graph: JSON.stringify(await loadGraphRows(db)),
    sources: await ids(db.sources),
    texts: await ids(db.texts),
    extractions: await ids(db.extractions),
    meta: JSON.stringify(await db.meta.toArray()),
  };
}


/**
 * A fetch serving a CLI-built corpus: graph.json (counting downloads), manifest.json when given,
 * extractions.json once `extractionsServed` is set, and the texts.
 */
function corpusServer(corpus: Awaited<ReturnType<typeof cli>>, graphBytes: Uint8Array, manifest?: unknown) {
  const server: { extractionsServed: boolean; graphDownloads: number; fetch: typeof globalThis.fetch } = {
    extractionsServed: false,
    graphDownloads: 0,
    fetch: (async (input: RequestInfo | URL) => {
      const url = String(input);
      if (url.endsWith('/graph.json')) {
        server.graphDownloads++;
        return new Response(graphBytes.slice().buffer as ArrayBuffer);
      }
      if (url.endsWith('/manifest.json') && manifest !== undefined) return new Response(JSON.stringify(manifest));
      if (url.endsWith('/extractions.json'))
        return server.extractionsServed ? new Response(JSON.stringify({ schemaVersion: SCHEMA_VERSION, extractions: corpus.extractions })) : new Response('', { status: 404 });
      const m = /texts\/(.+)\.txt$/.exec(url);
      const text = m ? corpus.texts.get(decodeURIComponent(m[1])) : undefined;
      return text === undefined ? new Response('', { status: 404 }) : new Response(text);
    }) as typeof globalThis.fetch,
  };
  return server;
}

describe('ingesting files into the store', () => {
  it('the seeds into an empty database give the CLI graph, row for row', async () => {
    const db = await freshDb();
    const files: string[] = [];
    const summary = await ingestFiles(db, SEEDS.map(seedFile), { onFile: (r) => files.push(`${r.status} ${r.path}`) });
    expect(summary.status).toBe('done');
    expect(summary.added).toBe(SEEDS.length);
    expect(files).toEqual(SEEDS.map((s) => `added ${s}`));
    const { graph } = await cli(SEEDS);
    sameRows(await loadGraphRows(db), graph);
    const sources = await db.sources.toArray();
    expect(sources.every((s) => s.origin === 'user')).toBe(true);
    expect(sources.map((s) => s.id).sort()).toEqual(graph.sources.map((s) => s.id).sort());
    // The stored texts are what evidence offsets point into.
    for (const e of graph.edges.filter((x) => x.type === 'cites').slice(0, 20)) {
      for (const ev of e.evidence) expect((await db.texts.get(ev.sourceId))!.text.slice(ev.start, ev.end).length).toBe(ev.end - ev.start);
    }
  });

  it("an analyst's file is resolved against the served corpus: corpus + file = the CLI graph of all of them", async () => {
    const db = await servedCorpus(CORPUS);
    sameRows(await loadGraphRows(db), (await cli(CORPUS)).graph);
    const summary = await ingestFiles(db, [seedFile(REMOVED)]);
    expect(summary.added).toBe(1);
    sameRows(await loadGraphRows(db), (await cli(SEEDS)).graph);
    const origins = Object.fromEntries((await db.sources.toArray()).map((s) => [s.path, s.origin]));
    expect(origins[REMOVED]).toBe('user');
    expect(CORPUS.every((c) => origins[c] === 'corpus')).toBe(true);
  });

  it('a GBK copy of a seed gives the same policy as the UTF-8 file', async () => {
    const utf8 = await freshDb();
    const gbk = await freshDb();
    // The first seed GBK proper can encode (some hold characters, such as U+00A0, only GB18030 has).
    const gbkable = SEEDS.flatMap((name) => {
      try {
        return [{ name, bytes: encodeGb18030(readFileSync(join(SEEDS_DIR, name), 'utf8'), true) }];
      } catch {
        return [];
      }
    });
    expect(gbkable.length).toBeGreaterThan(0);
    const { name, bytes } = gbkable[0];
    await ingestFiles(utf8, [seedFile(name)]);
    const summary = await ingestFiles(gbk, [{ path: name.replace('.txt', '.gbk.txt'), bytes }]);
    expect(summary.reports[0].encoding).toBe('gb18030');
    const policies = async (db: PolicyDB) =>
      (await loadGraphRows(db)).nodes.flatMap((p) => (p.type === 'policy' ? [{ ...p, id: '', sourceId: '' }] : []));
    // Different bytes → a different source id; everything read from the text is the same.
    expect(await policies(gbk)).toEqual(await policies(utf8));
    expect((await policies(utf8)).length).toBeGreaterThan(0);
    const tasks = async (db: PolicyDB) => (await loadGraphRows(db)).nodes.filter((n) => n.type === 'task').length;
    expect(await tasks(gbk)).toBe(await tasks(utf8));
  });

  it('bad files are reported with the reason and the rest goes in', async () => {
    const db = await freshDb();
    const binary = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const summary = await ingestFiles(db, [
      seedFile(SEEDS[0]),
      { path: 'empty.txt', bytes: new Uint8Array(0) },
      { path: 'scan.txt', bytes: binary },
      { path: 'note.txt', bytes: new TextEncoder().encode('会议纪要。今天天气很好,大家讨论了午饭。') },
      { path: 'again.txt', bytes: seedFile(SEEDS[0]).bytes },
    ]);
    const byPath = Object.fromEntries(summary.reports.map((r) => [r.path, r]));
    expect(byPath[SEEDS[0]].status).toBe('added');
    expect(byPath['empty.txt']).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/empty\.txt: empty file/) });
    expect(byPath['scan.txt']).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/scan\.txt: binary file/) });
    expect(byPath['again.txt']).toMatchObject({ status: 'duplicate', reason: `same content as ${SEEDS[0]}` });
    expect(summary.added).toBe(summary.reports.filter((r) => r.status === 'added').length);
    expect(await db.sources.count()).toBe(summary.added);
    // A file already stored is a duplicate on the next run too, and nothing is written.
    const before = await snapshot(db);
    const again = await ingestFiles(db, [seedFile(SEEDS[0])]);
    expect(again.reports[0].status).toBe('duplicate');
    expect(await snapshot(db)).toEqual(before);
  });

  it('cancelled midway, the database is exactly as before', async () => {
    const db = await servedCorpus(CORPUS);
    const before = await snapshot(db);
    let seen = 0;
    const summary = await ingestFiles(db, [...SEEDS, ...SEEDS].map(seedFile).map((f, i) => ({ ...f, path: `${i}-${f.path}` })), {
      onFile: () => seen++,
      isCancelled: () => seen >= 2,
    });
    expect(summary.status).toBe('cancelled');
    expect(seen).toBe(2);
    expect(await snapshot(db)).toEqual(before);
  });

  it('a write from a stale read is refused and changes nothing', async () => {
    const db = await servedCorpus(CORPUS);
    const input = await readAssemblyInput(db);
    await ingestFiles(db, [seedFile(REMOVED)]);
    const after = await snapshot(db);
    const stale = assemble(input.sources, input.extractions);
    await expect(commitAssembly(db, { expectRevision: input.revision, graph: stale, change: { add: [], remove: [] } })).rejects.toBeInstanceOf(ConcurrentChangeError);
    expect(await snapshot(db)).toEqual(after);
  });

  it('a served graph without extractions.json cannot take new files, and says why', async () => {
    const db = await servedCorpus(CORPUS, false);
    const before = await snapshot(db);
    await expect(ingestFiles(db, [seedFile(REMOVED)])).rejects.toBeInstanceOf(NotAssemblableError);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe("removing and restoring the analyst's files", () => {
  it('removing an added file takes its nodes away and keeps the entities others still refer to', async () => {
    const db = await servedCorpus(CORPUS);
    await ingestFiles(db, [seedFile(REMOVED)]);
    const full = await loadGraphRows(db);
    const id = (await db.sources.where('origin').equals('user').first())!.id;
    await expect(removeUserSources(db, [(await db.sources.where('origin').equals('corpus').first())!.id], assemble)).rejects.toThrow(/not the analyst/);

    await removeUserSources(db, [id], assemble);
    const after = await loadGraphRows(db);
    sameRows(after, (await cli(CORPUS)).graph);
    expect(await db.sources.get(id)).toBeUndefined();
    expect(await db.texts.get(id)).toBeUndefined();
    expect(await db.extractions.get(id)).toBeUndefined();

    const kept = new Set(after.nodes.map((x) => x.id));
    // Its policies and tasks are gone…
    const own = full.nodes.filter((x) => (x.type === 'policy' || x.type === 'task') && x.sourceId === id);
    expect(own.length).toBeGreaterThan(0);
    expect(own.filter((x) => kept.has(x.id))).toEqual([]);
    // …and what it shared with the corpus stays: entities its edges reached that other files reach too.
    const ownIds = new Set(own.map((x) => x.id));
    const reached = new Set(full.edges.filter((e) => ownIds.has(e.source)).map((e) => e.target));
    const shared = [...reached].filter((t) => !ownIds.has(t) && kept.has(t));
    expect(shared.length).toBeGreaterThan(0);
    // …while entities only it referred to are gone.
    const onlyItsOwn = [...reached].filter((t) => !ownIds.has(t) && !kept.has(t));
    for (const t of onlyItsOwn) expect(after.edges.some((e) => e.source === t || e.target === t)).toBe(false);
  });

  it('a stored graph without extractions gets them when extractions.json appears, even if graph.json is unchanged', async () => {
    const db = await freshDb();
    const corpus = await cli(CORPUS);
    const server = corpusServer(corpus, new TextEncoder().encode(JSON.stringify(corpus.graph)));
    const { fetch } = server;
    const url = 'http://app.test/data/graph.json';
    expect((await syncGraph(db, { url, fetch })).status).toBe('imported');
    expect((await readAssemblyInput(db)).assemblable).toBe(false);
    expect((await syncGraph(db, { url, fetch })).status).toBe('unchanged');
    server.extractionsServed = true;
    expect((await syncGraph(db, { url, fetch })).status).toBe('imported');
    expect((await readAssemblyInput(db)).assemblable).toBe(true);
    expect(await db.extractions.count()).toBe(CORPUS.length);
    expect((await syncGraph(db, { url, fetch })).status).toBe('unchanged');
    await ingestFiles(db, [seedFile(REMOVED)]);
    sameRows(await loadGraphRows(db), (await cli(SEEDS)).graph);
  });

  it('with a manifest: an unchanged graph is not downloaded, but is imported again when extractions.json appears', async () => {
    const db = await freshDb();
    const corpus = await cli(CORPUS);
    const graphBytes = new TextEncoder().encode(JSON.stringify(corpus.graph));
    const manifest = { manifestVersion: 1, graph: 'graph.json', sha256: await sha256Hex(graphBytes), bytes: graphBytes.length, nodes: corpus.graph.nodes.length, edges: corpus.graph.edges.length, sources: corpus.graph.sources.length };
    const server = corpusServer(corpus, graphBytes, manifest);
    const { fetch } = server;
    const url = 'http://app.test/data/graph.json';
    expect((await syncGraph(db, { url, fetch })).status).toBe('imported');
    expect(await syncGraph(db, { url, fetch })).toMatchObject({ status: 'unchanged', fromManifest: true });
    expect(server.graphDownloads).toBe(1);
    server.extractionsServed = true;
    expect((await syncGraph(db, { url, fetch })).status).toBe('imported');
    expect(server.graphDownloads).toBe(2);
    expect((await readAssemblyInput(db)).assemblable).toBe(true);
    expect(await syncGraph(db, { url, fetch })).toMatchObject({ status: 'unchanged', fromManifest: true });
    expect(server.graphDownloads).toBe(2);
    sameRows(await loadGraphRows(db), corpus.graph);
  });

  it('a refresh of the served graph keeps the analyst’s files in the graph', async () => {
    const db = await freshDb();
    const corpus = await cli(CORPUS);
    const served = { graph: JSON.stringify(corpus.graph), extractions: JSON.stringify({ schemaVersion: SCHEMA_VERSION, extractions: corpus.extractions }) };
    const fetch = (async (input: RequestInfo | URL) => {
      const url = String(input);
      if (url.endsWith('/graph.json')) return new Response(served.graph);
      if (url.endsWith('/extractions.json')) return new Response(served.extractions);
      const m = /texts\/(.+)\.txt$/.exec(url);
      const text = m ? corpus.texts.get(decodeURIComponent(m[1])) : undefined;
      return text === undefined ? new Response('', { status: 404 }) : new Response(text);
    }) as typeof globalThis.fetch;
    const url = 'http://app.test/data/graph.json';
    expect((await syncGraph(db, { url, fetch, assemble })).status).toBe('imported');
    expect((await db.meta.get(INGEST_META.assemblable))?.value).toBe(true);
    await ingestFiles(db, [seedFile(REMOVED)]);

    // The served corpus changes (one file fewer): the refresh replaces the corpus, keeps theirs.
    const smaller = await cli(CORPUS.slice(1));
    served.graph = JSON.stringify(smaller.graph);
    served.extractions = JSON.stringify({ schemaVersion: SCHEMA_VERSION, extractions: smaller.extractions });
    const res = await syncGraph(db, { url, fetch, assemble });
    expect(res.status).toBe('imported');
    expect(res.import?.userSources).toBe(1);
    sameRows(await loadGraphRows(db), (await cli([...CORPUS.slice(1), REMOVED])).graph);
    expect((await listUserSources(db)).map((u) => u.source.path)).toEqual([REMOVED]);
    expect(await db.extractions.count()).toBe(CORPUS.length);
  });

  it('sources stored by another writer (the workspace import) join the graph on reassembleStored', async () => {
    const a = await freshDb();
    await ingestFiles(a, [seedFile(REMOVED)]);
    const saved = await listUserSources(a);
    const b = await servedCorpus(CORPUS);
    // What importWorkspace does: rows written straight into the tables.
    await b.sources.bulkPut(saved.map((u) => u.source));
    await b.texts.bulkPut(saved.map((u) => ({ sourceId: u.source.id, text: u.text })));
    await b.extractions.bulkPut(saved.map((u) => u.extraction));
    sameRows(await loadGraphRows(b), (await cli(CORPUS)).graph);
    await reassembleStored(b, assemble);
    sameRows(await loadGraphRows(b), (await cli(SEEDS)).graph);
  });

  it('listUserSources → restoreUserSources brings the same graph into another database', async () => {
    const a = await servedCorpus(CORPUS);
    await ingestFiles(a, [seedFile(REMOVED)]);
    const saved = JSON.parse(JSON.stringify(await listUserSources(a)));
    expect(saved).toHaveLength(1);

    const b = await servedCorpus(CORPUS);
    expect(await restoreUserSources(b, saved, assemble)).toEqual({ added: 1, removed: 0 });
    sameRows(await loadGraphRows(b), (await cli(SEEDS)).graph);
    // Restoring again changes nothing; replacing with none removes it.
    expect(await restoreUserSources(b, saved, assemble)).toEqual({ added: 1, removed: 0 });
    expect(await restoreUserSources(b, [], assemble, { replace: true })).toEqual({ added: 0, removed: 1 });
    sameRows(await loadGraphRows(b), (await cli(CORPUS)).graph);
  });
});
