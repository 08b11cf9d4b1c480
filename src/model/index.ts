export * from './graph';
export * from './extraction';
export * from './workspace';
