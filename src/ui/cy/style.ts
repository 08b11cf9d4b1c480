/**
 * How node and edge types look on the canvas. One table drives both the Cytoscape stylesheet and
 * the legend, so they cannot disagree.
 */
import type { EdgeType, NodeType } from '../../model';
import { intentEdgeStyles } from '../analysis/intents';

export interface TypeLook {
  color: string;
  shape: 'round-rectangle' | 'ellipse' | 'rectangle' | 'diamond' | 'hexagon' | 'round-triangle';
}

/** Calm, distinguishable hues of similar lightness (readable labels on all of them). */
export const NODE_LOOK: Record<NodeType, TypeLook> = {
  policy: { color: '#2f5d8a', shape: 'round-rectangle' },
  task: { color: '#7f9cb8', shape: 'ellipse' },
  document: { color: '#b0682a', shape: 'rectangle' },
  program: { color: '#4c8a5a', shape: 'diamond' },
  institution: { color: '#7b5e93', shape: 'hexagon' },
  region: { color: '#8c8a6e', shape: 'round-triangle' },
};

export const EDGE_COLOR: Record<EdgeType, string> = {
  contains: '#c3cad3',
  cites: '#b0682a',
  mentions: '#4c8a5a',
  involves: '#a491b5',
  issued_by: '#a491b5',
  located_in: '#bdbba6',
  adapts: '#c0392b',
  fulfils: '#2f5d8a',
};

/** Node diameter from its citation count: grows with the square root, bounded. */
export function nodeSize(citedBy: number, type: NodeType): number {
  const base = type === 'task' ? 12 : type === 'policy' ? 28 : 18;
  return Math.min(64, base + 7 * Math.sqrt(citedBy));
}

/** Elements from which a view is drawn in the large-view style (see stylesheet). */
export const LARGE_VIEW_FROM = 1500;

// Cytoscape's stylesheet type is loose; this is the JSON form it accepts.
/**
 * The canvas stylesheet. `large`: for views of thousands of elements, edges are haystack lines
 * without arrowheads (no per-edge curve or arrow geometry: about a third of the first frame's
 * cost on the 2D canvas, and arrows are specks at the zoom that fits such a view).
 */
export function stylesheet(opts: { large?: boolean } = {}): Array<{ selector: string; style: Record<string, unknown> }> {
  const byType = Object.entries(NODE_LOOK).map(([type, look]) => ({
    selector: `node[type = "${type}"]`,
    style: { 'background-color': look.color, shape: look.shape },
  }));
  const edgesByType = Object.entries(EDGE_COLOR).map(([type, color]) => ({
    selector: `edge[type = "${type}"]`,
    style: { 'line-color': color, 'target-arrow-color': color },
  }));
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(short)',
        // Cytoscape rejects quoted family names.
        'font-family': 'Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif',
        'font-size': 11,
        color: '#1f2933',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        // Labels appear as the analyst zooms in: at overview zoom only the big picture is drawn.
        'min-zoomed-font-size': 14,
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    ...byType,
    { selector: 'node[type = "task"], node[type = "program"]', style: { 'font-size': 9, color: '#3e4c59', 'min-zoomed-font-size': 13 } },
    { selector: 'node[type = "policy"]', style: { 'font-size': 16, 'font-weight': 600, 'min-zoomed-font-size': 7 } },
    { selector: 'node.sel, node.near', style: { 'min-zoomed-font-size': 0 } },
    // The most cited nodes of the view (cy/elements.ts) are named at any zoom.
    { selector: 'node.hub', style: { 'min-zoomed-font-size': 0, 'font-weight': 600, 'z-index': 5 } },
    {
      selector: 'edge',
      style: {
        width: 1,
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.6,
        opacity: 0.75,
      },
    },
    ...edgesByType,
    { selector: 'edge[type = "cites"], edge[type = "adapts"]', style: { width: 1.6 } },
    { selector: 'edge[type = "adapts"]', style: { 'line-style': 'dashed' } },
    // Citations by intent (src/ui/analysis/intents.ts: one table for these styles and the legend).
    ...intentEdgeStyles(),
    // An analyst's correction touched it (src/ui/workspace): a dashed violet outline / line.
    { selector: 'node.corrected', style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#8e44ad' } },
    { selector: 'edge.corrected', style: { 'line-style': 'dashed', 'line-color': '#8e44ad', 'target-arrow-color': '#8e44ad', width: 2.4 } },
    {
      selector: 'node.sel',
      style: { 'border-width': 3, 'border-color': '#f0b429', 'z-index': 10 },
    },
    
    { selector: 'node.root', style: { 'border-width': 3, 'border-color': '#1f2933' } },
    { selector: '.faded', style: { opacity: 0.2, label: '' } },
    { selector: 'node.hit', style: { 'border-width': 3, 'border-color': '#e12d39' } },
    // The aggregated overview (cy/overview.ts): groups with two-line labels readable at fit zoom, weighted edges.
    {
      selector: 'node[agg]',
      style: {
        label: 'data(label)',
        'font-size': 24,
        'font-weight': 600,
        'text-wrap': 'wrap',
        'text-max-width': '210px',
        'text-valign': 'bottom',
        'min-zoomed-font-size': 0,
        'text-background-opacity': 0.85,
        'border-width': 2,
      },
    },
    { selector: 'edge[agg]', style: { width: 'data(width)', 'curve-style': 'straight', 'arrow-scale': 0.8, opacity: 0.45 } },
    ...(opts.large ? [{ selector: 'edge', style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none' } }] : []),
    // Analysis overlay: community colours and a highlighted path (shortest path, main path).
    { selector: 'node[commColor]', style: { 'background-color': 'data(commColor)' } },
    { selector: 'node.hl', style: { 'border-width': 4, 'border-color': '#e12d39', opacity: 1, 'min-zoomed-font-size': 0, 'z-index': 20 } },
    { selector: 'edge.hl', style: { width: 4, 'line-color': '#e12d39', 'target-arrow-color': '#e12d39', 'line-style': 'solid', opacity: 1, 'z-index': 20 } },
  ];
}
