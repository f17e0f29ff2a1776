import { describe, expect, it } from 'vitest';
import { templates } from '@/lib/design/templates';
import { generateProject } from '../generate';
import { buildIr } from '../ir/build';
import type { DesignVersion } from '../migrations';

const version = (id: string, design: DesignVersion['design']): DesignVersion => ({
  id,
  message: id,
  createdAt: '2025-01-01T00:00:00Z',
  design,
});

describe('indexes decided in the IR', () => {
  it('indexes the columns a list sorts by, except unique ones, and the second column of association tables', () => {
    const ir = buildIr(templates.blog());
    const post = ir.entities.find((e) => e.className === 'Post');
    const byName = (name: string) => post?.fields.find((f) => f.name === name);
    expect(post?.resource.list?.sorts.map((s) => s.query)).toEqual(['published_at', 'title']);
    expect(byName('published_at')?.indexed).toBe(true);
    expect(byName('title')?.indexed).toBe(true);
    expect(byName('body')?.indexed).toBe(false);
    expect(ir.associations.map((a) => a.rightIndex)).toEqual([
      'ix_posts_tags_tag_id',
      'ix_follows_related_user_id',
    ]);
  });

  it('a column that becomes sortable gets its index in the next revision', () => {
    // The todo template sorts lists by title: version 1 did not.
    const working = templates.todo();
    const v1 = structuredClone(working);
    const list = v1.entities.find((e) => e.name === 'TodoList');
    if (!list) throw new Error('todo template changed');
    list.resource.operations.list.sortable = [];
    const result = generateProject(working, { history: [version('v1', v1)] });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const pending = Object.entries(result.files).find(([path]) => path.endsWith('_pending.py'));
    expect(pending?.[1]).toContain(
      'batch_op.create_index(op.f("ix_todo_lists_title"), ["title"], unique=False)',
    );
    expect(pending?.[1]).toContain('batch_op.drop_index(op.f("ix_todo_lists_title"))');
  });
});
