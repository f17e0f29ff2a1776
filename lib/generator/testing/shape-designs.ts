import {
  defaultApiShape,
  defaultResource,
  emptyDesign,
  newEntity,
  newField,
  newRelation,
} from '@/lib/design/factories';
import type { Design } from '@/lib/design/schema';

/**
 * Designs with a non-default API shape (issue 16), for golden files and the Python tier: the JSON names,
 * envelopes, list keys, paging and update verbs each generate and pass their own tests on both databases.
 */

/** Authors and their articles, shaped like RealWorld: camelCase, `{"article": {...}}`, `{"articles": [...], "articlesCount": n}`. */
function camelWrapped(): Design {
  const author = newEntity('e_author', 'Author', {
    fields: [
      newField('f_author_username', 'username', 'string', { unique: true, constraints: { maxLength: 40 } }),
      // An API name of its own: `handle` in JSON, `display_name` in the database.
      newField('f_author_display', 'display_name', 'string', {
        apiName: 'handle',
        constraints: { maxLength: 80 },
      }),
      newField('f_author_bio', 'short_bio', 'text', { nullable: true }),
    ],
    resource: { ...defaultResource(), lookupFieldId: 'f_author_username' },
  });
  const article = newEntity('e_article', 'BlogArticle', {
    fields: [
      newField('f_article_title', 'title', 'string', { constraints: { minLength: 1, maxLength: 120 } }),
      newField('f_article_body', 'body_text', 'text'),
      newField('f_article_views', 'view_count', 'integer', { default: { kind: 'literal', value: 0 } }),
      newField('f_article_published', 'published_at', 'datetime', { nullable: true }),
    ],
    resource: {
      ...defaultResource(),
      embed: ['r_article_author'],
      // PUT replaces the whole article, PATCH changes a part of it.
      shape: { update: 'both' },
    },
  });
  article.resource.operations.list.filters = [
    // `?author=<username>` filters by the author's username.
    { relationId: 'r_article_author', fieldId: 'f_author_username', param: 'author' },
    { fieldId: 'f_article_views' },
  ];
  article.resource.operations.list.sortable = [
    { fieldId: 'f_article_title' },
    { fieldId: 'f_article_views' },
  ];
  article.resource.operations.list.defaultPageSize = 10;
  article.resource.operations.list.maxPageSize = 50;
  const relation = newRelation('r_article_author', 'e_article', 'e_author', {
    fieldName: 'written_by',
    backrefName: 'blog_articles',
  });
  return {
    ...emptyDesign('Shaped Blog'),
    entities: [author, article],
    relations: [relation],
    api: {
      ...defaultApiShape(),
      naming: 'camelCase',
      objects: { wrap: true, key: '{name}' },
      bodies: { wrap: true },
      lists: { kind: 'object', itemsKey: '{names}', countKey: '{names}Count', echoPaging: false },
      paging: { style: 'page', pageParam: 'page', sizeParam: 'pageSize' },
    },
  };
}

/**
 * snake_case with bare JSON arrays, limit/offset renamed `take`/`skip`, PUT only, custom timestamp names, and
 * per-resource overrides: notes answered under `note_item`, tags without paging and PATCH.
 */
function bareArrays(): Design {
  const note = newEntity('e_note', 'Note', {
    fields: [
      newField('f_note_title', 'title', 'string', { constraints: { maxLength: 100 } }),
      newField('f_note_pinned', 'pinned', 'boolean', { default: { kind: 'literal', value: false } }),
      newField('f_note_rank', 'rank', 'integer', { nullable: true }),
    ],
    resource: { ...defaultResource(), shape: { objectKey: 'note_item' } },
  });
  note.resource.operations.list.filters = [{ fieldId: 'f_note_pinned', param: 'is_pinned' }];
  note.resource.operations.list.sortable = [{ fieldId: 'f_note_rank' }];
  const tag = newEntity('e_tag', 'Label', {
    timestamps: false,
    fields: [newField('f_label_name', 'name', 'string', { unique: true, constraints: { maxLength: 30 } })],
    resource: { ...defaultResource(), shape: { update: 'patch' } },
  });
  return {
    ...emptyDesign('Bare Notes'),
    entities: [note, tag],
    api: {
      ...defaultApiShape(),
      objects: { wrap: false, key: '{name}' },
      lists: { kind: 'array' },
      paging: { style: 'offset', limitParam: 'take', offsetParam: 'skip' },
      update: 'put',
      timestamps: { created: 'created', updated: 'modified' },
    },
  };
}

/** No paging at all (the whole list), objects wrapped under a custom key, a list object with its own keys. */
function unpaged(): Design {
  const city = newEntity('e_city', 'City', {
    fields: [
      newField('f_city_name', 'name', 'string', { unique: true, constraints: { maxLength: 60 } }),
      newField('f_city_pop', 'population', 'bigint', { nullable: true }),
    ],
    resource: {
      ...defaultResource(),
      shape: { objectKey: 'data', itemsKey: 'results', countKey: null },
    },
  });
  city.resource.operations.list.sortable = [{ fieldId: 'f_city_name' }];
  return {
    ...emptyDesign('Cities'),
    entities: [city],
    api: {
      ...defaultApiShape(),
      objects: { wrap: true, key: '{name}' },
      bodies: { wrap: false },
      lists: { kind: 'object', itemsKey: 'items', countKey: 'count', echoPaging: true },
      paging: { style: 'none' },
    },
  };
}

export const shapeDesigns: Record<string, () => Design> = {
  'shape-camel-wrapped': camelWrapped,
  'shape-bare-arrays': bareArrays,
  'shape-unpaged': unpaged,
};
