import { escapeToken, tokensOf } from './parse';
import type { Reporter } from './report';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How many `$ref` hops one lookup may follow (a chain longer than this is treated like a cycle). */
const MAX_HOPS = 32;

export type Resolved = {
  schema: Obj;
  /** Pointer of the resolved value. */
  pointer: string;
  /** The component name when the value is `#/components/schemas/<name>` (after following refs). */
  name?: string;
};

/**
 * Local `$ref`s only (`#/...`): nothing is ever fetched. A ref to another document, a missing target or a cycle
 * of refs resolves to nothing, and the report says so once per ref.
 */
export class Refs {
  constructor(
    private readonly root: unknown,
    private readonly report: Reporter,
  ) {}

  get(pointer: string): unknown {
    let node: unknown = this.root;
    for (const token of tokensOf(pointer)) {
      if (Array.isArray(node)) node = node[Number(token)];
      else if (isObj(node) && Object.hasOwn(node, token)) node = node[token];
      else return undefined;
    }
    return node;
  }

  /** The schema `value` stands for, following `$ref`s; `pointer` is where `value` itself sits. */
  resolve(value: unknown, pointer: string): Resolved | undefined {
    let current = value;
    let where = pointer;
    let name: string | undefined;
    const visited = new Set<string>();
    for (let hop = 0; hop <= MAX_HOPS; hop++) {
      if (!isObj(current)) return undefined;
      const ref = current.$ref;
      if (typeof ref !== 'string') return { schema: current, pointer: where, ...(name ? { name } : {}) };
      if (!ref.startsWith('#')) {
        this.report.skipped(
          `$ref ${ref}`,
          `${where}/$ref`,
          'Refers to another document: only refs inside this document (#/...) are followed, nothing is fetched.',
        );
        return undefined;
      }
      let target: string;
      try {
        target = decodeURIComponent(ref.slice(1));
      } catch {
        target = ref.slice(1);
      }
      if (visited.has(target)) {
        this.report.skipped(
          `$ref ${ref}`,
          `${where}/$ref`,
          'The $ref leads back to itself (a cycle of refs).',
        );
        return undefined;
      }
      visited.add(target);
      const next = this.get(target);
      if (next === undefined) {
        this.report.skipped(`$ref ${ref}`, `${where}/$ref`, 'The $ref points at nothing in this document.');
        return undefined;
      }
      const m = /^\/components\/schemas\/([^/]+)$/.exec(target);
      if (m) name = tokensOf(`/${m[1]}`)[0];
      current = next;
      where = target;
    }
    this.report.skipped('$ref', pointer, `More than ${MAX_HOPS} $refs in a row.`);
    return undefined;
  }
}

/** `#/components/schemas/Pet` -> `Pet` for a direct ref (no resolution), else undefined. */
export function refName(value: unknown): string | undefined {
  if (!isObj(value) || typeof value.$ref !== 'string') return undefined;
  const m = /^#\/components\/schemas\/([^/]+)$/.exec(value.$ref);
  return m ? tokensOf(`/${decodeURIComponentSafe(m[1] as string)}`)[0] : undefined;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export const schemaPointer = (name: string) => `/components/schemas/${escapeToken(name)}`;
