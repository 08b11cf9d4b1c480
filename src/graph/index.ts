export * from './load';
export * from './filters';
export * from './docnumber';
export * from './search';
export * from './lineage';
export * from './fulltext';
export * from './view';
