import type { AuthApi, Design } from '../schema';
import { createRng } from './random';

/**
 * The auth API's shape and the error format drawn for a random design, from a generator of their own (the
 * rest of the design draws as before). Auth paths stay under `/auth`, which resources never use.
 */
export function withRandomAuthShape(design: Design, seed: number): Design {
  const rng = createRng(seed ^ 0x5a17_0a1e);
  const errors = rng.pick(['fastapi', 'problem', 'field-map'] as const);
  if (!design.auth) return { ...design, api: { ...design.api, errors } };
  const scheme = rng.pick<AuthApi['scheme']>([
    { kind: 'bearer' },
    { kind: 'prefix', prefix: 'Token' },
    { kind: 'header', header: 'X-API-Key' },
  ]);
  const api: AuthApi = {
    registerPath: rng.pick(['/auth/register', '/auth/signup', '/auth/users']),
    loginPath: rng.pick(['/auth/login', '/auth/session']),
    mePath: rng.pick(['/auth/me', '/auth/user']),
    login: rng.pick(['form', 'json', 'both'] as const),
    tokenIn: rng.pick(['token', 'user'] as const),
    scheme,
    meUpdate: rng.bool(0.6),
  };
  return { ...design, api: { ...design.api, errors }, auth: { ...design.auth, api } };
}
