import type { IrAccess, IrEntity, IrForeignKey, IrOwnerHop, IrProject } from '../ir/types';
import type { Imports } from '../python/imports';
import { pyStr } from '../python/literal';

/** The `current_user` parameter an access rule needs, or null for public operations. */
export function userParam(access: IrAccess, imports: Imports, userClass: () => string): string | null {
  switch (access.kind) {
    case 'public':
      return null;
    case 'authenticated':
    case 'owner':
    case 'parent-owner':
      return `current_user: ${imports.from('app.api.deps', 'CurrentUser')}`;
    case 'roles': {
      const annotated = imports.from('typing', 'Annotated');
      const depends = imports.from('fastapi', 'Depends');
      const roles = access.roles.map(pyStr).join(', ');
      return `current_user: ${annotated}[${userClass()}, ${depends}(${imports.from('app.api.deps', 'require_roles')}(${roles}))]`;
    }
  }
}

/** How an emitter names models and the caller (`user` null: no caller) while writing an ownership condition. */
export type ScopeNames = {
  project: IrProject;
  model: (entityId: string) => string;
  user: string | null;
  or: () => string;
  false: () => string;
};

/**
 * SQL condition "the row of `entity` belongs to the caller", following its owner path: the row is the user,
 * its owner FK is the user, or its parent (recursively) belongs to the user (`TodoItem.todo_list.has(...)`,
 * an EXISTS on the parent). Null when the entity has no owner or there is no caller.
 */
export function ownerCondition(entity: IrEntity, names: ScopeNames): string | null {
  const ownership = entity.resource.ownership;
  const user = names.user;
  if (!ownership || user === null) return null;
  const walk = (at: IrEntity, hops: IrOwnerHop[]): string => {
    const model = names.model(at.id);
    const [first, ...rest] = hops;
    if (!first) return `${model}.id == ${user}.id`;
    if (rest.length === 0) return `${model}.${first.column} == ${user}.id`;
    const parent = names.project.entityById.get(first.targetId) as IrEntity;
    return `${model}.${first.attr}.has(${walk(parent, rest)})`;
  };
  return walk(entity, ownership.hops);
}

/** Reads of the entity are limited to the owner (its get, or its list when it has no get). */
export function ownerOnlyReads(entity: IrEntity): boolean {
  const r = entity.resource;
  const read = r.get ?? r.list?.access ?? null;
  return read?.kind === 'owner' && r.ownership !== null;
}

/** Rows of `entity` everyone may read: the public-rows flag is set. Null when every row is readable. */
export function publicRowCondition(entity: IrEntity, names: ScopeNames): string | null {
  const flag = entity.resource.publicRows;
  if (!flag || !entity.resource.ownership) return null;
  return `${names.model(entity.id)}.${flag.name}.is_(True)`;
}

/**
 * To-one FKs of `entity` to another entity with public rows (a comment's post): a row is readable only when
 * the row it points at is, so the comments of a draft are hidden with it and no embed shows a draft.
 */
export function gatedParents(entity: IrEntity, project: IrProject): IrForeignKey[] {
  return entity.fks.filter((fk) => {
    if (fk.targetId === entity.id) return false;
    const target = project.entityById.get(fk.targetId) as IrEntity;
    return target.resource.publicRows !== null && target.resource.ownership !== null;
  });
}

/** "Every gated parent is readable": public, or the caller's own (a null FK points at nothing hidden). */
export function parentConditions(entity: IrEntity, names: ScopeNames): string[] {
  const fks = gatedParents(entity, names.project);
  if (fks.length === 0) return [];
  const model = names.model(entity.id);
  return fks.map((fk) => {
    const target = names.project.entityById.get(fk.targetId) as IrEntity;
    const isPublic = publicRowCondition(target, names) as string;
    const owned = ownerCondition(target, names);
    const has = `${model}.${fk.attr}.has(${owned ? `${names.or()}(${isPublic}, ${owned})` : isPublic})`;
    return fk.nullable ? `${names.or()}(${model}.${fk.column}.is_(None), ${has})` : has;
  });
}

/**
 * Conditions on `entity` for "the caller may read this row", which a body referencing it must satisfy:
 * owner-only reads need the caller's own row (none without a caller); public rows need the flag or the
 * caller's own row.
 */
export function readableConditions(entity: IrEntity, names: ScopeNames): string[] {
  const owned = ownerCondition(entity, names);
  if (ownerOnlyReads(entity)) return [owned ?? `${names.false()}()`];
  const isPublic = publicRowCondition(entity, names);
  if (!isPublic) return [];
  return [owned ? `${names.or()}(${isPublic}, ${owned})` : isPublic];
}
