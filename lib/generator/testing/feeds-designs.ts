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
 * Viewer-bound lists, lookups through a relation and per-relation embed views (issue 17, blocks 5 and 8):
 * - `GET /articles/feed`: published articles whose author the viewer follows (hop 1: `author`, hop 2: the
 *   author's `followers` on a many-to-many self-relation of users), paged, filtered and sorted like the list;
 * - `GET /auth/me/orders`: the viewer's orders (one hop: `owner`), mounted under the me path; `GET
 *   /orders/deliveries`: orders the viewer carries (`courier`), still only their own (orders are owner-only);
 * - `/profiles/{username}`: a profile named by its user's username (one-to-one `user`); `/pages/{name}`: a
 *   company's page named by the company's name, its links nested under it (`/pages/{name}/links`, written by
 *   the owner of the page's company);
 * - articles embed their author as a `Card` (username only), overriding the user's `Profile` embed view.
 */
export function feedsDesign(): Design {
  const user = newEntity('e_fd_user', 'User', {
    fields: [
      newField('f_fd_user_email', 'email', 'email', { unique: true, visibility: 'owner' }),
      newField('f_fd_user_password', 'password', 'password', { constraints: { minLength: 8 } }),
      newField('f_fd_user_username', 'username', 'string', {
        unique: true,
        constraints: { minLength: 1, maxLength: 40 },
      }),
      newField('f_fd_user_bio', 'bio', 'text', { nullable: true }),
    ],
  });
  user.views = [
    { id: 'v_fd_user_card', name: 'Card', fieldIds: ['f_fd_user_username'] },
    { id: 'v_fd_user_profile', name: 'Profile', fieldIds: ['f_fd_user_username', 'f_fd_user_bio'] },
  ];
  user.embedViewId = 'v_fd_user_profile';
  user.resource.lookupFieldId = 'f_fd_user_username';
  user.resource.embed = ['r_fd_follows'];
  const userOps = user.resource.operations;
  userOps.list.enabled = false;
  userOps.create.enabled = false;
  userOps.get.viewId = 'v_fd_user_profile';
  userOps.update.access = { kind: 'owner' };
  userOps.delete.access = { kind: 'owner' };

  const article = newEntity('e_fd_article', 'Article', {
    fields: [
      newField('f_fd_article_slug', 'slug', 'string', {
        unique: true,
        constraints: { maxLength: 80, pattern: '^[a-z0-9-]+$' },
      }),
      newField('f_fd_article_title', 'title', 'string', { constraints: { minLength: 1, maxLength: 120 } }),
      newField('f_fd_article_published', 'published', 'boolean', {
        default: { kind: 'literal', value: false },
      }),
    ],
  });
  const res = article.resource;
  res.lookupFieldId = 'f_fd_article_slug';
  res.ownerRelationId = 'r_fd_article_author';
  res.publicRowsFieldId = 'f_fd_article_published';
  res.embed = ['r_fd_article_author'];
  res.embedViews = [{ relationId: 'r_fd_article_author', viewId: 'v_fd_user_card' }];
  res.viewerLists = [
    {
      id: 'vl_fd_feed',
      name: 'feed',
      mount: 'resource',
      path: [{ relationId: 'r_fd_article_author' }, { relationId: 'r_fd_follows', side: 'backref' }],
      summary: 'Articles by the authors the caller follows',
    },
  ];
  const articleOps = res.operations;
  articleOps.list.filters = [{ fieldId: 'f_fd_article_title' }];
  articleOps.list.sortable = [{ fieldId: 'f_fd_article_title' }];
  articleOps.list.defaultOrder = { field: { fieldId: 'f_fd_article_title' }, direction: 'asc' };
  articleOps.create.access = { kind: 'authenticated' };
  articleOps.update.access = { kind: 'owner' };
  articleOps.delete.access = { kind: 'owner' };

  const order = newEntity('e_fd_order', 'Order', {
    fields: [
      newField('f_fd_order_item', 'item', 'string', { constraints: { minLength: 1, maxLength: 80 } }),
      newField('f_fd_order_quantity', 'quantity', 'integer', { constraints: { min: 1, max: 1000 } }),
    ],
  });
  order.resource.ownerRelationId = 'r_fd_order_owner';
  order.resource.viewerLists = [
    { id: 'vl_fd_my_orders', name: 'orders', mount: 'me', path: [{ relationId: 'r_fd_order_owner' }] },
    // Orders are read by their owner only: the caller's orders they also carry (never someone else's).
    {
      id: 'vl_fd_deliveries',
      name: 'deliveries',
      mount: 'resource',
      path: [{ relationId: 'r_fd_order_courier' }],
    },
  ];
  const orderOps = order.resource.operations;
  orderOps.list.enabled = false;
  orderOps.create.access = { kind: 'authenticated' };
  for (const op of [orderOps.get, orderOps.update, orderOps.delete]) op.access = { kind: 'owner' };

  const profile = newEntity('e_fd_profile', 'Profile', {
    fields: [newField('f_fd_profile_headline', 'headline', 'string', { constraints: { maxLength: 120 } })],
  });
  profile.resource.lookupRelationId = 'r_fd_profile_user';
  profile.resource.lookupFieldId = 'f_fd_user_username';
  profile.resource.ownerRelationId = 'r_fd_profile_user';
  const profileOps = profile.resource.operations;
  profileOps.create.access = { kind: 'authenticated' };
  profileOps.update.access = { kind: 'owner' };
  profileOps.delete.access = { kind: 'owner' };

  // A company's page is named by the company's name (`/pages/{name}`); its links nest under it.
  const company = newEntity('e_fd_company', 'Company', {
    fields: [
      newField('f_fd_company_name', 'name', 'string', { unique: true, constraints: { maxLength: 60 } }),
    ],
  });
  company.resource.ownerRelationId = 'r_fd_company_owner';
  const companyOps = company.resource.operations;
  companyOps.create.access = { kind: 'authenticated' };
  companyOps.update.access = { kind: 'owner' };
  companyOps.delete.access = { kind: 'owner' };
  const page = newEntity('e_fd_page', 'Page', {
    fields: [newField('f_fd_page_headline', 'headline', 'string', { constraints: { maxLength: 120 } })],
  });
  page.resource.lookupRelationId = 'r_fd_page_company';
  page.resource.lookupFieldId = 'f_fd_company_name';
  page.resource.ownerPath = ['r_fd_page_company', 'r_fd_company_owner'];
  const pageOps = page.resource.operations;
  pageOps.create.access = { kind: 'authenticated' };
  pageOps.update.access = { kind: 'owner' };
  pageOps.delete.access = { kind: 'owner' };
  const link = newEntity('e_fd_link', 'Link', {
    fields: [newField('f_fd_link_url', 'url', 'url')],
  });
  link.resource.parentRelationId = 'r_fd_link_page';
  const linkOps = link.resource.operations;
  for (const op of [linkOps.create, linkOps.update, linkOps.delete])
    op.access = { kind: 'owner', of: 'parent' };

  return {
    ...emptyDesign('Feeds'),
    entities: [user, article, order, profile, company, page, link],
    relations: [
      newRelation('r_fd_article_author', 'e_fd_article', 'e_fd_user', {
        fieldName: 'author',
        backrefName: 'articles',
        onDelete: 'cascade',
      }),
      newRelation('r_fd_follows', 'e_fd_user', 'e_fd_user', {
        kind: 'many-to-many',
        fieldName: 'following',
        backrefName: 'followers',
      }),
      newRelation('r_fd_order_owner', 'e_fd_order', 'e_fd_user', {
        fieldName: 'owner',
        backrefName: 'orders',
        onDelete: 'cascade',
      }),
      newRelation('r_fd_order_courier', 'e_fd_order', 'e_fd_user', {
        fieldName: 'courier',
        backrefName: 'deliveries',
        nullable: true,
      }),
      newRelation('r_fd_profile_user', 'e_fd_profile', 'e_fd_user', {
        kind: 'one-to-one',
        fieldName: 'user',
        backrefName: 'profile',
        onDelete: 'cascade',
      }),
      newRelation('r_fd_company_owner', 'e_fd_company', 'e_fd_user', {
        fieldName: 'owner',
        backrefName: 'companies',
        onDelete: 'cascade',
      }),
      newRelation('r_fd_page_company', 'e_fd_page', 'e_fd_company', {
        kind: 'one-to-one',
        fieldName: 'company',
        backrefName: 'page',
        onDelete: 'cascade',
      }),
      newRelation('r_fd_link_page', 'e_fd_link', 'e_fd_page', {
        fieldName: 'page',
        backrefName: 'links',
        onDelete: 'cascade',
      }),
    ],
    api: { ...defaultApiShape() },
    auth: {
      userEntityId: 'e_fd_user',
      loginFieldId: 'f_fd_user_email',
      passwordFieldId: 'f_fd_user_password',
      tokenLifetimeMinutes: 60,
      api: { ...defaultAuthApi() },
    },
  };
}

export const feedsDesigns: Record<string, () => Design> = { feeds: feedsDesign };
