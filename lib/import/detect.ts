import { utf8Length } from '@/lib/design/limits';
import { ImportError, type ImportFormat, type SqlDialect } from './types';

/** The largest source an import reads (UTF-8 bytes): a 500-table schema is well under 1 MiB. */
export const MAX_IMPORT_BYTES = 5 * 2 ** 20;

/** Comments and quoted strings say nothing about the dialect (a comment may well mention "AUTO_INCREMENT"). */
function withoutCommentsAndStrings(sql: string): string {
  return sql
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(--|#)[^\n]*/g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''");
}

/**
 * The SQL dialect from its tell-tale syntax: MySQL's AUTO_INCREMENT, ENGINE= and backtick quotes; SQLite's
 * AUTOINCREMENT, PRAGMA and [bracket] quotes; PostgreSQL otherwise (the most common dump, and its parser says precisely what is
 * wrong when the guess was not).
 */
export function detectSqlDialect(sql: string): SqlDialect {
  const code = withoutCommentsAndStrings(sql);
  if (/\bAUTO_INCREMENT\b|\bENGINE\s*=|`/i.test(code)) return 'mysql';
  // [Name] quoting too (SQLite accepts it; PostgreSQL's brackets follow a type or an expression, never a space).
  if (/\bAUTOINCREMENT\b|\bPRAGMA\b|\bWITHOUT\s+ROWID\b|(?:^|[\s,(.])\[[A-Za-z_][\w ]*\]/im.test(code))
    return 'sqlite';
  return 'postgresql';
}

/**
 * OpenAPI (JSON, or YAML with a top-level `openapi:` / `swagger:` key) or SQL. Any JSON object goes to the
 * OpenAPI importer too, which says why it is not a document it reads; everything else is SQL.
 */
export function detectFormat(text: string): ImportFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'openapi';
  // Only the first few KiB: a YAML document's top-level keys come first, and the test stays linear.
  if (/^["']?(openapi|swagger)["']?\s*:/m.test(start.slice(0, 64 * 1024))) return 'openapi';
  return detectSqlDialect(text);
}

/** What every import checks before parsing: not empty, not past MAX_IMPORT_BYTES. */
export function assertImportable(text: string): void {
  if (text.trim() === '')
    throw new ImportError('The file is empty: paste or choose a SQL schema or an OpenAPI document.');
  if (text.length > MAX_IMPORT_BYTES || utf8Length(text) > MAX_IMPORT_BYTES)
    throw new ImportError(
      `The file is larger than ${MAX_IMPORT_BYTES / 2 ** 20} MiB: import a smaller schema or document.`,
    );
}
