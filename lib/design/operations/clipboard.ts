import { z } from 'zod';
import { designExcess, LIMITS, utf8Length } from '../limits';
import { resourcePathFor, tableNameFor, uniqueName } from '../names';
import { formatPath } from '../paths';
import {
  type Design,
  type DesignEnum,
  type Entity,
  EntitySchema,
  EnumSchema,
  type FieldRef,
  FORMAT_VERSION,
  LayoutNodeSchema,
  PRIMARY_KEY_REF,
  type Relation,
  RelationSchema,
} from '../schema';
import {
  copiedComputed,
  copiedResourceBlocks,
  copiedUniques,
  copiedViews,
  type FreshId,
} from './copy-blocks';
import { OperationError } from './errors';
import { withoutUndefined } from './helpers';
import type { Operation } from './operation';

type FreshIdKind = Parameters<FreshId>[0];

/**
 * Copy and paste of canvas boxes as data: the copied entities with their fields, the enums they use and the
 * relations among them. A paste becomes ordinary operations (one undoable `apply`) with fresh ids, so the same
 * clipboard pastes into this design or another one. Clipboard text is hostile: it is measured, parsed and
 * validated by the design schemas before anything reads it.
 */

/** Tags clipboard JSON as ours, so a paste of someone else's JSON is told apart from a broken copy. */
export const CLIPBOARD_MARKER = 'fastdraft/design-selection';
/** Version of the clipboard envelope (the design format it holds is `formatVersion`). */
export const CLIPBOARD_VERSION = 1;

const list = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z.array(item).max(max, `At most ${max} ${what}.`);

export const ClipboardSchema = z
  .object({
    fastdraft: z.literal(CLIPBOARD_MARKER),
    version: z.literal(CLIPBOARD_VERSION),
    formatVersion: z.literal(FORMAT_VERSION),
    entities: list(EntitySchema, LIMITS.entities, 'entities'),
    enums: list(EnumSchema, LIMITS.enums, 'enums'),
    relations: list(RelationSchema, LIMITS.relations, 'relations'),
    layout: z.record(z.string().max(LIMITS.idLength), LayoutNodeSchema),
  })
  .superRefine((clip, ctx) => {
    // Ids name things inside the clipboard only (a paste gives everything new ids), but they must be unambiguous.
    const seen = new Set<string>();
    const ids = [
      ...clip.entities.flatMap((e) => [
        e.id,
        ...e.fields.map((f) => f.id),
        ...(e.computed ?? []).map((c) => c.id),
      ]),
      ...clip.enums.map((e) => e.id),
      ...clip.relations.map((r) => r.id),
    ];
    for (const id of ids) {
      if (seen.has(id)) {
        ctx.addIssue({ code: 'custom', message: `The id '${id}' is used twice.` });
        return;
      }
      seen.add(id);
    }
    if (Object.keys(clip.layout).length > clip.entities.length + clip.enums.length)
      ctx.addIssue({ code: 'custom', message: 'The layout lists more boxes than the clipboard holds.' });
  });
export type Clipboard = z.infer<typeof ClipboardSchema>;

/**
 * The boxes with the given ids (entities and enums; other ids are ignored) as clipboard data, or null when
 * none of them is a box. Enums used by the entities' fields come along; relations only when both ends do.
 */
export function copyNodes(design: Design, nodeIds: readonly string[]): Clipboard | null {
  const wanted = new Set(nodeIds);
  const entities = design.entities.filter((e) => wanted.has(e.id));
  const copied = new Set(entities.map((e) => e.id));
  const usedEnums = new Set(entities.flatMap((e) => e.fields.flatMap((f) => (f.enumId ? [f.enumId] : []))));
  const enums = design.enums.filter((e) => wanted.has(e.id) || usedEnums.has(e.id));
  if (entities.length === 0 && enums.length === 0) return null;
  const relations = design.relations
    .filter((r) => copied.has(r.fromEntityId) && copied.has(r.toEntityId))
    .map((r) =>
      r.throughEntityId && !copied.has(r.throughEntityId)
        ? withoutUndefined({ ...r, throughEntityId: undefined })
        : r,
    );
  const layout: Clipboard['layout'] = {};
  for (const item of [...entities, ...enums]) {
    const node = design.layout.nodes[item.id];
    if (node) layout[item.id] = node;
  }
  return {
    fastdraft: CLIPBOARD_MARKER,
    version: CLIPBOARD_VERSION,
    formatVersion: FORMAT_VERSION,
    entities,
    enums,
    relations,
    layout,
  };
}

