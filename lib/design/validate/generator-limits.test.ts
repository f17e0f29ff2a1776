import { describe, expect, it } from 'vitest';
import { newEntity } from '../factories';
import type { CustomEndpoint, Design, Relation } from '../schema';
import { templates } from '../templates';
import { MAX_IDENTIFIER_LENGTH } from './identifiers';
import { blog, entity, field, problemsOf, withFields } from './test-helpers';

/** Rules for designs that are well-formed but whose generated project would break. */

const relation = (id: string, from: string, to: string, extra: Partial<Relation> = {}): Relation => ({
  id,
  kind: 'many-to-one',
  fromEntityId: from,
  toEntityId: to,
  fieldName: `${to}_ref`,
  backrefName: `${from}_${id}_items`,
  nullable: false,
  onDelete: 'restrict',
  ...extra,
});

const endpoint = (extra: Partial<CustomEndpoint>): CustomEndpoint => ({
  id: 'ce',
  method: 'GET',
  path: '/stats',
  summary: '',
  access: { kind: 'public' },
  ...extra,
});

describe('pydantic model attributes', () => {
  it.each(['json', 'copy', 'schema', 'validate', 'construct', 'fields', 'model_name'])(
    "rejects a field named '%s'",
    (name) => {
      expect(problemsOf(withFields(field('f', name, 'string')), 'shadows-model-attribute')).toMatchObject([
        { elementId: 'f', path: 'entities[0].fields[0].name' },
      ]);
    },
  );

  it('explains why, and keeps ordinary names and relation names in check', () => {
    const [problem] = problemsOf(withFields(field('f', 'model_version', 'string')));
    expect(problem?.message).toMatch(/'model_version' starts with 'model_'.*pydantic/);
    expect(problemsOf(withFields(field('f', 'modeled', 'string')))).toEqual([]);
    const design = blog();
    const rel = design.relations.find((r) => r.id === 'r_post_author') as Relation;
    rel.backrefName = 'schema';
    expect(problemsOf(design, 'shadows-model-attribute')).toMatchObject([
      { elementId: 'r_post_author', path: expect.stringMatching(/backrefName$/) },
    ]);
  });
});

describe('read-only required fields', () => {
  it('rejects a read-only, required field without a default', () => {
    const problems = problemsOf(
      withFields(field('f', 'score', 'integer', { readOnly: true })),
      'read-only-required',
    );
    expect(problems).toMatchObject([{ elementId: 'f', path: 'entities[0].fields[0].readOnly' }]);
    expect(problems[0]?.message).toMatch(/no row could ever be created/);
  });

  it('accepts it with a default or when nullable', () => {
    const withDefault = field('f', 'score', 'integer', {
      readOnly: true,
      default: { kind: 'literal', value: 0 },
    });
    expect(problemsOf(withFields(withDefault))).toEqual([]);
    expect(
      problemsOf(withFields(field('f', 'score', 'integer', { readOnly: true, nullable: true }))),
    ).toEqual([]);
  });
});

describe('owner and role', () => {
  it('rejects a public create on an owned resource', () => {
    const design = blog();
    entity(design, 'e_post').resource.operations.create.access = { kind: 'public' };
    const problems = problemsOf(design, 'owner-on-public-create');
    expect(problems).toMatchObject([
      { elementId: 'e_post', path: 'entities[1].resource.operations.create.access' },
    ]);
    expect(problems[0]?.message).toMatch(/signed-in user/);
  });

  it('rejects a required role field without a default', () => {
    const design = blog();
    const role = entity(design, 'e_user').fields.find((f) => f.id === design.auth?.roleFieldId);
    if (!role) throw new Error('blog has a role field');
    delete role.default;
    expect(problemsOf(design, 'role-field-required')).toMatchObject([
      { elementId: role.id, path: 'auth.roleFieldId' },
    ]);
    role.nullable = true;
    expect(problemsOf(design, 'role-field-required')).toEqual([]);
  });
});

