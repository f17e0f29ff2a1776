import type { CustomEndpoint, Design } from '@/lib/design/schema';
import { validateDesign } from '@/lib/design/validate';
import { handlerPath } from '../fastapi/user-code';
import { buildIr } from '../ir/build';

const cache = new WeakMap<Design, ReadonlyMap<string, string> | null>();

/**
 * The handler module of every custom endpoint, by endpoint id, exactly as the generator names them (the route's
 * handler name, planned against every other handler); null while the design has problems and does not generate.
 * Pure, cached per design object: the editor asks on every render.
 */
export function handlerModulePaths(design: Design): ReadonlyMap<string, string> | null {
  if (cache.has(design)) return cache.get(design) ?? null;
  let paths: Map<string, string> | null = null;
  if (validateDesign(design).length === 0) {
    paths = new Map();
    for (const op of buildIr(design).operations)
      if (op.kind === 'custom' && op.customId) paths.set(op.customId, handlerPath(op));
  }
  cache.set(design, paths);
  return paths;
}

/** The handler module of one custom endpoint (see `handlerModulePaths`). */
export function handlerModulePath(design: Design, endpoint: Pick<CustomEndpoint, 'id'>): string | null {
  return handlerModulePaths(design)?.get(endpoint.id) ?? null;
}
