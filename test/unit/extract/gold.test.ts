/**
 * The extractor scored against the hand-checked gold annotations of the seeds, through the
 * shared scorer (../shared/tools/score-gold.py), which reads only the public graph contract.
 * Prints every category's precision and recall and what was missed.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedGraph, GOLD_DIR, SHARED_DIR } from '../../support/seeds';
import { validateGraph } from '../../../src/extract';

type Scores = Record<string, number | string | null>;

let scores: Scores;
let report: string;

function ratio(s: string | number | null): [number, number] {
  const [a, b] = String(s).split('/').map(Number);
  return [a, b];
}

describe('gold score of the seeds', () => {
  beforeAll(async () => {
    const { graph } = await seedGraph();
    validateGraph(graph);
    const dir = mkdtempSync(join(tmpdir(), 'gold-'));
    const file = join(dir, 'graph.json');
    writeFileSync(file, JSON.stringify(graph));
    const scorer = join(SHARED_DIR, 'tools', 'score-gold.py');
    report = execFileSync('python3', [scorer, file, GOLD_DIR], { encoding: 'utf8' });
    scores = JSON.parse(execFileSync('python3', [scorer, file, GOLD_DIR, '--json'], { encoding: 'utf8' })) as Scores;
    console.log(`\n=== gold score (shared scorer) ===\n${report}`);
  }, 120_000);

  it('finds all policies with the right title, 文号, year and region', () => {
    const [ok, total] = ratio(scores.policies_exact);
    expect(total).toBe(9);
    expect(ok).toBe(9);
  });

  it('finds tasks with F1 ≥ 0.97', () => {
    expect(scores.tasks_F1).toBeGreaterThanOrEqual(0.97);
  });

  it('finds citations with precision and recall ≥ 0.95, attributed to the right task ≥ 0.95', () => {
    expect(scores.citations_P).toBeGreaterThanOrEqual(0.95);
    expect(scores.citations_R).toBeGreaterThanOrEqual(0.95);
    expect(scores.task_attribution).toBeGreaterThanOrEqual(0.95);
  });

  it('finds every 文号 and nothing else', () => {
    expect(scores.docnum_P).toBe(1);
    expect(scores.docnum_R).toBe(1);
  });

  it('turns no noise or publication into a document and splits no document', () => {
    expect(scores.noise_docs).toBe(0);
    expect(scores.titles_split_across_nodes).toBe(0);
    const [same, n] = ratio(scores.same_document_one_node);
    expect(same).toBe(n);
  });

  it('recalls programmes and institutions ≥ 0.85', () => {
    expect(scores.programs_R).toBeGreaterThanOrEqual(0.85);
    expect(scores.institutions_R).toBeGreaterThanOrEqual(0.85);
  });

  it('reads citation intent with accuracy ≥ 0.90', () => {
    expect(scores.intent_acc).toBeGreaterThanOrEqual(0.9);
  });

  it('links localised documents to their originals (adapts)', () => {
    expect(scores.adapts_R).toBeGreaterThanOrEqual(0.8);
  });
});
