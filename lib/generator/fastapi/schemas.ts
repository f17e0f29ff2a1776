import { withArticle } from '../ir/article';
import { itemResponse } from '../ir/operations';
import { enveloped, envelopeName, hasReplace, replaceSchemaName } from '../ir/shape';
import type { IrEntity, IrField, IrForeignKey, IrLinkWrite, IrProject, IrView } from '../ir/types';
import { viewerPages } from '../ir/viewer-lists';
import { indent, kwargs, module } from '../python/code';
import { Imports } from '../python/imports';
import { pyDocstring, pyLongStr, pyNumber, pyStr, pyValue } from '../python/literal';
import { entityPkType, isMutableLiteral, literalDefault } from './columns';
import { computedSchemaAttrs } from './computed';
import {
  aliasConfig,
  aliasedAttr,
  aliasKw,
  emitBodyEnvelopes,
  emitResponseEnvelopes,
  listAttrs,
  wireName,
} from './envelopes';
import { decimalDigits, inputMaxLength, intBounds, optional, pyValueType } from './types';
import { valueListAttrs, valueListInput, writableLists } from './value-lists';

/** `replace`: a PUT body, required fields required like a create, passwords optional (unchanged when absent). */
type Mode = 'create' | 'update' | 'replace';

/** `Field(...)` keyword arguments for the constraints, description and example of an input field. */
export function constraintArgs(field: IrField): Array<[string, string | false | undefined]> {
  const c = field.constraints;
  const textual = ['string', 'text', 'email', 'url', 'password'].includes(field.type);
  const numeric = ['integer', 'bigint', 'float', 'decimal'].includes(field.type);
  // The column length bounds strings too (a longer value would fail in the database, not with a 422);
  // text and passwords have a default maximum (see inputMaxLength).
  const maxLength = inputMaxLength(field);
  const digits = decimalDigits(field);
  const ints = intBounds(field);
  const num = (v: number | undefined) => (v === undefined ? undefined : pyNumber(v));
  return [
    ['min_length', textual && c.minLength !== undefined && c.minLength > 0 && pyNumber(c.minLength)],
    ['max_length', maxLength !== undefined && pyNumber(maxLength)],
    ['pattern', textual && c.pattern !== undefined && pyStr(c.pattern)],
    // Integers are bounded by their column too (INTEGER, BIGINT): larger ones are a 422, not a 500.
    ['ge', ints ? ints.ge : numeric ? num(c.min) : undefined],
    ['le', ints ? ints.le : numeric ? num(c.max) : undefined],
    ['max_digits', field.type === 'decimal' && pyNumber(digits.precision)],
    ['decimal_places', field.type === 'decimal' && pyNumber(digits.scale)],
    ['description', field.description.trim() !== '' && pyLongStr(field.description)],
    ['examples', field.example !== undefined && `[${pyValue(field.example)}]`],
  ];
}

/** `alias`: the field's JSON name as Python text, when it differs from the attribute. */
export function inputField(field: IrField, imports: Imports, mode: Mode, alias?: string): string {
  const type = pyValueType(field, imports, 'input');
  const fieldFn = () => imports.from('pydantic', 'Field');
  const partial = mode === 'update' || (mode === 'replace' && field.isPassword);
  let annotation = optional(type, field.nullable || partial);
  let defaultArg: [string, string | undefined] = ['default', undefined];
  let factory: string | undefined;
  if (partial) defaultArg = ['default', 'None'];
  else if (field.default?.kind === 'literal') {
    const value = literalDefault(field, field.default.value, imports);
    if (isMutableLiteral(field.default.value)) factory = `lambda: ${value}`;
    else defaultArg = ['default', value];
  } else if (field.default?.kind === 'now') {
    const dt = imports.module('datetime', 'dt');
    factory = field.type === 'date' ? `${dt}.date.today` : `lambda: ${dt}.datetime.now(${dt}.UTC)`;
  } else if (field.default?.kind === 'uuid') factory = `${imports.module('uuid')}.uuid4`;
  else if (field.nullable) defaultArg = ['default', 'None'];
  if (field.type === 'json') annotation = type;
  const args = kwargs([defaultArg, ['default_factory', factory], ['alias', alias], ...constraintArgs(field)]);
  if (args.length === 0) return `${field.name}: ${annotation}`;
  if (args.length === 1 && defaultArg[1] !== undefined)
    return `${field.name}: ${annotation} = ${defaultArg[1]}`;
  return `${field.name}: ${annotation} = ${fieldFn()}(${args.join(', ')})`;
}

