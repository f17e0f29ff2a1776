import type { Entity } from '@/lib/design/schema';
import type { IrEntity, IrEntityView, IrView } from './types';

/**
 * The entity's named views (`Entity.views`): schema class `<Entity><View>` with the id and the listed fields
 * the API returns (validated: no write-only or private field where read publicly), in the entity's field order,
 * and the computed fields it lists (`planViews` runs once they are planned).
 */
export function planViews(entity: Entity, ir: IrEntity): IrEntityView[] {
  return (entity.views ?? []).map((view) => {
    const wanted = new Set(view.fieldIds);
    return {
      id: view.id,
      className: `${ir.className}${view.name}`,
      fields: ir.fields.filter((f) => wanted.has(f.id) && f.inRead),
      computed: ir.computed.filter((c) => wanted.has(c.id)),
    };
  });
}

/** The view an operation picked (`viewId`), or `fallback` when it picked none (or one that no longer exists). */
export function pickedView(ir: IrEntity, viewId: string | undefined, fallback: IrView): IrView {
  const view = viewId === undefined ? undefined : ir.schemas.views.find((v) => v.id === viewId);
  return view ? { schema: view.className } : fallback;
}

/** The schema class this entity is embedded with in others' responses: its embed view, if any. */
export function embedViewOf(entity: Entity, views: readonly IrEntityView[]): string | null {
  return views.find((v) => v.id === entity.embedViewId)?.className ?? null;
}
