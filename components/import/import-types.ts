import type { Operation } from '@/lib/design';
import type { Clash } from '@/lib/import/plan';
import type { ImportFormat, ImportReport, SourceLocation } from '@/lib/import/types';

/** The answer of `POST /api/import` and `POST /api/workspaces/{id}/import`. */
export type ImportAnswer = {
  format: ImportFormat;
  name: string;
  report: ImportReport;
  operations: Operation[];
  highlight: string[];
  clashes: Clash[];
};

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  postgresql: 'PostgreSQL',
  mysql: 'MySQL / MariaDB',
  sqlite: 'SQLite',
  openapi: 'OpenAPI 3.0 / 3.1',
};

export function locationText(at: SourceLocation | undefined): string {
  if (!at) return '';
  return 'pointer' in at ? at.pointer || '/' : `line ${at.line}:${at.column}`;
}

/** Proposals made by an import (not the assistant): the canvas offers Accept / Reject itself. */
export const IMPORT_PROPOSAL_PREFIX = 'import:';
