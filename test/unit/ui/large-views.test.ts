import { describe, expect, it } from 'vitest';
import cytoscape, { type ElementDefinition } from 'cytoscape';
import { CHUNK, CHUNK_BUDGET_MS, initialPositions, keepsLayout, nextChunkSize, replaceElements } from '../../../src/ui/cy/draw';
import { layoutFa2, nearestGap } from '../../../src/ui/cy/layout-fa2';
import { groupFilters, overviewElements, overviewPositions, COLUMNS } from '../../../src/ui/cy/overview';
import { rendererFor, WEBGL_FROM } from '../../../src/ui/cy/renderer';
import { aggregateView } from '../../../src/graph/aggregate';
import { buildGraph } from '../../../src/graph/load';
import { defaultFilters } from '../../../src/ui/state/urlstate';
import { smallGraphFile } from '../graph/fixture';

const node = (id: string, position?: { x: number; y: number }): ElementDefinition => ({ group: 'nodes', data: { id }, ...(position ? { position } : {}) });
const edge = (id: string, source: string, target: string): ElementDefinition => ({ group: 'edges', data: { id, source, target } });

describe('initialPositions', () => {
  it('keeps old positions, puts a new node beside a drawn neighbour, spreads the rest apart', () => {
    const before = new Map([['a', { x: 500, y: 500 }]]);
    const els = [node('a'), node('b'), node('c'), node('d'), node('e', { x: -7, y: 9 }), edge('ab', 'a', 'b')];
    const pos = initialPositions(els, before);
    expect(pos.get('a')).toEqual({ x: 500, y: 500 });
    expect(pos.get('e')).toEqual({ x: -7, y: 9 });
    const b = pos.get('b')!;
    expect(Math.hypot(b.x - 500, b.y - 500)).toBeLessThan(80);
    // No two nodes start on the same spot.
    const keys = new Set([...pos.values()].map((p) => `${p.x.toFixed(3)},${p.y.toFixed(3)}`));
    expect(keys.size).toBe(pos.size);
  });
});

describe('initialPositions far down a long list', () => {
  it('puts nodes pulled in beside their drawn neighbour, apart from each other', () => {
    const before = new Map(Array.from({ length: 2500 }, (_, i) => [`n${i}`, { x: 40 * (i % 50), y: 40 * Math.floor(i / 50) }]));
    const els = [...before.keys()].map((id) => node(id));
    const pulled = Array.from({ length: 6 }, (_, j) => `new${j}`);
    for (const id of pulled) els.push(node(id), edge(`e-${id}`, 'n2499', id));
    const pos = initialPositions(els, before);
    const hub = before.get('n2499')!;
    for (const id of pulled) expect(Math.hypot(pos.get(id)!.x - hub.x, pos.get(id)!.y - hub.y)).toBeLessThan(80);
    const spots = new Set(pulled.map((id) => `${pos.get(id)!.x.toFixed(2)},${pos.get(id)!.y.toFixed(2)}`));
    expect(spots.size).toBe(pulled.length);
  });
});

describe('keepsLayout', () => {
  const drawn = new Map(Array.from({ length: 20 }, (_, i) => [`n${i}`, { x: i, y: 0 }]));
  const list = (ids: string[]) => ids.map((id) => node(id));
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `n${from + i}`);
  it('keeps the drawn places when the new list is mostly what is drawn', () => {
    expect(keepsLayout(list(range(0, 20)), drawn)).toBe(true); // the same nodes (a correction)
    expect(keepsLayout(list([...range(0, 20), 'new1', 'new2']), drawn)).toBe(true); // two pulled in
    expect(keepsLayout(list(range(0, 15)), drawn)).toBe(true); // five filtered out
  });
  it('lays out anew when much is new, much is gone, or nothing was drawn', () => {
    expect(keepsLayout(list([...range(0, 20), ...range(100, 110)]), drawn)).toBe(false); // a third new
    expect(keepsLayout(list(range(0, 10)), drawn)).toBe(false); // half filtered out
    expect(keepsLayout(list(range(0, 20)), new Map())).toBe(false);
    expect(keepsLayout([], drawn)).toBe(false);
  });
});

