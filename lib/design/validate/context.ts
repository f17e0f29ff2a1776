import { associationTableFor, tableNameFor } from '../names';
import type { Design, DesignEnum, Entity, Field, Relation } from '../schema';
import type { Problem, ProblemCode } from './problem';

/** Lookups built once per validation run, plus the problem sink. */
export type Context = {
  design: Design;
  entities: Map<string, Entity>;
  fields: Map<string, { entity: Entity; field: Field }>;
  relations: Map<string, Relation>;
  enums: Map<string, DesignEnum>;
  problems: Problem[];
  report: (code: ProblemCode, path: string, message: string, elementId?: string) => void;
};

export function createContext(design: Design): Context {
  const problems: Problem[] = [];
  const fields = new Map<string, { entity: Entity; field: Field }>();
  for (const entity of design.entities)
    for (const field of entity.fields) fields.set(field.id, { entity, field });
  return {
    design,
    entities: new Map(design.entities.map((e) => [e.id, e])),
    fields,
    relations: new Map(design.relations.map((r) => [r.id, r])),
    enums: new Map(design.enums.map((e) => [e.id, e])),
    problems,
    report: (code, path, message, elementId) =>
      problems.push(elementId === undefined ? { code, path, message } : { code, path, message, elementId }),
  };
}

export function effectiveTableName(entity: Entity): string {
  return entity.tableName ?? tableNameFor(entity.name);
}

/** Association table of a plain many-to-many (undefined when it goes through an entity or is not m2m). */
export function effectiveAssociationTable(design: Design, relation: Relation): string | undefined {
  if (relation.kind !== 'many-to-many' || relation.throughEntityId !== undefined) return undefined;
  if (relation.associationTable !== undefined) return relation.associationTable;
  const from = design.entities.find((e) => e.id === relation.fromEntityId);
  return from ? associationTableFor(effectiveTableName(from), relation.fieldName) : undefined;
}

/** `'Title' (field of Post)` style labels for messages. */
export function fieldLabel(ctx: Context, fieldId: string): string {
  if (fieldId === 'id') return "'id'";
  const found = ctx.fields.get(fieldId);
  return found ? `'${found.entity.name}.${found.field.name}'` : `'${fieldId}'`;
}
