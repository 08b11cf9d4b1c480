/**
 * The export formats of the menu: from the explorer's graph (corrections applied) and a scope
 * (what the canvas shows, or the selection) to the files to save. Graph formats go through the
 * writers of src/graph/export; images come from the canvas.
 */
import { zipSync, strToU8 } from 'fflate';
import type { Core } from 'cytoscape';
import { toCSV, toGEXF, toGraphJson, toGraphML, toNeo4jCsv } from '../../graph/export';
import type { PolicyGraph } from '../../graph/load';
import type { Diagnostic, Source } from '../../model';
import type { ExportFile } from './download';
import { canvasToSvg } from './svg';

export const EXPORT_FORMATS = ['json', 'graphml', 'gexf', 'csv', 'neo4j', 'png', 'svg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportScope = 'view' | 'selection';

export interface Scope {
  nodeIds: string[];
  edgeIds: string[];
}

/** What the canvas draws (only ids the graph has: a lineage tree may draw helper elements). */
export function viewScope(graph: PolicyGraph, cy: Core | null, overviewOf: { nodes: string[]; edges: string[] } | null = null): Scope {
  // The overview draws groups, not graph nodes: "the view" is then the filtered subgraph it summarises.
  if (overviewOf) return { nodeIds: overviewOf.nodes.filter((id) => graph.hasNode(id)), edgeIds: overviewOf.edges.filter((id) => graph.hasEdge(id)) };
  if (!cy) return { nodeIds: [], edgeIds: [] };
  return {
    nodeIds: cy.nodes().map((n) => n.id()).filter((id) => graph.hasNode(id)),
    edgeIds: cy.edges().map((e) => e.id()).filter((id) => graph.hasEdge(id)),
  };
}

/** The selected nodes and every edge between two of them. */
export function selectionScope(graph: PolicyGraph, selection: readonly string[]): Scope {
  const nodeIds = selection.filter((id) => graph.hasNode(id));
  const set = new Set(nodeIds);
  const edgeIds: string[] = [];
  for (const id of nodeIds) graph.forEachOutEdge(id, (e, _a, _s, t) => void (set.has(t) && edgeIds.push(e)));
  return { nodeIds, edgeIds };
}

export interface ExportContext {
  graph: PolicyGraph;
  scope: Scope;
  cy: Core | null;
  stem: string;
  sources: readonly Source[];
  diagnostics: readonly Diagnostic[];
}

const XML = 'application/xml;charset=utf-8';

/** Copies bytes into a fresh ArrayBuffer-backed array (what Blob's types accept). */
const bytes = (u: Uint8Array) => new Uint8Array(u);

export async function buildExport(format: ExportFormat, c: ExportContext): Promise<ExportFile[]> {
  const { graph, scope, stem } = c;
  switch (format) {
    case 'json':
      return [{ name: `${stem}.json`, blob: new Blob([toGraphJson(graph, scope.nodeIds, scope.edgeIds, { sources: c.sources, diagnostics: c.diagnostics })], { type: 'application/json' }) }];
    case 'graphml':
      return [{ name: `${stem}.graphml`, blob: new Blob([toGraphML(graph, scope.nodeIds, scope.edgeIds)], { type: XML }) }];
    case 'gexf':
      return [{ name: `${stem}.gexf`, blob: new Blob([toGEXF(graph, scope.nodeIds, scope.edgeIds)], { type: XML }) }];
    case 'csv': {
      const csv = toCSV(graph, scope.nodeIds, scope.edgeIds);
      return [
        { name: `${stem}-nodes.csv`, blob: new Blob([bytes(csv.nodes)], { type: 'text/csv;charset=utf-8' }) },
        { name: `${stem}-edges.csv`, blob: new Blob([bytes(csv.edges)], { type: 'text/csv;charset=utf-8' }) },
      ];
    }
    case 'neo4j': {
      const neo = toNeo4jCsv(graph, scope.nodeIds, scope.edgeIds);
      const entries: Record<string, Uint8Array> = { 'README.md': strToU8(neo.readme) };
      for (const f of neo.files) entries[f.name] = strToU8(f.content);
      return [{ name: `${stem}-neo4j.zip`, blob: new Blob([bytes(zipSync(entries, { level: 6 }))], { type: 'application/zip' }) }];
    }
    case 'png': {
      if (!c.cy) return [];
      const blob = (await c.cy.png({ output: 'blob-promise', full: true, bg: '#ffffff', scale: 2, maxWidth: 6000, maxHeight: 6000 })) as Blob;
      return [{ name: `${stem}.png`, blob }];
    }
    case 'svg':
      if (!c.cy) return [];
      return [{ name: `${stem}.svg`, blob: new Blob([canvasToSvg(c.cy, stem)], { type: 'image/svg+xml;charset=utf-8' }) }];
  }
}
