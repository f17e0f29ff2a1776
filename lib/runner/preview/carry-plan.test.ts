import { describe, expect, it } from 'vitest';
import { addField, applyOperations, templates } from '@/lib/design';
import { carrySchema, copyPlan, parseCarrySchema } from './carry-plan';

const table = (plan: ReturnType<typeof copyPlan>, name: string) => plan.tables.find((t) => t.name === name);

describe('the data carry-over plan', () => {
  it('follows renamed tables and columns by key', () => {
    const before = carrySchema(templates.todo());
    const after = carrySchema(
      applyOperations(templates.todo(), [
        { op: 'renameField', fieldId: 'f_todo_list_title', name: 'name' },
        { op: 'renameEntity', entityId: 'e_todo_list', name: 'Checklist' },
      ]),
    );
    const plan = copyPlan(before, after);
    const lists = plan.tables.find((t) => t.from === 'todo_lists');
    expect(lists?.name).not.toBe('todo_lists');
    expect(lists?.columns).toContainEqual({ name: 'name', from: 'title', fill: "''", retype: null });
    // Without a stored schema, names are matched.
    expect(table(copyPlan(null, after), 'users')?.from).toBe('users');
  });

  it('derives a distinct value per row for unique required columns where the type allows it', () => {
    let design = templates.todo();
    const fields = [
      { id: 'f_a', name: 'nickname', type: 'string' as const, unique: true },
      { id: 'f_b', name: 'login', type: 'email' as const, unique: true },
      { id: 'f_c', name: 'badge', type: 'integer' as const, unique: true },
      {
        id: 'f_d',
        name: 'code',
        type: 'string' as const,
        unique: true,
        constraints: { pattern: '^[a-z0-9-]+$' },
      },
      { id: 'f_e', name: 'pinned', type: 'boolean' as const, unique: true },
      { id: 'f_f', name: 'note', type: 'string' as const },
      { id: 'f_g', name: 'maybe', type: 'string' as const, unique: true, nullable: true },
    ];
    for (const field of fields) design = addField(design, { entityId: 'e_user', field });
    const users = table(copyPlan(carrySchema(templates.todo()), carrySchema(design)), 'users');
    const fill = (name: string) => users?.columns.find((c) => c.name === name)?.fill;
    expect(fill('nickname')).toBe(`'nickname_' || "id" || ''`);
    expect(fill('login')).toBe(`'login-' || "id" || '@example.com'`);
    expect(fill('badge')).toBe('"id"');
    expect(fill('code')).toBe(`'code-' || "id" || ''`);
    // No distinct value to derive: the zero (the copy then reports the table when rows collide).
    expect(fill('pinned')).toBe("'0'");
    expect(fill('note')).toBe("''");
    expect(fill('maybe')).toBeNull();
  });

  it('resets a table whose primary key changes type', () => {
    const uuid = applyOperations(templates.todo(), [
      { op: 'updateEntity', entityId: 'e_todo_list', patch: { primaryKey: 'uuid' } },
    ]);
    const plan = copyPlan(carrySchema(templates.todo()), carrySchema(uuid));
    expect(table(plan, 'todo_lists')?.reset).toMatch(/^its primary key changed type/);
  });

  it('reads back only a well-formed stored schema', () => {
    const schema = carrySchema(templates.todo());
    expect(parseCarrySchema(JSON.stringify(schema))?.tables.map((t) => t.name)).toEqual(
      schema.tables.map((t) => t.name),
    );
    for (const bad of [null, 'nope', '{}', '{"tables":[{"key":1}]}', '[]'])
      expect(parseCarrySchema(bad)).toBeNull();
  });
});

describe('column kinds', () => {
  it('carries values between columns of the same kind only', () => {
    const retyped = applyOperations(templates.todo(), [
      {
        op: 'updateField',
        fieldId: 'f_todo_item_title',
        patch: { type: 'boolean' },
      },
    ]);
    const items = table(copyPlan(carrySchema(templates.todo()), carrySchema(retyped)), 'todo_items');
    expect(items?.columns.find((c) => c.name === 'title')?.retype).toBe(
      'title changed type (text to boolean): its values were not kept',
    );
    expect(items?.columns.find((c) => c.name === 'done')?.retype).toBeNull();
    const longer = applyOperations(templates.todo(), [
      { op: 'updateField', fieldId: 'f_todo_item_title', patch: { type: 'text' } },
    ]);
    const same = table(copyPlan(carrySchema(templates.todo()), carrySchema(longer)), 'todo_items');
    expect(same?.columns.find((c) => c.name === 'title')?.retype).toBeNull();
  });
});
