import { API_KEY, fieldApiName, styled, timestampApiNames } from '../api-shape';
import { otherEnd } from '../members';
import { foreignKeyColumnFor, isSnakeCase, pydanticAttributeReason, reservedFieldNameReason } from '../names';
import { type AccessRule, type ComputedField, CRUD_OPERATIONS, type Entity, type Relation } from '../schema';
import type { Context } from './context';

const NUMERIC = new Set(['integer', 'bigint', 'float', 'decimal']);

/** The entity at the other end of a computed field's relation, when it is a to-many of `entity`; else why not. */
function relatedEnd(
  relation: Relation,
  entity: Entity,
  side: ComputedField['side'],
): { targetId: string } | { problem: string } {
  const self = relation.fromEntityId === relation.toEntityId;
  if (otherEnd(relation, entity.id) === undefined)
    return { problem: `relation '${relation.fieldName}' does not involve '${entity.name}'` };
  if (self && side === undefined)
    return {
      problem: `'${relation.fieldName}' relates '${entity.name}' to itself: choose a side ('field': through '${relation.fieldName}', 'backref': through '${relation.backrefName}')`,
    };
  const at = side ?? (relation.fromEntityId === entity.id ? 'field' : 'backref');
  const here = at === 'field' ? relation.fromEntityId : relation.toEntityId;
  if (here !== entity.id)
    return { problem: `'${entity.name}' is not on the ${at} side of '${relation.fieldName}'` };
  const targetId = at === 'field' ? relation.toEntityId : relation.fromEntityId;
  if (relation.kind === 'many-to-many') return { targetId };
  if (relation.kind === 'many-to-one' && at === 'backref') return { targetId };
  return {
    problem: `'${at === 'field' ? relation.fieldName : relation.backrefName}' leads to one row, not to many (count a many-to-one from its target, or a many-to-many)`,
  };
}

/** Whether an operation answering the entity knows its caller (per-viewer values need one). */
function knowsViewer(access: AccessRule): boolean {
  return access.kind !== 'public' || access.viewer === true;
}

/**
 * Computed fields (`Entity.computed`): snake_case names clear of the entity's fields, relations and each other
 * (in Python and in JSON), a to-many relation of the entity (a side for self-relations), a numeric field of the
 * related entity for sum/min/max, a field of it for `where`, `viewer-linked` over rows of the user entity with a
 * caller (public rules with `viewer`, or sign-in) wherever the value is answered, and sorts by
 * viewer-independent values only (no filters).
 */
