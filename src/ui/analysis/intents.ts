/**
 * Citation intent in the explorer (issue 8): how each intent looks on the canvas, and the
 * citations of a node grouped by intent with the promises (will_issue) and their fulfilment.
 * Pure functions on the graph; the components only render what these return.
 */
import { INTENTS, evidenceOf, type Evidence, type Intent } from '../../model';
import type { PolicyGraph } from '../../graph/load';

/** Canvas look of a `cites` edge by intent: one table for the stylesheet and the legend. */
export interface IntentLook {
  color: string;
  line: 'solid' | 'dashed' | 'dotted';
  /** Arrow head: a hollow one for a promise (the document does not exist yet). */
  arrowFill: 'filled' | 'hollow';
  width: number;
}

export const INTENT_LOOK: Record<Intent, IntentLook> = {
  implements: { color: '#b0682a', line: 'solid', arrowFill: 'filled', width: 1.8 },
  will_issue: { color: '#1b998b', line: 'dashed', arrowFill: 'hollow', width: 1.8 },
  revises: { color: '#c0392b', line: 'dotted', arrowFill: 'filled', width: 1.8 },
  uses: { color: '#5d8aa8', line: 'solid', arrowFill: 'filled', width: 1.2 },
  completes: { color: '#7a9a3a', line: 'solid', arrowFill: 'filled', width: 1.6 },
  other: { color: '#9aa5b1', line: 'solid', arrowFill: 'filled', width: 1 },
};

/** Cytoscape stylesheet entries for cites edges by intent (after the per-type ones). */
/** A kept promise (`fulfils`: the later policy → the promising task), in the green of "kept". */
export const FULFILS_LOOK = { color: '#3d8b5a', width: 2.6 } as const;

export function intentEdgeStyles(): Array<{ selector: string; style: Record<string, unknown> }> {
  const fulfils = {
    selector: 'edge[type = "fulfils"]',
    style: { 'line-color': FULFILS_LOOK.color, 'target-arrow-color': FULFILS_LOOK.color, width: FULFILS_LOOK.width, 'target-arrow-shape': 'triangle-tee' },
  };
  return [fulfils, ...INTENTS.map((intent) => {
    const look = INTENT_LOOK[intent];
    return {
      selector: `edge[type = "cites"][intent = "${intent}"]`,
      style: {
        'line-color': look.color,
        'target-arrow-color': look.color,
        'line-style': look.line,
        'target-arrow-fill': look.arrowFill,
        width: look.width,
      },
    };
  })];
}

export interface IntentCitation {
  edgeId: string;
  /** The node at the other end (the cited node for outgoing, the citing one for incoming). */
  other: string;
  otherLabel: string;
  /** For a citing task: its policy's label, so the row says where it comes from. */
  context?: string;
  pin?: string;
}

export interface IntentGroup {
  intent: Intent;
  citations: IntentCitation[];
}

/** The first pin cite among the evidence, as the field to spread into a citation. */
function pinOf(evidence: Evidence[]): { pin?: string } {
  const pin = evidence.find((e) => e.pin)?.pin;
  return pin ? { pin } : {};
}

/**
 * The `cites` edges of a node grouped by intent, in the fixed intent order (empty groups left
 * out): `dir: 'in'` = who cites this node, `'out'` = what this node (or its tasks, for a policy)
 * cites.
 */
export function citationsByIntent(g: PolicyGraph, id: string, dir: 'in' | 'out'): IntentGroup[] {
  if (!g.hasNode(id)) return [];
  const groups = new Map<Intent, IntentCitation[]>();
  const add = (edgeId: string, intent: Intent | undefined, other: string) => {
    const a = g.getEdgeAttributes(edgeId);
    const key = intent ?? 'other';
    const list = groups.get(key) ?? [];
    const o = g.getNodeAttributes(other);
    const context = o.type === 'task' && g.hasNode(o.policyId) ? g.getNodeAttribute(o.policyId, 'label') : undefined;
    list.push({ edgeId, other, otherLabel: o.label, ...(context ? { context } : {}), ...pinOf(evidenceOf(a)) });
    groups.set(key, list);
  };
  if (dir === 'in') {
    g.forEachInEdge(id, (e, a, s) => void (a.type === 'cites' && add(e, a.intent, s)));
  } else {
    const citing = [id];
    // A policy cites through its tasks.
    if (g.getNodeAttribute(id, 'type') === 'policy') g.forEachOutEdge(id, (_e, a, _s, t) => void (a.type === 'contains' && citing.push(t)));
    for (const c of citing) g.forEachOutEdge(c, (e, a, _s, t) => void (a.type === 'cites' && add(e, a.intent, t)));
  }
  return INTENTS.filter((i) => groups.has(i)).map((intent) => ({ intent, citations: groups.get(intent)! }));
}

export interface Fulfilment {
  /** The policy that kept the promise. */
  policyId: string;
  policyLabel: string;
  year: number | null;
  region: string | null;
}

