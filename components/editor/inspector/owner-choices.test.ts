import { describe, expect, it } from 'vitest';
import { templates } from '@/lib/design/templates';
import { ownerChoices, ownerPatch, ownerValue } from './owner-choices';

describe('owner choices', () => {
  it('offers direct owners and paths through parents that end at the user', () => {
    const design = templates.todo();
    expect(ownerChoices('e_todo_item', design.relations, 'e_user')).toEqual([
      { value: 'path:r_todo_item_list,r_todo_list_owner', label: 'todo_list → owner' },
    ]);
    expect(ownerChoices('e_todo_list', design.relations, 'e_user')).toEqual([
      { value: 'r_todo_list_owner', label: 'owner' },
    ]);
  });

  it('round-trips the select value through the patch', () => {
    const item = templates.todo().entities.find((e) => e.id === 'e_todo_item');
    if (!item) throw new Error('no item');
    const value = ownerValue(item.resource);
    expect(ownerPatch(value)).toEqual({
      ownerRelationId: null,
      ownerPath: ['r_todo_item_list', 'r_todo_list_owner'],
    });
    expect(ownerPatch('')).toEqual({ ownerRelationId: null, ownerPath: null });
    expect(ownerPatch('r_x')).toEqual({ ownerRelationId: 'r_x', ownerPath: null });
  });
});
