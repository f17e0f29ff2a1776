/**
 * Defensive readers of a parser's JSON tree (libpg-query's parse tree, node-sql-parser's AST): plain objects, every
 * key optional, so nothing that reads a tree trusts its shape.
 */
export type J = Record<string, unknown>;

export const isObj = (v: unknown): v is J => typeof v === 'object' && v !== null && !Array.isArray(v);
export const obj = (v: unknown): J => (isObj(v) ? v : {});
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
