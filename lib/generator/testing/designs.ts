import {
  defaultAuthApi,
  defaultResource,
  emptyDesign,
  newEntity,
  newField,
  newRelation,
} from '@/lib/design/factories';
import { pydanticAttributeReason, reservedFieldNameReason } from '@/lib/design/names';
import type { Design, Field } from '@/lib/design/schema';
import { HANDLER_LOCALS } from '../ir/scope';
import { actionsDesigns } from './actions-designs';
import { authDesigns } from './auth-designs';
import { computedDesigns } from './computed-designs';
import { deriveDesigns } from './derive-designs';
import { feedsDesigns } from './feeds-designs';
import { nestingDesigns } from './nesting-designs';
import { shapeDesigns } from './shape-designs';
import { valuesDesigns } from './values-designs';

/** Small designs that each exercise one generator feature, for golden files and the Python checks. */

/** Categories nested through a nullable self-relation, filtered and sorted by the parent's name. */
function selfRelation(): Design {
  const category = newEntity('e_cat', 'Category', {
    description: 'A node of the category tree.',
    fields: [
      newField('f_cat_name', 'name', 'string', { unique: true, constraints: { maxLength: 80 } }),
      newField('f_cat_position', 'position', 'integer', { default: { kind: 'literal', value: 0 } }),
    ],
    resource: {
      ...defaultResource(),
      embed: ['r_parent', 'r_parent_back'],
    },
  });
  category.resource.operations.list.filters = [
    { relationId: 'r_parent', fieldId: 'f_cat_name' },
    { relationId: 'r_parent', fieldId: 'id' },
  ];
  category.resource.operations.list.sortable = [
    { fieldId: 'f_cat_name' },
    { relationId: 'r_parent', fieldId: 'f_cat_name' },
  ];
  const relation = newRelation('r_parent', 'e_cat', 'e_cat', {
    fieldName: 'parent',
    backrefName: 'children',
    nullable: true,
  });
  category.resource.embed = ['r_parent'];
  return { ...emptyDesign('Catalog'), entities: [category], relations: [relation] };
}

/** Students and courses linked through an Enrollment entity with its own grade. */
function throughEntity(): Design {
  const student = newEntity('e_student', 'Student', {
    fields: [newField('f_student_name', 'name', 'string', { constraints: { minLength: 1, maxLength: 100 } })],
    resource: { ...defaultResource(), embed: ['r_courses'] },
  });
  const course = newEntity('e_course', 'Course', {
    fields: [
      newField('f_course_code', 'code', 'string', {
        unique: true,
        indexed: true,
        constraints: { maxLength: 12 },
      }),
    ],
    resource: { ...defaultResource(), lookupFieldId: 'f_course_code' },
  });
  const enrollment = newEntity('e_enrollment', 'Enrollment', {
    timestamps: false,
    fields: [
      newField('f_enrollment_grade', 'grade', 'integer', {
        nullable: true,
        constraints: { min: 0, max: 100 },
      }),
    ],
  });
  enrollment.resource.operations.list.filters = [{ relationId: 'r_enr_student', fieldId: 'id' }];
  student.resource.operations.list.filters = [{ relationId: 'r_courses', fieldId: 'f_course_code' }];
  const relations = [
    newRelation('r_enr_student', 'e_enrollment', 'e_student', {
      fieldName: 'student',
      backrefName: 'enrollments',
      onDelete: 'cascade',
    }),
    newRelation('r_enr_course', 'e_enrollment', 'e_course', {
      fieldName: 'course',
      backrefName: 'enrollments',
      onDelete: 'cascade',
    }),
    newRelation('r_courses', 'e_student', 'e_course', {
      kind: 'many-to-many',
      fieldName: 'courses',
      backrefName: 'students',
      throughEntityId: 'e_enrollment',
    }),
  ];
  return { ...emptyDesign('School'), entities: [student, course, enrollment], relations };
}

