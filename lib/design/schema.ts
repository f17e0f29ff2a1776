import { z } from 'zod';
import { jsonValueProblem, LIMITS } from './limits';

/**
 * The design document: the single source of truth of a Fastdraft project.
 *
 * Structural rules only live here (shapes, enums, literal kinds). Names are plain strings on purpose:
 * the editor must be able to hold an in-progress name such as '' or 'blog post', and `validateDesign`
 * reports it as a problem instead of the document refusing to load.
 */
export const FORMAT_VERSION = 4;

/** Reference to an entity's primary key wherever a field id is expected (lookup, filter, sort). */
export const PRIMARY_KEY_REF = 'id';

export const IdSchema = z.string().min(1).max(LIMITS.idLength);
export type Id = z.infer<typeof IdSchema>;

// Hard size limits (lib/design/limits.ts); semantic rules on names stay in validateDesign.
const Name = z.string().max(LIMITS.nameLength);
const RoutePath = z.string().max(LIMITS.pathLength);
const Description = z.string().max(LIMITS.descriptionLength);
const list = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z.array(item).max(max, `At most ${max} ${what}.`);
/** A JSON value within LIMITS, measured before the recursive JSON schema walks it (deep values overflow it). */
const BoundedJson = z
  .unknown()
  .superRefine((value, ctx) => {
    const problem = jsonValueProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `The value ${problem}.` });
  })
  .pipe(z.json());

export const FIELD_TYPES = [
  'string',
  'text',
  'integer',
  'bigint',
  'float',
  'decimal',
  'boolean',
  'date',
  'datetime', // always time-zone aware
  'uuid',
  'json',
  'email',
  'url',
  'enum',
  'password', // always write-only, stored hashed
] as const;
export const FieldTypeSchema = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof FieldTypeSchema>;

export const FieldDefaultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('literal'), value: BoundedJson }),
  z.object({ kind: z.literal('now') }),
  z.object({ kind: z.literal('uuid') }),
]);
export type FieldDefault = z.infer<typeof FieldDefaultSchema>;

/** A whole number of the design, at most LIMITS.integer. */
const Int = z.int().max(LIMITS.integer, `Must be at most ${LIMITS.integer}.`);
const NonNegativeInt = Int.nonnegative();

/** For `string`, `maxLength` is also the column length (VARCHAR(n)); absent means the generator's default. */
export const ConstraintsSchema = z.object({
  minLength: NonNegativeInt.optional(),
  maxLength: NonNegativeInt.optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  pattern: z.string().max(LIMITS.patternLength).optional(),
});
export type Constraints = z.infer<typeof ConstraintsSchema>;

/**
 * Who a returned field is shown to: everyone who may read the row, or only the row's owner (the user themself
 * on the auth user entity). `writeOnly` fields are never returned whatever this says.
 */
export const FieldVisibilitySchema = z.enum(['public', 'owner']);
export type FieldVisibility = z.infer<typeof FieldVisibilitySchema>;

/**
 * A value the server derives from another field of the row: `slug` (lower-case words joined by `-`, with a
 * numeric suffix when a unique field would collide), `lower` (a lower-cased copy) or `now` (the time whenever the
 * source field changes, e.g. `published_at` of `published`). Computed on create and, with `onUpdate`, on update.
 * A boolean source sets the time when it becomes true and clears it (null) when it becomes false; a slug source
 * with no letter or digit is a 422 naming it.
 */
export const FieldDeriveSchema = z.object({
  kind: z.enum(['slug', 'lower', 'now']),
  fromFieldId: IdSchema,
  onUpdate: z.boolean(),
});
export type FieldDerive = z.infer<typeof FieldDeriveSchema>;

/**
 * A field is a flat object with optional type-specific props (`enumId`, `precision`, `scale`) rather than a
 * discriminated union on `type`: changing a field's type is then a single partial update, the inspector reads
 * one shape, and leftovers of a previous type are harmless (validateDesign reports missing ones).
 */
