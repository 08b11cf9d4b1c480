import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EvidenceSchema } from '../../../../src/model';
import { evidenceFromSelection } from '../../../../src/ui/workspace/text-selection';

describe('evidenceFromSelection', () => {
  const text = '一、总体要求\n1.落实《关于深化新时代教育督导体制机制改革的意见》,健全督导体系。2.推进“双减”。';
  it('quotes the sentence around the selection, with offsets that point into the text', () => {
    const start = text.indexOf('《');
    const end = text.indexOf('》') + 1;
    const ev = evidenceFromSelection('s1', text, start, end);
    expect(ev.quote).toBe('1.落实《关于深化新时代教育督导体制机制改革的意见》,健全督导体系。');
    expect(text.slice(ev.quoteStart, ev.quoteStart + ev.quote.length)).toBe(ev.quote);
    expect(text.slice(ev.start, ev.end)).toBe('《关于深化新时代教育督导体制机制改革的意见》');
  });
  it('always yields valid evidence containing the selection (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('。', '\n', ' ', '督', '导', 'a', '；') , minLength: 1, maxLength: 200 }), fc.nat(), fc.nat(), (t, a, b) => {
        const s = a % t.length;
        const e = s + 1 + (b % (t.length - s));
        const ev = evidenceFromSelection('x', t, s, e);
        expect(EvidenceSchema.safeParse(ev).success).toBe(true);
        expect(ev.quoteStart).toBeLessThanOrEqual(s);
        expect(ev.quoteStart + ev.quote.length).toBeGreaterThanOrEqual(e);
        expect(t.slice(ev.quoteStart, ev.quoteStart + ev.quote.length)).toBe(ev.quote);
      }),
    );
  });
});
