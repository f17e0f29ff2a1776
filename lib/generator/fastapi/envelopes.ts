import {
  PYTHON_KEYWORDS,
  PYTHON_RESERVED_FIELD_NAMES,
  pydanticAttributeReason,
  snakeCase,
} from '@/lib/design/names';
import { itemResponse } from '../ir/operations';
import { bodyEnvelopeName, enveloped, envelopeName } from '../ir/shape';
import type { IrEntity, IrOperation, IrSchemaRef } from '../ir/types';
import { indent } from '../python/code';
import type { Imports } from '../python/imports';
import { pyDocstring, pyStr } from '../python/literal';

/**
 * The generated classes of the API's shape: envelopes (`{"article": {...}}`) around answers and bodies, and the
 * aliases that give attributes their JSON names. Reusable by other emitters (auth: the user object of
 * register/me) through `envelopeClass`, `aliasedAttr` and `wrapExpr`.
 */

/** The JSON key of a schema attribute of `entity` (`author_id` -> `authorId` in camelCase). */
export function wireName(entity: IrEntity, name: string): string {
  return entity.wire.get(name) ?? name;
}

/** The JSON key as Python text (`"authorId"`) for `Field(alias=...)` when it differs from the attribute, else undefined. */
export function aliasKw(entity: IrEntity, name: string): string | undefined {
  const json = wireName(entity, name);
  return json === name ? undefined : pyStr(json);
}

/**
 * `model_config` arguments that let a model with aliases be filled by attribute name as well as by JSON name
 * (`populate_by_name`: pydantic >= 2.9 honours it; 2.11's `validate_by_name` would need a newer pin).
 */
export function aliasConfig(hasAliases: boolean): string[] {
  return hasAliases ? ['populate_by_name=True'] : [];
}

/** Python attribute name for a JSON key: its snake_case when that is a safe attribute, else `fallback`. */
export function attrFor(key: string, fallback: string): string {
  const name = snakeCase(key);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) return fallback;
  if (PYTHON_KEYWORDS.has(name) || PYTHON_RESERVED_FIELD_NAMES.has(name) || pydanticAttributeReason(name))
    return fallback;
  return name;
}

/** `attr: type` or `attr: type = Field(alias="key")`: an attribute answered/accepted under `key`. */
export function aliasedAttr(
  attr: string,
  type: string,
  key: string,
  imports: Imports,
  readOnly = false,
): string {
  // A value the server derives is marked `readOnly` in OpenAPI.
  const args = [
    ...(attr === key ? [] : [`alias=${pyStr(key)}`]),
    ...(readOnly ? ['json_schema_extra={"readOnly": True}'] : []),
  ];
  if (args.length === 0) return `${attr}: ${type}`;
  return `${attr}: ${type} = ${imports.from('pydantic', 'Field')}(${args.join(', ')})`;
}

/**
 * `class <name>(BaseModel)` holding one object of `type` under the JSON `key` (attribute `attrFor(key)`).
 * `closed`: a request body (unknown keys are a 422).
 */
export function envelopeClass(
  name: string,
  type: string,
  key: string,
  doc: string,
  imports: Imports,
  closed: boolean,
): string {
  const attr = envelopeAttr(key);
  const config = [...(closed ? ['extra="forbid"'] : []), ...aliasConfig(attr !== key)];
  const lines = [pyDocstring(doc, '    ') ?? '"""."""', ''];
  if (config.length > 0) {
    lines.push(`model_config = ${imports.from('pydantic', 'ConfigDict')}(${config.join(', ')})`, '');
  }
  lines.push(aliasedAttr(attr, type, key, imports));
  return `class ${name}(${imports.from('pydantic', 'BaseModel')}):\n${indent(lines.join('\n'))}`;
}

/** The attribute of an envelope's one object. */
export const envelopeAttr = (key: string): string => attrFor(key, 'item');

/** `app/schemas/<entity>.py`: the wrapped create/update/replace bodies (`{"article": {...}}`). */
export function emitBodyEnvelopes(entity: IrEntity, schemas: string[], imports: Imports): string[] {
  const key = entity.resource.shape.bodyKey;
  if (key === null) return [];
  return schemas.map((schema) =>
    envelopeClass(
      bodyEnvelopeName(schema),
      schema,
      key,
      `Body of a request: a ${schema} under ${pyStr(key)}.`,
      imports,
      true,
    ),
  );
}

/** `app/schemas/responses.py`: the envelopes of the single objects the entity's routes answer. */
export function emitResponseEnvelopes(
  entity: IrEntity,
  imports: Imports,
  local: ReadonlySet<string>,
): string[] {
  const key = entity.resource.shape.objectKey;
  if (key === null) return [];
  return enveloped(entity, (view) => itemResponse(entity, view)).map((item: IrSchemaRef) =>
    envelopeClass(
      envelopeName(item.name),
      local.has(item.name) ? item.name : imports.from(item.module, item.name),
      key,
      `A ${entity.className} answered under ${pyStr(key)}.`,
      imports,
      false,
    ),
  );
}

/** `return` value of a single-object operation: the item, or the item inside its envelope. */
export function wrapExpr(entity: IrEntity, op: IrOperation, item: string, imports: Imports): string {
  const key = entity.resource.shape.objectKey;
  if (key === null || !op.response) return item;
  const envelope = imports.from(op.response.module, op.response.name);
  return `${envelope}(${envelopeAttr(key)}=${item})`;
}

/** The body parameter's inner object: `body = wrapped.<attr>` when bodies are wrapped. */
export function unwrapBody(entity: IrEntity, op: IrOperation): string[] {
  const key = entity.resource.shape.bodyKey;
  if (key === null || !op.body || op.body.param === 'body') return [];
  return [`body = ${op.body.param}.${envelopeAttr(key)}`];
}

/** The attributes of `<Entity>List` (`{"articles": [...], "articlesCount": 3}`), with the paging echoed. */
export function listAttrs(
  entity: IrEntity,
  item: string,
  imports: Imports,
): { lines: string[]; aliased: boolean } {
  const shape = entity.resource.shape;
  const list = shape.list;
  if (list.kind === 'array') return { lines: [], aliased: false };
  const attrs: Array<[string, string, string]> = [['items', `list[${item}]`, list.itemsKey]];
  if (list.countKey !== null) attrs.push(['total', 'int', list.countKey]);
  if (list.echoPaging) {
    const paging = shape.paging;
    if (paging.style === 'offset')
      attrs.push(['limit', 'int', paging.limitParam], ['offset', 'int', paging.offsetParam]);
    else if (paging.style === 'page')
      attrs.push(['page', 'int', paging.pageParam], ['size', 'int', paging.sizeParam]);
  }
  return {
    lines: attrs.map(([attr, type, key]) => aliasedAttr(attr, type, key, imports)),
    aliased: attrs.some(([attr, , key]) => attr !== key),
  };
}

/** The keyword arguments of `<Entity>List(...)` in the list handler. */
export function listArgs(entity: IrEntity, items: string, total: string): string[] {
  const shape = entity.resource.shape;
  const list = shape.list;
  if (list.kind === 'array') return [];
  const args = [`items=${items}`];
  if (list.countKey !== null) args.push(`total=${total}`);
  if (list.echoPaging) {
    if (shape.paging.style === 'offset') args.push('limit=limit', 'offset=offset');
    else if (shape.paging.style === 'page') args.push('page=page', 'size=size');
  }
  return args;
}
