import { CRUD_OPERATIONS, type Entity } from '../schema';
import type { Context } from './context';

const VIEW_NAME = /^[A-Z][A-Za-z0-9]*$/;

/** Suffixes of the schema classes generated per entity (`UserRead`, `PostPublicDetail`...). */
const SCHEMA_SUFFIXES = [
  '',
  'Base',
  'Create',
  'Update',
  'Read',
  'Detail',
  'List',
  'Public',
  'PublicDetail',
  'Input',
  'Register',
];
/** Schema classes every project may have. */
const FIXED_SCHEMAS = ['Token', 'LoginRequest', 'ErrorMessage', 'HTTPValidationError', 'ValidationError'];

/**
 * Named views of entities (`Entity.views`): a PascalCase name whose class `<Entity><View>` is not another
 * generated schema (or another view), fields of the entity itself that the API returns, and no owner-only field
 * where the view is read by others (as the embed view, or the response of an operation not limited to the
 * owner). `embedViewId` and each operation's `viewId` name a view of the entity.
 */
export function checkViews(ctx: Context): void {
  const { report, design } = ctx;
  const generated = new Set(FIXED_SCHEMAS);
  for (const entity of design.entities) for (const s of SCHEMA_SUFFIXES) generated.add(`${entity.name}${s}`);
  for (const e of design.enums) generated.add(e.name);
  const viewClasses = new Map<string, string>();
  design.entities.forEach((entity, i) => {
    const path = `entities[${i}]`;
    const views = entity.views ?? [];
    views.forEach((view, k) => {
      const at = `${path}.views[${k}]`;
      const cls = `${entity.name}${view.name}`;
      if (!VIEW_NAME.test(view.name)) {
        report(
          'invalid-name',
          `${at}.name`,
          `View '${view.name}' of '${entity.name}' needs a PascalCase name (letters and digits, e.g. 'Profile').`,
          entity.id,
        );
      } else if (generated.has(cls) || viewClasses.has(cls)) {
        report(
          'view-name-clash',
          `${at}.name`,
          `View '${view.name}' of '${entity.name}' would be the schema '${cls}', which is already generated. Choose another name.`,
          entity.id,
        );
      } else viewClasses.set(cls, entity.name);
      view.fieldIds.forEach((fieldId, j) => {
        if (entity.computed?.some((c) => c.id === fieldId)) return;
        const found = ctx.fields.get(fieldId);
        if (!found || found.entity.id !== entity.id) {
          report(
            'unknown-field',
            `${at}.fieldIds[${j}]`,
            `View '${view.name}' of '${entity.name}' lists a field that is not one of its own (or no longer exists).`,
            entity.id,
          );
        } else if (found.field.type === 'password' || found.field.writeOnly) {
          report(
            'private-field-in-view',
            `${at}.fieldIds[${j}]`,
            `View '${view.name}' of '${entity.name}' cannot show '${found.field.name}': it is write-only.`,
            entity.id,
          );
        }
      });
    });
    const publicUse = (viewId: string, where: string, what: string) => {
      const view = views.find((v) => v.id === viewId);
      if (!view) {
        report(
          'unknown-view',
          where,
          `${what} of '${entity.name}' uses a view that no longer exists.`,
          entity.id,
        );
        return;
      }
      for (const fieldId of view.fieldIds) {
        const found = ctx.fields.get(fieldId);
        if (found?.entity.id === entity.id && found.field.visibility === 'owner') {
          report(
            'private-field-in-view',
            where,
            `${what} of '${entity.name}' is read by others through view '${view.name}', which shows the owner-only field '${found.field.name}'. Leave it out of the view or limit the operation to the owner.`,
            entity.id,
          );
        }
      }
    };
    if (entity.embedViewId !== undefined)
      publicUse(entity.embedViewId, `${path}.embedViewId`, 'The embed view');
    for (const name of CRUD_OPERATIONS) {
      const op = entity.resource.operations[name];
      if (!op.enabled || op.viewId === undefined) continue;
      const where = `${path}.resource.operations.${name}.viewId`;
      if (op.access.kind === 'owner' && op.access.of !== 'parent') {
        if (!views.some((v) => v.id === op.viewId))
          report(
            'unknown-view',
            where,
            `'${name}' of '${entity.name}' uses a view that no longer exists.`,
            entity.id,
          );
      } else publicUse(op.viewId, where, `'${name}'`);
    }
  });
}

/** Whether `entity` has a view with this id (for the inspector's selects). */
export function hasView(entity: Entity, viewId: string | undefined): boolean {
  return viewId !== undefined && (entity.views ?? []).some((v) => v.id === viewId);
}
