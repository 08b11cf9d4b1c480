export * from './db';
export * from './import';
export * from './sync';
export * from './errors';
export * from './queries';
export * from './notes';
export * from './corrections';
export * from './workspace';