export function fkInput(
  fk: IrForeignKey,
  project: IrProject,
  imports: Imports,
  mode: Mode,
  alias?: string,
): string {
  const target = project.entityById.get(fk.targetId) as IrEntity;
  const type = optional(entityPkType(target, imports), fk.nullable || mode === 'update');
  const empty = fk.nullable || mode === 'update';
  if (alias !== undefined) {
    const args = [...(empty ? ['default=None'] : []), `alias=${alias}`];
    return `${fk.column}: ${type} = ${imports.from('pydantic', 'Field')}(${args.join(', ')})`;
  }
  return empty ? `${fk.column}: ${type} = None` : `${fk.column}: ${type}`;
}

export function classDef(name: string, base: string, doc: string, body: string[]): string {
  const lines = [pyDocstring(doc, '    ') ?? '"""."""'];
  if (body.length > 0) lines.push('', ...body);
  return `class ${name}(${base}):\n${indent(lines.join('\n'))}`;
}

/** Fields accepted in both create and update bodies and returned in reads share `<Entity>Base`. */
export function baseFields(entity: IrEntity): IrField[] {
  return entity.fields.filter((f) => f.inCreate && f.inRead);
}

export function createOnlyFields(entity: IrEntity): IrField[] {
  return entity.fields.filter((f) => f.inCreate && !f.inRead);
}

export function readFields(entity: IrEntity): IrField[] {
  return entity.fields.filter((f) => f.inRead);
}

