import { describe, expect, it } from 'vitest';
import { isSqlFile, SQL_MIGRATIONS, SQL_SCHEMA, sqlStatusText, sqlText } from './postgres-sql';

const files = { [SQL_MIGRATIONS]: 'BEGIN;', [SQL_SCHEMA]: 'CREATE TABLE t ();' };

describe('PostgreSQL SQL files of the Code view', () => {
  it('knows its two files', () => {
    expect(isSqlFile(SQL_SCHEMA)).toBe(true);
    expect(isSqlFile('app/main.py')).toBe(false);
    expect(isSqlFile(null)).toBe(false);
  });

  it('shows the last SQL while a new one is made, nothing before the first or after a failure', () => {
    expect(sqlText({ phase: 'idle' }, SQL_SCHEMA)).toBeNull();
    expect(sqlText({ phase: 'loading', previous: null }, SQL_SCHEMA)).toBeNull();
    expect(sqlText({ phase: 'loading', previous: files }, SQL_SCHEMA)).toBe('CREATE TABLE t ();');
    expect(sqlText({ phase: 'ready', files }, SQL_MIGRATIONS)).toBe('BEGIN;');
    expect(sqlText({ phase: 'failed', message: 'x', status: 500 }, SQL_SCHEMA)).toBeNull();
  });

  it('says what is missing as the server put it (503), else that it failed', () => {
    const missing = 'PostgreSQL SQL is unavailable on this server: … missing bubblewrap';
    expect(sqlStatusText({ phase: 'failed', message: missing, status: 503 })).toBe(missing);
    expect(sqlStatusText({ phase: 'failed', message: 'boom', status: 500 })).toBe(
      'The PostgreSQL SQL could not be made: boom',
    );
    expect(sqlStatusText({ phase: 'loading', previous: null })).toMatch(/^Making the PostgreSQL SQL/);
  });
});
