/**
 * Neo4j bulk-import CSV (`neo4j-admin database import full`): one node file per node type, one
 * relationship file for all edges, typed headers, and a README with the exact command.
 *
 * Conventions, stated in the README too:
 * - ids: the graph's ids, one global id space (`id:ID`), kept as the `id` property.
 * - arrays (`issuers`, `aliases`, `path`, evidence `pins`): `string[]` columns joined with ARRAY_DELIMITER.
 *   A '|' inside a value would split it, so it is replaced by the full-width '｜'.
 * - line breaks inside values become spaces, so the files import without `--multiline-fields`;
 *   the graph JSON export is the lossless one.
 * - no BOM and no formula neutralisation: these files are for Neo4j, not for a spreadsheet.
 */
import Papa from 'papaparse';
import type { GraphEdge, GraphNode, NodeType } from '../../model';
import { NODE_TYPES } from '../../model';
import { edgeTypeEn, intentEn, kindEn, levelEn } from './labels';
import { selectRows, type RowGraph } from './rows';

export const ARRAY_DELIMITER = '|';

type ColType = 'string' | 'int' | 'boolean' | 'string[]';
interface Column {
  /** property name in Neo4j */
  name: string;
  type: ColType;
  get: (row: Record<string, unknown>) => unknown;
}

const LABELS: Record<NodeType, string> = {
  policy: 'Policy',
  task: 'Task',
  document: 'Document',
  program: 'Program',
  institution: 'Institution',
  region: 'Region',
};

const field = (name: string, type: ColType = 'string', key = name): Column => ({ name, type, get: (r) => r[key] });

/** Typed property columns per node type, after `id:ID` and `:LABEL`. */
const NODE_PROPERTIES: Record<NodeType, Column[]> = {
  policy: [
    field('label'), field('title'), field('titleConstructed', 'boolean'), field('docNumber'), field('issuers', 'string[]'),
    field('dateWritten'), field('datePublished'), field('year', 'int'), field('region'), field('province'), field('level'),
    { name: 'level_en', type: 'string', get: (r) => levelEn(r.level as string | undefined) },
    field('kind'),
    { name: 'kind_en', type: 'string', get: (r) => kindEn(r.kind as string | undefined) },
    field('sourceId'), field('aliases', 'string[]'),
  ],
  task: [
    field('label'), field('policyId'), field('path', 'string[]'), field('title'), field('text'), field('fromOutline', 'boolean'),
    field('year', 'int'), field('region'), field('level'),
    { name: 'level_en', type: 'string', get: (r) => levelEn(r.level as string | undefined) },
    field('sourceId'), field('start', 'int'), field('end', 'int'),
  ],
  document: [
    field('label'), field('title'), field('docNumber'), field('issuers', 'string[]'), field('kind'),
    { name: 'kind_en', type: 'string', get: (r) => kindEn(r.kind as string | undefined) },
    field('year', 'int'), field('level'),
    { name: 'level_en', type: 'string', get: (r) => levelEn(r.level as string | undefined) },
    field('aliases', 'string[]'),
  ],
  program: [field('label'), field('name'), field('aliases', 'string[]')],
  institution: [
    field('label'), field('name'), field('aliases', 'string[]'), field('level'),
    { name: 'level_en', type: 'string', get: (r) => levelEn(r.level as string | undefined) }, field('region'),
  ],
  region: [field('label'), field('name'), field('parentId'), field('level')],
};

const REL_PROPERTIES: Column[] = [
  { name: 'id', type: 'string', get: (r) => r.id },
  { name: 'intent', type: 'string', get: (r) => r.intent },
  { name: 'intent_en', type: 'string', get: (r) => intentEn(r.intent as string | undefined) },
  { name: 'rule', type: 'string', get: (r) => r.rule },
  { name: 'evidenceCount', type: 'int', get: (r) => (r.evidence as GraphEdge['evidence']).length },
  { name: 'firstQuote', type: 'string', get: (r) => (r.evidence as GraphEdge['evidence'])[0]?.quote },
  {
    name: 'pins',
    type: 'string[]',
    get: (r) => [...new Set((r.evidence as GraphEdge['evidence']).map((e) => e.pin).filter((p) => !!p))],
  },
];

function text(v: string): string {
  return v.replace(/\r\n|\r|\n/g, ' ');
}

function cell(v: unknown, type: ColType): string {
  if (v === undefined || v === null || v === '') return '';
  if (type === 'string[]') {
    const items = (Array.isArray(v) ? v : [v]).map((x) => text(String(x)).split(ARRAY_DELIMITER).join('｜'));
    return items.join(ARRAY_DELIMITER);
  }
  if (type === 'boolean') return v ? 'true' : 'false';
  if (type === 'int') return typeof v === 'number' && Number.isInteger(v) ? String(v) : '';
  return text(String(v));
}

