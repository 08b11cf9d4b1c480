/**
 * The stored last view (src/store/last-view) and what decides whether a reload may draw it
 * (src/ui/state/stored-view): the rows' identity changes with every import, correction and edit of
 * a correction; a view of other rows, of another state, or not in the stored shape is never shown.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCorrection, importGraph, loadLastView, removeCorrection, rowsIdentity, saveLastView } from '../../../src/store';
import { matchingStoredView, storeView, viewStateKey } from '../../../src/ui/state/stored-view';
import { defaultFilters, type UiState } from '../../../src/ui/state/urlstate';
import type { GraphFile } from '../../../src/model';
import { freshDbs } from '../../support/db';

const fixture = (): GraphFile => JSON.parse(readFileSync(join(__dirname, '../../fixtures/ui/graph.json'), 'utf8'));
const freshDb = freshDbs('last-view');

const view = () => ({
  elements: [
    { group: 'nodes' as const, data: { id: 'doc:中发〔2019〕26号', label: '中发〔2019〕26号' }, position: { x: 1, y: 2 } },
    { group: 'nodes' as const, data: { id: 'program:双减', label: '双减' }, position: { x: -3, y: 4.5 } },
    { group: 'edges' as const, data: { id: 'e1', source: 'program:双减', target: 'doc:中发〔2019〕26号' } },
  ],
  counts: { nodes: 2, edges: 1, cappedNodes: 0, cappedEdges: 0, cap: 2500, totalNodes: 2, totalEdges: 1 },
  viewport: { zoom: 1.8, pan: { x: -120, y: 40.5 } },
});

describe('rows identity', () => {
  it('changes with a re-import, a correction added, edited or removed, and only then', async () => {
    const db = await freshDb();
    await importGraph(db, fixture(), { contentHash: 'h1' });
    const a = await rowsIdentity(db);
    expect(await rowsIdentity(db)).toBe(a);
    await importGraph(db, fixture(), { contentHash: 'h2' });
    const b = await rowsIdentity(db);
    expect(b).not.toBe(a);
    const c = await addCorrection(db, { kind: 'set-year', nodeId: 'doc:中发〔2019〕26号', year: 2019 });
    const withCorrection = await rowsIdentity(db);
    expect(withCorrection).not.toBe(b);
    // The same correction id with another value (an edit in place) is other rows too.
    await db.corrections.put({ ...c, year: 2020 } as typeof c);
    expect(await rowsIdentity(db)).not.toBe(withCorrection);
    await removeCorrection(db, c.id);
    expect(await rowsIdentity(db)).toBe(b);
  });
});

describe('stored view', () => {
  it('is drawn back only for the same rows and the same state', async () => {
    const db = await freshDb();
    await importGraph(db, fixture(), { contentHash: 'h1' });
    const ex: UiState = { view: 'graph', lang: 'zh', filters: defaultFilters(), selection: [], expanded: [], query: '' };
    await storeView(db, await rowsIdentity(db), viewStateKey(ex), view());
    const back = await matchingStoredView(db, ex);
    expect(back?.elements).toEqual(view().elements);
    expect(back?.counts).toEqual(view().counts);
    expect(back?.viewport).toEqual(view().viewport);

    // Another state: another filter, another language.
    ex.filters = { ...ex.filters, minCitedBy: 3 };
    expect(await matchingStoredView(db, ex)).toBeNull();
    ex.filters = { ...ex.filters, minCitedBy: 0 };
    expect(await matchingStoredView(db, ex)).not.toBeNull();
    // The same filters with their keys in another order (another way of reaching them) match.
    ex.filters = Object.fromEntries(Object.entries(ex.filters).reverse()) as UiState['filters'];
    expect(await matchingStoredView(db, ex)).not.toBeNull();
    ex.lang = 'en';
    expect(await matchingStoredView(db, ex)).toBeNull();
    ex.lang = 'zh';
    ex.view = 'lineage';
    expect(await matchingStoredView(db, ex)).toBeNull();
    ex.view = 'graph';

    // Other rows: a correction made since.
    await addCorrection(db, { kind: 'drop-edge', edgeId: 'e5' });
    expect(await matchingStoredView(db, ex)).toBeNull();
  });

  it('a stored record of another shape is no view, and reading it does not throw', async () => {
    const db = await freshDb();
    await importGraph(db, fixture(), { contentHash: 'h1' });
    const ex: UiState = { view: 'graph', lang: 'zh', filters: defaultFilters(), selection: [], expanded: [], query: '' };
    const identity = await rowsIdentity(db);
    const state = viewStateKey(ex);
    for (const payload of [null, 'x', { format: 2, elements: [], counts: null }, { format: 1, elements: [{ group: 'nodes', data: {} }], counts: null }, { format: 1, elements: 'x', counts: null }, { format: 1, elements: [], counts: null, viewport: { zoom: -1, pan: { x: 0, y: 0 } } }]) {
      await saveLastView(db, { identity, state, payload });
      expect(await matchingStoredView(db, ex)).toBeNull();
    }
    await db.meta.put({ key: 'lastView', value: 42 });
    expect(await loadLastView(db)).toBeNull();
    expect(await matchingStoredView(db, ex)).toBeNull();
  });
});
