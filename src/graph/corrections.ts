/**
 * Corrections are stored apart from the extracted graph and applied to its rows on load and after
 * every rebuild or ingestion. They are keyed by canonical ids: one whose nodes or edges no longer
 * exist is reported as stale (and kept), never silently dropped.
 */
import { edgeRow, evidenceOf, type Correction, type Evidence, type GraphNode, type StoredEdge } from '../model';

export interface CorrectionOutcome {
  correction: Correction;
  status: 'applied' | 'partial' | 'stale';
  reason?: string;
}

export interface CorrectedGraph {
  nodes: GraphNode[];
  edges: StoredEdge[];
  /** Node and edge ids a correction touched → the ids of those corrections (for a "corrected" badge). */
  corrected: Map<string, string[]>;
  outcomes: CorrectionOutcome[];
}

function edgeId(type: StoredEdge['type'], source: string, target: string): string {
  return `${type}:${source}->${target}`;
}

function mergeEvidence(into: Evidence[], more: Evidence[]): Evidence[] {
  const out = [...into];
  for (const ev of more) if (!out.some((x) => x.sourceId === ev.sourceId && x.start === ev.start && x.end === ev.end)) out.push(ev);
  return out;
}

function namesOf(n: GraphNode): string[] {
  const names = [n.label];
  if ('title' in n && n.title) names.push(n.title);
  if ('name' in n && n.name) names.push(n.name);
  if ('aliases' in n && n.aliases) names.push(...n.aliases);
  return names;
}

/**
 * Applies the corrections to the rows. The input rows are never mutated: a row a correction
 * changes is copied first (copy on write), the others are passed through, so that at 100k nodes
 * and 400k edges loading with few or no corrections costs no copy of the graph.
 */
