/** Terse builders for small hand-made graphs in the analytics tests. */
import { MultiDirectedGraph } from 'graphology';
import type { GraphEdge, GraphNode, Intent, Level } from '../../../src/model';

export type G = MultiDirectedGraph<GraphNode, GraphEdge>;

export function makeGraph(): G {
  return new MultiDirectedGraph<GraphNode, GraphEdge>();
}

const ev = [{ sourceId: 's', start: 0, end: 1, quote: 'q', quoteStart: 0 }];
let seq = 0;

export function addPolicy(g: G, id: string, o: { year?: number; region?: string; province?: string; level?: Level; docNumber?: string } = {}) {
  g.addNode(id, { id, type: 'policy', label: id, title: id, titleConstructed: false, issuers: [], sourceId: 's', ...o });
}
export function addTask(g: G, id: string, policyId: string) {
  g.addNode(id, { id, type: 'task', label: id, policyId, path: [id], title: id, text: id, fromOutline: false, sourceId: 's', start: 0, end: 1 });
  addEdge(g, 'contains', policyId, id);
}
export function addDoc(g: G, id: string, o: { year?: number; docNumber?: string } = {}) {
  g.addNode(id, { id, type: 'document', label: id, issuers: [], aliases: [], ...o });
}
export function addProgram(g: G, id: string) {
  g.addNode(id, { id, type: 'program', label: id, name: id, aliases: [] });
}
export function addRegion(g: G, id: string, name: string, level?: Level) {
  g.addNode(id, { id, type: 'region', label: name, name, ...(level ? { level } : {}) });
}
export function addEdge(g: G, type: GraphEdge['type'], source: string, target: string, intent?: Intent): string {
  const id = `e${++seq}:${type}:${source}->${target}`;
  const needsEvidence = ['cites', 'mentions', 'involves', 'adapts'].includes(type);
  g.addEdgeWithKey(id, source, target, {
    id, type, source, target, evidence: needsEvidence ? ev : [],
    ...(type === 'cites' ? { intent: intent ?? 'implements' } : {}),
  });
  return id;
}
export const cites = (g: G, s: string, t: string, intent?: Intent) => addEdge(g, 'cites', s, t, intent);
