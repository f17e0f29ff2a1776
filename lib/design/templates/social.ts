import type { Operation } from '../operations';
import type { Design } from '../schema';
import { AUTHENTICATED, buildDesign, fields, OWNER, userEntity, VIEWER } from './build';

/**
 * A small social network built from behaviour blocks only, no code: people post, like posts, comment and follow
 * each other; every post and profile answers its counts and whether the caller liked / follows it, and
 * `GET /posts/feed` lists the posts of the people the caller follows.
 */
export function socialTemplate(): Design {
  const ops: Operation[] = [
    ...userEntity({ x: 40, y: 40 }),
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
      { id: 'f_user_bio', name: 'bio', type: 'text', nullable: true, constraints: { maxLength: 500 } },
    ]),
    { op: 'addEntity', id: 'e_post', name: 'Post', position: { x: 460, y: 40 } },
    ...fields('e_post', [
      { id: 'f_post_body', name: 'body', type: 'text', constraints: { minLength: 1, maxLength: 2000 } },
    ]),
    { op: 'addEntity', id: 'e_comment', name: 'Comment', position: { x: 880, y: 40 } },
    ...fields('e_comment', [
      { id: 'f_comment_body', name: 'body', type: 'text', constraints: { minLength: 1, maxLength: 1000 } },
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
      fieldName: 'post',
      backrefName: 'comments',
      onDelete: 'cascade',
    },
    {
      op: 'connect',
      id: 'r_comment_author',
      fromEntityId: 'e_comment',
      toEntityId: 'e_user',
      fieldName: 'author',
      backrefName: 'comments',
      onDelete: 'cascade',
    },
    // A user's liked posts; a post's `liked_by`.
    {
      op: 'connect',
      id: 'r_likes',
      fromEntityId: 'e_user',
      toEntityId: 'e_post',
      kind: 'many-to-many',
      fieldName: 'liked_posts',
      backrefName: 'liked_by',
      associationTable: 'likes',
    },
    // A user's `following`; their `followers` (the other side of the same links).
    {
      op: 'connect',
      id: 'r_follows',
      fromEntityId: 'e_user',
      toEntityId: 'e_user',
      kind: 'many-to-many',
      fieldName: 'following',
      backrefName: 'followers',
      associationTable: 'follows',
    },
    {
      op: 'updateEntity',
      entityId: 'e_post',
      patch: {
        computed: [
          { id: 'c_post_likes', name: 'likes_count', kind: 'count', relationId: 'r_likes' },
          { id: 'c_post_liked', name: 'liked', kind: 'viewer-linked', relationId: 'r_likes' },
          { id: 'c_post_comments', name: 'comments_count', kind: 'count', relationId: 'r_comment_post' },
        ],
      },
    },
    {
      op: 'updateEntity',
      entityId: 'e_user',
      patch: {
        computed: [
          {
            id: 'c_user_followers',
            name: 'followers_count',
            kind: 'count',
            relationId: 'r_follows',
            side: 'backref',
          },
          {
            id: 'c_user_following_count',
            name: 'following_count',
            kind: 'count',
            relationId: 'r_follows',
            side: 'field',
          },
          {
            id: 'c_user_following',
            name: 'followed',
            kind: 'viewer-linked',
            relationId: 'r_follows',
            side: 'backref',
          },
        ],
        views: [
          {
            id: 'v_user_profile',
            name: 'Profile',
            fieldIds: [
              'f_user_username',
              'f_user_bio',
              'c_user_followers',
              'c_user_following_count',
              'c_user_following',
            ],
          },
        ],
        embedViewId: 'v_user_profile',
      },
    },
    {
      op: 'updateResource',
      entityId: 'e_user',
      patch: {
        path: '/profiles',
        lookupFieldId: 'f_user_username',
        actions: [
          {
            id: 'a_user_follow',
            kind: 'link',
            name: 'follow',
            relationId: 'r_follows',
            side: 'backref',
            target: 'viewer',
            access: AUTHENTICATED(),
            viewId: 'v_user_profile',
          },
        ],
        operations: {
          list: { access: VIEWER(), viewId: 'v_user_profile' },
          get: { access: VIEWER(), viewId: 'v_user_profile' },
          create: { enabled: false },
          update: { access: OWNER() },
          delete: { access: OWNER() },
        },
      },
    },
    {
      op: 'updateResource',
      entityId: 'e_post',
      patch: {
        ownerRelationId: 'r_post_author',
        embed: ['r_post_author'],
        actions: [
          {
            id: 'a_post_like',
            kind: 'link',
            name: 'like',
            relationId: 'r_likes',
            target: 'viewer',
            access: AUTHENTICATED(),
          },
        ],
        viewerLists: [
          {
            id: 'l_post_feed',
            name: 'feed',
            mount: 'resource',
            path: [{ relationId: 'r_post_author' }, { relationId: 'r_follows', side: 'backref' }],
            summary: 'Posts of the people you follow, newest first.',
          },
          {
            id: 'l_post_liked',
            name: 'liked',
            mount: 'me',
            path: [{ relationId: 'r_likes' }],
            summary: 'Posts you liked.',
          },
        ],
        operations: {
          list: {
            access: VIEWER(),
            filters: [{ relationId: 'r_post_author', fieldId: 'f_user_username', param: 'author' }],
            sortable: [{ fieldId: 'c_post_likes' }, { fieldId: 'id' }],
            defaultOrder: { field: { fieldId: 'id' }, direction: 'desc' },
          },
          get: { access: VIEWER() },
          create: { access: AUTHENTICATED() },
          update: { access: OWNER() },
          delete: { access: OWNER() },
        },
      },
    },
    {
      op: 'updateResource',
      entityId: 'e_comment',
      patch: {
        parentRelationId: 'r_comment_post',
        ownerRelationId: 'r_comment_author',
        embed: ['r_comment_author'],
        operations: {
          list: { access: VIEWER() },
          get: { access: VIEWER() },
          create: { access: AUTHENTICATED() },
          update: { access: OWNER() },
          delete: { access: OWNER() },
        },
      },
    },
  ];
  return buildDesign('Social', ops);
}
