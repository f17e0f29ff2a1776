import {
  defaultApiShape,
  defaultAuthApi,
  defaultResource,
  emptyDesign,
  newEntity,
  newField,
  newRelation,
} from '@/lib/design/factories';
import type { Design } from '@/lib/design/schema';

/** Designs of computed fields (`Entity.computed`), for golden files and the Python checks. */

/**
 * A small social network in camelCase: users follow users (a self many-to-many: `followersCount`, and
 * `following` for the viewer), posts are liked by users (`likesCount`, `liked`), commented (approved comments
 * counted, the best rating, whether any exist) and sorted by their counts; a post embeds its author's profile
 * with `following`.
 */
function computedSocial(): Design {
  const user = newEntity('e_user', 'User', {
    fields: [
      newField('f_user_email', 'email', 'email', { unique: true, visibility: 'owner' }),
      newField('f_user_username', 'username', 'string', {
        unique: true,
        constraints: { minLength: 1, maxLength: 40 },
      }),
      newField('f_user_password', 'password', 'password', { constraints: { minLength: 8 } }),
      newField('f_user_bio', 'bio', 'text', { nullable: true }),
    ],
    computed: [
      {
        id: 'c_user_followers',
        name: 'followers_count',
        kind: 'count',
        relationId: 'r_follows',
        side: 'backref',
      },
      {
        id: 'c_user_following',
        name: 'following',
        kind: 'viewer-linked',
        relationId: 'r_follows',
        side: 'backref',
      },
    ],
    views: [
      {
        id: 'v_user_profile',
        name: 'Profile',
        fieldIds: ['f_user_username', 'f_user_bio', 'c_user_followers', 'c_user_following'],
      },
    ],
    embedViewId: 'v_user_profile',
  });
  user.resource.lookupFieldId = 'f_user_username';
  const userOps = user.resource.operations;
  userOps.list.access = { kind: 'public', viewer: true };
  userOps.list.viewId = 'v_user_profile';
  userOps.list.sortable = [{ fieldId: 'c_user_followers' }];
  userOps.get.access = { kind: 'public', viewer: true };
  userOps.get.viewId = 'v_user_profile';
  userOps.create.enabled = false;
  userOps.update.enabled = false;
  userOps.delete.enabled = false;

  const post = newEntity('e_post', 'Post', {
    fields: [newField('f_post_title', 'title', 'string', { constraints: { minLength: 1, maxLength: 120 } })],
    computed: [
      { id: 'c_post_likes', name: 'likes_count', kind: 'count', relationId: 'r_likes' },
      { id: 'c_post_liked', name: 'liked', kind: 'viewer-linked', relationId: 'r_likes' },
      {
        id: 'c_post_comments',
        name: 'comments_count',
        apiName: 'approvedComments',
        kind: 'count',
        relationId: 'r_comment_post',
        where: { fieldId: 'f_comment_approved', equals: true },
      },
      {
        id: 'c_post_rating',
        name: 'top_rating',
        kind: 'max',
        relationId: 'r_comment_post',
        fieldId: 'f_comment_rating',
      },
      {
        id: 'c_post_rated',
        name: 'rating_total',
        kind: 'sum',
        relationId: 'r_comment_post',
        fieldId: 'f_comment_rating',
      },
      { id: 'c_post_any', name: 'has_comments', kind: 'exists', relationId: 'r_comment_post' },
    ],
    resource: { ...defaultResource(), embed: ['r_post_author'] },
  });
  post.resource.ownerRelationId = 'r_post_author';
  const postOps = post.resource.operations;
  postOps.list.access = { kind: 'public', viewer: true };
  postOps.list.sortable = [
    { fieldId: 'c_post_likes' },
    { fieldId: 'c_post_comments' },
    { fieldId: 'c_post_rating' },
  ];
  postOps.list.defaultOrder = { field: { fieldId: 'c_post_likes' }, direction: 'desc' };
  postOps.get.access = { kind: 'public', viewer: true };
  postOps.create.access = { kind: 'authenticated' };
  postOps.update.access = { kind: 'owner' };
  postOps.delete.access = { kind: 'owner' };

  const comment = newEntity('e_comment', 'Comment', {
    fields: [
      newField('f_comment_body', 'body', 'text'),
      newField('f_comment_rating', 'rating', 'integer', { constraints: { min: 1, max: 5 } }),
      newField('f_comment_approved', 'approved', 'boolean', { default: { kind: 'literal', value: false } }),
    ],
  });
  const commentOps = comment.resource.operations;
  commentOps.create.access = { kind: 'authenticated' };
  commentOps.update.access = { kind: 'authenticated' };
  commentOps.delete.access = { kind: 'authenticated' };

  return {
    ...emptyDesign('Social'),
    api: { ...defaultApiShape(), naming: 'camelCase' },
    entities: [user, post, comment],
    relations: [
      newRelation('r_follows', 'e_user', 'e_user', {
        kind: 'many-to-many',
        fieldName: 'follows',
        backrefName: 'followers',
      }),
      newRelation('r_likes', 'e_post', 'e_user', {
        kind: 'many-to-many',
        fieldName: 'likers',
        backrefName: 'liked_posts',
      }),
      newRelation('r_post_author', 'e_post', 'e_user', {
        fieldName: 'author',
        backrefName: 'posts',
        onDelete: 'cascade',
      }),
      newRelation('r_comment_post', 'e_comment', 'e_post', {
        fieldName: 'post',
        backrefName: 'comments',
        onDelete: 'cascade',
      }),
    ],
    auth: {
      userEntityId: 'e_user',
      loginFieldId: 'f_user_email',
      passwordFieldId: 'f_user_password',
      tokenLifetimeMinutes: 60,
      api: defaultAuthApi(),
    },
  };
}

