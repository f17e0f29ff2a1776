import type { Operation } from '../operations';
import type { Design } from '../schema';
import { ADMIN, AUTHENTICATED, buildDesign, fields, OWNER, PUBLIC, userEntity } from './build';

/** Users write posts, comment, tag posts and follow each other. */
export function blogTemplate(): Design {
  const ops: Operation[] = [
    {
      op: 'addEnum',
      id: 'enum_role',
      name: 'Role',
      values: ['reader', 'author', 'admin'],
      position: { x: 40, y: 420 },
    },
    ...userEntity({ x: 40, y: 40 }, { enumId: 'enum_role', defaultValue: 'reader' }),
    ...fields('e_user', [
      {
        id: 'f_user_username',
        name: 'username',
        type: 'string',
        unique: true,
        indexed: true,
        constraints: { minLength: 3, maxLength: 30, pattern: '^[a-z0-9_]+$' },
        example: 'ada',
      },
      { id: 'f_user_bio', name: 'bio', type: 'text', nullable: true },
    ]),
    { op: 'addEntity', id: 'e_post', name: 'Post', position: { x: 420, y: 40 } },
    ...fields('e_post', [
      { id: 'f_post_title', name: 'title', type: 'string', constraints: { minLength: 1, maxLength: 200 } },
      {
        id: 'f_post_slug',
        name: 'slug',
        type: 'string',
        unique: true,
        indexed: true,
        constraints: { maxLength: 200, pattern: '^[a-z0-9-]+$' },
        example: 'hello-world',
      },
      { id: 'f_post_body', name: 'body', type: 'text' },
      {
        id: 'f_post_published',
        name: 'published',
        type: 'boolean',
        default: { kind: 'literal', value: false },
      },
      { id: 'f_post_published_at', name: 'published_at', type: 'datetime', nullable: true },
    ]),
    { op: 'addEntity', id: 'e_comment', name: 'Comment', position: { x: 800, y: 40 } },
    ...fields('e_comment', [
      { id: 'f_comment_body', name: 'body', type: 'text', constraints: { minLength: 1, maxLength: 5000 } },
    ]),
    { op: 'addEntity', id: 'e_tag', name: 'Tag', position: { x: 420, y: 600 } },
    ...fields('e_tag', [
      { id: 'f_tag_name', name: 'name', type: 'string', unique: true, constraints: { maxLength: 50 } },
    ]),
    {
      op: 'connect',
      id: 'r_post_author',
      fromEntityId: 'e_post',
      toEntityId: 'e_user',
      fieldName: 'author',
      backrefName: 'posts',
      onDelete: 'cascade',
    },
    {
      op: 'connect',
      id: 'r_comment_post',
      fromEntityId: 'e_comment',
      toEntityId: 'e_post',
      onDelete: 'cascade',
    },
    {
      op: 'connect',
      id: 'r_comment_author',
      fromEntityId: 'e_comment',
      toEntityId: 'e_user',
      fieldName: 'author',
      onDelete: 'cascade',
    },
    { op: 'connect', id: 'r_post_tags', fromEntityId: 'e_post', toEntityId: 'e_tag', kind: 'many-to-many' },
    {
      op: 'connect',
      id: 'r_user_follows',
      fromEntityId: 'e_user',
      toEntityId: 'e_user',
      kind: 'many-to-many',
      fieldName: 'following',
      backrefName: 'followers',
      associationTable: 'follows',
    },
    {
      op: 'updateResource',
      entityId: 'e_user',
      patch: {
        lookupFieldId: 'f_user_username',
        operations: { update: { access: ADMIN() }, delete: { access: ADMIN() } },
      },
    },
    {
      op: 'updateResource',
      entityId: 'e_post',
      patch: {
        lookupFieldId: 'f_post_slug',
        ownerRelationId: 'r_post_author',
        // Drafts stay with their author until published.
        publicRowsFieldId: 'f_post_published',
        embed: ['r_post_author', 'r_post_tags'],
        operations: {
          list: {
            access: PUBLIC(),
            filters: [
              { fieldId: 'f_post_published' },
              { relationId: 'r_post_author', fieldId: 'f_user_username' },
            ],
            sortable: [{ fieldId: 'f_post_published_at' }, { fieldId: 'f_post_title' }],
            defaultOrder: { field: { fieldId: 'f_post_published_at' }, direction: 'desc' },
          },
          create: { access: AUTHENTICATED() },
          update: { access: OWNER() },
          delete: { access: OWNER() },
        },
        // POST /posts/{slug}/publish: the author publishes a draft now.
        actions: [
          {
            id: 'a_post_publish',
            kind: 'set',
            name: 'publish',
            method: 'POST',
            summary: 'Publish a post now',
            access: OWNER(),
            sets: [
              { fieldId: 'f_post_published', value: { kind: 'literal', value: true } },
              { fieldId: 'f_post_published_at', value: { kind: 'now' } },
            ],
          },
        ],
      },
    },
    {
      op: 'updateResource',
      entityId: 'e_comment',
      patch: {
        ownerRelationId: 'r_comment_author',
        embed: ['r_comment_author'],
        operations: {
          list: { filters: [{ relationId: 'r_comment_post', fieldId: 'f_post_slug' }] },
          create: { access: AUTHENTICATED() },
          update: { access: OWNER() },
          delete: { access: OWNER() },
        },
      },
    },
    {
      op: 'updateResource',
      entityId: 'e_tag',
      patch: {
        operations: { create: { access: ADMIN() }, update: { access: ADMIN() }, delete: { access: ADMIN() } },
      },
    },
    {
      op: 'addCustomEndpoint',
      endpoint: {
        id: 'c_me',
        method: 'GET',
        path: '/me',
        summary: 'The signed-in user',
        access: AUTHENTICATED(),
        response: { entityId: 'e_user', list: false },
      },
    },
  ];
  return buildDesign('Blog', ops);
}
