import type { Operation } from '../operations';
import type { Design } from '../schema';
import { AUTHENTICATED, buildDesign, fields, OWNER, userEntity } from './build';

/** Each user keeps private lists of items. */
export function todoTemplate(): Design {
  const ops: Operation[] = [
    ...userEntity({ x: 40, y: 40 }),
    { op: 'addEntity', id: 'e_todo_list', name: 'TodoList', position: { x: 420, y: 40 } },
    ...fields('e_todo_list', [
      {
        id: 'f_todo_list_title',
        name: 'title',
        type: 'string',
        constraints: { minLength: 1, maxLength: 100 },
      },
    ]),
    { op: 'addEntity', id: 'e_todo_item', name: 'TodoItem', position: { x: 800, y: 40 } },
    ...fields('e_todo_item', [
      {
        id: 'f_todo_item_title',
        name: 'title',
        type: 'string',
        constraints: { minLength: 1, maxLength: 200 },
      },
      { id: 'f_todo_item_done', name: 'done', type: 'boolean', default: { kind: 'literal', value: false } },
      { id: 'f_todo_item_due_date', name: 'due_date', type: 'date', nullable: true },
      {
        id: 'f_todo_item_position',
        name: 'position',
        type: 'integer',
        default: { kind: 'literal', value: 0 },
        constraints: { min: 0 },
      },
    ]),
    {
      op: 'connect',
      id: 'r_todo_list_owner',
      fromEntityId: 'e_todo_list',
      toEntityId: 'e_user',
      fieldName: 'owner',
      onDelete: 'cascade',
    },
    {
      op: 'connect',
      id: 'r_todo_item_list',
      fromEntityId: 'e_todo_item',
      toEntityId: 'e_todo_list',
      backrefName: 'items',
      onDelete: 'cascade',
    },
    {
      op: 'updateResource',
      entityId: 'e_user',
      patch: {
        operations: {
          list: { enabled: false },
          // The user themself: nobody else changes an account's email or password.
          update: { access: OWNER() },
          delete: { enabled: false },
        },
      },
    },
    {
      op: 'updateResource',
      entityId: 'e_todo_list',
      patch: {
        ownerRelationId: 'r_todo_list_owner',
        operations: {
          list: { access: OWNER(), sortable: [{ fieldId: 'f_todo_list_title' }] },
          get: { access: OWNER() },
          create: { access: AUTHENTICATED() },
          update: { access: OWNER() },
          delete: { access: OWNER() },
        },
      },
    },
    {
      op: 'updateResource',
      entityId: 'e_todo_item',
      patch: {
        // Items belong to whoever owns their list.
        ownerPath: ['r_todo_item_list', 'r_todo_list_owner'],
        embed: ['r_todo_item_list'],
        operations: {
          list: {
            access: OWNER(),
            filters: [{ fieldId: 'f_todo_item_done' }, { relationId: 'r_todo_item_list', fieldId: 'id' }],
            sortable: [{ fieldId: 'f_todo_item_position' }, { fieldId: 'f_todo_item_due_date' }],
            defaultOrder: { field: { fieldId: 'f_todo_item_position' }, direction: 'asc' },
            defaultPageSize: 50,
            maxPageSize: 200,
          },
          get: { access: OWNER() },
          create: { access: AUTHENTICATED() },
          update: { access: OWNER() },
          delete: { access: OWNER() },
        },
      },
    },
  ];
  return buildDesign('Todo', ops);
}