describe('cycles of required foreign keys', () => {
  const design = (relations: Relation[]): Design => {
    const d = templates.blank();
    for (const id of ['a', 'b', 'c']) d.entities.push(newEntity(id, id.toUpperCase()));
    d.relations = relations;
    return d;
  };

  it('names the cycle and points at the relation closing it', () => {
    const problems = problemsOf(
      design([relation('ab', 'a', 'b'), relation('bc', 'b', 'c'), relation('ca', 'c', 'a')]),
      'required-fk-cycle',
    );
    expect(problems).toMatchObject([{ elementId: 'ca', path: 'relations[2].nullable' }]);
    expect(problems[0]?.message).toContain('A.b_ref → B, B.c_ref → C, C.a_ref → A');
  });

  it('catches a required self-relation', () => {
    expect(problemsOf(design([relation('aa', 'a', 'a')]), 'required-fk-cycle')).toMatchObject([
      { elementId: 'aa' },
    ]);
  });

  it('accepts cycles broken by a nullable relation, chains, and many-to-many', () => {
    expect(
      problemsOf(
        design([
          relation('ab', 'a', 'b'),
          relation('bc', 'b', 'c'),
          relation('ca', 'c', 'a', { nullable: true, onDelete: 'set-null' }),
          relation('aa', 'a', 'a', { kind: 'many-to-many', onDelete: 'cascade' }),
        ]),
        'required-fk-cycle',
      ),
    ).toEqual([]);
  });
});

describe('identifier length', () => {
  it('rejects derived index names longer than PostgreSQL keeps', () => {
    const name = 'x'.repeat(MAX_IDENTIFIER_LENGTH - 'ix_things_'.length + 1);
    const problems = problemsOf(
      withFields(field('f', name, 'string', { indexed: true, unique: true })),
      'identifier-too-long',
    );
    expect(problems).toMatchObject([{ elementId: 'f', path: 'entities[0].fields[0].name' }]);
    expect(problems[0]?.message).toMatch(/index name 'ix_things_x+' is 64 characters long/);
    const fits = 'x'.repeat(MAX_IDENTIFIER_LENGTH - 'ix_things_'.length);
    expect(problemsOf(withFields(field('f', fits, 'string', { indexed: true })))).toEqual([]);
  });

  it('checks table names, foreign key constraint names and association tables', () => {
    const design = blog();
    entity(design, 'e_comment').tableName = `comments_${'c'.repeat(50)}`;
    const problems = problemsOf(design, 'identifier-too-long');
    // The table itself fits; the index and foreign key names of its relations (`ix_<table>_<column>`) do not.
    expect(problems.map((p) => p.elementId).sort()).toEqual(['r_comment_author', 'r_comment_post']);
    expect(problems[0]?.message).toMatch(/index name 'ix_comments_c+_\w+_id' is \d+ characters long/);
    const tags = design.relations.find((r) => r.id === 'r_post_tags') as Relation;
    tags.associationTable = `post_tags_${'t'.repeat(60)}`;
    expect(problemsOf(design, 'identifier-too-long')).toContainEqual(
      expect.objectContaining({ elementId: 'r_post_tags', path: expect.stringMatching(/associationTable$/) }),
    );
  });
});

describe('reserved and clashing routes', () => {
  it('rejects custom endpoints under /auth or on /health, also through a parameter', () => {
    for (const [method, path] of [
      ['GET', '/auth/sessions'],
      ['GET', '/health'],
      ['GET', '/{page}'],
      ['POST', '/{a}/login'],
      ['GET', '/docs'],
    ] as const) {
      const design = blog();
      design.customEndpoints = [endpoint({ method, path })];
      expect(problemsOf(design, 'reserved-route'), `${method} ${path}`).toMatchObject([
        { elementId: 'ce', path: 'customEndpoints[0].path' },
      ]);
    }
    const design = blog();
    design.customEndpoints = [endpoint({ method: 'POST', path: '/health' })];
    expect(problemsOf(design, 'reserved-route')).toEqual([]);
  });

  it('rejects resources whose routes take over fixed routes', () => {
    const design = blog();
    entity(design, 'e_tag').resource.path = '/health';
    entity(design, 'e_comment').resource.path = '/auth';
    expect(problemsOf(design, 'reserved-route')).toMatchObject([
      { elementId: 'e_comment', path: 'entities[2].resource.path' },
      { elementId: 'e_tag', path: 'entities[3].resource.path' },
    ]);
  });

  it('still reports two custom endpoints on the same method and path', () => {
    const design = blog();
    design.customEndpoints = [endpoint({ id: 'one' }), endpoint({ id: 'two' })];
    expect(problemsOf(design, 'duplicate-route')).toMatchObject([{ elementId: 'two' }]);
  });
});

describe('path parameters', () => {
  it('rejects Python keywords', () => {
    const design = blog();
    design.customEndpoints = [endpoint({ path: '/stats/{class}/{year}' })];
    const problems = problemsOf(design, 'keyword-path-param');
    expect(problems).toMatchObject([{ elementId: 'ce', path: 'customEndpoints[0].path' }]);
    expect(problems[0]?.message).toMatch(/'\{class\}' is a Python keyword/);
  });
});
