/** True when a driver error (pg or PGlite) is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  let e: unknown = error;
  // drizzle wraps driver errors; the code lives on the cause.
  for (let depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
