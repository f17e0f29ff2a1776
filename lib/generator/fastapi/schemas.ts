import type { IrEntity, IrField, IrForeignKey, IrLinkWrite, IrProject, IrView } from '../ir/types';
import { indent, kwargs, module } from '../python/code';
import { Imports } from '../python/imports';
import { pyDocstring, pyLongStr, pyNumber, pyStr, pyValue } from '../python/literal';
import { entityPkType, isMutableLiteral, literalDefault } from './columns';
import { decimalDigits, inputMaxLength, intBounds, optional, pyValueType } from './types';

type Mode = 'create' | 'update';

/** `Field(...)` keyword arguments for the constraints, description and example of an input field. */
function constraintArgs(field: IrField): Array<[string, string | false | undefined]> {
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

export function inputField(field: IrField, imports: Imports, mode: Mode): string {
  const type = pyValueType(field, imports, 'input');
  const fieldFn = () => imports.from('pydantic', 'Field');
  let annotation = optional(type, field.nullable || mode === 'update');
  let defaultArg: [string, string | undefined] = ['default', undefined];
  let factory: string | undefined;
  if (mode === 'update') defaultArg = ['default', 'None'];
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
  const args = kwargs([defaultArg, ['default_factory', factory], ...constraintArgs(field)]);
  if (args.length === 0) return `${field.name}: ${annotation}`;
  if (args.length === 1 && defaultArg[1] !== undefined)
    return `${field.name}: ${annotation} = ${defaultArg[1]}`;
  return `${field.name}: ${annotation} = ${fieldFn()}(${args.join(', ')})`;
}

export function fkInput(fk: IrForeignKey, project: IrProject, imports: Imports, mode: Mode): string {
  const target = project.entityById.get(fk.targetId) as IrEntity;
  const type = optional(entityPkType(target, imports), fk.nullable || mode === 'update');
  return fk.nullable || mode === 'update' ? `${fk.column}: ${type} = None` : `${fk.column}: ${type}`;
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
  ]);
  const baseModel = imports.from('pydantic', 'BaseModel');
  const blocks: string[] = [];
  const config = () => inputConfig(imports);

  const baseBody = baseFields(entity).map((f) => inputField(f, imports, 'create'));
  baseBody.unshift(config(), '');
  if (baseBody[baseBody.length - 1] === '') baseBody.pop();
  blocks.push(
    classDef(s.base, baseModel, `Fields of ${entity.className} shared by create bodies and reads.`, baseBody),
  );

  const createBody = [
    ...createOnlyFields(entity).map((f) => inputField(f, imports, 'create')),
    ...entity.fks.filter((fk) => fk.inCreate).map((fk) => fkInput(fk, project, imports, 'create')),
    ...entity.resource.links.map((link) => linkInput(link, project, imports, 'create')),
  ];
  blocks.push(classDef(s.create, s.base, `Body of a request creating a ${entity.className}.`, createBody));

  const updatable = entity.fields.filter((f) => f.inUpdate);
  const fkUpdates = entity.fks.filter((fk) => fk.inUpdate);
  const required = [
    ...updatable.filter((f) => !f.nullable).map((f) => f.name),
    ...fkUpdates.filter((fk) => !fk.nullable).map((fk) => fk.column),
    ...entity.resource.links.map((link) => link.attr),
  ];
  const updateBody: string[] = [config()];
  if (required.length > 0) {
    const classVar = imports.from('typing', 'ClassVar');
    updateBody.push(
      `__non_nullable__: ${classVar}[frozenset[str]] = frozenset({${required.map(pyStr).join(', ')}})`,
    );
  }
  if (updateBody.length > 0) updateBody.push('');
  updateBody.push(...updatable.map((f) => inputField(f, imports, 'update')));
  updateBody.push(...fkUpdates.map((fk) => fkInput(fk, project, imports, 'update')));
  updateBody.push(...entity.resource.links.map((link) => linkInput(link, project, imports, 'update')));
  if (needsCurrentPassword(entity, project)) {
    updateBody.push(
      `current_password: str | None = ${imports.from('pydantic', 'Field')}(default=None, max_length=${PASSWORD_MAX})`,
    );
  }
  if (updateBody[updateBody.length - 1] === '') updateBody.pop();
  blocks.push(
    classDef(
      s.update,
      imports.from('app.schemas.common', 'UpdateModel'),
      `Partial update of a ${entity.className}: only the fields sent are changed.`,
      updateBody,
    ),
  );

  const readBody = (fields: IrField[]) => {
    const body = [
      `model_config = ${imports.from('pydantic', 'ConfigDict')}(from_attributes=True)`,
      '',
      `id: ${entityPkType(entity, imports)}`,
      ...fields.map((f) => `${f.name}: ${optional(pyValueType(f, imports, 'output'), f.nullable)}`),
      ...entity.fks.map((fk) => {
        const target = project.entityById.get(fk.targetId) as IrEntity;
        return `${fk.column}: ${optional(entityPkType(target, imports), fk.nullable)}`;
      }),
    ];
    if (entity.timestamps) {
      const utc = imports.from('app.schemas.common', 'UTCDatetime');
      body.push(`created_at: ${utc}`, `updated_at: ${utc}`);
    }
    return body;
  };
  const doc =
    entity.description.trim() !== '' ? entity.description : `A ${entity.className} as returned by the API.`;
  blocks.push(classDef(s.read, baseModel, doc, readBody(readFields(entity))));
  if (s.public) {
    blocks.push(
      classDef(
        s.public,
        baseModel,
        `A ${entity.className} as others see it: owner-only fields left out.`,
        readBody(publicFields(entity)),
      ),
    );
  }
  return module(imports.render(), blocks);
}

