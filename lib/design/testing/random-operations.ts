import fc from 'fast-check';
import { OPERATION_NAMES, type Operation, type OperationName } from '../operations';
import { type Design, FIELD_TYPES, HTTP_METHODS, type RelationKind } from '../schema';

/** The random choices behind one operation; resolved against the current design by `operationFromSeed`. */
export type OperationSeed = { op: OperationName; picks: number[]; text: string; flag: boolean };

export const operationSeedArbitrary: fc.Arbitrary<OperationSeed> = fc.record({
  op: fc.constantFrom(...OPERATION_NAMES),
  picks: fc.array(fc.nat({ max: 1000 }), { minLength: 6, maxLength: 6 }),
  text: fc.string({ maxLength: 12 }),
  flag: fc.boolean(),
});

const KINDS: RelationKind[] = ['many-to-one', 'one-to-one', 'many-to-many'];

/**
 * Builds an operation from ids that exist in `design` (about one pick in ten is an unknown id, and one seed in
 * twenty is malformed, so the rejection paths are exercised too). `step` makes new ids unique.
 */
export function operationFromSeed(design: Design, seed: OperationSeed, step: number): Operation {
  const picks = [...seed.picks];
  const nat = () => picks.shift() ?? 0;
  const from = (ids: string[]): string => {
    const n = nat();
    return n % 10 === 9 || ids.length === 0 ? 'missing' : (ids[n % ids.length] ?? 'missing');
  };
  const entityIds = design.entities.map((e) => e.id);
  const fieldIds = design.entities.flatMap((e) => e.fields.map((f) => f.id));
  const relationIds = design.relations.map((r) => r.id);
  const enumIds = design.enums.map((e) => e.id);
  const endpointIds = design.customEndpoints.map((c) => c.id);
  const id = `n${step}`;
  const { text, flag } = seed;
  const position = { x: nat(), y: nat() };
  if (seed.picks[5] !== undefined && seed.picks[5] % 20 === 0) return { op: seed.op } as unknown as Operation;
  switch (seed.op) {
    case 'addEntity':
      return { op: 'addEntity', id, name: text, position, timestamps: flag };
    case 'renameEntity':
      return { op: 'renameEntity', entityId: from(entityIds), name: text };
    case 'updateEntity':
      return {
        op: 'updateEntity',
        entityId: from(entityIds),
        patch: { description: text, primaryKey: flag ? 'uuid' : 'int', tableName: flag ? null : text },
      };
    case 'deleteEntity':
      return { op: 'deleteEntity', entityId: from(entityIds) };
    case 'duplicateEntity':
      return { op: 'duplicateEntity', entityId: from(entityIds), newId: id };
    case 'moveNode':
      return { op: 'moveNode', id: from([...entityIds, ...enumIds]), ...position };
    case 'toggleCollapsed':
      return { op: 'toggleCollapsed', id: from([...entityIds, ...enumIds]) };
    case 'addField': {
      const type = FIELD_TYPES[nat() % FIELD_TYPES.length] ?? 'string';
      const enumId = type === 'enum' && enumIds.length > 0 ? { enumId: from(enumIds) } : {};
      return { op: 'addField', entityId: from(entityIds), field: { id, name: text, type, ...enumId } };
    }
    case 'renameField':
      return { op: 'renameField', fieldId: from(fieldIds), name: text };
    case 'updateField':
      return {
        op: 'updateField',
        fieldId: from(fieldIds),
        patch: {
          type: FIELD_TYPES[nat() % FIELD_TYPES.length],
          nullable: flag,
          default: flag ? { kind: 'literal', value: text } : null,
          constraints: { maxLength: nat() },
          enumId: flag ? null : from(enumIds),
        },
      };
    case 'deleteField':
      return { op: 'deleteField', fieldId: from(fieldIds) };
    case 'moveField':
      return { op: 'moveField', fieldId: from(fieldIds), toIndex: nat() % 8 };
    case 'addEnum':
      return { op: 'addEnum', id, name: text, values: [text, 'a'], ...(flag ? { position } : {}) };
    case 'renameEnum':
      return { op: 'renameEnum', enumId: from(enumIds), name: text };
    case 'updateEnumValues':
      return { op: 'updateEnumValues', enumId: from(enumIds), values: flag ? [] : [text] };
    case 'deleteEnum':
      return { op: 'deleteEnum', enumId: from(enumIds) };
    case 'connect':
      return {
        op: 'connect',
        id,
        fromEntityId: from(entityIds),
        toEntityId: from(entityIds),
        kind: KINDS[nat() % KINDS.length],
        nullable: flag,
        ...(nat() % 4 === 0 ? { throughEntityId: from(entityIds) } : {}),
      };
    case 'updateRelation':
      return {
        op: 'updateRelation',
        relationId: from(relationIds),
        patch: {
          kind: KINDS[nat() % KINDS.length],
          nullable: flag,
          throughEntityId: flag ? null : from(entityIds),
          fieldName: text,
        },
      };
    case 'deleteRelation':
      return { op: 'deleteRelation', relationId: from(relationIds) };
    case 'updateResource': {
      const entityId = from(entityIds);
      const own = design.entities.find((e) => e.id === entityId)?.fields.map((f) => f.id) ?? [];
      return {
        op: 'updateResource',
        entityId,
        patch: {
          lookupFieldId: flag ? 'id' : from(own),
          ownerRelationId: flag ? null : from(relationIds),
          embed: flag ? [] : [from(relationIds)],
          operations: {
            list: {
              filters: [{ fieldId: from(fieldIds) }, { relationId: from(relationIds), fieldId: 'id' }],
              sortable: [{ fieldId: from(fieldIds) }],
              defaultOrder: flag ? null : { field: { fieldId: from(fieldIds) }, direction: 'desc' },
            },
            update: { access: flag ? { kind: 'owner' } : { kind: 'roles', roles: [text] } },
          },
        },
      };
    }
    case 'addCustomEndpoint':
      return {
        op: 'addCustomEndpoint',
        endpoint: {
          id,
          ...(flag ? { entityId: from(entityIds) } : {}),
          method: HTTP_METHODS[nat() % HTTP_METHODS.length] ?? 'GET',
          path: `/${text}`,
          summary: text,
          access: { kind: 'public' },
          ...(nat() % 2 === 0 ? { response: { entityId: from(entityIds), list: flag } } : {}),
        },
      };
    case 'updateCustomEndpoint':
      return {
        op: 'updateCustomEndpoint',
        endpointId: from(endpointIds),
        patch: { summary: text, entityId: flag ? null : from(entityIds) },
      };
    case 'deleteCustomEndpoint':
      return { op: 'deleteCustomEndpoint', endpointId: from(endpointIds) };
    case 'setAuth': {
      if (flag) return { op: 'setAuth', auth: null };
      const userEntityId = from(entityIds);
      const own = design.entities.find((e) => e.id === userEntityId)?.fields.map((f) => f.id) ?? [];
      return {
        op: 'setAuth',
        auth: {
          userEntityId,
          loginFieldId: from(own),
          passwordFieldId: from(own),
          tokenLifetimeMinutes: 1 + nat(),
        },
      };
    }
    case 'renameDesign':
      return { op: 'renameDesign', name: text };
    case 'deleteComputedField': {
      const entityId = from(entityIds);
      const own = design.entities.find((e) => e.id === entityId)?.computed?.map((c) => c.id) ?? [];
      return { op: 'deleteComputedField', entityId, computedId: from(own) };
    }
    case 'setApiShape': {
      const errors = (['fastapi', 'problem', 'field-map'] as const)[nat() % 3] ?? 'fastapi';
      if (nat() % 3 === 0) return { op: 'setApiShape', api: { errors } };
      return flag
        ? { op: 'setApiShape', api: { naming: nat() % 2 === 0 ? 'camelCase' : 'snake_case' } }
        : { op: 'setApiShape', api: { objects: { wrap: nat() % 2 === 0, key: text } } };
    }
  }
}
