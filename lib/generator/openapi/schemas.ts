import { wireName } from '../fastapi/envelopes';
import {
  baseFields,
  createOnlyFields,
  embeddedSchema,
  LINKS_MAX,
  needsCurrentPassword,
  publicFields,
  readFields,
  viewSchema,
} from '../fastapi/schemas';
import { decimalDigits, INT32, INT64, inputMaxLength, intBounds } from '../fastapi/types';
import type { IrEntity, IrEntityView, IrField, IrProject, IrView } from '../ir/types';
import { patched } from '../patched';
import { computedProps } from './computed';
import { valueListInputProps, valueListReadProps } from './value-lists';

/** JSON Schema (OpenAPI 3.1) of the generated Pydantic models, mirroring Pydantic v2's output. */
export type JsonSchema = Record<string, unknown>;

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** Pydantic's default title: `published_at` -> `Published At` (Python's str.title()). */
export function pyTitle(name: string): string {
  return name
    .split('_')
    .join(' ')
    .replace(/[A-Za-z]+/g, (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());
}

function decimalPattern(field: IrField): string {
  const { precision: p, scale: s } = decimalDigits(field);
  const whole = p - s;
  return `^(?!^[-+.]*$)[+-]?0*(?:\\d{0,${whole}}|(?=[\\d.]{1,${p + 1}}0*$)\\d{0,${whole}}\\.\\d{0,${s}}0*$)`;
}

/** Schema of the value (not null) of an input field, with its constraints. */
export function inputValueSchema(field: IrField): JsonSchema {
  const c = field.constraints;
  const textual = ['string', 'text', 'email', 'url', 'password'].includes(field.type);
  const out: JsonSchema = {};
  if (textual) {
    out.type = 'string';
    if (field.type === 'email') out.format = 'email';
    if (field.type === 'url') out.format = 'uri';
    const maxLength = inputMaxLength(field);
    if (maxLength !== undefined) out.maxLength = maxLength;
    if (c.minLength !== undefined && c.minLength > 0) out.minLength = c.minLength;
    if (c.pattern !== undefined) out.pattern = c.pattern;
    return out;
  }
  const range = (target: JsonSchema) => {
    if (c.min !== undefined) target.minimum = c.min;
    if (c.max !== undefined) target.maximum = c.max;
    return target;
  };
  switch (field.type) {
    case 'integer':
    case 'bigint': {
      const bounds = intBounds(field) as { min: number; max: number };
      return { type: 'integer', minimum: bounds.min, maximum: bounds.max };
    }
    case 'float':
      return range({ type: 'number' });
    case 'decimal':
      return { anyOf: [range({ type: 'number' }), { type: 'string', pattern: decimalPattern(field) }] };
    default:
      return plainSchema(field);
  }
}

/** Schema of a field's value as responses (and query parameters) show it. */
export function plainSchema(field: IrField, mode: 'input' | 'output' = 'input'): JsonSchema {
  switch (field.type) {
    case 'integer':
      return mode === 'output' ? { type: 'integer' } : intSchema(INT32);
    case 'bigint':
      return mode === 'output' ? { type: 'integer' } : intSchema(INT64);
    case 'float':
      return { type: 'number' };
    case 'decimal':
      return mode === 'output'
        ? { type: 'string', pattern: '^(?!^[-+.]*$)[+-]?0*\\d*\\.?\\d*$' }
        : { anyOf: [{ type: 'number' }, { type: 'string', pattern: '^(?!^[-+.]*$)[+-]?0*\\d*\\.?\\d*$' }] };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
    case 'uuid':
      return { type: 'string', format: 'uuid' };
    case 'json':
      return {};
    case 'enum':
      return field.enum ? ref(field.enum.className) : { type: 'string' };
    default:
      return { type: 'string' };
  }
}

/** `X | None`; Pydantic flattens a union's branches into the same anyOf. */
export function nullable(schema: JsonSchema): JsonSchema {
  const keys = Object.keys(schema);
  if (keys.length === 1 && Array.isArray(schema.anyOf)) return { anyOf: [...schema.anyOf, { type: 'null' }] };
  return { anyOf: [schema, { type: 'null' }] };
}

/** Title, description and examples sit beside `anyOf`, or beside a plain schema (not beside a `$ref` title). */
export function decorate(
  schema: JsonSchema,
  field: { name: string; description?: string; example?: unknown },
): JsonSchema {
  const out: JsonSchema = { ...schema };
  if (!('$ref' in schema)) out.title = pyTitle(field.name);
  if (field.description !== undefined && field.description.trim() !== '') out.description = field.description;
  if (field.example !== undefined) out.examples = [field.example];
  return out;
}

function defaultJson(field: IrField): unknown {
  const def = field.default;
  if (def?.kind !== 'literal') return undefined;
  // null is Pydantic's implicit default (not shown); containers use a default_factory (not shown either).
  if (def.value === null || typeof def.value === 'object') return undefined;
  if (field.type === 'decimal') return String(def.value);
  if (field.type === 'float' && typeof def.value === 'number') return def.value;
  return def.value;
}

export type Prop = { name: string; schema: JsonSchema; required: boolean };

/** `key`: the property's JSON name (the field's alias in entity schemas). */
export function inputProp(field: IrField, mode: 'create' | 'update' | 'replace', key = field.name): Prop {
  let schema = inputValueSchema(field);
  const partial = mode === 'update' || (mode === 'replace' && field.isPassword);
  const isNullable = field.type !== 'json' && (field.nullable || partial);
  if (isNullable) schema = nullable(schema);
  schema = decorate(schema, patched(field, { name: key }));
  let required = mode !== 'update' && !partial && !field.nullable && field.default === undefined;
  if (mode !== 'update' && !partial) {
    const value = defaultJson(field);
    if (value !== undefined) {
      schema.default = value;
      required = false;
    }
  }
  return { name: key, schema, required };
}

/** `closed`: an input model with `extra="forbid"` (Pydantic says `additionalProperties: false`). */
export function objectSchema(title: string, props: Prop[], description?: string, closed = false): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const p of props) properties[p.name] = p.schema;
  const out: JsonSchema = closed
    ? { additionalProperties: false, properties, type: 'object' }
    : { properties, type: 'object' };
  const required = props.filter((p) => p.required).map((p) => p.name);
  if (required.length > 0) out.required = required;
  out.title = title;
  if (description) out.description = description;
  return out;
}