export function applyCorrections(nodesIn: GraphNode[], edgesIn: StoredEdge[], corrections: Correction[]): CorrectedGraph {
  if (corrections.length === 0) return { nodes: nodesIn, edges: edgesIn, corrected: new Map(), outcomes: [] };
  const nodes = new Map(nodesIn.map((n) => [n.id, n] as [string, GraphNode]));
  const edges = new Map(edgesIn.map((e) => [e.id, e] as [string, StoredEdge]));
  // Rows copied by this call (safe to mutate), as opposed to the caller's rows.
  const own = new Set<GraphNode | StoredEdge>();
  const ownNode = (id: string): GraphNode => {
    const n = nodes.get(id)!;
    if (own.has(n)) return n;
    const copy = { ...n } as GraphNode;
    own.add(copy);
    nodes.set(id, copy);
    return copy;
  };
  // A copy with its evidence inline (unpacked if it was packed), so it can be merged into.
  const ownEdge = (id: string) => {
    const e = edges.get(id)!;
    if (own.has(e)) return e as StoredEdge & { evidence: Evidence[] };
    const copy = edgeRow(e);
    own.add(copy);
    edges.set(id, copy);
    return copy;
  };
  const corrected = new Map<string, string[]>();
  const outcomes: CorrectionOutcome[] = [];
  const mark = (id: string, c: Correction) => corrected.set(id, [...(corrected.get(id) ?? []), c.id]);

  /** Re-points an edge's endpoints, merging it into an existing edge of the same type and ends. */
  const repoint = (e: StoredEdge, source: string, target: string, c: Correction) => {
    edges.delete(e.id);
    if (source === target) return;
    const id = edgeId(e.type, source, target);
    if (edges.has(id)) {
      const have = ownEdge(id);
      have.evidence = mergeEvidence(have.evidence, evidenceOf(e));
      mark(id, c);
      return;
    }
    edges.set(id, { ...e, id, source, target });
    mark(id, c);
  };

  const ordered = [...corrections].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  for (const c of ordered) {
    switch (c.kind) {
      case 'merge': {
        const keep = nodes.has(c.keep) ? ownNode(c.keep) : undefined;
        const present = c.others.filter((o) => o !== c.keep && nodes.has(o));
        if (!keep || !present.length) {
          outcomes.push({ correction: c, status: 'stale', reason: !keep ? `node ${c.keep} is gone` : 'no node to merge is left' });
          break;
        }
        const aliases = new Set('aliases' in keep && keep.aliases ? keep.aliases : []);
        for (const o of present) {
          const other = nodes.get(o)!;
          for (const name of namesOf(other)) if (name && name !== keep.label) aliases.add(name);
          nodes.delete(o);
          for (const e of [...edges.values()]) {
            if (e.source === o || e.target === o) repoint(e, e.source === o ? c.keep : e.source, e.target === o ? c.keep : e.target, c);
          }
        }
        // Region and task nodes have no aliases; every other type keeps the merged names as aliases.
        if (keep.type !== 'region' && keep.type !== 'task') (keep as { aliases?: string[] }).aliases = [...aliases].sort();
        mark(c.keep, c);
        outcomes.push({ correction: c, status: present.length === c.others.length ? 'applied' : 'partial', reason: present.length === c.others.length ? undefined : 'some merged nodes are gone' });
        break;
      }
      case 'split': {
        const node = nodes.get(c.nodeId);
        if (!node) {
          outcomes.push({ correction: c, status: 'stale', reason: `node ${c.nodeId} is gone` });
          break;
        }
        const moving = c.edgeIds.map((id) => edges.get(id)).filter((e): e is StoredEdge => !!e && (e.source === c.nodeId || e.target === c.nodeId));
        if (!moving.length) {
          outcomes.push({ correction: c, status: 'stale', reason: 'none of the edges to move exists' });
          break;
        }
        const newId = `${c.nodeId}#split:${c.id}`;
        const copy = { ...node, id: newId, label: c.newLabel } as GraphNode;
        if ('title' in copy) (copy as { title?: string }).title = c.newLabel;
        if ('name' in copy) (copy as { name?: string }).name = c.newLabel;
        if ('aliases' in copy) (copy as { aliases?: string[] }).aliases = [];
        nodes.set(newId, copy);
        for (const e of moving) repoint(e, e.source === c.nodeId ? newId : e.source, e.target === c.nodeId ? newId : e.target, c);
        mark(c.nodeId, c);
        mark(newId, c);
        outcomes.push({ correction: c, status: moving.length === c.edgeIds.length ? 'applied' : 'partial' });
        break;
      }
      case 'drop-edge': {
        const e = edges.get(c.edgeId);
        if (!e) {
          outcomes.push({ correction: c, status: 'stale', reason: `edge ${c.edgeId} is gone` });
          break;
        }
        edges.delete(c.edgeId);
        mark(e.source, c);
        mark(e.target, c);
        outcomes.push({ correction: c, status: 'applied' });
        break;
      }
      case 'add-citation': {
        if (!nodes.has(c.source) || !nodes.has(c.target)) {
          outcomes.push({ correction: c, status: 'stale', reason: `node ${nodes.has(c.source) ? c.target : c.source} is gone` });
          break;
        }
        const id = edgeId('cites', c.source, c.target);
        if (edges.has(id)) {
          const have = ownEdge(id);
          have.evidence = mergeEvidence(have.evidence, [c.evidence]);
          have.intent = c.intent;
        } else {
          edges.set(id, { id, type: 'cites', source: c.source, target: c.target, intent: c.intent, evidence: [c.evidence] });
        }
        mark(id, c);
        outcomes.push({ correction: c, status: 'applied' });
        break;
      }
      case 'set-year':
      case 'set-level': {
        const found = nodes.get(c.nodeId);
        if (!found || !(found.type === 'document' || found.type === 'policy' || found.type === 'task')) {
          outcomes.push({ correction: c, status: 'stale', reason: found ? `a ${found.type} has no ${c.kind.slice(4)}` : `node ${c.nodeId} is gone` });
          break;
        }
        const node = ownNode(c.nodeId);
        if (c.kind === 'set-year') (node as { year?: number }).year = c.year;
        else (node as { level?: string }).level = c.level;
        mark(c.nodeId, c);
        outcomes.push({ correction: c, status: 'applied' });
        break;
      }
    }
  }
  const cmp = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { nodes: [...nodes.values()].sort(cmp), edges: [...edges.values()].sort(cmp), corrected, outcomes };
}