export function checkComputed(ctx: Context): void {
  const { design, report } = ctx;
  const naming = design.api.naming;
  design.entities.forEach((entity, i) => {
    const list = entity.computed ?? [];
    if (list.length === 0) return;
    const path = `entities[${i}].computed`;
    const id = entity.id;
    const taken = new Set<string>(['id', 'created_at', 'updated_at']);
    const takenJson = new Set<string>([styled('id', naming)]);
    for (const f of entity.fields) {
      taken.add(f.name);
      takenJson.add(fieldApiName(f, naming));
    }
    if (entity.timestamps) {
      const stamps = timestampApiNames(design.api);
      takenJson.add(stamps.created).add(stamps.updated);
    }
    for (const r of design.relations) {
      if (r.fromEntityId === id) {
        taken.add(r.fieldName);
        takenJson.add(styled(r.fieldName, naming));
        if (r.kind !== 'many-to-many') {
          taken.add(foreignKeyColumnFor(r.fieldName));
          takenJson.add(styled(foreignKeyColumnFor(r.fieldName), naming));
        }
      }
      if (r.toEntityId === id) {
        taken.add(r.backrefName);
        takenJson.add(styled(r.backrefName, naming));
      }
    }
    list.forEach((c, k) => {
      const at = `${path}[${k}]`;
      const json = c.apiName ?? styled(c.name, naming);
      const reserved = reservedFieldNameReason(c.name) ?? pydanticAttributeReason(c.name);
      if (!isSnakeCase(c.name) || reserved) {
        report(
          'invalid-name',
          `${at}.name`,
          `Computed field '${c.name}' of '${entity.name}' ${reserved ?? 'needs a snake_case name (e.g. comments_count)'}.`,
          id,
        );
      } else if (taken.has(c.name)) {
        report(
          'duplicate-field-name',
          `${at}.name`,
          `Computed field '${c.name}' of '${entity.name}' clashes with a field, relation or other computed field of that name.`,
          id,
        );
      }
      if (c.apiName !== undefined && !API_KEY.test(c.apiName)) {
        report(
          'invalid-api-name',
          `${at}.apiName`,
          `The API name '${c.apiName}' of computed field '${c.name}' must be letters, digits and _ (not starting with a digit).`,
          id,
        );
      } else if (takenJson.has(json)) {
        report(
          'duplicate-api-name',
          `${c.apiName !== undefined ? `${at}.apiName` : `${at}.name`}`,
          `Computed field '${c.name}' of '${entity.name}' would be answered as '${json}', which another field already is.`,
          id,
        );
      }
      taken.add(c.name);
      takenJson.add(json);
      const relation = ctx.relations.get(c.relationId);
      if (!relation) {
        report(
          'unknown-relation',
          `${at}.relationId`,
          `Computed field '${c.name}' of '${entity.name}' uses a relation that no longer exists.`,
          id,
        );
        return;
      }
      const end = relatedEnd(relation, entity, c.side);
      if ('problem' in end) {
        report('invalid-computed', `${at}.relationId`, `Computed field '${c.name}': ${end.problem}.`, id);
        return;
      }
      const target = ctx.entities.get(end.targetId);
      if (!target) return;
      const fieldOfTarget = (fieldId: string) => {
        const found = ctx.fields.get(fieldId);
        return found && found.entity.id === target.id ? found.field : undefined;
      };
      if (c.kind === 'sum' || c.kind === 'min' || c.kind === 'max') {
        const field = c.fieldId === undefined ? undefined : fieldOfTarget(c.fieldId);
        if (!field) {
          report(
            c.fieldId === undefined || ctx.fields.has(c.fieldId) ? 'invalid-computed' : 'unknown-field',
            `${at}.fieldId`,
            `Computed field '${c.name}' (${c.kind}) needs a field of '${target.name}' to aggregate.`,
            id,
          );
        } else if (!NUMERIC.has(field.type)) {
          report(
            'invalid-computed',
            `${at}.fieldId`,
            `Computed field '${c.name}' cannot ${c.kind} '${target.name}.${field.name}': it is ${field.type}, not a number.`,
            id,
          );
        } else if (field.writeOnly || field.type === 'password') {
          report('invalid-computed', `${at}.fieldId`, `'${field.name}' is write-only.`, id);
        }
      }
      if (c.where) {
        const field = fieldOfTarget(c.where.fieldId);
        if (!field) {
          report(
            ctx.fields.has(c.where.fieldId) ? 'invalid-computed' : 'unknown-field',
            `${at}.where.fieldId`,
            `Computed field '${c.name}' filters by a field that is not one of '${target.name}'.`,
            id,
          );
        } else if (!whereValueFits(field.type, c.where.equals, field.nullable)) {
          report(
            'invalid-computed',
            `${at}.where.equals`,
            `Computed field '${c.name}': ${JSON.stringify(c.where.equals)} is no ${field.type} value of '${target.name}.${field.name}'.`,
            id,
          );
        } else if (field.type === 'password' || field.type === 'json') {
          report('invalid-computed', `${at}.where.fieldId`, `Cannot count by '${field.name}'.`, id);
        }
      }
      if (c.kind === 'viewer-linked') checkViewerLinked(ctx, entity, c, at, target);
    });
    checkComputedUse(ctx, entity, `entities[${i}].resource.operations.list`);
  });
}