/** Every scalar type with defaults, an enum, decimals and a UUID primary key. */
function typesAndDefaults(): Design {
  const item = newEntity('e_item', 'InventoryItem', {
    primaryKey: 'uuid',
    description: 'Stock kept in a warehouse.',
    fields: [
      newField('f_sku', 'sku', 'string', {
        unique: true,
        constraints: { minLength: 3, maxLength: 20, pattern: '^[A-Z0-9-]+$' },
        example: 'ABC-123',
      }),
      newField('f_kind', 'kind', 'enum', {
        enumId: 'enum_kind',
        default: { kind: 'literal', value: 'in progress' },
      }),
      newField('f_price', 'price', 'decimal', {
        precision: 8,
        scale: 3,
        default: { kind: 'literal', value: 9.5 },
        constraints: { min: 0 },
      }),
      newField('f_weight', 'weight', 'float', { nullable: true, constraints: { min: 0.5, max: 1000 } }),
      newField('f_count', 'count', 'bigint', { default: { kind: 'literal', value: 12 } }),
      newField('f_active', 'active', 'boolean', { default: { kind: 'literal', value: true } }),
      newField('f_since', 'since', 'date', { default: { kind: 'now' } }),
      newField('f_seen', 'last_seen', 'datetime', {
        nullable: true,
        default: { kind: 'literal', value: '2024-01-31T12:00:00Z' },
      }),
      newField('f_token', 'token', 'uuid', { default: { kind: 'uuid' }, readOnly: true }),
      newField('f_meta', 'meta', 'json', {
        nullable: true,
        default: { kind: 'literal', value: { tags: ['a'] } },
      }),
      newField('f_contact', 'contact', 'email', { nullable: true }),
      newField('f_site', 'site', 'url', {
        nullable: true,
        description: 'Public "product" page \\ with quotes',
      }),
      newField('f_notes', 'notes', 'text', { nullable: true }),
    ],
  });
  item.resource.operations.list.filters = [
    { fieldId: 'f_kind' },
    { fieldId: 'f_active' },
    { fieldId: 'f_since' },
  ];
  // `kind` sorts by declaration order on both databases (raw, in progress, done, 2nd grade), not by text.
  item.resource.operations.list.sortable = [
    { fieldId: 'f_price' },
    { fieldId: 'f_seen' },
    { fieldId: 'f_kind' },
  ];
  item.resource.operations.list.defaultOrder = { field: { fieldId: 'f_price' }, direction: 'desc' };
  return {
    ...emptyDesign('Inventory'),
    enums: [{ id: 'enum_kind', name: 'ItemKind', values: ['raw', 'in progress', 'done', '2nd grade'] }],
    entities: [item],
  };
}

/**
 * Names a generated handler binds besides its locals: fixed parameters, conventional FastAPI names and the
 * lowercase names route modules import (a parameter must not shadow them inside the handler).
 */
const HANDLER_NAMES = [
  ...['session', 'current_user', 'body', 'limit', 'offset', 'sort', 'request', 'response', 'status'],
  ...['select', 'func', 'selectinload', 'aliased', 'hash_password', 'commit_or_409', 'require_roles'],
];

/** Every name a handler binds that is a legal field name, once. */
export function handlerNameFields(): string[] {
  const names = new Set([...Object.values(HANDLER_LOCALS).flat(), ...HANDLER_NAMES]);
  return [...names].filter((n) => reservedFieldNameReason(n) === null && pydanticAttributeReason(n) === null);
}

/**
 * A field named like every local and parameter of the generated handlers, each filtered and sorted on, a
 * lookup field named like a local (`row`), and a filter through a relation whose query name is a local too
 * (`count` + `statement`): the generated project must stay mypy-clean and its tests green.
 */
function handlerNames(): Design {
  const types = ['string', 'integer', 'boolean', 'date'] as const;
  const fields: Field[] = handlerNameFields().map((name, i) =>
    newField(`f_probe_${name}`, name, types[i % types.length] as Field['type'], {
      nullable: i % 3 === 2,
      ...(name === 'row' ? { unique: true, type: 'string' as const, nullable: false } : {}),
    }),
  );
  const probe = newEntity('e_probe', 'Probe', {
    description: "Fields named like the handlers' own names.",
    fields,
    resource: { ...defaultResource(), lookupFieldId: 'f_probe_row' },
  });
  probe.resource.operations.list.filters = [
    ...fields.map((f) => ({ fieldId: f.id })),
    { relationId: 'r_probe_count', fieldId: 'f_tally_statement' },
  ];
  probe.resource.operations.list.sortable = fields.map((f) => ({ fieldId: f.id }));
  const tally = newEntity('e_tally', 'Tally', {
    fields: [newField('f_tally_statement', 'statement', 'string', { constraints: { maxLength: 40 } })],
  });
  const relation = newRelation('r_probe_count', 'e_probe', 'e_tally', {
    fieldName: 'count',
    backrefName: 'probes',
    nullable: true,
  });
  return { ...emptyDesign('Handler names'), entities: [probe, tally], relations: [relation] };
}