/** Integers in requests are bounded by their column (`Int32`, `Int64` of app/schemas/common.py). */
function intSchema(bounds: { min: number | bigint; max: number | bigint }): JsonSchema {
  return { type: 'integer', minimum: Number(bounds.min), maximum: Number(bounds.max) };
}

/** Ids (INTEGER ones are `Int32` in requests and responses alike). */
export function pkSchema(entity: IrEntity): JsonSchema {
  return entity.primaryKey === 'uuid' ? { type: 'string', format: 'uuid' } : intSchema(INT32);
}

function fkProps(
  entity: IrEntity,
  project: IrProject,
  mode: 'create' | 'update' | 'replace' | 'read',
): Prop[] {
  const fks =
    mode === 'read' ? entity.fks : entity.fks.filter((fk) => (mode === 'create' ? fk.inCreate : fk.inUpdate));
  return fks.map((fk) => {
    const target = project.entityById.get(fk.targetId) as IrEntity;
    const base = pkSchema(target);
    const isNullable = mode === 'read' ? fk.nullable : fk.nullable || mode === 'update';
    const name = wireName(entity, fk.column);
    const schema = decorate(isNullable ? nullable(base) : base, { name });
    const required = mode === 'read' || ((mode === 'create' || mode === 'replace') && !fk.nullable);
    return { name, schema, required };
  });
}

/** Many-to-many links written as lists of the target's ids. */
function linkProps(entity: IrEntity, project: IrProject, mode: 'create' | 'update' | 'replace'): Prop[] {
  return entity.resource.links.map((link) => {
    const target = project.entityById.get(link.targetId) as IrEntity;
    const list: JsonSchema = { items: pkSchema(target), maxItems: LINKS_MAX, type: 'array' };
    const name = wireName(entity, link.attr);
    return {
      name,
      schema: decorate(mode === 'update' ? nullable(list) : list, { name }),
      required: false,
    };
  });
}

/** An entity schema's input property under its JSON name. */
export const entityInput = (entity: IrEntity, mode: 'create' | 'update' | 'replace') => (field: IrField) =>
  inputProp(field, mode, wireName(entity, field.name));

export function createSchema(entity: IrEntity, project: IrProject): JsonSchema {
  return objectSchema(
    entity.schemas.create,
    [
      ...baseFields(entity).map(entityInput(entity, 'create')),
      ...createOnlyFields(entity).map(entityInput(entity, 'create')),
      ...fkProps(entity, project, 'create'),
      ...linkProps(entity, project, 'create'),
      ...valueListInputProps(entity, 'create'),
    ],
    undefined,
    true,
  );
}

