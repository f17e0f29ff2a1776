export * from './endpoints';
export * from './entities';
export * from './enums';
export * from './errors';
export * from './fields';
export { allIds } from './helpers';
export * from './layout';
export * from './operation';
export * from './relations';
