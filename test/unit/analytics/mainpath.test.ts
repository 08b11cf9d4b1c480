import { describe, expect, it } from 'vitest';
import { mainPathAnalysis } from '../../../src/graph/mainpath';
import { addDoc, addPolicy, addTask, cites, makeGraph, type G } from './build';

/**
 * Knowledge-flow arcs (cited → citing) of the hand-worked example:
 *   A→C, B→C, C→D, C→E, H→E, D→F, E→F, E→G, F→I
 * Sources A, B, H; sinks G, I.
 *   N⁻: A=B=H=1, C=2, D=2, E=3, F=N⁻(D)+N⁻(E)=5, G=3, I=5
 *   N⁺: G=I=1, F=1, D=1, E=N⁺(F)+N⁺(G)=2, C=N⁺(D)+N⁺(E)=3, A=B=3, H=2
 *   total paths = N⁺(A)+N⁺(B)+N⁺(H) = 8 = N⁻(G)+N⁻(I)
 *   SPC: A→C 3, B→C 3, H→E 2, C→D 2, C→E 4, D→F 2, E→F 3, E→G 3, F→I 5
 * Global main path: best weight to a sink from A = 3+4+3+5 = 15 (= from B; A wins on id):
 *   A C E F I. Via D it would be 3+2+2+5 = 12.
 */
function classic(): G {
  const g = makeGraph();
  for (const id of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']) addPolicy(g, id);
  // "X cites Y" is the arc Y → X
  const flow: [string, string][] = [['A', 'C'], ['B', 'C'], ['C', 'D'], ['C', 'E'], ['H', 'E'], ['D', 'F'], ['E', 'F'], ['E', 'G'], ['F', 'I']];
  for (const [from, to] of flow) cites(g, to, from);
  return g;
}

const spcOf = (r: ReturnType<typeof mainPathAnalysis>) => Object.fromEntries(r.arcs.map((a) => [`${a.from}${a.to}`, a.spc]));

describe('main-path analysis (SPC)', () => {
  const r = mainPathAnalysis(classic());

  it('computes SPC per arc, sources, sinks and the path count by hand', () => {
    expect(spcOf(r)).toEqual({ AC: 3, BC: 3, HE: 2, CD: 2, CE: 4, DF: 2, EF: 3, EG: 3, FI: 5 });
    expect(r.sources).toEqual(['A', 'B', 'H']);
    expect(r.sinks).toEqual(['G', 'I']);
    expect(r.totalPaths).toBe(8);
    expect(r.removedArcs).toEqual([]);
    expect(r.arcs[0]).toMatchObject({ from: 'F', to: 'I', spc: 5 });
  });

  it('extracts the global, local and key-route main paths', () => {
    expect(r.global.nodes).toEqual(['A', 'C', 'E', 'F', 'I']);
    expect(r.global.weight).toBe(15);
    expect(r.local.nodes).toEqual(['A', 'C', 'E', 'F', 'I']);
    expect(r.keyRoute.nodes).toEqual(['A', 'C', 'E', 'F', 'I']);
    // Top 4 arcs: F→I 5, C→E 4, A→C 3, B→C 3: B→C adds B to the key-route path.
    const k4 = mainPathAnalysis(classic(), { keyRoutes: 4 });
    expect(k4.keyRoute.nodes.sort()).toEqual(['A', 'B', 'C', 'E', 'F', 'I']);
    expect(k4.keyRoute.arcs.map((a) => a.from + a.to).sort()).toEqual(['AC', 'BC', 'CE', 'EF', 'FI']);
  });

  it('the global main path maximises total SPC, not length', () => {
    // Flow arcs: a chain S→X→X1→X2 and a fan S→Y→{Y1,Y2,Y3}.
    const g = makeGraph();
    for (const id of ['S', 'X', 'Y', 'X1', 'X2', 'Y1', 'Y2', 'Y3']) addPolicy(g, id);
    const flow: [string, string][] = [['S', 'X'], ['S', 'Y'], ['X', 'X1'], ['X1', 'X2'], ['Y', 'Y1'], ['Y', 'Y2'], ['Y', 'Y3']];
    for (const [from, to] of flow) cites(g, to, from);
    // N⁺: X2=1, X1=1, X=1, Y1..3=1, Y=3, S=4. N⁻: S=1, X=Y=1, X1=X2=1, Y1..3=1.
    // SPC: S→X 1, S→Y 3, X→X1 1, X1→X2 1, Y→Yi 1 each.
    // Local: S→Y (3) then Y→Y1: weight 4. Global: S Y Y1 = 4 vs S X X1 X2 = 3 → S Y Y1.
    const res = mainPathAnalysis(g);
    expect(spcOf(res)).toEqual({ SX: 1, SY: 3, XX1: 1, X1X2: 1, YY1: 1, YY2: 1, YY3: 1 });
    expect(res.global.nodes).toEqual(['S', 'Y', 'Y1']);
    expect(res.global.weight).toBe(4);
    expect(res.totalPaths).toBe(4);
  });

  it('orients citations cited → citing and counts a task citation for its policy', () => {
    const g = makeGraph();
    addDoc(g, 'doc:law', { year: 2010 });
    addPolicy(g, 'p:national', { year: 2018 });
    addTask(g, 'p:national/1', 'p:national');
    addTask(g, 'p:national/2', 'p:national');
    addPolicy(g, 'p:city', { year: 2019 });
    addTask(g, 'p:city/1', 'p:city');
    const e1 = cites(g, 'p:national/1', 'doc:law');
    const e2 = cites(g, 'p:national/2', 'doc:law', 'uses');
    cites(g, 'p:city/1', 'p:national');
    const res = mainPathAnalysis(g);
    expect(res.sources).toEqual(['doc:law']);
    expect(res.sinks).toEqual(['p:city']);
    expect(res.global.nodes).toEqual(['doc:law', 'p:national', 'p:city']);
    const arc = res.arcs.find((a) => a.from === 'doc:law')!;
    expect(arc.to).toBe('p:national');
    expect(arc.edges.sort()).toEqual([e1, e2].sort());
  });

  it('breaks citation cycles deterministically and still finds a path', () => {
    const build = (order: string[]) => {
      const g = makeGraph();
      for (const id of order) addPolicy(g, id);
      cites(g, 'P', 'Q');
      cites(g, 'Q', 'P'); // mutual citation: a 2-cycle
      cites(g, 'R', 'P');
      return g;
    };
    // Flow arcs Q→P, P→Q, P→R. DFS in id order: P, then Q, whose arc back to P (on the stack)
    // closes the cycle and is removed. Left: P→Q and P→R, SPC 1 each; the tie goes to Q by id.
    const a = mainPathAnalysis(build(['P', 'Q', 'R']));
    const b = mainPathAnalysis(build(['R', 'Q', 'P']));
    expect(a.removedArcs.map(({ from, to }) => [from, to])).toEqual([['Q', 'P']]);
    expect(b.removedArcs.map(({ from, to }) => [from, to])).toEqual([['Q', 'P']]);
    expect(a.sources).toEqual(['P']);
    expect(a.sinks).toEqual(['Q', 'R']);
    expect(a.global).toMatchObject({ nodes: ['P', 'Q'], weight: 1 });
    expect(b.global.nodes).toEqual(a.global.nodes);
  });

  it('returns empty paths on a graph without citations', () => {
    const g = makeGraph();
    addPolicy(g, 'lonely');
    const res = mainPathAnalysis(g);
    expect(res.arcs).toEqual([]);
    expect(res.global.nodes).toEqual([]);
    expect(res.totalPaths).toBe(0);
  });
});
