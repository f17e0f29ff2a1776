import { describe, expect, it } from 'vitest';
import { defaultAuthApi, newEntity } from '../factories';
import type { CustomEndpoint, Design } from '../schema';
import { templates } from '../templates';
import { blog, entity, field, problemsOf, withFields } from './test-helpers';

const post = (design: Design) => entity(design, 'e_post');

describe('resources', () => {
  it('invalid and duplicate paths', () => {
    const design = blog();
    post(design).resource.path = 'posts';
    entity(design, 'e_tag').resource.path = '/comments';
    expect(problemsOf(design, 'invalid-path')).toMatchObject([
      { elementId: 'e_post', path: 'entities[1].resource.path' },
    ]);
    expect(problemsOf(design, 'duplicate-route')[0]?.message).toMatch(/both use the path '\/comments'/);
  });

  it('lookup field must exist, belong to the entity, be unique and not a password', () => {
    const design = blog();
    const resource = post(design).resource;
    resource.lookupFieldId = 'gone';
    expect(problemsOf(design, 'unknown-field')).toMatchObject([
      { path: 'entities[1].resource.lookupFieldId' },
    ]);
    resource.lookupFieldId = 'f_user_username';
    expect(problemsOf(design, 'invalid-field-ref')).toHaveLength(1);
    resource.lookupFieldId = 'f_post_title';
    expect(problemsOf(design, 'lookup-not-unique')[0]?.message).toMatch(/not unique/);
    entity(design, 'e_user').resource.lookupFieldId = 'f_user_password';
    expect(problemsOf(design, 'password-exposed')).toMatchObject([{ elementId: 'e_user' }]);
  });

  it('filters and sorts: unknown fields, unreachable fields, passwords, to-many sorts', () => {
    const design = blog();
    const list = post(design).resource.operations.list;
    list.filters = [
      { fieldId: 'gone' },
      { fieldId: 'f_tag_name' },
      { relationId: 'r_post_author', fieldId: 'f_user_password' },
      { relationId: 'gone', fieldId: 'id' },
      { relationId: 'r_comment_post', fieldId: 'f_comment_body' },
    ];
    list.sortable = [
      { relationId: 'r_post_tags', fieldId: 'f_tag_name' },
      { relationId: 'r_user_follows', fieldId: 'id' },
    ];
    list.defaultOrder = { field: { fieldId: 'f_user_email' }, direction: 'asc' };
    expect(problemsOf(design, 'unknown-field')).toMatchObject([
      { path: 'entities[1].resource.operations.list.filters[0]' },
    ]);
    expect(problemsOf(design, 'unknown-relation')).toMatchObject([
      { path: 'entities[1].resource.operations.list.filters[3]' },
    ]);
    expect(problemsOf(design, 'password-exposed')).toMatchObject([
      { path: 'entities[1].resource.operations.list.filters[2]' },
    ]);
    expect(problemsOf(design, 'invalid-field-ref').map((p) => p.path)).toEqual([
      'entities[1].resource.operations.list.filters[1]',
      'entities[1].resource.operations.list.sortable[0]',
      'entities[1].resource.operations.list.sortable[1]',
      'entities[1].resource.operations.list.defaultOrder.field',
    ]);
  });

  it('page size default larger than max', () => {
    const design = blog();
    Object.assign(post(design).resource.operations.list, { defaultPageSize: 500, maxPageSize: 100 });
    expect(problemsOf(design, 'page-size')[0]?.message).toMatch(/500 is larger than the maximum 100/);
  });

  it('embeds must exist and involve the entity', () => {
    const design = blog();
    post(design).resource.embed = ['gone', 'r_user_follows'];
    expect(problemsOf(design, 'unknown-relation')).toHaveLength(1);
    expect(problemsOf(design, 'invalid-embed')).toMatchObject([{ path: 'entities[1].resource.embed[1]' }]);
  });
});

