/**
 * The workspace in the store: notes, saved views and corrections survive a graph re-import, the
 * workspace file round-trips, a bad workspace or graph file is refused with the zod path and
 * changes nothing, and two connections behave across a schema upgrade.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import {
  GraphValidationError,
  WorkspaceFileError,
  addCorrection,
  clearWorkspace,
  exportWorkspace,
  importGraph,
  importWorkspace,
  listCorrections,
  listNotes,
  loadGraphRows,
  listViews,
  openDb,
  orphanNotes,
  PolicyDB,
  removeCorrection,
  saveNote,
  saveViewWithPositions,
  syncGraph,
  storedContentHash,
  tagCounts,
} from '../../../src/store';
import { loadViewRows } from '../../../src/ui/state/graph-rows';
import { WorkspaceFileSchema, type GraphFile } from '../../../src/model';
import { freshDbs } from '../../support/db';

const FIXTURE_DIR = join(__dirname, '../../fixtures/ui');
const fixture = (): GraphFile => JSON.parse(readFileSync(join(FIXTURE_DIR, 'graph.json'), 'utf8'));

const freshDb = freshDbs('ws');

/** Everything the analyst owns, as plain data, to compare before and after. */
async function snapshot(db: PolicyDB) {
  return {
    notes: await db.notes.orderBy('nodeId').toArray(),
    views: await db.views.orderBy('id').toArray(),
    corrections: await db.corrections.orderBy('id').toArray(),
    graph: await loadGraphRows(db),
    hash: await storedContentHash(db),
  };
}

async function populated(): Promise<PolicyDB> {
  const db = await freshDb();
  await importGraph(db, fixture(), { contentHash: 'h1' });
  await saveNote(db, 'doc:中发〔2019〕26号', '核心文件', { tags: ['national', '督导'], label: '中发〔2019〕26号' });
  await saveNote(db, 'program:双减', '2021 年后扩散', { tags: ['national'], label: '双减' });
  await saveViewWithPositions(db, { name: '甲市', hash: '#region=甲市', positions: { 'region:甲市': { x: 10, y: -4.5 } } });
  await addCorrection(db, { kind: 'set-year', nodeId: 'doc:中发〔2019〕26号', year: 2019 });
  await addCorrection(db, { kind: 'drop-edge', edgeId: 'e5' });
  return db;
}

describe('notes, views and corrections', () => {
  it('are kept by a re-import, applied on load, and notes of vanished nodes are listed as orphans', async () => {
    const db = await populated();
    const g = fixture();
    g.nodes = g.nodes.filter((x) => x.id !== 'program:双减');
    g.edges = g.edges.filter((e) => e.source !== 'program:双减' && e.target !== 'program:双减');
    await importGraph(db, g, { contentHash: 'h2' });

    const notes = await listNotes(db);
    expect(notes.map((x) => x.nodeId).sort()).toEqual(['doc:中发〔2019〕26号', 'program:双减']);
    const ids = new Set(g.nodes.map((x) => x.id));
    const orphans = orphanNotes(notes, (id) => ids.has(id));
    expect(orphans.map((o) => [o.nodeId, o.label])).toEqual([['program:双减', '双减']]);
    expect(tagCounts(notes)[0]).toEqual({ tag: 'national', count: 2 });

    const rows = await loadViewRows(db);
    expect(rows.edges.some((e) => e.id === 'e5')).toBe(false);
    expect(rows.nodes.find((x) => x.id === 'doc:中发〔2019〕26号')).toMatchObject({ year: 2019 });
    expect(rows.outcomes.map((o) => o.status)).toEqual(['applied', 'applied']);
    expect(rows.corrected.has('doc:中发〔2019〕26号')).toBe(true);
    expect((await listViews(db))[0].positions).toEqual({ 'region:甲市': { x: 10, y: -4.5 } });
  });

  it('a correction whose node is gone is reported stale and kept; removing it restores the extracted row', async () => {
    const db = await populated();
    const c = await addCorrection(db, { kind: 'set-level', nodeId: 'doc:不存在', level: 'national' });
    const rows = await loadViewRows(db);
    expect(rows.outcomes.find((o) => o.correction.id === c.id)?.status).toBe('stale');
    await removeCorrection(db, (await listCorrections(db))[0].id); // the set-year
    const after = await loadViewRows(db);
    const extracted = fixture().nodes.find((x) => x.id === 'doc:中发〔2019〕26号') as { year?: number };
    expect((after.nodes.find((x) => x.id === 'doc:中发〔2019〕26号') as { year?: number }).year).toBe(extracted.year);
    expect(await db.corrections.count()).toBe(2);
  });

  it('refuses an invalid correction', async () => {
    const db = await freshDb();
    await expect(addCorrection(db, { kind: 'set-year', nodeId: 'x', year: 1066 })).rejects.toThrow(/year/);
    expect(await db.corrections.count()).toBe(0);
  });
});

