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

/**
 * Nodes whose label is drawn at any zoom: the most cited of the view. In a view of hundreds of
 * nodes, labels appear only when zoomed in, and without these the picture names nothing.
 */
export const LABELLED_HUBS = 12;

/** The `k` most cited of `nodes` (cited at least once), ties by id. */
export function mostCitedOf(g: PolicyGraph, nodes: readonly string[], k = LABELLED_HUBS): Set<string> {
  const cited = nodes.filter((id) => g.getNodeAttribute(id, 'citedBy') > 0);
  cited.sort((a, b) => g.getNodeAttribute(b, 'citedBy') - g.getNodeAttribute(a, 'citedBy') || (a < b ? -1 : a > b ? 1 : 0));
  return new Set(cited.slice(0, k));
}

export function toElements(g: PolicyGraph, nodes: readonly string[], edges: readonly string[]): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  const hubs = mostCitedOf(g, nodes);
  for (const id of nodes) {
    const a = g.getNodeAttributes(id);
    out.push({
      group: 'nodes',
      data: { id, type: a.type, label: a.label, short: shortLabel(a), size: nodeSize(a.citedBy, a.type), level: a.type === 'task' ? undefined : 'level' in a ? a.level : undefined },
      ...(hubs.has(id) ? { classes: 'hub' } : {}),
    });
  }
  for (const id of edges) {
    const a = g.getEdgeAttributes(id);
    out.push({ group: 'edges', data: { id, source: a.source, target: a.target, type: a.type, ...(a.intent ? { intent: a.intent } : {}) } });
  }
  return out;
}
