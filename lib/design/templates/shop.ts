import type { Operation } from '../operations';
import type { Design } from '../schema';
import { ADMIN, AUTHENTICATED, buildDesign, fields, OWNER, PUBLIC, userEntity } from './build';

/** Products, and orders whose lines (a through entity) carry quantity and unit price. */
export function shopTemplate(): Design {
  const money = (
    id: string,
    name: string,
    precision: number,
  ): Extract<Operation, { op: 'addField' }>['field'] => ({
    id,
    name,
    type: 'decimal',
    precision,
    scale: 2,
    constraints: { min: 0 },
  });
  const ops: Operation[] = [
    {
      op: 'addEnum',
      id: 'enum_role',
      name: 'Role',
      values: ['customer', 'admin'],
      position: { x: 40, y: 420 },
    },
    {
      op: 'addEnum',
      id: 'enum_order_status',
      name: 'OrderStatus',
      values: ['pending', 'paid', 'shipped', 'cancelled'],
      position: { x: 420, y: 420 },
    },
    ...userEntity({ x: 40, y: 40 }, { enumId: 'enum_role', defaultValue: 'customer' }),
    { op: 'addEntity', id: 'e_product', name: 'Product', position: { x: 1180, y: 40 } },
    ...fields('e_product', [
      { id: 'f_product_name', name: 'name', type: 'string', constraints: { minLength: 1, maxLength: 200 } },
      {
        id: 'f_product_slug',
        name: 'slug',
        type: 'string',
        unique: true,
        indexed: true,
        constraints: { maxLength: 200, pattern: '^[a-z0-9-]+$' },
      },
      { id: 'f_product_description', name: 'description', type: 'text', nullable: true },
      money('f_product_price', 'price', 10),
      {
        id: 'f_product_stock',
        name: 'stock',
        type: 'integer',
        default: { kind: 'literal', value: 0 },
        constraints: { min: 0 },
      },
      { id: 'f_product_active', name: 'active', type: 'boolean', default: { kind: 'literal', value: true } },
    ]),
    { op: 'addEntity', id: 'e_order', name: 'Order', position: { x: 420, y: 40 } },
    ...fields('e_order', [
      {
        id: 'f_order_status',
        name: 'status',
        type: 'enum',
        enumId: 'enum_order_status',
        // Set by the server (payment, shipping), never by the customer's request.
        readOnly: true,
        default: { kind: 'literal', value: 'pending' },
      },
      { ...money('f_order_total', 'total', 12), readOnly: true, default: { kind: 'literal', value: 0 } },
      {
        id: 'f_order_placed_at',
        name: 'placed_at',
        type: 'datetime',
        readOnly: true,
        default: { kind: 'now' },
      },
    ]),
    { op: 'addEntity', id: 'e_order_line', name: 'OrderLine', position: { x: 800, y: 40 } },
    ...fields('e_order_line', [
      {
        id: 'f_order_line_quantity',
        name: 'quantity',
        type: 'integer',
        default: { kind: 'literal', value: 1 },
        constraints: { min: 1 },
      },
      // The price is the shop's, not the customer's: read-only, copied from the product (below).
      {
        ...money('f_order_line_unit_price', 'unit_price', 10),
        readOnly: true,
        default: { kind: 'literal', value: 0 },
      },
    ]),
    {
      op: 'connect',
      id: 'r_order_customer',
      fromEntityId: 'e_order',
      toEntityId: 'e_user',
      fieldName: 'customer',
      backrefName: 'orders',
    },
    {
      op: 'connect',
      id: 'r_order_line_order',
      fromEntityId: 'e_order_line',
      toEntityId: 'e_order',
      backrefName: 'lines',
      onDelete: 'cascade',
    },
    { op: 'connect', id: 'r_order_line_product', fromEntityId: 'e_order_line', toEntityId: 'e_product' },
    {
      op: 'updateField',
      fieldId: 'f_order_line_unit_price',
      patch: { copyFrom: { relationId: 'r_order_line_product', fieldId: 'f_product_price' } },
    },
    {
      op: 'connect',
      id: 'r_order_products',
      fromEntityId: 'e_order',
      toEntityId: 'e_product',
      kind: 'many-to-many',
      throughEntityId: 'e_order_line',
    },
    {
      op: 'updateResource',
      entityId: 'e_user',
      patch: {
        operations: { list: { access: ADMIN() }, update: { access: ADMIN() }, delete: { access: ADMIN() } },
      },
    },
    {
      op: 'updateResource',
      entityId: 'e_product',
      patch: {
        lookupFieldId: 'f_product_slug',
        operations: {
          list: {
            access: PUBLIC(),
            filters: [{ fieldId: 'f_product_active' }, { fieldId: 'f_product_name' }],
            sortable: [{ fieldId: 'f_product_price' }, { fieldId: 'f_product_name' }],
            defaultOrder: { field: { fieldId: 'f_product_name' }, direction: 'asc' },
          },
          create: { access: ADMIN() },
          update: { access: ADMIN() },
          delete: { access: ADMIN() },
        },
      },
    },
    {
      op: 'updateResource',
      entityId: 'e_order',
      patch: {
        ownerRelationId: 'r_order_customer',
        embed: ['r_order_line_order'],
        operations: {
          list: {
            access: OWNER(),
            filters: [{ fieldId: 'f_order_status' }],
            sortable: [{ fieldId: 'f_order_placed_at' }],
            defaultOrder: { field: { fieldId: 'f_order_placed_at' }, direction: 'desc' },
          },
          get: { access: OWNER() },
          create: { access: AUTHENTICATED() },
          update: { access: ADMIN() },
          delete: { access: ADMIN() },
        },
      },
    },
    {
      op: 'updateResource',
      entityId: 'e_order_line',
      patch: {
        // Lines belong to the customer of their order.
        ownerPath: ['r_order_line_order', 'r_order_customer'],
        operations: {
          list: { access: OWNER(), filters: [{ relationId: 'r_order_line_order', fieldId: 'id' }] },
          get: { access: OWNER() },
          create: { access: AUTHENTICATED() },
          update: { access: OWNER() },
          delete: { access: OWNER() },
        },
      },
    },
  ];
  return buildDesign('Shop', ops);
}