function whereValueFits(type: string, value: unknown, nullable: boolean): boolean {
  if (value === null) return nullable;
  switch (type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
    case 'bigint':
      return typeof value === 'number' && Number.isInteger(value);
    case 'float':
      return typeof value === 'number';
    case 'decimal':
      return typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value));
    default:
      return typeof value === 'string';
  }
}

function checkViewerLinked(ctx: Context, entity: Entity, c: ComputedField, at: string, target: Entity): void {
  const auth = ctx.design.auth;
  if (!auth) {
    ctx.report(
      'viewer-without-auth',
      `${at}.kind`,
      `Computed field '${c.name}' tells whether the viewer is linked, but the design has no sign-in. Turn auth on.`,
      entity.id,
    );
    return;
  }
  if (target.id !== auth.userEntityId) {
    ctx.report(
      'invalid-computed',
      `${at}.relationId`,
      `Computed field '${c.name}' tells whether the viewer is linked: its relation must lead to the user entity, not '${target.name}'.`,
      entity.id,
    );
  }
  // Every operation answering the value knows its caller: the entity's own reads and writes, and the reads of
  // entities embedding it (when its embed view shows the value).
  const shows = (viewId: string | undefined) => {
    if (viewId === undefined) return true;
    const view = entity.views?.find((v) => v.id === viewId);
    return view ? view.fieldIds.includes(c.id) : true;
  };
  const blind = (owner: Entity, path: string, name: string) =>
    ctx.report(
      'invalid-computed',
      path,
      `'${name}' of '${owner.name}' answers '${c.name}' of '${entity.name}', which depends on the caller: make its access public with the viewer known, or require sign-in.`,
      entity.id,
    );
  const ops = entity.resource.operations;
  const index = ctx.design.entities.indexOf(entity);
  for (const name of CRUD_OPERATIONS) {
    const op = ops[name];
    if (name === 'delete' || !op.enabled || knowsViewer(op.access) || !shows(op.viewId)) continue;
    blind(entity, `entities[${index}].resource.operations.${name}.access`, name);
  }
  ctx.design.entities.forEach((other, j) => {
    const embeds = other.resource.embed.some((relationId) => {
      const relation = ctx.relations.get(relationId);
      return relation !== undefined && otherEnd(relation, other.id) === entity.id;
    });
    if (!embeds) return;
    const view = other.resource.embedViews?.find((v) => {
      const relation = ctx.relations.get(v.relationId);
      return relation !== undefined && otherEnd(relation, other.id) === entity.id;
    });
    if (!shows(view?.viewId ?? entity.embedViewId)) return;
    for (const name of ['list', 'get'] as const) {
      const op = other.resource.operations[name];
      if (!op.enabled || knowsViewer(op.access)) continue;
      blind(other, `entities[${j}].resource.operations.${name}.access`, name);
    }
  });
}

/** Lists sort by viewer-independent computed values; none filters by one. */
function checkComputedUse(ctx: Context, entity: Entity, listPath: string): void {
  const list = entity.resource.operations.list;
  const computed = new Map((entity.computed ?? []).map((c) => [c.id, c]));
  const sortRef = (ref: { relationId?: string; fieldId: string }, path: string) => {
    const c = ref.relationId === undefined ? computed.get(ref.fieldId) : undefined;
    if (c?.kind === 'viewer-linked')
      ctx.report(
        'invalid-computed',
        path,
        `'${entity.name}' cannot sort by '${c.name}': it differs per caller.`,
        entity.id,
      );
  };
  list.sortable.forEach((ref, k) => {
    sortRef(ref, `${listPath}.sortable[${k}]`);
  });
  if (list.defaultOrder) sortRef(list.defaultOrder.field, `${listPath}.defaultOrder.field`);
  list.filters.forEach((ref, k) => {
    const c = ref.relationId === undefined ? computed.get(ref.fieldId) : undefined;
    if (c)
      ctx.report(
        'invalid-computed',
        `${listPath}.filters[${k}]`,
        `'${entity.name}' cannot filter by the computed field '${c.name}' (sort by it instead).`,
        entity.id,
      );
  });
}
