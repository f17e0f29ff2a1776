/** One semantic problem in a design. `elementId` is what the editor selects when the problem is clicked. */
export type Problem = {
  code: ProblemCode;
  path: string;
  message: string;
  elementId?: string;
};

export type ProblemCode =
  // identity and names
  | 'duplicate-id'
  | 'invalid-name'
  | 'reserved-name'
  | 'duplicate-entity-name'
  | 'duplicate-enum-name'
  | 'duplicate-field-name'
  | 'duplicate-table-name'
  | 'name-collision'
  | 'shadows-model-attribute'
  | 'identifier-too-long'
  // references to ids that do not exist (operations never produce these)
  | 'unknown-entity'
  | 'unknown-field'
  | 'unknown-relation'
  | 'unknown-enum'
  // fields
  | 'missing-enum'
  | 'invalid-decimal'
  | 'constraint-range'
  | 'constraint-not-applicable'
  | 'invalid-pattern'
  | 'invalid-default'
  | 'read-write-conflict'
  | 'read-only-required'
  | 'invalid-copy'
  | 'invalid-derive'
  | 'invalid-unique'
  // enums
  | 'empty-enum'
  | 'invalid-enum-value'
  | 'duplicate-enum-value'
  // relations
  | 'invalid-on-delete'
  | 'invalid-through'
  | 'invalid-relation-option'
  | 'required-fk-cycle'
  // endpoints
  | 'invalid-path'
  | 'duplicate-route'
  | 'lookup-not-unique'
  | 'password-exposed'
  | 'invalid-field-ref'
  | 'invalid-embed'
  | 'page-size'
  | 'owner-without-relation'
  | 'invalid-owner-relation'
  | 'owner-on-create'
  | 'invalid-owner-path'
  | 'invalid-public-rows'
  | 'user-writable-by-others'
  | 'public-write-to-owned'
  | 'private-field-exposed'
  | 'auth-required'
  | 'roles-without-role-field'
  | 'empty-roles'
  | 'unknown-role'
  | 'request-body-not-allowed'
  | 'owner-on-public-create'
  | 'reserved-route'
  | 'keyword-path-param'
  // actions on rows (`Resource.actions`)
  | 'invalid-action'
  // nested resources, parent owners, viewers, views
  | 'invalid-parent-relation'
  | 'nesting-cycle'
  | 'nesting-too-deep'
  | 'parent-owner-without-parent'
  | 'viewer-without-auth'
  | 'view-name-clash'
  | 'unknown-view'
  | 'private-field-in-view'
  // value lists
  | 'invalid-value-list'
  // computed fields
  | 'invalid-computed'
  // viewer lists, lookups through a relation, per-relation embed views
  | 'invalid-viewer-list'
  | 'invalid-lookup-relation'
  | 'invalid-embed-view'
  // the API's shape
  | 'invalid-key-template'
  | 'invalid-api-name'
  | 'duplicate-api-name'
  | 'reserved-query-param'
  // auth
  | 'invalid-auth-field'
  | 'role-field-required'
  | 'invalid-auth-path'
  | 'invalid-token-scheme'
  | 'token-field-clash';

/** Codes meaning "an id points nowhere": the operations keep designs free of them. */
export const DANGLING_REFERENCE_CODES: ReadonlySet<ProblemCode> = new Set([
  'unknown-entity',
  'unknown-field',
  'unknown-relation',
  'unknown-enum',
  'duplicate-id',
]);
