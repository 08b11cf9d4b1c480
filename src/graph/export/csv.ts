/**
 * Spreadsheet CSV of nodes and edges: UTF-8 with a BOM (so Excel opens Chinese correctly), English
 * column names, English values beside the Chinese ones, and every text cell that a spreadsheet
 * would run as a formula neutralised with a leading apostrophe (OWASP "CSV injection").
 */
import Papa from 'papaparse';
import type { GraphEdge, GraphNode } from '../../model';
import { edgeTypeEn, intentEn, kindEn, levelEn, nodeTypeEn } from './labels';
import { LIST_SEPARATOR, selectRows, type RowGraph } from './rows';

/** Cells starting with these are formulas (or become formulas after Excel trims them). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** UTF-8 bytes with a BOM in front. */
export function withBom(text: string): Uint8Array {
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(BOM.length + body.length);
  out.set(BOM, 0);
  out.set(body, BOM.length);
  return out;
}

type Cell = string | number | boolean | undefined;

export const NODE_COLUMNS = [
  'id', 'type', 'type_en', 'label', 'title', 'name', 'doc_number', 'kind', 'kind_en', 'year', 'level', 'level_en',
  'region', 'province', 'issuers', 'aliases', 'policy_id', 'path', 'task_text', 'date_written', 'date_published',
  'title_constructed', 'from_outline', 'parent_id', 'source_id',
] as const;

export const EDGE_COLUMNS = [
  'id', 'type', 'type_en', 'source', 'source_label', 'target', 'target_label', 'intent', 'intent_en', 'rule',
  'evidence_count', 'first_quote', 'pins', 'evidence_sources',
] as const;

type NodeRecord = Record<(typeof NODE_COLUMNS)[number], Cell>;
type EdgeRecord = Record<(typeof EDGE_COLUMNS)[number], Cell>;

function list(v: string[] | undefined): string | undefined {
  return v && v.length ? v.join(LIST_SEPARATOR) : undefined;
}

function nodeRecord(n: GraphNode): NodeRecord {
  const a = n as Partial<Record<string, unknown>>;
  const str = (k: string) => (typeof a[k] === 'string' ? (a[k] as string) : undefined);
  const kind = str('kind');
  const level = str('level');
  return {
    id: n.id,
    type: n.type,
    type_en: nodeTypeEn(n.type),
    label: n.label,
    title: str('title'),
    name: str('name'),
    doc_number: str('docNumber'),
    kind,
    kind_en: kind ? kindEn(kind) : undefined,
    year: typeof a.year === 'number' ? a.year : undefined,
    level,
    level_en: level ? levelEn(level) : undefined,
    region: str('region'),
    province: str('province'),
    issuers: list(a.issuers as string[] | undefined),
    aliases: list(a.aliases as string[] | undefined),
    policy_id: str('policyId'),
    path: list(a.path as string[] | undefined),
    task_text: str('text'),
    date_written: str('dateWritten'),
    date_published: str('datePublished'),
    title_constructed: typeof a.titleConstructed === 'boolean' ? a.titleConstructed : undefined,
    from_outline: typeof a.fromOutline === 'boolean' ? a.fromOutline : undefined,
    parent_id: str('parentId'),
    source_id: str('sourceId'),
  };
}

function edgeRecord(e: GraphEdge, labelOf: (id: string) => string): EdgeRecord {
  const pins = [...new Set(e.evidence.map((x) => x.pin).filter((p): p is string => !!p))];
  const sources = [...new Set(e.evidence.map((x) => x.sourceId))];
  return {
    id: e.id,
    type: e.type,
    type_en: edgeTypeEn(e.type),
    source: e.source,
    source_label: labelOf(e.source),
    target: e.target,
    target_label: labelOf(e.target),
    intent: e.intent,
    intent_en: e.intent ? intentEn(e.intent) : undefined,
    rule: e.rule,
    evidence_count: e.evidence.length,
    first_quote: e.evidence[0]?.quote,
    pins: list(pins),
    evidence_sources: list(sources),
  };
}

function toCsv(columns: readonly string[], records: Record<string, Cell>[]): string {
  const data = records.map((r) =>
    columns.map((c) => {
      const v = r[c];
      if (v === undefined) return '';
      return typeof v === 'string' ? neutraliseCell(v) : String(v);
    }),
  );
  return Papa.unparse({ fields: [...columns], data }, { newline: '\r\n', quotes: false });
}

export interface CsvExport {
  nodes: Uint8Array;
  edges: Uint8Array;
}

/** nodes.csv and edges.csv of the selection, as UTF-8 bytes with BOM. */
export function toCSV(graph: RowGraph, nodeIds: Iterable<string>, edgeIds: Iterable<string>): CsvExport {
  const { nodes, edges } = selectRows(graph, nodeIds, edgeIds);
  const labels = new Map(nodes.map((n) => [n.id, n.label]));
  const labelOf = (id: string) => labels.get(id) ?? '';
  return {
    nodes: withBom(toCsv(NODE_COLUMNS, nodes.map(nodeRecord))),
    edges: withBom(toCsv(EDGE_COLUMNS, edges.map((e) => edgeRecord(e, labelOf)))),
  };
}
