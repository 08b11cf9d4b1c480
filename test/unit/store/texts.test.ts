/**
 * Deferred texts: a big corpus's graph is stored without waiting for one request per source; the
 * texts follow (`storeMissingTexts`, or `SyncResult.texts`), texts already stored for the same
 * source ids are kept, failures are listed, and nothing is written for a source that is gone.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getText, importGraph, loadGraphRows, storeMissingTexts, sourcesWithoutText, syncGraph, type ImportPhase } from '../../../src/store';
import type { GraphFile } from '../../../src/model';
import { freshDbs } from '../../support/db';

const FIXTURE_DIR = join(__dirname, '../../fixtures/ui');
const fixtureBytes = readFileSync(join(FIXTURE_DIR, 'graph.json'));
const fixture = (): GraphFile => JSON.parse(fixtureBytes.toString('utf8'));
const fixtureText = (id: string) => readFileSync(join(FIXTURE_DIR, 'texts', `${id}.txt`), 'utf8');
const freshDb = freshDbs('texts');

/** A text loader that records what it was asked for. */
function loader(fail: string[] = []) {
  const asked: string[] = [];
  const fetchText = async (id: string) => {
    asked.push(id);
    if (fail.includes(id)) throw new Error('404');
    return fixtureText(id);
  };
  return { fetchText, asked };
}

/** The fixture with its second source dropped (and what came from it). */
function withoutSecondSource(): GraphFile {
  const g = fixture();
  const dropped = g.sources[1].id;
  return { ...g, sources: g.sources.filter((s) => s.id !== dropped) };
}

describe('importGraph with deferTexts', () => {
  it('stores the graph without fetching a text, and storeMissingTexts then stores them all', async () => {
    const db = await freshDb();
    const g = fixture();
    const l = loader();
    const phases: ImportPhase[] = [];
    const res = await importGraph(db, g, { fetchText: l.fetchText, deferTexts: true, onProgress: (p) => { if (!phases.includes(p.phase)) phases.push(p.phase); } });
    expect(phases).toEqual(['validate', 'write', 'done']);
    expect(l.asked).toEqual([]);
    expect(res).toMatchObject({ textsDeferred: true, texts: 0, missingTexts: g.sources.map((s) => s.id).sort() });
    expect((await loadGraphRows(db)).nodes).toEqual(g.nodes);
    expect(await getText(db, 'src-a')).toBeNull();

    const progress: number[] = [];
    const filled = await storeMissingTexts(db, l.fetchText, { onProgress: (done) => progress.push(done) });
    expect(filled).toEqual({ stored: g.sources.length, missing: [] });
    expect(progress).toEqual(g.sources.map((_, i) => i + 1));
    for (const s of g.sources) expect(await getText(db, s.id)).toBe(fixtureText(s.id));
    expect(await sourcesWithoutText(db)).toEqual([]);
  });

  it('a re-import keeps the texts of sources it still has, drops the others, and only the new ones are fetched', async () => {
    const db = await freshDb();
    const small = withoutSecondSource();
    await importGraph(db, fixture(), { fetchText: loader().fetchText });
    const res = await importGraph(db, small, { deferTexts: true });
    expect(res.missingTexts).toEqual([]);
    expect(await getText(db, 'src-a')).toBe(fixtureText('src-a'));
    expect(await getText(db, 'src-b')).toBeNull();
    // Back to the full fixture: only the text of the returning source is fetched.
    const back = await importGraph(db, fixture(), { deferTexts: true });
    expect(back.missingTexts).toEqual(['src-b']);
    const l = loader();
    expect(await storeMissingTexts(db, l.fetchText)).toEqual({ stored: 1, missing: [] });
    expect(l.asked).toEqual(['src-b']);
  });

  it('a deferred import that fails midway keeps the previous texts and graph', async () => {
    const db = await freshDb();
    await importGraph(db, fixture(), { fetchText: loader().fetchText, contentHash: 'first' });
    const before = await loadGraphRows(db);
    let writes = 0;
    await expect(
      importGraph(db, withoutSecondSource(), { deferTexts: true, chunkSize: 2, onProgress: (p) => { if (p.phase === 'write' && ++writes === 3) throw new Error('quota'); } }),
    ).rejects.toThrow('quota');
    expect(await loadGraphRows(db)).toEqual(before);
    expect(await getText(db, 'src-b')).toBe(fixtureText('src-b'));
  });
});

