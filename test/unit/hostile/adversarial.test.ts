/**
 * Adversarial inputs of 0.25, 0.5 and 1 MB (UTF-8 bytes): runs of the very characters the finders
 * key on. Each must finish; the time growth per doubling is printed (≈2 is linear, ≈4 quadratic).
 * No timed assertion (CI machines vary); a super-linear pattern shows up in the printed ratios.
 */
import { describe, it, expect } from 'vitest';
import { extractFile, assembleGraph } from '../../../src/extract';

const enc = new TextEncoder();
const SIZES = [0.25e6, 0.5e6, 1e6];

/** Repeats `unit` (or generated lines) up to about `bytes` UTF-8 bytes. */
function fill(unit: string | ((i: number) => string), bytes: number): Uint8Array {
  const parts: string[] = [];
  let size = 0;
  for (let i = 1; size < bytes; i++) {
    const s = typeof unit === 'string' ? unit : unit(i);
    parts.push(s);
    size += enc.encode(s).length;
  }
  return enc.encode(parts.join(''));
}

const PATTERNS: Array<[string, string | ((i: number) => string)]> = [
  ['《《《《…', '《'],
  ['〔〔〔…', '〔'],
  ['〈〈〈…', '〈'],
  ['一、一、一、…', '一、'],
  ['1.1.1.…', '1.'],
  ['(一)(一)…', '(一)'],
  ['XX市XX市…', 'XX市'],
  ['“““…', '“'],
  ['《〔（ mixed openers', '《〔（〈“【'],
  ['文号 runs 国发〔2019〕1号…', '国发〔2019〕1号'],
  ['第一条第一条…', '第一条'],
  // Regex backtracking traps: a notice-title shape with no 通知 at the end, metadata words, space runs.
  ['印发《》印发《》…', '印发《》'],
  ['时间：来源：…', '发布时间：来源：'],
  ['a long run of spaces inside a line', '教          育          '],
  ['numbered lines citing 《title》（文号）', (i) => `${i}.落实《关于推进第${i}项改革的意见》（教基〔2019〕${i % 100}号），由教育部和XX市教育局实施“双减”。\n`],
  ['short forms and back-references', (i) => `《关于第${i}项工作的实施方案》（以下简称《方案${i}》）按照《方案${i}》和该方案，上述意见。\n`],
  ['plain CJK prose with no line break', '按照教育部要求推进义务教育优质均衡发展实施县管校聘改革'],
];

describe('adversarial inputs finish in time linear in their size', () => {
  for (const [name, unit] of PATTERNS) {
    it(name, async () => {
      const ms: number[] = [];
      for (const size of SIZES) {
        const bytes = fill(unit, size);
        let best = Infinity; // best of two: one run is at the mercy of GC and a busy machine
        for (let k = 0; k < 2; k++) {
          const t0 = performance.now();
          const r = await extractFile({ path: 'adversarial.txt', bytes });
          const g = assembleGraph([r.source], r.extraction ? [r.extraction] : [], r.diagnostics);
          best = Math.min(best, performance.now() - t0);
          expect(r.text).not.toBeNull();
          expect(g.sources).toHaveLength(1);
        }
        ms.push(best);
      }
      const ratios = ms.slice(1).map((t, i) => (t / Math.max(ms[i], 1)).toFixed(2));
      console.log(`adversarial ${name}: ${SIZES.map((s, i) => `${s / 1e6} MB ${ms[i].toFixed(0)} ms`).join(', ')}; growth per doubling ${ratios.join(', ')}`);
    }, 300_000);
  }

  it('a single 2 MB line of CJK', async () => {
    const bytes = fill('按照《教育法》和国发〔2020〕1号要求，推进义务教育优质均衡发展，实施“县管校聘”改革；', 2e6);
    const t0 = performance.now();
    const r = await extractFile({ path: 'long-line.txt', bytes });
    console.log(`adversarial single 2 MB line: ${(performance.now() - t0).toFixed(0)} ms, ${r.extraction?.policies.length ?? 0} policies`);
    expect(r.text).not.toBeNull();
    expect(r.text!.includes('\n')).toBe(false);
  }, 300_000);
});
