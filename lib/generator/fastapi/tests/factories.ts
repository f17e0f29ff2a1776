import type { IrEntity, IrProject } from '../../ir/types';
import { indent, module } from '../../python/code';
import { Imports } from '../../python/imports';
import { pyStr } from '../../python/literal';
import { wireName } from '../envelopes';
import { sampleFor } from './samples';

/** Fields a new row must be given: required, no default, writable or not. */
function requiredFields(entity: IrEntity) {
  return entity.fields.filter((f) => !f.nullable && f.default === undefined);
}

/** Non-nullable FKs to other tables (self-references stay empty: a first row cannot point to itself). */
function requiredParents(entity: IrEntity) {
  return entity.fks.filter((fk) => !fk.nullable && fk.targetId !== entity.id);
}

export const factoryName = (entity: IrEntity) => `create_${entity.varName}`;

/**
 * Factories of a project with auth take `owned_by`: the row (through its owner path) belongs to that user,
 * and parents it needs are created for them too, so a body referencing them is one the user may send.
 */
function takesOwner(project: IrProject, entity: IrEntity): boolean {
  return project.auth !== null && !entity.isUser;
}

/** The id of a new parent row (or the owning user), as the factories' code. */
function parentId(parent: IrEntity, owned: boolean): string {
  // A parent with public rows is created public: children of a hidden row are hidden with it.
  const flag =
    parent.resource.publicRows && parent.resource.ownership ? `${parent.resource.publicRows.name}=True` : '';
  if (!owned) return `(await ${factoryName(parent)}(${flag})).id`;
  if (parent.isUser) return `(owned_by or await ${factoryName(parent)}(${flag})).id`;
  return `(await ${factoryName(parent)}(owned_by=owned_by${flag ? `, ${flag}` : ''})).id`;
}
export const payloadName = (entity: IrEntity) => `${entity.varName}_payload`;

/**
 * `tests/factories.py`: `create_<entity>(**overrides)` inserts a row through the ORM (parents created on
 * demand) and `<entity>_payload(**overrides)` builds a valid create body. Both run on the app's event loop
 * via `tests.utils.run`.
 */
export function emitFactories(project: IrProject): string {
  const names = project.entities.flatMap((e) => [factoryName(e), payloadName(e)]);
  const imports = new Imports([
    'n',
    'values',
    'row',
    'session',
    'overrides',
    'payload',
    'owned_by',
    'key',
    'value',
    '_counter',
    ...names,
  ]);
  if (project.entities.length === 0) return `${pyStr('No models yet, so no factories.')}\n`;
  const any = imports.from('typing', 'Any');
  const itertools = imports.module('itertools');
  const sessionLocal = imports.from('app.core.db', 'SessionLocal');
  const blocks = [`_counter = ${itertools}.count(1)`];
  for (const entity of project.entities) {
    const model = imports.from(`app.models.${entity.module}`, entity.className);
    const lines = [`values: dict[str, ${any}] = {`];
    for (const f of requiredFields(entity))
      lines.push(`    ${pyStr(f.name)}: ${sampleFor(f, imports, 'model')},`);
    lines.push('}');
    if (usesCounter(lines)) lines.unshift('n = next(_counter)');
    const owned = takesOwner(project, entity);
    for (const fk of requiredParents(entity)) {
      const parent = project.entityById.get(fk.targetId) as IrEntity;
      lines.push(
        `if ${pyStr(fk.column)} not in overrides:`,
        `    values[${pyStr(fk.column)}] = ${parentId(parent, owned)}`,
      );
    }
    const ownerParam = owned ? `owned_by: ${userModel(project, imports)} | None = None, ` : '';
    lines.push(
      'values.update(overrides)',
      `async with ${sessionLocal}() as session:`,
      `    row = ${model}(**values)`,
      '    session.add(row)',
      '    await session.commit()',
      '    await session.refresh(row)',
      // A lookup through a relation reads the related row's field: loaded with the row.
      ...(entity.resource.lookup.via
        ? [`    await session.refresh(row, [${pyStr(entity.resource.lookup.via.attr)}])`]
        : []),
      '    return row',
    );
    blocks.push(
      `async def ${factoryName(entity)}(${ownerParam}**overrides: ${any}) -> ${model}:\n${indent(lines.join('\n'))}`,
    );

    const create = entity.fields.filter((f) => f.inCreate && !f.nullable);
    const payload = [`payload: dict[str, ${any}] = {`];
    for (const f of create) payload.push(`    ${pyStr(f.api)}: ${sampleFor(f, imports, 'json')},`);
    payload.push('}');
    if (usesCounter(payload)) payload.unshift('n = next(_counter)');
    for (const fk of entity.fks.filter((k) => k.inCreate && !k.nullable)) {
      const parent = project.entityById.get(fk.targetId) as IrEntity;
      payload.push(
        `if ${pyStr(fk.column)} not in overrides:`,
        `    payload[${pyStr(wireName(entity, fk.column))}] = ${jsonId(parent, parentId(parent, owned))}`,
      );
    }
    // Overrides are given by attribute name (`author_id=`), the body carries JSON names.
    const renamed = [...entity.wire].map(([python, json]) => `${pyStr(python)}: ${pyStr(json)}`);
    payload.push(
      renamed.length === 0
        ? 'payload.update(overrides)'
        : `payload.update({{${renamed.join(', ')}}.get(key, key): value for key, value in overrides.items()})`,
      'return payload',
    );
    blocks.push(
      `async def ${payloadName(entity)}(${ownerParam}**overrides: ${any}) -> dict[str, ${any}]:\n${indent(payload.join('\n'))}`,
    );
  }
  return module(
    imports.render(),
    blocks,
    '"""Rows and request bodies for the tests, valid by construction."""',
  );
}

function userModel(project: IrProject, imports: Imports): string {
  const user = project.entityById.get(project.auth?.userId as string) as IrEntity;
  return imports.from(`app.models.${user.module}`, user.className);
}

/** Whether sample expressions (after the dict key) use the counter `n`. */
function usesCounter(lines: string[]): boolean {
  return lines.some((line) => /\bn\b/.test(line.replace(/^\s*"(?:[^"\\]|\\.)*":/, '')));
}

/** A primary key as JSON: UUIDs are sent as strings. */
export function jsonId(entity: IrEntity, expr: string): string {
  return entity.primaryKey === 'uuid' ? `str(${expr})` : expr;
}
