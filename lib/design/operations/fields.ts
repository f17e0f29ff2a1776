import { z } from 'zod';
import { newField } from '../factories';
import {
  ConstraintsSchema,
  type Design,
  type Field,
  FieldDefaultSchema,
  FieldDeriveSchema,
  FieldSchema,
  FieldTypeSchema,
  FieldVisibilitySchema,
  IdSchema,
} from '../schema';
import { removeFieldRefs } from './cleanup';
import { OperationError } from './errors';
import {
  assertFreshId,
  getEnum,
  getFieldOwner,
  getRelation,
  mapEntity,
  mapFields,
  withoutUndefined,
} from './helpers';

/** A new field: id, name and type are required, the rest defaults like `newField`. */
export const FieldInputSchema = FieldSchema.partial().required({ id: true, name: true, type: true });

export const AddFieldArgs = z.object({
  entityId: IdSchema,
  field: FieldInputSchema,
  /** Insert position; appended when absent. */
  index: z.number().int().nonnegative().optional(),
});
export function addField(design: Design, args: z.infer<typeof AddFieldArgs>): Design {
  assertFreshId(design, args.field.id);
  const { id, name, type, ...props } = args.field;
  if (props.enumId !== undefined) getEnum(design, props.enumId);
  if (props.copyFrom) {
    getRelation(design, props.copyFrom.relationId);
    getFieldOwner(design, props.copyFrom.fieldId);
  }
  if (props.derive) getFieldOwner(design, props.derive.fromFieldId);
  const field = newField(id, name, type, withoutUndefined(props));
  return mapEntity(design, args.entityId, (e) => {
    const fields = [...e.fields];
    fields.splice(args.index ?? fields.length, 0, field);
    return { ...e, fields };
  });
}

function updateFieldIn(design: Design, fieldId: string, update: (field: Field) => Field): Design {
  const owner = getFieldOwner(design, fieldId);
  return mapEntity(design, owner.id, (e) => mapFields(e, (f) => (f.id === fieldId ? update(f) : f)));
}

export const RenameFieldArgs = z.object({ fieldId: IdSchema, name: z.string() });
export function renameField(design: Design, args: z.infer<typeof RenameFieldArgs>): Design {
  return updateFieldIn(design, args.fieldId, (f) => ({ ...f, name: args.name }));
}

/** Optional props take null to clear them. `constraints` replaces the whole object. */
export const FieldPatchSchema = z.object({
  type: FieldTypeSchema.optional(),
  nullable: z.boolean().optional(),
  unique: z.boolean().optional(),
  indexed: z.boolean().optional(),
  readOnly: z.boolean().optional(),
  writeOnly: z.boolean().optional(),
  visibility: FieldVisibilitySchema.optional(),
  copyFrom: FieldSchema.shape.copyFrom.unwrap().nullable().optional(),
  derive: FieldDeriveSchema.nullable().optional(),
  description: z.string().optional(),
  constraints: ConstraintsSchema.optional(),
  default: FieldDefaultSchema.nullable().optional(),
  example: z.json().optional(),
  enumId: IdSchema.nullable().optional(),
  precision: z.number().int().positive().nullable().optional(),
  scale: z.number().int().nonnegative().nullable().optional(),
  /** null: back to the name in the project's naming style. */
  apiName: z.string().nullable().optional(),
});
export type FieldPatch = z.infer<typeof FieldPatchSchema>;

export const UpdateFieldArgs = z.object({ fieldId: IdSchema, patch: FieldPatchSchema });
/** Changing the type drops props that only meant something for the old type (enumId, precision/scale). */
export function updateField(design: Design, args: z.infer<typeof UpdateFieldArgs>): Design {
  const { patch } = args;
  if (typeof patch.enumId === 'string') getEnum(design, patch.enumId);
  if (patch.copyFrom) {
    getRelation(design, patch.copyFrom.relationId);
    getFieldOwner(design, patch.copyFrom.fieldId);
  }
  if (patch.derive) getFieldOwner(design, patch.derive.fromFieldId);
  return updateFieldIn(design, args.fieldId, (f) => {
    const merged: Record<string, unknown> = { ...f };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      merged[key] = value === null ? undefined : value;
    }
    const next = merged as Field;
    if (patch.type && patch.type !== f.type) {
      if (next.type !== 'enum') next.enumId = undefined;
      if (next.type !== 'decimal') {
        next.precision = undefined;
        next.scale = undefined;
      }
      if (next.type === 'password') next.writeOnly = true;
    }
    return withoutUndefined(next);
  });
}

export const DeleteFieldArgs = z.object({ fieldId: IdSchema });
/** Also drops lookups (back to the primary key), filters, sorts and auth settings that used the field. */
export function deleteField(design: Design, args: z.infer<typeof DeleteFieldArgs>): Design {
  const owner = getFieldOwner(design, args.fieldId);
  const next = mapEntity(design, owner.id, (e) => ({
    ...e,
    fields: e.fields.filter((f) => f.id !== args.fieldId),
  }));
  return removeFieldRefs(next, new Set([args.fieldId]));
}

export const MoveFieldArgs = z.object({ fieldId: IdSchema, toIndex: z.number().int().nonnegative() });
export function moveField(design: Design, args: z.infer<typeof MoveFieldArgs>): Design {
  const owner = getFieldOwner(design, args.fieldId);
  if (args.toIndex >= owner.fields.length) {
    throw new OperationError(
      'invalid-argument',
      `Cannot move a field to position ${args.toIndex}: '${owner.name}' has ${owner.fields.length} fields.`,
    );
  }
  return mapEntity(design, owner.id, (e) => {
    const fields = e.fields.filter((f) => f.id !== args.fieldId);
    const field = e.fields.find((f) => f.id === args.fieldId);
    if (field) fields.splice(args.toIndex, 0, field);
    return { ...e, fields };
  });
}
