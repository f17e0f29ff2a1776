import { DesignSchema } from '@/lib/design/schema';
import { ImportError, type ImportResult, type SqlDialect } from '../types';
import { buildDesign, type SqlSources } from './build';

export type { SqlSources } from './build';

import type { SqlSchema } from './model';
import { readPostgres } from './postgresql';

/**
 * SQL DDL -> a design of what it holds and a report of what was imported, approximated or skipped (with lines).
 * PostgreSQL goes through PostgreSQL's own parser (libpg-query); MySQL/MariaDB and SQLite through node-sql-parser.
 * Unreadable input is an ImportError with the parser's position; nothing else is thrown for bad input.
 */
export async function importSql(text: string, dialect: SqlDialect): Promise<ImportResult> {
  const { design, report } = await importSqlWithSources(text, dialect);
  return { design, report };
}

/** `importSql` plus where each element came from (the SQL round trip lines the catalogs up with it). */
export async function importSqlWithSources(
  text: string,
  dialect: SqlDialect,
): Promise<ImportResult & { sources: SqlSources }> {
  const schema = await readSchema(text, dialect);
  const result = buildDesign(schema, dialect);
  const checked = DesignSchema.safeParse(result.design);
  if (!checked.success) {
    // The builder keeps within the schema's limits; this is the last guard, not a path bad input should reach.
    const issue = checked.error.issues[0];
    throw new ImportError(`The imported design is not valid: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return { design: checked.data, report: result.report, sources: result.sources };
}

async function readSchema(text: string, dialect: SqlDialect): Promise<SqlSchema> {
  switch (dialect) {
    case 'postgresql':
      return readPostgres(text);
    case 'mysql':
    case 'sqlite': {
      const { readWithSqlParser } = await import('./sql-parser');
      return readWithSqlParser(text, dialect);
    }
  }
}
