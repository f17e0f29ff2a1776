/** Columns -> fields (types, NULL, defaults, comments) and the enums they use. */
import { newField } from '@/lib/design/factories';
import { LIMITS } from '@/lib/design/limits';
import { snakeCase, tableNameFor } from '@/lib/design/names';
import type { DesignEnum } from '@/lib/design/schema';
import type { EntityBuild } from './build-state';
import { mapType } from './column-types';
import { mapDefault } from './defaults';
import type { SqlColumn, SqlSchema } from './model';
import { displayName } from './model';
import { claim, className, elementId, fieldName, singularize, tableName } from './naming';
import type { Reporter } from './report';

export interface EnumBuild {
  design: DesignEnum;
  declared: boolean;
  used: boolean;
}

export function enumValues(
  values: readonly string[],
  subject: string,
  report: Reporter,
  at: { line: number; column: number },
) {
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const value of values) {
    if (value.trim() === '' || value.length > LIMITS.enumValueLength || kept.includes(value))
      dropped.push(value);
    else if (kept.length >= LIMITS.valuesPerEnum) dropped.push(value);
    else kept.push(value);
  }
  if (dropped.length > 0) {
    report.note(
      subject,
      at,
      `${dropped.length} value(s) dropped: empty, duplicate, longer than ${LIMITS.enumValueLength} characters or past ${LIMITS.valuesPerEnum} values`,
    );
  }
  return kept;
}

/** PostgreSQL's `CREATE TYPE ... AS ENUM`; MySQL's inline enums are added per column by `addFields`. */
export function buildEnums(
  schema: SqlSchema,
  classNames: Set<string>,
  report: Reporter,
): Map<string, EnumBuild> {
  const out = new Map<string, EnumBuild>();
  for (const item of schema.enums) {
    const subject = `enum ${displayName(item.name)}`;
    if (out.has(item.name.name)) {
      report.add('skipped', subject, item.at, 'This enum type is created twice; the first one is kept.');
      continue;
    }
    if (out.size >= LIMITS.enums) {
      report.add('skipped', subject, item.at, `A design holds at most ${LIMITS.enums} enums.`);
      continue;
    }
    const snake = tableName(item.name.name).name;
    const name = claim(className(snake, 'Type'), classNames, '');
    const id = elementId('en', snake);
    report.add('imported', subject, item.at, undefined, id);
    const values = enumValues(item.values, subject, report, item.at);
    if (snakeCase(name) !== item.name.name)
      report.note(subject, item.at, `the type is named '${snakeCase(name)}'`);
    out.set(item.name.name, { design: { id, name, values }, declared: true, used: false });
  }
  return out;
}

/** Enums by PostgreSQL type name (MySQL's inline ones under `#table.column`). */
export type EnumMap = Map<string, EnumBuild>;

/** `classNames`: the entity and enum names taken so far (MySQL's inline enums claim theirs here). */
export function addFields(
  build: EntityBuild,
  enums: EnumMap,
  classNames: Set<string>,
  report: Reporter,
): void {
  const { table, entity } = build;
  const userEnums = new Set([...enums.keys()]);
  for (const column of table.columns) {
    const subject = `column ${displayName(table.name)}.${column.name}`;
    if (column.name === build.pkColumn) {
      report.add('imported', subject, column.at, undefined);
      continue;
    }
    if (build.fkColumns.has(column.name)) continue; // reported with its foreign key
    if (entity.timestamps && (column.name === 'created_at' || column.name === 'updated_at')) {
      report.add('imported', subject, column.at, undefined);
      continue;
    }
    const mapped = mapType(column.type, userEnums);
    if ('skip' in mapped) {
      report.add('skipped', subject, column.at, `${mapped.skip}.`);
      continue;
    }
    if (entity.fields.length >= LIMITS.fieldsPerEntity) {
      report.add('skipped', subject, column.at, `An entity holds at most ${LIMITS.fieldsPerEntity} fields.`);
      continue;
    }
    const why: string[] = [];
    const sanitised = fieldName(column.name);
    if (sanitised.reason) why.push(sanitised.reason);
    const name = claim(sanitised.name, build.members);
    if (name !== sanitised.name)
      why.push(`'${sanitised.name}' is already a column or attribute of the entity`);
    if (name !== column.name) why.push(`the column is named '${name}'`);
    if (mapped.approximation) why.push(mapped.approximation);
    const field = newField(
      elementId('f', entity.tableName ?? tableNameFor(entity.name), name),
      name,
      mapped.type,
      {
        nullable: !column.notNull,
      },
    );
    if (mapped.maxLength !== undefined)
      field.constraints.maxLength = Math.min(mapped.maxLength, LIMITS.integer);
    if (mapped.precision !== undefined) field.precision = mapped.precision;
    if (mapped.scale !== undefined) field.scale = mapped.scale;
    let enumDef: DesignEnum | undefined;
    if (mapped.type === 'enum') {
      enumDef = enumFor(build, column, name, enums, classNames, report, why);
      if (!enumDef) {
        field.type = 'text';
      } else field.enumId = enumDef.id;
    }
    if (column.comment) field.description = column.comment.slice(0, LIMITS.descriptionLength);
    if (column.comment && column.comment.length > LIMITS.descriptionLength)
      why.push(`its comment is cut to ${LIMITS.descriptionLength} characters`);
    if (column.default) {
      const result = mapDefault(column.default, field, enumDef);
      if ('value' in result) field.default = result.value;
      else why.push(result.skip);
    }
    if (column.autoIncrement) why.push('auto-increment is only kept on the primary key');
    entity.fields.push(field);
    build.fields.set(column.name, field);
    report.add(
      why.length ? 'approximated' : 'imported',
      subject,
      column.at,
      why.length ? `Field '${name}' (${field.type}): ${why.join('; ')}.` : undefined,
      field.id,
    );
  }
}

/** The design enum of an enum column: a PostgreSQL type by name, or a new enum for MySQL's inline `ENUM(...)`. */
export function enumFor(
  build: EntityBuild,
  column: SqlColumn,
  name: string,
  enums: EnumMap,
  classNames: Set<string>,
  report: Reporter,
  why: string[],
): DesignEnum | undefined {
  if (!column.type.enumValues) {
    const found = enums.get(column.type.name);
    if (found) found.used = true;
    return found?.design;
  }
  const table = build.entity.tableName ?? tableNameFor(build.entity.name);
  const key = `${table}.${name}`;
  if (enums.size >= LIMITS.enums) {
    why.push(`a design holds at most ${LIMITS.enums} enums: the column becomes text`);
    return undefined;
  }
  const values = enumValues(
    column.type.enumValues,
    `column ${displayName(build.table.name)}.${column.name}`,
    report,
    column.at,
  );
  if (values.length === 0) {
    why.push('its enum has no values: the column becomes text');
    return undefined;
  }
  const enumName = claim(className(`${singularize(table)}_${name}`, 'Type'), classNames, '');
  const design: DesignEnum = { id: elementId('en', table, name), name: enumName, values };
  enums.set(`#${key}`, { design, declared: false, used: true });
  why.push(`its values become the enum '${enumName}'`);
  return design;
}