export interface Promise_ {
  /** The task (or policy) that promised to issue the document. */
  taskId: string;
  taskLabel: string;
  /** The promising task's policy. */
  policyId: string | null;
  policyLabel: string | null;
  year: number | null;
  region: string | null;
  /** The promised document (a document node, or the corpus policy the citation resolved to). */
  documentId: string;
  documentLabel: string;
  /** Policies of the corpus linked to this promise by `fulfils`; empty = not (yet) kept. */
  keptBy: Fulfilment[];
}

function placeOf(g: PolicyGraph, id: string): { year: number | null; region: string | null; policyId: string | null } {
  const a = g.getNodeAttributes(id);
  const policyId = a.type === 'policy' ? id : a.type === 'task' && g.hasNode(a.policyId) ? a.policyId : null;
  const p = policyId ? g.getNodeAttributes(policyId) : undefined;
  const year = ('year' in a && a.year) || (p && 'year' in p && p.year) || null;
  const region = ('region' in a && a.region) || (p && 'region' in p && p.region) || null;
  return { year, region, policyId };
}

/** The policies that fulfil a promise made by `taskId` (incoming `fulfils` edges). */
export function fulfilmentsOf(g: PolicyGraph, taskId: string): Fulfilment[] {
  if (!g.hasNode(taskId)) return [];
  const out: Fulfilment[] = [];
  g.forEachInEdge(taskId, (_e, a, s) => {
    if (a.type !== 'fulfils') return;
    const p = placeOf(g, s);
    out.push({ policyId: s, policyLabel: g.getNodeAttribute(s, 'label'), year: p.year, region: p.region });
  });
  return out.sort((x, y) => (x.year ?? Infinity) - (y.year ?? Infinity));
}

/** Titles compared loosely: no brackets, quotes, spaces or punctuation. */
const looseTitle = (s: string) => s.replace(/[\s《》〈〉“”"'‘’()（）、，,。·—\-]/g, '');

/**
 * Who kept the promise of one will_issue citation: the fulfilling policies of its task that are
 * the promised document itself (the citation resolved to that policy) or carry its title. When
 * the task promised only this document, any fulfilment of the task is this one's.
 */
function keptBy(g: PolicyGraph, taskId: string, documentId: string, promisesOfTask: number): Fulfilment[] {
  const docTitle = looseTitle(g.getNodeAttribute(documentId, 'label'));
  return fulfilmentsOf(g, taskId).filter((f) => promisesOfTask === 1 || f.policyId === documentId || looseTitle(f.policyLabel) === docTitle);
}

/**
 * The promises that concern a node, with whether each was kept:
 * - a document or policy that was promised (incoming will_issue citations);
 * - a task or policy that promised (its own will_issue citations, or its tasks');
 * - a policy that kept a promise (outgoing `fulfils` to the promising task).
 * Each promise once, by year.
 */
export function promisesAbout(g: PolicyGraph, id: string): Promise_[] {
  if (!g.hasNode(id)) return [];
  const seen = new Set<string>();
  const out: Promise_[] = [];
  const willIssue = (citing: string) => g.filterOutEdges(citing, (_e, a) => a.type === 'cites' && a.intent === 'will_issue');
  const addPromise = (edgeId: string) => {
    if (seen.has(edgeId)) return;
    seen.add(edgeId);
    const a = g.getEdgeAttributes(edgeId);
    const place = placeOf(g, a.source);
    out.push({
      taskId: a.source,
      taskLabel: g.getNodeAttribute(a.source, 'label'),
      policyId: place.policyId,
      policyLabel: place.policyId ? g.getNodeAttribute(place.policyId, 'label') : null,
      year: place.year,
      region: place.region,
      documentId: a.target,
      documentLabel: g.getNodeAttribute(a.target, 'label'),
      keptBy: keptBy(g, a.source, a.target, willIssue(a.source).length),
    });
  };
  g.forEachInEdge(id, (e, a) => void (a.type === 'cites' && a.intent === 'will_issue' && addPromise(e)));
  willIssue(id).forEach(addPromise);
  if (g.getNodeAttribute(id, 'type') === 'policy') {
    g.forEachOutEdge(id, (_e, a, _s, t) => void (a.type === 'contains' && willIssue(t).forEach(addPromise)));
    // Promises this policy kept: those of the promising task that this policy fulfils.
    const kept: string[] = [];
    g.forEachOutEdge(id, (_e, a, _s, t) => void (a.type === 'fulfils' && kept.push(t)));
    for (const t of kept) {
      const promises = willIssue(t);
      for (const e of promises) if (keptBy(g, t, g.target(e), promises.length).some((f) => f.policyId === id)) addPromise(e);
    }
  }
  return out.sort((x, y) => (x.year ?? Infinity) - (y.year ?? Infinity) || (x.taskId < y.taskId ? -1 : x.taskId > y.taskId ? 1 : 0));
}
