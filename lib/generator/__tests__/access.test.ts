import { describe, expect, it } from 'vitest';
import { applyOperation } from '@/lib/design/operations';
import { templates } from '@/lib/design/templates';
import { renderProject } from '../generate';
import { buildIr } from '../ir/build';
import { openApiFor } from '../openapi/document';

const files = (design: ReturnType<typeof templates.todo>) => {
  const result = renderProject(design);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.files;
};

type Schema = { properties: Record<string, unknown>; additionalProperties?: boolean };
const schemas = (design: ReturnType<typeof templates.todo>) =>
  (openApiFor(design) as { components: { schemas: Record<string, Schema> } }).components.schemas;

describe('access in the IR', () => {
  it('follows owner paths as FK hops, the user entity owning itself', () => {
    const ir = buildIr(templates.todo());
    const byName = (name: string) => ir.entities.find((e) => e.className === name);
    expect(byName('TodoItem')?.resource.ownership?.hops.map((h) => h.column)).toEqual([
      'todo_list_id',
      'owner_id',
    ]);
    expect(byName('TodoList')?.resource.ownership?.hops.map((h) => h.column)).toEqual(['owner_id']);
    expect(byName('User')?.resource.ownership).toEqual({ hops: [] });
  });

  it('answers reads open to others with the public view', () => {
    const ir = buildIr(templates.blog());
    const user = ir.entities.find((e) => e.isUser);
    expect(user?.schemas.public).toBe('UserPublic');
    expect(user?.resource.views).toMatchObject({ list: 'public', get: 'public', update: 'full' });
    const shop = buildIr(templates.shop());
    // Admins (a role) see every field.
    expect(shop.entities.find((e) => e.isUser)?.resource.views.list).toBe('full');
  });
});

describe('access in the generated code', () => {
  it('scopes todo items through their list and checks the list of a body', () => {
    const routes = files(templates.todo())['app/api/routes/todo_items.py'] as string;
    expect(routes).toContain('TodoItem.todo_list.has(TodoList.owner_id == current_user.id)');
    expect(routes).toContain('TodoList.id == body.todo_list_id, TodoList.owner_id == current_user.id');
  });

  it('limits user updates to the user themself and asks for the current password', () => {
    const routes = files(templates.todo())['app/api/routes/users.py'] as string;
    expect(routes).toContain('User.id == user_id, User.id == current_user.id');
    expect(routes).toContain('await verify_password_async(body.current_password, row.password)');
    expect(schemas(templates.todo()).UserUpdate?.properties).toHaveProperty('current_password');
  });

  it('embeds users without their email and hides drafts from the public', () => {
    const out = files(templates.blog());
    expect(out['app/schemas/responses.py']).toContain('author: UserPublic');
    const userPublic = (out['app/schemas/user.py'] as string).split('class UserPublic(')[1] ?? '';
    expect(userPublic).toContain('username: str');
    expect(userPublic).not.toContain('email');
    expect(out['app/api/routes/posts.py']).toContain(
      'visible = or_(Post.published.is_(True), Post.author_id == current_user.id)',
    );
    // Comments of a draft are hidden with it: anonymous callers see those of published posts only.
    expect(out['app/api/routes/comments.py']).toContain(
      'visible: ColumnElement[bool] = Comment.post.has(Post.published.is_(True))',
    );
    expect(schemas(templates.blog()).UserPublic?.properties).not.toHaveProperty('email');
  });

  it('forbids unknown fields in every input model, and documents it', () => {
    const out = files(templates.shop());
    for (const path of ['app/schemas/order.py', 'app/schemas/order_line.py', 'app/schemas/auth.py']) {
      expect(out[path]).toContain('extra="forbid"');
    }
    const s = schemas(templates.shop());
    for (const name of ['OrderCreate', 'OrderUpdate', 'UserRegister', 'LoginRequest']) {
      expect(s[name]?.additionalProperties).toBe(false);
    }
    // Read-only fields are in no body.
    expect(s.OrderCreate?.properties).not.toHaveProperty('status');
    expect(s.OrderLineCreate?.properties).not.toHaveProperty('unit_price');
  });

  it('writes embedded many-to-many links by id', () => {
    const s = schemas(templates.blog());
    expect(s.PostCreate?.properties.tags).toMatchObject({ type: 'array', items: { type: 'integer' } });
    expect(files(templates.blog())['app/api/routes/posts.py']).toContain('load_links(');
  });

  it('a v1-style user update open to everyone signed in is a problem, not generated', () => {
    const design = applyOperation(templates.todo(), {
      op: 'updateResource',
      entityId: 'e_user',
      patch: { operations: { update: { access: { kind: 'authenticated' } } } },
    });
    const result = renderProject(design);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.code)).toEqual(['user-writable-by-others']);
  });
});
