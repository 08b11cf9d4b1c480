/**
 * The benchmark's CI smoke run: the smallest extraction size, no browser. Asserts the report has
 * its rows and sane fields — never a time (numbers are the benchmark's output, not a test's).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../scripts/bench/report';

const out = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run bench -- --smoke --no-browser', () => {
  it('writes a markdown and a JSON report with one extraction row', () => {
    const stdout = execFileSync('npx', ['tsx', 'scripts/bench.ts', '--smoke', '--no-browser', '--out', out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(stdout).toContain('## Extraction');
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toMatch(/^\| 100 \| /m);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    expect(report.extraction).toHaveLength(1);
    const row = report.extraction[0];
    expect(row.docs).toBe(100);
    expect(row.files).toBe(100);
    expect(row.bytes).toBeGreaterThan(0);
    expect(row.extractMs).toBeGreaterThan(0);
    expect(row.baselineMs).toBeGreaterThan(0);
    expect(row.ratio).toBeCloseTo(row.extractMs / row.baselineMs, 6);
    expect(md).toContain('ratio to scan');
    expect(row.peakRss).toBeGreaterThan(0);
    // The baseline saw the planted citations and the extractor built a graph from them.
    expect(row.baselineCounts.titles).toBeGreaterThan(0);
    expect(row.cites).toBeGreaterThan(0);
    expect(row.recall).toBeGreaterThan(0);
    expect(report.browser).toEqual([]);
  }, 180_000);
});
