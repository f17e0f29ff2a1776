import { entityMembers } from '../members';
import {
  foreignKeyColumnFor,
  isPascalCase,
  isSnakeCase,
  isSqlReserved,
  PYTHON_KEYWORDS,
  pydanticAttributeReason,
  reservedClassNameReason,
  reservedFieldNameReason,
} from '../names';
import { PRIMARY_KEY_REF } from '../schema';
import { type Context, effectiveAssociationTable, effectiveTableName } from './context';

/** Ids, names, reserved words and collisions between names that end up in the same Python/SQL scope. */
export function checkIdentity(ctx: Context): void {
  const { design, report } = ctx;
  const seen = new Map<string, string>();
  const claim = (id: string, path: string) => {
    const first = seen.get(id);
    if (id === PRIMARY_KEY_REF)
      report('duplicate-id', path, "The id 'id' is reserved for primary key references.", id);
    else if (first)
      report('duplicate-id', path, `The id '${id}' is also used at ${first}; ids must be unique.`, id);
    else seen.set(id, path);
  };
  design.entities.forEach((entity, i) => {
    claim(entity.id, `entities[${i}]`);
    entity.fields.forEach((field, j) => {
      claim(field.id, `entities[${i}].fields[${j}]`);
    });
    entity.computed?.forEach((computed, j) => {
      claim(computed.id, `entities[${i}].computed[${j}]`);
    });
    entity.uniques?.forEach((unique, j) => {
      claim(unique.id, `entities[${i}].uniques[${j}]`);
    });
    entity.resource.actions?.forEach((action, j) => {
      claim(action.id, `entities[${i}].resource.actions[${j}]`);
    });
    entity.resource.viewerLists?.forEach((list, j) => {
      claim(list.id, `entities[${i}].resource.viewerLists[${j}]`);
    });
  });
  design.enums.forEach((item, i) => {
    claim(item.id, `enums[${i}]`);
  });
  design.relations.forEach((item, i) => {
    claim(item.id, `relations[${i}]`);
  });
  design.customEndpoints.forEach((item, i) => {
    claim(item.id, `customEndpoints[${i}]`);
  });
}

function checkClassName(ctx: Context, name: string, path: string, what: string, elementId: string) {
  if (name.trim() === '') return ctx.report('invalid-name', path, `${what} needs a name.`, elementId);
  if (!isPascalCase(name)) {
    return ctx.report(
      'invalid-name',
      path,
      `${what} name '${name}' must be PascalCase letters and digits, like 'BlogPost'.`,
      elementId,
    );
  }
  const reserved = reservedClassNameReason(name);
  if (reserved)
    ctx.report('reserved-name', path, `${what} name ${reserved}; choose another name.`, elementId);
}

/** Field names become columns and Python attributes: both reserved word lists apply. */
function checkMemberName(ctx: Context, name: string, path: string, what: string, elementId: string) {
  if (name.trim() === '') return ctx.report('invalid-name', path, `${what} needs a name.`, elementId);
  if (!isSnakeCase(name)) {
    return ctx.report(
      'invalid-name',
      path,
      `${what} name '${name}' must be snake_case (lowercase letters, digits and underscores), like 'created_by'.`,
      elementId,
    );
  }
  const reserved = reservedFieldNameReason(name);
  if (reserved)
    return ctx.report('reserved-name', path, `${what} name ${reserved}; choose another name.`, elementId);
  checkSchemaAttribute(ctx, name, path, what, elementId);
}

/** Fields and relations become attributes of the generated pydantic schemas too. */
function checkSchemaAttribute(ctx: Context, name: string, path: string, what: string, elementId: string) {
  const reason = pydanticAttributeReason(name);
  if (reason) {
    ctx.report(
      'shadows-model-attribute',
      path,
      `${what} name ${reason}: the generated request/response schemas would break. Choose another name.`,
      elementId,
    );
  }
}

