/** The two read-only files of the Code view that are made on demand: plain SQL for PostgreSQL. */
export const SQL_MIGRATIONS = 'sql/postgresql/migrations.sql';
export const SQL_SCHEMA = 'sql/postgresql/schema.sql';
export const SQL_FILES = [SQL_MIGRATIONS, SQL_SCHEMA] as const;

export const isSqlFile = (path: string | null): boolean =>
  path !== null && (SQL_FILES as readonly string[]).includes(path);

export type SqlState =
  | { phase: 'idle' }
  | { phase: 'loading'; previous: SqlFiles | null }
  | { phase: 'ready'; files: SqlFiles }
  | { phase: 'failed'; message: string; status: number };

export type SqlFiles = Record<(typeof SQL_FILES)[number], string>;

/** The text shown for a SQL file, or null while there is none yet (loading or failed). */
export function sqlText(state: SqlState, path: string): string | null {
  const files = state.phase === 'ready' ? state.files : state.phase === 'loading' ? state.previous : null;
  return files ? (files[path as keyof SqlFiles] ?? null) : null;
}

export function sqlStatusText(state: SqlState): string {
  switch (state.phase) {
    case 'idle':
    case 'loading':
      return 'Making the PostgreSQL SQL (Alembic offline mode and SQLAlchemy, in the sandbox)…';
    case 'ready':
      return 'PostgreSQL SQL, up to date with the design';
    case 'failed':
      return state.status === 503 ? state.message : `The PostgreSQL SQL could not be made: ${state.message}`;
  }
}
