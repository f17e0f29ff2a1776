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
 * Derived values and composite unique constraints (issue 17, blocks 2 and 6), for golden files and the Python
 * tier: posts get a unique slug of their title (`-2` on a collision, again on a title change) and a
 * `published_at` set when `published` turns true; subscribers a lower-cased e-mail that is unique per list
 * (a composite of a field and a derived field); a user likes a post once (a composite of two foreign keys).
 */
export function derivedValues(): Design {
  const user = newEntity('e_dv_user', 'User', {
    fields: [
      newField('f_dv_user_email', 'email', 'email', { unique: true, visibility: 'owner' }),
      newField('f_dv_user_password', 'password', 'password', { constraints: { minLength: 8 } }),
      newField('f_dv_user_name', 'display_name', 'string', { constraints: { maxLength: 80 } }),
      // Derived on register and on a change through the me endpoint.
      newField('f_dv_user_handle', 'handle', 'string', {
        nullable: true,
        unique: true,
        constraints: { maxLength: 40 },
        derive: { kind: 'slug', fromFieldId: 'f_dv_user_name', onUpdate: true },
      }),
    ],
  });
  const userOps = user.resource.operations;
  userOps.list.enabled = false;
  userOps.create.enabled = false;
  userOps.update.access = { kind: 'owner' };
  userOps.delete.access = { kind: 'owner' };

  const post = newEntity('e_dv_post', 'Post', {
    fields: [
      newField('f_dv_post_title', 'title', 'string', { constraints: { minLength: 1, maxLength: 80 } }),
      newField('f_dv_post_slug', 'slug', 'string', {
        unique: true,
        constraints: { maxLength: 40 },
        derive: { kind: 'slug', fromFieldId: 'f_dv_post_title', onUpdate: true },
      }),
      newField('f_dv_post_body', 'body', 'text'),
      newField('f_dv_post_published', 'published', 'boolean', { default: { kind: 'literal', value: false } }),
      newField('f_dv_post_published_at', 'published_at', 'datetime', {
        nullable: true,
        derive: { kind: 'now', fromFieldId: 'f_dv_post_published', onUpdate: true },
      }),
    ],
  });
  post.resource.ownerRelationId = 'r_dv_post_author';
  const postOps = post.resource.operations;
  postOps.create.access = { kind: 'authenticated' };
  postOps.update.access = { kind: 'owner' };
  postOps.delete.access = { kind: 'owner' };
  postOps.list.sortable = [{ fieldId: 'f_dv_post_slug' }];

  const subscriber = newEntity('e_dv_subscriber', 'Subscriber', {
    fields: [
      newField('f_dv_sub_list', 'list_name', 'string', { constraints: { minLength: 1, maxLength: 40 } }),
      newField('f_dv_sub_email', 'email', 'email'),
      // Created once, never recomputed: an update of the e-mail keeps the first normalised address.
      newField('f_dv_sub_normalized', 'email_normalized', 'email', {
        derive: { kind: 'lower', fromFieldId: 'f_dv_sub_email', onUpdate: false },
      }),
    ],
    uniques: [{ id: 'u_dv_sub_list_email', members: ['f_dv_sub_list', 'f_dv_sub_normalized'] }],
  });

  const like = newEntity('e_dv_like', 'Like', {
    fields: [
      newField('f_dv_like_note', 'note', 'string', { nullable: true, constraints: { maxLength: 80 } }),
    ],
    uniques: [{ id: 'u_dv_like_user_post', members: ['r_dv_like_user', 'r_dv_like_post'] }],
  });
  like.resource.ownerRelationId = 'r_dv_like_user';
  const likeOps = like.resource.operations;
  likeOps.list.access = { kind: 'owner' };
  likeOps.get.access = { kind: 'owner' };
  likeOps.create.access = { kind: 'authenticated' };
  likeOps.update.access = { kind: 'owner' };
  likeOps.delete.access = { kind: 'owner' };

  return {
    ...emptyDesign('Derived values'),
    entities: [user, post, subscriber, like],
    relations: [
      newRelation('r_dv_post_author', 'e_dv_post', 'e_dv_user', {
        fieldName: 'author',
        backrefName: 'posts',
        onDelete: 'cascade',
      }),
      newRelation('r_dv_like_user', 'e_dv_like', 'e_dv_user', {
        fieldName: 'user',
        backrefName: 'likes',
        onDelete: 'cascade',
      }),
      newRelation('r_dv_like_post', 'e_dv_like', 'e_dv_post', {
        fieldName: 'post',
        backrefName: 'likes',
        onDelete: 'cascade',
      }),
    ],
    auth: {
      userEntityId: 'e_dv_user',
      loginFieldId: 'f_dv_user_email',
      passwordFieldId: 'f_dv_user_password',
      tokenLifetimeMinutes: 30,
      api: { ...defaultAuthApi(), meUpdate: true },
    },
  };
}

/**
 * The same in camelCase with field-map errors (`{"errors": {"listName": [...], "emailNormalized": [...]}}`),
 * posts looked up by their slug (a title change moves the post) and PUT updates.
 */
export function derivedValuesShaped(): Design {
  const design = derivedValues();
  const post = design.entities.find((e) => e.id === 'e_dv_post');
  if (post) post.resource.lookupFieldId = 'f_dv_post_slug';
  return {
    ...design,
    name: 'Derived values shaped',
    api: { ...defaultApiShape(), naming: 'camelCase', errors: 'field-map', update: 'put' },
  };
}

/** RFC 9457 problems: a composite duplicate lists each of its fields in `errors`. */
export function derivedValuesProblem(): Design {
  const design = derivedValues();
  return { ...design, name: 'Derived values problems', api: { ...design.api, errors: 'problem' } };
}

export const deriveDesigns: Record<string, () => Design> = {
  'derived-values': derivedValues,
  'derived-values-shaped': derivedValuesShaped,
  'derived-values-problem': derivedValuesProblem,
};