export const FieldSchema = z.object({
  id: IdSchema,
  name: Name,
  type: FieldTypeSchema,
  nullable: z.boolean(),
  unique: z.boolean(),
  indexed: z.boolean(),
  default: FieldDefaultSchema.optional(),
  constraints: ConstraintsSchema,
  /** Set by the server; never accepted in create/update bodies. */
  readOnly: z.boolean(),
  /** Accepted in bodies, never returned. `password` fields are write-only whatever this says. */
  writeOnly: z.boolean(),
  /** Owner-only fields are left out of public views (embeds, reads not limited to the owner). */
  visibility: FieldVisibilitySchema,
  /**
   * Server-set from the row a to-one relation of this entity points at (an order line's unit price from its
   * product), on create and whenever the relation changes. Read-only fields only.
   */
  copyFrom: z.object({ relationId: IdSchema, fieldId: IdSchema }).optional(),
  /** Server-set from another field of the same row (implies read-only in bodies). */
  derive: FieldDeriveSchema.optional(),
  description: Description,
  example: BoundedJson.optional(),
  /** The field's name in JSON bodies and query parameters; absent: `name` in the project's naming style. */
  apiName: Name.optional(),
  /** `enum` only. */
  enumId: IdSchema.optional(),
  /** `decimal` only: total digits and digits after the point. */
  precision: Int.positive().optional(),
  scale: NonNegativeInt.optional(),
});
export type Field = z.infer<typeof FieldSchema>;

export const EnumSchema = z.object({
  id: IdSchema,
  name: Name,
  values: list(z.string().max(LIMITS.enumValueLength), LIMITS.valuesPerEnum, 'values per enum'),
});
export type DesignEnum = z.infer<typeof EnumSchema>;

export const AccessRuleSchema = z.discriminatedUnion('kind', [
  /** `viewer`: a valid token still identifies the caller (per-viewer answers); an invalid one is a 401. */
  z.object({ kind: z.literal('public'), viewer: z.boolean().optional() }),
  z.object({ kind: z.literal('authenticated') }),
  z.object({ kind: z.literal('roles'), roles: list(Name, LIMITS.listItems, 'roles') }),
  /**
   * Only the row's owner (the resource's `ownerRelationId` / `ownerPath`); with `of: 'parent'` the owner of the
   * parent row of a nested resource (the article's author may delete its comments).
   */
  z.object({ kind: z.literal('owner'), of: z.enum(['row', 'parent']).optional() }),
]);
export type AccessRule = z.infer<typeof AccessRuleSchema>;

/**
 * A field of the resource's entity (`relationId` absent) or of the entity at the other end of `relationId`
 * (e.g. posts filtered by the author's username). `fieldId` may be PRIMARY_KEY_REF.
 */
export const FieldRefSchema = z.object({
  relationId: IdSchema.optional(),
  fieldId: IdSchema,
});
export type FieldRef = z.infer<typeof FieldRefSchema>;

/** A list filter: the field it compares and, optionally, its query parameter's name (`author`). */
export const FilterSchema = FieldRefSchema.extend({ param: Name.optional() });
export type Filter = z.infer<typeof FilterSchema>;

export const SortDirectionSchema = z.enum(['asc', 'desc']);
export type SortDirection = z.infer<typeof SortDirectionSchema>;

const OperationBase = {
  enabled: z.boolean(),
  access: AccessRuleSchema,
  /** The entity view (`Entity.views`) this operation answers with; absent: the full response. */
  viewId: IdSchema.optional(),
};

export const ListOperationSchema = z.object({
  ...OperationBase,
  defaultPageSize: Int.positive(),
  maxPageSize: Int.positive(),
  filters: list(FilterSchema, LIMITS.listItems, 'filters'),
  sortable: list(FieldRefSchema, LIMITS.listItems, 'sortable fields'),
  defaultOrder: z.object({ field: FieldRefSchema, direction: SortDirectionSchema }).optional(),
});
export type ListOperation = z.infer<typeof ListOperationSchema>;

export const SimpleOperationSchema = z.object(OperationBase);
export type SimpleOperation = z.infer<typeof SimpleOperationSchema>;

export const CRUD_OPERATIONS = ['list', 'get', 'create', 'update', 'delete'] as const;
export type CrudOperationName = (typeof CRUD_OPERATIONS)[number];

export const UpdateVerbSchema = z.enum(['patch', 'put', 'both']);
export type UpdateVerb = z.infer<typeof UpdateVerbSchema>;

/**
 * A JSON key template: literal text with at most the placeholders `{name}` (the entity name in the project's naming
 * style: `blogPost`) and `{names}` (its plural: `blogPosts`), e.g. `{names}Count`.
 */
export const KeyTemplateSchema = z.string().max(LIMITS.nameLength);

