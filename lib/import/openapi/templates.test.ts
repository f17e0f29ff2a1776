import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_NAMES, templates } from '@/lib/design/templates';
import { openApiFor } from '@/lib/generator/openapi/document';
import { designStructure, structureDiff } from './structure';
import { importValid } from './test-helpers';

/**
 * Our own documents import back to the design they came from: entities, fields (name, type, nullability),
 * relations, resources (path, operations, lookup, nesting) and custom endpoints. What the document cannot say
 * is listed per template, each with the reason; anything else that differs fails.
 */
const EXPECTED: Record<string, { missing: string[]; extra: string[] }> = {
  blank: { missing: [], extra: [] },
  blog: {
    // Following is a many-to-many of the user with itself that no schema shows (only link actions use it).
    missing: ['relation User.following many-to-many User.followers'],
    // A row action (`set` published) is a path like any other: a custom endpoint.
    extra: ['endpoint POST /posts/{slug}/publish'],
  },
  todo: {
    // The list's `items` backref is in no schema: the default name is taken.
    missing: ['relation TodoItem.todo_list many-to-one TodoList.items'],
    extra: ['relation TodoItem.todo_list many-to-one TodoList.todo_items'],
  },
  shop: {
    // Server-set values (a status default, copied prices, totals, a placed-at time) are read-only and their
    // defaults are in no response schema: nullable, so rows can be created. Order.products is in no schema.
    missing: [
      'field Order.placed_at datetime',
      'field Order.status enum',
      'field Order.total decimal',
      'field OrderLine.unit_price decimal',
      'relation Order.products many-to-many Product.orders',
    ],
    extra: [
      'field Order.placed_at datetime?',
      'field Order.status enum?',
      'field Order.total decimal?',
      'field OrderLine.unit_price decimal?',
    ],
  },
  conduit: {
    missing: [
      // A 500-character string reads as text (more than a line).
      'field Article.description string',
      // Value lists, favourites and follows are behaviour blocks (value lists, link actions, computed fields):
      // their values are read-only properties and their paths custom endpoints.
      'relation Article.tags many-to-many Tag.articles',
      'relation User.favorites many-to-many Article.favorited_by',
      'relation User.followed_users many-to-many User.followers',
      // Tags are only listed: no item path names the lookup.
      'resource Tag /tags ops=list lookup=name',
    ],
    extra: [
      'endpoint DELETE /articles/{slug}/favorite',
      'endpoint DELETE /profiles/{username}/follow',
      'endpoint GET /articles/feed',
      'endpoint POST /articles/{slug}/favorite',
      'endpoint POST /profiles/{username}/follow',
      'field Article.description text',
      'field Article.favorited boolean?',
      'field Article.favorites_count integer?',
      'field Article.tag_list json',
      'field User.following boolean?',
      'resource Tag /tags ops=list lookup=id',
    ],
  },
  social: {
    missing: [
      'relation User.following many-to-many User.followers',
      'relation User.liked_posts many-to-many Post.liked_by',
    ],
    extra: [
      'endpoint DELETE /posts/{post_id}/like',
      'endpoint DELETE /profiles/{username}/follow',
      'endpoint GET /posts/feed',
      'endpoint POST /posts/{post_id}/like',
      'endpoint POST /profiles/{username}/follow',
      'field Post.comments_count integer?',
      'field Post.liked boolean?',
      'field Post.likes_count integer?',
      'field User.followed boolean?',
      'field User.followers_count integer?',
      'field User.following_count integer?',
    ],
  },
};

describe('importOpenApi: the documents our generator writes import back to their design', () => {
  for (const name of TEMPLATE_NAMES) {
    it(`template ${name}`, async () => {
      const design = templates[name]();
      const result = await importValid(JSON.stringify(openApiFor(design)));
      expect(structureDiff(designStructure(design), designStructure(result.design))).toEqual(EXPECTED[name]);
      expect(result.design.api).toEqual(design.api);
      expect(result.design.auth === null).toBe(design.auth === null);
      if (design.auth && result.design.auth) expect(result.design.auth.api).toEqual(design.auth.api);
    });
  }

  it('the structure diff names a planted difference', () => {
    const design = templates.blog();
    const changed = templates.blog();
    const post = changed.entities.find((e) => e.name === 'Post');
    if (!post) throw new Error('no Post');
    post.fields = post.fields.filter((f) => f.name !== 'body');
    post.resource.operations.delete.enabled = false;
    expect(structureDiff(designStructure(design), designStructure(changed))).toEqual({
      missing: ['field Post.body text', 'resource Post /posts ops=list,get,create,update,delete lookup=slug'],
      extra: ['resource Post /posts ops=list,get,create,update lookup=slug'],
    });
  });
});

const CORPUS = path.join(process.cwd(), 'lib/import/corpus/openapi');

describe('importOpenApi: the corpus imports into valid designs', () => {
  const files = readdirSync(CORPUS).filter((f) => /\.(ya?ml|json)$/.test(f));
  it('has specs', () => expect(files.length).toBeGreaterThanOrEqual(4));
  for (const file of files) {
    it(file, async () => {
      const result = await importValid(readFileSync(path.join(CORPUS, file), 'utf8'));
      expect(result.design.entities.length).toBeGreaterThan(0);
      // Every path operation of the document is in the report, with its pointer.
      const doc = (await import('yaml')).parse(readFileSync(path.join(CORPUS, file), 'utf8')) as {
        paths: Record<string, Record<string, unknown>>;
      };
      for (const [p, item] of Object.entries(doc.paths)) {
        for (const method of Object.keys(item).filter((m) =>
          ['get', 'post', 'put', 'patch', 'delete'].includes(m),
        )) {
          const subject = `${method.toUpperCase()} ${p}`;
          expect(
            result.report.entries.find((e) => e.subject === subject),
            subject,
          ).toBeDefined();
        }
      }
    });
  }
});
