/** The benchmark's synthetic graph generator (scripts/bench/graph-synth) loaded as a graphology graph. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGraph, type PolicyGraph } from '../../../src/graph/load';
import type { GraphFile } from '../../../src/model';
import { writeSynthGraph } from '../../../scripts/bench/graph-synth';

export async function synthGraph(nodes: number): Promise<PolicyGraph> {
  const dir = mkdtempSync(join(tmpdir(), 'synth-graph-'));
  try {
    const file = join(dir, 'graph.json');
    await writeSynthGraph(file, nodes);
    const f = JSON.parse(readFileSync(file, 'utf8')) as GraphFile;
    return buildGraph(f.nodes, f.edges);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
