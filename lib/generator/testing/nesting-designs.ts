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
 * A blog whose comments and notes nest under articles looked up by slug: `/articles/{slug}/comments` (public
 * reads that know their viewer, the comment's author edits it, the article's author deletes any comment of
 * theirs) and `/articles/{article_slug}/notes/{slug}` (only the article's author adds or edits notes; the
 * parent's lookup makes way for the note's own `slug`). Articles have public rows: a draft's comments are 404.
 * Views: users are read and embedded as their `Profile` (no e-mail), articles are listed as a `Summary`.
 */
export function nestedBlog(): Design {
  const user = newEntity('e_nb_user', 'User', {
    fields: [
      newField('f_nb_user_email', 'email', 'email', { unique: true, visibility: 'owner' }),
      newField('f_nb_user_password', 'password', 'password', { constraints: { minLength: 8 } }),
      newField('f_nb_user_name', 'display_name', 'string', { constraints: { maxLength: 80 } }),
    ],
  });
  // Others see a user's profile only: in their own get and wherever a user is embedded.
  user.views = [{ id: 'v_nb_user_profile', name: 'Profile', fieldIds: ['f_nb_user_name'] }];
  user.embedViewId = 'v_nb_user_profile';
  const userOps = user.resource.operations;
  userOps.get.viewId = 'v_nb_user_profile';
  userOps.list.enabled = false;
  userOps.create.enabled = false;
  userOps.update.access = { kind: 'owner' };
  userOps.delete.access = { kind: 'owner' };
  const article = newEntity('e_nb_article', 'Article', {
    fields: [
      newField('f_nb_article_slug', 'slug', 'string', {
        unique: true,
        constraints: { maxLength: 80, pattern: '^[a-z0-9-]+$' },
      }),
      newField('f_nb_article_title', 'title', 'string', { constraints: { maxLength: 200 } }),
      newField('f_nb_article_published', 'published', 'boolean', {
        default: { kind: 'literal', value: false },
      }),
    ],
  });
  article.views = [
    { id: 'v_nb_article_summary', name: 'Summary', fieldIds: ['f_nb_article_slug', 'f_nb_article_title'] },
  ];
  article.resource.lookupFieldId = 'f_nb_article_slug';
  article.resource.embed = ['r_nb_article_author'];
  article.resource.ownerRelationId = 'r_nb_article_author';
  article.resource.publicRowsFieldId = 'f_nb_article_published';
  const articleOps = article.resource.operations;
  articleOps.list.viewId = 'v_nb_article_summary';
  articleOps.create.access = { kind: 'authenticated' };
  articleOps.update.access = { kind: 'owner' };
  articleOps.delete.access = { kind: 'owner' };

  const comment = newEntity('e_nb_comment', 'Comment', {
    fields: [
      newField('f_nb_comment_body', 'body', 'text', { constraints: { minLength: 1, maxLength: 2000 } }),
    ],
  });
  comment.resource.parentRelationId = 'r_nb_comment_article';
  comment.resource.ownerRelationId = 'r_nb_comment_author';
  comment.resource.embed = ['r_nb_comment_author'];
  const commentOps = comment.resource.operations;
  commentOps.list.access = { kind: 'public', viewer: true };
  commentOps.get.access = { kind: 'public', viewer: true };
  commentOps.create.access = { kind: 'authenticated' };
  commentOps.update.access = { kind: 'owner' };
  commentOps.delete.access = { kind: 'owner', of: 'parent' };

  const note = newEntity('e_nb_note', 'Note', {
    fields: [
      newField('f_nb_note_slug', 'slug', 'string', { unique: true, constraints: { maxLength: 80 } }),
      newField('f_nb_note_text', 'text', 'text'),
    ],
  });
  note.resource.parentRelationId = 'r_nb_note_article';
  note.resource.lookupFieldId = 'f_nb_note_slug';
  const noteOps = note.resource.operations;
  noteOps.create.access = { kind: 'owner', of: 'parent' };
  noteOps.update.access = { kind: 'owner', of: 'parent' };
  noteOps.delete.access = { kind: 'owner', of: 'parent' };

  return {
    ...emptyDesign('Nested blog'),
    entities: [user, article, comment, note],
    relations: [
      newRelation('r_nb_article_author', 'e_nb_article', 'e_nb_user', {
        fieldName: 'author',
        backrefName: 'articles',
        onDelete: 'cascade',
      }),
      newRelation('r_nb_comment_article', 'e_nb_comment', 'e_nb_article', {
        fieldName: 'article',
        backrefName: 'comments',
        onDelete: 'cascade',
      }),
      newRelation('r_nb_comment_author', 'e_nb_comment', 'e_nb_user', {
        fieldName: 'author',
        backrefName: 'comments',
        onDelete: 'cascade',
      }),
      newRelation('r_nb_note_article', 'e_nb_note', 'e_nb_article', {
        fieldName: 'article',
        backrefName: 'notes',
        onDelete: 'cascade',
      }),
    ],
    auth: {
      userEntityId: 'e_nb_user',
      loginFieldId: 'f_nb_user_email',
      passwordFieldId: 'f_nb_user_password',
      tokenLifetimeMinutes: 30,
      api: defaultAuthApi(),
    },
  };
}

/**
 * The nested blog in a RealWorld-like shape: camelCase (`displayName` in the `Profile` view, `articleId` from
 * the path), objects and bodies wrapped under `{name}`, lists as `{"comments": [...], "commentsCount": n}` paged
 * by `page`/`pageSize`, whole-object PUT project-wide and both verbs on comments: nested routes, views and
 * the shape must agree in the routes, the OpenAPI document and every generated test.
 */
export function shapeNested(): Design {
  const design = nestedBlog();
  const comment = design.entities.find((e) => e.id === 'e_nb_comment');
  if (comment) comment.resource.shape = { update: 'both' };
  return {
    ...design,
    name: 'Shaped nested blog',
    api: {
      ...defaultApiShape(),
      naming: 'camelCase',
      objects: { wrap: true, key: '{name}' },
      bodies: { wrap: true },
      lists: { kind: 'object', itemsKey: '{names}', countKey: '{names}Count', echoPaging: false },
      paging: { style: 'page', pageParam: 'page', sizeParam: 'pageSize' },
      update: 'put',
    },
  };
}

export const nestingDesigns: Record<string, () => Design> = {
  'nested-blog': nestedBlog,
  'shape-nested': shapeNested,
};