describe('storeMissingTexts', () => {
  it('lists the texts it could not load and stores the rest', async () => {
    const db = await freshDb();
    await importGraph(db, fixture(), { deferTexts: true });
    const res = await storeMissingTexts(db, loader(['src-b']).fetchText);
    expect(res).toEqual({ stored: 1, missing: ['src-b'] });
    expect(await sourcesWithoutText(db)).toEqual(['src-b']);
  });

  it('drops a text whose source was removed while it was being fetched', async () => {
    const db = await freshDb();
    await importGraph(db, fixture(), { deferTexts: true });
    const res = await storeMissingTexts(db, async (id) => {
      if (id === 'src-b') await db.sources.delete('src-b');
      return fixtureText(id);
    }, { batch: 1 });
    expect(res.stored).toBe(1);
    expect(await getText(db, 'src-b')).toBeNull();
    expect(await getText(db, 'src-a')).toBe(fixtureText('src-a'));
  });

  it('returns a write error instead of rejecting', async () => {
    const db = await freshDb();
    await importGraph(db, fixture(), { deferTexts: true });
    db.texts.bulkPut = (async () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }) as unknown as typeof db.texts.bulkPut;
    const res = await storeMissingTexts(db, loader().fetchText, { batch: 1 });
    expect(res.stored).toBe(0);
    expect((res.error as Error).name).toBe('QuotaExceededError');
  });
});

describe('syncGraph with deferTexts', () => {
  const url = 'http://app.test/data/graph.json';
  const fetch = (async (input: RequestInfo | URL) => {
    const u = String(input);
    if (u.endsWith('/data/graph.json')) return new Response(fixtureBytes.slice().buffer as ArrayBuffer);
    const m = /\/data\/texts\/(.+)\.txt$/.exec(u);
    if (m) return new Response(fixtureText(decodeURIComponent(m[1])));
    return new Response('', { status: 404 });
  }) as typeof globalThis.fetch;

  it("'auto' (the default) defers the texts only for a corpus over the threshold", async () => {
    const small = await freshDb();
    const res = await syncGraph(small, { url, fetch });
    expect(res.import?.textsDeferred).toBeUndefined();
    expect(res.texts).toBeUndefined();
    expect(await getText(small, 'src-a')).toBe(fixtureText('src-a'));

    const big = await freshDb();
    const deferred = await syncGraph(big, { url, fetch, deferTextsAbove: 1 });
    expect(deferred.import?.textsDeferred).toBe(true);
    expect(await deferred.texts).toEqual({ stored: 2, missing: [] });
    // Not deferred when asked not to, whatever the size.
    const other = await freshDb();
    expect((await syncGraph(other, { url, fetch, deferTextsAbove: 1, deferTexts: false })).texts).toBeUndefined();
    expect(await getText(other, 'src-b')).toBe(fixtureText('src-b'));
  });

  it('returns with the graph stored and the texts on their way; an unchanged sync fetches texts an interrupted one left out', async () => {
    const db = await freshDb();
    const first = await syncGraph(db, { url, fetch, deferTexts: true });
    expect(first.status).toBe('imported');
    expect(first.import?.textsDeferred).toBe(true);
    expect(await first.texts).toEqual({ stored: 2, missing: [] });
    expect(await getText(db, 'src-b')).toBe(fixtureText('src-b'));

    const second = await syncGraph(db, { url, fetch, deferTexts: true });
    expect(second.status).toBe('unchanged');
    expect(second.texts).toBeUndefined();

    await db.texts.delete('src-b');
    const third = await syncGraph(db, { url, fetch, deferTexts: true });
    expect(third.status).toBe('unchanged');
    expect(await third.texts).toEqual({ stored: 1, missing: [] });
    expect(await getText(db, 'src-b')).toBe(fixtureText('src-b'));
  });
});