describe('replaceElements', () => {
  it('adds a list larger than a chunk completely, edges after their nodes, and keeps drawn nodes in place', async () => {
    const cy = cytoscape({ headless: true });
    cy.add([node('keep', { x: 42, y: -3 })]);
    const els: ElementDefinition[] = [node('keep')];
    for (let i = 0; i < 250; i++) els.push(node(`n${i}`), edge(`e${i}`, 'keep', `n${i}`));
    expect(await replaceElements(cy, els, { chunk: 64 })).toBe(true);
    expect(cy.nodes().length).toBe(251);
    expect(cy.edges().length).toBe(250);
    expect(cy.$id('keep').position()).toEqual({ x: 42, y: -3 });
    cy.destroy();
  });

  it('sizes the next chunk by what the last one cost: halved over the budget, grown well under it, within bounds', async () => {
    expect(nextChunkSize(300, CHUNK_BUDGET_MS * 3)).toBe(150);
    expect(nextChunkSize(300, CHUNK_BUDGET_MS * 0.75)).toBe(300);
    expect(nextChunkSize(100, CHUNK_BUDGET_MS / 4)).toBe(150);
    expect(nextChunkSize(CHUNK * 2, 1)).toBe(CHUNK * 2);
    expect(nextChunkSize(41, 10_000)).toBe(40);

    // A slow machine: adding (and styling) each element costs 1 ms on a fake clock.
    const cy = cytoscape({ headless: true });
    const els = Array.from({ length: 1000 }, (_, i) => node(`n${i}`));
    let clock = 0;
    let counted = 0;
    const now = () => {
      clock += cy.nodes().length - counted;
      counted = cy.nodes().length;
      return clock;
    };
    const sizes: number[] = [];
    let drawn = 0;
    let frames = 0;
    const frame = async () => {
      frames++;
      sizes.push(cy.nodes().length - drawn);
      drawn = cy.nodes().length;
    };
    let tasks = 0;
    expect(await replaceElements(cy, els, { frame, now, yieldTask: async () => void tasks++ })).toBe(true);
    expect(cy.nodes().length).toBe(1000);
    expect(sizes[0]).toBe(CHUNK);
    // Every chunk after an over-budget one is smaller, down to sizes within the budget.
    for (let k = 1; k < sizes.length; k++) if (sizes[k - 1] > CHUNK_BUDGET_MS) expect(sizes[k]).toBeLessThan(sizes[k - 1]);
    expect(Math.min(...sizes)).toBeLessThanOrEqual(CHUNK_BUDGET_MS);
    // A frame between two chunks, and the next chunk in a task after it.
    expect(tasks).toBe(frames);
    cy.destroy();
  });

  it('patching keeps what is drawn as it should be, replaces what changed, removes what went and adds what is new', async () => {
    const cy = cytoscape({ headless: true });
    const v1: ElementDefinition[] = [
      { group: 'nodes', data: { id: 'a', label: 'A' }, position: { x: 1, y: 1 } },
      { group: 'nodes', data: { id: 'b', label: 'B' }, position: { x: 50, y: 0 } },
      { group: 'nodes', data: { id: 'c', label: 'C' }, position: { x: 0, y: 50 }, classes: 'hub' },
      edge('ab', 'a', 'b'),
      edge('bc', 'b', 'c'),
    ];
    expect(await replaceElements(cy, v1)).toBe(true);
    const a = cy.$id('a');
    const ab = cy.$id('ab');
    cy.$id('a').addClass('sel'); // set by the canvas, not part of the definition
    const v2: ElementDefinition[] = [
      { group: 'nodes', data: { id: 'a', label: 'A' } },
      { group: 'nodes', data: { id: 'b', label: 'B (1999)' } }, // corrected
      { group: 'nodes', data: { id: 'd', label: 'D' } }, // new; c is gone
      edge('ab', 'a', 'b'),
      edge('ad', 'a', 'd'),
    ];
    expect(await replaceElements(cy, v2, { patch: true })).toBe(true);
    expect(cy.$id('a')).toBe(a); // the same element, still selected, in place
    expect(cy.$id('a').hasClass('sel')).toBe(true);
    expect(cy.$id('a').position()).toEqual({ x: 1, y: 1 });
    expect(cy.$id('b').data('label')).toBe('B (1999)');
    expect(cy.$id('b').position()).toEqual({ x: 50, y: 0 }); // re-added where it was
    expect(cy.$id('ab').nonempty()).toBe(true); // re-added with its changed node
    expect(cy.$id('ab')).not.toBe(ab);
    expect(cy.$id('c').empty() && cy.$id('bc').empty()).toBe(true);
    expect(cy.$id('d').nonempty() && cy.$id('ad').nonempty()).toBe(true);
    expect(cy.elements().length).toBe(5);
    cy.destroy();
  });

  it('stops when cancelled between chunks', async () => {
    const cy = cytoscape({ headless: true });
    const els = Array.from({ length: 100 }, (_, i) => node(`n${i}`));
    let calls = 0;
    expect(await replaceElements(cy, els, { chunk: 10, cancelled: () => ++calls > 2 })).toBe(false);
    expect(cy.nodes().length).toBeLessThan(100);
    cy.destroy();
  });
});

