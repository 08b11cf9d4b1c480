/**
 * Shared by every export writer: pick the rows of a (sub)graph given node and edge ids, and flatten
 * a row into scalar columns for the formats that cannot hold arrays or objects (GraphML, GEXF, CSV).
 */
import type { AbstractGraph } from 'graphology-types';
import {
  DocumentNodeSchema,
  GraphEdgeSchema,
  InstitutionNodeSchema,
  PolicyNodeSchema,
  ProgramNodeSchema,
  RegionNodeSchema,
  TaskNodeSchema,
  evidenceOf,
  type GraphEdge,
  type GraphNode,
  type NodeType,
  type StoredEdge,
} from '../../model';
import { edgeTypeEn, intentEn, kindEn, levelEn, nodeTypeEn } from './labels';

/** A graph whose attributes are graph-file rows (edges' evidence inline or packed). */
export type RowGraph = AbstractGraph<GraphNode, StoredEdge>;

export interface SelectedRows {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Requested edges left out because an endpoint is not among the selected nodes. */
  skippedEdges: string[];
}

/** The contract's keys per node type: the UI may decorate graph attributes (x, y, colour…); exports must not leak those. */
const NODE_KEYS: Record<NodeType, readonly string[]> = {
  policy: Object.keys(PolicyNodeSchema.shape),
  task: Object.keys(TaskNodeSchema.shape),
  document: Object.keys(DocumentNodeSchema.shape),
  program: Object.keys(ProgramNodeSchema.shape),
  institution: Object.keys(InstitutionNodeSchema.shape),
  region: Object.keys(RegionNodeSchema.shape),
};
const EDGE_KEYS: readonly string[] = Object.keys(GraphEdgeSchema.shape);

function pick<T>(attrs: Record<string, unknown>, keys: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (attrs[k] !== undefined) out[k] = attrs[k];
  return out as T;
}

/**
 * The selected rows in the graph's own order (so output is stable whatever order the selection
 * was made in). Node attributes are the contract rows; `id`, `source` and `target` are taken from
 * the graph itself so they always match the keys.
 */
export function selectRows(graph: RowGraph, nodeIds: Iterable<string>, edgeIds: Iterable<string>): SelectedRows {
  const wantNodes = new Set(nodeIds);
  const wantEdges = new Set(edgeIds);
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const skippedEdges: string[] = [];
  graph.forEachNode((id, attrs) => {
    if (!wantNodes.has(id)) return;
    const keys = NODE_KEYS[attrs.type as NodeType] ?? Object.keys(attrs);
    nodes.push({ ...pick<GraphNode>(attrs, keys), id });
  });
  graph.forEachEdge((id, attrs, source, target) => {
    if (!wantEdges.has(id)) return;
    if (!wantNodes.has(source) || !wantNodes.has(target)) {
      skippedEdges.push(id);
      return;
    }
    edges.push({ ...pick<GraphEdge>(attrs, EDGE_KEYS), id, source, target, evidence: evidenceOf(attrs) });
  });
  return { nodes, edges, skippedEdges };
}

/** Every node and edge of the graph: convenience for "export everything". */
export function allIds(graph: RowGraph): { nodeIds: string[]; edgeIds: string[] } {
  return { nodeIds: graph.nodes(), edgeIds: graph.edges() };
}

export type Scalar = string | number | boolean;
export type FlatRow = Record<string, Scalar>;

/** Separator for list values flattened into one string (GraphML, GEXF, CSV). */
export const LIST_SEPARATOR = '|';

/**
 * A node as scalar columns: arrays joined with '|', English translations beside the Chinese values
 * (`type_en`, `kind_en`, `level_en`). `id` is left out: it is the element's own id in every format.
 */
export function flattenNode(node: GraphNode): FlatRow {
  const out: FlatRow = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'id' || v === undefined || v === null) continue;
    if (Array.isArray(v)) out[k] = v.join(LIST_SEPARATOR);
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else out[k] = JSON.stringify(v);
  }
  out.type_en = nodeTypeEn(node.type);
  const kind = 'kind' in node ? node.kind : undefined;
  if (kind) out.kind_en = kindEn(kind);
  const level = 'level' in node ? node.level : undefined;
  if (level) out.level_en = levelEn(level);
  return out;
}

/**
 * An edge as scalar columns: evidence summarised as a count, the first quote and its source, and
 * the pin cites met. `id`, `source` and `target` are left out (element attributes in every format).
 */
export function flattenEdge(edge: GraphEdge): FlatRow {
  const out: FlatRow = { type: edge.type, type_en: edgeTypeEn(edge.type) };
  if (edge.intent) {
    out.intent = edge.intent;
    out.intent_en = intentEn(edge.intent);
  }
  if (edge.rule) out.rule = edge.rule;
  const evidence = edge.evidence ?? [];
  out.evidenceCount = evidence.length;
  if (evidence.length > 0) {
    out.evidenceQuote = evidence[0].quote;
    out.evidenceSource = evidence[0].sourceId;
    const pins = [...new Set(evidence.map((e) => e.pin).filter((p): p is string => !!p))];
    if (pins.length) out.evidencePins = pins.join(LIST_SEPARATOR);
  }
  return out;
}

/** Characters XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone surrogates). */
const XML_ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripXmlIllegal(s: string): string {
  return s.replace(XML_ILLEGAL, '');
}