/** Longest password accepted: argon2 hashes whatever it is given, so the length bounds the work. */
export const PASSWORD_MAX = 1024;

/** Every input model refuses unknown fields (422), so a server-set field sent by a client is never ignored. */
function inputConfig(imports: Imports): string {
  // Patterns are RE2 (validated with re2js): pydantic-core's linear Rust engine runs them, no ReDoS.
  return `model_config = ${imports.from('pydantic', 'ConfigDict')}(extra="forbid")`;
}

/** A user changing their own password proves they know the current one. */
export function needsCurrentPassword(entity: IrEntity, project: IrProject): boolean {
  return entity.isUser && project.auth?.password.inUpdate === true && entity.resource.update !== null;
}

/** A many-to-many written as the ids of the target rows (at most 100 per request). */
export function linkInput(link: IrLinkWrite, project: IrProject, imports: Imports, mode: Mode): string {
  const target = project.entityById.get(link.targetId) as IrEntity;
  const field = imports.from('pydantic', 'Field');
  const type = `list[${entityPkType(target, imports)}]`;
  return mode === 'create'
    ? `${link.attr}: ${type} = ${field}(default_factory=list, max_length=${LINKS_MAX})`
    : `${link.attr}: ${type} | None = ${field}(default=None, max_length=${LINKS_MAX})`;
}

export const LINKS_MAX = 100;

/** Returned fields everyone who may read the row sees. */
export function publicFields(entity: IrEntity): IrField[] {
  return readFields(entity).filter((f) => f.visibility === 'public');
}

/** The item schema of a response in the given view: Detail/Read, or their public variants. */
export function viewSchema(entity: IrEntity, view: IrView): string {
  const s = entity.schemas;
  if (view === 'public' && s.public) return s.publicDetail ?? s.public;
  return s.detail ?? s.read;
}

/** The flat schema another entity embeds: always the public view (the embedding row's reader is anyone). */
export function embeddedSchema(entity: IrEntity): string {
  return entity.schemas.public ?? entity.schemas.read;
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
  const listed = project.entities.filter((e) => e.resource.list !== null || e.schemas.detail !== null);
  if (listed.length === 0) return null;
  const taken = listed.flatMap((e) => [
    e.schemas.list,
    ...(e.schemas.detail ? [e.schemas.detail] : []),
    ...(e.schemas.publicDetail ? [e.schemas.publicDetail] : []),
  ]);
  const imports = new Imports(taken);
  const baseModel = imports.from('pydantic', 'BaseModel');
  const blocks: string[] = [];
  for (const entity of listed) {
    const detailBody = () =>
      entity.resource.embeds.map((embed) => {
        const target = project.entityById.get(embed.targetId) as IrEntity;
        const read = imports.from(`app.schemas.${target.module}`, embeddedSchema(target));
        if (embed.many) return `${embed.attr}: list[${read}]`;
        const fk = entity.fks.find((f) => f.attr === embed.attr);
        return `${embed.attr}: ${fk && !fk.nullable ? read : `${read} | None`}`;
      });
    const { detail, publicDetail } = entity.schemas;
    if (detail) {
      const read = imports.from(`app.schemas.${entity.module}`, entity.schemas.read);
      blocks.push(classDef(detail, read, `A ${entity.className} with its embedded relations.`, detailBody()));
    }
    if (publicDetail && entity.schemas.public) {
      const pub = imports.from(`app.schemas.${entity.module}`, entity.schemas.public);
      blocks.push(
        classDef(
          publicDetail,
          pub,
          `A ${entity.className} as others see it, with its embedded relations.`,
          detailBody(),
        ),
      );
    }
    if (entity.resource.list) {
      const itemName = viewSchema(entity, entity.resource.views.list);
      const local = itemName === detail || itemName === publicDetail;
      const item = local ? itemName : imports.from(`app.schemas.${entity.module}`, itemName);
      blocks.push(
        classDef(entity.schemas.list, baseModel, `One page of ${entity.className} rows.`, [
          `items: list[${item}]`,
          'total: int',
          'limit: int',
          'offset: int',
        ]),
      );
    }
  }
  return module(imports.render(), blocks);
}
