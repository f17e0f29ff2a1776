import { Auth, type AuthConfig } from '@auth/core';
import { AuthError, CredentialsSignin, MissingCSRF } from '@auth/core/errors';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

process.env.AUTH_SECRET = 'logger-test-secret-logger-test-secret-0123';

import { authConfig } from '@/lib/auth/config';
import { hashPassword } from '@/lib/auth/password';
import { type DbHandle, openDb } from '@/lib/db/connect';
import { createUser } from '@/lib/db/queries/users';
import { uniqueEmail } from '@/lib/db/testing/databases';
import { authLogger } from './logger';

function recorder() {
  const lines: string[] = [];
  const sink = {
    error: (...parts: unknown[]) => lines.push(parts.join(' ')),
    warn: (...parts: unknown[]) => lines.push(parts.join(' ')),
  };
  return { lines, logger: authLogger(sink) };
}

const hasStack = (lines: string[]) => lines.some((line) => /\n\s+at /.test(line));

describe('authLogger', () => {
  it('logs an expected sign-in refusal as one line without a stack', () => {
    const { lines, logger } = recorder();
    const refused = new CredentialsSignin();
    refused.code = 'invalid_credentials';
    logger.error(refused);
    logger.error(new MissingCSRF('CSRF token was missing'));
    expect(lines).toEqual([
      '[auth] sign-in refused: CredentialsSignin (invalid_credentials)',
      '[auth] sign-in refused: MissingCSRF',
    ]);
  });

  it('keeps the stack of real errors, and of their cause', () => {
    const { lines, logger } = recorder();
    logger.error(new Error('database is down'));
    expect(lines[0]).toBe('[auth][error] Error: database is down');
    expect(hasStack(lines)).toBe(true);

    const wrapped = recorder();
    const cause = new Error('connection refused');
    wrapped.logger.error(new AuthError('callback failed', { cause: { err: cause } }));
    expect(wrapped.lines[0]).toContain('[auth][error]');
    expect(wrapped.lines[1]).toContain('connection refused');
    expect(hasStack(wrapped.lines)).toBe(true);
  });
});

describe('a wrong password through the real Auth.js configuration', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openDb({ kind: 'pglite', dataDir: null });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('writes one line to the server output and no stack trace', async () => {
    const email = uniqueEmail('logger');
    await createUser(handle.db, { email, name: null, passwordHash: await hashPassword('correct horse 42') });
    const config = { ...authConfig(handle.db), basePath: '/api/auth' } as AuthConfig;
    const call = (path: string, init: RequestInit = {}) =>
      Auth(new Request(`http://local/api/auth/${path}`, init), config);
    const csrf = await call('csrf');
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');

    const output: string[] = [];
    const capture = (...parts: unknown[]) => {
      output.push(parts.map(String).join(' '));
    };
    const spies = (['error', 'warn', 'log', 'info'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(capture),
    );
    try {
      const response = await call('callback/credentials', {
        method: 'POST',
        body: new URLSearchParams({ csrfToken, email, password: 'wrong password 1' }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      });
      expect(response.headers.get('location')).toContain('error=CredentialsSignin');
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(output).toEqual(['[auth] sign-in refused: CredentialsSignin (invalid_credentials)']);
  });
});
