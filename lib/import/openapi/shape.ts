import { camelCase, styled } from '@/lib/design/api-shape';
import { defaultApiShape } from '@/lib/design/factories';
import { pluralize, snakeCase } from '@/lib/design/names';
import type { ApiShape, Entity } from '@/lib/design/schema';
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
  if (key === singular) return '{name}';
  if (key === plural) return '{names}';
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

export function readShape(input: ShapeInput): ApiShape {
  const api = defaultApiShape();
  api.naming = namingOf(input.drafts);
  const objectKeys: string[] = [];
  const bodyWrapped: boolean[] = [];
  const lists: ApiShape['lists'][] = [];
  for (const g of input.groups) {
    const item = g.get?.success;
    if (item && !item.list)
      objectKeys.push(item.envelopeKey ? keyTemplate(item.envelopeKey, g.draft.entity, api.naming) : '');
    if (g.create?.body) bodyWrapped.push(g.create.body.envelopeKey !== undefined);
    const list = g.list?.success;
    if (list?.list) {
      if (list.itemsKey) {
        lists.push({
          kind: 'object',
          itemsKey: keyTemplate(list.itemsKey, g.draft.entity, api.naming),
          countKey: list.countKey ? keyTemplate(list.countKey, g.draft.entity, api.naming) : null,
          echoPaging: (list.pageKeys ?? []).length > 0,
        });
      } else lists.push({ kind: 'array' });
    }
  }
  const key = most(objectKeys, '');
  api.objects = key === '' ? { wrap: false, key: '{name}' } : { wrap: true, key };
  api.bodies = { wrap: most(bodyWrapped, false) && key !== '' };
  api.lists = most(lists, api.lists);
  api.paging = most(input.paging, api.paging);
  api.update = most(input.updates, api.update);
  const media = input.ops.flatMap((o) => o.errorMediaTypes);
  if (media.some((m) => m === 'application/problem+json')) api.errors = 'problem';
  else if (
    input.errorSchemas.some((s) => s.properties.includes('errors') && !s.properties.includes('detail'))
  )
    api.errors = 'field-map';
  else api.errors = 'fastapi';
  void camelCase;
  return api;
}
