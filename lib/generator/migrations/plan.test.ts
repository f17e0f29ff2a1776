import { describe, expect, it } from 'vitest';
import { emptyDesign } from '@/lib/design/factories';
import { applyOperations, type Operation } from '@/lib/design/operations';
import type { Design } from '@/lib/design/schema';
import { generateProject } from '../generate';
import { buildIr } from '../ir/build';
import { type DesignVersion, planRevisions, planSteps, snapshotOf } from './index';
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

  it('needs no DDL for enum member changes that keep the VARCHAR length', () => {
    const withEnum = applyOperations(base, [
      { op: 'addEnum', id: 'n_s', name: 'Status', values: ['draft', 'live'] },
      {
        op: 'addField',
        entityId: 'e_post',
        field: { id: 'f_s', name: 'status', type: 'enum', enumId: 'n_s' },
      },
    ]);
    expect(
      plan([{ op: 'updateEnumValues', enumId: 'n_s', values: ['draft', 'gone'] }], withEnum).steps,
    ).toEqual([]);
    expect(
      plan([{ op: 'updateEnumValues', enumId: 'n_s', values: ['draft', 'withdrawn'] }], withEnum).up,
    ).toContain('type_=sa.Enum("draft", "withdrawn", name="status", native_enum=False, length=9)');
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

  it('one revision per schema-changing version, chained, ids derived from version ids', () => {
    const v2 = applyOperations(base, [{ op: 'renameField', fieldId: 'f_title', name: 'headline' }]);
    const moved = applyOperations(v2, [{ op: 'moveNode', id: 'e_post', x: 5, y: 5 }]);
    const working = applyOperations(moved, [{ op: 'deleteField', fieldId: 'f_body' }]);
    const { revisions } = planRevisions(
      [version('v1', base), version('v2', v2, 'Rename title'), version('v3', moved)],
      working,
    );
    expect(revisions.map((r) => [r.revision, r.downRevision, r.path])).toEqual([
      [revisions[0]?.revision, '0001', 'alembic/versions/0002_rename_title.py'],
      ['0003_pending', revisions[0]?.revision, 'alembic/versions/0003_pending.py'],
    ]);
    expect(revisions[0]?.revision).toMatch(/^0002_[0-9a-f]{8}$/);
    const again = planRevisions([version('v1', base), version('v2', v2, 'Rename title')], v2);
    expect(again.revisions[0]?.revision).toBe(revisions[0]?.revision);
    expect(again.revisions).toHaveLength(1);
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
    expect(revisions.at(-1)).toBe('alembic/versions/0023_pending.py');
    for (const f of revisions) expect(a.files[f]).toMatch(/^"""/);
  });
});
