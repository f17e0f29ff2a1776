import { z } from 'zod';
import { type Design, IdSchema } from '../schema';
import { removeLayoutNodes } from './cleanup';
import { PositionSchema } from './entities';
import { assertFreshId, getEnum, withoutUndefined } from './helpers';

export const AddEnumArgs = z.object({
  id: IdSchema,
  name: z.string(),
  values: z.array(z.string()).optional(),
  position: PositionSchema.optional(),
});
export function addEnum(design: Design, args: z.infer<typeof AddEnumArgs>): Design {
  assertFreshId(design, args.id);
  const nodes = args.position
    ? { ...design.layout.nodes, [args.id]: { ...args.position } }
    : design.layout.nodes;
  return {
    ...design,
    enums: [...design.enums, { id: args.id, name: args.name, values: args.values ?? [] }],
    layout: { ...design.layout, nodes },
  };
}

function mapEnum(
  design: Design,
  enumId: string,
  update: (values: { name: string; values: string[] }) => object,
) {
  getEnum(design, enumId);
  return { ...design, enums: design.enums.map((e) => (e.id === enumId ? { ...e, ...update(e) } : e)) };
}

export const RenameEnumArgs = z.object({ enumId: IdSchema, name: z.string() });
export function renameEnum(design: Design, args: z.infer<typeof RenameEnumArgs>): Design {
  return mapEnum(design, args.enumId, () => ({ name: args.name }));
}

export const UpdateEnumValuesArgs = z.object({ enumId: IdSchema, values: z.array(z.string()) });
/** Replaces the values; a field default no longer among them is reported by validateDesign. */
export function updateEnumValues(design: Design, args: z.infer<typeof UpdateEnumValuesArgs>): Design {
  return mapEnum(design, args.enumId, () => ({ values: [...args.values] }));
}

export const DeleteEnumArgs = z.object({ enumId: IdSchema });
/**
 * Fields that used the enum become `string` fields (their values and defaults stay meaningful) instead of the
 * delete being refused: the user sees the change on the canvas and nothing they typed is lost.
 */
export function deleteEnum(design: Design, args: z.infer<typeof DeleteEnumArgs>): Design {
  getEnum(design, args.enumId);
  const next: Design = {
    ...design,
    enums: design.enums.filter((e) => e.id !== args.enumId),
    entities: design.entities.map((entity) =>
      entity.fields.some((f) => f.enumId === args.enumId)
        ? {
            ...entity,
            fields: entity.fields.map((f) =>
              f.enumId === args.enumId
                ? withoutUndefined({ ...f, type: 'string' as const, enumId: undefined })
                : f,
            ),
          }
        : entity,
    ),
  };
  return removeLayoutNodes(next, new Set([args.enumId]));
}
