/**
 * Building the in-memory graphology graph from plain node and edge rows (as read from
 * graph.json or from the store). Every other module in src/graph works on this graph.
 */
import { MultiDirectedGraph } from 'graphology';
import type { GraphNode, StoredEdge } from '../model';
import { runSliced, type SliceOptions } from '../util/schedule';
import { graphologyRecords, type EdgeRecord } from './records';

/** Attributes derived from the edges, kept on every node so filters and views need no traversal. */
export interface DerivedNodeAttributes {
  /** Number of incoming `cites` edges. */
  citedBy: number;
  /** Number of incident edges of any type, both directions. */
  degree: number;
}

/** A node's attributes: the row as stored plus the derived counts. */
export type NodeAttributes = GraphNode & DerivedNodeAttributes;
/** An edge's attributes: the row as stored, its evidence inline or packed (read it with `evidenceOf`). */
export type EdgeAttributes = StoredEdge;
export interface GraphAttributes {
  /** Edges skipped because an endpoint is not a node (the rows did not pass the schema). */
  droppedEdges: number;
}

/** The explorer's graph: nodes keyed by node id, edges keyed by edge id. */
export type PolicyGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/**
 * Builds the graph from rows. Node and edge ids are the graph keys. A node's attributes are a
 * copy of its row plus `citedBy` and `degree`; an edge's attributes are its row object itself
 * (not copied: there are several edges a node and the copies cost memory and time), so treat
 * the rows as owned by the graph afterwards. Rows are expected to satisfy the graph-file
 * schema; an edge whose endpoint is missing is skipped and counted in the graph attribute
 * `droppedEdges` rather than thrown, so one bad row never blanks the explorer. A repeated node
 * or edge id keeps the first row.
 */
export function buildGraph(nodes: readonly GraphNode[], edges: readonly StoredEdge[]): PolicyGraph {
  const g = emptyGraph();
  addRows(g, nodes, edges);
  return g;
}

export interface BuildOptions extends SliceOptions {
  /**
   * The node rows are the caller's to give away (just read from the store): each becomes the
   * node's attributes itself instead of a copy (100k copies were ~50–120 ms of a reload's build).
   */
  adoptNodeRows?: boolean;
}

/**
 * The same graph as `buildGraph`, built in time slices that yield to the event loop: at 100k
 * nodes and 400k edges the build takes seconds, which as one task would freeze the page (no
 * progress bar, no input). `onProgress` gets rows done of nodes + edges.
 */
export async function buildGraphSliced(
  nodes: readonly GraphNode[],
  edges: readonly StoredEdge[],
  opts: BuildOptions = {},
): Promise<PolicyGraph> {
  const g = emptyGraph();
  const total = nodes.length + edges.length;
  const progress = opts.onProgress;
  const adopt = opts.adoptNodeRows === true;
  await runSliced(nodes.length, (i) => addNodeRow(g, nodes[i], adopt), { ...opts, onProgress: progress && ((d) => progress(d, total)) });
  let dropped = 0;
  await runSliced(
    edges.length,
    (i) => {
      if (addEdgeRow(g, edges[i]) === 'dropped') dropped++;
    },
    { ...opts, onProgress: progress && ((d) => progress(nodes.length + d, total)) },
  );
  g.setAttribute('droppedEdges', dropped);
  // Sliced too: one pass over 389k edges is 70–90 ms (Node).
  const records = graphologyRecords(g)?.edges;
  if (records) {
    const entries = records.entries();
    await runSliced(records.size, () => shareEdgeKey(entries.next().value as [string, EdgeRecord]), { ...opts, onProgress: undefined });
  }
  return g;
}

/**
 * Points an edge's record and row at the id string graphology's edge map holds. Chromium's V8
 * keeps an internalized copy of a new string used as a Map key, and the string the caller passed
 * becomes a forwarding stub to that copy, still referenced by the record (`key`) and the row
 * (`id`): at 389k edges, 389k stubs for the collector to trace on every major collection, which an
 * analyst meets in the first interactions after a reload. Assigning the map's own key (equal, so
 * nothing changes but the reference) lets the stub go.
 */
function shareEdgeKey([key, record]: [string, EdgeRecord]): void {
  if (record.key !== key) return;
  record.key = key;
  if (record.attributes.id === key) record.attributes.id = key;
}

function emptyGraph(): PolicyGraph {
  const g: PolicyGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({
    allowSelfLoops: true,
  });
  g.replaceAttributes({ droppedEdges: 0 });
  useDictionaryAdjacency(g);
  return g;
}

/**
 * An empty object that V8 keeps in dictionary (hash table) mode, with the usual prototype
 * (graphology calls `hasOwnProperty` on adjacency objects). Deleting a property that is not the
 * last one added is what switches V8 to dictionary mode, and objects switched that way share one
 * hidden class; `Object.setPrototypeOf(Object.create(null), …)`, used before, gave each object a
 * hidden class of its own: 200k of them at 100k nodes, 8.5 MB for the collector to trace.
 */