/** `app/schemas/<entity>.py`: request bodies (Base, Create, Update) and the flat Read of one entity. */
export function emitEntitySchemas(entity: IrEntity, project: IrProject): string {
  const s = entity.schemas;
  const imports = new Imports([
    ...entity.memberNames,
    s.base,
    s.create,
    s.update,
    s.read,
    ...(s.public ? [s.public] : []),
    ...s.views.map((v) => v.className),
    ...(hasReplace(entity) ? [replaceSchemaName(entity)] : []),
  ]);
  const baseModel = imports.from('pydantic', 'BaseModel');
  const blocks: string[] = [];
  const aliased = entity.wire.size > 0;
  const config = () => inputConfig(imports, aliased);
  const alias = (name: string) => aliasKw(entity, name);
  const field = (f: IrField, mode: Mode) => inputField(f, imports, mode, alias(f.name));
  const fk = (k: IrForeignKey, mode: Mode) => fkInput(k, project, imports, mode, alias(k.column));
  const link = (l: IrLinkWrite, mode: Mode) => linkInput(l, project, imports, mode, alias(l.attr));
  const values = (mode: Mode) => writableLists(entity).map((v) => valueListInput(entity, v, imports, mode));

  const baseBody = baseFields(entity).map((f) => field(f, 'create'));
  baseBody.unshift(config(), '');
  if (baseBody[baseBody.length - 1] === '') baseBody.pop();
  blocks.push(
    classDef(s.base, baseModel, `Fields of ${entity.className} shared by create bodies and reads.`, baseBody),
  );

  const createBody = [
    ...createOnlyFields(entity).map((f) => field(f, 'create')),
    ...entity.fks.filter((k) => k.inCreate).map((k) => fk(k, 'create')),
    ...entity.resource.links.map((l) => link(l, 'create')),
    ...values('create'),
  ];
  blocks.push(
    classDef(s.create, s.base, `Body of a request creating ${withArticle(entity.className)}.`, createBody),
  );

  const updatable = entity.fields.filter((f) => f.inUpdate);
  const fkUpdates = entity.fks.filter((fk) => fk.inUpdate);
  const required = [
    ...updatable.filter((f) => !f.nullable).map((f) => f.name),
    ...fkUpdates.filter((fk) => !fk.nullable).map((fk) => fk.column),
    ...entity.resource.links.map((link) => link.attr),
    ...writableLists(entity).map((v) => v.attr),
  ];
  const updateBody: string[] = [config()];
  if (required.length > 0) {
    const classVar = imports.from('typing', 'ClassVar');
    updateBody.push(
      `__non_nullable__: ${classVar}[frozenset[str]] = frozenset({${required.map(pyStr).join(', ')}})`,
    );
  }
  if (updateBody.length > 0) updateBody.push('');
  updateBody.push(...updatable.map((f) => field(f, 'update')));
  updateBody.push(...fkUpdates.map((k) => fk(k, 'update')));
  updateBody.push(...entity.resource.links.map((l) => link(l, 'update')));
  updateBody.push(...values('update'));
  if (needsCurrentPassword(entity, project)) updateBody.push(currentPasswordField(entity, imports));
  if (updateBody[updateBody.length - 1] === '') updateBody.pop();
  blocks.push(
    classDef(
      s.update,
      imports.from('app.schemas.common', 'UpdateModel'),
      `Partial update of ${withArticle(entity.className)}: only the fields sent are changed.`,
      updateBody,
    ),
  );

  if (hasReplace(entity)) {
    const replaceBody: string[] = [config(), ''];
    replaceBody.push(...updatable.map((f) => field(f, 'replace')));
    replaceBody.push(...fkUpdates.map((k) => fk(k, 'replace')));
    replaceBody.push(...entity.resource.links.map((l) => link(l, 'replace')));
    replaceBody.push(...values('replace'));
    if (needsCurrentPassword(entity, project)) replaceBody.push(currentPasswordField(entity, imports));
    if (replaceBody[replaceBody.length - 1] === '') replaceBody.pop();
    blocks.push(
      classDef(
        replaceSchemaName(entity),
        baseModel,
        `Whole replacement of a ${entity.className} (PUT): required fields are required, the others reset when left out.`,
        replaceBody,
      ),
    );
  }
  const schemasWithBodies = [
    ...(entity.resource.create ? [s.create] : []),
    ...(entity.resource.update && entity.resource.shape.update !== 'put' ? [s.update] : []),
    ...(hasReplace(entity) ? [replaceSchemaName(entity)] : []),
  ];
  const envelopes = emitBodyEnvelopes(entity, schemasWithBodies, imports);

  const readBody = (fields: IrField[]) => {
    const attr = (name: string, type: string, derived = false) =>
      aliasedAttr(name, type, wireName(entity, name), imports, derived);
    const body = [
      `model_config = ${imports.from('pydantic', 'ConfigDict')}(${['from_attributes=True', ...aliasConfig(aliased)].join(', ')})`,
      '',
      attr('id', entityPkType(entity, imports)),
      ...fields.map((f) =>
        attr(f.name, optional(pyValueType(f, imports, 'output'), f.nullable), f.derive !== null),
      ),
      ...entity.fks.map((k) => {
        const target = project.entityById.get(k.targetId) as IrEntity;
        return attr(k.column, optional(entityPkType(target, imports), k.nullable));
      }),
    ];
    if (entity.timestamps) {
      const utc = imports.from('app.schemas.common', 'UTCDatetime');
      body.push(attr('created_at', utc), attr('updated_at', utc));
    }
    body.push(...computedSchemaAttrs(entity, entity.computed, imports));
    return body;
  };
  const doc =
    entity.description.trim() !== ''
      ? entity.description
      : `${withArticle(entity.className, { capital: true })} as returned by the API.`;
  blocks.push(classDef(s.read, baseModel, doc, readBody(readFields(entity))));
  if (s.public) {
    blocks.push(
      classDef(
        s.public,
        baseModel,
        `${withArticle(entity.className, { capital: true })} as others see it: owner-only fields left out.`,
        readBody(publicFields(entity)),
      ),
    );
  }
  for (const view of s.views) {
    // Same JSON names as the full read: a view answers camelCase too.
    const attr = (name: string, type: string, derived = false) =>
      aliasedAttr(name, type, wireName(entity, name), imports, derived);
    const body = [
      `model_config = ${imports.from('pydantic', 'ConfigDict')}(${['from_attributes=True', ...aliasConfig(aliased)].join(', ')})`,
      '',
      attr('id', entityPkType(entity, imports)),
      ...view.fields.map((f) =>
        attr(f.name, optional(pyValueType(f, imports, 'output'), f.nullable), f.derive !== null),
      ),
      ...computedSchemaAttrs(entity, view.computed, imports),
    ];
    blocks.push(
      classDef(view.className, baseModel, `A ${entity.className} in its view ${view.className}.`, body),
    );
  }
  blocks.push(...envelopes);
  return module(imports.render(), blocks);
}