describe('rendererFor', () => {
  const hw = { supported: true, software: false, renderer: 'ANGLE (NVIDIA)' };
  const sw = { supported: true, software: true, renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)' };
  const none = { supported: false, software: false, renderer: '' };
  it('uses WebGL for large views on a hardware GPU only, unless forced', () => {
    expect(rendererFor(WEBGL_FROM - 1, hw, 'auto')).toBe('canvas');
    expect(rendererFor(WEBGL_FROM, hw, 'auto')).toBe('webgl');
    expect(rendererFor(50_000, sw, 'auto')).toBe('canvas');
    expect(rendererFor(10, sw, 'webgl')).toBe('webgl');
    expect(rendererFor(50_000, hw, 'canvas')).toBe('canvas');
    expect(rendererFor(50_000, none, 'webgl')).toBe('canvas');
  });
});

describe('layoutFa2', () => {
  it('returns finite positions for every node, neighbours nearer than strangers, nodes spaced apart', () => {
    // Two cliques of 30 joined by one edge.
    const nodes = Array.from({ length: 60 }, (_, i) => ({ id: `n${i}`, size: 20, x: Math.cos(i) * 100, y: Math.sin(i * 7) * 100 }));
    const edges: { id: string; source: string; target: string }[] = [];
    for (const base of [0, 30]) for (let i = 0; i < 30; i++) for (let j = i + 1; j < 30; j += 3) edges.push({ id: `e${base + i}-${base + j}`, source: `n${base + i}`, target: `n${base + j}` });
    edges.push({ id: 'bridge', source: 'n0', target: 'n30' });
    const pos = layoutFa2({ nodes, edges }, 300);
    expect(Object.keys(pos)).toHaveLength(60);
    for (const p of Object.values(pos)) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    const d = (a: string, b: string) => Math.hypot(pos[a].x - pos[b].x, pos[a].y - pos[b].y);
    const centre = (base: number) => {
      let x = 0;
      let y = 0;
      for (let i = 0; i < 30; i++) ((x += pos[`n${base + i}`].x), (y += pos[`n${base + i}`].y));
      return { x: x / 30, y: y / 30 };
    };
    const c0 = centre(0);
    const c1 = centre(30);
    let within = 0;
    for (let i = 0; i < 30; i++) within += Math.hypot(pos[`n${i}`].x - c0.x, pos[`n${i}`].y - c0.y);
    expect(Math.hypot(c0.x - c1.x, c0.y - c1.y)).toBeGreaterThan(within / 30);
    // Scaled so that the 10th-percentile nearest-neighbour distance is 30 px.
    const ids = Object.keys(pos);
    const nn = ids.map((a) => Math.min(...ids.filter((b) => b !== a).map((b) => d(a, b)))).sort((a, b) => a - b);
    expect(nn[Math.floor(nn.length * 0.1)]).toBeCloseTo(30, 0);
  });
});

describe('nearestGap', () => {
  it('is the 10th-percentile distance to the nearest point', () => {
    // Ten points on a line 5 apart, one pair 1 apart: nearest distances are 1, 1, then 5s.
    const xs = [0, 1, 6, 11, 16, 21, 26, 31, 36, 41, 46];
    expect(nearestGap(xs, xs.map(() => 0))).toBe(1);
    expect(nearestGap([0], [0])).toBe(0);
  });
});