export type ClipboardRead =
  | { kind: 'clipboard'; clipboard: Clipboard }
  /** Not Fastdraft's: plain text or someone else's JSON (the editor leaves it alone). */
  | { kind: 'foreign' }
  | { kind: 'invalid'; message: string };

/** Reads clipboard text without trusting it: bounded size and depth first, then the schemas. */
export function readClipboard(text: string): ClipboardRead {
  if (!text.trimStart().startsWith('{') || !text.includes(CLIPBOARD_MARKER)) return { kind: 'foreign' };
  if (utf8Length(text) > LIMITS.designBytes)
    return {
      kind: 'invalid',
      message: `The copied boxes are larger than ${LIMITS.designBytes / 2 ** 20} MiB.`,
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'invalid', message: 'The copied boxes are not valid JSON.' };
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    (value as { fastdraft?: unknown }).fastdraft !== CLIPBOARD_MARKER
  )
    return { kind: 'foreign' };
  if (designExcess(value) !== null)
    return { kind: 'invalid', message: 'The copied boxes are nested too deeply or too large.' };
  const envelope = value as { version?: unknown; formatVersion?: unknown };
  if (envelope.version !== CLIPBOARD_VERSION || envelope.formatVersion !== FORMAT_VERSION)
    return { kind: 'invalid', message: 'The boxes were copied from another version of Fastdraft.' };
  const parsed = ClipboardSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? formatPath(issue.path) : '';
    return {
      kind: 'invalid',
      message: `The copied boxes are not a valid design${where ? ` (at ${where})` : ''}: ${issue?.message ?? 'unknown problem'}`,
    };
  }
  return { kind: 'clipboard', clipboard: parsed.data };
}

export type NewId = (prefix: 'ent' | 'fld' | 'rel' | 'enm' | FreshIdKind) => string;

export type PastePlan = {
  operations: Operation[];
  /** The new boxes (entities, then enums created by the paste), for selecting them. */
  nodeIds: string[];
  /** Clipboard id -> id in the design (entities, fields, enums, reused enums too, relations). */
  ids: ReadonlyMap<string, string>;
};

/** Distance between pasted copies, so a second paste does not land on the first. */
export const PASTE_STEP = 40;

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** Smallest multiple of PASTE_STEP that puts no pasted box on the top-left corner of an existing one. */
function pasteOffset(design: Design, positions: readonly { x: number; y: number }[]): number {
  const taken = Object.values(design.layout.nodes);
  const lands = (offset: number) =>
    positions.some((p) =>
      taken.some((n) => Math.abs(n.x - (p.x + offset)) < 10 && Math.abs(n.y - (p.y + offset)) < 10),
    );
  let offset = PASTE_STEP;
  while (lands(offset) && offset < PASTE_STEP * 1000) offset += PASTE_STEP;
  return offset;
}

function assertRoom(design: Design, clip: Clipboard, newEnums: number): void {
  const over = [
    design.entities.length + clip.entities.length > LIMITS.entities && `${LIMITS.entities} entities`,
    design.enums.length + newEnums > LIMITS.enums && `${LIMITS.enums} enums`,
    design.relations.length + clip.relations.length > LIMITS.relations && `${LIMITS.relations} relations`,
  ].find(Boolean);
  if (over) throw new OperationError('invalid-argument', `Pasting these boxes would go past ${over}.`);
}

/**
 * The operations that add a copy of `clip` to `design`: new ids throughout, entity names made unique
 * (`Post` -> `Post2`), an enum of the same name and values reused, positions offset, table names and paths
 * kept only where they do not collide. References that lead outside the clipboard are dropped, so any
 * schema-valid clipboard pastes into a consistent design.
 */