/** Per-resource overrides of the project's `api` shape; absent keys follow the project. */
export const ResourceShapeSchema = z.object({
  objectKey: KeyTemplateSchema.optional(),
  itemsKey: KeyTemplateSchema.optional(),
  /** `null`: no count in this resource's lists. */
  countKey: KeyTemplateSchema.nullable().optional(),
  update: UpdateVerbSchema.optional(),
});
export type ResourceShape = z.infer<typeof ResourceShapeSchema>;

/**
 * One step along a relation from an entity: `side` says which end the step leaves from, `field` (the entity holding
 * `fieldName`, i.e. `fromEntityId`) or `backref` (`toEntityId`, through `backrefName`). Absent: the end this entity is
 * on; it is required only for self-relations (a user following users).
 */
export const RelationSideSchema = z.enum(['field', 'backref']);
export type RelationSide = z.infer<typeof RelationSideSchema>;
export const RelationHopSchema = z.object({ relationId: IdSchema, side: RelationSideSchema.optional() });
export type RelationHop = z.infer<typeof RelationHopSchema>;

export const COMPUTED_KINDS = ['count', 'exists', 'viewer-linked', 'sum', 'min', 'max'] as const;
/**
 * A read-only value of an entity's responses computed in SQL from a to-many relation of the row (`relationId` +
 * `side`, as in RelationHop): `count` of the related rows (`favoritesCount`), `exists`, `viewer-linked` (true when
 * the current user is one of the related rows: `favorited`, `following`; false for anonymous callers), or
 * `sum` / `min` / `max` of a numeric `fieldId` of the related entity. `where` counts only related rows whose field
 * equals a value (`comments` where `approved` is true). Flat like a field, so changing `kind` is one patch.
 * Its id may stand wherever a field id of the entity is accepted in views, sortable fields and default orders.
 */
export const ComputedFieldSchema = z.object({
  id: IdSchema,
  /** snake_case attribute name, e.g. `favorites_count`. */
  name: Name,
  apiName: Name.optional(),
  kind: z.enum(COMPUTED_KINDS),
  relationId: IdSchema,
  side: RelationSideSchema.optional(),
  /** `sum` / `min` / `max`: the aggregated field of the related entity. */
  fieldId: IdSchema.optional(),
  where: z.object({ fieldId: IdSchema, equals: BoundedJson }).optional(),
  description: Description.optional(),
});
export type ComputedField = z.infer<typeof ComputedFieldSchema>;

/**
 * A unique constraint over several columns: field ids of the entity and ids of its many-to-one / one-to-one
 * relations (their foreign-key column), e.g. a favourite's user and article. A duplicate is a 409.
 */
export const UniqueConstraintSchema = z.object({
  id: IdSchema,
  members: list(IdSchema, 16, 'columns per unique constraint'),
});
export type UniqueConstraint = z.infer<typeof UniqueConstraintSchema>;

/**
 * An endpoint acting on one row of a resource, at `{item path}/{name}`:
 * - `link`: POST adds and DELETE removes a link of the many-to-many relation `relationId` (leaving from this
 *   entity, `side` as in RelationHop) between the row and the viewer (`target: 'viewer'`: favorite, follow) or a row
 *   of the other end named by its lookup in the path (`target: 'row'`: `/{item}/{name}/{other}`). Idempotent: adding
 *   twice keeps one link, removing a missing link succeeds. Answers the row with its computed fields.
 * - `set`: sets fields of the row (`published = true`, `published_at = now`) and answers it (publish, archive).
 */
export const ActionValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('literal'), value: BoundedJson }),
  z.object({ kind: z.literal('now') }),
  z.object({ kind: z.literal('viewer') }),
]);
export type ActionValue = z.infer<typeof ActionValueSchema>;
const ActionBase = {
  id: IdSchema,
  /** The path segment after the item path: `favorite`, `publish`. */
  name: Name,
  access: AccessRuleSchema,
  /** The entity view of the answer; absent: the resource's full response. */
  viewId: IdSchema.optional(),
  summary: Description.optional(),
};
export const ResourceActionSchema = z.discriminatedUnion('kind', [
  z.object({
    ...ActionBase,
    kind: z.literal('link'),
    relationId: IdSchema,
    side: RelationSideSchema.optional(),
    target: z.enum(['viewer', 'row']),
  }),
  z.object({
    ...ActionBase,
    kind: z.literal('set'),
    method: z.enum(['POST', 'PUT', 'PATCH']),
    sets: list(z.object({ fieldId: IdSchema, value: ActionValueSchema }), 32, 'fields set by an action'),
  }),
]);
export type ResourceAction = z.infer<typeof ResourceActionSchema>;

