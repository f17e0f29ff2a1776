import { describe, expect, it } from 'vitest';
import { emptyDesign } from '@/lib/design/factories';
import { applyOperations, type Operation } from '@/lib/design/operations';
import type { Design } from '@/lib/design/schema';
import { generateProject } from '../generate';
import { buildIr } from '../ir/build';
import { type DesignVersion, planRevisions, planSteps, schemaContent, snapshotOf } from './index';
import { scriptedHistory } from './testing';

const at = { x: 0, y: 0 };

const base = applyOperations(emptyDesign('Blog'), [
  { op: 'addEntity', id: 'e_author', name: 'Author', position: at },
  {
    op: 'addField',
    entityId: 'e_author',
    field: { id: 'f_name', name: 'name', type: 'string', constraints: { maxLength: 100 } },
  },
  { op: 'addEntity', id: 'e_post', name: 'Post', position: at },
  { op: 'addField', entityId: 'e_post', field: { id: 'f_title', name: 'title', type: 'string' } },
  { op: 'addField', entityId: 'e_post', field: { id: 'f_body', name: 'body', type: 'text', nullable: true } },
  {
    op: 'connect',
    id: 'r_author',
    fromEntityId: 'e_post',
    toEntityId: 'e_author',
    kind: 'many-to-one',
    fieldName: 'author',
    backrefName: 'posts',
    onDelete: 'cascade',
  },
]);

/** upgrade and downgrade code of `base` -> `base + ops`. */
function plan(ops: Operation[], from: Design = base) {
  const to = applyOperations(from, ops);
  const steps = planSteps(snapshotOf(buildIr(from)), snapshotOf(buildIr(to)));
  return {
    steps,
    up: steps.map((s) => s.up).join('\n'),
    down: [...steps]
      .reverse()
      .map((s) => s.down)
      .join('\n'),
  };
}

/** Code with long string literals joined again (they come cut into implicitly concatenated pieces). */
const joined = (code: string) => code.replace(/(?<!\\)" "/g, '');

describe('planSteps', () => {
  it('plans nothing for changes that do not touch the schema', () => {
    expect(plan([]).steps).toEqual([]);
    expect(plan([{ op: 'moveNode', id: 'e_post', x: 10, y: 10 }]).steps).toEqual([]);
  });

  it('creates and drops a table', () => {
    const { up, down } = plan([
      { op: 'addEntity', id: 'e_tag', name: 'Tag', position: at },
      { op: 'addField', entityId: 'e_tag', field: { id: 'f_label', name: 'label', type: 'string' } },
    ]);
    expect(up).toContain('op.create_table(\n    "tags"');
    expect(up).toContain('sa.Column("label", sa.String(length=255), nullable=False)');
    expect(down).toBe('op.drop_table("tags")');
    const dropped = plan([{ op: 'deleteEntity', entityId: 'e_post' }]);
    expect(dropped.up).toBe('op.drop_table("posts")');
    expect(dropped.down).toContain('op.create_table(\n    "posts"');
    expect(dropped.down).toContain(
      'op.create_index(op.f("ix_posts_author_id"), "posts", ["author_id"], unique=False)',
    );
  });

  it('creates and drops an association table', () => {
    const withTags: Operation[] = [
      { op: 'addEntity', id: 'e_tag', name: 'Tag', position: at },
      { op: 'addField', entityId: 'e_tag', field: { id: 'f_label', name: 'label', type: 'string' } },
    ];
    const tagged = applyOperations(base, withTags);
    const { up, down } = plan(
      [
        {
          op: 'connect',
          id: 'r_tags',
          fromEntityId: 'e_post',
          toEntityId: 'e_tag',
          kind: 'many-to-many',
          fieldName: 'tags',
        },
      ],
      tagged,
    );
    expect(up).toContain('op.create_table(\n    "posts_tags"');
    expect(up).toContain('sa.PrimaryKeyConstraint("post_id", "tag_id", name=op.f("pk_posts_tags"))');
    expect(up).toContain('ondelete="CASCADE"');
    expect(down).toBe('op.drop_table("posts_tags")');
  });

  it('adds a NOT NULL column with a zero server default and drops it again', () => {
    const { up, down } = plan([
      { op: 'addField', entityId: 'e_post', field: { id: 'f_rating', name: 'rating', type: 'integer' } },
    ]);
    expect(up).toBe(
      'with op.batch_alter_table("posts") as batch_op:\n    batch_op.add_column(sa.Column("rating", sa.Integer(), nullable=False, server_default="0"))',
    );
    expect(down).toContain('batch_op.drop_column("rating")');
  });

  it('drops a column and re-adds it (backfilled) on downgrade', () => {
    const { up, down } = plan([{ op: 'deleteField', fieldId: 'f_title' }]);
    expect(up).toContain('batch_op.drop_column("title")');
    expect(down).toContain(
      'batch_op.add_column(sa.Column("title", sa.String(length=255), nullable=False, server_default=""))',
    );
  });

  it('renames a column, never drop + add', () => {
    const { up, down } = plan([{ op: 'renameField', fieldId: 'f_title', name: 'headline' }]);
    expect(up).toContain(
      'batch_op.alter_column("title", existing_type=sa.String(length=255), existing_nullable=False, new_column_name="headline")',
    );
    expect(up).not.toContain('drop_column');
    expect(down).toContain('new_column_name="title"');
  });

  it('renames a table and the names derived from it', () => {
    const { up, down } = plan([{ op: 'renameEntity', entityId: 'e_post', name: 'Article' }]);
    expect(up).toContain('op.rename_table("posts", "articles")');
    expect(up).not.toContain('drop_table');
    expect(up).toContain('batch_op.drop_index(op.f("ix_posts_author_id"))');
    expect(up).toContain('batch_op.create_index(op.f("ix_articles_author_id"), ["author_id"], unique=False)');
    expect(down).toContain('op.rename_table("articles", "posts")');
  });

  it('alters type and length', () => {
    const { up, down } = plan([
      { op: 'updateField', fieldId: 'f_name', patch: { constraints: { maxLength: 200 } } },
    ]);
    expect(up).toContain(
      'batch_op.alter_column("name", existing_type=sa.String(length=100), type_=sa.String(length=200), existing_nullable=False)',
    );
    expect(down).toContain('type_=sa.String(length=100)');
  });

  it('backfills NULLs before making a column NOT NULL (and on downgrade the other way)', () => {
    const { up, down } = plan([{ op: 'updateField', fieldId: 'f_body', patch: { nullable: false } }]);
    expect(up.replace(/" "/g, '')).toContain(
      `op.execute("UPDATE \\"posts\\" SET \\"body\\" = '' WHERE \\"body\\" IS NULL")`,
    );
    expect(up).toContain('existing_nullable=True, nullable=False');
    expect(down).toContain('existing_nullable=False, nullable=True');
    const relaxed = plan([{ op: 'updateField', fieldId: 'f_title', patch: { nullable: true } }]);
    expect(relaxed.up).not.toContain('UPDATE');
    expect(relaxed.down).toContain('UPDATE');
  });

  it('alters the server default', () => {
    const ops: Operation[] = [
      {
        op: 'addField',
        entityId: 'e_post',
        field: { id: 'f_at', name: 'at', type: 'datetime', nullable: true },
      },
    ];
    const { up, down } = plan(
      [{ op: 'updateField', fieldId: 'f_at', patch: { default: { kind: 'now' } } }],
      applyOperations(base, ops),
    );
    expect(up).toContain('existing_server_default=None, server_default=sa.text("CURRENT_TIMESTAMP")');
    expect(down).toContain('server_default=None');
  });

  it('adds and drops unique constraints and indexes', () => {
    const unique = plan([{ op: 'updateField', fieldId: 'f_name', patch: { unique: true } }]);
    expect(unique.up).toContain('batch_op.create_unique_constraint(op.f("uq_authors_name"), ["name"])');
    expect(unique.down).toContain('batch_op.drop_constraint(op.f("uq_authors_name"), type_="unique")');
    const index = plan([{ op: 'updateField', fieldId: 'f_title', patch: { indexed: true } }]);
    expect(index.up).toContain('batch_op.create_index(op.f("ix_posts_title"), ["title"], unique=False)');
    expect(index.down).toContain('batch_op.drop_index(op.f("ix_posts_title"))');
  });

  it('re-creates a foreign key whose ondelete changes', () => {
    const { up, down } = plan([
      { op: 'updateRelation', relationId: 'r_author', patch: { onDelete: 'set-null', nullable: true } },
    ]);
    expect(up).toContain('batch_op.drop_constraint(op.f("fk_posts_author_id_authors"), type_="foreignkey")');
    expect(up).toContain('ondelete="SET NULL"');
    expect(down).toContain('ondelete="CASCADE"');
  });
});

