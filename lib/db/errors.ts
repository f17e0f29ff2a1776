type Coded = { code?: unknown; errno?: unknown; message?: unknown; name?: unknown; cause?: unknown };

/** The error and its causes (drizzle wraps driver errors; the driver's code lives on the cause). */
function* chain(error: unknown): Generator<Coded> {
  let e: unknown = error;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    yield e as Coded;
    e = (e as Coded).cause;
  }
}

/** True when a driver error (pg or PGlite) is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  for (const e of chain(error)) if (e.code === '23505') return true;
  return false;
}

// ENOSPC / EDQUOT from the file system (errno 28 / 122 on Linux), SQLSTATE 53100 (disk_full) from PostgreSQL;
// PGlite reports the file system's words in its message.
const DISK_FULL_CODES = new Set<unknown>(['ENOSPC', 'EDQUOT', '53100', 28, -28, 122, -122]);
const DISK_FULL_TEXT = /no space left on device|disk quota exceeded/i;

/** True when the database or the file system ran out of space (or quota). */
export function isDiskFull(error: unknown): boolean {
  for (const e of chain(error)) {
    if (DISK_FULL_CODES.has(e.code) || DISK_FULL_CODES.has(e.errno)) return true;
    if (typeof e.message === 'string' && DISK_FULL_TEXT.test(e.message)) return true;
  }
  return false;
}

/**
 * A one-line description of an error for the server log, without query parameters: drizzle's message carries
 * the whole query and its parameters (a design is megabytes of user data), so a wrapped driver error is
 * described by its driver's code and message only.
 */
export function describeError(error: unknown): string {
  const all = [...chain(error)];
  const driver = all.find((e) => typeof e.code === 'string' && e !== all[0]) ?? all[0];
  if (!driver) return String(error).slice(0, 300);
  const name = typeof driver.name === 'string' ? driver.name : 'Error';
  const code = typeof driver.code === 'string' || typeof driver.code === 'number' ? ` ${driver.code}` : '';
  const message = typeof driver.message === 'string' ? driver.message.split('\n')[0]!.slice(0, 300) : '';
  // A bug (not a database error) keeps its stack frames, which hold code locations and no data.
  const top = all[0] as { stack?: unknown };
  const frames =
    driver === all[0] && typeof top.stack === 'string'
      ? `\n${top.stack
          .split('\n')
          .filter((l) => /^\s+at /.test(l))
          .join('\n')}`
      : '';
  return `${name}${code}: ${message}${frames}`;
}
