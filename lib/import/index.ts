import { assertImportable, detectFormat } from './detect';
import { importOpenApi } from './openapi';
import { importSql } from './sql';
import type { ImportFormat, ImportResult } from './types';

export { detectFormat, detectSqlDialect, MAX_IMPORT_BYTES } from './detect';
export * from './types';

export type ImportSource = {
  text: string;
  /** Absent: detected from the text (`detectFormat`). */
  format?: ImportFormat;
};

/**
 * Reads a SQL schema or an OpenAPI document into a design and a report. Pure. Throws ImportError (only) for a
 * source that cannot be read: empty, too large, a syntax error (with its position), not OpenAPI 3.x.
 */
export async function importSource({ text, format }: ImportSource): Promise<ImportResult> {
  assertImportable(text);
  const chosen = format ?? detectFormat(text);
  return chosen === 'openapi' ? importOpenApi(text) : importSql(text, chosen);
}
