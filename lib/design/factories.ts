import {
  type ApiShape,
  type AuthApi,
  type Design,
  type Entity,
  type Field,
  type FieldType,
  FORMAT_VERSION,
  PRIMARY_KEY_REF,
  type Relation,
  type Resource,
} from './schema';

/** Constructors that fill every required property with its neutral default. */

export function emptyDesign(name: string): Design {
  return {
    formatVersion: FORMAT_VERSION,
    name,
    entities: [],
    enums: [],
    relations: [],
    customEndpoints: [],
    auth: null,
    api: defaultApiShape(),
    layout: { nodes: {} },
  };
}

/** FastAPI's conventional shape: snake_case, bare objects, `{items, total, limit, offset}` lists, PATCH. */
export function defaultApiShape(): ApiShape {
  return {
    naming: 'snake_case',
    objects: { wrap: false, key: '{name}' },
    bodies: { wrap: false },
    lists: { kind: 'object', itemsKey: 'items', countKey: 'total', echoPaging: true },
    paging: { style: 'offset', limitParam: 'limit', offsetParam: 'offset' },
    update: 'patch',
    errors: 'fastapi',
    timestamps: {},
  };
}

/** `/auth/register`, `/auth/login` (OAuth2 form, JSON at `/auth/login/json`), `/auth/me`; a bearer token object. */
export function defaultAuthApi(): AuthApi {
  return {
    registerPath: '/auth/register',
    loginPath: '/auth/login',
    mePath: '/auth/me',
    login: 'form',
    tokenIn: 'token',
    scheme: { kind: 'bearer' },
    meUpdate: false,
  };
}

/** All CRUD operations enabled and public: a fresh design must be valid before auth exists. */
export function defaultResource(): Resource {
  const open = () => ({ enabled: true, access: { kind: 'public' as const } });
  return {
    lookupFieldId: PRIMARY_KEY_REF,
    embed: [],
    operations: {
      list: { ...open(), defaultPageSize: 20, maxPageSize: 100, filters: [], sortable: [] },
      get: open(),
      create: open(),
      update: open(),
      delete: open(),
    },
  };
}

export type FieldProps = Partial<Omit<Field, 'id' | 'name' | 'type'>>;

export function newField(id: string, name: string, type: FieldType, props: FieldProps = {}): Field {
  return {
    id,
    name,
    type,
    nullable: false,
    unique: false,
    indexed: false,
    readOnly: false,
    writeOnly: type === 'password',
    visibility: 'public',
    description: '',
    ...props,
    constraints: { ...props.constraints },
  };
}

export type EntityProps = Partial<Omit<Entity, 'id' | 'name'>>;

export function newEntity(id: string, name: string, props: EntityProps = {}): Entity {
  return {
    id,
    name,
    description: '',
    primaryKey: 'int',
    timestamps: true,
    fields: [],
    resource: defaultResource(),
    ...props,
  };
}

export type RelationProps = Partial<Omit<Relation, 'id' | 'fromEntityId' | 'toEntityId'>>;

export function newRelation(
  id: string,
  fromEntityId: string,
  toEntityId: string,
  props: RelationProps,
): Relation {
  const nullable = props.nullable ?? false;
  return {
    id,
    kind: 'many-to-one',
    fromEntityId,
    toEntityId,
    fieldName: '',
    backrefName: '',
    nullable,
    onDelete: nullable ? 'set-null' : 'restrict',
    ...props,
  };
}
