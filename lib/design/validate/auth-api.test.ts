import { describe, expect, it } from 'vitest';
import { authDesigns } from '@/lib/generator/testing/auth-designs';
import { newField } from '../factories';
import type { Design } from '../schema';
import { blog, problemsOf } from './test-helpers';

const realWorld = (): Design => structuredClone(authDesigns['auth-realworld']?.() as Design);
const api = (design: Design) => {
  if (!design.auth) throw new Error('no auth');
  return design.auth.api;
};

describe('auth API validation', () => {
  it('accepts the golden auth designs and the default', () => {
    for (const make of Object.values(authDesigns)) expect(problemsOf(make())).toEqual([]);
    expect(problemsOf(blog())).toEqual([]);
  });

  it('refuses invalid paths, naming the setting', () => {
    for (const bad of ['users', '/users/', '/users/{id}', '/', '/a b']) {
      const design = realWorld();
      api(design).registerPath = bad;
      const problems = problemsOf(design, 'invalid-auth-path');
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ path: 'auth.api.registerPath', elementId: 'e_user' });
    }
  });

  it('refuses auth routes that clash with each other or with the docs', () => {
    const design = realWorld();
    api(design).loginPath = '/users';
    expect(problemsOf(design, 'duplicate-route')).toMatchObject([{ path: 'auth.api.loginPath' }]);
    const docs = realWorld();
    api(docs).mePath = '/docs';
    expect(problemsOf(docs, 'reserved-route')).toMatchObject([{ path: 'auth.api.mePath' }]);
  });

  it('reports a resource route taking over an auth route on the resource', () => {
    const design = realWorld();
    const user = design.entities.find((e) => e.id === 'e_user');
    if (!user) throw new Error('no user');
    user.resource.operations.create.enabled = true;
    const problems = problemsOf(design).filter((p) => p.message.includes('registration'));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.elementId).toBe('e_user');
  });

  it('checks the prefix and the header name', () => {
    for (const [scheme, ok] of [
      [{ kind: 'prefix', prefix: 'Token' }, true],
      [{ kind: 'prefix', prefix: 'My Token' }, false],
      [{ kind: 'prefix', prefix: 'Tok(en)' }, false],
      [{ kind: 'header', header: 'X-API-Key' }, true],
      [{ kind: 'header', header: 'Content-Type' }, false],
      [{ kind: 'header', header: 'host' }, false],
      [{ kind: 'header', header: 'Authorization' }, false],
      [{ kind: 'header', header: 'Sec-Token' }, false],
      [{ kind: 'header', header: 'X API' }, false],
    ] as const) {
      const design = realWorld();
      api(design).scheme = scheme;
      expect(problemsOf(design, 'invalid-token-scheme').length === 0, JSON.stringify(scheme)).toBe(ok);
    }
  });

  it('refuses a token in the user when the user has a field named token', () => {
    const design = realWorld();
    design.entities[0]?.fields.push(newField('f_user_token', 'token', 'string', { nullable: true }));
    expect(problemsOf(design, 'token-field-clash')).toMatchObject([{ elementId: 'f_user_token' }]);
    api(design).tokenIn = 'token';
    expect(problemsOf(design, 'token-field-clash')).toEqual([]);
  });
});
