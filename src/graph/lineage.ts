/**
 * Lineage: how a document travels down the levels of government (downstream) and what a local
 * plan rests on (upstream). Both return plain data: the node and edge ids involved, a layer per
 * node for a layered (dagre) layout, and the same as a readable tree.
 *
 * Layers: 0 national, 1 provincial, 2 municipal, 3 county, 4 tasks. A policy or document of
 * unknown level sits one layer below (downstream) or above (upstream) the node it was reached
 * from; an institution of unknown level shares its document's layer.
 */
import type { Level, NodeType } from '../model';
import type { NodeAttributes, PolicyGraph } from './load';

export type LineageRelation =
  | 'root'
  /** Downstream: this node cites its parent. */
  | 'cited_by'
  /** Downstream: this node adapts (localises) its parent. */
  | 'adapted_by'
  /** Upstream: the parent cites this node. */
  | 'cites'
  /** Upstream: the parent adapts this node. */
  | 'adapts'
  /** Upstream: a task of the parent policy (that cites something). */
  | 'contains'
  /** Upstream: the parent was issued by this institution. */
  | 'issued_by';

export interface LineageTree {
  id: string;
  type: NodeType;
  label: string;
  level?: Level;
  relation: LineageRelation;
  /** The edges between this node and its parent in the tree. */
  edges: string[];
  /** True when the node was already expanded elsewhere in the tree (its children are there). */
  repeated?: boolean;
  children: LineageTree[];
}

export interface Lineage {
  root: string;
  /** Every node in the tree, each once, in tree (pre)order. */
  nodes: string[];
  /** Every edge the tree uses, each once. */
  edges: string[];
  /** Layer per node, see the module comment. */
  levels: Record<string, number>;
  tree: LineageTree;
}

export const LAYER: Record<Level, number> = { national: 0, provincial: 1, municipal: 2, county: 3 };
export const TASK_LAYER = 4;

function levelOf(a: NodeAttributes): Level | undefined {
  return 'level' in a ? a.level : undefined;
}

/** Collects the ids and layers while a tree is built. */
class Collector {
  readonly nodes: string[] = [];
  readonly edges = new Set<string>();
  readonly levels: Record<string, number> = {};
  constructor(readonly g: PolicyGraph) {}

  node(id: string, relation: LineageRelation, edges: string[], layer: number): LineageTree {
    const a = this.g.getNodeAttributes(id);
    const repeated = id in this.levels;
    if (!repeated) {
      this.nodes.push(id);
      this.levels[id] = layer;
    }
    for (const e of edges) this.edges.add(e);
    const t: LineageTree = { id, type: a.type, label: a.label, relation, edges, children: [] };
    const level = levelOf(a);
    if (level) t.level = level;
    if (repeated) t.repeated = true;
    return t;
  }

  result(root: string, tree: LineageTree): Lineage {
    return { root, nodes: this.nodes, edges: [...this.edges], levels: this.levels, tree };
  }
}

function layerOf(a: NodeAttributes, fallback: number): number {
  if (a.type === 'task') return TASK_LAYER;
  const level = levelOf(a);
  return level ? LAYER[level] : Math.max(0, Math.min(LAYER.county, fallback));
}

function edgesOfType(g: PolicyGraph, from: string, to: string, type: string): string[] {
  return g.edges(from, to).filter((e) => g.getEdgeAttribute(e, 'type') === type);
}

/**
 * Ids in display order: by layer, named nodes before tasks, then label. Children are created and
 * expanded in this order, so a node's first (expanded) appearance is the one shown first.
 */
function inDisplayOrder(c: Collector, ids: Iterable<string>, fallbackLayer: number): string[] {
  const keyed = [...ids].map((id) => {
    const a = c.g.getNodeAttributes(id);
    return { id, a, layer: c.levels[id] ?? layerOf(a, fallbackLayer) };
  });
  keyed.sort(
    (x, y) =>
      x.layer - y.layer ||
      (x.a.type === 'task' ? 1 : 0) - (y.a.type === 'task' ? 1 : 0) ||
      x.a.label.localeCompare(y.a.label, 'zh') ||
      (x.id < y.id ? -1 : 1),
  );
  return keyed.map((k) => k.id);
}

/**
 * Where a document (or a policy of the corpus) goes: the policies whose tasks or preamble cite
 * it, with those tasks, and the documents and policies that adapt it, followed on recursively
 * (a provincial plan adapting a national one, a city plan adapting that, the tasks citing
 * each). Mere citers are not followed further: what cites a citing plan is not this document's
 * lineage. Returns null for an unknown id.
 */
