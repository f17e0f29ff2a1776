import { PYTHON_KEYWORDS, uniqueName } from '@/lib/design/names';

/**
 * The local names each kind of generated handler binds in its body. The route emitters take every local
 * through `Scope.local` (typed by this table, and checked at generation time), so a name used in a body is
 * necessarily registered here, and the IR plans parameter names against it: a filter called `items` can never
 * shadow the list handler's `items`. Names of the module (imports) are kept clear the other way round: the
 * module's `Imports` aliases an import that a parameter would shadow.
 */
export const HANDLER_LOCALS = {
  list: [
    ...['statement', 'count_statement', 'total', 'order', 'key', 'column', 'related'],
    ...['direction', 'rows', 'row', 'items', 'visible'],
  ],
  get: ['row', 'visible'],
  create: ['data', 'row'],
  // `setattr` is a builtin the body calls: a parameter of that name would shadow it.
  update: ['row', 'data', 'key', 'value', 'setattr'],
  delete: ['row'],
  custom: [],
  // Actions (`ir/actions.ts`) bind only names every CRUD handler binds, so no lookup or parent param takes them.
  action: ['row', 'visible'],
} as const satisfies Record<string, readonly string[]>;

export type HandlerKind = keyof typeof HANDLER_LOCALS;
export type LocalName<K extends HandlerKind> = (typeof HANDLER_LOCALS)[K][number];

/**
 * Parameter names FastAPI code conventionally gives a meaning to: `request`/`response` (FastAPI injects a
 * `Request`/`Response` into parameters a developer adds by these names) and `status` (`fastapi.status`).
 * Kept free in every handler so hand edits of the generated code do not clash.
 */
const CONVENTIONAL: readonly string[] = ['request', 'response', 'status'];

/** The names one handler binds: its locals, then its parameters as they are planned. */
export class Scope<K extends HandlerKind = HandlerKind> {
  readonly kind: K;
  private readonly names: Set<string>;
  private readonly locals: ReadonlySet<string>;

  constructor(kind: K) {
    this.kind = kind;
    this.locals = new Set(HANDLER_LOCALS[kind]);
    this.names = new Set([...PYTHON_KEYWORDS, ...CONVENTIONAL, ...this.locals]);
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  /** The locals registered for this kind of handler. */
  registered(): string[] {
    return [...this.locals];
  }

  /** A local the emitter writes in the body (only registered names type-check, and only they pass). */
  local(name: LocalName<K>): string {
    if (!this.locals.has(name)) throw new Error(`'${name}' is not a registered local of ${this.kind}`);
    return name;
  }

  /** A parameter with a fixed name (`session`, `body`, `limit`...): later parameters steer clear of it. */
  fixed(name: string): string {
    if (this.names.has(name) && !CONVENTIONAL.includes(name)) {
      throw new Error(`parameter '${name}' clashes in ${this.kind}`);
    }
    this.names.add(name);
    return name;
  }

  /**
   * Plans a parameter named after something of the design: `wanted` when it is free, else `rename(wanted)`
   * (numbered when that is taken too). The caller keeps the wire name as an alias.
   */
  param(wanted: string, rename: (name: string) => string): string {
    const name = uniqueName(this.names.has(wanted) ? rename(wanted) : wanted, this.names);
    this.names.add(name);
    return name;
  }
}

/** The registered locals of a handler kind by name: emitters can only spell names this table holds. */
export function localsOf<K extends HandlerKind>(kind: K): { readonly [N in LocalName<K>]: N } {
  return Object.fromEntries(HANDLER_LOCALS[kind].map((n) => [n, n])) as { readonly [N in LocalName<K>]: N };
}
