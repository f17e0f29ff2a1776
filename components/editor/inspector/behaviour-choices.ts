import {
  type ComputedField,
  type Design,
  type Entity,
  type Field,
  type Relation,
  type RelationHop,
  type RelationSide,
  type ResourceAction,
  uniqueName,
  type ViewerList,
} from '@/lib/design';

/** One step from an entity along a relation, as the inspector offers it: `followers (User)`. */
export type HopChoice = {
  /** `relationId|side`: the select's value (the side is explicit here, stored only for self-relations). */
  value: string;
  hop: RelationHop;
  relation: Relation;
  /** The entity at the end of the step. */
  targetId: string;
  /** The attribute of the step on the entity it leaves from (`followers`). */
  name: string;
  label: string;
  toMany: boolean;
};

const nameOf = (design: Pick<Design, 'entities'>, id: string) =>
  design.entities.find((e) => e.id === id)?.name || '(unnamed)';

/** The side a stored hop leaves from: its own `side`, else the end `entityId` is on. */
export function hopSide(hop: RelationHop, relation: Relation, entityId: string): RelationSide {
  return hop.side ?? (relation.fromEntityId === entityId ? 'field' : 'backref');
}

export function hopValue(hop: RelationHop, design: Pick<Design, 'relations'>, entityId: string): string {
  const relation = design.relations.find((r) => r.id === hop.relationId);
  return relation ? `${relation.id}|${hopSide(hop, relation, entityId)}` : '';
}

/** Every step leaving `entityId` (both directions of a self-relation). */
export function hopsFrom(design: Pick<Design, 'entities' | 'relations'>, entityId: string): HopChoice[] {
  const out: HopChoice[] = [];
  for (const relation of design.relations) {
    const self = relation.fromEntityId === relation.toEntityId;
    const sides: RelationSide[] = [];
    if (relation.fromEntityId === entityId) sides.push('field');
    if (relation.toEntityId === entityId) sides.push('backref');
    for (const side of sides) {
      const targetId = side === 'field' ? relation.toEntityId : relation.fromEntityId;
      const name = (side === 'field' ? relation.fieldName : relation.backrefName) || '(unnamed)';
      const toMany =
        relation.kind === 'many-to-many' || (relation.kind === 'many-to-one' && side === 'backref');
      out.push({
        value: `${relation.id}|${side}`,
        hop: self ? { relationId: relation.id, side } : { relationId: relation.id },
        relation,
        targetId,
        name,
        label: `${name} (${nameOf(design, targetId)})`,
        toMany,
      });
    }
  }
  return out;
}

export const toManyHops = (design: Pick<Design, 'entities' | 'relations'>, entityId: string) =>
  hopsFrom(design, entityId).filter((h) => h.toMany);

export const manyToManyHops = (design: Pick<Design, 'entities' | 'relations'>, entityId: string) =>
  hopsFrom(design, entityId).filter((h) => h.relation.kind === 'many-to-many');

export const isAggregate = (kind: ComputedField['kind']) =>
  kind === 'sum' || kind === 'min' || kind === 'max';

export const NUMERIC_TYPES: ReadonlySet<Field['type']> = new Set(['integer', 'bigint', 'float', 'decimal']);

/** Fields a `sum` / `min` / `max` may aggregate: the numeric ones. */
export function aggregateFields(entity: Entity | undefined): Field[] {
  return (entity?.fields ?? []).filter((f) => NUMERIC_TYPES.has(f.type));
}

/** Hops a computed field of `kind` can count over: to-many ones; `viewer-linked` only those reaching the user. */
export function computedHops(
  design: Pick<Design, 'entities' | 'relations' | 'auth'>,
  entityId: string,
  kind: ComputedField['kind'],
): HopChoice[] {
  const hops = toManyHops(design, entityId);
  if (kind !== 'viewer-linked') return hops;
  return hops.filter((h) => h.targetId === design.auth?.userEntityId);
}

const COMPUTED_BASE: Record<ComputedField['kind'], (hop: string) => string> = {
  count: (hop) => `${hop}_count`,
  exists: (hop) => `has_${hop}`,
  'viewer-linked': (hop) => `in_${hop}`,
  sum: (hop) => `${hop}_total`,
  min: (hop) => `${hop}_min`,
  max: (hop) => `${hop}_max`,
};

/** Names the entity's responses already use: fields and computed fields (relation attributes never clash here). */
export function takenNames(entity: Entity): Set<string> {
  return new Set([...entity.fields.map((f) => f.name), ...(entity.computed ?? []).map((c) => c.name)]);
}

