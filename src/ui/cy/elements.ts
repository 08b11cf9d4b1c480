/** From graph ids to Cytoscape element definitions (data only: look comes from the stylesheet). */
import type { ElementDefinition } from 'cytoscape';
import type { PolicyGraph, NodeAttributes } from '../../graph/load';
import { nodeSize } from './style';

const MAX_LABEL = 16;

function clip(s: string, n = MAX_LABEL): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** The short label drawn on the canvas (the full one is in the detail panel). */
export function shortLabel(a: NodeAttributes): string {
  if (a.type === 'task') return clip(`${a.path.at(-1) ?? ''} ${a.title || a.label}`.trim(), 14);
  if (a.type === 'document') return clip(a.docNumber ?? a.title ?? a.label);
  return clip(a.label);
}

export function toElements(g: PolicyGraph, nodes: readonly string[], edges: readonly string[]): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  for (const id of nodes) {
    const a = g.getNodeAttributes(id);
    out.push({
      group: 'nodes',
      data: { id, type: a.type, label: a.label, short: shortLabel(a), size: nodeSize(a.citedBy, a.type), level: a.type === 'task' ? undefined : 'level' in a ? a.level : undefined },
    });
  }
  for (const id of edges) {
    const a = g.getEdgeAttributes(id);
    out.push({ group: 'edges', data: { id, source: a.source, target: a.target, type: a.type, ...(a.intent ? { intent: a.intent } : {}) } });
  }
  return out;
}