describe('workspace file', () => {
  it('round-trips through export → clear → import', async () => {
    const db = await populated();
    const before = await snapshot(db);
    const file = await exportWorkspace(db);
    expect(WorkspaceFileSchema.safeParse(file).success).toBe(true);
    const text = JSON.stringify(file);
    await clearWorkspace(db);
    expect(await db.notes.count()).toBe(0);
    expect(await db.corrections.count()).toBe(0);
    const res = await importWorkspace(db, text);
    expect(res).toMatchObject({ notes: 2, views: 1, corrections: 2 });
    expect(await snapshot(db)).toEqual(before);
  });

  const badFiles: [string, (f: Record<string, unknown>) => unknown, RegExp][] = [
    ['a note without node id', (f) => ((f.notes as { nodeId: string }[])[1].nodeId = '', f), /notes\.1\.nodeId/],
    ['an unknown correction kind', (f) => ((f.corrections as { kind: string }[])[0].kind = 'rename', f), /corrections\.0\.kind/],
    ['a year out of range', (f) => ((f.corrections as { year?: number }[]).find((c) => 'year' in c)!.year = 20190, f), /corrections\.\d\.year/],
    ['positions that are not numbers', (f) => (((f.views as { positions: Record<string, unknown> }[])[0].positions['region:甲市'] = { x: 'left', y: 0 }), f), /views\.0\.positions\.region:甲市\.x/],
    ['another format', (f) => ({ ...f, format: 'policy-lineage-graph' }), /format/],
    ['a graph file instead', () => fixture(), /format/],
  ];
  for (const [what, spoil, path] of badFiles) {
    it(`refuses ${what}, naming the path, and changes nothing`, async () => {
      const db = await populated();
      const good = JSON.parse(JSON.stringify(await exportWorkspace(db)));
      await clearWorkspace(db);
      await saveNote(db, 'policy:src-a:0', 'kept');
      const before = await snapshot(db);
      // Valid entries come first in the file: a partial write would show up as changed rows.
      const err = await importWorkspace(db, JSON.stringify(spoil(good))).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkspaceFileError);
      expect((err as Error).message).toMatch(path);
      expect(await snapshot(db)).toEqual(before);
    });
  }

  it('refuses a truncated file as not JSON and changes nothing', async () => {
    const db = await populated();
    const text = JSON.stringify(await exportWorkspace(db));
    const before = await snapshot(db);
    await expect(importWorkspace(db, text.slice(0, text.length / 2), { replace: true })).rejects.toThrow(/not JSON/);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('graph file', () => {
  it('a wrong-schema graph names the zod path and leaves the database as it was', async () => {
    const db = await populated();
    const before = await snapshot(db);
    const g = fixture() as unknown as { nodes: Record<string, unknown>[] };
    g.nodes[4].type = 'statute';
    const err = await importGraph(db, g).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphValidationError);
    expect((err as Error).message).toMatch(/nodes\.4\.type/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('a corrupted (truncated) served graph.json is an error and the stored graph stays', async () => {
    const db = await populated();
    const before = await snapshot(db);
    const bytes = readFileSync(join(FIXTURE_DIR, 'graph.json'));
    const fetch = (async () => new Response(bytes.subarray(0, bytes.length - 40))) as typeof globalThis.fetch;
    await expect(syncGraph(db, { url: 'http://x/data/graph.json', fetch })).rejects.toThrow(SyntaxError);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('two connections across an upgrade', () => {
  it('a version-1 connection is told, closes, and the current one opens with the data intact', async () => {
    const name = `ws-upgrade-${process.pid}`;
    // The app as it was at schema version 1, with the same versionchange handling as openDb.
    const old = new Dexie(name);
    old.version(1).stores({ nodes: 'id, type, year, region, level, docNumber', edges: 'id, type, source, target', texts: 'sourceId', sources: 'id', meta: 'key', notes: 'nodeId', views: 'id' });
    let oldNotified = 0;
    old.on('versionchange', () => {
      old.close();
      oldNotified++;
      return false;
    });
    await old.open();
    await old.table('notes').put({ nodeId: 'program:双减', text: '旧笔记', updatedAt: 1 });
    await old.table('views').put({ id: 'v', name: '旧视图', hash: '#x', createdAt: 1 });

    // A second tab opens the new version: the old connection must close or this would block.
    let newNotified = 0;
    const db = await openDb({ name, onVersionChange: () => newNotified++ });
    expect(oldNotified).toBe(1);
    expect(old.isOpen()).toBe(false);
    expect(db.verno).toBe(4);
    expect(await db.notes.get('program:双减')).toMatchObject({ text: '旧笔记', tags: [] });
    expect((await listViews(db)).map((v) => v.name)).toEqual(['旧视图']);
    // The old tab's handle no longer works (its UI shows the reload banner instead).
    await expect(old.table('notes').count()).rejects.toThrow();

    // And a later upgrade by yet another tab notifies this one (the app's reload banner).
    const newer = new PolicyDB(name);
    newer.version(5).stores({ extra: 'id' });
    await newer.open();
    expect(newNotified).toBe(1);
    expect(db.isOpen()).toBe(false);
    expect(await newer.table('notes').count()).toBe(1);
    newer.close();
    await Dexie.delete(name);
  });
});
