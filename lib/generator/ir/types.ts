import type { ResourceApiShape } from '@/lib/design/api-shape';
import type {
  ComputedField,
  Constraints,
  ErrorFormat,
  FieldDefault,
  FieldType,
  HttpMethod,
  OnDelete,
  QueryParamType,
  SortDirection,
} from '@/lib/design/schema';
import type { IrAuthApi } from './auth-api';

/**
 * The design with every generator decision made once: Python/SQL names, module names, dependency order,
 * schema membership, query parameter names. Emitters only read it; all lookups are maps built here.
 */
export type IrProject = {
  name: string;
  /** Distribution name for pyproject.toml (`blog-api`). */
  slug: string;
  enums: IrEnum[];
  /** In table-creation order: an entity comes after every entity its foreign keys point to (cycles aside). */
  entities: IrEntity[];
  entityById: ReadonlyMap<string, IrEntity>;
  associations: IrAssociation[];
  auth: IrAuth | null;
  /** The body of every 4xx (`design.api.errors`). */
  errorFormat: ErrorFormat;
  customEndpoints: IrCustomEndpoint[];
  /**
   * Every HTTP operation the app serves, in the order FastAPI registers them (custom stubs, auth, resources,
   * health): routes, OpenAPI and generated tests read method, path, names and statuses from here.
   */
  operations: IrOperation[];
};

export type IrEnum = {
  id: string;
  className: string;
  /**
   * Name of the PostgreSQL enum type (`CREATE TYPE <typeName> AS ENUM`): the class name in snake_case, kept
   * clear of table names, reserved words and built-in type names. Elsewhere the column is a VARCHAR.
   */
  typeName: string;
  members: { name: string; value: string }[];
  /** VARCHAR length of the column where enums are not native (SQLite): the longest value. */
  length: number;
};

export type IrAccess =
  /** `viewer`: the caller is known when a valid token comes along; an invalid one is a 401. */
  | { kind: 'public'; viewer?: true }
  | { kind: 'authenticated' }
  | { kind: 'roles'; roles: string[] }
  | { kind: 'owner' }
  /** The owner of the parent row of a nested resource (any child of the caller's own parent). */
  | { kind: 'parent-owner' };

export type IrField = {
  id: string;
  name: string;
  /** The field's JSON name (body keys, answers): its `apiName`, or `name` in the project's naming style. */
  api: string;
  type: FieldType;
  nullable: boolean;
  unique: boolean;
  /** Indexed: the design says so, or the list sorts by it and it is not unique (`markSortIndexes`). */
  indexed: boolean;
  default: FieldDefault | undefined;
  constraints: Constraints;
  description: string;
  example: unknown;
  enum: IrEnum | undefined;
  precision: number | undefined;
  scale: number | undefined;
  /** VARCHAR length for string-like columns. */
  length: number | undefined;
  readOnly: boolean;
  inCreate: boolean;
  inUpdate: boolean;
  inRead: boolean;
  isPassword: boolean;
  /** Owner-only fields are left out of the entity's public view. */
  visibility: 'public' | 'owner';
  /** Server-set from a field of the row the FK `column` points at (on create, and when the FK changes). */
  copyFrom: { column: string; nullable: boolean; targetId: string; field: string } | null;
  /** Server-set from another field of the same row (`ir/derive.ts`); resolved with the copies. */
  derive: IrDerive | null;
};

/**
 * A value derived from `source` of the same row: `slug` (unique: with a `-2`, `-3`... suffix), `lower`, or `now`
 * (the time the source became true / changed). Set on create, and on update when `onUpdate` and the source changes.
 */
export type IrDerive = { kind: 'slug' | 'lower' | 'now'; source: IrField; onUpdate: boolean };

/** A unique constraint over several columns (`Entity.uniques`): deterministic name, columns, JSON names. */
export type IrUnique = { id: string; name: string; columns: string[]; fields: string[] };

