/** Graphs the analysis UI tests run on: the seeds and the promises fixture, extracted afresh. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph as extract } from '../../../../src/extract';
import { buildGraph, type PolicyGraph } from '../../../../src/graph/load';

const ROOT = join(__dirname, '../../../..');

export async function graphOf(dir: string, extra: { path: string; text: string }[] = []): Promise<PolicyGraph> {
  const abs = join(ROOT, dir);
  const files = readdirSync(abs).map((path) => ({ path, bytes: new Uint8Array(readFileSync(join(abs, path))) }));
  for (const e of extra) files.push({ path: e.path, bytes: new TextEncoder().encode(e.text) });
  const { graph } = await extract(files);
  return buildGraph(graph.nodes, graph.edges);
}

export const seeds = () => graphOf('seeds');
export const promises = (extra: { path: string; text: string }[] = []) => graphOf('test/fixtures/promises', extra);
