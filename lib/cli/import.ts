import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importAsDesign } from '@/lib/import/as-design';
import { IMPORT_FORMATS, ImportError, type ImportFormat, type SourceLocation } from '@/lib/import/types';

/** `FILE:line:column` (SQL) or `FILE#/pointer` (OpenAPI): what terminals and editors jump to. */
function place(file: string, at: SourceLocation | undefined): string {
  if (!at) return file;
  return 'pointer' in at ? `${file}#${at.pointer}` : `${file}:${at.line}:${at.column}`;
}

export class ImportCliError extends Error {}

/**
 * `fastdraft import FILE [--format F] [--out design.json]`: the report on stderr (approximated and skipped
 * entries with their place, then a summary), the design as JSON to `--out` or stdout. A file that does not read:
 * its place and reason, exit 1, nothing written.
 */
export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string' }, out: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file) throw new ImportCliError('Give the SQL or OpenAPI file to import.');
  const format = values.format;
  if (format !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(format))
    throw new ImportCliError(`Unknown format "${format}". Formats: ${IMPORT_FORMATS.join(', ')}.`);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new ImportCliError(`Cannot read ${file}.`);
  }
  let result: Awaited<ReturnType<typeof importAsDesign>>;
  try {
    result = await importAsDesign({ text, ...(format ? { format: format as ImportFormat } : {}) });
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    console.error(`${place(file, error.at)}: error: ${error.message}`);
    return 1;
  }
  const { design, report } = result;
  const count = { imported: 0, approximated: 0, skipped: 0 };
  for (const entry of report.entries) {
    count[entry.status]++;
    if (entry.status !== 'imported')
      console.error(
        `${place(file, entry.at)}: ${entry.status}: ${entry.subject}${entry.message ? `: ${entry.message}` : ''}`,
      );
  }
  console.error(
    `${report.format}: ${count.imported} imported, ${count.approximated} approximated, ${count.skipped} skipped; ` +
      `${design.entities.length} entities, ${design.enums.length} enums, ${design.relations.length} relations, ` +
      `${design.customEndpoints.length} custom endpoints.`,
  );
  const json = `${JSON.stringify(design, null, 2)}\n`;
  if (!values.out) {
    process.stdout.write(json);
    return 0;
  }
  const out = path.resolve(values.out);
  await fs.mkdir(path.dirname(out), { recursive: true });
  await fs.writeFile(out, json);
  console.error(`Wrote ${out}`);
  return 0;
}
