import type { Design } from '@/lib/design';

/**
 * The contract between the importers (SQL DDL, OpenAPI) and what consumes them (the import plan, the API route,
 * the CLI, the round-trip tests). Importers are pure: source text in, a design holding only what was imported plus
 * a report out. Turning that design into operations on a workspace (new or merged, clashes, layout) is
 * `lib/import/plan.ts`'s job, not the importers'.
 */

export const SQL_DIALECTS = ['postgresql', 'mysql', 'sqlite'] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];
export const IMPORT_FORMATS = [...SQL_DIALECTS, 'openapi'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Where a construct came from: a 1-based line and column of SQL text, or an RFC 6901 JSON pointer of a document. */
export type SourceLocation = { line: number; column: number } | { pointer: string };

export type ReportStatus = 'imported' | 'approximated' | 'skipped';

export interface ReportEntry {
  status: ReportStatus;
  /** What the entry is about, as the source names it: `table users`, `column users.email`, `GET /pets/{id}`. */
  subject: string;
  /** For approximated and skipped entries, the reason (what the design cannot say, and what it says instead). */
  message?: string;
  at?: SourceLocation;
}

export interface ImportReport {
  format: ImportFormat;
  entries: ReportEntry[];
}

export interface ImportResult {
  /**
   * A complete design that passes DesignSchema, holding only what was imported. Ids are deterministic for the same
   * input (derived from source names), so tests and golden files are stable; `layout.nodes` may be empty.
   */
  design: Design;
  report: ImportReport;
}

/** The source could not be read at all (syntax error, not OpenAPI 3.x, too large): nothing is imported. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly at?: SourceLocation,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
