import { z } from 'zod';
import { formatPath } from '../paths';
import type { Design } from '../schema';
import { SetApiShapeArgs, setApiShape } from './api-shape';
import { DeleteComputedFieldArgs, deleteComputedField } from './behaviour';
import {
  AddCustomEndpointArgs,
  addCustomEndpoint,
  DeleteCustomEndpointArgs,
  deleteCustomEndpoint,
  RenameDesignArgs,
  renameDesign,
  SetAuthArgs,
  setAuth,
  UpdateCustomEndpointArgs,
  UpdateResourceArgs,
  updateCustomEndpoint,
  updateResource,
} from './endpoints';
import {
  AddEntityArgs,
  addEntity,
  DeleteEntityArgs,
  DuplicateEntityArgs,
  deleteEntity,
  duplicateEntity,
  RenameEntityArgs,
  renameEntity,
  UpdateEntityArgs,
  updateEntity,
} from './entities';
import {
  AddEnumArgs,
  addEnum,
  DeleteEnumArgs,
  deleteEnum,
  RenameEnumArgs,
  renameEnum,
  UpdateEnumValuesArgs,
  updateEnumValues,
} from './enums';
import { OperationError } from './errors';
import {
  AddFieldArgs,
  addField,
  DeleteFieldArgs,
  deleteField,
  MoveFieldArgs,
  moveField,
  RenameFieldArgs,
  renameField,
  UpdateFieldArgs,
  updateField,
} from './fields';
import { MoveNodeArgs, moveNode, ToggleCollapsedArgs, toggleCollapsed } from './layout';
import {
  ConnectArgs,
  connect,
  DeleteRelationArgs,
  deleteRelation,
  UpdateRelationArgs,
  updateRelation,
} from './relations';

/** Name -> [args schema, implementation]. The single registry behind `Operation` and `applyOperation`. */
const REGISTRY = {
  addEntity: [AddEntityArgs, addEntity],
  renameEntity: [RenameEntityArgs, renameEntity],
  updateEntity: [UpdateEntityArgs, updateEntity],
  deleteEntity: [DeleteEntityArgs, deleteEntity],
  duplicateEntity: [DuplicateEntityArgs, duplicateEntity],
  moveNode: [MoveNodeArgs, moveNode],
  toggleCollapsed: [ToggleCollapsedArgs, toggleCollapsed],
  addField: [AddFieldArgs, addField],
  renameField: [RenameFieldArgs, renameField],
  updateField: [UpdateFieldArgs, updateField],
  deleteField: [DeleteFieldArgs, deleteField],
  moveField: [MoveFieldArgs, moveField],
  addEnum: [AddEnumArgs, addEnum],
  renameEnum: [RenameEnumArgs, renameEnum],
  updateEnumValues: [UpdateEnumValuesArgs, updateEnumValues],
  deleteEnum: [DeleteEnumArgs, deleteEnum],
  connect: [ConnectArgs, connect],
  updateRelation: [UpdateRelationArgs, updateRelation],
  deleteRelation: [DeleteRelationArgs, deleteRelation],
  updateResource: [UpdateResourceArgs, updateResource],
  addCustomEndpoint: [AddCustomEndpointArgs, addCustomEndpoint],
  updateCustomEndpoint: [UpdateCustomEndpointArgs, updateCustomEndpoint],
  deleteCustomEndpoint: [DeleteCustomEndpointArgs, deleteCustomEndpoint],
  setAuth: [SetAuthArgs, setAuth],
  renameDesign: [RenameDesignArgs, renameDesign],
  setApiShape: [SetApiShapeArgs, setApiShape],
  deleteComputedField: [DeleteComputedFieldArgs, deleteComputedField],
} as const;

export type OperationName = keyof typeof REGISTRY;
export const OPERATION_NAMES = Object.keys(REGISTRY) as OperationName[];

/** An operation as data (for undo/redo, collaboration, tests): `{ op: 'addEntity', id, name, position }`. */
export const OperationSchema = z.discriminatedUnion('op', [
  AddEntityArgs.extend({ op: z.literal('addEntity') }),
  RenameEntityArgs.extend({ op: z.literal('renameEntity') }),
  UpdateEntityArgs.extend({ op: z.literal('updateEntity') }),
  DeleteEntityArgs.extend({ op: z.literal('deleteEntity') }),
  DuplicateEntityArgs.extend({ op: z.literal('duplicateEntity') }),
  MoveNodeArgs.extend({ op: z.literal('moveNode') }),
  ToggleCollapsedArgs.extend({ op: z.literal('toggleCollapsed') }),
  AddFieldArgs.extend({ op: z.literal('addField') }),
  RenameFieldArgs.extend({ op: z.literal('renameField') }),
  UpdateFieldArgs.extend({ op: z.literal('updateField') }),
  DeleteFieldArgs.extend({ op: z.literal('deleteField') }),
  MoveFieldArgs.extend({ op: z.literal('moveField') }),
  AddEnumArgs.extend({ op: z.literal('addEnum') }),
  RenameEnumArgs.extend({ op: z.literal('renameEnum') }),
  UpdateEnumValuesArgs.extend({ op: z.literal('updateEnumValues') }),
  DeleteEnumArgs.extend({ op: z.literal('deleteEnum') }),
  ConnectArgs.extend({ op: z.literal('connect') }),
  UpdateRelationArgs.extend({ op: z.literal('updateRelation') }),
  DeleteRelationArgs.extend({ op: z.literal('deleteRelation') }),
  UpdateResourceArgs.extend({ op: z.literal('updateResource') }),
  AddCustomEndpointArgs.extend({ op: z.literal('addCustomEndpoint') }),
  UpdateCustomEndpointArgs.extend({ op: z.literal('updateCustomEndpoint') }),
  DeleteCustomEndpointArgs.extend({ op: z.literal('deleteCustomEndpoint') }),
  SetAuthArgs.extend({ op: z.literal('setAuth') }),
  RenameDesignArgs.extend({ op: z.literal('renameDesign') }),
  SetApiShapeArgs.extend({ op: z.literal('setApiShape') }),
  DeleteComputedFieldArgs.extend({ op: z.literal('deleteComputedField') }),
]);
export type Operation = z.infer<typeof OperationSchema>;
export type OperationOf<N extends OperationName> = Extract<Operation, { op: N }>;

/**
 * Validates `operation` and applies it. Throws OperationError (never anything else) when the operation is
 * malformed or does not fit the design; the input design is never mutated.
 */
export function applyOperation(design: Design, operation: Operation): Design {
  const parsed = OperationSchema.safeParse(operation);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? formatPath(issue.path) : '';
    throw new OperationError(
      'invalid-operation',
      `Invalid operation${where ? ` at ${where}` : ''}: ${issue?.message ?? 'unknown problem'}`,
    );
  }
  const { op, ...args } = parsed.data;
  const run = REGISTRY[op][1] as (design: Design, args: unknown) => Design;
  return run(design, args);
}

/** Applies operations left to right. */
export function applyOperations(design: Design, operations: readonly Operation[]): Design {
  return operations.reduce(applyOperation, design);
}