/**
 * Custom endpoints of every shape: a role-only one taking a body (an entity with a password, a write-only
 * secret and a read-only status: none of them may be in it), one whose path has a `{body}` segment, an
 * owner-only DELETE without response (204), a public one typed by `{account_id}`, and one whose handler
 * name is a CRUD handler's (`delete_ticket`). UUID lookups.
 */
function customEndpoints(): Design {
  const account = newEntity('e_account', 'Account', {
    fields: [
      newField('f_account_email', 'email', 'email', { unique: true, visibility: 'owner' }),
      newField('f_account_password', 'password', 'password', { constraints: { minLength: 8 } }),
      newField('f_account_role', 'role', 'enum', {
        enumId: 'enum_role',
        default: { kind: 'literal', value: 'agent' },
      }),
    ],
  });
  // An account is changed or deleted by its own user only.
  for (const op of [account.resource.operations.update, account.resource.operations.delete]) {
    op.access = { kind: 'owner' };
  }
  const ticket = newEntity('e_ticket', 'Ticket', {
    primaryKey: 'uuid',
    fields: [
      newField('f_ticket_title', 'title', 'string', { constraints: { minLength: 1, maxLength: 120 } }),
      newField('f_ticket_pin', 'pin', 'password', { nullable: true }),
      newField('f_ticket_secret', 'secret', 'string', { nullable: true, writeOnly: true }),
      newField('f_ticket_state', 'state', 'enum', {
        enumId: 'enum_state',
        readOnly: true,
        default: { kind: 'literal', value: 'open' },
      }),
    ],
  });
  ticket.resource.ownerRelationId = 'r_ticket_reporter';
  const ops = ticket.resource.operations;
  for (const op of [ops.list, ops.get, ops.create]) op.access = { kind: 'authenticated' };
  for (const op of [ops.update, ops.delete]) op.access = { kind: 'owner' };
  const reporter = newRelation('r_ticket_reporter', 'e_ticket', 'e_account', {
    fieldName: 'reporter',
    backrefName: 'tickets',
    onDelete: 'cascade',
  });
  return {
    ...emptyDesign('Help desk'),
    enums: [
      { id: 'enum_role', name: 'AccountRole', values: ['agent', 'admin'] },
      { id: 'enum_state', name: 'TicketState', values: ['open', 'closed'] },
    ],
    entities: [account, ticket],
    relations: [reporter],
    auth: {
      userEntityId: 'e_account',
      loginFieldId: 'f_account_email',
      passwordFieldId: 'f_account_password',
      roleFieldId: 'f_account_role',
      tokenLifetimeMinutes: 30,
      api: defaultAuthApi(),
    },
    customEndpoints: [
      {
        id: 'c_assign',
        entityId: 'e_ticket',
        method: 'POST',
        path: '/{ticket_id}/assign',
        summary: 'Assign a ticket to an agent',
        access: { kind: 'roles', roles: ['admin'] },
        request: { entityId: 'e_ticket' },
        response: { entityId: 'e_ticket', list: false },
        // An optional query parameter before the caller and the body: the route is keyword-only.
        query: [
          { name: 'notify', type: 'boolean', required: false },
          { name: 'agent', type: 'uuid', required: true },
        ],
      },
      {
        id: 'c_note',
        entityId: 'e_ticket',
        method: 'PUT',
        path: '/{ticket_id}/notes/{body}',
        summary: 'Attach a note',
        access: { kind: 'authenticated' },
        request: { entityId: 'e_ticket' },
      },
      {
        id: 'c_close',
        entityId: 'e_ticket',
        method: 'DELETE',
        path: '/{ticket_id}/close',
        summary: 'Close a ticket',
        access: { kind: 'owner' },
        query: [{ name: 'reason', type: 'string', required: true }],
      },
      {
        // Its handler is called like the resource's delete (`delete_ticket`): the operation id makes way.
        id: 'c_purge',
        method: 'DELETE',
        path: '/ticket',
        summary: 'Purge closed tickets',
        access: { kind: 'roles', roles: ['admin'] },
        query: [{ name: 'older_than_days', type: 'integer', required: true }],
      },
      {
        id: 'c_report',
        method: 'GET',
        path: '/reports/accounts/{account_id}',
        summary: "An account's tickets",
        access: { kind: 'public' },
        response: { entityId: 'e_ticket', list: true },
        query: [
          { name: 'since', type: 'datetime', required: false, description: 'Tickets opened since then' },
          { name: 'min_score', type: 'float', required: false },
          { name: 'day', type: 'date', required: true },
        ],
      },
    ],
  };
}

