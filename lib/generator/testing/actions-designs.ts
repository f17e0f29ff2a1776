import {
  defaultApiShape,
  defaultAuthApi,
  emptyDesign,
  newEntity,
  newField,
  newRelation,
} from '@/lib/design/factories';
import type { Design } from '@/lib/design/schema';

/**
 * Actions on one row (`Resource.actions`), for golden files and the Python checks:
 * - users are profiles at `/profiles/{username}`; `POST/DELETE /profiles/{username}/follow` links the caller as a
 *   follower through the self-relation `following` / `followers` (the row is on its `backref` side);
 * - `POST/DELETE /articles/{slug}/favorite` links the caller to an article (drafts of others are 404s);
 * - `POST/DELETE /articles/{slug}/tags/{name}` links a tag the path names (the article's author only);
 * - `POST /articles/{slug}/publish` sets `published = true` and `published_at = now` (the author only);
 * - `PUT /articles/{slug}/claim` makes the caller the article's editor (`viewer` into a FK to users);
 * - `POST/DELETE /articles/{article_slug}/comments/{comment_id}/like` on a nested resource.
 */
export function actionsBlog(): Design {
  const user = newEntity('e_ab_user', 'User', {
    fields: [
      newField('f_ab_user_email', 'email', 'email', { unique: true, visibility: 'owner' }),
      newField('f_ab_user_username', 'username', 'string', {
        unique: true,
        constraints: { minLength: 1, maxLength: 40, pattern: '^[a-z0-9_]+$' },
      }),
      newField('f_ab_user_password', 'password', 'password', { constraints: { minLength: 8 } }),
      newField('f_ab_user_bio', 'bio', 'text', { nullable: true }),
    ],
  });
  user.resource.path = '/profiles';
  user.resource.lookupFieldId = 'f_ab_user_username';
  const userOps = user.resource.operations;
  userOps.list.enabled = false;
  userOps.create.enabled = false;
  userOps.update.enabled = false;
  userOps.delete.enabled = false;
  user.resource.actions = [
    {
      id: 'a_ab_follow',
      kind: 'link',
      name: 'follow',
      relationId: 'r_ab_follows',
      side: 'backref',
      target: 'viewer',
      access: { kind: 'authenticated' },
      summary: 'Follow a user',
    },
  ];

  const article = newEntity('e_ab_article', 'Article', {
    fields: [
      newField('f_ab_article_slug', 'slug', 'string', {
        unique: true,
        constraints: { maxLength: 80, pattern: '^[a-z0-9-]+$' },
      }),
      newField('f_ab_article_title', 'title', 'string', { constraints: { minLength: 1, maxLength: 120 } }),
      newField('f_ab_article_published', 'published', 'boolean', {
        default: { kind: 'literal', value: false },
      }),
      newField('f_ab_article_published_at', 'published_at', 'datetime', { nullable: true, readOnly: true }),
    ],
  });
  article.resource.lookupFieldId = 'f_ab_article_slug';
  article.resource.ownerRelationId = 'r_ab_article_author';
  // Drafts stay with their author: an action on someone else's draft is a 404.
  article.resource.publicRowsFieldId = 'f_ab_article_published';
  article.resource.embed = ['r_ab_article_tags'];
  const articleOps = article.resource.operations;
  articleOps.create.access = { kind: 'authenticated' };
  articleOps.update.access = { kind: 'owner' };
  articleOps.delete.access = { kind: 'owner' };
  article.resource.actions = [
    {
      id: 'a_ab_favorite',
      kind: 'link',
      name: 'favorite',
      relationId: 'r_ab_favorites',
      target: 'viewer',
      access: { kind: 'authenticated' },
    },
    {
      id: 'a_ab_tag',
      kind: 'link',
      name: 'tags',
      relationId: 'r_ab_article_tags',
      target: 'row',
      access: { kind: 'owner' },
    },
    {
      id: 'a_ab_publish',
      kind: 'set',
      name: 'publish',
      method: 'POST',
      access: { kind: 'owner' },
      sets: [
        { fieldId: 'f_ab_article_published', value: { kind: 'literal', value: true } },
        { fieldId: 'f_ab_article_published_at', value: { kind: 'now' } },
      ],
    },
    {
      id: 'a_ab_claim',
      kind: 'set',
      name: 'claim',
      method: 'PUT',
      access: { kind: 'authenticated' },
      sets: [{ fieldId: 'r_ab_article_editor', value: { kind: 'viewer' } }],
    },
  ];

  const tag = newEntity('e_ab_tag', 'Tag', {
    fields: [newField('f_ab_tag_name', 'name', 'string', { unique: true, constraints: { maxLength: 40 } })],
  });
  tag.resource.lookupFieldId = 'f_ab_tag_name';
  const tagOps = tag.resource.operations;
  tagOps.create.access = { kind: 'authenticated' };
  tagOps.update.enabled = false;
  tagOps.delete.enabled = false;

  // Nested under the article: `POST/DELETE /articles/{article_slug}/comments/{comment_id}/like`.
  const comment = newEntity('e_ab_comment', 'Comment', {
    fields: [
      newField('f_ab_comment_body', 'body', 'text', { constraints: { minLength: 1, maxLength: 500 } }),
    ],
  });
  comment.resource.parentRelationId = 'r_ab_comment_article';
  comment.resource.ownerRelationId = 'r_ab_comment_author';
  const commentOps = comment.resource.operations;
  commentOps.create.access = { kind: 'authenticated' };
  commentOps.update.access = { kind: 'owner' };
  commentOps.delete.access = { kind: 'owner' };
  comment.resource.actions = [
    {
      id: 'a_ab_like',
      kind: 'link',
      name: 'like',
      relationId: 'r_ab_comment_likes',
      target: 'viewer',
      access: { kind: 'authenticated' },
    },
  ];

  return {
    ...emptyDesign('Actions Blog'),
    entities: [user, article, tag, comment],
    relations: [
      newRelation('r_ab_article_author', 'e_ab_article', 'e_ab_user', {
        fieldName: 'author',
        backrefName: 'articles',
        onDelete: 'cascade',
      }),
      newRelation('r_ab_article_editor', 'e_ab_article', 'e_ab_user', {
        fieldName: 'editor',
        backrefName: 'edited_articles',
        nullable: true,
      }),
      newRelation('r_ab_favorites', 'e_ab_article', 'e_ab_user', {
        kind: 'many-to-many',
        fieldName: 'favorited_by',
        backrefName: 'favorites',
        associationTable: 'favorites',
        onDelete: 'cascade',
      }),
      newRelation('r_ab_article_tags', 'e_ab_article', 'e_ab_tag', {
        kind: 'many-to-many',
        fieldName: 'tags',
        backrefName: 'articles',
        onDelete: 'cascade',
      }),
      newRelation('r_ab_comment_article', 'e_ab_comment', 'e_ab_article', {
        fieldName: 'article',
        backrefName: 'comments',
        onDelete: 'cascade',
      }),
      newRelation('r_ab_comment_author', 'e_ab_comment', 'e_ab_user', {
        fieldName: 'author',
        backrefName: 'comments',
        onDelete: 'cascade',
      }),
      newRelation('r_ab_comment_likes', 'e_ab_comment', 'e_ab_user', {
        kind: 'many-to-many',
        fieldName: 'liked_by',
        backrefName: 'liked_comments',
        onDelete: 'cascade',
      }),
      newRelation('r_ab_follows', 'e_ab_user', 'e_ab_user', {
        kind: 'many-to-many',
        fieldName: 'following',
        backrefName: 'followers',
        associationTable: 'follows',
        onDelete: 'cascade',
      }),
    ],
    auth: {
      userEntityId: 'e_ab_user',
      loginFieldId: 'f_ab_user_email',
      passwordFieldId: 'f_ab_user_password',
      tokenLifetimeMinutes: 60,
      api: defaultAuthApi(),
    },
    api: defaultApiShape(),
  };
}