export function pasteOperations(design: Design, clip: Clipboard, newId: NewId): PastePlan {
  const operations: Operation[] = [];
  const className = new Set([...design.entities, ...design.enums].map((item) => item.name));
  const ids = new Map<string, string>();
  const positions = [...clip.entities, ...clip.enums].flatMap((item) => {
    const node = clip.layout[item.id];
    return node ? [node] : [];
  });
  const offset = pasteOffset(design, positions);
  const fallback = (index: number) => ({ x: 80 + offset + index * 320, y: 80 + offset });
  const positionOf = (id: string, index: number) => {
    const node = clip.layout[id];
    return node ? { x: node.x + offset, y: node.y + offset } : fallback(index);
  };

  // Enums first: fields point at them.
  const createdEnums: DesignEnum[] = [];
  for (const [index, designEnum] of clip.enums.entries()) {
    const same = design.enums.find(
      (e) => e.name === designEnum.name && sameValues(e.values, designEnum.values),
    );
    if (same) {
      ids.set(designEnum.id, same.id);
      continue;
    }
    const id = newId('enm');
    ids.set(designEnum.id, id);
    const name = uniqueName(designEnum.name, className, '');
    className.add(name);
    createdEnums.push(designEnum);
    const hasNode = clip.layout[designEnum.id] !== undefined;
    operations.push({
      op: 'addEnum',
      id,
      name,
      values: [...designEnum.values],
      ...(hasNode ? { position: positionOf(designEnum.id, index) } : {}),
    });
  }
  assertRoom(design, clip, createdEnums.length);

  for (const entity of clip.entities) {
    ids.set(entity.id, newId('ent'));
    for (const field of entity.fields) ids.set(field.id, newId('fld'));
  }
  const entityIds = new Set(clip.entities.map((e) => e.id));
  const relations = clip.relations.filter(
    (r) => entityIds.has(r.fromEntityId) && entityIds.has(r.toEntityId),
  );
  for (const relation of relations) ids.set(relation.id, newId('rel'));
  const mapped = (id: string | undefined) => (id === undefined ? undefined : ids.get(id));

  const tables = new Set(design.entities.map((e) => e.tableName ?? tableNameFor(e.name)));
  const paths = new Set(design.entities.map((e) => e.resource.path ?? resourcePathFor(e.name)));
  const copies: { entity: Entity; id: string }[] = [];
  for (const [index, entity] of clip.entities.entries()) {
    const id = ids.get(entity.id) as string;
    const name = uniqueName(entity.name, className, '');
    className.add(name);
    copies.push({ entity, id });
    operations.push({
      op: 'addEntity',
      id,
      name,
      position: positionOf(entity.id, clip.enums.length + index),
      description: entity.description,
      primaryKey: entity.primaryKey,
      timestamps: entity.timestamps,
    });
    // An explicit table name only travels when it is still free here (a paste beside the original is not).
    if (entity.tableName !== undefined && name === entity.name && !tables.has(entity.tableName)) {
      tables.add(entity.tableName);
      operations.push({ op: 'updateEntity', entityId: id, patch: { tableName: entity.tableName } });
    }
    if (clip.layout[entity.id]?.collapsed) operations.push({ op: 'toggleCollapsed', id, collapsed: true });
    for (const field of entity.fields) {
      const { copyFrom: _later, derive: _afterFields, enumId, ...rest } = field;
      const enumTarget = mapped(enumId);
      const typed =
        field.type === 'enum' && enumTarget === undefined
          ? { type: 'string' as const } // its enum did not come along: keep the values as text
          : withoutUndefined({ enumId: enumTarget });
      operations.push({
        op: 'addField',
        entityId: id,
        field: { ...rest, ...typed, id: ids.get(field.id) as string },
      });
    }
  }

  const associationTables = new Set(
    design.relations.flatMap((r) => (r.associationTable ? [r.associationTable] : [])),
  );
  for (const relation of relations) operations.push(connectCopy(relation, ids, associationTables));

  for (const { entity, id } of copies) {
    const fresh: FreshId = (kind) => newId(kind);
    const computed = copiedComputed(entity, ids, fresh);
    if (computed.length > 0) operations.push({ op: 'updateEntity', entityId: id, patch: { computed } });
    // Views after the computed fields they may show; their ids are the entity's own, so they stay.
    const views = copiedViews(entity, ids);
    if (views)
      operations.push({
        op: 'updateEntity',
        entityId: id,
        patch: { views, ...(entity.embedViewId ? { embedViewId: entity.embedViewId } : {}) },
      });
    for (const field of entity.fields) {
      const relationId = mapped(field.copyFrom?.relationId);
      const fieldId = mapped(field.copyFrom?.fieldId);
      if (relationId && fieldId)
        operations.push({
          op: 'updateField',
          fieldId: ids.get(field.id) as string,
          patch: { copyFrom: { relationId, fieldId } },
        });
      const from = mapped(field.derive?.fromFieldId);
      if (field.derive && from)
        operations.push({
          op: 'updateField',
          fieldId: ids.get(field.id) as string,
          patch: { derive: { ...field.derive, fromFieldId: from } },
        });
    }
    // Composite uniques keep the columns that came along (fields and copied relations), two or more.
    const uniques = copiedUniques(entity, ids, fresh);
    if (uniques) operations.push({ op: 'updateEntity', entityId: id, patch: { uniques } });
    operations.push(resourceCopy(entity, id, ids, paths, fresh));
  }
  return {
    operations,
    nodeIds: [
      ...copies.map((c) => c.id),
      ...createdEnums.filter((e) => clip.layout[e.id]).map((e) => ids.get(e.id) as string),
    ],
    ids,
  };
}