/** The FK column of a many-to-one / one-to-one, on the entity that holds it. */
export type IrForeignKey = {
  relationId: string;
  column: string;
  /** The relationship attribute (`author` for `author_id`). */
  attr: string;
  targetId: string;
  nullable: boolean;
  onDelete: OnDelete;
  /** one-to-one: unique FK. */
  unique: boolean;
  /** The FK closes a dependency cycle: created after the tables (`use_alter`). */
  deferred: boolean;
  inCreate: boolean;
  inUpdate: boolean;
};

export type IrRelationship = {
  attr: string;
  relationId: string;
  targetId: string;
  many: boolean;
  backPopulates: string | null;
  /** FK column(s) on this side's model for a to-one relation that owns it (self / ambiguous joins). */
  foreignKeys: string | null;
  /** `remote_side` for the many-to-one side of a self-relation. */
  remoteSideId: boolean;
  /** Association table name (plain many-to-many) or through entity table. */
  secondary: string | null;
  primaryJoin: string | null;
  secondaryJoin: string | null;
  viewOnly: boolean;
  /** Delete children with their parent when the FK cascades (passive: the database does it). */
  passiveDeletes: boolean;
};

export type IrAssociation = {
  relationId: string;
  table: string;
  left: { column: string; targetId: string };
  right: { column: string; targetId: string };
  /**
   * The index on the right column (`ix_<table>_<column>`): the primary key (left, right) serves lookups by
   * the left one only, so reading the relation from its other side would scan the table.
   */
  rightIndex: string;
};

export type IrRef = {
  /** Python parameter name in the handler. */
  param: string;
  /** Query parameter name in the URL (the alias when it differs from `param`). */
  query: string;
  /** Path through a relation, or null for the entity's own column. */
  via: { attr: string; many: boolean; targetId: string; fkColumn: string | null } | null;
  /** Field of the target entity, or null for its primary key (or a computed field). */
  field: IrField | null;
  /** A computed field of the entity itself (sorts only; `via` and `field` are null). */
  computed?: IrComputed;
};

/** The related rows of a computed field (see `computedSource`). */
export type IrComputedSource =
  /** Rows of `targetId` whose FK `column` holds this row's id (a many-to-one seen from its target). */
  | { kind: 'backref'; targetId: string; column: string }
  /** Links of a plain many-to-many: `own` holds this row's id, `other` the related row's. */
  | { kind: 'association'; table: string; own: string; other: string; targetId: string }
  /** Rows of the through entity `throughId`: FK `own` to this row, FK `other` to the related row. */
  | { kind: 'through'; throughId: string; own: string; other: string; targetId: string };

/**
 * A read-only value of the entity's responses computed in SQL (`Entity.computed`): a correlated scalar
 * subquery mapped as a `column_property`, or per viewer (`viewer-linked`) a `query_expression` filled by
 * `with_expression(<viewerFn>(viewer))` where the row is loaded.
 */
export type IrComputed = {
  id: string;
  /** Python attribute (model and schemas). */
  name: string;
  /** JSON name. */
  api: string;
  kind: ComputedField['kind'];
  description: string;
  source: IrComputedSource;
  /** The entity's relationship attribute holding the related rows (`followers`). */
  relationAttr: string;
  /** The aggregated field of the related entity (`sum` / `min` / `max`). */
  field: IrField | null;
  /** Only related rows whose field equals the value. */
  where: { field: IrField; equals: unknown } | null;
  perViewer: boolean;
  /** `min` / `max` of no rows. */
  nullable: boolean;
  /** Function of `app/models/computed.py` building the per-viewer expression (`viewer-linked` only). */
  viewerFn: string | null;
};

export type IrList = {
  access: IrAccess;
  defaultPageSize: number;
  maxPageSize: number;
  filters: IrRef[];
  sorts: IrRef[];
  defaultOrder: { ref: IrRef; direction: SortDirection } | null;
};

/** `view`: the schema class the target is embedded with for this relation (`Resource.embedViews`); null: its default. */
export type IrEmbed = { attr: string; targetId: string; many: boolean; view?: string | null };

