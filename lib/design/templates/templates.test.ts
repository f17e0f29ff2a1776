import { describe, expect, it } from 'vitest';
import { DesignSchema } from '../schema';
import { validateDesign } from '../validate';
import { TEMPLATE_NAMES, templates } from './index';

describe.each(TEMPLATE_NAMES)('the %s template', (name) => {
  it('is schema-valid with zero problems', () => {
    const design = templates[name]();
    expect(DesignSchema.parse(design)).toEqual(design);
    expect(validateDesign(design)).toEqual([]);
  });

  it('is deterministic and returns an independent copy each time', () => {
    const a = templates[name]();
    const b = templates[name]();
    expect(a).toEqual(b);
    if (a.entities[0]) {
      a.entities[0].name = 'Changed';
      expect(b.entities[0]?.name).not.toBe('Changed');
    }
  });

  it('places every entity and enum on the canvas', () => {
    const design = templates[name]();
    for (const { id } of [...design.entities, ...design.enums]) expect(design.layout.nodes[id]).toBeDefined();
  });
});

describe('template contents', () => {
  it('blog: email login, hashed password, role, slug lookup, owner rule, tags and follows', () => {
    const blog = templates.blog();
    expect(blog.auth).toMatchObject({
      userEntityId: 'e_user',
      loginFieldId: 'f_user_email',
      passwordFieldId: 'f_user_password',
      roleFieldId: 'f_user_role',
    });
    const post = blog.entities.find((e) => e.name === 'Post');
    expect(post?.resource).toMatchObject({ lookupFieldId: 'f_post_slug', ownerRelationId: 'r_post_author' });
    expect(blog.relations.find((r) => r.id === 'r_post_tags')?.kind).toBe('many-to-many');
    expect(blog.relations.find((r) => r.id === 'r_user_follows')).toMatchObject({
      fromEntityId: 'e_user',
      toEntityId: 'e_user',
      kind: 'many-to-many',
    });
  });

  it('todo: User, TodoList, TodoItem', () => {
    expect(templates.todo().entities.map((e) => e.name)).toEqual(['User', 'TodoList', 'TodoItem']);
  });

  it('shop: OrderLine is the through entity with decimal prices', () => {
    const shop = templates.shop();
    expect(shop.entities.map((e) => e.name)).toEqual(['User', 'Product', 'Order', 'OrderLine']);
    expect(shop.relations.find((r) => r.kind === 'many-to-many')?.throughEntityId).toBe('e_order_line');
    const line = shop.entities.find((e) => e.name === 'OrderLine');
    expect(line?.fields.map((f) => [f.name, f.type])).toEqual([
      ['quantity', 'integer'],
      ['unit_price', 'decimal'],
    ]);
  });

  it('conduit: RealWorld behaviour from blocks (favorites, follows, feed, slug from the title)', () => {
    const conduit = templates.conduit();
    const user = conduit.entities.find((e) => e.id === 'e_user');
    const article = conduit.entities.find((e) => e.id === 'e_article');
    expect(article?.computed?.map((c) => [c.name, c.kind, c.relationId])).toEqual([
      ['favorited', 'viewer-linked', 'r_user_favorites'],
      ['favorites_count', 'count', 'r_user_favorites'],
    ]);
    expect(article?.fields.find((f) => f.id === 'f_article_slug')?.derive).toEqual({
      kind: 'slug',
      fromFieldId: 'f_article_title',
      onUpdate: true,
    });
    expect(article?.resource.actions?.map((a) => [a.kind, a.name])).toEqual([['link', 'favorite']]);
    expect(article?.resource.viewerLists?.[0]).toMatchObject({
      name: 'feed',
      path: [{ relationId: 'r_article_author' }, { relationId: 'r_user_follows', side: 'backref' }],
    });
    expect(article?.resource.valueLists?.[0]).toMatchObject({ apiName: 'tagList', writable: true });
    // The embedded author is a profile, and the profile says whether the caller follows them.
    expect(user?.embedViewId).toBe('v_user_profile');
    expect(user?.views?.[0]?.fieldIds).toContain('c_user_following');
    expect(user?.resource.actions?.[0]).toMatchObject({ kind: 'link', name: 'follow', side: 'backref' });
  });

  it('social: likes, follows and a feed, with no custom endpoint', () => {
    const social = templates.social();
    expect(social.customEndpoints).toEqual([]);
    const post = social.entities.find((e) => e.id === 'e_post');
    expect(post?.computed?.map((c) => c.name)).toEqual(['likes_count', 'liked', 'comments_count']);
    expect(post?.resource.actions?.map((a) => a.name)).toEqual(['like']);
    expect(post?.resource.viewerLists?.map((l) => [l.name, l.mount])).toEqual([
      ['feed', 'resource'],
      ['liked', 'me'],
    ]);
  });

  it('blank is empty', () => {
    expect(templates.blank()).toMatchObject({ entities: [], relations: [], enums: [], auth: null });
  });
});
