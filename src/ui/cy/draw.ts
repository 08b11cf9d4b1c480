/**
 * Putting a new element list on the canvas without freezing the page: every node gets a cheap
 * starting position (where it was, else beside a drawn neighbour, else on a spiral), and large
 * lists are added in chunks with a frame between them, so the first canvas appears at once and no
 * single task grows with the view. The force layout then runs in a worker (layout.ts).
 */
import type { Core, ElementDefinition, Position } from 'cytoscape';
import { yieldToEventLoop } from '../../util/schedule';

const GOLDEN_ANGLE = 2.39996;

/** Where each drawn node of `cy` is now, by id. */
export function drawnPositions(cy: Core): Map<string, Position> {
  const at = new Map<string, Position>();
  cy.nodes().forEach((n) => void at.set(n.id(), { ...n.position() }));
  return at;
}

/**
 * A position for every node of `els`: its old one when it had one; else beside its first
 * neighbour that had one (within `els`'s edges); else on a spiral around the origin, so nothing
 * starts on top of anything else. An element that brings its own `position` keeps it.
 */
export function initialPositions(els: readonly ElementDefinition[], before: ReadonlyMap<string, Position>): Map<string, Position> {
  const anchor = new Map<string, string>();
  for (const e of els) {
    if (e.group !== 'edges') continue;
    const s = String(e.data.source);
    const t = String(e.data.target);
    if (!before.has(s) && before.has(t) && !anchor.has(s)) anchor.set(s, t);
    if (!before.has(t) && before.has(s) && !anchor.has(t)) anchor.set(t, s);
  }
  const out = new Map<string, Position>();
  // Each spiral counts only its own nodes: around a neighbour (its new nodes stay close to it even
  // far down a long list, where a kept layout places them for good), or around the origin.
  const around = new Map<string, number>();
  let loose = 0;
  for (const e of els) {
    if (e.group !== 'nodes') continue;
    const id = String(e.data.id);
    if (e.position) {
      out.set(id, { ...e.position });
      continue;
    }
    const old = before.get(id);
    if (old) {
      out.set(id, { ...old });
      continue;
    }
    const a = anchor.get(id);
    const k = a ? (around.get(a) ?? 0) + 1 : ++loose;
    if (a) around.set(a, k);
    const base = a ? before.get(a)! : { x: 0, y: 0 };
    const r = 12 * Math.sqrt(k) + (a ? 30 : 0);
    out.set(id, { x: base.x + r * Math.cos(k * GOLDEN_ANGLE), y: base.y + r * Math.sin(k * GOLDEN_ANGLE) });
  }
  return out;
}

/** Share of a new view's nodes already drawn, and of the drawn ones it keeps, from which it keeps their places. */
const KEEP_LAYOUT_FROM = { placed: 0.9, kept: 0.7 };

/**
 * Whether a new element list mostly redraws what is on the canvas (a correction, a few nodes
 * pulled in or filtered out): then the drawn nodes keep their places and only new ones are placed
 * beside a neighbour (initialPositions), instead of a new layout that moves everything the analyst
 * has been looking at.
 */
export function keepsLayout(els: readonly ElementDefinition[], before: ReadonlyMap<string, Position>): boolean {
  if (!before.size) return false;
  let nodes = 0;
  let placed = 0;
  for (const e of els) {
    if (e.group !== 'nodes') continue;
    nodes++;
    if (before.has(String(e.data.id))) placed++;
  }
  return nodes > 0 && placed >= KEEP_LAYOUT_FROM.placed * nodes && placed >= KEEP_LAYOUT_FROM.kept * before.size;
}

/**
 * Elements added in the first chunk. A chunk costs two tasks: adding it with its styles, label
 * sizes and bounds (~0.3–0.7 ms per element on the 2D canvas in headless Chromium, software
 * raster, right after a 100k-node graph was built), then the frame that redraws everything drawn
 * (~0.05 ms per drawn element). Drawing each chunk in the same task as its add, chunks of 300 kept
 * the longest task of a 3000-element view near 200 ms but the first one took 150–300 ms; apart,
 * with the first chunk at 200 and the next ones sized by what adding one cost, the longest task of
 * the overview → detail switch at 100k nodes was 152–176 ms in three profiled runs, with half the
 * garbage (fewer, larger chunks: every frame's redraw allocates). The first switch after a reload
 * still reached 214–513 ms in the benchmark: a major garbage collection of the graph's heap.
 */
export const CHUNK = 200;
/** What adding one chunk should cost at most (ms); over it the next chunk halves. */
export const CHUNK_BUDGET_MS = 100;
/** Chunks never get smaller than this (each costs a frame that redraws everything). */
const MIN_CHUNK = 40;

/** The next chunk's size after adding one of `size` cost `ms`. */
export function nextChunkSize(size: number, ms: number, first = CHUNK): number {
  if (ms > CHUNK_BUDGET_MS) return Math.max(MIN_CHUNK, Math.floor(size / 2));
  if (ms < CHUNK_BUDGET_MS / 2) return Math.min(2 * first, Math.ceil(size * 1.5));
  return size;
}

/** Resolves at the next animation frame (a macrotask where there are no frames). */
export const nextFrame = (): Promise<void> =>
  new Promise<void>((ok) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => ok());
    else setTimeout(ok, 0);
  });

