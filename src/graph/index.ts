export * from './load';
export * from './filters';
export * from './docnumber';
export * from './search';
