import type { Relation } from '../schema';
import type { Context } from './context';

function hasManyToOne(ctx: Context, fromId: string, toId: string): boolean {
  return ctx.design.relations.some(
    (r) => r.kind === 'many-to-one' && r.fromEntityId === fromId && r.toEntityId === toId,
  );
}

function checkRelation(ctx: Context, relation: Relation, path: string): void {
  const { report } = ctx;
  const id = relation.id;
  const from = ctx.entities.get(relation.fromEntityId);
  const to = ctx.entities.get(relation.toEntityId);
  if (!from)
    report(
      'unknown-entity',
      `${path}.fromEntityId`,
      `Relation '${relation.fieldName}' starts at an entity that no longer exists.`,
      id,
    );
  if (!to)
    report(
      'unknown-entity',
      `${path}.toEntityId`,
      `Relation '${relation.fieldName}' points to an entity that no longer exists.`,
      id,
    );
  const label = `Relation '${from?.name ?? '?'}.${relation.fieldName}'`;
  if (relation.kind !== 'many-to-many') {
    if (relation.onDelete === 'set-null' && !relation.nullable) {
      report(
        'invalid-on-delete',
        `${path}.onDelete`,
        `${label}: 'set null' on delete needs a nullable relation; make it optional or choose cascade/restrict.`,
        id,
      );
    }
    if (relation.throughEntityId !== undefined || relation.associationTable !== undefined) {
      report(
        'invalid-relation-option',
        path,
        `${label}: an association table or through entity only applies to many-to-many relations.`,
        id,
      );
    }
    return;
  }
  if (relation.throughEntityId === undefined) return;
  if (relation.associationTable !== undefined) {
    report(
      'invalid-relation-option',
      `${path}.associationTable`,
      `${label} goes through an entity, so it cannot also name an association table.`,
      id,
    );
  }
  const through = ctx.entities.get(relation.throughEntityId);
  if (!through) {
    report(
      'unknown-entity',
      `${path}.throughEntityId`,
      `${label} goes through an entity that no longer exists.`,
      id,
    );
    return;
  }
  if (through.id === relation.fromEntityId || through.id === relation.toEntityId) {
    report(
      'invalid-through',
      `${path}.throughEntityId`,
      `${label} cannot go through one of its own ends.`,
      id,
    );
    return;
  }
  for (const end of [from, to]) {
    if (end && !hasManyToOne(ctx, through.id, end.id)) {
      report(
        'invalid-through',
        `${path}.throughEntityId`,
        `${label} goes through '${through.name}', which needs a many-to-one relation to '${end.name}'.`,
        id,
      );
    }
  }
}

export function checkRelations(ctx: Context): void {
  ctx.design.relations.forEach((relation, i) => {
    checkRelation(ctx, relation, `relations[${i}]`);
  });
  checkRequiredCycles(ctx);
}

type Edge = { relation: Relation; index: number };

/** Strongly connected components (Tarjan), each in discovery order. */
function components(nodes: readonly string[], edges: ReadonlyMap<string, Edge[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    onStack.add(node);
    for (const { relation } of edges.get(node) ?? []) {
      const next = relation.toEntityId;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      out.push(component.reverse());
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return out;
}

/** A shortest cycle through `start` using only edges inside `inside`. */
function cycleThrough(
  start: string,
  inside: ReadonlySet<string>,
  edges: ReadonlyMap<string, Edge[]>,
): Edge[] {
  const via = new Map<string, Edge>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i] as string;
    for (const edge of edges.get(node) ?? []) {
      const next = edge.relation.toEntityId;
      if (next === start) {
        const cycle = [edge];
        for (let at = node; at !== start; ) {
          const back = via.get(at) as Edge;
          cycle.unshift(back);
          at = back.relation.fromEntityId;
        }
        return cycle;
      }
      if (inside.has(next) && !via.has(next)) {
        via.set(next, edge);
        queue.push(next);
      }
    }
  }
  return [];
}

/**
 * Required (non-nullable) foreign keys that form a cycle: every row needs an existing row of the next table,
 * so none can be inserted first. A self-relation that is required is the shortest such cycle.
 */
function checkRequiredCycles(ctx: Context): void {
  const edges = new Map<string, Edge[]>();
  ctx.design.relations.forEach((relation, index) => {
    if (relation.kind === 'many-to-many' || relation.nullable) return;
    if (!ctx.entities.has(relation.fromEntityId) || !ctx.entities.has(relation.toEntityId)) return;
    const list = edges.get(relation.fromEntityId) ?? [];
    list.push({ relation, index });
    edges.set(relation.fromEntityId, list);
  });
  if (edges.size === 0) return;
  const nodes = ctx.design.entities.map((e) => e.id);
  for (const component of components(nodes, edges)) {
    const start = component[0] as string;
    const selfLoop = (edges.get(start) ?? []).some((e) => e.relation.toEntityId === start);
    if (component.length === 1 && !selfLoop) continue;
    const cycle = cycleThrough(start, new Set(component), edges);
    const last = cycle[cycle.length - 1];
    if (!last) continue;
    const name = (id: string) => ctx.entities.get(id)?.name ?? '?';
    const steps = cycle.map(
      ({ relation }) => `${name(relation.fromEntityId)}.${relation.fieldName} → ${name(relation.toEntityId)}`,
    );
    ctx.report(
      'required-fk-cycle',
      `relations[${last.index}].nullable`,
      `Required relations form a cycle (${steps.join(', ')}): every row needs an existing row of the next entity, so none can be created first. Make one of these relations optional.`,
      last.relation.id,
    );
  }
}
