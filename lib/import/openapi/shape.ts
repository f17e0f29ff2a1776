import { styled } from '@/lib/design/api-shape';
import { defaultApiShape } from '@/lib/design/factories';
import { pluralize, snakeCase } from '@/lib/design/names';
import type { ApiShape, Entity, ResourceShape } from '@/lib/design/schema';
import type { EntityDraft } from './fields';
import type { ApiOperation } from './operations';

/** The API's shape from what the document shows: naming, envelopes, list pages, paging, update verb, errors. */

const most = <T>(votes: T[], fallback: T): T => {
  const counts = new Map<string, { value: T; n: number }>();
  for (const v of votes) {
    const k = JSON.stringify(v);
    const c = counts.get(k) ?? { value: v, n: 0 };
    c.n++;
    counts.set(k, c);
  }
  let best: { value: T; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.value ?? fallback;
};

export function namingOf(drafts: EntityDraft[]): ApiShape['naming'] {
  let camel = 0;
  let snake = 0;
  for (const d of drafts)
    for (const n of d.jsonNames) {
      if (/^[a-z][a-z0-9]*[A-Z]/.test(n)) camel++;
      else if (/^[a-z0-9]+_[a-z0-9_]+$/.test(n)) snake++;
    }
  return camel > snake ? 'camelCase' : 'snake_case';
}

/** A key as a template of the entity's name (`post` -> `{name}`, `posts` -> `{names}`), else literal. */
export function keyTemplate(key: string, entity: Pick<Entity, 'name'>, naming: ApiShape['naming']): string {
  const singular = styled(snakeCase(entity.name), naming);
  const plural = styled(pluralize(snakeCase(entity.name)), naming);
  // `articlesCount` is `{names}Count`: the entity's name, then literal text.
  if (key.startsWith(plural)) return `{names}${key.slice(plural.length)}`;
  if (key.startsWith(singular)) return `{name}${key.slice(singular.length)}`;
  return key;
}

export type ShapeInput = {
  drafts: EntityDraft[];
  ops: ApiOperation[];
  groups: Array<{ draft: EntityDraft; list?: ApiOperation; get?: ApiOperation; create?: ApiOperation }>;
  paging: ApiShape['paging'][];
  updates: Array<'patch' | 'put' | 'both'>;
  errorSchemas: Array<{ name: string; properties: string[] }>;
};

export type ShapeResult = { api: ApiShape; overrides: Map<EntityDraft, ResourceShape> };

export function readShape(input: ShapeInput): ShapeResult {
  const api = defaultApiShape();
  api.naming = namingOf(input.drafts);
  const objectKeys: string[] = [];
  const bodyWrapped: boolean[] = [];
  const lists: ApiShape['lists'][] = [];
  const own = new Map<EntityDraft, { objectKey?: string; list?: ApiShape['lists'] }>();
  for (const g of input.groups) {
    const mine: { objectKey?: string; list?: ApiShape['lists'] } = {};
    own.set(g.draft, mine);
    const item = (g.get ?? g.create)?.success;
    if (item && !item.list) {
      const key = item.envelopeKey ? keyTemplate(item.envelopeKey, g.draft.entity, api.naming) : '';
      objectKeys.push(key);
      mine.objectKey = key;
    }
    if (g.create?.body) bodyWrapped.push(g.create.body.envelopeKey !== undefined);
    const list = g.list?.success;
    if (list?.list) {
      mine.list = list.itemsKey
        ? {
            kind: 'object',
            itemsKey: keyTemplate(list.itemsKey, g.draft.entity, api.naming),
            countKey: list.countKey ? keyTemplate(list.countKey, g.draft.entity, api.naming) : null,
            echoPaging: (list.pageKeys ?? []).length > 0,
          }
        : { kind: 'array' };
      lists.push(mine.list);
    }
  }
  const key = most(objectKeys, '');
  api.objects = key === '' ? { wrap: false, key: '{name}' } : { wrap: true, key };
  api.bodies = { wrap: most(bodyWrapped, false) && key !== '' };
  // The project's list shape: the usual items key, and a count when any list has one (the others opt out).
  const objectLists = lists.filter(
    (l): l is Extract<ApiShape['lists'], { kind: 'object' }> => l.kind === 'object',
  );
  const kind = most(
    lists.map((l) => l.kind),
    api.lists.kind,
  );
  if (kind === 'array') api.lists = { kind: 'array' };
  else if (objectLists.length > 0) {
    const counts = objectLists.map((l) => l.countKey).filter((c): c is string => c !== null);
    api.lists = {
      kind: 'object',
      itemsKey: most(
        objectLists.map((l) => l.itemsKey),
        'items',
      ),
      countKey: counts.length > 0 ? most(counts, 'total') : null,
      echoPaging: most(
        objectLists.map((l) => l.echoPaging),
        false,
      ),
    };
  }
  const overrides = new Map<EntityDraft, ResourceShape>();
  for (const [draft, mine] of own) {
    const shape: ResourceShape = {};
    if (api.objects.wrap && mine.objectKey && mine.objectKey !== api.objects.key)
      shape.objectKey = mine.objectKey;
    const l = mine.list;
    if (api.lists.kind === 'object' && l?.kind === 'object') {
      if (l.itemsKey !== api.lists.itemsKey) shape.itemsKey = l.itemsKey;
      if (l.countKey !== api.lists.countKey) shape.countKey = l.countKey;
    }
    if (Object.keys(shape).length > 0) overrides.set(draft, shape);
  }
  api.paging = most(input.paging, api.paging);
  api.update = most(input.updates, api.update);
  const media = input.ops.flatMap((o) => o.errorMediaTypes);
  if (media.some((m) => m === 'application/problem+json')) api.errors = 'problem';
  else if (
    input.errorSchemas.some((s) => s.properties.includes('errors') && !s.properties.includes('detail'))
  )
    api.errors = 'field-map';
  else api.errors = 'fastapi';
  return { api, overrides };
}
