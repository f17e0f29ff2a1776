import { emptyDesign } from '../factories';
import { applyOperation, type Operation } from '../operations';
import type { Design, FieldType } from '../schema';
import { createRng, type Rng } from './random';
import { randomApiShape } from './random-api-shape';
import { withRandomAuthShape } from './random-auth-shape';
import { drawShapeOptions } from './random-nesting';

const NOUNS = [
  'Author',
  'Book',
  'Invoice',
  'Customer',
  'Project',
  'Task',
  'Ticket',
  'Event',
  'Venue',
  'Album',
  'Track',
  'Artist',
  'Course',
  'Lesson',
  'Student',
  'Teacher',
  'Recipe',
  'Ingredient',
  'Vehicle',
  'Driver',
  'Garage',
  'Shipment',
  'Warehouse',
  'Supplier',
  'Payment',
  'Account',
  'Budget',
  'Expense',
  'Meeting',
  'Room',
];
const FIELD_NAMES = [
  'title',
  'label',
  'code',
  'amount',
  'quantity',
  'rating',
  'notes',
  'summary',
  'starts_on',
  'ends_at',
  'enabled',
  'score',
  'weight',
  'homepage',
  'contact_email',
  'external_ref',
  'settings',
  'color',
  'level',
  'price',
];
const SIMPLE_TYPES: FieldType[] = [
  'string',
  'text',
  'integer',
  'bigint',
  'float',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'uuid',
  'json',
  'email',
  'url',
  'enum',
];

type FieldInput = Extract<Operation, { op: 'addField' }>['field'];

function randomField(
  rng: Rng,
  id: string,
  name: string,
  enumIds: string[],
  enumValues: Map<string, string[]>,
) {
  const type = rng.pick(enumIds.length > 0 ? SIMPLE_TYPES : SIMPLE_TYPES.filter((t) => t !== 'enum'));
  const field: FieldInput = {
    id,
    name,
    type,
    nullable: rng.bool(0.3),
    description: rng.bool() ? `The ${name}.` : '',
  };
  if (type === 'string') {
    const maxLength = 10 + rng.int(245);
    field.constraints = { maxLength };
    field.unique = rng.bool(0.3);
    if (rng.bool(0.3)) field.default = { kind: 'literal', value: 'x'.repeat(rng.int(maxLength)) };
  } else if (type === 'integer' || type === 'bigint') {
    const min = rng.int(10);
    field.constraints = { min, max: min + rng.int(1000) };
    if (rng.bool(0.4)) field.default = { kind: 'literal', value: min };
  } else if (type === 'decimal') {
    field.precision = 10;
    field.scale = 2;
  } else if (type === 'boolean') {
    field.default = { kind: 'literal', value: rng.bool() };
  } else if (type === 'datetime' && rng.bool()) {
    field.default = { kind: 'now' };
    field.readOnly = true;
  } else if (type === 'uuid' && rng.bool()) {
    field.default = { kind: 'uuid' };
  } else if (type === 'enum') {
    const enumId = rng.pick(enumIds);
    field.enumId = enumId;
    const values = enumValues.get(enumId) ?? [];
    if (values[0] !== undefined && rng.bool()) field.default = { kind: 'literal', value: values[0] };
  }
  return field;
}

/**
 * A deterministic, semantically valid design (validateDesign returns no problems) with about `size`
 * entities, built through the operations. Covers every field type, enums, relations of every kind, auth with
 * owner rules, filters, sorts and custom endpoints.
 */