describe('access rules', () => {
  it('non-public rules need auth', () => {
    const design = blog();
    design.auth = null;
    const problems = problemsOf(design, 'auth-required');
    expect(problems.length).toBeGreaterThan(5);
    expect(problems[0]?.message).toMatch(/authentication is not set up/);
  });

  it('owner rule without owner relation, and on create', () => {
    const design = blog();
    delete post(design).resource.ownerRelationId;
    post(design).resource.operations.create.access = { kind: 'owner' };
    expect(problemsOf(design, 'owner-without-relation').length).toBeGreaterThanOrEqual(3);
    expect(problemsOf(design, 'owner-on-create')).toMatchObject([
      { path: 'entities[1].resource.operations.create.access' },
    ]);
    post(design).resource.operations.create.enabled = false;
    expect(problemsOf(design, 'owner-on-create')).toEqual([]);
  });

  it('owner relation must be a many-to-one from the entity to the user', () => {
    const design = blog();
    post(design).resource.ownerRelationId = 'r_post_tags';
    expect(problemsOf(design, 'invalid-owner-relation')).toHaveLength(1);
    post(design).resource.ownerRelationId = 'r_comment_post';
    expect(problemsOf(design, 'invalid-owner-relation')).toHaveLength(1);
    entity(design, 'e_comment').resource.ownerRelationId = 'r_comment_post';
    expect(problemsOf(design, 'invalid-owner-relation')[1]?.message).toMatch(/point to the user/);
    post(design).resource.ownerRelationId = 'gone';
    expect(problemsOf(design, 'unknown-relation')).toHaveLength(1);
  });

  it('roles rules need a role field, some roles, and known role values', () => {
    const design = blog();
    const tagOps = entity(design, 'e_tag').resource.operations;
    tagOps.create.access = { kind: 'roles', roles: [] };
    tagOps.update.access = { kind: 'roles', roles: ['superuser'] };
    expect(problemsOf(design, 'empty-roles')).toHaveLength(1);
    expect(problemsOf(design, 'unknown-role')[0]?.message).toMatch(
      /'superuser', which is not a value of 'Role'/,
    );
    if (design.auth) delete design.auth.roleFieldId;
    expect(problemsOf(design, 'roles-without-role-field').length).toBeGreaterThanOrEqual(3);
  });
});

describe('custom endpoints', () => {
  const endpoint = (props: Partial<CustomEndpoint>): CustomEndpoint => ({
    id: 'c',
    method: 'GET',
    path: '/stats',
    summary: '',
    access: { kind: 'public' },
    ...props,
  });

  it('paths, unknown entities, bodies on GET', () => {
    const design = withFields();
    design.customEndpoints.push(
      endpoint({ id: 'a', path: 'stats' }),
      endpoint({ id: 'b', entityId: 'gone', path: '/x', request: { entityId: 'gone' } }),
      endpoint({ id: 'c', path: '/ok', response: { entityId: 'nope', list: true } }),
    );
    expect(problemsOf(design, 'invalid-path')).toMatchObject([{ elementId: 'a' }]);
    expect(problemsOf(design, 'unknown-entity').map((p) => p.path)).toEqual([
      'customEndpoints[1].entityId',
      'customEndpoints[1].request.entityId',
      'customEndpoints[2].response.entityId',
    ]);
    expect(problemsOf(design, 'request-body-not-allowed')).toMatchObject([{ elementId: 'b' }]);
  });

  it('clashes with CRUD routes and each other, whatever the parameter names', () => {
    const design = withFields(field('s', 'slug', 'string', { unique: true }));
    design.customEndpoints.push(
      endpoint({ id: 'a', path: '/things/{slug}' }),
      endpoint({ id: 'b', entityId: 't', path: '', method: 'POST' }),
      endpoint({ id: 'c', path: '/stats' }),
      endpoint({ id: 'd', path: '/stats' }),
    );
    expect(problemsOf(design, 'duplicate-route').map((p) => p.elementId)).toEqual(['a', 'b', 'd']);
    expect(problemsOf(design, 'invalid-path')).toEqual([]);
  });

  it('clashes with the update route at the verbs it is served with', () => {
    const design = withFields();
    design.customEndpoints.push(
      endpoint({ id: 'put', path: '/things/{id}', method: 'PUT' }),
      endpoint({ id: 'patch', path: '/things/{id}', method: 'PATCH' }),
    );
    const clashing = () => problemsOf(design, 'duplicate-route').map((p) => p.elementId);
    expect(clashing()).toEqual(['patch']);
    design.api.update = 'put';
    expect(clashing()).toEqual(['put']);
    design.api.update = 'both';
    expect(clashing()).toEqual(['put', 'patch']);
  });

  it('owner access on a custom endpoint needs an entity with an owner relation', () => {
    const design = blog();
    design.customEndpoints.push(endpoint({ id: 'x', path: '/mine', access: { kind: 'owner' } }));
    expect(problemsOf(design, 'owner-without-relation')).toMatchObject([{ elementId: 'x' }]);
  });
});