describe('planSteps: enums (native types on PostgreSQL, VARCHAR on SQLite)', () => {
  /** `base` with enum Status (draft, live) used by posts.status (nullable) and authors.status (default live). */
  const withEnum = applyOperations(base, [
    { op: 'addEnum', id: 'n_s', name: 'Status', values: ['draft', 'live'] },
    {
      op: 'addField',
      entityId: 'e_post',
      field: { id: 'f_s', name: 'status', type: 'enum', enumId: 'n_s', nullable: true },
    },
    {
      op: 'addField',
      entityId: 'e_author',
      field: {
        id: 'f_as',
        name: 'status',
        type: 'enum',
        enumId: 'n_s',
        default: { kind: 'literal', value: 'live' },
      },
    },
  ]);
  /** `plan` with long string literals joined again. */
  const planJ = (ops: Operation[], from: Design) => {
    const r = plan(ops, from);
    const steps = r.steps.map((st) => ({ up: joined(st.up), down: joined(st.down) }));
    return { steps, up: joined(r.up), down: joined(r.down) };
  };
  const values = (vs: string[]): Operation[] => [{ op: 'updateEnumValues', enumId: 'n_s', values: vs }];
  const type = (vs: string[], name = 'status') =>
    `postgresql.ENUM(${vs.map((v) => `"${v}"`).join(', ')}, name="${name}", create_type=False)`;

  it('creates the type once for two tables, before them, and drops it after them', () => {
    const created = planJ(
      [
        ...withEnum.enums.map((e) => ({ op: 'addEnum' as const, id: e.id, name: e.name, values: e.values })),
        ...withEnum.entities.flatMap((e) =>
          e.fields
            .filter((f) => f.type === 'enum')
            .map((f) => ({ op: 'addField' as const, entityId: e.id, field: f })),
        ),
      ],
      base,
    );
    expect(created.up.split('\n')[0]).toBe(
      'postgresql.ENUM("draft", "live", name="status").create(op.get_bind(), checkfirst=True)',
    );
    expect(created.up.match(/\.create\(/g)).toHaveLength(1);
    expect(created.up).toContain(
      `batch_op.add_column(sa.Column("status", ${type(['draft', 'live'])}, nullable=False, server_default="live"))`,
    );
    expect(created.up).toContain(
      `batch_op.add_column(sa.Column("status", ${type(['draft', 'live'])}, nullable=True))`,
    );
    expect(created.down.split('\n').at(-1)).toBe(
      'postgresql.ENUM(name="status").drop(op.get_bind(), checkfirst=True)',
    );
    expect(created.down.match(/\.drop\(/g)).toHaveLength(1);
    // Dropping the enum's last use drops the type, after the columns.
    const dropped = planJ(
      [
        { op: 'deleteField', fieldId: 'f_s' },
        { op: 'deleteField', fieldId: 'f_as' },
      ],
      withEnum,
    );
    expect(dropped.up.split('\n').at(-1)).toBe(
      'postgresql.ENUM(name="status").drop(op.get_bind(), checkfirst=True)',
    );
    expect(dropped.down.split('\n')[0]).toContain('postgresql.ENUM("draft", "live", name="status").create(');
    // One use left: the type stays.
    expect(planJ([{ op: 'deleteField', fieldId: 'f_s' }], withEnum).up).not.toContain('ENUM(name=');
  });

  it('adds values in place with ALTER TYPE ... ADD VALUE (PostgreSQL, autocommit) and widens SQLite', () => {
    const { up, down } = planJ(values(['review', 'draft', 'live', 'withdrawn_by_editor']), withEnum);
    expect(up).toContain(
      [
        'if op.get_context().dialect.name == "postgresql":',
        '    with op.get_context().autocommit_block():',
        `        op.execute("ALTER TYPE status ADD VALUE 'review' BEFORE 'draft'")`,
        `        op.execute("ALTER TYPE status ADD VALUE 'withdrawn_by_editor' AFTER 'live'")`,
      ].join('\n'),
    );
    expect(up).toContain(
      [
        'if op.get_context().dialect.name == "sqlite":',
        '    with op.batch_alter_table("posts") as batch_op:',
        `        batch_op.alter_column("status", existing_type=${type(['draft', 'live'])}, type_=${type(['review', 'draft', 'live', 'withdrawn_by_editor'])}, existing_nullable=True)`,
      ].join('\n'),
    );
    // Downgrade: rows holding an added value fall back, then the type is swapped for the old one.
    expect(down).toContain(`UPDATE \\"authors\\" SET \\"status\\" = 'live' WHERE `);
    expect(down).toContain(`UPDATE \\"posts\\" SET \\"status\\" = NULL WHERE `);
    expect(down).toContain(`IN ('review', 'withdrawn_by_editor')`);
    expect(down).toContain('op.execute("ALTER TYPE status RENAME TO _status_prev")');
    expect(down).toContain(
      'postgresql.ENUM("draft", "live", name="status").create(op.get_bind(), checkfirst=True)',
    );
    expect(down).toContain('op.execute("DROP TYPE _status_prev")');
    // Same longest value: nothing for SQLite.
    expect(planJ(values(['draft', 'live', 'gone']), withEnum).up).not.toContain('sqlite');
  });

  it('removes a value: rows holding it get the default or NULL, then the type is swapped', () => {
    const { steps, up, down } = planJ(values(['live']), withEnum);
    expect(steps).toHaveLength(3); // the swap (rows on both dialects), SQLite's shorter VARCHAR (two tables)
    const swap = steps.find((st) => st.up.includes('RENAME TO'))?.up ?? '';
    expect(swap).toBe(
      [
        '# Rows with a removed value get the default, else NULL, else the first value',
        `op.execute("UPDATE \\"authors\\" SET \\"status\\" = 'live' WHERE \\"status\\" IN ('draft')")`,
        `op.execute("UPDATE \\"posts\\" SET \\"status\\" = NULL WHERE \\"status\\" IN ('draft')")`,
        'if op.get_context().dialect.name == "postgresql":',
        '    op.execute("ALTER TYPE status RENAME TO _status_prev")',
        '    postgresql.ENUM("live", name="status").create(op.get_bind(), checkfirst=True)',
        '    op.execute("ALTER TABLE \\"authors\\" ALTER COLUMN \\"status\\" DROP DEFAULT, ALTER COLUMN \\"status\\" TYPE status USING \\"status\\"::text::status")',
        '    op.execute("ALTER TABLE \\"posts\\" ALTER COLUMN \\"status\\" DROP DEFAULT, ALTER COLUMN \\"status\\" TYPE status USING \\"status\\"::text::status")',
        '    op.execute("DROP TYPE _status_prev")',
      ].join('\n'),
    );
    expect(up).toContain(`type_=${type(['live'])}`);
    // Downgrade: the value comes back where it was.
    expect(down).toContain(`op.execute("ALTER TYPE status ADD VALUE 'draft' BEFORE 'live'")`);
    expect(down).not.toContain('UPDATE');
  });

  it('adds before the tables and removes after them when both happen (the type holds both meanwhile)', () => {
    const withTags: Operation[] = [
      { op: 'addEntity', id: 'e_tag', name: 'Tag', position: at },
      {
        op: 'addField',
        entityId: 'e_tag',
        field: {
          id: 'f_tk',
          name: 'kind',
          type: 'enum',
          enumId: 'n_s',
          default: { kind: 'literal', value: 'archived' },
        },
      },
    ];
    const { steps } = planJ([...values(['live', 'archived']), ...withTags], withEnum);
    const where = (needle: string) => steps.findIndex((st) => st.up.includes(needle));
    expect(where("ADD VALUE 'archived' AFTER 'live'")).toBe(0);
    expect(where('op.create_table(')).toBeGreaterThan(0);
    expect(where('RENAME TO _status_prev')).toBeGreaterThan(where('op.create_table('));
    const swap = steps[where('RENAME TO _status_prev')]?.up ?? '';
    expect(swap).toContain('"tags\\" ALTER COLUMN \\"kind');
    expect(swap).toContain(`IN ('draft')`);
  });

  it('renames the type when the enum is renamed, and refers to it by its new name', () => {
    const { up, down } = planJ([{ op: 'renameEnum', enumId: 'n_s', name: 'PostState' }], withEnum);
    expect(up).toBe(
      'if op.get_context().dialect.name == "postgresql":\n    op.execute("ALTER TYPE status RENAME TO post_state")',
    );
    expect(down).toBe(
      'if op.get_context().dialect.name == "postgresql":\n    op.execute("ALTER TYPE post_state RENAME TO status")',
    );
    const both = planJ(
      [
        { op: 'renameEnum', enumId: 'n_s', name: 'PostState' },
        { op: 'deleteField', fieldId: 'f_s' },
      ],
      withEnum,
    );
    expect(both.down).toContain(
      `batch_op.add_column(sa.Column("status", ${type(['draft', 'live'], 'post_state')}, nullable=True))`,
    );
  });

  it('moves a type aside when another enum takes its name in the same revision', () => {
    const { up, down } = planJ(
      [
        { op: 'renameEnum', enumId: 'n_s', name: 'OldStatus' },
        { op: 'addEnum', id: 'n_new', name: 'Status', values: ['a'] },
        { op: 'updateField', fieldId: 'f_s', patch: { enumId: 'n_new' } },
      ],
      withEnum,
    );
    const lines = up.split('\n');
    expect(lines.indexOf('    op.execute("ALTER TYPE status RENAME TO _status_old")')).toBeLessThan(
      lines.indexOf('    op.execute("ALTER TYPE _status_old RENAME TO old_status")'),
    );
    expect(up).toContain('postgresql.ENUM("a", name="status").create(');
    // From one enum to another: SQLite updates the rows, PostgreSQL maps them in the cast.
    expect(up).toContain(
      `"(CASE WHEN \\"status\\"::text IN ('a') THEN \\"status\\"::text ELSE NULL END)::status"`,
    );
    expect(down).toContain('op.execute("ALTER TYPE old_status RENAME TO _status_old")');
  });

  it('turns a string column into an enum (rows outside it fall back) and back', () => {
    const { up, down } = planJ(
      [{ op: 'updateField', fieldId: 'f_title', patch: { type: 'enum', enumId: 'n_s' } }],
      withEnum,
    );
    expect(up).toBe(
      [
        '# Values outside the enum become the default, else NULL, else the first value',
        `op.execute("UPDATE \\"posts\\" SET \\"title\\" = 'draft' WHERE \\"title\\" NOT IN ('draft', 'live')")`,
        'if op.get_context().dialect.name == "postgresql":',
        '    op.execute("ALTER TABLE \\"posts\\" ALTER COLUMN \\"title\\" DROP DEFAULT")',
        'with op.batch_alter_table("posts") as batch_op:',
        `    batch_op.alter_column("title", existing_type=sa.String(length=255), type_=${type(['draft', 'live'])}, existing_nullable=False, postgresql_using="\\"title\\"::text::status")`,
      ].join('\n'),
    );
    expect(down).toBe(
      [
        'with op.batch_alter_table("posts") as batch_op:',
        `    batch_op.alter_column("title", existing_type=${type(['draft', 'live'])}, type_=sa.String(length=255), existing_nullable=False)`,
      ].join('\n'),
    );
  });

  it('deleting the enum turns its columns into strings and drops the type', () => {
    const { up, down } = planJ([{ op: 'deleteEnum', enumId: 'n_s' }], withEnum);
    expect(up).toContain(`existing_type=${type(['draft', 'live'])}, type_=sa.String(length=255)`);
    expect(up.split('\n').at(-1)).toBe('postgresql.ENUM(name="status").drop(op.get_bind(), checkfirst=True)');
    expect(down.split('\n')[0]).toBe(
      'postgresql.ENUM("draft", "live", name="status").create(op.get_bind(), checkfirst=True)',
    );
    expect(down).toContain('postgresql_using="\\"status\\"::text::status"');
  });

  it('a new default changes backfills only: no DDL, the same schema content (and revision ids)', () => {
    const live = applyOperations(withEnum, [
      { op: 'updateField', fieldId: 'f_s', patch: { default: { kind: 'literal', value: 'live' } } },
    ]);
    expect(planSteps(snapshotOf(buildIr(withEnum)), snapshotOf(buildIr(live)))).toEqual([]);
    expect(snapshotOf(buildIr(live))).not.toEqual(snapshotOf(buildIr(withEnum)));
    expect(schemaContent(snapshotOf(buildIr(live)))).toBe(schemaContent(snapshotOf(buildIr(withEnum))));
  });

  it('names the type clear of table names and reserved words', () => {
    const clash = applyOperations(withEnum, [
      { op: 'addEnum', id: 'n_p', name: 'Post', values: ['x'] },
      { op: 'addEnum', id: 'n_u', name: 'User', values: ['x'] },
      { op: 'addEnum', id: 'n_t', name: 'Text', values: ['x'] },
    ]);
    const names = buildIr(clash).enums.map((e) => e.typeName);
    expect(names).toEqual(['status', 'post', 'user_enum', 'text_enum']);
    const tables = applyOperations(clash, [
      { op: 'updateEntity', entityId: 'e_post', patch: { tableName: 'post' } },
    ]);
    expect(buildIr(tables).enums.map((e) => e.typeName)[1]).toBe('post_enum');
  });
});

describe('planRevisions and generateProject({ history })', () => {
  const version = (id: string, design: Design, message = id): DesignVersion => ({
    id,
    message,
    createdAt: '2025-01-01T00:00:00Z',
    design,
  });

  it('without history (or an empty one) the output is exactly today’s', () => {
    const plain = generateProject(base);
    expect(generateProject(base, { history: [] })).toEqual(plain);
    const same = generateProject(base, { history: [version('v1', base)] });
    expect(same).toEqual(plain);
  });

  it('one revision per schema-changing version, chained, ids derived from the previous id and the schema', () => {
    const v2 = applyOperations(base, [{ op: 'renameField', fieldId: 'f_title', name: 'headline' }]);
    const moved = applyOperations(v2, [{ op: 'moveNode', id: 'e_post', x: 5, y: 5 }]);
    const working = applyOperations(moved, [{ op: 'deleteField', fieldId: 'f_body' }]);
    const { revisions } = planRevisions(
      [version('v1', base), version('v2', v2, 'Rename title'), version('v3', moved)],
      working,
    );
    expect(revisions.map((r) => [r.revision, r.downRevision, r.path])).toEqual([
      [revisions[0]?.revision, '0001', 'alembic/versions/0002_rename_title.py'],
      [revisions[1]?.revision, revisions[0]?.revision, 'alembic/versions/0003_pending.py'],
    ]);
    expect(revisions[0]?.revision).toMatch(/^0002_[0-9a-f]{8}$/);
    expect(revisions[1]?.revision).toMatch(/^0003_[0-9a-f]{8}$/);
    // Committing the working design keeps the pending revision's id (and number): a database upgraded to the
    // pending revision is at the committed one. Only the file's slug changes.
    const committed = planRevisions(
      [
        version('v1', base),
        version('v2', v2, 'Rename title'),
        version('v3', moved),
        version('v4', working, 'Drop the body'),
      ],
      working,
    );
    expect(committed.revisions.map((r) => [r.revision, r.downRevision, r.path])).toEqual([
      [revisions[0]?.revision, '0001', 'alembic/versions/0002_rename_title.py'],
      [revisions[1]?.revision, revisions[0]?.revision, 'alembic/versions/0003_drop_the_body.py'],
    ]);
    // Version ids and messages do not matter; the schema and the revision before do.
    const renamed = planRevisions([version('a', base), version('b', v2, 'Other message')], v2);
    expect(renamed.revisions[0]?.revision).toBe(revisions[0]?.revision);
    expect(renamed.revisions).toHaveLength(1);
    const other = planRevisions([version('v1', base)], working);
    expect(other.revisions[0]?.revision).not.toBe(revisions[0]?.revision);
    // The same schema reached again later (rename and rename back) is another revision.
    const back = planRevisions([version('v1', base), version('v2', v2)], base);
    expect(back.revisions.map((r) => r.revision)).toEqual([
      revisions[0]?.revision,
      expect.stringMatching(/^0003_/),
    ]);
    expect(back.revisions[1]?.revision).not.toBe(revisions[1]?.revision);
  });

  it('skips versions that do not validate', () => {
    const broken = applyOperations(base, [
      { op: 'addField', entityId: 'e_post', field: { id: 'f_x', name: 'title', type: 'string' } },
    ]);
    const { revisions, initial } = planRevisions([version('bad', broken), version('v1', base)], base);
    expect(initial?.entities.map((e) => e.tableName)).toEqual(['authors', 'posts']);
    expect(revisions).toEqual([]);
  });

  it('generates the scripted history deterministically and formatted', () => {
    const { versions, working } = scriptedHistory();
    const a = generateProject(working, { history: versions });
    const b = generateProject(working, { history: versions });
    expect(a).toEqual(b);
    if (!a.ok) throw new Error('no project');
    const revisions = Object.keys(a.files).filter((f) => f.startsWith('alembic/versions/'));
    expect(revisions.length).toBeGreaterThanOrEqual(16);
    expect(revisions.at(-1)).toBe('alembic/versions/0034_pending.py');
    for (const f of revisions) expect(a.files[f]).toMatch(/^"""/);
  });
});

describe('planSteps: type conversions (USING on PostgreSQL, rows rewritten on SQLite)', () => {
  const typed = applyOperations(base, [
    { op: 'addField', entityId: 'e_post', field: { id: 'f_n', name: 'n', type: 'integer', nullable: true } },
    { op: 'addField', entityId: 'e_post', field: { id: 'f_x', name: 'x', type: 'float', nullable: true } },
    { op: 'addField', entityId: 'e_post', field: { id: 'f_j', name: 'j', type: 'json', nullable: true } },
    { op: 'addField', entityId: 'e_post', field: { id: 'f_t', name: 't', type: 'datetime', nullable: true } },
    { op: 'addField', entityId: 'e_post', field: { id: 'f_big', name: 'big', type: 'bigint' } },
  ]);
  /** Joined upgrade and downgrade code of changing field `id` of `typed` with `patch`. */
  const change = (id: string, patch: Record<string, unknown>, from: Design = typed) => {
    const r = plan([{ op: 'updateField', fieldId: id, patch }], from);
    return { up: joined(r.up), down: joined(r.down) };
  };
  /** The `postgresql_using` of the first alter in `code`, unescaped. */
  const using = (code: string) =>
    (/postgresql_using=\(?"((?:[^"\\]|\\.)*)"/.exec(code)?.[1] ?? '').replace(/\\(["\\])/g, '$1');
  /** The SQLite UPDATE before the alter, unescaped. */
  const sqlite = (code: string) =>
    (/sqlite":\n {4}op\.execute\(\(?"((?:[^"\\]|\\.)*)"/.exec(code)?.[1] ?? '').replace(/\\(["\\])/g, '$1');

  it('text -> integer: whole numbers in range convert, other text becomes NULL (the zero when NOT NULL)', () => {
    const { up, down } = change('f_body', { type: 'integer' });
    expect(up).toContain(
      'if op.get_context().dialect.name == "postgresql":\n    op.execute("ALTER TABLE \\"posts\\" ALTER COLUMN \\"body\\" DROP DEFAULT")',
    );
    expect(using(up)).toBe(
      `CASE WHEN "body" ~ '^-?[0-9]+$' THEN CASE WHEN "body"::numeric BETWEEN -2147483648 AND 2147483647 THEN "body"::numeric::integer END END`,
    );
    expect(sqlite(up)).toBe(
      `UPDATE "posts" SET "body" = CASE WHEN ("body" GLOB '[0-9]*' OR "body" GLOB '-[0-9]*') AND substr("body", 2) NOT GLOB '*[^0-9]*' AND CAST("body" AS REAL) BETWEEN -2147483648 AND 2147483647 THEN CAST("body" AS INTEGER) END`,
    );
    // SQLite's copy sees the new type already: no CAST (which would make '2025-01-01' the number 2025).
    expect(up).toContain(
      'with op.batch_alter_table("posts", reflect_args=[sa.Column("body", sa.Integer(), nullable=True)]) as batch_op:',
    );
    // Back to text: every number converts.
    expect(using(down)).toBe('"body"::text');
    expect(down).toContain('reflect_args=[sa.Column("body", sa.Text(), nullable=True)]');
    const required = change('f_title', { type: 'integer' });
    expect(using(required.up)).toMatch(/^COALESCE\(CASE WHEN "title" ~ .*, '0'::integer\)$/);
    expect(sqlite(required.up)).toMatch(/^UPDATE "posts" SET "title" = COALESCE\(CASE WHEN .*, '0'\)$/);
  });

  it('text -> float, decimal, boolean', () => {
    expect(using(change('f_body', { type: 'float' }).up)).toBe(
      `CASE WHEN "body" ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN "body"::double precision END`,
    );
    const decimal = change('f_body', { type: 'decimal', precision: 6, scale: 2 });
    expect(using(decimal.up)).toBe(
      `CASE WHEN "body" ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN CASE WHEN abs(round("body"::numeric, 2)) < 10000 THEN "body"::numeric(6, 2) END END`,
    );
    expect(sqlite(decimal.up)).toContain('THEN round(CAST("body" AS REAL), 2) END');
    const bool = change('f_body', { type: 'boolean' });
    expect(using(bool.up)).toBe(
      `CASE WHEN lower("body") IN ('true', 't', 'yes', 'y', 'on', '1') THEN true WHEN lower("body") IN ('false', 'f', 'no', 'n', 'off', '0') THEN false END`,
    );
    expect(sqlite(bool.up)).toContain(`IN ('true', 't', 'yes', 'y', 'on', '1') THEN 1 WHEN`);
    expect(using(bool.down)).toBe('"body"::text');
    expect(sqlite(bool.down)).toBe(
      `UPDATE "posts" SET "body" = CASE "body" WHEN 1 THEN 'true' WHEN 0 THEN 'false' END`,
    );
  });

  it('text -> date, datetime: real days only, date-times read in UTC', () => {
    const date = change('f_body', { type: 'date' });
    expect(using(date.up)).toContain(`"body" ~ '^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'`);
    expect(using(date.up)).toContain(
      `THEN CASE WHEN to_char((left("body", 8) || '01')::date + (substr("body", 9, 2)::integer - 1), 'YYYY-MM-DD') = left("body", 10) THEN "body"::date END END`,
    );
    expect(sqlite(date.up)).toContain(`AND date("body", '+0 days') = "body" THEN "body" END`);
    expect(date.up).toContain('reflect_args=[sa.Column("body", sa.Date(), nullable=True)]');
    expect(using(date.down)).toBe(`to_char("body", 'YYYY-MM-DD')`);
    const datetime = change('f_body', { type: 'datetime' });
    expect(using(datetime.up)).toContain(`"body"::timestamptz`);
    expect(sqlite(datetime.up)).toContain(`strftime('%Y-%m-%d %H:%M:%S', "body")`);
    expect(using(datetime.down)).toBe(`to_char("body" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')`);
  });

  it('text -> uuid and json', () => {
    const uuid = change('f_body', { type: 'uuid' });
    expect(using(uuid.up)).toBe(
      `CASE WHEN lower("body") ~ '^([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$' THEN "body"::uuid END`,
    );
    expect(sqlite(uuid.up)).toContain(`THEN lower(replace("body", '-', '')) END`);
    expect(sqlite(uuid.down)).toContain(`lower(substr("body", 1, 8) || '-' || substr("body", 9, 4)`);
    const json = change('f_body', { type: 'json' });
    // PostgreSQL (before 16) has no parse that does not fail: a session function catches the error.
    expect(json.up).toContain('CREATE OR REPLACE FUNCTION pg_temp.fastdraft_json(value text) RETURNS json');
    expect(using(json.up)).toBe('pg_temp.fastdraft_json("body")');
    expect(sqlite(json.up)).toBe(`UPDATE "posts" SET "body" = CASE WHEN json_valid("body") THEN "body" END`);
  });

  it('json -> string: a JSON string gives its text, values too long for the column become NULL', () => {
    const { up } = change('f_j', { type: 'string', constraints: { maxLength: 20 } });
    expect(using(up)).toBe(`CASE WHEN length(("j" #>> '{}')) <= 20 THEN ("j" #>> '{}') END`);
    const text = `(CASE json_type("j") WHEN 'text' THEN json_extract("j", '$') WHEN 'null' THEN NULL ELSE "j" END)`;
    expect(sqlite(up)).toBe(`UPDATE "posts" SET "j" = CASE WHEN length(${text}) <= 20 THEN ${text} END`);
    const number = change('f_j', { type: 'integer' });
    expect(using(number.up)).toContain(`CASE WHEN ("j" #>> '{}') ~ '^-?[0-9]+$'`);
    expect(sqlite(number.up)).toContain(`CASE WHEN (${text} GLOB '[0-9]*'`);
  });

  it('numbers: integer -> boolean, float -> integer (rounded), bigint -> integer (range), integer -> date', () => {
    const bool = change('f_n', { type: 'boolean' });
    expect(using(bool.up)).toBe('"n" <> 0');
    expect(sqlite(bool.up)).toBe('UPDATE "posts" SET "n" = "n" <> 0');
    expect(using(bool.down)).toBe('"n"::integer');
    expect(bool.down).not.toContain('sqlite');
    const rounded = change('f_x', { type: 'integer' });
    expect(using(rounded.up)).toBe(
      'CASE WHEN round("x"::numeric) BETWEEN -2147483648 AND 2147483647 THEN round("x"::numeric)::integer END',
    );
    expect(sqlite(rounded.up)).toContain('THEN CAST(round("x") AS INTEGER) END');
    const narrow = change('f_big', { type: 'integer' });
    expect(using(narrow.up)).toBe(
      `COALESCE(CASE WHEN "big" BETWEEN -2147483648 AND 2147483647 THEN "big"::integer END, '0'::integer)`,
    );
    // Same kind, no DROP DEFAULT nor reflected column; widening back needs nothing.
    expect(narrow.up).not.toContain('DROP DEFAULT');
    expect(narrow.up).not.toContain('reflect_args');
    expect(narrow.down).not.toContain('postgresql_using');
    expect(using(change('f_n', { type: 'date' }).up)).toBe('NULL');
  });

  it('date-times -> dates in UTC; a NOT NULL target gets the zero for NULLs too', () => {
    const { up, down } = change('f_t', { type: 'date', nullable: false });
    expect(using(up)).toBe(`COALESCE(("t" AT TIME ZONE 'UTC')::date, '1970-01-01'::date)`);
    expect(sqlite(up)).toBe(`UPDATE "posts" SET "t" = COALESCE(substr("t", 1, 10), '1970-01-01')`);
    expect(up).not.toContain('IS NULL'); // no separate backfill: the old type may not hold the zero
    expect(using(down)).toBe(`"t"::timestamp AT TIME ZONE 'UTC'`);
  });

  it('other types to and from enums go through text', () => {
    const withEnum = applyOperations(typed, [
      { op: 'addEnum', id: 'n_s', name: 'Status', values: ['1', '2'] },
    ]);
    const { up, down } = change('f_n', { type: 'enum', enumId: 'n_s' }, withEnum);
    expect(using(up)).toBe(`(CASE WHEN "n"::text IN ('1', '2') THEN "n"::text ELSE NULL END)::status`);
    expect(up).toContain('if op.get_context().dialect.name == "sqlite":\n    # Values outside the enum');
    expect(using(down)).toContain(`CASE WHEN "n"::text ~ '^-?[0-9]+$'`);
  });
});

describe('planSteps: a primary key that changes type', () => {
  const tagged = applyOperations(base, [
    { op: 'addEntity', id: 'e_tag', name: 'Tag', position: at },
    { op: 'addField', entityId: 'e_tag', field: { id: 'f_label', name: 'label', type: 'string' } },
    {
      op: 'connect',
      id: 'r_tags',
      fromEntityId: 'e_post',
      toEntityId: 'e_tag',
      kind: 'many-to-many',
      fieldName: 'tags',
    },
  ]);

  it('re-creates the table, its association tables and the foreign key columns that refer to it', () => {
    const { steps, up, down } = plan(
      [{ op: 'updateEntity', entityId: 'e_author', patch: { primaryKey: 'uuid' } }],
      tagged,
    );
    // posts.author_id is NOT NULL: no post can keep its author.
    expect(steps[0]?.up).toBe(
      [
        'op.execute("DELETE FROM \\"posts\\"")',
        'with op.batch_alter_table("posts") as batch_op:',
        '    batch_op.drop_index(op.f("ix_posts_author_id"))',
        '    batch_op.drop_constraint(op.f("fk_posts_author_id_authors"), type_="foreignkey")',
        '    batch_op.drop_column("author_id")',
      ].join('\n'),
    );
    expect(up).toContain('op.drop_table("authors")');
    expect(up).toContain('sa.Column("id", sa.Uuid(), nullable=False)');
    expect(up).toContain(
      'batch_op.add_column(sa.Column("author_id", sa.Uuid(), nullable=False, server_default="00000000000000000000000000000000"))',
    );
    expect(up).toContain(
      'batch_op.create_foreign_key(op.f("fk_posts_author_id_authors"), "authors", ["author_id"], ["id"], ondelete="CASCADE")',
    );
    expect(up).toContain('batch_op.create_index(op.f("ix_posts_author_id"), ["author_id"], unique=False)');
    expect(up).not.toContain('posts_tags');
    expect(down).toContain('sa.Column("id", sa.Integer(), nullable=False)');
    expect(down.indexOf('DELETE FROM')).toBeLessThan(down.indexOf('sa.Column("author_id", sa.Integer()'));
    // The association table refers to the re-created table: re-created too.
    const tags = plan([{ op: 'updateEntity', entityId: 'e_tag', patch: { primaryKey: 'uuid' } }], tagged);
    expect(tags.up.indexOf('op.drop_table("posts_tags")')).toBeLessThan(
      tags.up.indexOf('op.drop_table("tags")'),
    );
    expect(tags.up).toContain('sa.Column("tag_id", sa.Uuid(), nullable=False)');
    expect(tags.up).not.toContain('DELETE');
  });
});

describe('planSteps: new unique NOT NULL columns on tables with rows', () => {
  it('fill distinct values between adding the column and constraining it', () => {
    const { versions, working } = scriptedHistory();
    const project = generateProject(working, { history: versions });
    if (!project.ok) throw new Error('no project');
    const name = Object.keys(project.files).find((f) => /_unique_required_codes/.test(f));
    const code = project.files[name ?? ''] ?? '';
    const add = code.indexOf('sa.Column("code", sa.String(length=20), nullable=False');
    const fill = code.indexOf('UPDATE "articles" SET "code" = CAST(CAST(id AS TEXT) AS VARCHAR(20))');
    const unique = code.indexOf('create_unique_constraint(op.f("uq_articles_code")');
    expect([add, fill, unique].every((i) => i > 0)).toBe(true);
    expect(add < fill && fill < unique).toBe(true);
    expect(code).toContain('UPDATE "people" SET "badge" = id');
  });
});

describe('planSteps: composite unique constraints', () => {
  const withUnique = (members: string[]): Operation => ({
    op: 'updateEntity',
    entityId: 'e_post',
    patch: { uniques: [{ id: 'u_1', members }] },
  });

  it('adds one in batch mode and drops it on the way down', () => {
    const r = plan([withUnique(['r_author', 'f_title'])]);
    expect(r.up).toContain('with op.batch_alter_table("posts") as batch_op:');
    expect(r.up).toContain(
      'batch_op.create_unique_constraint(op.f("uq_posts_author_id_title"), ["author_id", "title"])',
    );
    expect(r.down).toContain('batch_op.drop_constraint(op.f("uq_posts_author_id_title"), type_="unique")');
  });

  it('changing the members drops the old constraint before creating the new one', () => {
    const from = applyOperations(base, [withUnique(['r_author', 'f_title'])]);
    const r = plan([withUnique(['f_title', 'r_author'])], from);
    const drop = r.up.indexOf('drop_constraint(op.f("uq_posts_author_id_title")');
    const create = r.up.indexOf(
      'create_unique_constraint(op.f("uq_posts_title_author_id"), ["title", "author_id"])',
    );
    expect(drop).toBeGreaterThanOrEqual(0);
    expect(create).toBeGreaterThan(drop);
  });

  it('a renamed member column renames the constraint around the column rename', () => {
    const from = applyOperations(base, [withUnique(['r_author', 'f_title'])]);
    const r = plan([{ op: 'renameField', fieldId: 'f_title', name: 'headline' }], from);
    const drop = r.up.indexOf('drop_constraint(op.f("uq_posts_author_id_title")');
    const rename = r.up.indexOf('new_column_name="headline"');
    const create = r.up.indexOf('create_unique_constraint(op.f("uq_posts_author_id_headline")');
    expect(drop).toBeGreaterThanOrEqual(0);
    expect(rename).toBeGreaterThan(drop);
    expect(create).toBeGreaterThan(rename);
  });

  it('removing it (or deleting a member) drops it; the same constraint again plans nothing', () => {
    const from = applyOperations(base, [withUnique(['r_author', 'f_title'])]);
    expect(plan([{ op: 'updateEntity', entityId: 'e_post', patch: { uniques: [] } }], from).up).toContain(
      'drop_constraint(op.f("uq_posts_author_id_title"), type_="unique")',
    );
    const deleted = plan([{ op: 'deleteField', fieldId: 'f_title' }], from);
    expect(deleted.up).toContain('drop_constraint(op.f("uq_posts_author_id_title")');
    expect(plan([withUnique(['r_author', 'f_title'])], from).steps).toEqual([]);
  });

  it('the initial migration and the model declare it under the same name', () => {
    const design = applyOperations(base, [withUnique(['r_author', 'f_title'])]);
    const project = generateProject(design);
    if (!project.ok) throw new Error('no project');
    // Formatted code: compared without its spaces and trailing commas.
    const flat = (path: string) => (project.files[path] ?? '').replace(/\s+/g, '').replace(/,\)/g, ')');
    expect(flat('alembic/versions/0001_initial.py')).toContain(
      'sa.UniqueConstraint("author_id","title",name=op.f("uq_posts_author_id_title"))',
    );
    expect(flat('app/models/post.py')).toContain(
      '__table_args__=(UniqueConstraint("author_id","title",name="uq_posts_author_id_title"))',
    );
  });
});
