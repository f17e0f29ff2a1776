import type { IrEntity, IrOperation, IrProject } from '../ir/types';
import { module } from '../python/code';
import { Imports } from '../python/imports';
import { gatedParents } from './access';
import { needsCurrentPassword } from './schemas';
import { derivesSlugs } from './server-set';
import { isViewerOp, OPTIONAL_USER_NAMES, optionalUserBlocks, usesViewer } from './viewer';

/** Which helpers of `app/api/scoping.py` the routes use. */
export type ScopeNeeds = {
  references: boolean;
  links: boolean;
  cycles: boolean;
  currentPassword: boolean;
  optionalUser: boolean;
  /** Some public rule knows its viewer (`ViewerUser`). */
  viewer: boolean;
  /** Some field derives a slug (a source without letters or digits is a 422). */
  slugs: boolean;
};

export function scopeNeeds(project: IrProject): ScopeNeeds {
  const writes = (e: IrEntity) => e.resource.create !== null || e.resource.update !== null;
  return {
    references: project.entities.some((e) => writes(e) && e.fks.some((fk) => fk.inCreate || fk.inUpdate)),
    links: project.entities.some((e) => writes(e) && e.resource.links.length > 0),
    cycles: project.entities.some((e) => e.resource.update !== null && e.resource.selfRefs.length > 0),
    currentPassword:
      project.entities.some((e) => needsCurrentPassword(e, project)) ||
      (project.auth?.api.meUpdate.length ?? 0) > 0,
    optionalUser:
      project.auth !== null &&
      project.entities.some((e) =>
        e.operations.some((op) => takesOptionalUser(op, project) && !isViewerOp(op)),
      ),
    viewer: usesViewer(project),
    slugs: derivesSlugs(project),
  };
}

/**
 * A public read of an entity with public rows (or of the children of such rows) still shows the caller's own
 * rows (or the children of the caller's own): it needs the caller if any.
 */
export function needsOptionalUser(entity: IrEntity, project: IrProject): boolean {
  const r = entity.resource;
  const gated = (r.publicRows !== null && r.ownership !== null) || gatedParents(entity, project).length > 0;
  if (!gated) return false;
  return r.list?.access.kind === 'public' || r.get?.kind === 'public';
}

/**
 * A public list/get that also shows the caller's own rows takes the bearer token when one comes along. It is
 * declared as the operation's security (FastAPI does so for the optional scheme too), so Swagger UI sends it.
 */
export function takesOptionalUser(op: IrOperation, project: IrProject): boolean {
  if (isViewerOp(op) && project.auth !== null && (op.entityId || op.kind === 'custom')) return true;
  if (op.access?.kind !== 'public' || (op.kind !== 'list' && op.kind !== 'get') || !op.entityId) return false;
  return needsOptionalUser(project.entityById.get(op.entityId) as IrEntity, project);
}

/**
 * `app/api/scoping.py`: what a request body may point at (rows that exist and the caller may read, else a 422
 * naming the field), many-to-many links by id, refusing parent cycles, and the optional caller of public reads.
 * Null when no route needs it.
 */
export function emitScoping(project: IrProject): string | null {
  const needs = scopeNeeds(project);
  const invalid = needs.references || needs.links || needs.cycles || needs.currentPassword || needs.slugs;
  if (!invalid && !needs.optionalUser && !needs.viewer) return null;
  const imports = new Imports([
    'invalid',
    'require_reference',
    'M',
    'load_links',
    'refuse_cycle',
    ...OPTIONAL_USER_NAMES,
  ]);
  const any = () => imports.from('typing', 'Any');
  const session = () => imports.from('sqlalchemy.ext.asyncio', 'AsyncSession');
  const select = () => imports.from('sqlalchemy', 'Select');
  const blocks: string[] = [];
  if (invalid) {
    const error = imports.from('fastapi.exceptions', 'RequestValidationError');
    blocks.push(
      [
        `def invalid(field: str, message: str, value: object) -> ${error}:`,
        '    """A 422 in FastAPI\'s own shape, naming the body field."""',
        `    return ${error}(`,
        '        [{"type": "value_error", "loc": ("body", field), "msg": message, "input": value}]',
        '    )',
      ].join('\n'),
    );
  }
  if (needs.references) {
    blocks.push(
      [
        `async def require_reference(`,
        `    session: ${session()}, field: str, value: object, statement: ${select()}[${any()}]`,
        ') -> None:',
        '    """422 unless `statement` finds the row `value` names, readable by the caller."""',
        '    if (await session.execute(statement.limit(1))).first() is None:',
        '        raise invalid(field, "No such row, or not yours to reference", value)',
      ].join('\n'),
    );
  }
  if (needs.links) {
    const typeVar = imports.from('typing', 'TypeVar');
    blocks.push(
      `M = ${typeVar}("M")`,
      [
        'async def load_links(',
        `    session: ${session()}, field: str, ids: list[${any()}], statement: ${select()}[M]`,
        ') -> list[M]:',
        '    """The rows a many-to-many list names; 422 when an id is unknown."""',
        '    rows = list((await session.execute(statement)).scalars().all())',
        '    if len(rows) != len(set(ids)):',
        '        raise invalid(field, "Unknown id in the list", ids)',
        '    return rows',
      ].join('\n'),
    );
  }
  if (needs.cycles) {
    const attr = () => `${imports.from('sqlalchemy.orm', 'InstrumentedAttribute')}[${any()}]`;
    blocks.push(
      [
        'async def refuse_cycle(',
        `    session: ${session()},`,
        '    field: str,',
        '    parent: object,',
        '    row_id: object,',
        `    key: ${attr()},`,
        `    column: ${attr()},`,
        ') -> None:',
        '    """422 when `parent` is the row itself or one of its descendants."""',
        '    seen: set[object] = set()',
        '    current: object = parent',
        '    while current is not None and current not in seen:',
        '        if current == row_id:',
        '            raise invalid(field, "Would make the row its own ancestor", parent)',
        '        seen.add(current)',
        `        statement = ${imports.from('sqlalchemy', 'select')}(column).where(key == current)`,
        '        current = (await session.execute(statement)).scalar_one_or_none()',
      ].join('\n'),
    );
  }
  blocks.push(
    ...optionalUserBlocks(project, imports, { optional: needs.optionalUser, viewer: needs.viewer }),
  );
  return module(
    imports.render(),
    blocks,
    '"""Row scoping for the routes: references, links, parent cycles, the optional caller."""',
  );
}

/** The optional scheme's definition and the blank lines after it, when the scheme needs one here. */
