import { describe, expect, it } from 'vitest';
import { actionsBlog, actionsThrough } from '@/lib/generator/testing/actions-designs';
import type { Design, ResourceAction } from '../schema';
import { entity, problemsOf } from './test-helpers';

const blogDesign = (): Design => structuredClone(actionsBlog());
const throughDesign = (): Design => structuredClone(actionsThrough());

/** The action `id` of entity `entityId`, to edit in place. */
function action(design: Design, entityId: string, id: string): ResourceAction {
  const found = entity(design, entityId).resource.actions?.find((a) => a.id === id);
  if (!found) throw new Error(`no action ${id}`);
  return found;
}

const ARTICLE = 'e_ab_article';

describe('actions', () => {
  it('accepts the test designs', () => {
    expect(problemsOf(blogDesign())).toEqual([]);
    expect(problemsOf(throughDesign())).toEqual([]);
  });

  it('wants a name that is one path segment', () => {
    for (const name of ['', 'a/b', '{slug}', 'two words']) {
      const d = blogDesign();
      action(d, ARTICLE, 'a_ab_favorite').name = name;
      const problems = problemsOf(d, 'invalid-name');
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ path: 'entities[1].resource.actions[0].name', elementId: ARTICLE });
    }
  });

  it('refuses names whose routes clash with another action, a custom endpoint or a nested resource', () => {
    const twice = blogDesign();
    action(twice, ARTICLE, 'a_ab_publish').name = 'favorite';
    expect(problemsOf(twice, 'duplicate-route')[0]?.message).toMatch(
      /POST \/articles\/\{\}\/favorite clashes with the action 'favorite' of 'Article'/,
    );
    // A different method on the same path is another route.
    const other = blogDesign();
    action(other, ARTICLE, 'a_ab_claim').name = 'favorite';
    expect(problemsOf(other, 'duplicate-route')).toEqual([]);

    const custom = blogDesign();
    custom.customEndpoints.push({
      id: 'c_fav',
      entityId: ARTICLE,
      method: 'DELETE',
      path: '/{slug}/{what}',
      summary: '',
      access: { kind: 'authenticated' },
    });
    expect(problemsOf(custom, 'duplicate-route')[0]?.message).toMatch(/custom endpoint DELETE/);

    const nested = blogDesign();
    const tag = entity(nested, 'e_ab_tag');
    nested.relations.push({
      id: 'r_ab_tag_article',
      kind: 'many-to-one',
      fromEntityId: 'e_ab_tag',
      toEntityId: ARTICLE,
      fieldName: 'article',
      backrefName: 'own_tags',
      nullable: false,
      onDelete: 'cascade',
    });
    tag.resource.parentRelationId = 'r_ab_tag_article';
    tag.resource.operations.delete.enabled = true;
    expect(problemsOf(nested, 'duplicate-route').map((p) => p.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /DELETE \/articles\/\{\}\/tags\/\{\} clashes with the 'delete' endpoint of 'Tag'/,
        ),
      ]),
    );
  });

  it('refuses relations that are not many-to-many, do not touch the entity, or miss a side on a self-relation', () => {
    const kind = blogDesign();
    const favorite = action(kind, ARTICLE, 'a_ab_favorite') as Extract<ResourceAction, { kind: 'link' }>;
    favorite.relationId = 'r_ab_article_author';
    expect(problemsOf(kind, 'invalid-action')[0]?.message).toMatch(
      /many-to-many relation; this one is many-to-one/,
    );

    const elsewhere = blogDesign();
    (action(elsewhere, ARTICLE, 'a_ab_favorite') as Extract<ResourceAction, { kind: 'link' }>).relationId =
      'r_ab_follows';
    expect(problemsOf(elsewhere, 'invalid-action')[0]?.message).toMatch(/does not touch 'Article'/);

    const self = blogDesign();
    const follow = action(self, 'e_ab_user', 'a_ab_follow') as Extract<ResourceAction, { kind: 'link' }>;
    delete follow.side;
    expect(problemsOf(self, 'invalid-action')[0]).toMatchObject({
      path: 'entities[0].resource.actions[0].side',
      message: expect.stringMatching(/to itself; say which end/),
    });

    const gone = blogDesign();
    (action(gone, ARTICLE, 'a_ab_favorite') as Extract<ResourceAction, { kind: 'link' }>).relationId =
      'r_nope';
    expect(problemsOf(gone, 'unknown-relation')).toHaveLength(1);
  });

  it('links the viewer only to the auth user entity, and never for anonymous callers', () => {
    const tags = blogDesign();
    (action(tags, ARTICLE, 'a_ab_tag') as Extract<ResourceAction, { kind: 'link' }>).target = 'viewer';
    expect(problemsOf(tags, 'invalid-action')[0]?.message).toMatch(
      /other end of 'tags' is 'Tag', not the user/,
    );

    const open = blogDesign();
    action(open, ARTICLE, 'a_ab_favorite').access = { kind: 'public' };
    expect(problemsOf(open, 'auth-required')[0]?.path).toBe('entities[1].resource.actions[0].access');

    const noAuth = blogDesign();
    noAuth.auth = null;
    expect(problemsOf(noAuth, 'viewer-without-auth').length).toBeGreaterThan(0);
  });

  it('wants links through an entity to be storable once per pair', () => {
    const d = throughDesign();
    entity(d, 'e_at_bookmark').uniques = [];
    expect(problemsOf(d, 'invalid-action')[0]?.message).toMatch(
      /needs a unique constraint over its two relations/,
    );
    const required = throughDesign();
    const note = entity(required, 'e_at_bookmark').fields[0];
    if (note) note.nullable = false;
    expect(problemsOf(required, 'invalid-action')[0]?.message).toMatch(/'note' would need a value/);
  });

  it('checks what set actions set: existing fields, values of their type, dates for now, a user relation for viewer', () => {
    const set = (d: Design, id: string) => action(d, ARTICLE, id) as Extract<ResourceAction, { kind: 'set' }>;
    const wrongType = blogDesign();
    set(wrongType, 'a_ab_publish').sets[0] = {
      fieldId: 'f_ab_article_published',
      value: { kind: 'literal', value: 'yes' },
    };
    expect(problemsOf(wrongType, 'invalid-action')[0]).toMatchObject({
      path: 'entities[1].resource.actions[2].sets[0].value',
      message: expect.stringMatching(/must be true or false/),
    });

    const notNull = blogDesign();
    set(notNull, 'a_ab_publish').sets[0] = {
      fieldId: 'f_ab_article_slug',
      value: { kind: 'literal', value: null },
    };
    expect(problemsOf(notNull, 'invalid-action')[0]?.message).toMatch(/not nullable/);

    const now = blogDesign();
    set(now, 'a_ab_publish').sets[0] = { fieldId: 'f_ab_article_title', value: { kind: 'now' } };
    expect(problemsOf(now, 'invalid-action')[0]?.message).toMatch(/'now' only fits date and datetime/);

    const viewer = blogDesign();
    set(viewer, 'a_ab_claim').sets[0] = { fieldId: 'r_ab_favorites', value: { kind: 'viewer' } };
    expect(problemsOf(viewer, 'invalid-action')[0]?.message).toMatch(/many-to-one relation from 'Article'/);

    const missing = blogDesign();
    set(missing, 'a_ab_publish').sets.push({
      fieldId: 'f_ab_user_bio',
      value: { kind: 'literal', value: 'x' },
    });
    expect(problemsOf(missing, 'unknown-field')[0]?.message).toMatch(/not one of 'Article'/);

    const twice = blogDesign();
    set(twice, 'a_ab_publish').sets.push({
      fieldId: 'f_ab_article_published',
      value: { kind: 'literal', value: false },
    });
    expect(problemsOf(twice, 'invalid-action')[0]?.message).toMatch(/same field twice/);

    const empty = blogDesign();
    set(empty, 'a_ab_publish').sets = [];
    expect(problemsOf(empty, 'invalid-action')[0]?.message).toMatch(/sets nothing/);
  });

  it('reports a view that no longer exists and owner rules without an owner', () => {
    const view = blogDesign();
    action(view, ARTICLE, 'a_ab_publish').viewId = 'v_nope';
    expect(problemsOf(view, 'unknown-view')).toHaveLength(1);
    const user = entity(view, 'e_ab_user');
    user.views = [{ id: 'v_ab_user_mail', name: 'Mail', fieldIds: ['f_ab_user_email'] }];
    const follow = action(view, 'e_ab_user', 'a_ab_follow');
    follow.viewId = 'v_ab_user_mail';
    expect(problemsOf(view, 'private-field-in-view')[0]?.message).toMatch(/owner-only field 'email'/);
    const owner = blogDesign();
    entity(owner, 'e_ab_tag').resource.actions = [
      {
        id: 'a_ab_tag_rename',
        kind: 'set',
        name: 'reset',
        method: 'POST',
        access: { kind: 'owner' },
        sets: [{ fieldId: 'f_ab_tag_name', value: { kind: 'literal', value: 'x' } }],
      },
    ];
    expect(problemsOf(owner, 'owner-without-relation')[0]?.path).toBe(
      'entities[2].resource.actions[0].access',
    );
  });
});