export function randomDesign(seed: number, size: number): Design {
  const rng = createRng(seed);
  const ops: Operation[] = [];
  const entityIds: string[] = [];
  const enumIds: string[] = [];
  const enumValues = new Map<string, string[]>();
  for (let i = 0; i < rng.int(3); i++) {
    const values = ['alpha', 'beta', 'gamma', 'delta'].slice(0, 1 + rng.int(4));
    enumIds.push(`enum${i}`);
    enumValues.set(`enum${i}`, values);
    ops.push({ op: 'addEnum', id: `enum${i}`, name: `Kind${i}`, values, position: { x: i * 240, y: -200 } });
  }
  const withAuth = rng.bool(0.6);
  if (withAuth) {
    ops.push(
      { op: 'addEntity', id: 'user', name: 'User', position: { x: -300, y: 0 } },
      {
        op: 'addField',
        entityId: 'user',
        field: { id: 'user.email', name: 'email', type: 'email', unique: true },
      },
      {
        op: 'addField',
        entityId: 'user',
        field: { id: 'user.password', name: 'password', type: 'password' },
      },
      {
        op: 'setAuth',
        auth: {
          userEntityId: 'user',
          loginFieldId: 'user.email',
          passwordFieldId: 'user.password',
          tokenLifetimeMinutes: 30,
        },
      },
      {
        op: 'updateResource',
        entityId: 'user',
        patch: {
          operations: { update: { access: { kind: 'owner' } }, delete: { access: { kind: 'owner' } } },
        },
      },
    );
  }
  for (let i = 0; i < size; i++) {
    const id = `e${i}`;
    const name = `${NOUNS[i % NOUNS.length]}${i >= NOUNS.length ? Math.floor(i / NOUNS.length) + 1 : ''}`;
    entityIds.push(id);
    ops.push({
      op: 'addEntity',
      id,
      name,
      position: { x: (i % 8) * 280, y: Math.floor(i / 8) * 320 },
      primaryKey: rng.bool(0.3) ? 'uuid' : 'int',
      timestamps: rng.bool(0.7),
    });
    const names = rng.shuffle(FIELD_NAMES).slice(0, 1 + rng.int(6));
    names.forEach((fieldName, j) => {
      ops.push({
        op: 'addField',
        entityId: id,
        field: randomField(rng, `${id}.f${j}`, fieldName, enumIds, enumValues),
      });
    });
  }
  let design = ops.reduce(applyOperation, emptyDesign(`Random ${seed}`));
  const next = (op: Operation) => {
    design = applyOperation(design, op);
  };
  entityIds.forEach((id, i) => {
    if (i > 0 && rng.bool(0.7)) {
      const kind = rng.pick(['many-to-one', 'many-to-one', 'one-to-one', 'many-to-many'] as const);
      next({
        op: 'connect',
        id: `r${i}`,
        fromEntityId: id,
        toEntityId: rng.pick(entityIds.slice(0, i)),
        kind,
        nullable: rng.bool(),
      });
    }
    if (rng.bool(0.1))
      next({ op: 'connect', id: `self${i}`, fromEntityId: id, toEntityId: id, nullable: true });
    const entity = design.entities.find((e) => e.id === id);
    const plain = (entity?.fields ?? []).filter((f) => f.type !== 'json');
    const unique = plain.find((f) => f.unique && !f.nullable);
    const list = {
      filters: plain.filter(() => rng.bool(0.4)).map((f) => ({ fieldId: f.id })),
      sortable: plain.filter(() => rng.bool(0.3)).map((f) => ({ fieldId: f.id })),
      defaultPageSize: 10 + rng.int(40),
      maxPageSize: 50 + rng.int(100),
    };
    next({
      op: 'updateResource',
      entityId: id,
      patch: { lookupFieldId: unique?.id ?? 'id', operations: { list } },
    });
    if (withAuth && rng.bool(0.5)) {
      next({
        op: 'connect',
        id: `owner${i}`,
        fromEntityId: id,
        toEntityId: 'user',
        fieldName: 'owner',
        backrefName: `owned_${i}`,
      });
      const owner = { kind: 'owner' as const };
      next({
        op: 'updateResource',
        entityId: id,
        patch: {
          ownerRelationId: `owner${i}`,
          operations: {
            create: { access: { kind: 'authenticated' } },
            update: { access: owner },
            delete: { access: owner },
          },
        },
      });
    }
    if (rng.bool(0.2)) {
      next({
        op: 'addCustomEndpoint',
        endpoint: {
          id: `c${i}`,
          entityId: id,
          method: 'POST',
          path: `/{id}/action${i}`,
          summary: 'Custom action',
          access: { kind: 'public' },
        },
      });
    }
  });
  // Generators of their own: the draws above (and so the designs of existing seeds) stay as they were.
  next({ op: 'setApiShape', api: randomApiShape(createRng(seed ^ 0x5ba9e), design.api) });
  return withRandomAuthShape(drawShapeOptions(design, seed), seed);
}
