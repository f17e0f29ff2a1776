import { holdsForeignKey } from '../members';
import { foreignKeyColumnFor, snakeCase } from '../names';
import type { Entity } from '../schema';
import { type Context, effectiveAssociationTable, effectiveTableName } from './context';

/** PostgreSQL's NAMEDATALEN - 1: longer identifiers are silently truncated. */
export const MAX_IDENTIFIER_LENGTH = 63;

type Named = { name: string; what: string };

/**
 * Tables, columns and the constraint/index names the generated project derives from them (the naming convention
 * of `app/core/db.py`: `ix_<table>_<column>`, `uq_<table>_<column>`, `fk_<table>_<column>_<target table>`,
 * `pk_<table>`). PostgreSQL truncates anything past 63 bytes, so the database would no longer match the models and
 * migrations (`alembic check` fails, a second migration drops and recreates constraints). One problem per element.
 */
export function checkIdentifierLengths(ctx: Context): void {
  const { design } = ctx;
  const tableOf = (id: string): string | undefined => {
    const entity = ctx.entities.get(id);
    return entity ? effectiveTableName(entity) : undefined;
  };
  const report = (names: Named[], path: string, elementId: string, hint: string) => {
    const long = names.find((n) => n.name.length > MAX_IDENTIFIER_LENGTH);
    if (!long) return;
    ctx.report(
      'identifier-too-long',
      path,
      `The ${long.what} '${long.name}' is ${long.name.length} characters long; PostgreSQL keeps only ${MAX_IDENTIFIER_LENGTH}, so the database would not match the generated models and migrations. ${hint}`,
      elementId,
    );
  };
  design.entities.forEach((entity: Entity, i) => {
    if (entity.name === '' && entity.tableName === undefined) return;
    const t = effectiveTableName(entity);
    const tableHint = 'Choose a shorter table name.';
    report(
      [
        { name: t, what: 'table name' },
        { name: `pk_${t}`, what: 'primary key constraint name' },
      ],
      `entities[${i}].${entity.tableName === undefined ? 'name' : 'tableName'}`,
      entity.id,
      tableHint,
    );
    entity.fields.forEach((field, j) => {
      const names: Named[] = [{ name: field.name, what: 'column name' }];
      if (field.indexed) names.push({ name: `ix_${t}_${field.name}`, what: 'index name' });
      else if (field.unique) names.push({ name: `uq_${t}_${field.name}`, what: 'unique constraint name' });
      report(names, `entities[${i}].fields[${j}].name`, field.id, 'Choose a shorter field or table name.');
    });
  });
  design.relations.forEach((relation, k) => {
    const from = tableOf(relation.fromEntityId);
    const to = tableOf(relation.toEntityId);
    if (from === undefined || to === undefined) return;
    const hint = 'Choose a shorter relation name or shorter table names.';
    if (holdsForeignKey(relation)) {
      const column = foreignKeyColumnFor(relation.fieldName);
      report(
        [
          { name: column, what: 'foreign key column name' },
          { name: `ix_${from}_${column}`, what: 'index name' },
          { name: `fk_${from}_${column}_${to}`, what: 'foreign key constraint name' },
        ],
        `relations[${k}].fieldName`,
        relation.id,
        hint,
      );
      return;
    }
    const table = effectiveAssociationTable(design, relation);
    const fromEntity = ctx.entities.get(relation.fromEntityId);
    const toEntity = ctx.entities.get(relation.toEntityId);
    if (table === undefined || !fromEntity || !toEntity) return;
    // Same column names as the generator's association tables (`<entity>_id`, `related_<entity>_id` for self).
    const left = `${snakeCase(fromEntity.name)}_id`;
    const right = fromEntity.id === toEntity.id ? `related_${left}` : `${snakeCase(toEntity.name)}_id`;
    report(
      [
        { name: table, what: 'association table name' },
        { name: `pk_${table}`, what: 'primary key constraint name' },
        { name: left, what: 'association column name' },
        { name: right, what: 'association column name' },
        { name: `fk_${table}_${left}_${from}`, what: 'foreign key constraint name' },
        { name: `fk_${table}_${right}_${to}`, what: 'foreign key constraint name' },
      ],
      `relations[${k}].${relation.associationTable === undefined ? 'fieldName' : 'associationTable'}`,
      relation.id,
      'Choose a shorter association table name (or relation name).',
    );
  });
}
