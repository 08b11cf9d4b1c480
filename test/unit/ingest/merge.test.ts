/** The set of extractions after an analyst's change, and which extracted files go in. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile, type FileResult } from '../../../src/extract';
import { applyChange } from '../../../src/ingest/merge';
import { accept } from '../../../src/ingest/accept';
import { assemble } from '../../../src/ingest/run';
import type { UserSource } from '../../../src/model';
import { SEEDS_DIR, seedNames } from '../../support/seeds';

async function extract(name: string): Promise<FileResult> {
  return extractFile({ path: name, bytes: new Uint8Array(readFileSync(join(SEEDS_DIR, name))), origin: 'corpus' });
}
const asUser = (r: FileResult): UserSource => ({ source: r.source, text: r.text!, extraction: r.extraction! });

describe('applyChange', () => {
  it('adds, replaces and removes by source id, marking additions as the analyst’s, in id order', async () => {
    const [a, b, c] = await Promise.all(seedNames().slice(0, 3).map(extract));
    const set = { sources: [b.source, a.source], extractions: [b.extraction!, a.extraction!] };
    const next = applyChange(set, { add: [asUser(c)], remove: [a.source.id] });
    const ids = [b.source.id, c.source.id].sort();
    expect(next.sources.map((s) => s.id)).toEqual(ids);
    expect(next.extractions.map((x) => x.sourceId)).toEqual(ids);
    expect(next.sources.find((s) => s.id === c.source.id)!.origin).toBe('user');
    expect(next.sources.find((s) => s.id === b.source.id)!.origin).toBe('corpus');
    // Input untouched.
    expect(set.sources).toHaveLength(2);
    // Removed and re-added in one change: it is there.
    expect(applyChange(set, { add: [asUser(a)], remove: [a.source.id] }).sources.map((s) => s.id)).toContain(a.source.id);
  });

  it('the assembled graph does not depend on the order the files were stored in', async () => {
    const rs = await Promise.all(seedNames().map(extract));
    const forward = applyChange({ sources: [], extractions: [] }, { add: rs.map(asUser), remove: [] });
    const backward = applyChange({ sources: [], extractions: [] }, { add: [...rs].reverse().map(asUser), remove: [] });
    const g1 = assemble(forward.sources, forward.extractions);
    const g2 = assemble(backward.sources, backward.extractions);
    expect(g2.nodes).toEqual(g1.nodes);
    expect(g2.edges).toEqual(g1.edges);
  });
});

describe('accept', () => {
  it('takes a readable file with policies, refuses duplicates, and quotes the extractor’s reason otherwise', async () => {
    const seed = await extract(seedNames()[0]);
    const known = { stored: new Map<string, string>(), batch: new Map<string, string>() };
    const first = accept(seed, known);
    expect(first.report).toMatchObject({ status: 'added', path: seedNames()[0] });
    expect(first.report.policies).toBe(seed.extraction!.policies.length);
    expect(first.source!.source.origin).toBe('user');
    expect(accept(seed, known).report).toMatchObject({ status: 'duplicate', reason: `same content as ${seedNames()[0]}` });
    expect(accept(seed, { stored: new Map([[seed.source.id, 'old.txt']]), batch: new Map() }).report.reason).toBe('same content as old.txt');

    const empty = await extractFile({ path: 'x/empty.md', bytes: new Uint8Array([0x20, 0x0a]) });
    expect(accept(empty, known).report).toEqual(expect.objectContaining({ status: 'rejected', reason: 'x/empty.md: empty file' }));
    // Text with no title, no numbered item, no 文号 and no citation is no policy (as in the CLI): refused with why.
    const prose = await extractFile({ path: 'prose.txt', bytes: new TextEncoder().encode('这是一段普通的文字,没有标题,也没有任何编号的任务。') });
    expect(accept(prose, known).report).toMatchObject({ status: 'rejected', reason: 'prose.txt: no policy found in the text' });
    // A titled text without numbered items still goes in, with what was noticed.
    const titled = await extractFile({ path: 'titled.txt', bytes: new TextEncoder().encode('关于做好2024年招生工作的通知\n各学校要认真做好招生工作。') });
    const report = accept(titled, known).report;
    expect(report.status).toBe('added');
    expect(report.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/no numbered tasks found/)]));
  });
});
