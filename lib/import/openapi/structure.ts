import { resourcePathFor } from '@/lib/design/names';
import { type Design, PRIMARY_KEY_REF } from '@/lib/design/schema';

/**
 * The structure of a design that an OpenAPI document can carry, as flat comparable lines: entities with
 * their fields (name, type, nullability), relations (kind, ends, names), resources (path, CRUD operations,
 * lookup, nesting) and custom endpoints. Used to check that our own documents import back to their design.
 */
export function designStructure(design: Design): string[] {
  const out: string[] = [];
  const entity = new Map(design.entities.map((e) => [e.id, e]));
  const nameOf = (id: string) => entity.get(id)?.name ?? id;
  for (const e of design.entities) {
    out.push(`entity ${e.name} pk=${e.primaryKey} timestamps=${e.timestamps}`);
    for (const f of e.fields) out.push(`field ${e.name}.${f.name} ${f.type}${f.nullable ? '?' : ''}`);
    const r = e.resource;
    const ops = Object.entries(r.operations)
      .filter(([, o]) => o.enabled)
      .map(([k]) => k);
    if (ops.length === 0) continue;
    const lookup =
      r.lookupFieldId === PRIMARY_KEY_REF
        ? 'id'
        : (e.fields.find((f) => f.id === r.lookupFieldId)?.name ?? '?');
    const parent = design.relations.find((x) => x.id === r.parentRelationId);
    out.push(
      `resource ${e.name} ${r.path ?? resourcePathFor(e.name)} ops=${ops.join(',')} lookup=${lookup}${parent ? ` under=${nameOf(parent.toEntityId)}` : ''}`,
    );
  }
  for (const r of design.relations) {
    out.push(
      `relation ${nameOf(r.fromEntityId)}.${r.fieldName} ${r.kind} ${nameOf(r.toEntityId)}.${r.backrefName}`,
    );
  }
  for (const c of design.customEndpoints) {
    const base = c.entityId
      ? (entity.get(c.entityId)?.resource.path ?? resourcePathFor(nameOf(c.entityId)))
      : '';
    out.push(`endpoint ${c.method} ${base}${c.path}`);
  }
  return out.sort();
}

/** Lines only in `expected` (missing) and only in `actual` (extra). */
export function structureDiff(expected: string[], actual: string[]): { missing: string[]; extra: string[] } {
  const a = new Set(actual);
  const e = new Set(expected);
  return { missing: expected.filter((x) => !a.has(x)), extra: actual.filter((x) => !e.has(x)) };
}