/**
 * A list of the rows that reach the current user along `path` (hops from this entity, ending at the auth user
 * entity): a feed of articles whose author the viewer follows (`author`, then the author's `followers`), the
 * viewer's orders (`owner`). Mounted at `{resource path}/{name}` or, with `mount: 'me'`, at `{me path}/{name}`.
 * Paged, filtered and sorted like the resource's list. Always for signed-in users.
 */
export const ViewerListSchema = z.object({
  id: IdSchema,
  name: Name,
  mount: z.enum(['resource', 'me']),
  path: list(RelationHopSchema, 8, 'hops'),
  viewId: IdSchema.optional(),
  summary: Description.optional(),
});
export type ViewerList = z.infer<typeof ViewerListSchema>;

/**
 * A many-to-many relation shown as the sorted list of one field's values of the related rows (`tagList:
 * ["dragons", "training"]`); with `writable`, create and update bodies take the same list and the related rows are
 * found by that (unique) field or created.
 */
export const ValueListSchema = z.object({
  relationId: IdSchema,
  side: RelationSideSchema.optional(),
  fieldId: IdSchema,
  /** JSON key; absent: the relation's attribute name in the naming style. */
  apiName: Name.optional(),
  writable: z.boolean(),
});
export type ValueList = z.infer<typeof ValueListSchema>;

/** The generated CRUD endpoints of one entity. `update` is PATCH (partial), PUT (whole) or both (`api.update`). */
export const ResourceSchema = z.object({
  /** Override; derived from the entity name by `resourcePathFor` when absent. */
  path: RoutePath.optional(),
  /**
   * A many-to-one relation from this entity to its parent: routes nest under the parent's item path
   * (`/articles/{slug}/comments`), the foreign key comes from the path, a missing parent is a 404.
   */
  parentRelationId: IdSchema.optional(),
  shape: ResourceShapeSchema.optional(),
  /** Field id of a unique field, or PRIMARY_KEY_REF (of this entity, or with `lookupRelationId` of that entity). */
  lookupFieldId: IdSchema,
  /**
   * A one-to-one relation of this entity: the item path names the row by a unique field of the related row (a
   * profile by its user's username).
   */
  lookupRelationId: IdSchema.optional(),
  /** A many-to-one relation from this entity to the auth user entity; set from the current user on create. */
  ownerRelationId: IdSchema.optional(),
  /**
   * Owner through a relation path, when the entity has no direct owner: many-to-one relations from this entity,
   * the last one pointing at the user (todo item -> list -> owner). Owner rules then follow the path.
   */
  ownerPath: z.array(IdSchema).optional(),
  /**
   * A boolean field of this entity marking rows public: reads that are not limited to the owner see only rows
   * where it is true, the owner sees all of theirs (drafts).
   */
  publicRowsFieldId: IdSchema.optional(),
  /** Relations embedded in list/get responses. */
  embed: list(IdSchema, LIMITS.listItems, 'embedded relations'),
  /** Per embedded relation, the target entity's view to embed it with; absent: the target's `embedViewId`. */
  embedViews: list(
    z.object({ relationId: IdSchema, viewId: IdSchema }),
    LIMITS.listItems,
    'embed views',
  ).optional(),
  /** Many-to-many relations shown (and optionally written) as lists of one field's values. */
  valueLists: list(ValueListSchema, LIMITS.listItems, 'value lists').optional(),
  actions: list(ResourceActionSchema, LIMITS.listItems, 'actions').optional(),
  viewerLists: list(ViewerListSchema, LIMITS.listItems, 'viewer lists').optional(),
  operations: z.object({
    list: ListOperationSchema,
    get: SimpleOperationSchema,
    create: SimpleOperationSchema,
    update: SimpleOperationSchema,
    delete: SimpleOperationSchema,
  }),
});
export type Resource = z.infer<typeof ResourceSchema>;

export const PrimaryKeySchema = z.enum(['int', 'uuid']);
export type PrimaryKey = z.infer<typeof PrimaryKeySchema>;

/** A named subset of an entity's fields (a public `profile` of a user without its e-mail). */
export const EntityViewSchema = z.object({
  id: IdSchema,
  /** PascalCase suffix of the schema class: view `Profile` of `User` -> `UserProfile`. */
  name: Name,
  fieldIds: list(IdSchema, LIMITS.fieldsPerEntity, 'fields per view'),
});
export type EntityView = z.infer<typeof EntityViewSchema>;

