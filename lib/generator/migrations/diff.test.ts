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
});
