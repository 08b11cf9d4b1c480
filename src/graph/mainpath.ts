/**
 * Main-path analysis of the citation network (Hummon & Doreian 1989; Batagelj 2003; Liu & Lu 2012).
 *
 * Orientation: as in that literature, arcs follow the flow of knowledge, from the cited document
 * to the citing one. "X cites Y" (and "X adapts Y") becomes the arc Y → X; a task's citation is
 * its policy's (see `citationNetwork`). Sources are documents citing nothing in the network (the
 * origins), sinks are documents nobody cites (the latest).
 *
 * SPC (search path count) of an arc u → v is the number of source-to-sink paths through it:
 * N⁻(u) · N⁺(v), with N⁻(u) the paths from any source to u and N⁺(v) those from v to any sink.
 */
import type { AbstractGraph } from 'graphology-types';
import type { GraphNode, StoredEdge } from '../model';
import { citationNetwork, type CitationNetworkOptions } from './metrics';

type RowGraph = AbstractGraph<GraphNode, StoredEdge>;

export interface SpcArc {
  /** Knowledge-flow direction: `from` is cited by `to`. */
  from: string;
  to: string;
  spc: number;
  /** The graph's edges behind this arc (several when several tasks of a policy cite the same document). */
  edges: string[];
}

export interface MainPath {
  nodes: string[];
  arcs: SpcArc[];
  /** Sum of the arcs' SPC. */
  weight: number;
}

export interface MainPathResult {
  /** Every arc of the acyclic network with its SPC, highest first (ties by from, to). */
  arcs: SpcArc[];
  /** Arcs removed to break cycles (mutual or circular citation), so the network is a DAG. */
  removedArcs: Omit<SpcArc, 'spc'>[];
  sources: string[];
  sinks: string[];
  /** Number of source-to-sink paths. */
  totalPaths: number;
  /** Global main path: the source-to-sink path with the largest total SPC. */
  global: MainPath;
  /** Local (forward) main path: from the best source arc, always take the heaviest outgoing arc. */
  local: MainPath;
  /** Key-route main path: the top `keyRoutes` arcs, each extended greedily back to a source and forward to a sink. */
  keyRoute: { nodes: string[]; arcs: SpcArc[]; keyRoutes: number };
}

export interface MainPathOptions extends CitationNetworkOptions {
  /** How many top-SPC arcs seed the key-route main path (default 1). */
  keyRoutes?: number;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Arc preference everywhere: higher SPC, then smaller (from, to), so results are deterministic. */
const better = (a: SpcArc, b: SpcArc) => b.spc - a.spc || cmp(a.from, b.from) || cmp(a.to, b.to);

export function mainPathAnalysis(graph: RowGraph, opts: MainPathOptions = {}): MainPathResult {
  const net = citationNetwork(graph, opts);
  const nodes = net.nodes().sort();
  // Knowledge-flow successors: the network is citing → cited, so flow goes target → source.
  const succ = new Map<string, Map<string, string[]>>(nodes.map((n) => [n, new Map()]));
  net.forEachEdge((_e, a, citing, cited) => succ.get(cited)!.set(citing, a.edges));

  // Break cycles: iterative DFS in id order; an arc to a node still on the stack closes a cycle
  // and is removed. Deterministic because nodes and successors are visited in sorted order.
  const removedArcs: Omit<SpcArc, 'spc'>[] = [];
  const state = new Map<string, 0 | 1 | 2>(); // 0 unseen, 1 on stack, 2 done
  const postorder: string[] = [];
  const sortedSucc = (n: string) => [...succ.get(n)!.keys()].sort();
  for (const root of nodes) {
    if (state.get(root)) continue;
    const stack: { node: string; next: string[]; i: number }[] = [{ node: root, next: sortedSucc(root), i: 0 }];
    state.set(root, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.i < top.next.length) {
        const w = top.next[top.i++];
        const s = state.get(w) ?? 0;
        if (s === 1) {
          removedArcs.push({ from: top.node, to: w, edges: succ.get(top.node)!.get(w)! });
          succ.get(top.node)!.delete(w);
        } else if (s === 0) {
          state.set(w, 1);
          stack.push({ node: w, next: sortedSucc(w), i: 0 });
        }
      } else {
        state.set(top.node, 2);
        postorder.push(top.node);
        stack.pop();
      }
    }
  }
  const topo = postorder.reverse(); // reverse postorder of a DAG is a topological order

  const pred = new Map<string, string[]>(nodes.map((n) => [n, []]));
  for (const [u, m] of succ) for (const v of m.keys()) pred.get(v)!.push(u);
  const sources = nodes.filter((n) => pred.get(n)!.length === 0);
  const sinks = nodes.filter((n) => succ.get(n)!.size === 0);

