export * from './labels';
export { selectRows, flattenNode, flattenEdge, stripXmlIllegal, LIST_SEPARATOR, type SelectedRows } from './rows';
export * from './json';
export * from './graphml';
export * from './gexf';
export * from './csv';
export * from './neo4j';