/** One many-to-one step of an owner path: the FK column and relationship attribute, and where it leads. */
export type IrOwnerHop = { attr: string; column: string; targetId: string };

/**
 * Who owns a row: `hops` lead from the entity to the user (`[]` on the auth user entity: the row is the user;
 * one hop for a direct owner; more for an owner through a parent, item -> list -> owner).
 */
export type IrOwnership = { hops: IrOwnerHop[] };

/** Which response schema an operation answers with: everything, or the public view (owner-only fields left out). */
export type IrView = 'full' | 'public' | { schema: string };

/** A named view of an entity: schema class `<Entity><View>` with the id and these fields only. */
export type IrEntityView = { id: string; className: string; fields: IrField[]; computed: IrComputed[] };

/** A many-to-many written in create/update bodies as a list of the target's ids (embedded relations only). */
export type IrLinkWrite = { attr: string; targetId: string };

/**
 * A many-to-many shown as the sorted values of one field of the related rows (`tagList: ["a", "b"]`) and, when
 * `writable`, written as such a list in create/update bodies (the related rows found by the field, or created).
 */
export type IrValueList = {
  /** The relationship attribute on the entity, also the schemas' attribute (`tags`). */
  attr: string;
  /** The JSON key (`tagList`). */
  key: string;
  relationId: string;
  targetId: string;
  /** The target's value field (unique, string-like). */
  field: IrField;
  writable: boolean;
};

/**
 * A resource nested under its parent's item path through a many-to-one FK: the parent's lookup is a path
 * parameter (`param`, planned against every handler of the child), the FK is set from it on create.
 */
export type IrNesting = {
  parentId: string;
  fk: IrForeignKey;
  /** The parent's lookup field (null: its primary key). */
  field: IrField | null;
  /** Python parameter name and path segment (`slug`, or `article_slug` when the child's lookup is `slug`). */
  param: string;
};

/** A lookup through a one-to-one relation: the relationship attribute on this model and the entity it leads to. */
export type IrLookupVia = { attr: string; targetId: string };

/** One step of a viewer list's path: the relationship attribute, to-many or not, and the FK column of a to-one. */
export type IrViewerHop = { attr: string; many: boolean; targetId: string; fkColumn: string | null };

/**
 * A viewer-bound list: the rows of the entity that reach the signed-in user along `hops` (the last hop ends at
 * the user entity), paged, filtered and sorted by `list` (the resource's list settings), answered in `view`.
 * `mount: 'me'` serves it under the auth API's me path (a router without the resource's prefix).
 */
export type IrViewerList = {
  id: string;
  name: string;
  mount: 'resource' | 'me';
  path: string;
  handler: string;
  hops: IrViewerHop[];
  list: IrList;
  view: IrView;
  summary: string | null;
};

export type IrResource = {
  /** Full router prefix: nested resources include the parent's item path (`/articles/{slug}/comments`). */
  path: string;
  parent: IrNesting | null;
  tag: string;
  /** Python module of the router (`app/api/routes/<module>.py`) and its test. */
  module: string;
  /**
   * How the item path names a row: `field` of this entity (null: its primary key), or with `via` a field of the
   * row at the other end of a one-to-one relation (`attr` on this model, the target's `field`).
   */
  lookup: { field: IrField | null; param: string; via?: IrLookupVia | null };
  list: IrList | null;
  /** Lists of the rows that reach the current user along a relation path (`Resource.viewerLists`). */
  viewerLists?: IrViewerList[];
  get: IrAccess | null;
  create: IrAccess | null;
  update: IrAccess | null;
  delete: IrAccess | null;
  embeds: IrEmbed[];
  owner: IrForeignKey | null;
  ownership: IrOwnership | null;
  /** Boolean field marking rows public: reads not limited to the owner see only those (and the caller's own). */
  publicRows: IrField | null;
  links: IrLinkWrite[];
  valueLists: IrValueList[];
  /** FKs to the entity itself: an update must not make a row its own ancestor. */
  selfRefs: IrForeignKey[];
  views: { list: IrView; get: IrView; create: IrView; update: IrView };
  /** Endpoints acting on one row at `{item path}/{name}` (`Resource.actions`, see `ir/actions.ts`). */
  actions: IrAction[];
  /** Envelopes, list shape, paging and update verb of this resource (project defaults + overrides). */
  shape: ResourceApiShape;
};