function csv(header: string[], rows: string[][]): string {
  // Every field quoted: Neo4j's importer reads RFC 4180 quoting ("" inside quotes).
  return Papa.unparse({ fields: header, data: rows }, { newline: '\n', quotes: true }) + '\n';
}

export interface Neo4jFile {
  name: string;
  content: string;
}

export interface Neo4jExport {
  files: Neo4jFile[];
  /** The import command, for a Neo4j 5.19+ / 2025 install with the files in its import/ folder. */
  command: string;
  readme: string;
}

/** Relationship type for an edge type: Neo4j's convention is upper snake case (CITES, ISSUED_BY). */
export function relationshipType(edgeType: string): string {
  return edgeType.toUpperCase();
}

export function toNeo4jCsv(
  graph: RowGraph,
  nodeIds: Iterable<string>,
  edgeIds: Iterable<string>,
  opts: { database?: string } = {},
): Neo4jExport {
  const { nodes, edges } = selectRows(graph, nodeIds, edgeIds);
  const byType = new Map<NodeType, GraphNode[]>();
  for (const n of nodes) {
    const list = byType.get(n.type) ?? [];
    list.push(n);
    byType.set(n.type, list);
  }
  const files: Neo4jFile[] = [];
  for (const type of NODE_TYPES) {
    const rows = byType.get(type);
    if (!rows?.length) continue;
    const cols = NODE_PROPERTIES[type];
    const header = ['id:ID', ':LABEL', ...cols.map((c) => (c.type === 'string' ? c.name : `${c.name}:${c.type}`))];
    const data = rows.map((n) => {
      const r = n as unknown as Record<string, unknown>;
      return [n.id, LABELS[type], ...cols.map((c) => cell(c.get(r), c.type))];
    });
    files.push({ name: `nodes_${type}.csv`, content: csv(header, data) });
  }
  const relHeader = [':START_ID', ':END_ID', ':TYPE', ...REL_PROPERTIES.map((c) => (c.type === 'string' ? c.name : `${c.name}:${c.type}`))];
  const relRows = edges.map((e) => {
    const r = e as unknown as Record<string, unknown>;
    return [e.source, e.target, relationshipType(e.type), ...REL_PROPERTIES.map((c) => cell(c.get(r), c.type))];
  });
  files.push({ name: 'relationships.csv', content: csv(relHeader, relRows) });

  const database = opts.database ?? 'neo4j';
  const command = [
    `bin/neo4j-admin database import full ${database}`,
    ...files.filter((f) => f.name.startsWith('nodes_')).map((f) => `--nodes=import/${f.name}`),
    '--relationships=import/relationships.csv',
    `--array-delimiter="${ARRAY_DELIMITER}"`,
    '--id-type=string',
  ].join(' \\\n  ');

  const readme = [
    '# Policy lineage graph: Neo4j bulk import',
    '',
    'Files: one node file per node type (label ' +
      files.filter((f) => f.name.startsWith('nodes_')).map((f) => LABELS[f.name.slice(6, -4) as NodeType]).join(', ') +
      ') and relationships.csv (types: ' +
      [...new Set(edges.map((e) => relationshipType(e.type)))].join(', ') +
      ').',
    '',
    '1. Stop Neo4j and copy the CSV files into the `import/` folder of the Neo4j home.',
    `2. The database \`${database}\` must not exist yet (drop it first, or add --overwrite-destination=true).`,
    '3. Run from the Neo4j home (Neo4j 5.19 or later, where the database name comes first):',
    '',
    '```sh',
    command,
    '```',
    '',
    `4. Start Neo4j; on Community Edition with another database name, set initial.dbms.default_database=${database}.`,
    '',
    'Conventions:',
    `- Arrays (columns typed string[]) are joined with "${ARRAY_DELIMITER}" (hence --array-delimiter); a "${ARRAY_DELIMITER}" inside a value was written as the full-width "｜".`,
    '- Line breaks inside texts were replaced by spaces; the graph JSON export keeps the exact text.',
    '- Every node keeps its id as the `id` property; relationships keep theirs as `id`.',
    '- *_en columns hold English translations of level, kind and intent beside the original values.',
    '- Evidence is summarised per relationship: evidenceCount, firstQuote and the pin cites (pins).',
    '',
  ].join('\n');
  return { files, command, readme };
}