/**
 * Hostile input's targets: a username login (case-insensitive), and readings whose every value type is a
 * filter (integer, bigint, float, decimal without precision, text, datetime set by the app, JSON), owned
 * by their author, with a set-null reference to another reading (a cycle candidate).
 */
function hostileInput(): Design {
  const member = newEntity('e_member', 'Member', {
    description: 'Someone who records readings.',
    fields: [
      newField('f_member_handle', 'handle', 'string', {
        unique: true,
        indexed: true,
        constraints: { minLength: 3, maxLength: 40 },
      }),
      newField('f_member_password', 'password', 'password', { constraints: { minLength: 8 } }),
      newField('f_member_bio', 'bio', 'text', { nullable: true }),
    ],
  });
  member.resource.operations.list.enabled = false;
  member.resource.operations.update.enabled = false;
  member.resource.operations.delete.enabled = false;
  const reading = newEntity('e_reading', 'Reading', {
    fields: [
      newField('f_reading_label', 'label', 'string', { constraints: { maxLength: 60 } }),
      newField('f_reading_level', 'level', 'integer', { constraints: { min: -10 } }),
      newField('f_reading_counter', 'counter', 'bigint', { default: { kind: 'literal', value: 0 } }),
      newField('f_reading_value', 'value', 'float', { nullable: true }),
      newField('f_reading_amount', 'amount', 'decimal', { nullable: true, precision: 12, scale: 2 }),
      newField('f_reading_notes', 'notes', 'text', { nullable: true }),
      newField('f_reading_taken', 'taken_at', 'datetime', { default: { kind: 'now' } }),
      newField('f_reading_payload', 'payload', 'json', { nullable: true }),
    ],
  });
  const ops = reading.resource.operations;
  ops.list.filters = [
    { fieldId: 'f_reading_level' },
    { fieldId: 'f_reading_counter' },
    { fieldId: 'f_reading_value' },
    { fieldId: 'f_reading_label' },
    { fieldId: 'f_reading_taken' },
    { relationId: 'r_reading_author', fieldId: 'f_member_handle' },
  ];
  ops.list.sortable = [{ fieldId: 'f_reading_level' }, { fieldId: 'f_reading_taken' }];
  ops.create.access = { kind: 'authenticated' };
  ops.update.access = { kind: 'owner' };
  ops.delete.access = { kind: 'owner' };
  reading.resource.ownerRelationId = 'r_reading_author';
  reading.resource.embed = ['r_reading_author'];
  const relations = [
    newRelation('r_reading_author', 'e_reading', 'e_member', {
      fieldName: 'author',
      backrefName: 'readings',
      onDelete: 'cascade',
    }),
    newRelation('r_reading_previous', 'e_reading', 'e_reading', {
      fieldName: 'previous',
      backrefName: 'next_readings',
      nullable: true,
    }),
  ];
  return {
    ...emptyDesign('Readings'),
    entities: [member, reading],
    relations,
    auth: {
      userEntityId: 'e_member',
      loginFieldId: 'f_member_handle',
      passwordFieldId: 'f_member_password',
      tokenLifetimeMinutes: 30,
      api: defaultAuthApi(),
    },
  };
}

export const focusedDesigns: Record<string, () => Design> = {
  ...authDesigns,
  'hostile-input': hostileInput,
  'self-relation': selfRelation,
  'through-entity': throughEntity,
  'types-and-defaults': typesAndDefaults,
  'handler-names': handlerNames,
  'custom-endpoints': customEndpoints,
  ...nestingDesigns,
  ...shapeDesigns,
  ...valuesDesigns,
  ...computedDesigns,
  ...feedsDesigns,
  ...deriveDesigns,
  ...actionsDesigns,
};