/**
 * Replaces what `cy` draws by `els`, nodes first (at their initial positions), then edges, in
 * chunks with a frame between them when the list is larger than one chunk: the first of `chunk`
 * elements, the next ones sized by what the previous one cost (nextChunkSize). Resolves
 * false when `cancelled()` turned true (a newer render started) or the instance was destroyed.
 */
export async function replaceElements(
  cy: Core,
  els: readonly ElementDefinition[],
  opts: {
    chunk?: number;
    cancelled?: () => boolean;
    beforeAdd?: () => void;
    fit?: boolean;
    /** A viewport to show the elements in, instead of fitting them (a stored view's). */
    viewport?: { zoom: number; pan: Position };
    /** Waits for the next frame (tests pass their own). */
    frame?: () => Promise<void>;
    /** The clock chunk costs are read from (tests pass their own). */
    now?: () => number;
    /** Ends the frame's task before the next chunk (tests pass their own). */
    yieldTask?: () => Promise<void>;
    /**
     * Keep what is drawn and equal to its element in `els` (same group, data and classes); remove
     * the rest and add what is missing. For a list that mostly redraws the canvas (keepsLayout):
     * a correction at 100k nodes then changes a few elements instead of redrawing 2,500.
     */
    patch?: boolean;
  } = {},
): Promise<boolean> {
  const first = opts.chunk ?? CHUNK;
  const frame = opts.frame ?? nextFrame;
  const now = opts.now ?? (() => performance.now());
  const pos = initialPositions(els, drawnPositions(cy));
  if (opts.patch) removeChanged(cy, els);
  else cy.batch(() => void cy.elements().remove());
  const nodes: ElementDefinition[] = [];
  const edges: ElementDefinition[] = [];
  for (const e of els) {
    // Patching: what is still drawn as it should be stays (with its place and caches).
    if (opts.patch && cy.getElementById(String(e.data.id)).nonempty()) continue;
    if (e.group === 'nodes') nodes.push({ ...e, position: pos.get(String(e.data.id)) });
    else edges.push(e);
  }
  opts.beforeAdd?.(); // e.g. a restyle, cheapest on an empty canvas
  // Fitting after the chunks would redraw everything at a new zoom (the longest task of a large
  // draw, ~0.8 s for 3000 elements on a software canvas): fit the starting positions first.
  if (opts.viewport) cy.viewport({ zoom: opts.viewport.zoom, pan: { ...opts.viewport.pan } });
  else if (opts.fit) fitTo(cy, [...pos.values()]);
  const ordered = [...nodes, ...edges];
  // Cytoscape's renderer (untyped; none on a headless instance) computes queued styles on demand.
  const renderer = (cy as unknown as { renderer?: () => { flushRenderedStyleQueue?: () => void } | null }).renderer?.();
  const gap = opts.yieldTask ?? yieldToEventLoop;
  let size = first;
  for (let i = 0; i < ordered.length; ) {
    const t0 = now();
    const part = ordered.slice(i, i + size);
    cy.batch(() => void cy.add(part));
    // The new elements' styles, label sizes and bounds now, in this task, and not in the frame
    // that redraws everything (~0.05 ms per drawn element on a software canvas) after it.
    renderer?.flushRenderedStyleQueue?.();
    const cost = now() - t0;
    i += part.length;
    if (i >= ordered.length) break;
    // The renderer draws in the next frame; the next chunk is added in a task after that frame's.
    await frame();
    await gap();
    if (cy.destroyed() || opts.cancelled?.()) return false;
    size = nextChunkSize(size, cost, first);
  }
  return !cy.destroyed();
}

/** Removes the drawn elements that `els` does not hold as they are drawn (edges of a removed node go with it). */
function removeChanged(cy: Core, els: readonly ElementDefinition[]): void {
  const wanted = new Map<string, ElementDefinition>();
  for (const e of els) wanted.set(String(e.data.id), e);
  const gone = cy.collection();
  cy.elements().forEach((ele) => {
    const w = wanted.get(ele.id());
    const same =
      !!w &&
      (w.group === 'nodes') === ele.isNode() &&
      (typeof w.classes === 'string' ? w.classes : (w.classes ?? []).join(' ')).split(/\s+/).filter(Boolean).sort().join(' ') ===
        ele.classes().filter((c) => !TRANSIENT_CLASSES.has(c)).sort().join(' ') &&
      JSON.stringify(w.data) === JSON.stringify(ele.data());
    if (!same) gone.merge(ele);
  });
  cy.batch(() => void gone.remove());
}

/** Classes the canvas sets on drawn elements itself (selection, overlays), not part of an element's definition. */
const TRANSIENT_CLASSES = new Set(['sel', 'near', 'faded', 'hl', 'corrected']);

/** Sets the viewport so that the points (node centres) fit the container with a margin. */
export function fitTo(cy: Core, points: readonly Position[], padding = 40): void {
  if (!points.length) return;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const p of points) {
    if (p.x < x1) x1 = p.x;
    if (p.x > x2) x2 = p.x;
    if (p.y < y1) y1 = p.y;
    if (p.y > y2) y2 = p.y;
  }
  const w = cy.width();
  const h = cy.height();
  if (!(w > 0 && h > 0)) return;
  const zoom = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), Math.min((w - 2 * padding) / Math.max(1, x2 - x1), (h - 2 * padding) / Math.max(1, y2 - y1))));
  cy.viewport({ zoom, pan: { x: w / 2 - zoom * ((x1 + x2) / 2), y: h / 2 - zoom * ((y1 + y2) / 2) } });
}
