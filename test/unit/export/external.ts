/** Independent readers for the export tests: xmllint and Debian's networkx (system python). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function writeTemp(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'export-test-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Throws (with xmllint's message) when the file is not well-formed XML. */
export function xmllint(path: string): void {
  execFileSync('/usr/bin/xmllint', ['--noout', path], { stdio: 'pipe' });
}

const NX_SCRIPT = `
import json, sys, networkx as nx
fmt, path = sys.argv[1], sys.argv[2]
g = nx.read_graphml(path) if fmt == 'graphml' else nx.read_gexf(path)
nodes = {str(n): {k: v for k, v in d.items()} for n, d in g.nodes(data=True)}
edges = [[str(u), str(v), {k: v2 for k, v2 in d.items()}] for u, v, d in g.edges(data=True)]
print(json.dumps({"multigraph": g.is_multigraph(), "directed": g.is_directed(), "nodes": nodes, "edges": edges}, ensure_ascii=False, default=str))
`;

export interface NxGraph {
  multigraph: boolean;
  directed: boolean;
  nodes: Record<string, Record<string, unknown>>;
  edges: [string, string, Record<string, unknown>][];
}

export function readWithNetworkx(format: 'graphml' | 'gexf', path: string): NxGraph {
  const out = execFileSync('/usr/bin/python3', ['-c', NX_SCRIPT, format, path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out) as NxGraph;
}
