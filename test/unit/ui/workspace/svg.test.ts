/** The hand-written SVG of the canvas: well-formed XML, one shape per node, inert labels, a box around everything. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { DOMParser } from '@xmldom/xmldom';
import { toSvg, type SvgEdge, type SvgNode } from '../../../../src/ui/export/svg';

const SHAPES = ['ellipse', 'rectangle', 'round-rectangle', 'diamond', 'hexagon', 'round-triangle'];

const nodeArb = fc.record({
  id: fc.string({ minLength: 1, maxLength: 20 }),
  x: fc.double({ min: -5000, max: 5000, noNaN: true }),
  y: fc.double({ min: -5000, max: 5000, noNaN: true }),
  w: fc.double({ min: 1, max: 80, noNaN: true }),
  h: fc.double({ min: 1, max: 80, noNaN: true }),
  color: fc.constantFrom('#2f5d8a', 'rgb(127,156,184)'),
  border: fc.constant('#ffffff'),
  borderWidth: fc.constant(1),
  shape: fc.constantFrom(...SHAPES),
  label: fc.string({ maxLength: 30 }),
  fontSize: fc.constant(11),
  opacity: fc.constant(1),
});

/** Well-formedness by libxml2 (xmllint, strict); the DOM by xmldom for the queries. */
function parse(svg: string) {
  const errors: string[] = [];
  try {
    execFileSync('xmllint', ['--noout', '-'], { input: svg, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (e) {
    errors.push(String((e as { stderr?: Buffer }).stderr ?? e));
  }
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  return { doc, errors };
}

describe('toSvg', () => {
  it('is well-formed for any labels and ids, with one shape per node inside the view box', () => {
    fc.assert(
      fc.property(fc.uniqueArray(nodeArb, { selector: (n) => n.id, maxLength: 12 }), (nodes: SvgNode[]) => {
        const edges: SvgEdge[] = nodes.slice(1).map((n, i) => ({ id: `e${i}`, x1: nodes[0].x, y1: nodes[0].y, x2: n.x, y2: n.y, color: '#b0682a', width: 1.6, dashed: i % 2 === 0, arrow: true, opacity: 0.75 }));
        const svg = toSvg(nodes, edges);
        const { doc, errors } = parse(svg);
        expect(errors).toEqual([]);
        const shapes = ['ellipse', 'rect', 'polygon'].flatMap((t) => Array.from(doc.getElementsByTagName(t))).filter((e) => e.hasAttribute('data-id'));
        expect(shapes.map((s) => s.getAttribute('data-id')).sort()).toEqual(nodes.map((n) => n.id.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g, '')).sort());
        expect(doc.getElementsByTagName('line').length).toBe(edges.length);
        const [vx, vy, vw, vh] = doc.documentElement.getAttribute('viewBox')!.split(' ').map(Number);
        for (const n of nodes) {
          expect(n.x - n.w / 2).toBeGreaterThanOrEqual(vx - 0.01);
          expect(n.y - n.h / 2).toBeGreaterThanOrEqual(vy - 0.01);
          expect(n.x + n.w / 2).toBeLessThanOrEqual(vx + vw + 0.01);
          expect(n.y + n.h / 2).toBeLessThanOrEqual(vy + vh + 0.01);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('the parser used here does report malformed XML', () => {
    expect(parse('<svg><g></svg>').errors.length).toBeGreaterThan(0);
  });

  it('keeps hostile labels as text', () => {
    const n: SvgNode = { id: 'a"><script>', x: 0, y: 0, w: 10, h: 10, color: '#000', border: '#fff', borderWidth: 1, shape: 'ellipse', label: '<script>alert(1)</script>&', fontSize: 11, opacity: 1 };
    const { doc, errors } = parse(toSvg([n], []));
    expect(errors).toEqual([]);
    expect(doc.getElementsByTagName('script').length).toBe(0);
    expect(doc.getElementsByTagName('text')[0].textContent).toBe('<script>alert(1)</script>&');
    expect(doc.getElementsByTagName('ellipse')[0].getAttribute('data-id')).toBe('a"><script>');
  });
});