function connectCopy(
  relation: Relation,
  ids: Map<string, string>,
  associationTables: Set<string>,
): Operation {
  const through = relation.throughEntityId === undefined ? undefined : ids.get(relation.throughEntityId);
  const table =
    relation.associationTable !== undefined && !associationTables.has(relation.associationTable)
      ? relation.associationTable
      : undefined;
  if (table) associationTables.add(table);
  return {
    op: 'connect',
    id: ids.get(relation.id) as string,
    fromEntityId: ids.get(relation.fromEntityId) as string,
    toEntityId: ids.get(relation.toEntityId) as string,
    kind: relation.kind,
    fieldName: relation.fieldName,
    backrefName: relation.backrefName,
    nullable: relation.nullable,
    onDelete: relation.onDelete,
    ...withoutUndefined({ associationTable: table, throughEntityId: through }),
  };
}

/** The resource settings of a copy, through the new ids; refs to anything left behind are dropped. */
function resourceCopy(
  entity: Entity,
  id: string,
  ids: Map<string, string>,
  paths: Set<string>,
  freshId: FreshId,
): Operation {
  const { resource } = entity;
  const blocks = copiedResourceBlocks(entity, ids, freshId, new Set((entity.views ?? []).map((v) => v.id)));
  const ref = (r: FieldRef): FieldRef | null => {
    const relationId = r.relationId === undefined ? undefined : ids.get(r.relationId);
    if (r.relationId !== undefined && relationId === undefined) return null;
    const fieldId = r.fieldId === PRIMARY_KEY_REF ? PRIMARY_KEY_REF : ids.get(r.fieldId);
    if (fieldId === undefined) return null;
    return withoutUndefined({ relationId, fieldId });
  };
  const refs = (list: readonly FieldRef[]) => list.flatMap((r) => ref(r) ?? []);
  const { list, get, create, update, delete: remove } = resource.operations;
  const order = list.defaultOrder ? ref(list.defaultOrder.field) : null;
  const ownerPath = resource.ownerPath?.map((r) => ids.get(r));
  const ownField = (fieldId: string | undefined) =>
    fieldId === undefined
      ? undefined
      : entity.fields.some((f) => f.id === fieldId)
        ? ids.get(fieldId)
        : undefined;
  const path = resource.path !== undefined && !paths.has(resource.path) ? resource.path : undefined;
  if (path) paths.add(path);
  return {
    op: 'updateResource',
    entityId: id,
    patch: withoutUndefined({
      path,
      ...blocks,
      lookupFieldId: blocks.lookupFieldId ?? ownField(resource.lookupFieldId) ?? PRIMARY_KEY_REF,
      ownerRelationId: resource.ownerRelationId === undefined ? undefined : ids.get(resource.ownerRelationId),
      ownerPath: ownerPath?.every((r) => r !== undefined) ? (ownerPath as string[]) : undefined,
      publicRowsFieldId: ownField(resource.publicRowsFieldId),
      embed: resource.embed.flatMap((r) => ids.get(r) ?? []),
      operations: {
        list: {
          ...withoutUndefined({ ...list, defaultOrder: undefined }),
          filters: refs(list.filters),
          sortable: refs(list.sortable),
          ...(order && list.defaultOrder
            ? { defaultOrder: { field: order, direction: list.defaultOrder.direction } }
            : {}),
        },
        get,
        create,
        update,
        delete: remove,
      },
    }),
  };
}
