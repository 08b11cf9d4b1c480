/**
 * Draws a lineage (src/graph/lineage) as a top-down tree: each node at its layer (national →
 * provincial → municipal → county → tasks), every tree edge pointing down the layers, so a
 * national document sits above the local plans that take it up, whichever way the lineage was
 * traced (downstream from a document, upstream from a task).
 */
import type { ElementDefinition } from 'cytoscape';
import type { PolicyGraph } from '../graph/load';
import type { Lineage, LineageTree } from '../graph/lineage';
import { toElements } from './cy/elements';

export function lineageElements(g: PolicyGraph, lineage: Lineage): ElementDefinition[] {
  const els = toElements(g, lineage.nodes, []);
  for (const el of els) {
    const id = el.data.id as string;
    el.data.rank = lineage.levels[id];
    if (id === lineage.root) el.classes = 'root';
  }
  const seen = new Set<string>();
  const layer = (id: string) => lineage.levels[id] ?? 0;
  const walk = (t: LineageTree) => {
    for (const ch of t.children) {
      // Down the layers; between equal layers, from the tree parent to the child.
      const [source, target] = layer(ch.id) < layer(t.id) ? [ch.id, t.id] : [t.id, ch.id];
      const id = `${source}→${target}`;
      if (!seen.has(id) && source !== target) {
        seen.add(id);
        els.push({ group: 'edges', data: { id, source, target, type: edgeTypeOf(ch.relation) } });
      }
      if (!ch.repeated) walk(ch);
    }
  };
  walk(lineage.tree);
  return els;
}

/** The graph edge type a tree relation stands for (for edge colours). */
function edgeTypeOf(r: LineageTree['relation']): string {
  switch (r) {
    case 'adapted_by':
    case 'adapts':
      return 'adapts';
    case 'contains':
      return 'contains';
    case 'issued_by':
      return 'issued_by';
    default:
      return 'cites';
  }
}
