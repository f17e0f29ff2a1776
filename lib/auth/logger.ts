import 'server-only';

/**
 * Auth.js's logger. Its default prints a stack trace for every error, a wrong password included. Refusals of a
 * client's request (wrong credentials, rate limited, a missing CSRF token, a denied or unverifiable sign-in)
 * are expected: one line each, no stack and nothing the client sent. Anything else is a real error and keeps
 * its stack (and its cause's), as Auth.js prints it.
 */
const REFUSALS = new Set([
  'CredentialsSignin',
  'MissingCSRF',
  'AccessDenied',
  'Verification',
  'OAuthAccountNotLinked',
  'AccountNotLinked',
  'OAuthCallbackError',
  'WebAuthnVerificationError',
]);

type Sink = Pick<Console, 'error' | 'warn'>;
/** Auth.js errors carry their kind in `type`; sign-in refusals also a `code` (ours: lib/auth/credentials.ts). */
type AuthErrorLike = Error & { type?: string; code?: string; cause?: unknown };

export function authLogger(sink: Sink = console) {
  return {
    error(error: Error) {
      const { type, code, cause } = error as AuthErrorLike;
      if (type && REFUSALS.has(type)) {
        sink.warn(`[auth] sign-in refused: ${type}${code ? ` (${code})` : ''}`);
        return;
      }
      sink.error(`[auth][error] ${type ?? error.name}: ${error.message}`);
      const err = cause && typeof cause === 'object' && 'err' in cause ? cause.err : undefined;
      if (err instanceof Error) sink.error('[auth][cause]:', err.stack);
      else if (error.stack) sink.error(error.stack);
    },
    warn(code: string) {
      sink.warn(`[auth][warn][${code}] Read more: https://warnings.authjs.dev`);
    },
  };
}
