/**
 * The extractor under random input (fast-check): for any string it does not throw (not even an
 * error caught inside extractFile), gives the same output twice, puts every evidence span and
 * quote inside the decoded text, and assembles a graph the contract's schema accepts.
 * FUZZ_RUNS scales the run count (default 4000 in all).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { extractFile, assembleGraph } from '../../../src/extract';
import { GraphFileSchema, type Evidence } from '../../../src/model';
import type { FileResult } from '../../../src/extract';

const RUNS = Number(process.env.FUZZ_RUNS ?? 4000);
let casesRun = 0;

/** The markers, brackets and shapes the finders key on, plus plain CJK and line ends. */
const PIECES = [
  '《', '》', '〈', '〉', '〔', '〕', '（', '）', '(', ')', '【', '】', '“', '”', '"', '、', '，', '。', '；', '：',
  '一、', '二、', '十、', '(一)', '（二）', '1.', '2．', '３、', '10.', '①', '第一条', '第十二条', '第一章', '第二款',
  '国发〔2019〕4号', '教基〔2020〕', '〔2021〕', '鄂党办发[2019]第12号', '中办发（2018）67号', '2023年13月45日', '2月30日',
  '2019年12月13日', '发布时间：2020-03-03', '关于印发', '的通知', '实施方案', '意见', '（以下简称《意见》）', '该意见',
  '上述方案', '按照', '贯彻落实', '印发的', '教育部', '国务院办公厅', '市委', '省教育厅', 'XX市', 'XX县', '成都市',
  '湖北大学', '“双减”', '县管校聘', '工程', '计划', '目录', '……', '1', '附件：', '首页>', '分享到', '打印',
  '\n', '\n', '\n', '\r\n', '\r', '\n\n', ' ', '\u3000', '\t', '\u200b', '\ufeff', 'Ａ', '＃', '<p>', '</p>', '&amp;',
];

const cjkDoc = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((a) => a.join(''));
/** A plausible notice with random pieces spliced in, so the deeper stages (tasks, citations) run. */
const splicedNotice = fc
  .tuple(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 40 }))
  .map(([pieces, at]) => {
    let s =
      '湖北省教育厅关于印发《推进教育现代化实施方案》的通知\n鄂教发〔2020〕3号\n为贯彻落实《中共中央 国务院关于深化教育改革的意见》（中发〔2019〕26号），制定本方案。\n一、总体要求\n（一）推进学校建设。按照教育部要求实施“双减”。\n1.落实任务。\n2.强化保障。\n湖北省教育厅\n2020年5月6日\n';
    pieces.forEach((p, i) => {
      const k = (at[i] ?? 0) % (s.length + 1);
      s = s.slice(0, k) + p + s.slice(k);
    });
    return s;
  });
const anyUnicode = fc.string({ unit: 'binary', maxLength: 300 });
const anyGrapheme = fc.string({ unit: 'grapheme', maxLength: 200 });

const enc = new TextEncoder();

function evidenceOf(r: FileResult): Evidence[] {
  const out: Evidence[] = [];
  for (const p of r.extraction?.policies ?? []) {
    out.push(...p.citations.map((c) => c.evidence), ...p.programs.map((m) => m.evidence), ...p.institutions.map((m) => m.evidence));
    out.push(...p.rejected.map((m) => m.evidence));
    if (p.titleEvidence) out.push(p.titleEvidence);
  }
  return out;
}

function checkSpans(text: string, evidence: Evidence[]): void {
  for (const ev of evidence) {
    expect(ev.start).toBeLessThanOrEqual(ev.end);
    expect(ev.start).toBeGreaterThanOrEqual(0);
    expect(ev.end).toBeLessThanOrEqual(text.length);
    const qs = ev.quoteStart ?? -1;
    expect(qs).toBeGreaterThanOrEqual(0);
    expect(text.slice(qs, qs + ev.quote.length)).toBe(ev.quote);
  }
}

async function property(s: string): Promise<void> {
  casesRun++;
  const file = { path: 'fuzz.txt', bytes: enc.encode(s) };
  const a = await extractFile(file);
  const b = await extractFile(file);
  expect(b).toEqual(a);
  // extractFile catches everything; an 'unexpected error' is a crash it had to swallow.
  const crashes = a.diagnostics.filter((d) => d.level === 'error' && /unexpected error/.test(d.message));
  expect(crashes).toEqual([]);
  if (a.text === null) {
    expect(a.diagnostics.some((d) => d.level === 'error' && d.path === 'fuzz.txt')).toBe(true);
  } else {
    checkSpans(a.text, evidenceOf(a));
    for (const p of a.extraction!.policies) {
      expect(0 <= p.start && p.start <= p.end && p.end <= a.text.length).toBe(true);
      for (const t of p.tasks) expect(0 <= t.start && t.start <= t.end && t.end <= a.text.length).toBe(true);
    }
  }
  const graph = assembleGraph([a.source], a.extraction ? [a.extraction] : [], a.diagnostics);
  const parsed = GraphFileSchema.safeParse(graph);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  if (a.text !== null) checkSpans(a.text, graph.edges.flatMap((e) => e.evidence));
  expect(assembleGraph([a.source], a.extraction ? [a.extraction] : [], a.diagnostics)).toEqual(graph);
}

describe('extractor fuzz (fast-check)', () => {
  it('CJK strings built from markers, brackets, 文号 and dates', async () => {
    await fc.assert(fc.asyncProperty(cjkDoc, property), { numRuns: Math.round(RUNS * 0.4) });
  });
  it('a notice with random pieces spliced in', async () => {
    await fc.assert(fc.asyncProperty(splicedNotice, property), { numRuns: Math.round(RUNS * 0.4) });
  });
  it('arbitrary unicode (lone surrogates, controls) and graphemes', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(anyUnicode, anyGrapheme), property), { numRuns: Math.round(RUNS * 0.2) });
    console.log(`fuzz: ${casesRun} cases run (each extracted twice and assembled twice)`);
  });
}, 600_000);
