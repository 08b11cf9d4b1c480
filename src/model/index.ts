export * from './graph';
export * from './extraction';