/** `current_password` of a user's own update: under its JSON name in the naming style. */
function currentPasswordField(entity: IrEntity, imports: Imports): string {
  const alias = aliasKw(entity, 'current_password');
  const named = alias === undefined ? '' : `, alias=${alias}`;
  return `current_password: str | None = ${imports.from('pydantic', 'Field')}(default=None${named}, max_length=${PASSWORD_MAX})`;
}

/** Longest password accepted: argon2 hashes whatever it is given, so the length bounds the work. */
export const PASSWORD_MAX = 1024;

/** Every input model refuses unknown fields (422), so a server-set field sent by a client is never ignored. */
function inputConfig(imports: Imports, aliased = false): string {
  // Patterns are RE2 (validated with re2js): pydantic-core's linear Rust engine runs them, no ReDoS.
  const args = ['extra="forbid"', ...aliasConfig(aliased)];
  return `model_config = ${imports.from('pydantic', 'ConfigDict')}(${args.join(', ')})`;
}

/** A user changing their own password proves they know the current one. */
export function needsCurrentPassword(entity: IrEntity, project: IrProject): boolean {
  return entity.isUser && project.auth?.password.inUpdate === true && entity.resource.update !== null;
}

/** A many-to-many written as the ids of the target rows (at most 100 per request). */
export function linkInput(
  link: IrLinkWrite,
  project: IrProject,
  imports: Imports,
  mode: Mode,
  alias?: string,
): string {
  const target = project.entityById.get(link.targetId) as IrEntity;
  const field = imports.from('pydantic', 'Field');
  const type = `list[${entityPkType(target, imports)}]`;
  const named = alias === undefined ? '' : `, alias=${alias}`;
  return mode === 'update'
    ? `${link.attr}: ${type} | None = ${field}(default=None${named}, max_length=${LINKS_MAX})`
    : `${link.attr}: ${type} = ${field}(default_factory=list${named}, max_length=${LINKS_MAX})`;
}

export const LINKS_MAX = 100;

/** Returned fields everyone who may read the row sees. */
export function publicFields(entity: IrEntity): IrField[] {
  return readFields(entity).filter((f) => f.visibility === 'public');
}

/** The item schema of a response in the given view: Detail/Read, or their public variants. */
export function viewSchema(entity: IrEntity, view: IrView): string {
  const s = entity.schemas;
  if (typeof view === 'object') return view.schema;
  if (view === 'public' && s.public) return s.publicDetail ?? s.public;
  return s.detail ?? s.read;
}

/** The flat schema another entity embeds: always the public view (the embedding row's reader is anyone). */
export function embeddedSchema(entity: IrEntity): string {
  return entity.schemas.embed ?? entity.schemas.public ?? entity.schemas.read;
}

