/**
 * Schema migrations: a database written by schema version 1 (notes without tags, saved views) or
 * version 2 (one IndexedDB row per node and per edge) opens under the current version with the
 * same graph, every note, view and correction intact, and the new tables usable.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import Dexie from 'dexie';
import { openDb, getNote, listViews, saveNote, loadGraphRows, countsByType, listCorrections, importGraph, GRAPH_CHUNK_ROWS } from '../../../src/store';
import { evidenceOf, type GraphFile } from '../../../src/model';

const FIXTURE = join(__dirname, '../../fixtures/ui/graph.json');
const fixture = (): GraphFile => JSON.parse(readFileSync(FIXTURE, 'utf8'));

const V1_STORES = {
  nodes: 'id, type, year, region, level, docNumber',
  edges: 'id, type, source, target',
  texts: 'sourceId',
  sources: 'id',
  meta: 'key',
  notes: 'nodeId',
  views: 'id',
};
const V2_STORES = { ...V1_STORES, notes: 'nodeId, *tags', sources: 'id, origin', corrections: 'id, createdAt', extractions: 'sourceId' };

/** Writes a database exactly as schema version 1 defined it. */
async function writeVersion1(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  await v1.open();
  await v1.table('nodes').put({ id: 'doc:中发〔2019〕26号', type: 'document', label: '关于深化教育教学改革全面提高义务教育质量的意见', issuers: [], aliases: [] });
  await v1.table('notes').bulkPut([
    { nodeId: 'doc:中发〔2019〕26号', text: '核心文件,各地普遍引用', updatedAt: 1 },
    { nodeId: 'program:双减', text: '2021 年后扩散', updatedAt: 2 },
  ]);
  await v1.table('views').put({ id: 'v1', name: '鄂尔多斯谱系', hash: '#view=lineage&root=doc%3A', createdAt: 3 });
  expect(v1.verno).toBe(1);
  v1.close();
}

/** Writes a database as schema version 2 did: one row per node and edge, in shuffled order. */
async function writeVersion2(name: string, g: GraphFile): Promise<void> {
  const v2 = new Dexie(name);
  v2.version(1).stores(V1_STORES);
  v2.version(2).stores(V2_STORES);
  await v2.open();
  const counts: Record<string, number> = { edges: g.edges.length, sources: g.sources.length };
  for (const n of g.nodes) counts[n.type] = (counts[n.type] ?? 0) + 1;
  await v2.table('nodes').bulkPut([...g.nodes].reverse());
  await v2.table('edges').bulkPut([...g.edges].reverse());
  await v2.table('sources').bulkPut(g.sources.map((s) => ({ ...s, origin: 'corpus' })));
  await v2.table('meta').bulkPut([
    { key: 'contentHash', value: 'v2-hash' },
    { key: 'counts', value: counts },
  ]);
  await v2.table('notes').put({ nodeId: 'program:双减', text: '2021 年后扩散', tags: ['扩散'], updatedAt: 2 });
  await v2.table('views').put({ id: 'v1', name: '甲市', hash: '#region=甲市', createdAt: 3 });
  await v2.table('corrections').put({ id: 'c1', createdAt: 1, kind: 'set-year', nodeId: 'doc:中发〔2019〕26号', year: 2019 });
  expect(v2.verno).toBe(2);
  v2.close();
}

describe('schema version 1 → current', () => {
  it('keeps notes and saved views, gives old notes empty tags, and opens the new tables', async () => {
    const name = `migrate-${process.pid}`;
    await writeVersion1(name);
    const db = await openDb({ name });
    expect(db.verno).toBe(4);
    const note = await getNote(db, 'doc:中发〔2019〕26号');
    expect(note?.text).toBe('核心文件,各地普遍引用');
    expect(note?.tags).toEqual([]);
    expect((await getNote(db, 'program:双减'))?.text).toBe('2021 年后扩散');
    expect((await listViews(db)).map((v) => v.name)).toEqual(['鄂尔多斯谱系']);
    expect((await loadGraphRows(db)).nodes.map((n) => n.id)).toEqual(['doc:中发〔2019〕26号']);
    // The new tables and the tag index work.
    await saveNote(db, 'program:双减', '2021 年后扩散', { tags: ['扩散', '双减'] });
    expect((await db.notes.where('tags').equals('扩散').toArray()).map((n) => n.nodeId)).toEqual(['program:双减']);
    await db.corrections.put({ id: 'c1', createdAt: 1, kind: 'set-year', nodeId: 'doc:中发〔2019〕26号', year: 2019 });
    expect(await db.corrections.count()).toBe(1);
    db.close();
    await Dexie.delete(name);
  });
});