export type IrSchemaNames = {
  base: string;
  create: string;
  update: string;
  read: string;
  /** Read + embedded relations; null when nothing is embedded (responses use `read`). */
  detail: string | null;
  list: string;
  /** Read without owner-only fields; null when every returned field is public (the public view is `read`). */
  public: string | null;
  /** Public + embedded relations; null unless both exist. */
  publicDetail: string | null;
  /** The entity's named views (`<Entity><View>`, flat: no embeds). */
  views: IrEntityView[];
  /** The view other entities embed this one with; null: its public view (or Read). */
  embed: string | null;
};

export type IrEntity = {
  id: string;
  className: string;
  /** snake_case singular: variable names, model/schema module name. */
  varName: string;
  /** snake_case plural for handler names (`list_posts`). */
  pluralVar: string;
  module: string;
  tableName: string;
  description: string;
  primaryKey: 'int' | 'uuid';
  timestamps: boolean;
  fields: IrField[];
  fieldById: ReadonlyMap<string, IrField>;
  /** Computed fields (`Entity.computed`), in the responses after the stored ones. */
  computed: IrComputed[];
  fks: IrForeignKey[];
  /** Composite unique constraints (`__table_args__`), in design order. */
  uniques: IrUnique[];
  relationships: IrRelationship[];
  schemas: IrSchemaNames;
  resource: IrResource;
  isUser: boolean;
  /** The entity's CRUD operations (list, get, create, update, delete: those enabled), planned once. */
  operations: IrOperation[];
  /** The operations of its actions (`resource.actions`), served by the same router after the CRUD ones. */
  actionOperations: IrOperation[];
  /** Name of every class attribute of the model and schema classes (for import aliasing). */
  memberNames: string[];
  /**
   * JSON key of each schema attribute (`id`, fields, FK columns, links, embeds, timestamps) whose key differs
   * from its Python name (`author_id` -> `authorId`): the schemas alias exactly these (`wireName`).
   */
  wire: ReadonlyMap<string, string>;
};

export type IrAuth = {
  userId: string;
  login: IrField;
  password: IrField;
  role: IrField | null;
  tokenLifetimeMinutes: number;
  registerSchema: string;
  api: IrAuthApi;
};

export type IrCustomEndpoint = {
  id: string;
  method: HttpMethod;
  /** Full path including the entity's resource path. */
  path: string;
  pathParams: string[];
  /** Query parameters: `name` snake_case (planned against the handler's scope), `wire` in the naming style. */
  query: {
    name: string;
    wire: string;
    type: QueryParamType;
    required: boolean;
    description: string | null;
  }[];
  summary: string;
  access: IrAccess;
  functionName: string;
  /** Router module that holds it: an entity's resource module or `custom`. */
  module: string;
  requestId: string | null;
  response: { entityId: string; list: boolean } | null;
  /** For owner rules: the entity whose owner relation applies. */
  entityId: string | null;
};

export type IrOperationKind =
  | 'list'
  | 'viewer_list'
  | 'get'
  | 'create'
  | 'update'
  | 'delete'
  | 'custom'
  /** `Resource.actions`: add / remove a many-to-many link, set fields of the row. */
  | 'link_add'
  | 'link_remove'
  | 'set_fields'
  | 'register'
  | 'login'
  | 'login_json'
  | 'me'
  | 'me_update'
  | 'health';