describe('the overview on the canvas', () => {
  const f = smallGraphFile();
  const g = buildGraph(f.nodes, f.edges);
  const agg = aggregateView(g, g.nodes(), g.edges());

  it('draws one node per group with its count in the label (zh by default, en on request), edges between groups', () => {
    const zh = overviewElements(agg, 'zh');
    const en = overviewElements(agg, 'en');
    const nodes = zh.filter((e) => e.group === 'nodes');
    expect(nodes).toHaveLength(agg.groups.length);
    for (const n of nodes) {
      const gr = agg.groups.find((x) => x.id === n.data.id)!;
      expect(String(n.data.label)).toContain(String(gr.count));
      expect(n.position).toBeDefined();
    }
    const taskZh = nodes.find((n) => n.data.type === 'task')!;
    expect(String(taskZh.data.label)).toContain('任务');
    expect(String(en.find((n) => n.data.id === taskZh.data.id)!.data.label)).toContain('Task');
    expect(zh.filter((e) => e.group === 'edges')).toHaveLength(agg.edges.length);
  });

  it('places groups apart, a band per type, at most COLUMNS to a row', () => {
    const pos = overviewPositions(agg.groups);
    expect(pos.size).toBe(agg.groups.length);
    const keys = new Set([...pos.values()].map((p) => `${p.x},${p.y}`));
    expect(keys.size).toBe(pos.size);
    const rows = new Map<number, number>();
    for (const p of pos.values()) rows.set(p.y, (rows.get(p.y) ?? 0) + 1);
    for (const n of rows.values()) expect(n).toBeLessThanOrEqual(COLUMNS);
    // One type never shares a row with another.
    const typeOfRow = new Map<number, string>();
    for (const gr of agg.groups) {
      const y = pos.get(gr.id)!.y;
      expect(typeOfRow.get(y) ?? gr.type).toBe(gr.type);
      typeOfRow.set(y, gr.type);
    }
  });

  it('opens a group as filters: a province for policies and tasks, the type with its linking anchors for entities', () => {
    const base = { ...defaultFilters(), yearFrom: 2019 };
    expect(groupFilters({ type: 'task', place: { kind: 'province', name: '湖北省' } }, base)).toMatchObject({ regions: ['湖北省'], yearFrom: 2019, nodeTypes: [] });
    expect(groupFilters({ type: 'policy', place: { kind: 'level', level: 'county' } }, base)).toMatchObject({ levels: ['county'] });
    expect(groupFilters({ type: 'document', place: { kind: 'level', level: 'national' } }, base)).toMatchObject({ nodeTypes: ['document', 'task'], levels: [] });
    expect(groupFilters({ type: 'region', place: { kind: 'province', name: '河北省' } }, base)).toMatchObject({ nodeTypes: ['region', 'policy'], regions: ['河北省'] });
    // A merged group: all its provinces.
    const rest = { kind: 'rest' as const, places: [{ kind: 'province' as const, name: '河北省' }, { kind: 'province' as const, name: '湖北省' }] };
    expect(groupFilters({ type: 'task', place: rest }, base)).toMatchObject({ regions: ['河北省', '湖北省'], nodeTypes: [] });
  });
});

describe('fitTo', () => {
  it('sets zoom and pan so the points fill the container with a margin', async () => {
    const { fitTo } = await import('../../../src/ui/cy/draw');
    // A headless instance has no size: a stand-in with the viewport API is enough.
    let vp: { zoom: number; pan: { x: number; y: number } } | null = null;
    const cy = { width: () => 1000, height: () => 500, minZoom: () => 0.05, maxZoom: () => 4, viewport: (v: typeof vp) => void (vp = v) };
    fitTo(cy as unknown as cytoscape.Core, [{ x: -100, y: 0 }, { x: 300, y: 100 }], 50);
    // Width 400 into 900, height 100 into 400: the width decides, zoom 2.25; centre (100, 50) at (500, 250).
    expect(vp!.zoom).toBeCloseTo(2.25);
    expect(vp!.pan.x + vp!.zoom * 100).toBeCloseTo(500);
    expect(vp!.pan.y + vp!.zoom * 50).toBeCloseTo(250);
  });
});