/** The resource lives inside its entity: one per entity, deleted with it, never orphaned. */
export const EntitySchema = z.object({
  id: IdSchema,
  /** PascalCase class name, e.g. `BlogPost`. */
  name: Name,
  /** Override; derived by `tableNameFor` (`BlogPost` -> `blog_posts`) when absent. */
  tableName: Name.optional(),
  description: Description,
  primaryKey: PrimaryKeySchema,
  /** Adds server-set `created_at` / `updated_at`. */
  timestamps: z.boolean(),
  fields: list(FieldSchema, LIMITS.fieldsPerEntity, 'fields per entity'),
  computed: list(ComputedFieldSchema, LIMITS.fieldsPerEntity, 'computed fields').optional(),
  uniques: list(UniqueConstraintSchema, LIMITS.listItems, 'unique constraints').optional(),
  views: list(EntityViewSchema, LIMITS.listItems, 'views').optional(),
  /** The view used where this entity is embedded in another's response or read publicly; absent: its public fields. */
  embedViewId: IdSchema.optional(),
  resource: ResourceSchema,
});
export type Entity = z.infer<typeof EntitySchema>;

export const RelationKindSchema = z.enum(['many-to-one', 'one-to-one', 'many-to-many']);
export type RelationKind = z.infer<typeof RelationKindSchema>;

export const OnDeleteSchema = z.enum(['cascade', 'set-null', 'restrict']);
export type OnDelete = z.infer<typeof OnDeleteSchema>;

/**
 * One-to-many is a many-to-one seen from the other side. For many-to-one / one-to-one, `fromEntityId` holds the
 * FK: `fieldName` `author` becomes column `author_id`, `backrefName` (`posts`) is the attribute on `toEntityId`.
 * Many-to-many uses an association table (`associationTable` or a derived name) unless `throughEntityId` names an
 * entity with its own fields that has many-to-one relations to both ends.
 */
export const RelationSchema = z.object({
  id: IdSchema,
  kind: RelationKindSchema,
  fromEntityId: IdSchema,
  toEntityId: IdSchema,
  fieldName: Name,
  backrefName: Name,
  /** FK column accepts null (ignored for many-to-many). */
  nullable: z.boolean(),
  onDelete: OnDeleteSchema,
  associationTable: Name.optional(),
  throughEntityId: IdSchema.optional(),
});
export type Relation = z.infer<typeof RelationSchema>;

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const HttpMethodSchema = z.enum(HTTP_METHODS);
export type HttpMethod = z.infer<typeof HttpMethodSchema>;

/** The value types a custom endpoint's query parameter can take (FastAPI converts and validates them). */
export const QUERY_PARAM_TYPES = [
  'string',
  'integer',
  'float',
  'boolean',
  'date',
  'datetime',
  'uuid',
] as const;
export const QueryParamTypeSchema = z.enum(QUERY_PARAM_TYPES);
export type QueryParamType = z.infer<typeof QueryParamTypeSchema>;

/** A query parameter of a custom endpoint: `name` is snake_case, sent in the API's naming style. */
export const CustomQueryParamSchema = z.object({
  name: Name,
  type: QueryParamTypeSchema,
  required: z.boolean(),
  description: Description.optional(),
});
export type CustomQueryParam = z.infer<typeof CustomQueryParamSchema>;

/** A hand-written endpoint stub. With `entityId` its path is relative to that entity's resource path. */
export const CustomEndpointSchema = z.object({
  id: IdSchema,
  entityId: IdSchema.optional(),
  method: HttpMethodSchema,
  path: RoutePath,
  summary: Description,
  access: AccessRuleSchema,
  request: z.object({ entityId: IdSchema }).optional(),
  response: z.object({ entityId: IdSchema, list: z.boolean() }).optional(),
  /** Query parameters its handler takes, after the path parameters. */
  query: list(CustomQueryParamSchema, LIMITS.listItems, 'query parameters').optional(),
});
export type CustomEndpoint = z.infer<typeof CustomEndpointSchema>;

/** How a token travels: `Authorization: Bearer <t>`, `Authorization: <prefix> <t>`, or a header of its own. */
export const TokenSchemeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bearer') }),
  z.object({ kind: z.literal('prefix'), prefix: Name }),
  z.object({ kind: z.literal('header'), header: Name }),
]);
export type TokenScheme = z.infer<typeof TokenSchemeSchema>;