  const nMinus = new Map<string, number>();
  for (const v of topo) {
    const ps = pred.get(v)!;
    nMinus.set(v, ps.length === 0 ? 1 : ps.reduce((s, u) => s + nMinus.get(u)!, 0));
  }
  const nPlus = new Map<string, number>();
  for (let i = topo.length - 1; i >= 0; i--) {
    const v = topo[i];
    const ss = [...succ.get(v)!.keys()];
    nPlus.set(v, ss.length === 0 ? 1 : ss.reduce((s, w) => s + nPlus.get(w)!, 0));
  }

  const arcsOut = new Map<string, SpcArc[]>(nodes.map((n) => [n, []]));
  const arcsIn = new Map<string, SpcArc[]>(nodes.map((n) => [n, []]));
  const arcs: SpcArc[] = [];
  for (const [u, m] of succ) {
    for (const [v, edges] of m) {
      const arc = { from: u, to: v, spc: nMinus.get(u)! * nPlus.get(v)!, edges };
      arcs.push(arc);
      arcsOut.get(u)!.push(arc);
      arcsIn.get(v)!.push(arc);
    }
  }
  arcs.sort(better);
  for (const list of [...arcsOut.values(), ...arcsIn.values()]) list.sort(better);
  const totalPaths = sources.reduce((s, n) => s + nPlus.get(n)!, 0);

  const pathOf = (arcList: SpcArc[], start: string): MainPath => ({
    nodes: [start, ...arcList.map((a) => a.to)],
    arcs: arcList,
    weight: arcList.reduce((s, a) => s + a.spc, 0),
  });
  const forwardFrom = (start: string): SpcArc[] => {
    const out: SpcArc[] = [];
    for (let v = start; arcsOut.get(v)!.length; v = out[out.length - 1].to) out.push(arcsOut.get(v)![0]);
    return out;
  };
  const backwardTo = (end: string): SpcArc[] => {
    const out: SpcArc[] = [];
    for (let v = end; arcsIn.get(v)!.length; v = out[0].from) out.unshift(arcsIn.get(v)![0]);
    return out;
  };

  // Global: longest path by SPC weight, dynamic programming in reverse topological order.
  const best = new Map<string, { weight: number; arc?: SpcArc }>();
  for (let i = topo.length - 1; i >= 0; i--) {
    const v = topo[i];
    let choice: { weight: number; arc?: SpcArc } = { weight: 0 };
    for (const a of arcsOut.get(v)!) {
      const w = a.spc + best.get(a.to)!.weight;
      if (!choice.arc || w > choice.weight || (w === choice.weight && better(a, choice.arc) < 0)) choice = { weight: w, arc: a };
    }
    best.set(v, choice);
  }
  const emptyPath: MainPath = { nodes: [], arcs: [], weight: 0 };
  let global = emptyPath;
  const withArcs = sources.filter((s) => arcsOut.get(s)!.length);
  if (withArcs.length) {
    const start = withArcs.reduce((a, b) => (best.get(b)!.weight > best.get(a)!.weight ? b : a));
    const list: SpcArc[] = [];
    for (let a = best.get(start)!.arc; a; a = best.get(a.to)!.arc) list.push(a);
    global = pathOf(list, start);
  }

  // Local forward: the heaviest arc leaving any source, then greedily onward.
  let local = emptyPath;
  const firstArcs = withArcs.flatMap((s) => arcsOut.get(s)!.slice(0, 1)).sort(better);
  if (firstArcs.length) local = pathOf(forwardFrom(firstArcs[0].from), firstArcs[0].from);

  // Key-route: union of the paths through each of the top k arcs.
  const k = Math.max(0, Math.min(opts.keyRoutes ?? 1, arcs.length));
  const keyArcs = new Map<SpcArc, true>();
  for (const key of arcs.slice(0, k)) {
    for (const a of [...backwardTo(key.from), key, ...forwardFrom(key.to)]) keyArcs.set(a, true);
  }
  const keyList = [...keyArcs.keys()].sort(better);
  const keyNodes = [...new Set(keyList.flatMap((a) => [a.from, a.to]))];
  const order = new Map(topo.map((n, i) => [n, i]));
  keyNodes.sort((a, b) => order.get(a)! - order.get(b)! || cmp(a, b));

  return { arcs, removedArcs, sources, sinks, totalPaths, global, local, keyRoute: { nodes: keyNodes, arcs: keyList, keyRoutes: k } };
}
