import { describe, expect, it } from 'vitest';
import { templates } from '@/lib/design/templates';
import { authFieldOptions, roleEnumValues } from './auth-choices';

describe('auth choices', () => {
  const design = templates.blog();
  const user = design.entities.find((e) => e.id === design.auth?.userEntityId);

  it('offers only fields of a suitable type for each setting', () => {
    if (!user) throw new Error('blog has a user');
    const typeOf = (id: string) => user.fields.find((f) => f.id === id)?.type;
    const login = authFieldOptions(user, 'login', undefined);
    const password = authFieldOptions(user, 'password', undefined);
    const role = authFieldOptions(user, 'role', undefined);
    expect(login.length).toBeGreaterThan(0);
    expect(login.every((o) => ['string', 'email'].includes(typeOf(o.value) ?? ''))).toBe(true);
    expect(password.map((o) => typeOf(o.value))).toEqual(['password']);
    expect(role.every((o) => ['enum', 'string'].includes(typeOf(o.value) ?? ''))).toBe(true);
    expect(role.some((o) => typeOf(o.value) === 'enum')).toBe(true);
  });

  it('keeps an unsuitable current choice, marked', () => {
    if (!user) throw new Error('blog has a user');
    const password = user.fields.find((f) => f.type === 'password');
    if (!password) throw new Error('blog user has a password');
    const login = authFieldOptions(user, 'login', password.id);
    expect(login.find((o) => o.value === password.id)?.label).toMatch(/unsuitable/);
  });

  it("lists the role enum's values, or null when roles are free text", () => {
    const values = roleEnumValues(design);
    expect(values).not.toBeNull();
    const roleField = user?.fields.find((f) => f.id === design.auth?.roleFieldId);
    expect(values).toEqual(design.enums.find((e) => e.id === roleField?.enumId)?.values);
    expect(roleEnumValues({ ...design, auth: null })).toBeNull();
    const stringRole = {
      ...design,
      entities: design.entities.map((e) =>
        e.id === user?.id
          ? {
              ...e,
              fields: e.fields.map((f) =>
                f.id === design.auth?.roleFieldId ? { ...f, type: 'string' as const } : f,
              ),
            }
          : e,
      ),
    };
    expect(roleEnumValues(stringRole)).toBeNull();
  });
});
