import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { findInTasks } from '../../../../src/graph/fulltext';
import type { PolicyGraph } from '../../../../src/graph/load';
import { FULLTEXT_COLUMNS, fulltextCsv, fulltextRecords, sentenceAt } from '../../../../src/ui/analysis/fulltext-csv';
import { promises, seeds } from './corpus';

const parse = (bytes: Uint8Array) => {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes.subarray(3)), { header: true, skipEmptyLines: true });
};

describe('sentenceAt', () => {
  it('cuts at the sentence ends around the match', () => {
    const text = '一、总则。深化“县管校聘”改革；完善交流机制。其他';
    const at = text.indexOf('县管校聘');
    expect(sentenceAt(text, at, at + 4)).toBe('深化“县管校聘”改革；');
    expect(sentenceAt('县管校聘', 0, 4)).toBe('县管校聘');
    expect(sentenceAt('第一行\n推进县管校聘\n第三行', 6, 10)).toBe('推进县管校聘');
  });
});

describe('full-text CSV', () => {
  let seedGraph: PolicyGraph;
  let hostile: PolicyGraph;
  beforeAll(async () => {
    seedGraph = await seeds();
    hostile = await promises([
      { path: 'hostile-2021.txt', text: '宁波市教育局2021年工作要点\n一、深化教育改革\n1.推进课后服务。=HYPERLINK("http://evil.example","课后服务")全覆盖。\n2.规范课后服务。+1-2课后服务收费。-cmd|课后服务。\n' },
    ]);
  });

  it('has one row per match of 县管校聘 on the seeds, each sentence holding the phrase and its source', () => {
    const matches = findInTasks(seedGraph, '县管校聘');
    expect(matches.length).toBeGreaterThan(2);
    const parsed = parse(fulltextCsv(fulltextRecords(seedGraph, '县管校聘', matches)));
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...FULLTEXT_COLUMNS]);
    expect(parsed.data.length).toBe(matches.length);
    parsed.data.forEach((row, i) => {
      expect(row.sentence.replace(/\s/g, '')).toContain('县管校聘');
      expect(row.task_id).toBe(matches[i].taskId);
      expect(row.policy_title).toBe(seedGraph.getNodeAttribute(matches[i].policyId, 'label'));
      expect(row.region).toBe(matches[i].region ?? '');
    });
    expect(new Set(parsed.data.map((r) => r.policy_id)).size).toBeGreaterThanOrEqual(3);
  });

  it('neutralises sentences a spreadsheet would run as formulas', () => {
    const matches = findInTasks(hostile, '课后服务');
    const records = fulltextRecords(hostile, '课后服务', matches);
    const raw = records.map((r) => String(r.sentence));
    expect(raw.some((s) => s.startsWith('=HYPERLINK'))).toBe(true);
    expect(raw.some((s) => s.startsWith('+1-2'))).toBe(true);
    expect(raw.some((s) => s.startsWith('-cmd'))).toBe(true);
    const parsed = parse(fulltextCsv(records));
    for (const row of parsed.data) for (const v of Object.values(row)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
    expect(parsed.data.map((r) => r.sentence)).toEqual(expect.arrayContaining([expect.stringMatching(/^'=HYPERLINK/), expect.stringMatching(/^'\+1-2/), expect.stringMatching(/^'-cmd/)]));
  });
});
