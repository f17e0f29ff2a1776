import type { ApiOperation } from './operations';

/**
 * Paths grouped into resource candidates: a collection path (`/pets`, `/posts/{slug}/comments`) and its item path
 * (`/pets/{petId}`), with the CRUD operations found on them. What no group claims becomes a custom endpoint.
 */
export type PathGroup = {
  collection: string;
  itemPath?: string;
  itemParam?: string;
  /** The item path of the parent resource for nested collections (`/posts/{slug}`). */
  parentItemPath?: string;
  list?: ApiOperation;
  create?: ApiOperation;
  get?: ApiOperation;
  update: ApiOperation[];
  delete?: ApiOperation;
  /** Component names of the items answered (get first, then list, create, update) and of bodies. */
  reads: string[];
  inputs: { create: string[]; update: string[] };
};

const segments = (path: string) => path.split('/').filter((s) => s !== '');
const isParam = (s: string) => /^\{[^{}]+\}$/.test(s);

export function groupPaths(ops: ApiOperation[]): PathGroup[] {
  const groups = new Map<string, PathGroup>();
  const group = (collection: string) => {
    let g = groups.get(collection);
    if (!g) {
      g = { collection, update: [], reads: [], inputs: { create: [], update: [] } };
      const segs = segments(collection);
      const parentEnd = segs.slice(0, -1);
      if (parentEnd.length >= 2 && isParam(parentEnd[parentEnd.length - 1] as string))
        g.parentItemPath = `/${parentEnd.join('/')}`;
      groups.set(collection, g);
    }
    return g;
  };
  for (const op of ops) {
    const segs = segments(op.path);
    const last = segs[segs.length - 1];
    if (last === undefined) continue;
    if (isParam(last)) {
      const prev = segs[segs.length - 2];
      if (prev === undefined || isParam(prev)) continue;
      const g = groups.get(`/${segs.slice(0, -1).join('/')}`) ?? group(`/${segs.slice(0, -1).join('/')}`);
      if (g.itemPath !== undefined && g.itemPath !== op.path) continue;
      const claim = () => {
        g.itemPath = op.path;
        g.itemParam = last.slice(1, -1);
      };
      if (op.method === 'GET' && !g.get && op.success?.item && !op.success.list) {
        g.get = op;
        claim();
      } else if (
        (op.method === 'PATCH' || op.method === 'PUT') &&
        !g.update.some((u) => u.method === op.method)
      ) {
        g.update.push(op);
        claim();
      } else if (op.method === 'DELETE' && !g.delete) {
        g.delete = op;
        claim();
      }
    } else {
      const g = group(op.path);
      if (op.method === 'GET' && !g.list && op.success?.list && op.success.item) g.list = op;
      // A create sends an object of the entity (an upload of bytes answering a status object is not one).
      else if (op.method === 'POST' && !g.create && op.body?.item && !op.body.list) g.create = op;
    }
  }
  const out: PathGroup[] = [];
  for (const g of groups.values()) {
    for (const op of [g.get, g.list, g.create, ...g.update]) {
      const item = op?.success?.item;
      if (item && !g.reads.includes(item)) g.reads.push(item);
    }
    if (g.create?.body?.item && !g.create.body.list) g.inputs.create.push(g.create.body.item);
    for (const u of g.update) if (u.body?.item && !u.body.list) g.inputs.update.push(u.body.item);
    if (g.reads.length > 0 || g.inputs.create.length > 0) out.push(g);
  }
  return out;
}

/** Every operation a group uses as CRUD. */
export function groupOperations(g: PathGroup): ApiOperation[] {
  return [g.list, g.create, g.get, ...g.update, g.delete].filter((o): o is ApiOperation => o !== undefined);
}
