import type { Operation } from '../operations';
import type { Design } from '../schema';
import { AUTHENTICATED, buildDesign, fields, OWNER, PUBLIC, userEntity, VIEWER } from './build';

/**
 * Articles, comments and profiles in the shape of the widely implemented "RealWorld" blogging API: camelCase JSON,
 * every object wrapped in its name (`{"article": {...}}`), lists under their plural with a count
 * (`{"articles": [...], "articlesCount": 2}`), comments nested under their article, `Authorization: Token <jwt>`,
 * the token inside the returned user, and errors as a field map (`{"errors": {"email": ["..."]}}`). Articles carry
 * their tags as a sorted `tagList` of names (found or created on write, `?tag=` filters by one) and `GET /tags`
 * lists the tags (as objects with their id: RealWorld's plain list of names is not a shape the design has yet).
 */
export function conduitTemplate(): Design {
  const ops: Operation[] = [
    ...userEntity({ x: 40, y: 40 }),
    ...fields('e_user', [
      {
        id: 'f_user_username',
        name: 'username',
        type: 'string',
        unique: true,
        indexed: true,
        constraints: { minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' },
        example: 'jake',
      },
      { id: 'f_user_bio', name: 'bio', type: 'text', nullable: true, constraints: { maxLength: 2000 } },
      { id: 'f_user_image', name: 'image', type: 'url', nullable: true },
    ]),
    { op: 'addEntity', id: 'e_article', name: 'Article', position: { x: 440, y: 40 } },
    ...fields('e_article', [
      {
        id: 'f_article_slug',
        name: 'slug',
        type: 'string',
        unique: true,
        indexed: true,
        readOnly: true,
        constraints: { minLength: 1, maxLength: 200, pattern: '^[a-z0-9-]+$' },
        example: 'how-to-train-your-dragon',
      },
      { id: 'f_article_title', name: 'title', type: 'string', constraints: { minLength: 1, maxLength: 200 } },
      {
        id: 'f_article_description',
        name: 'description',
        type: 'string',
        constraints: { maxLength: 500 },
      },
      { id: 'f_article_body', name: 'body', type: 'text', constraints: { minLength: 1 } },
    ]),
    // The slug is made from the title (`how-to-train-your-dragon-2` when taken), again whenever the title changes.
    {
      op: 'updateField',
      fieldId: 'f_article_slug',
      patch: { derive: { kind: 'slug', fromFieldId: 'f_article_title', onUpdate: true } },
    },
    { op: 'addEntity', id: 'e_comment', name: 'Comment', position: { x: 840, y: 40 } },
    ...fields('e_comment', [
      { id: 'f_comment_body', name: 'body', type: 'text', constraints: { minLength: 1, maxLength: 5000 } },
    ]),
    // Tags are created by the articles naming them (`tagList`) and listed at `GET /tags`.
    {
      op: 'addEntity',
      id: 'e_tag',
      name: 'Tag',
      position: { x: 440, y: 360 },
      description: 'A label of articles, created by the first article that names it.',
      timestamps: false,
    },
    ...fields('e_tag', [
      {
        id: 'f_tag_name',
        name: 'name',
        type: 'string',
        unique: true,
        constraints: { minLength: 1, maxLength: 60 },
        example: 'dragons',
      },
    ]),
    {
      op: 'connect',
      id: 'r_article_tags',
      kind: 'many-to-many',
      fromEntityId: 'e_article',
      toEntityId: 'e_tag',
      fieldName: 'tags',
      backrefName: 'articles',
    },
    {
      op: 'connect',
      id: 'r_article_author',
      fromEntityId: 'e_article',
      toEntityId: 'e_user',
      fieldName: 'author',
      backrefName: 'articles',
      onDelete: 'cascade',
    },
    // A user's favorite articles; an article's `favorited_by` (counted as `favoritesCount`).
    {
      op: 'connect',
      id: 'r_user_favorites',
      kind: 'many-to-many',
      fromEntityId: 'e_user',
      toEntityId: 'e_article',
      fieldName: 'favorites',
      backrefName: 'favorited_by',
      associationTable: 'favorites',
    },
    // The users a user follows; their `followers` (the other side of the same links).
    {
      op: 'connect',
      id: 'r_user_follows',
      kind: 'many-to-many',
      fromEntityId: 'e_user',
      toEntityId: 'e_user',
      fieldName: 'followed_users',
      backrefName: 'followers',
      associationTable: 'follows',
    },
    {
      op: 'connect',
      id: 'r_comment_article',
      fromEntityId: 'e_comment',
      toEntityId: 'e_article',
      fieldName: 'article',
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
    {
      op: 'setApiShape',
      api: {
        naming: 'camelCase',
        objects: { wrap: true, key: '{name}' },
        bodies: { wrap: true },
        lists: { kind: 'object', itemsKey: '{names}', countKey: '{names}Count', echoPaging: false },
        paging: { style: 'offset', limitParam: 'limit', offsetParam: 'offset' },
        update: 'put',
        errors: 'field-map',
      },
    },
    {
      op: 'setAuth',
      auth: {
        userEntityId: 'e_user',
        loginFieldId: 'f_user_email',
        passwordFieldId: 'f_user_password',
        tokenLifetimeMinutes: 60 * 24,
        api: {
          registerPath: '/users',
          loginPath: '/users/login',
          mePath: '/user',
          login: 'json',
          tokenIn: 'user',
          scheme: { kind: 'prefix', prefix: 'Token' },
          meUpdate: true,
        },
      },
    },
    // RealWorld's `favorited` (the caller favorited it) and `favoritesCount` on every article.
    {
      op: 'updateEntity',
      entityId: 'e_article',
      patch: {
        computed: [
          {
            id: 'c_article_favorited',
            name: 'favorited',
            kind: 'viewer-linked',
            relationId: 'r_user_favorites',
          },
          {
            id: 'c_article_favorites_count',
            name: 'favorites_count',
            kind: 'count',
            relationId: 'r_user_favorites',
          },
        ],
      },
    },
    // Others see a user as a profile: no e-mail, and `following` (the caller is one of their followers).
    {
      op: 'updateEntity',
      entityId: 'e_user',
      patch: {
        computed: [
          {
            id: 'c_user_following',
            name: 'following',
            kind: 'viewer-linked',
            relationId: 'r_user_follows',
            side: 'backref',
          },
        ],
        views: [
          {
            id: 'v_user_profile',
            name: 'Profile',
            fieldIds: ['f_user_username', 'f_user_bio', 'f_user_image', 'c_user_following'],
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
        shape: { objectKey: 'profile' },
        // POST / DELETE /profiles/{username}/follow: the caller follows / unfollows; answers the profile.
        actions: [
          {
            id: 'a_user_follow',
            kind: 'link',
            name: 'follow',
            relationId: 'r_user_follows',
            side: 'backref',
            target: 'viewer',
            access: AUTHENTICATED(),
            viewId: 'v_user_profile',
            summary: 'Follow a user',
          },
        ],
        operations: {
          list: { enabled: false },
          get: { access: VIEWER(), viewId: 'v_user_profile' },
          create: { enabled: false },
          update: { enabled: false },
          delete: { enabled: false },
        },
      },
    },
    {
      op: 'updateResource',
      entityId: 'e_article',
      patch: {
        lookupFieldId: 'f_article_slug',
        ownerRelationId: 'r_article_author',
        embed: ['r_article_author'],
        valueLists: [
          { relationId: 'r_article_tags', fieldId: 'f_tag_name', apiName: 'tagList', writable: true },
        ],
        // POST / DELETE /articles/{slug}/favorite: the caller favorites / unfavorites; answers the article.
        actions: [
          {
            id: 'a_article_favorite',
            kind: 'link',
            name: 'favorite',
            relationId: 'r_user_favorites',
            target: 'viewer',
            access: AUTHENTICATED(),
            summary: 'Favorite an article',
          },
        ],
        // GET /articles/feed: articles whose author the caller follows, newest first.
        viewerLists: [
          {
            id: 'l_article_feed',
            name: 'feed',
            mount: 'resource',
            path: [{ relationId: 'r_article_author' }, { relationId: 'r_user_follows', side: 'backref' }],
            summary: 'Articles of the users you follow',
          },
        ],
        operations: {
          list: {
            access: VIEWER(),
            filters: [
              { relationId: 'r_article_author', fieldId: 'f_user_username', param: 'author' },
              { relationId: 'r_article_tags', fieldId: 'f_tag_name', param: 'tag' },
            ],
            defaultOrder: { field: { fieldId: 'id' }, direction: 'desc' },
          },
          get: { access: VIEWER() },
          create: { access: AUTHENTICATED() },
          update: { access: OWNER() },
          delete: { access: OWNER() },
        },
      },
    },
    // RealWorld's `{"tags": [...]}`: the list without a count, sorted by name; tags are never written directly.
    {
      op: 'updateResource',
      entityId: 'e_tag',
      patch: {
        lookupFieldId: 'f_tag_name',
        shape: { countKey: null },
        operations: {
          list: {
            access: PUBLIC(),
            maxPageSize: 1000,
            defaultPageSize: 1000,
            defaultOrder: { field: { fieldId: 'f_tag_name' }, direction: 'asc' },
          },
          get: { enabled: false },
          create: { enabled: false },
          update: { enabled: false },
          delete: { enabled: false },
        },
      },
    },
    {
      op: 'updateResource',
      entityId: 'e_comment',
      patch: {
        parentRelationId: 'r_comment_article',
        ownerRelationId: 'r_comment_author',
        embed: ['r_comment_author'],
        shape: { countKey: null },
        operations: {
          list: { access: VIEWER() },
          get: { access: VIEWER() },
          create: { access: AUTHENTICATED() },
          update: { enabled: false },
          delete: { access: OWNER() },
        },
      },
    },
  ];
  return buildDesign('Conduit', ops);
}