/** A create-style body of some of an entity's fields that refuses unknown ones (`extra="forbid"`). */
export function inputSchema(
  title: string,
  entity: IrEntity,
  fields: IrField[],
  fks: IrEntity['fks'],
  project: IrProject,
): JsonSchema {
  const fkSet = new Set(fks.map((fk) => wireName(entity, fk.column)));
  const schema = objectSchema(title, [
    ...fields.map(entityInput(entity, 'create')),
    ...fkProps(entity, project, 'create').filter((p) => fkSet.has(p.name)),
  ]);
  return patched(schema, { additionalProperties: false });
}

export function updateSchema(
  entity: IrEntity,
  project: IrProject,
  mode: 'update' | 'replace' = 'update',
  title = entity.schemas.update,
): JsonSchema {
  const props = [
    ...entity.fields.filter((f) => f.inUpdate).map(entityInput(entity, mode)),
    ...fkProps(entity, project, mode),
    ...linkProps(entity, project, mode),
    ...valueListInputProps(entity, mode),
  ];
  if (needsCurrentPassword(entity, project)) {
    const name = wireName(entity, 'current_password');
    props.push({
      name,
      schema: decorate(nullable({ type: 'string', maxLength: 1024 }), { name }),
      required: false,
    });
  }
  return objectSchema(title, props, undefined, true);
}

/** A value the server derives is `readOnly` (as `json_schema_extra` marks it in the generated schemas). */
const derivedReadOnly = (field: IrField, schema: JsonSchema): JsonSchema =>
  field.derive ? patched(schema, { readOnly: true }) : schema;

function readProps(entity: IrEntity, project: IrProject, fields = readFields(entity)): Prop[] {
  const id = wireName(entity, 'id');
  const props: Prop[] = [{ name: id, schema: decorate(pkSchema(entity), { name: id }), required: true }];
  for (const f of fields) {
    const base = plainSchema(f, 'output');
    const schema = f.nullable && f.type !== 'json' ? nullable(base) : base;
    const name = wireName(entity, f.name);
    props.push({ name, schema: derivedReadOnly(f, decorate(schema, { name })), required: true });
  }
  props.push(...fkProps(entity, project, 'read'));
  if (entity.timestamps) {
    for (const name of ['created_at', 'updated_at'].map((n) => wireName(entity, n))) {
      props.push({
        name,
        schema: decorate({ type: 'string', format: 'date-time' }, { name }),
        required: true,
      });
    }
  }
  props.push(...computedProps(entity, entity.computed));
  return props;
}

/** A named view (`Entity.views`): the id and the view's fields, no foreign keys, timestamps or embeds. */
export function namedViewSchema(entity: IrEntity, view: IrEntityView): JsonSchema {
  const id = wireName(entity, 'id');
  const props: Prop[] = [{ name: id, schema: decorate(pkSchema(entity), { name: id }), required: true }];
  for (const f of view.fields) {
    const base = plainSchema(f, 'output');
    const schema = f.nullable && f.type !== 'json' ? nullable(base) : base;
    const name = wireName(entity, f.name);
    props.push({ name, schema: derivedReadOnly(f, decorate(schema, { name })), required: true });
  }
  props.push(...computedProps(entity, view.computed));
  return objectSchema(view.className, props);
}

export function readSchema(entity: IrEntity, project: IrProject): JsonSchema {
  return objectSchema(entity.schemas.read, readProps(entity, project));
}

/** The public view (owner-only fields left out), or null when the entity has none. */
export function publicSchema(entity: IrEntity, project: IrProject): JsonSchema | null {
  if (!entity.schemas.public) return null;
  return objectSchema(entity.schemas.public, readProps(entity, project, publicFields(entity)));
}

export function publicDetailSchema(entity: IrEntity, project: IrProject): JsonSchema | null {
  const name = entity.schemas.publicDetail;
  if (!name) return null;
  return objectSchema(name, [
    ...readProps(entity, project, publicFields(entity)),
    ...embedProps(entity, project),
    ...valueListReadProps(entity),
  ]);
}

export function detailSchema(entity: IrEntity, project: IrProject): JsonSchema | null {
  const name = entity.schemas.detail;
  if (!name) return null;
  return objectSchema(name, [
    ...readProps(entity, project),
    ...embedProps(entity, project),
    ...valueListReadProps(entity),
  ]);
}