export function downstream(g: PolicyGraph, docId: string): Lineage | null {
  if (!g.hasNode(docId)) return null;
  const c = new Collector(g);
  const rootAttrs = g.getNodeAttributes(docId);
  const root = c.node(docId, 'root', [], layerOf(rootAttrs, 0));
  const expand = (node: LineageTree): void => {
    const layer = c.levels[node.id];
    // Citers grouped by policy: policy id → direct cite edges and citing tasks.
    const groups = new Map<string, { direct: string[]; tasks: Map<string, string[]> }>();
    const group = (p: string) => {
      let x = groups.get(p);
      if (!x) groups.set(p, (x = { direct: [], tasks: new Map() }));
      return x;
    };
    const adapters = new Map<string, string[]>();
    g.forEachInEdge(node.id, (e, attrs, source) => {
      if (attrs.type === 'adapts') {
        adapters.set(source, [...(adapters.get(source) ?? []), e]);
      } else if (attrs.type === 'cites') {
        const s = g.getNodeAttributes(source);
        if (s.type === 'task' && g.hasNode(s.policyId)) {
          const tasks = group(s.policyId).tasks;
          tasks.set(source, [...(tasks.get(source) ?? []), e]);
        } else group(source).direct.push(e);
      }
    });
    const ids = new Set([...adapters.keys(), ...groups.keys()]);
    ids.delete(node.id);
    for (const id of inDisplayOrder(c, ids, layer + 1)) {
      const adapting = adapters.get(id);
      const grp = groups.get(id);
      const relation: LineageRelation = adapting ? 'adapted_by' : 'cited_by';
      const child = c.node(id, relation, [...(adapting ?? []), ...(grp?.direct ?? [])], layerOf(g.getNodeAttributes(id), layer + 1));
      node.children.push(child);
      // What adapts this adapter first, then the tasks of this policy that cite the node.
      if (adapting && !child.repeated) expand(child);
      for (const taskId of inDisplayOrder(c, grp?.tasks.keys() ?? [], TASK_LAYER)) {
        const contains = edgesOfType(g, id, taskId, 'contains');
        child.children.push(c.node(taskId, 'cited_by', [...contains, ...grp!.tasks.get(taskId)!], TASK_LAYER));
      }
    }
  };
  expand(root);
  return c.result(docId, root);
}

/**
 * What a task or policy rests on: the documents (and corpus policies) it cites — for a policy,
 * also those its tasks cite, grouped under the tasks — and what it adapts; for each of those,
 * their issuers (issued_by) and, recursively, what they adapt (a city plan's provincial plan's
 * national plan). Returns null for an unknown id.
 */
export function upstream(g: PolicyGraph, id: string): Lineage | null {
  if (!g.hasNode(id)) return null;
  const c = new Collector(g);
  const rootAttrs = g.getNodeAttributes(id);
  const root = c.node(id, 'root', [], layerOf(rootAttrs, LAYER.county));
  // The layer unknown-level sources are placed relative to: a task's policy's layer.
  const anchorLayer = (n: LineageTree) => (n.type === 'task' ? policyLayer(g, n.id) : c.levels[n.id]);

  const expandSource = (node: LineageTree): void => {
    const layer = c.levels[node.id];
    g.forEachOutEdge(node.id, (e, attrs, _s, target) => {
      if (attrs.type !== 'issued_by') return;
      node.children.push(c.node(target, 'issued_by', [e], layerOf(g.getNodeAttributes(target), layer)));
    });
    addCited(node, ['adapts']);
  };

  /** Children of `node` for its outgoing edges of the given types, each target expanded once. */
  const addCited = (node: LineageTree, types: ReadonlyArray<'cites' | 'adapts'>): void => {
    const targets = new Map<string, { relation: LineageRelation; edges: string[] }>();
    g.forEachOutEdge(node.id, (e, attrs, _s, target) => {
      if (attrs.type !== 'cites' && attrs.type !== 'adapts') return;
      if (!types.includes(attrs.type) || target === node.id) return;
      const t = targets.get(target) ?? { relation: attrs.type, edges: [] };
      if (attrs.type === 'adapts') t.relation = 'adapts';
      t.edges.push(e);
      targets.set(target, t);
    });
    const from = anchorLayer(node);
    for (const target of inDisplayOrder(c, targets.keys(), from - 1)) {
      const { relation, edges } = targets.get(target)!;
      const child = c.node(target, relation, edges, layerOf(g.getNodeAttributes(target), from - 1));
      node.children.push(child);
      if (!child.repeated) expandSource(child);
    }
  };

  addCited(root, ['cites', 'adapts']);
  if (rootAttrs.type === 'policy') {
    const tasks: LineageTree[] = [];
    g.forEachOutEdge(id, (e, attrs, _s, target) => {
      if (attrs.type !== 'contains') return;
      const citesSomething = g.someOutEdge(target, (_e, a) => a.type === 'cites');
      if (!citesSomething) return;
      const t = c.node(target, 'contains', [e], TASK_LAYER);
      if (!t.repeated) addCited(t, ['cites']);
      tasks.push(t);
    });
    root.children.push(...tasks);
  }
  return c.result(id, root);
}

function policyLayer(g: PolicyGraph, taskId: string): number {
  const a = g.getNodeAttributes(taskId);
  if (a.type !== 'task' || !g.hasNode(a.policyId)) return TASK_LAYER;
  return layerOf(g.getNodeAttributes(a.policyId), LAYER.county);
}

const RELATION_TEXT: Record<LineageRelation, string> = {
  root: '',
  cited_by: 'cited by',
  adapted_by: 'adapted by',
  cites: 'cites',
  adapts: 'adapts',
  contains: 'task',
  issued_by: 'issued by',
};

/** The tree as indented plain text, one node a line ("  adapted by: label [id]"), for copying into a report. */
export function formatLineage(tree: LineageTree): string {
  const lines: string[] = [];
  const walk = (t: LineageTree, depth: number) => {
    const rel = RELATION_TEXT[t.relation];
    lines.push(`${'  '.repeat(depth)}${rel ? `${rel}: ` : ''}${t.label} [${t.id}]${t.repeated ? ' (see above)' : ''}`);
    for (const ch of t.children) walk(ch, depth + 1);
  };
  walk(tree, 0);
  return lines.join('\n');
}
