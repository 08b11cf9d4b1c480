/**
 * GraphML writer (graphology-graphml only reads). Written by hand so that every value is escaped,
 * characters XML 1.0 forbids are dropped, and every attribute has a typed <key> declaration that
 * Gephi, yEd, networkx and graphology-graphml all read.
 */
import { flattenEdge, flattenNode, selectRows, stripXmlIllegal, type FlatRow, type RowGraph, type Scalar } from './rows';

type KeyType = 'boolean' | 'int' | 'double' | 'string';

/** Escape for both text and attribute content; CR, LF and tab as references so attribute values keep them. */
const NEEDS_WORK = /[&<>"'\r\n\t\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;

export function escapeXml(value: string, inAttribute = false): string {
  if (!NEEDS_WORK.test(value)) return value; // the common case: plain Chinese text
  let s = stripXmlIllegal(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
  if (inAttribute) s = s.replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
  return s;
}

function typeOf(v: Scalar): KeyType {
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) <= 0x7fffffff ? 'int' : 'double';
  return 'string';
}

/** The widest type seen wins: int < double < string; boolean mixed with anything else is string. */
function widen(a: KeyType | undefined, b: KeyType): KeyType {
  if (!a || a === b) return b;
  if ((a === 'int' && b === 'double') || (a === 'double' && b === 'int')) return 'double';
  return 'string';
}

interface KeyDecl {
  id: string;
  name: string;
  type: KeyType;
}

function declareKeys(rows: FlatRow[], prefix: string): KeyDecl[] {
  const types = new Map<string, KeyType>();
  for (const row of rows) for (const [k, v] of Object.entries(row)) types.set(k, widen(types.get(k), typeOf(v)));
  return [...types.keys()].sort().map((name, i) => ({ id: `${prefix}${i}`, name, type: types.get(name)! }));
}

function formatValue(v: Scalar, type: KeyType): string {
  if (type === 'boolean') return v ? 'true' : 'false';
  if (type === 'string') return escapeXml(String(v));
  return String(v);
}

function writeData(lines: string[], row: FlatRow, keys: KeyDecl[], indent: string): void {
  for (const key of keys) {
    const v = row[key.name];
    if (v === undefined || v === '') continue;
    lines.push(`${indent}<data key="${key.id}">${formatValue(v, key.type)}</data>`);
  }
}

/**
 * GraphML for the selected nodes and edges. Node and edge ids are the graph's ids (stable across
 * rebuilds); edges whose endpoints are not selected are left out.
 */
export function toGraphML(graph: RowGraph, nodeIds: Iterable<string>, edgeIds: Iterable<string>): string {
  const { nodes, edges } = selectRows(graph, nodeIds, edgeIds);
  const nodeRows = nodes.map(flattenNode);
  const edgeRows = edges.map(flattenEdge);
  const nodeKeys = declareKeys(nodeRows, 'n');
  const edgeKeys = declareKeys(edgeRows, 'e');

  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [domain, keys] of [['node', nodeKeys], ['edge', edgeKeys]] as const) {
    for (const k of keys) {
      lines.push(`  <key id="${k.id}" for="${domain}" attr.name="${escapeXml(k.name, true)}" attr.type="${k.type}"/>`);
    }
  }
  lines.push('  <graph id="G" edgedefault="directed">');
  nodes.forEach((node, i) => {
    lines.push(`    <node id="${escapeXml(node.id, true)}">`);
    writeData(lines, nodeRows[i], nodeKeys, '      ');
    lines.push('    </node>');
  });
  edges.forEach((edge, i) => {
    lines.push(
      `    <edge id="${escapeXml(edge.id, true)}" source="${escapeXml(edge.source, true)}" target="${escapeXml(edge.target, true)}">`,
    );
    writeData(lines, edgeRows[i], edgeKeys, '      ');
    lines.push('    </edge>');
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