describe('schema version 2 → 3 (packed graph rows)', () => {
  it('moves every node and edge into chunks, in id order, and keeps notes, views, corrections and meta', async () => {
    const name = `migrate-v2-${process.pid}`;
    const g = fixture();
    await writeVersion2(name, g);
    const db = await openDb({ name });
    expect(db.verno).toBe(4);
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const rows = await loadGraphRows(db);
    // Version 2 returned rows in key (id) order; the migrated chunks keep that order.
    expect(rows.nodes).toEqual(byId(g.nodes));
    expect(rows.edges).toEqual(byId(g.edges));
    expect(db.tables.map((t) => t.name)).not.toContain('nodes');
    expect(db.tables.map((t) => t.name)).not.toContain('edges');
    expect(db.backendDB().objectStoreNames.contains('nodes')).toBe(false);
    const counts = await countsByType(db);
    expect(counts.edges).toBe(g.edges.length);
    expect(counts.task).toBe(g.nodes.filter((n) => n.type === 'task').length);
    expect((await getNote(db, 'program:双减'))?.tags).toEqual(['扩散']);
    expect((await listViews(db)).map((v) => v.name)).toEqual(['甲市']);
    expect((await listCorrections(db)).map((c) => c.id)).toEqual(['c1']);
    expect((await db.meta.get('contentHash'))?.value).toBe('v2-hash');
    db.close();
    await Dexie.delete(name);
  });

  it('packs a v2 graph larger than one chunk into several, and a re-import replaces them all', async () => {
    const name = `migrate-v2-big-${process.pid}`;
    const g = fixture();
    // Enough distinct nodes for three chunks (copies of a program node under new ids).
    const template = g.nodes.find((n) => n.type === 'program')!;
    const extra = Array.from({ length: 2 * GRAPH_CHUNK_ROWS + 7 }, (_, i) => ({ ...template, id: `program:copy-${String(i).padStart(5, '0')}` }));
    const big: GraphFile = { ...g, nodes: [...g.nodes, ...extra] };
    await writeVersion2(name, big);
    const db = await openDb({ name });
    expect((await db.graphChunks.where('key').startsWith('nodes:').count())).toBe(Math.ceil(big.nodes.length / GRAPH_CHUNK_ROWS));
    expect((await loadGraphRows(db)).nodes.length).toBe(big.nodes.length);
    await importGraph(db, g, { contentHash: 'small' });
    expect((await db.graphChunks.where('key').startsWith('nodes:').count())).toBe(Math.ceil(g.nodes.length / GRAPH_CHUNK_ROWS));
    expect((await loadGraphRows(db)).nodes).toEqual(g.nodes);
    db.close();
    await Dexie.delete(name);
  });
});

describe('schema version 3 → 4 (edge chunks as columns)', () => {
  it('rewrites chunks of edge rows as columns: the same rows read back, evidence inline or packed', async () => {
    const name = `migrate-v3-${process.pid}`;
    const g = fixture();
    // Version 3 as it was: nodes and edges as chunks of rows (two rows a chunk, so several chunks).
    const v3 = new Dexie(name);
    v3.version(1).stores(V1_STORES);
    v3.version(2).stores(V2_STORES);
    v3.version(3).stores({ nodes: null, edges: null, graphChunks: 'key' });
    await v3.open();
    const runs = <T>(rows: T[], kind: string) =>
      Array.from({ length: Math.ceil(rows.length / 2) }, (_, k) => ({ key: `${kind}:${String(k).padStart(7, '0')}`, kind, rows: rows.slice(2 * k, 2 * k + 2) }));
    await v3.table('graphChunks').bulkPut([...runs(g.nodes, 'nodes'), ...runs(g.edges, 'edges')]);
    await v3.table('notes').put({ nodeId: 'program:双减', text: '留着', tags: [], updatedAt: 1 });
    v3.close();

    const db = await openDb({ name });
    expect(db.verno).toBe(4);
    const chunks = await db.graphChunks.toArray();
    expect(chunks.filter((c) => c.kind === 'edges').every((c) => 'ids' in c && !('rows' in c))).toBe(true);
    expect(await loadGraphRows(db)).toEqual({ nodes: g.nodes, edges: g.edges });
    const packed = await loadGraphRows(db, { evidence: 'packed' });
    expect(packed.edges.map((e) => e.evidence)).toEqual(g.edges.map(() => undefined));
    expect(packed.edges.map(evidenceOf)).toEqual(g.edges.map((e) => e.evidence));
    expect((await db.notes.get('program:双减'))?.text).toBe('留着');
    db.close();
    await Dexie.delete(name);
  });
});
