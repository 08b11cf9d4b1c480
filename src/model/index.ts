export * from './graph';
export * from './extraction';
export * from './workspace';
export * from './docnumber';
export * from './manifest';
export * from './stored-edge';