/**
 * Without auth, snake_case: a category tree counting its children (a self many-to-one, `side: backref`) and its
 * products, summing and bounding their decimal prices; students counting their courses through an Enrollment
 * entity (only passing grades' count kept apart).
 */
function computedCatalog(): Design {
  const category = newEntity('e_cat', 'Category', {
    fields: [newField('f_cat_name', 'name', 'string', { unique: true, constraints: { maxLength: 80 } })],
    computed: [
      {
        id: 'c_cat_children',
        name: 'children_count',
        kind: 'count',
        relationId: 'r_cat_parent',
        side: 'backref',
      },
      { id: 'c_cat_products', name: 'product_count', kind: 'count', relationId: 'r_product_cat' },
      {
        id: 'c_cat_total',
        name: 'total_price',
        kind: 'sum',
        relationId: 'r_product_cat',
        fieldId: 'f_product_price',
      },
      {
        id: 'c_cat_cheapest',
        name: 'cheapest',
        kind: 'min',
        relationId: 'r_product_cat',
        fieldId: 'f_product_price',
      },
      {
        id: 'c_cat_in_stock',
        name: 'in_stock_count',
        kind: 'count',
        relationId: 'r_product_cat',
        where: { fieldId: 'f_product_stocked', equals: true },
      },
    ],
  });
  category.resource.operations.list.sortable = [{ fieldId: 'c_cat_products' }, { fieldId: 'c_cat_cheapest' }];
  const product = newEntity('e_product', 'Product', {
    fields: [
      newField('f_product_name', 'name', 'string', { constraints: { maxLength: 80 } }),
      newField('f_product_price', 'price', 'decimal', { precision: 10, scale: 2 }),
      newField('f_product_stocked', 'stocked', 'boolean', { default: { kind: 'literal', value: true } }),
    ],
  });
  const student = newEntity('e_student', 'Student', {
    fields: [newField('f_student_name', 'name', 'string', { constraints: { maxLength: 80 } })],
    computed: [{ id: 'c_student_courses', name: 'course_count', kind: 'count', relationId: 'r_courses' }],
  });
  const course = newEntity('e_course', 'Course', {
    fields: [newField('f_course_code', 'code', 'string', { unique: true, constraints: { maxLength: 12 } })],
    computed: [
      { id: 'c_course_students', name: 'student_count', kind: 'count', relationId: 'r_courses' },
      {
        id: 'c_course_grade',
        name: 'best_grade',
        kind: 'max',
        relationId: 'r_enr_course',
        fieldId: 'f_enrollment_grade',
      },
    ],
  });
  const enrollment = newEntity('e_enrollment', 'Enrollment', {
    timestamps: false,
    fields: [newField('f_enrollment_grade', 'grade', 'integer', { constraints: { min: 0, max: 100 } })],
  });
  return {
    ...emptyDesign('Catalog'),
    entities: [category, product, student, course, enrollment],
    relations: [
      newRelation('r_cat_parent', 'e_cat', 'e_cat', {
        fieldName: 'parent',
        backrefName: 'children',
        nullable: true,
      }),
      newRelation('r_product_cat', 'e_product', 'e_cat', {
        fieldName: 'category',
        backrefName: 'products',
        onDelete: 'cascade',
      }),
      newRelation('r_enr_student', 'e_enrollment', 'e_student', {
        fieldName: 'student',
        backrefName: 'enrollments',
        onDelete: 'cascade',
      }),
      newRelation('r_enr_course', 'e_enrollment', 'e_course', {
        fieldName: 'course',
        backrefName: 'enrollments',
        onDelete: 'cascade',
      }),
      newRelation('r_courses', 'e_student', 'e_course', {
        kind: 'many-to-many',
        fieldName: 'courses',
        backrefName: 'students',
        throughEntityId: 'e_enrollment',
      }),
    ],
  };
}

export const computedDesigns: Record<string, () => Design> = {
  'computed-social': computedSocial,
  'computed-catalog': computedCatalog,
};
