import { describe, expect, it } from 'vitest';
import type { CustomEndpoint } from '../schema';
import { validateDesign } from '../validate';
import {
  addCustomEndpoint,
  customEndpointDraft,
  deleteCustomEndpoint,
  renameDesign,
  setAuth,
  updateCustomEndpoint,
  updateResource,
} from './endpoints';
import { entityOf, expectOperationError, frozenBlog } from './test-helpers';

describe('updateResource', () => {
  it('merges a deep partial patch', () => {
    const design = updateResource(frozenBlog(), {
      entityId: 'e_tag',
      patch: {
        path: '/labels',
        lookupFieldId: 'f_tag_name',
        operations: {
          list: { maxPageSize: 50, sortable: [{ fieldId: 'f_tag_name' }] },
          delete: { enabled: false },
        },
      },
    });
    const resource = entityOf(design, 'e_tag').resource;
    expect(resource).toMatchObject({ path: '/labels', lookupFieldId: 'f_tag_name' });
    expect(resource.operations.list).toMatchObject({
      maxPageSize: 50,
      defaultPageSize: 20,
      sortable: [{ fieldId: 'f_tag_name' }],
    });
    expect(resource.operations.delete).toEqual({
      enabled: false,
      access: { kind: 'roles', roles: ['admin'] },
    });
    expect(validateDesign(design)).toEqual([]);
  });

  it('clears optional settings with null', () => {
    const design = updateResource(frozenBlog(), {
      entityId: 'e_post',
      patch: { ownerRelationId: null, operations: { list: { defaultOrder: null } } },
    });
    const resource = entityOf(design, 'e_post').resource;
    expect(resource).not.toHaveProperty('ownerRelationId');
    expect(resource.operations.list).not.toHaveProperty('defaultOrder');
  });

  it.each([
    ['unknown entity', { entityId: 'nope', patch: {} }],
    ['lookup field of another entity', { entityId: 'e_tag', patch: { lookupFieldId: 'f_post_slug' } }],
    ['unknown owner relation', { entityId: 'e_tag', patch: { ownerRelationId: 'nope' } }],
    ['unknown embed', { entityId: 'e_tag', patch: { embed: ['nope'] } }],
    [
      'unknown filter field',
      { entityId: 'e_tag', patch: { operations: { list: { filters: [{ fieldId: 'nope' }] } } } },
    ],
    [
      'unknown filter relation',
      {
        entityId: 'e_tag',
        patch: { operations: { list: { sortable: [{ relationId: 'nope', fieldId: 'id' }] } } },
      },
    ],
    [
      'unknown order field',
      {
        entityId: 'e_tag',
        patch: {
          operations: { list: { defaultOrder: { field: { fieldId: 'x' }, direction: 'asc' as const } } },
        },
      },
    ],
  ])('rejects %s', (_label, args) => {
    expectOperationError(() => updateResource(frozenBlog(), args), 'not-found');
  });
});

describe('custom endpoints', () => {
  const endpoint: CustomEndpoint = {
    id: 'c',
    entityId: 'e_tag',
    method: 'GET',
    path: '/popular',
    summary: 'Popular tags',
    access: { kind: 'public' },
  };

  it('add, update (null clears) and delete', () => {
    let design = addCustomEndpoint(frozenBlog(), { endpoint });
    expect(design.customEndpoints.at(-1)).toEqual(endpoint);
    design = updateCustomEndpoint(design, {
      endpointId: 'c',
      patch: { entityId: null, path: '/tags/popular', response: { entityId: 'e_tag', list: true } },
    });
    expect(design.customEndpoints.at(-1)).toEqual({
      ...endpoint,
      entityId: undefined,
      path: '/tags/popular',
      response: { entityId: 'e_tag', list: true },
    });
    expect(design.customEndpoints.at(-1)).not.toHaveProperty('entityId');
    expect(validateDesign(design)).toEqual([]);
    design = deleteCustomEndpoint(design, { endpointId: 'c' });
    expect(design.customEndpoints.map((c) => c.id)).toEqual(['c_me']);
  });

  it('drafts a new endpoint with a free path at its place, valid as it is', () => {
    let design = frozenBlog();
    const first = customEndpointDraft(design, { id: 'n1', entityId: 'e_tag' });
    expect(first).toEqual({
      id: 'n1',
      entityId: 'e_tag',
      method: 'GET',
      path: '/action',
      summary: '',
      access: { kind: 'authenticated' },
    });
    design = addCustomEndpoint(design, { endpoint: first });
    expect(customEndpointDraft(design, { id: 'n2', entityId: 'e_tag' }).path).toBe('/action-2');
    // Another place (no entity) has its own paths; without auth the draft is public.
    const loose = customEndpointDraft({ ...design, auth: null }, { id: 'n3' });
    expect(loose).not.toHaveProperty('entityId');
    expect(loose).toMatchObject({ path: '/action', access: { kind: 'public' } });
    design = addCustomEndpoint(design, {
      endpoint: customEndpointDraft(design, { id: 'n2', entityId: 'e_tag' }),
    });
    expect(validateDesign(design)).toEqual([]);
  });

  it('rejects used ids, unknown entities and unknown endpoints', () => {
    expectOperationError(
      () => addCustomEndpoint(frozenBlog(), { endpoint: { ...endpoint, id: 'e_tag' } }),
      'duplicate-id',
    );
    expectOperationError(
      () => addCustomEndpoint(frozenBlog(), { endpoint: { ...endpoint, entityId: 'nope' } }),
      'not-found',
    );
    expectOperationError(
      () => addCustomEndpoint(frozenBlog(), { endpoint: { ...endpoint, request: { entityId: 'nope' } } }),
      'not-found',
    );
    expectOperationError(
      () => updateCustomEndpoint(frozenBlog(), { endpointId: 'nope', patch: {} }),
      'not-found',
    );
    expectOperationError(
      () =>
        updateCustomEndpoint(frozenBlog(), {
          endpointId: 'c_me',
          patch: { response: { entityId: 'x', list: false } },
        }),
      'not-found',
    );
    expectOperationError(() => deleteCustomEndpoint(frozenBlog(), { endpointId: 'nope' }), 'not-found');
  });
});

describe('setAuth', () => {
  it('sets and clears auth', () => {
    const blog = frozenBlog();
    let design = setAuth(blog, { auth: null });
    expect(design.auth).toBeNull();
    design = setAuth(design, { auth: blog.auth });
    expect(design.auth).toEqual(blog.auth);
  });
  it('rejects an unknown entity or fields not on it', () => {
    const auth = {
      userEntityId: 'e_user',
      loginFieldId: 'f_user_email',
      passwordFieldId: 'f_user_password',
      tokenLifetimeMinutes: 5,
    };
    expectOperationError(
      () => setAuth(frozenBlog(), { auth: { ...auth, userEntityId: 'nope' } }),
      'not-found',
    );
    expectOperationError(
      () => setAuth(frozenBlog(), { auth: { ...auth, loginFieldId: 'f_post_title' } }),
      'not-found',
    );
    expectOperationError(
      () => setAuth(frozenBlog(), { auth: { ...auth, roleFieldId: 'nope' } }),
      'not-found',
    );
  });
});

describe('renameDesign', () => {
  it('renames', () => {
    expect(renameDesign(frozenBlog(), { name: 'My blog' }).name).toBe('My blog');
  });
});