function dictionaryObject(): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  o.__dictionaryA = 0;
  o.__dictionaryB = 0;
  delete o.__dictionaryA;
  delete o.__dictionaryB;
  return o;
}

/**
 * Makes the graph give every node dictionary-mode adjacency objects. graphology keeps a node's
 * in- and out-neighbours in plain objects keyed by neighbour key (`{}`); V8 gives such an object a
 * new hidden class per key added, so 389k edges over 100k nodes built a tree of ~800k hidden
 * classes: adding them took 2.0–2.5 s in Node, 1.25–1.4 s with hash-table objects from the start
 * (the same graph, node for node and edge for edge). This reaches into graphology's internals
 * (its `NodeDataClass` and the node data's `clear`), checked at graphology 0.26; where they are not
 * there the graph is left as graphology made it, only slower.
 */
function useDictionaryAdjacency(g: PolicyGraph): void {
  type NodeDataObject = Record<string, unknown>;
  type NodeDataConstructor = ((this: NodeDataObject, key: string, attributes: object) => void) & { prototype: { clear?: unknown } };
  const internals = g as unknown as { NodeDataClass?: unknown };
  if (typeof internals.NodeDataClass !== 'function') return;
  const Base = internals.NodeDataClass as NodeDataConstructor;
  if (typeof Base.prototype.clear !== 'function') return;
  const baseClear = Base.prototype.clear as (this: NodeDataObject) => void;
  function NodeData(this: NodeDataObject, key: string, attributes: object) {
    Base.call(this, key, attributes);
  }
  NodeData.prototype = Object.create(Base.prototype);
  NodeData.prototype.clear = function (this: NodeDataObject) {
    baseClear.call(this);
    if ('in' in this) this.in = dictionaryObject();
    if ('out' in this) this.out = dictionaryObject();
  };
  internals.NodeDataClass = NodeData;
}

function addNodeRow(g: PolicyGraph, n: GraphNode, adopt = false): boolean {
  if (g.hasNode(n.id)) return false;
  if (adopt) {
    const a = n as NodeAttributes;
    a.citedBy = 0;
    a.degree = 0;
    g.addNode(n.id, a);
  } else g.addNode(n.id, { ...n, citedBy: 0, degree: 0 });
  return true;
}

/** Adds one edge and keeps its endpoints' derived counts; 'dropped' when an endpoint is missing. */
function addEdgeRow(g: PolicyGraph, e: StoredEdge): 'added' | 'repeated' | 'dropped' {
  // No pre-checks: graphology checks the key and endpoints anyway, and this runs 100k+ times.
  try {
    g.addDirectedEdgeWithKey(e.id, e.source, e.target, e);
  } catch {
    return g.hasEdge(e.id) ? 'repeated' : 'dropped';
  }
  const s = g.getNodeAttributes(e.source);
  const t = g.getNodeAttributes(e.target);
  // The endpoints' own id strings instead of the row's copies (rows read from IndexedDB or JSON
  // carry a string per mention): at 389k edges ~0.8M strings (38 MB in Node) less for the GC.
  e.source = s.id;
  e.target = t.id;
  s.degree++;
  // A self-loop counts twice in the degree, as in graphology's degree().
  t.degree++;
  if (e.type === 'cites') t.citedBy++;
  return 'added';
}

/**
 * Adds rows to an existing graph (an analyst's own documents) and keeps `citedBy` / `degree`
 * of every touched node exact. Existing ids keep their first row. Returns the ids actually added.
 */
export function addRows(
  g: PolicyGraph,
  nodes: readonly GraphNode[],
  edges: readonly StoredEdge[],
): { nodes: string[]; edges: string[] } {
  const added = { nodes: [] as string[], edges: [] as string[] };
  for (const n of nodes) if (addNodeRow(g, n)) added.nodes.push(n.id);
  let dropped = 0;
  for (const e of edges) {
    const outcome = addEdgeRow(g, e);
    if (outcome === 'added') added.edges.push(e.id);
    else if (outcome === 'dropped') dropped++;
  }
  if (dropped) g.setAttribute('droppedEdges', (g.getAttribute('droppedEdges') ?? 0) + dropped);
  return added;
}

/**
 * Removes nodes (with their edges) and edges by id, keeping the derived counts of the remaining
 * nodes exact. Unknown ids are ignored.
 */
export function removeRows(g: PolicyGraph, nodeIds: readonly string[], edgeIds: readonly string[] = []): void {
  const dropEdge = (edge: string) => {
    const e = g.getEdgeAttributes(edge);
    const s = g.getNodeAttributes(e.source);
    const t = g.getNodeAttributes(e.target);
    s.degree--;
    t.degree--;
    if (e.type === 'cites') t.citedBy--;
    g.dropEdge(edge);
  };
  for (const id of edgeIds) if (g.hasEdge(id)) dropEdge(id);
  for (const id of nodeIds) {
    if (!g.hasNode(id)) continue;
    for (const edge of g.edges(id)) dropEdge(edge);
    g.dropNode(id);
  }
}