/** The response schema of an entity's resource in its full view: Detail when it embeds relations, else Read. */
export function responseSchema(entity: IrEntity): string {
  return entity.schemas.detail ?? entity.schemas.read;
}

/**
 * `app/schemas/responses.py`: Detail schemas (Read + embedded relations, embeds in their public view) and list
 * pages. Kept apart from the entity modules so embedding in both directions (posts embed their author, users
 * embed posts) has no import cycle: this module imports the flat Reads, nothing imports it but the routes.
 */
export function emitResponses(project: IrProject): string | null {
  const listed = project.entities.filter(
    (e) =>
      e.resource.list !== null ||
      e.schemas.detail !== null ||
      e.resource.shape.objectKey !== null ||
      viewerPages(e).length > 0,
  );
  if (listed.length === 0) return null;
  const taken = listed.flatMap((e) => [
    e.schemas.list,
    ...viewerPages(e).map((p) => p.name),
    ...(e.schemas.detail ? [e.schemas.detail] : []),
    ...(e.schemas.publicDetail ? [e.schemas.publicDetail] : []),
    ...enveloped(e, (view) => itemResponse(e, view)).map((item) => envelopeName(item.name)),
  ]);
  const imports = new Imports(taken);
  // Imported where a page class needs it: a module of Detail classes alone has no BaseModel (ruff F401).
  const baseModel = () => imports.from('pydantic', 'BaseModel');
  const blocks: string[] = [];
  for (const entity of listed) {
    const detailBody = () => [
      ...entity.resource.embeds.map((embed) => {
        const target = project.entityById.get(embed.targetId) as IrEntity;
        const read = imports.from(`app.schemas.${target.module}`, embed.view ?? embeddedSchema(target));
        const attr = (type: string) => aliasedAttr(embed.attr, type, wireName(entity, embed.attr), imports);
        if (embed.many) return attr(`list[${read}]`);
        const fk = entity.fks.find((f) => f.attr === embed.attr);
        return attr(fk && !fk.nullable ? read : `${read} | None`);
      }),
      ...valueListAttrs(entity, imports),
    ];
    const { detail, publicDetail } = entity.schemas;
    if (detail) {
      const read = imports.from(`app.schemas.${entity.module}`, entity.schemas.read);
      blocks.push(
        classDef(
          detail,
          read,
          `${withArticle(entity.className, { capital: true })} with its embedded relations.`,
          detailBody(),
        ),
      );
    }
    if (publicDetail && entity.schemas.public) {
      const pub = imports.from(`app.schemas.${entity.module}`, entity.schemas.public);
      blocks.push(
        classDef(
          publicDetail,
          pub,
          `${withArticle(entity.className, { capital: true })} as others see it, with its embedded relations.`,
          detailBody(),
        ),
      );
    }
    const pages = [
      ...(entity.resource.list ? [{ name: entity.schemas.list, view: entity.resource.views.list }] : []),
      ...viewerPages(entity),
    ];
    for (const page of entity.resource.shape.list.kind === 'object' ? pages : []) {
      const itemName = viewSchema(entity, page.view);
      const local = itemName === detail || itemName === publicDetail;
      const item = local ? itemName : imports.from(`app.schemas.${entity.module}`, itemName);
      const attrs = listAttrs(entity, item, imports);
      const config = attrs.aliased
        ? [`model_config = ${imports.from('pydantic', 'ConfigDict')}(${aliasConfig(true).join(', ')})`, '']
        : [];
      const doc = entity.resource.shape.paging.style === 'none' ? 'Every' : 'One page of';
      blocks.push(
        classDef(page.name, baseModel(), `${doc} ${entity.className} rows.`, [...config, ...attrs.lines]),
      );
    }
    const local = new Set([detail, publicDetail].filter((n): n is string => n !== null));
    blocks.push(...emitResponseEnvelopes(entity, imports, local));
  }
  if (blocks.length === 0) return null;
  return module(imports.render(), blocks);
}
