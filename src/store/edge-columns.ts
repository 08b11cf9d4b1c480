/**
 * A chunk of edges stored column by column. Decoding a stored value costs per object and per
 * string; edges as row objects decoded at ~1.6 µs each at 389k edges (each with its type, both
 * endpoint ids, an intent and an evidence list of objects with quotes: ~9 allocations), and the
 * collector then had to move them all. As columns the type and intent are small integers, the
 * endpoints are positions in the node rows (read first), and the evidence is one JSON string per
 * chunk, left packed until an edge's evidence is asked for (src/model/stored-edge): in Node, the
 * 389k edges deserialize in ~160 ms where the rows took ~700 ms.
 */
import {
  EDGE_TYPES,
  EvidenceChunk,
  INTENTS,
  evidenceOf,
  type EdgeType,
  type Evidence,
  type GraphEdge,
  type GraphNode,
  type Intent,
  type StoredEdge,
} from '../model';

export interface EdgeColumns {
  ids: string[];
  /** Index in EDGE_TYPES. */
  types: Uint8Array;
  /** Position of the source node in the stored node rows; -1 when it is no stored node (see `ends`). */
  sources: Int32Array;
  targets: Int32Array;
  /** Index in INTENTS, -1 for none. */
  intents: Int8Array;
  /** The inference rule per row (null for none); absent when no row of the chunk has one. */
  rules?: (string | null)[];
  /** Endpoint ids of rows whose source or target is no stored node (the build drops those edges). */
  ends?: Record<number, { source: string; target: string }>;
  /** JSON of one evidence list per row. */
  evidence: string;
}

const TYPE_CODE = new Map<string, number>(EDGE_TYPES.map((t, i) => [t, i]));
const INTENT_CODE = new Map<string, number>(INTENTS.map((t, i) => [t, i]));

/** Node id → position of its first row (the row a build keeps). */
export function nodePositions(nodes: readonly GraphNode[]): Map<string, number> {
  const at = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (!at.has(n.id)) at.set(n.id, i);
  });
  return at;
}

/** Packs edge rows into columns; throws on a type or intent outside the contract's lists. */
export function encodeEdges(rows: readonly StoredEdge[], positions: ReadonlyMap<string, number>): EdgeColumns {
  const n = rows.length;
  const cols: EdgeColumns = {
    ids: new Array<string>(n),
    types: new Uint8Array(n),
    sources: new Int32Array(n),
    targets: new Int32Array(n),
    intents: new Int8Array(n).fill(-1),
    evidence: '',
  };
  const evidence: Evidence[][] = new Array(n);
  rows.forEach((e, i) => {
    const type = TYPE_CODE.get(e.type);
    if (type === undefined) throw new TypeError(`edge ${e.id}: unknown type ${JSON.stringify(e.type)}`);
    cols.ids[i] = e.id;
    cols.types[i] = type;
    const s = positions.get(e.source) ?? -1;
    const t = positions.get(e.target) ?? -1;
    cols.sources[i] = s;
    cols.targets[i] = t;
    if (s < 0 || t < 0) (cols.ends ??= {})[i] = { source: e.source, target: e.target };
    if (e.intent !== undefined) {
      const intent = INTENT_CODE.get(e.intent);
      if (intent === undefined) throw new TypeError(`edge ${e.id}: unknown intent ${JSON.stringify(e.intent)}`);
      cols.intents[i] = intent;
    }
    if (e.rule !== undefined) (cols.rules ??= new Array<string | null>(n).fill(null))[i] = e.rule;
    evidence[i] = evidenceOf(e);
  });
  cols.evidence = JSON.stringify(evidence);
  return cols;
}

/**
 * Unpacks a chunk's edges onto `out`, endpoints taken from the node rows they were packed against.
 * `inline`: each edge gets its evidence list, a graph-file row; `packed`: the edges share the
 * chunk's evidence, unpacked on demand (the explorer's reload).
 */
export function decodeEdges(cols: EdgeColumns, nodes: readonly GraphNode[], evidence: 'inline' | 'packed', out: StoredEdge[]): void {
  const n = cols.ids.length;
  const inline = evidence === 'inline' ? (JSON.parse(cols.evidence) as Evidence[][]) : null;
  const chunk = inline ? null : new EvidenceChunk(cols.evidence);
  const { ids, types, sources, targets, intents, rules, ends } = cols;
  for (let i = 0; i < n; i++) {
    const s = sources[i];
    const t = targets[i];
    const end = s < 0 || t < 0 ? ends?.[i] : undefined;
    const id = ids[i];
    const type = EDGE_TYPES[types[i]] as EdgeType;
    const source = s >= 0 ? nodes[s].id : (end?.source ?? '');
    const target = t >= 0 ? nodes[t].id : (end?.target ?? '');
    const intent = intents[i] >= 0 ? (INTENTS[intents[i]] as Intent) : undefined;
    // Properties in the contract's order, the same for every edge of a kind (one object shape).
    // A packed edge is one literal with all its properties: V8 sizes a literal's object for
    // exactly the properties it names, and each one added later went to a separate property
    // array (389k more objects for the collector at 100k nodes).
    let e: StoredEdge;
    if (chunk) {
      e =
        intent === undefined
          ? { id, type, source, target, evidenceChunk: chunk, evidenceRow: i }
          : { id, type, source, target, intent, evidenceChunk: chunk, evidenceRow: i };
    } else {
      e = { id, type, source, target, evidence: inline?.[i] ?? [] };
      if (intent !== undefined) e.intent = intent;
    }
    const rule = rules?.[i];
    if (rule != null) e.rule = rule;
    out.push(e);
  }
}

/** The graph-file fields an edge chunk holds: a test checks this against the schema. */
export const EDGE_COLUMN_FIELDS: readonly (keyof GraphEdge)[] = ['id', 'type', 'source', 'target', 'evidence', 'intent', 'rule'];
