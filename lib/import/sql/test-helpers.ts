import { expect } from 'vitest';
import type { Entity, Field, Relation } from '@/lib/design/schema';
import { DesignSchema } from '@/lib/design/schema';
import { validateDesign } from '@/lib/design/validate';
import type { ImportResult, ReportEntry, SqlDialect } from '../types';
import { importSql } from './index';

/** Imports and asserts what every import must give: a design that passes DesignSchema and validateDesign. */
export async function imported(sql: string, dialect: SqlDialect = 'postgresql'): Promise<ImportResult> {
  const result = await importSql(sql, dialect);
  DesignSchema.parse(result.design);
  expect(validateDesign(result.design)).toEqual([]);
  return result;
}

export function entityOf(result: ImportResult, name: string): Entity {
  const found = result.design.entities.find((e) => e.name === name);
  if (!found) throw new Error(`no entity ${name} in ${result.design.entities.map((e) => e.name).join(', ')}`);
  return found;
}

export function fieldOf(entity: Entity, name: string): Field {
  const found = entity.fields.find((f) => f.name === name);
  if (!found) throw new Error(`no field ${name} in ${entity.fields.map((f) => f.name).join(', ')}`);
  return found;
}

export function relationOf(result: ImportResult, fieldName: string): Relation {
  const found = result.design.relations.find((r) => r.fieldName === fieldName);
  if (!found) throw new Error(`no relation ${fieldName}`);
  return found;
}

export function entryOf(result: ImportResult, subject: string): ReportEntry {
  const found = result.report.entries.filter((e) => e.subject === subject);
  if (found.length !== 1)
    throw new Error(
      `${found.length} entries for ${subject}: ${result.report.entries
        .slice(0, 40)
        .map((e) => e.subject)
        .join(' | ')}`,
    );
  return found[0] as ReportEntry;
}