describe('auth', () => {
  it('points to a missing entity or fields', () => {
    const design = blog();
    if (!design.auth) throw new Error('fixture');
    design.auth.passwordFieldId = 'gone';
    expect(problemsOf(design, 'unknown-field')).toMatchObject([{ path: 'auth.passwordFieldId' }]);
    design.auth.userEntityId = 'gone';
    expect(problemsOf(design, 'unknown-entity')).toMatchObject([{ path: 'auth.userEntityId' }]);
  });

  it('fields must be on the user entity with fitting types', () => {
    const design = blog();
    if (!design.auth) throw new Error('fixture');
    design.auth.loginFieldId = 'f_post_title';
    design.auth.passwordFieldId = 'f_user_bio';
    design.auth.roleFieldId = 'f_user_username';
    const problems = problemsOf(design, 'invalid-auth-field');
    expect(problems.map((p) => p.path)).toEqual(['auth.loginFieldId', 'auth.passwordFieldId']);
    design.auth.loginFieldId = 'f_user_bio';
    design.auth.roleFieldId = 'f_user_email';
    expect(problemsOf(design, 'invalid-auth-field').map((p) => p.message)).toEqual([
      "The login field 'bio' must be a string or email.",
      "The password field 'bio' must have the type password.",
      "The role field 'email' must be an enum or a string.",
    ]);
  });

  it('login field must be unique and required', () => {
    const design = blog();
    const email = entity(design, 'e_user').fields.find((f) => f.id === 'f_user_email');
    if (email) email.unique = false;
    expect(problemsOf(design, 'invalid-auth-field')[0]?.message).toMatch(/unique and required/);
  });

  it('password field must be required', () => {
    const design = blog();
    expect(problemsOf(design, 'invalid-auth-field')).toEqual([]);
    const password = entity(design, 'e_user').fields.find((f) => f.id === design.auth?.passwordFieldId);
    if (password) password.nullable = true;
    expect(problemsOf(design, 'invalid-auth-field').map((p) => p.message)).toEqual([
      "The password field 'password' must be required.",
    ]);
  });

  it('role field must be an enum or string', () => {
    const design = withFields(
      field('e', 'email', 'email', { unique: true }),
      field('p', 'password', 'password'),
      field('r', 'role', 'integer'),
    );
    design.auth = {
      userEntityId: 't',
      loginFieldId: 'e',
      passwordFieldId: 'p',
      roleFieldId: 'r',
      tokenLifetimeMinutes: 5,
      api: defaultAuthApi(),
    };
    expect(problemsOf(design, 'invalid-auth-field')).toMatchObject([
      { path: 'auth.roleFieldId', elementId: 'r' },
    ]);
  });
});

describe('validateDesign', () => {
  it('returns every problem at once', () => {
    const design = withFields(field('a', 'class', 'string', { constraints: { min: 3, max: 1 } }));
    design.entities.push(newEntity('b', 'Thing'));
    expect(new Set(problemsOf(design).map((p) => p.code))).toEqual(
      new Set([
        'reserved-name',
        'duplicate-entity-name',
        'duplicate-table-name',
        'constraint-not-applicable',
        'constraint-range',
        'duplicate-route',
      ]),
    );
  });

  it.each(Object.keys(templates) as (keyof typeof templates)[])('the %s template has no problems', (name) => {
    expect(problemsOf(templates[name]())).toEqual([]);
  });
});