/** The shape of the auth API. */
export const AuthApiSchema = z.object({
  registerPath: RoutePath,
  loginPath: RoutePath,
  /** The current user: GET, and PUT/PATCH (`meUpdate`) to change one's own profile. */
  mePath: RoutePath,
  /**
   * `form`: OAuth2 password form at `loginPath` (+ JSON at `{loginPath}/json`); `json`: JSON only, at `loginPath`;
   * `both`: JSON at `loginPath` and the OAuth2 form at `{loginPath}/form` (Swagger's Authorize with Bearer).
   * A JSON login body is wrapped in the user's object key when `api.bodies.wrap` is on.
   */
  login: z.enum(['form', 'json', 'both']),
  /** `token`: a separate `{access_token, token_type}` object; `user`: the user with a `token` field. */
  tokenIn: z.enum(['token', 'user']),
  scheme: TokenSchemeSchema,
  meUpdate: z.boolean(),
});
export type AuthApi = z.infer<typeof AuthApiSchema>;

export const AuthSchema = z.object({
  userEntityId: IdSchema,
  loginFieldId: IdSchema,
  passwordFieldId: IdSchema,
  roleFieldId: IdSchema.optional(),
  tokenLifetimeMinutes: Int.positive(),
  api: AuthApiSchema,
});
export type Auth = z.infer<typeof AuthSchema>;

export const LayoutNodeSchema = z.object({
  x: z.number(),
  y: z.number(),
  collapsed: z.boolean().optional(),
});
export type LayoutNode = z.infer<typeof LayoutNodeSchema>;

/** Canvas positions keyed by element id (entities, enums): moving a box never touches the model. */
export const LayoutSchema = z.object({ nodes: z.record(z.string(), LayoutNodeSchema) });
export type Layout = z.infer<typeof LayoutSchema>;

/** How lists are paged: `offset` (limit/offset), `page` (page/size, 1-based) or not at all. */
export const PagingSchema = z.discriminatedUnion('style', [
  z.object({ style: z.literal('offset'), limitParam: Name, offsetParam: Name }),
  z.object({ style: z.literal('page'), pageParam: Name, sizeParam: Name }),
  z.object({ style: z.literal('none') }),
]);
export type Paging = z.infer<typeof PagingSchema>;

/** The body of every 4xx: FastAPI's `{detail}`, RFC 9457 problem details, or `{errors: {field: [messages]}}`. */
export const ErrorFormatSchema = z.enum(['fastapi', 'problem', 'field-map']);
export type ErrorFormat = z.infer<typeof ErrorFormatSchema>;

/**
 * The API's shape, project-wide (resources override some of it in `resource.shape`). The database never changes
 * with it: columns stay snake_case whatever the JSON names are.
 */
export const ApiShapeSchema = z.object({
  /** JSON and query-parameter names of fields without an `apiName`. */
  naming: z.enum(['snake_case', 'camelCase']),
  /** A single object answered bare, or inside `{ <objectKey>: ... }`. */
  objects: z.object({ wrap: z.boolean(), key: KeyTemplateSchema }),
  /** Request bodies bare, or inside `{ <objectKey>: ... }` (the same key as answers). */
  bodies: z.object({ wrap: z.boolean() }),
  /** A list answered as a JSON array, or as an object with the items, an optional count and the paging echoed. */
  lists: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('array') }),
    z.object({
      kind: z.literal('object'),
      itemsKey: KeyTemplateSchema,
      countKey: KeyTemplateSchema.nullable(),
      echoPaging: z.boolean(),
    }),
  ]),
  paging: PagingSchema,
  update: UpdateVerbSchema,
  /** The body of every 4xx: FastAPI's `{detail}`, RFC 9457 problem details, or `{errors: {field: [messages]}}`. */
  errors: ErrorFormatSchema,
  /** API names of the server-set timestamps; absent: `created_at` / `updated_at` in the naming style. */
  timestamps: z.object({ created: Name.optional(), updated: Name.optional() }),
});
export type ApiShape = z.infer<typeof ApiShapeSchema>;

export const DesignSchema = z.object({
  formatVersion: z.literal(FORMAT_VERSION),
  name: Name,
  entities: list(EntitySchema, LIMITS.entities, 'entities'),
  enums: list(EnumSchema, LIMITS.enums, 'enums'),
  relations: list(RelationSchema, LIMITS.relations, 'relations'),
  customEndpoints: list(CustomEndpointSchema, LIMITS.customEndpoints, 'custom endpoints'),
  auth: AuthSchema.nullable(),
  api: ApiShapeSchema,
  layout: LayoutSchema,
});
export type Design = z.infer<typeof DesignSchema>;