/**
 * RealWorld's shape (`{"article": {...}}`, camelCase, field-map errors, `Token` prefix) with UUID keys, and a
 * many-to-many through an entity of its own: `POST/DELETE /articles/{slug}/bookmark` stores a `Bookmark` row
 * (with its own time stamps) between the article and the caller, once per pair (a unique constraint).
 */
export function actionsThrough(): Design {
  const user = newEntity('e_at_user', 'User', {
    primaryKey: 'uuid',
    fields: [
      newField('f_at_user_email', 'email', 'email', { unique: true, visibility: 'owner' }),
      newField('f_at_user_password', 'password', 'password', { constraints: { minLength: 8 } }),
    ],
  });
  const userOps = user.resource.operations;
  userOps.list.enabled = false;
  userOps.create.enabled = false;
  userOps.update.access = { kind: 'owner' };
  userOps.delete.access = { kind: 'owner' };
  const article = newEntity('e_at_article', 'Article', {
    primaryKey: 'uuid',
    fields: [
      newField('f_at_article_slug', 'slug', 'string', { unique: true, constraints: { maxLength: 80 } }),
      newField('f_at_article_status', 'status', 'enum', {
        enumId: 'enum_at_status',
        default: { kind: 'literal', value: 'draft' },
        readOnly: true,
      }),
    ],
  });
  article.resource.lookupFieldId = 'f_at_article_slug';
  article.resource.ownerRelationId = 'r_at_article_author';
  const ops = article.resource.operations;
  ops.create.access = { kind: 'authenticated' };
  ops.update.access = { kind: 'owner' };
  ops.delete.access = { kind: 'owner' };
  article.resource.actions = [
    {
      id: 'a_at_bookmark',
      kind: 'link',
      name: 'bookmark',
      relationId: 'r_at_bookmarks',
      target: 'viewer',
      access: { kind: 'authenticated' },
    },
    {
      id: 'a_at_archive',
      kind: 'set',
      name: 'archive',
      method: 'PATCH',
      access: { kind: 'owner' },
      sets: [{ fieldId: 'f_at_article_status', value: { kind: 'literal', value: 'archived' } }],
    },
  ];
  const bookmark = newEntity('e_at_bookmark', 'Bookmark', {
    primaryKey: 'uuid',
    fields: [
      newField('f_at_bookmark_note', 'note', 'string', { nullable: true, constraints: { maxLength: 200 } }),
    ],
  });
  bookmark.uniques = [{ id: 'u_at_bookmark_pair', members: ['r_at_bookmark_article', 'r_at_bookmark_user'] }];
  for (const op of Object.values(bookmark.resource.operations)) op.enabled = false;
  return {
    ...emptyDesign('Bookmarks'),
    enums: [{ id: 'enum_at_status', name: 'ArticleStatus', values: ['draft', 'archived'] }],
    entities: [user, article, bookmark],
    relations: [
      newRelation('r_at_article_author', 'e_at_article', 'e_at_user', {
        fieldName: 'author',
        backrefName: 'articles',
        onDelete: 'cascade',
      }),
      newRelation('r_at_bookmark_article', 'e_at_bookmark', 'e_at_article', {
        fieldName: 'article',
        backrefName: 'bookmark_rows',
        onDelete: 'cascade',
      }),
      newRelation('r_at_bookmark_user', 'e_at_bookmark', 'e_at_user', {
        fieldName: 'user',
        backrefName: 'bookmark_rows',
        onDelete: 'cascade',
      }),
      newRelation('r_at_bookmarks', 'e_at_article', 'e_at_user', {
        kind: 'many-to-many',
        fieldName: 'bookmarked_by',
        backrefName: 'bookmarks',
        throughEntityId: 'e_at_bookmark',
        onDelete: 'cascade',
      }),
    ],
    auth: {
      userEntityId: 'e_at_user',
      loginFieldId: 'f_at_user_email',
      passwordFieldId: 'f_at_user_password',
      tokenLifetimeMinutes: 60,
      api: {
        ...defaultAuthApi(),
        registerPath: '/users',
        loginPath: '/users/login',
        mePath: '/user',
        login: 'json',
        tokenIn: 'user',
        scheme: { kind: 'prefix', prefix: 'Token' },
      },
    },
    api: {
      ...defaultApiShape(),
      naming: 'camelCase',
      objects: { wrap: true, key: '{name}' },
      bodies: { wrap: true },
      update: 'put',
      errors: 'field-map',
    },
  };
}

export const actionsDesigns: Record<string, () => Design> = {
  'actions-blog': actionsBlog,
  'actions-through': actionsThrough,
};