/** Where a parameter's value comes from, and so its type and validation. */
export type IrParamSource =
  | { kind: 'limit'; max: number; default: number }
  | { kind: 'offset' }
  /** 1-based page number (`page` paging); `max` keeps `(page - 1) * size` a safe integer. */
  | { kind: 'page'; max: number }
  | { kind: 'sort'; keys: string[] }
  | { kind: 'filter'; ref: IrRef }
  /** The entity's lookup field, or its primary key when null. */
  | { kind: 'lookup'; entityId: string; field: IrField | null }
  /** A path segment of a custom endpoint. */
  | { kind: 'segment' }
  /** A query parameter of a custom endpoint, of its declared type. */
  | { kind: 'custom_query'; type: QueryParamType; description: string | null };

export type IrParam = {
  /** Python parameter name, planned against the handler's scope. */
  name: string;
  /** Name in the URL (path segment or query key): an alias when it differs from `name`. */
  wire: string;
  in: 'path' | 'query';
  required: boolean;
  source: IrParamSource;
};

/** A request or response schema: class name and the module that defines it. */
export type IrSchemaRef = { name: string; module: string };

export type IrOperation = {
  kind: IrOperationKind;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Full path as served (`/posts/{slug}`). */
  path: string;
  /** Path relative to the router's prefix (the decorator's argument). */
  route: string;
  /** Python function name of the handler. */
  handler: string;
  /**
   * OpenAPI operation id = FastAPI route name (`generate_unique_id_function` returns it): the handler name,
   * numbered when another router's handler has the same (the decorator then passes `name=`).
   */
  operationId: string;
  /** The operation's description (the handler's docstring); null where the handler has none. */
  description: string | null;
  tag: string;
  /** Explicit summary (custom endpoints); null: FastAPI's default from the handler name. */
  summary: string | null;
  /** null: no authentication at all (auth endpoints, health). */
  access: IrAccess | null;
  params: IrParam[];
  /**
   * The request body: `param` is its Python parameter (`body`, unless a path segment has that name: FastAPI
   * takes a parameter named like a segment for that segment); `entityId`: the entity whose fields it carries.
   */
  body: (IrSchemaRef & { param: string; form: boolean; entityId: string | null }) | null;
  /** null: no body (204, or a stub documented as returning nothing). */
  response: (IrSchemaRef & { list: boolean }) | null;
  status: number;
  /** Error statuses the handler can answer (documented in OpenAPI). */
  errors: number[];
  /** Names the handler binds in its body: parameters never take one of them. */
  locals: string[];
  entityId: string | null;
  /** The design's custom endpoint id, for `custom` operations. */
  customId: string | null;
  /** The design's viewer list id, for `viewer_list` operations. */
  viewerListId?: string;
  /** The design's action id, for action operations (`link_add`, `link_remove`, `set_fields`). */
  actionId?: string;
};

/**
 * Where a link of a many-to-many relation is stored: a row of its association table or of its through entity,
 * with the column naming the acting row and the one naming the other end (the viewer or the row in the path).
 */
export type IrLinkStore =
  | { kind: 'table'; table: string; rowColumn: string; otherColumn: string }
  | { kind: 'through'; entityId: string; rowColumn: string; otherColumn: string };

/** One value a `set` action writes: a literal, the current time, or the caller's id into a FK to the user. */
export type IrActionSet =
  | { kind: 'literal'; column: string; field: IrField; value: unknown }
  | { kind: 'now'; column: string; field: IrField }
  | { kind: 'viewer'; column: string };

/** A design action, resolved: its operations point at it through `IrOperation.actionId`. */
export type IrAction = {
  id: string;
  name: string;
  access: IrAccess;
  /** The answer's view: the action's `viewId`, else the resource's get view (public for open actions). */
  view: IrView;
  /** The OpenAPI summary (`summary=` of the route); null: FastAPI's default from the handler name. */
  summary: string | null;
} & (
  | {
      kind: 'link';
      /** The entity at the other end (the auth user entity for `viewer`). */
      otherId: string;
      target: 'viewer' | 'row';
      store: IrLinkStore;
    }
  | { kind: 'set'; method: 'post' | 'put' | 'patch'; sets: IrActionSet[] }
);
