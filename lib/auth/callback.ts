/** Only a path on this site (never `//host`, `/\host` or an absolute URL) may be where sign-in returns to. */
export function safeCallback(value: string | undefined | null): string {
  return value && /^\/(?![/\\])/.test(value) ? value : '/dashboard';
}