function embedProps(entity: IrEntity, project: IrProject): Prop[] {
  return entity.resource.embeds.map((embed): Prop => {
    const target = project.entityById.get(embed.targetId) as IrEntity;
    const r = ref(embed.view ?? embeddedSchema(target));
    const name = wireName(entity, embed.attr);
    if (embed.many) return { name, schema: decorate({ items: r, type: 'array' }, { name }), required: true };
    const fk = entity.fks.find((f) => f.attr === embed.attr);
    const schema = fk && !fk.nullable ? r : decorate(nullable(r), { name });
    return { name, schema, required: true };
  });
}

/** A list page (`<Entity>List`, or a viewer list's own page class with its items' view). */
export function listSchema(
  entity: IrEntity,
  page: { name: string; view: IrView } = { name: entity.schemas.list, view: entity.resource.views.list },
): JsonSchema | null {
  const shape = entity.resource.shape;
  if (shape.list.kind === 'array') return null;
  const item = viewSchema(entity, page.view);
  const int = (name: string): Prop => ({
    name,
    schema: { type: 'integer', title: pyTitle(name) },
    required: true,
  });
  const items = shape.list.itemsKey;
  const props: Prop[] = [
    { name: items, schema: { items: ref(item), type: 'array', title: pyTitle(items) }, required: true },
  ];
  if (shape.list.countKey !== null) props.push(int(shape.list.countKey));
  if (shape.list.echoPaging) {
    const paging = shape.paging;
    if (paging.style === 'offset') props.push(int(paging.limitParam), int(paging.offsetParam));
    else if (paging.style === 'page') props.push(int(paging.pageParam), int(paging.sizeParam));
  }
  return objectSchema(page.name, props);
}

export function registerSchema(project: IrProject): JsonSchema | null {
  const auth = project.auth;
  if (!auth) return null;
  const user = project.entityById.get(auth.userId) as IrEntity;
  const fields = user.fields.filter((f) => !f.readOnly && f.id !== auth.role?.id);
  return objectSchema(
    auth.registerSchema,
    // Under the JSON names, as the generated body takes them (aliases).
    [...fields.map(entityInput(user, 'create')), ...fkProps(user, project, 'create')],
    undefined,
    true,
  );
}

export function fixedSchemas(project: IrProject): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> =
    project.errorFormat !== 'fastapi'
      ? {}
      : {
          HTTPValidationError: {
            properties: { detail: { items: ref('ValidationError'), type: 'array', title: 'Detail' } },
            type: 'object',
            title: 'HTTPValidationError',
          },
          ValidationError: {
            properties: {
              loc: {
                items: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
                type: 'array',
                title: 'Location',
              },
              msg: { type: 'string', title: 'Message' },
              type: { type: 'string', title: 'Error Type' },
              input: { title: 'Input' },
              ctx: { type: 'object', title: 'Context' },
            },
            type: 'object',
            required: ['loc', 'msg', 'type'],
            title: 'ValidationError',
          },
        };
  const auth = project.auth;
  if (auth) {
    const str = (name: string) => ({ type: 'string', title: pyTitle(name) });
    const nullableStr = (name: string) => ({
      anyOf: [{ type: 'string' }, { type: 'null' }],
      title: pyTitle(name),
    });
    if (auth.api.tokenIn === 'token' || auth.api.formLoginPath !== null)
      out.Token = {
        properties: {
          access_token: str('access_token'),
          token_type: patched(str('token_type'), { default: 'bearer' }),
        },
        type: 'object',
        required: ['access_token'],
        title: 'Token',
      };
    out.LoginRequest = {
      additionalProperties: false,
      properties: { [auth.login.name]: str(auth.login.name), [auth.password.name]: str(auth.password.name) },
      type: 'object',
      required: [auth.login.name, auth.password.name],
      title: 'LoginRequest',
    };
    // FastAPI names the form body after the login operation's id.
    const form = project.operations.find((op) => op.kind === 'login')?.body?.name;
    if (form)
      out[form] = {
        properties: {
          grant_type: {
            anyOf: [{ type: 'string', pattern: '^password$' }, { type: 'null' }],
            title: 'Grant Type',
          },
          username: str('username'),
          password: { type: 'string', format: 'password', title: 'Password' },
          scope: { type: 'string', title: 'Scope', default: '' },
          client_id: nullableStr('client_id'),
          client_secret: patched(nullableStr('client_secret'), { format: 'password' }),
        },
        type: 'object',
        required: ['username', 'password'],
        title: form,
      };
  }
  return out;
}