export function checkNames(ctx: Context): void {
  const { design, report } = ctx;
  const classNames = new Map<string, string>();
  design.entities.forEach((entity, i) => {
    const path = `entities[${i}].name`;
    checkClassName(ctx, entity.name, path, 'Entity', entity.id);
    if (entity.name !== '' && classNames.has(entity.name)) {
      report('duplicate-entity-name', path, `Two entities are named '${entity.name}'.`, entity.id);
    }
    classNames.set(entity.name, entity.id);
    entity.fields.forEach((field, j) => {
      checkMemberName(ctx, field.name, `entities[${i}].fields[${j}].name`, 'Field', field.id);
    });
  });
  design.enums.forEach((item, i) => {
    const path = `enums[${i}].name`;
    checkClassName(ctx, item.name, path, 'Enum', item.id);
    if (item.name !== '' && classNames.has(item.name)) {
      report(
        'duplicate-enum-name',
        path,
        `'${item.name}' is already the name of another entity or enum.`,
        item.id,
      );
    }
    classNames.set(item.name, item.id);
  });
  design.relations.forEach((relation, i) => {
    const path = `relations[${i}]`;
    checkRelationName(ctx, relation.fieldName, `${path}.fieldName`, relation.id);
    checkRelationName(ctx, relation.backrefName, `${path}.backrefName`, relation.id);
    if (relation.kind !== 'many-to-many' && isSqlReserved(foreignKeyColumnFor(relation.fieldName))) {
      report(
        'reserved-name',
        `${path}.fieldName`,
        `Column '${relation.fieldName}_id' is reserved in SQL.`,
        relation.id,
      );
    }
  });
  checkTableNames(ctx);
  checkMemberCollisions(ctx);
}

/** Relation attributes are not columns, so only Python rules apply (`order` is fine, `from` is not). */
function checkRelationName(ctx: Context, name: string, path: string, relationId: string): void {
  if (!isSnakeCase(name)) {
    ctx.report(
      'invalid-name',
      path,
      `Relation name '${name}' must be snake_case, like 'author'.`,
      relationId,
    );
  } else if (PYTHON_KEYWORDS.has(name)) {
    ctx.report('reserved-name', path, `Relation name '${name}' is a Python keyword.`, relationId);
  } else checkSchemaAttribute(ctx, name, path, 'Relation', relationId);
}

function checkTableNames(ctx: Context): void {
  const tables = new Map<string, string>();
  const claim = (table: string, path: string, elementId: string) => {
    if (!isSnakeCase(table)) {
      ctx.report(
        'invalid-name',
        path,
        `Table name '${table}' must be snake_case, like 'blog_posts'.`,
        elementId,
      );
    } else if (isSqlReserved(table)) {
      ctx.report('reserved-name', path, `Table name '${table}' is a reserved word in SQL.`, elementId);
    }
    const other = tables.get(table);
    if (other !== undefined) {
      ctx.report('duplicate-table-name', path, `Table '${table}' is also used by ${other}.`, elementId);
    } else tables.set(table, path);
  };
  ctx.design.entities.forEach((entity, i) => {
    if (entity.name === '' && entity.tableName === undefined) return;
    claim(effectiveTableName(entity), `entities[${i}].tableName`, entity.id);
  });
  ctx.design.relations.forEach((relation, i) => {
    const table = effectiveAssociationTable(ctx.design, relation);
    if (table !== undefined) claim(table, `relations[${i}].associationTable`, relation.id);
  });
}

const MEMBER_LABEL = {
  'primary-key': 'the primary key column',
  timestamp: 'a timestamp column',
  field: 'a field',
  'fk-column': 'the foreign key column of a relation',
  relation: 'a relation',
  backref: 'the back-reference of a relation',
} as const;

/** Field vs field, field vs FK column/relation/back-reference, relation vs relation on the same entity. */
function checkMemberCollisions(ctx: Context): void {
  ctx.design.entities.forEach((entity, i) => {
    const seen = new Map<string, { kind: keyof typeof MEMBER_LABEL; elementId: string }>();
    for (const member of entityMembers(ctx.design, entity)) {
      if (member.name === '') continue;
      const first = seen.get(member.name);
      if (!first) {
        seen.set(member.name, member);
        continue;
      }
      // Point at the field when one is involved: that is the name the user typed on this entity.
      const target = member.kind !== 'field' && first.kind === 'field' ? first : member;
      const fieldIndex = entity.fields.findIndex((f) => f.id === target.elementId);
      const path = fieldIndex >= 0 ? `entities[${i}].fields[${fieldIndex}].name` : `entities[${i}]`;
      const code =
        first.kind === 'field' && member.kind === 'field' ? 'duplicate-field-name' : 'name-collision';
      const message =
        code === 'duplicate-field-name'
          ? `'${entity.name}' has two fields named '${member.name}'.`
          : `In '${entity.name}', '${member.name}' is both ${MEMBER_LABEL[first.kind]} and ${MEMBER_LABEL[member.kind]}.`;
      ctx.report(code, path, message, target.elementId);
    }
  });
}
