import { describe, expect, it } from 'vitest';
import { emptyDesign } from '@/lib/design/factories';
import { applyOperations } from '@/lib/design/operations';
import { diffDesigns } from './diff';

const at = { x: 0, y: 0 };
const base = applyOperations(emptyDesign('Blog'), [
  { op: 'addEntity', id: 'e_post', name: 'Post', position: at },
  { op: 'addField', entityId: 'e_post', field: { id: 'f_title', name: 'title', type: 'string' } },
  { op: 'addField', entityId: 'e_post', field: { id: 'f_body', name: 'body', type: 'text', nullable: true } },
  { op: 'addField', entityId: 'e_post', field: { id: 'f_n', name: 'views', type: 'bigint' } },
  { op: 'addEntity', id: 'e_tag', name: 'Tag', position: at },
]);

describe('diffDesigns', () => {
  it('lists added, removed and changed elements by id', () => {
    const next = applyOperations(base, [
      { op: 'renameField', fieldId: 'f_title', name: 'headline' },
      {
        op: 'addField',
        entityId: 'e_post',
        field: { id: 'f_x', name: 'extra', type: 'integer', nullable: true },
      },
      { op: 'renameEntity', entityId: 'e_tag', name: 'Label' },
    ]);
    const diff = diffDesigns(base, next);
    expect(diff.fields.added).toEqual([{ id: 'f_x', name: 'extra', entity: 'Post' }]);
    expect(diff.fields.changed).toEqual([
      { id: 'f_title', name: 'headline', entity: 'Post', changes: ['name'] },
    ]);
    expect(diff.entities.changed.map((e) => e.name)).toEqual(['Label']);
    expect(diff.warnings).toEqual([]);
  });

  it('warns about every change that loses data', () => {
    const next = applyOperations(base, [
      { op: 'deleteEntity', entityId: 'e_tag' },
      { op: 'deleteField', fieldId: 'f_n' },
      { op: 'updateField', fieldId: 'f_title', patch: { constraints: { maxLength: 50 } } },
      { op: 'updateField', fieldId: 'f_body', patch: { nullable: false } },
    ]);
    const diff = diffDesigns(base, next);
    expect(diff.entities.removed.map((e) => e.id)).toEqual(['e_tag']);
    expect(diff.warnings.map((w) => [w.kind, w.table, w.column])).toEqual([
      ['narrowed-type', 'posts', 'title'],
      ['made-non-nullable', 'posts', 'body'],
      ['dropped-column', 'posts', 'views'],
      ['dropped-table', 'tags', undefined],
    ]);
    expect(diff.warnings[0]?.message).toContain('length 255 -> 50');
    const widened = applyOperations(base, [
      { op: 'updateField', fieldId: 'f_title', patch: { type: 'text' } },
    ]);
    expect(diffDesigns(base, widened).warnings).toEqual([]);
  });

  it('warns when enum values go away (rows fall back) but not when values are added', () => {
    const withEnum = applyOperations(base, [
      { op: 'addEnum', id: 'n_s', name: 'Status', values: ['draft', 'live', 'gone'] },
      {
        op: 'addField',
        entityId: 'e_post',
        field: { id: 'f_s', name: 'status', type: 'enum', enumId: 'n_s', nullable: true },
      },
    ]);
    const fewer = applyOperations(withEnum, [{ op: 'updateEnumValues', enumId: 'n_s', values: ['live'] }]);
    expect(diffDesigns(withEnum, fewer).warnings).toEqual([
      {
        kind: 'narrowed-type',
        table: 'posts',
        column: 'status',
        message: 'Column posts.status: enum values "draft", "gone" removed: rows holding them get NULL.',
      },
    ]);
    const more = applyOperations(withEnum, [
      { op: 'updateEnumValues', enumId: 'n_s', values: ['draft', 'live', 'gone', 'withdrawn_by_editor'] },
    ]);
    expect(diffDesigns(withEnum, more).warnings).toEqual([]);
    const typed = applyOperations(withEnum, [
      { op: 'updateField', fieldId: 'f_title', patch: { type: 'enum', enumId: 'n_s' } },
    ]);
    expect(diffDesigns(withEnum, typed).warnings.map((w) => w.message)).toEqual([
      'Column posts.title: values that are not values of the enum get "draft".',
    ]);
  });

  it('says what each type conversion loses (nothing when every value converts)', () => {
    const typed = applyOperations(base, [
      {
        op: 'addField',
        entityId: 'e_post',
        field: { id: 'f_j', name: 'data', type: 'json', nullable: true },
      },
      {
        op: 'addField',
        entityId: 'e_post',
        field: { id: 'f_t', name: 'at', type: 'datetime', nullable: true },
      },
    ]);
    const loss = (id: string, patch: Record<string, unknown>) =>
      diffDesigns(typed, applyOperations(typed, [{ op: 'updateField', fieldId: id, patch }])).warnings.map(
        (w) => [w.kind, w.message],
      );
    const narrowed = (message: string) => [['narrowed-type', message]];
    expect(loss('f_body', { type: 'integer' })).toEqual(
      narrowed(
        'Column posts.body: text values that are not whole numbers (or are out of range) become NULL.',
      ),
    );
    expect(loss('f_title', { type: 'integer' })).toEqual(
      narrowed(
        'Column posts.title: text values that are not whole numbers (or are out of range) become "0".',
      ),
    );
    expect(loss('f_body', { type: 'decimal', precision: 6, scale: 2 })[0]?.[1]).toContain(
      'do not fit numeric(6, 2) become NULL; others are rounded to 2 decimal places',
    );
    expect(loss('f_body', { type: 'boolean' })[0]?.[1]).toContain('other than true/false');
    expect(loss('f_body', { type: 'date' })[0]?.[1]).toContain(
      'text values that are not dates (YYYY-MM-DD) become NULL',
    );
    expect(loss('f_body', { type: 'datetime' })[0]?.[1]).toContain('that are not date-times');
    expect(loss('f_body', { type: 'uuid' })[0]?.[1]).toContain('that are not UUIDs become NULL');
    expect(loss('f_body', { type: 'json' })[0]?.[1]).toContain('that are not valid JSON become NULL');
    expect(loss('f_n', { type: 'boolean' })).toEqual(
      narrowed('Column posts.views: numbers become true (not 0) or false (0).'),
    );
    expect(loss('f_n', { type: 'integer' })).toEqual(
      narrowed('Column posts.views: values out of the 32-bit range become "0".'),
    );
    expect(loss('f_n', { type: 'date' })).toEqual(
      narrowed('Column posts.views: no value converts: every value becomes "1970-01-01".'),
    );
    expect(loss('f_t', { type: 'date' })[0]?.[1]).toContain('date-times lose their time of day (UTC)');
    expect(loss('f_j', { type: 'string', constraints: { maxLength: 50 } })[0]?.[1]).toContain(
      'values longer than 50 characters as text become NULL',
    );
    expect(loss('f_j', { type: 'float' })[0]?.[1]).toContain('JSON values that are not decimal numbers');
    // Every value converts: no warning.
    for (const [id, type] of [
      ['f_n', 'text'],
      ['f_n', 'json'],
      ['f_t', 'text'],
      ['f_j', 'text'],
    ] as const)
      expect(loss(id, { type })).toEqual([]);
  });

  it('warns that a table whose primary key changes type is re-created, with what refers to it', () => {
    const linked = applyOperations(base, [
      {
        op: 'connect',
        id: 'r_tag',
        fromEntityId: 'e_post',
        toEntityId: 'e_tag',
        kind: 'many-to-one',
        fieldName: 'tag',
        backrefName: 'posts',
        nullable: true,
      },
      {
        op: 'connect',
        id: 'r_tags',
        fromEntityId: 'e_post',
        toEntityId: 'e_tag',
        kind: 'many-to-many',
        fieldName: 'tags',
        backrefName: 'tagged',
      },
    ]);
    const uuid = applyOperations(linked, [
      { op: 'updateEntity', entityId: 'e_tag', patch: { primaryKey: 'uuid' } },
    ]);
    expect(diffDesigns(linked, uuid).warnings).toEqual([
      {
        kind: 'dropped-table',
        table: 'tags',
        message:
          'Table tags is re-created (its primary key becomes a UUID): every row in it is lost, and references to it become NULL.',
      },
      {
        kind: 'dropped-column',
        table: 'posts',
        column: 'tag_id',
        message:
          'Column posts.tag_id is re-created (the primary key of tags changes type): it becomes NULL in every row.',
      },
      {
        kind: 'dropped-table',
        table: 'posts_tags',
        message:
          'Table posts_tags is re-created (the primary key of tags changes type): every row in it is lost, and references to it become NULL.',
      },
    ]);
  });
});
