/**
 * Schema migration: a database written by schema version 1 (notes without tags, saved views)
 * opens under version 2 with every note and view intact, and the new tables usable.
 */
import 'fake-indexeddb/auto';
import { describe, it, expect } from 'vitest';
import Dexie from 'dexie';
import { openDb, getNote, listViews, saveNote } from '../../../src/store';

/** Writes a database exactly as schema version 1 defined it. */
async function writeVersion1(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores({
    nodes: 'id, type, year, region, level, docNumber',
    edges: 'id, type, source, target',
    texts: 'sourceId',
    sources: 'id',
    meta: 'key',
    notes: 'nodeId',
    views: 'id',
  });
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

describe('schema version 1 → 2', () => {
  it('keeps notes and saved views, gives old notes empty tags, and opens the new tables', async () => {
    const name = `migrate-${process.pid}`;
    await writeVersion1(name);
    const db = await openDb({ name });
    expect(db.verno).toBe(2);
    const note = await getNote(db, 'doc:中发〔2019〕26号');
    expect(note?.text).toBe('核心文件,各地普遍引用');
    expect(note?.tags).toEqual([]);
    expect((await getNote(db, 'program:双减'))?.text).toBe('2021 年后扩散');
    expect((await listViews(db)).map((v) => v.name)).toEqual(['鄂尔多斯谱系']);
    expect(await db.nodes.count()).toBe(1);
    // The new tables and the tag index work.
    await saveNote(db, 'program:双减', '2021 年后扩散', { tags: ['扩散', '双减'] });
    expect((await db.notes.where('tags').equals('扩散').toArray()).map((n) => n.nodeId)).toEqual(['program:双减']);
    await db.corrections.put({ id: 'c1', createdAt: 1, kind: 'set-year', nodeId: 'doc:中发〔2019〕26号', year: 2019 });
    expect(await db.corrections.count()).toBe(1);
    db.close();
    await Dexie.delete(name);
  });
});