/** A new computed field of `kind` over the first relation that fits, named after it (`comments_count`). */
export function computedDraft(
  design: Pick<Design, 'entities' | 'relations' | 'auth'>,
  entity: Entity,
  kind: ComputedField['kind'],
  id: string,
): ComputedField | null {
  const aggregate = isAggregate(kind);
  const hop = computedHops(design, entity.id, kind).find(
    (h) => !aggregate || aggregateFields(entityOf(design, h.targetId)).length > 0,
  );
  if (!hop) return null;
  const name = uniqueName(COMPUTED_BASE[kind](hop.name), takenNames(entity));
  const field = aggregate ? aggregateFields(entityOf(design, hop.targetId))[0] : undefined;
  return { id, name, kind, ...hop.hop, ...(field ? { fieldId: field.id } : {}) };
}

export const entityOf = (design: Pick<Design, 'entities'>, id: string) =>
  design.entities.find((e) => e.id === id);

/**
 * Paths from `entityId` to the user entity, up to `maxHops` steps, never straight back along the step just taken:
 * `author` (my posts), `author → followers` (a feed of the authors the viewer follows).
 */
export function viewerPaths(
  design: Pick<Design, 'entities' | 'relations' | 'auth'>,
  entityId: string,
  maxHops = 3,
  limit = 40,
): { value: string; label: string; path: RelationHop[] }[] {
  const userId = design.auth?.userEntityId;
  const out: { value: string; label: string; path: RelationHop[] }[] = [];
  if (!userId) return out;
  const walk = (at: string, steps: HopChoice[]) => {
    for (const step of hopsFrom(design, at)) {
      if (out.length >= limit) return;
      const last = steps[steps.length - 1];
      // Back along the step just taken (`author` then `posts`) only returns to where the path was.
      if (last && last.relation.id === step.relation.id && last.value !== step.value) continue;
      const next = [...steps, step];
      if (step.targetId === userId) {
        out.push({
          value: next.map((s) => s.value).join(','),
          label: next.map((s) => s.name).join(' → '),
          path: next.map((s) => s.hop),
        });
      }
      if (next.length < maxHops) walk(step.targetId, next);
    }
  };
  walk(entityId, []);
  return out;
}

/** The value of a stored path in `viewerPaths`' terms (each hop's explicit side, from the entity it leaves). */
export function pathValue(
  design: Pick<Design, 'relations'>,
  entityId: string,
  path: readonly RelationHop[],
): string {
  let at = entityId;
  const parts: string[] = [];
  for (const hop of path) {
    const relation = design.relations.find((r) => r.id === hop.relationId);
    if (!relation) return '';
    const side = hopSide(hop, relation, at);
    parts.push(`${relation.id}|${side}`);
    at = side === 'field' ? relation.toEntityId : relation.fromEntityId;
  }
  return parts.join(',');
}

/** A link action over the first many-to-many relation: the viewer when its other end is the user, else a row. */
export function linkActionDraft(
  design: Pick<Design, 'entities' | 'relations' | 'auth'>,
  entity: Entity,
  id: string,
): ResourceAction | null {
  const hops = manyToManyHops(design, entity.id);
  const hop = hops.find((h) => h.targetId === design.auth?.userEntityId) ?? hops[0];
  if (!hop) return null;
  const viewer = hop.targetId === design.auth?.userEntityId;
  return {
    id,
    kind: 'link',
    name: uniqueName('link', actionNames(entity)),
    ...hop.hop,
    target: viewer ? 'viewer' : 'row',
    access: { kind: 'authenticated' },
  };
}

/** A set action turning the first boolean field on (publish), with `now` for a datetime field when there is one. */
export function setActionDraft(entity: Entity, id: string): ResourceAction {
  const flag = entity.fields.find((f) => f.type === 'boolean');
  const stamp = entity.fields.find((f) => f.type === 'datetime' && !f.derive);
  const sets: Extract<ResourceAction, { kind: 'set' }>['sets'] = [];
  if (flag) sets.push({ fieldId: flag.id, value: { kind: 'literal', value: true } });
  if (flag && stamp) sets.push({ fieldId: stamp.id, value: { kind: 'now' } });
  const owned = entity.resource.ownerRelationId !== undefined || entity.resource.ownerPath !== undefined;
  return {
    id,
    kind: 'set',
    name: uniqueName('action', actionNames(entity)),
    method: 'POST',
    sets,
    access: owned ? { kind: 'owner' } : { kind: 'authenticated' },
  };
}

function actionNames(entity: Entity): Set<string> {
  return new Set([
    ...(entity.resource.actions ?? []).map((a) => a.name),
    ...(entity.resource.viewerLists ?? []).map((v) => v.name),
  ]);
}

/** A viewer list along the shortest path to the user, named `feed` (or `mine` when the path is one step). */
export function viewerListDraft(
  design: Pick<Design, 'entities' | 'relations' | 'auth'>,
  entity: Entity,
  id: string,
): ViewerList | null {
  const path = viewerPaths(design, entity.id)[0]?.path;
  if (!path) return null;
  return {
    id,
    name: uniqueName(path.length === 1 ? 'mine' : 'feed', actionNames(entity)),
    mount: 'resource',
    path,
  };
}
