import {
  API_KEY,
  fieldApiName,
  keyTemplateProblem,
  pagingParams,
  resourceApiShape,
  styled,
  timestampApiNames,
} from '../api-shape';
import { foreignKeyColumnFor } from '../names';
import type { Entity } from '../schema';
import type { Context } from './context';

/**
 * The API's shape (issue 16): key templates that expand to JSON keys, API and query-parameter names that are
 * identifiers, and no two things answered or queried under the same name.
 */
export function checkApiShape(ctx: Context): void {
  const api = ctx.design.api;
  const template = (value: string | null | undefined, path: string, what: string, elementId?: string) => {
    if (value === null || value === undefined) return;
    const problem = keyTemplateProblem(value);
    if (problem) ctx.report('invalid-key-template', path, `${what} '${value}': ${problem}.`, elementId);
  };
  const name = (value: string | undefined, path: string, what: string, elementId?: string) => {
    if (value === undefined || API_KEY.test(value)) return true;
    ctx.report(
      'invalid-api-name',
      path,
      `${what} '${value}' must be letters, digits and _ (not starting with a digit).`,
      elementId,
    );
    return false;
  };
  template(api.objects.key, 'api.objects.key', 'The object key');
  if (api.lists.kind === 'object') {
    template(api.lists.itemsKey, 'api.lists.itemsKey', 'The items key');
    template(api.lists.countKey, 'api.lists.countKey', 'The count key');
  }
  const paging = pagingParams(api.paging);
  const pagingPath = api.paging.style === 'page' ? ['pageParam', 'sizeParam'] : ['limitParam', 'offsetParam'];
  paging.forEach((param, i) => {
    const path = `api.paging.${pagingPath[i]}`;
    if (!name(param, path, 'The paging parameter')) return;
    if (param === 'sort')
      ctx.report(
        'reserved-query-param',
        path,
        "'sort' is the sort parameter: name the paging parameter otherwise.",
      );
  });
  if (paging.length === 2 && paging[0] === paging[1])
    ctx.report(
      'duplicate-api-name',
      `api.paging.${pagingPath[1]}`,
      `Both paging parameters are called '${paging[0]}'.`,
    );
  const stamps = timestampApiNames(api);
  name(api.timestamps.created, 'api.timestamps.created', 'The created timestamp name');
  name(api.timestamps.updated, 'api.timestamps.updated', 'The updated timestamp name');
  if (stamps.created === stamps.updated)
    ctx.report(
      'duplicate-api-name',
      'api.timestamps.updated',
      `Both timestamps are called '${stamps.created}'.`,
    );

  ctx.design.entities.forEach((entity, i) => {
    checkEntity(ctx, entity, i, template, name);
  });
}

type TemplateCheck = (
  value: string | null | undefined,
  path: string,
  what: string,
  elementId?: string,
) => void;
type NameCheck = (value: string | undefined, path: string, what: string, elementId?: string) => boolean;

function checkEntity(
  ctx: Context,
  entity: Entity,
  i: number,
  template: TemplateCheck,
  name: NameCheck,
): void {
  const api = ctx.design.api;
  const base = `entities[${i}]`;
  const own = entity.resource.shape;
  template(own?.objectKey, `${base}.resource.shape.objectKey`, `The object key of ${entity.name}`, entity.id);
  template(own?.itemsKey, `${base}.resource.shape.itemsKey`, `The items key of ${entity.name}`, entity.id);
  template(own?.countKey, `${base}.resource.shape.countKey`, `The count key of ${entity.name}`, entity.id);

  // The keys of one answered row: every JSON name once.
  const seen = new Map<string, string>();
  const claim = (json: string, what: string, path: string, elementId: string) => {
    const before = seen.get(json);
    if (before !== undefined) {
      ctx.report(
        'duplicate-api-name',
        path,
        `${what} of ${entity.name} is answered as '${json}', like ${before}: give one another API name.`,
        elementId,
      );
    } else seen.set(json, what);
  };
  claim(styled('id', api.naming), 'the id', `${base}.fields`, entity.id);
  if (entity.timestamps) {
    const stamps = timestampApiNames(api);
    claim(stamps.created, 'the created timestamp', 'api.timestamps.created', entity.id);
    claim(stamps.updated, 'the updated timestamp', 'api.timestamps.updated', entity.id);
  }
  entity.fields.forEach((field, j) => {
    const path = `${base}.fields[${j}].apiName`;
    if (!name(field.apiName, path, `The API name of ${entity.name}.${field.name}`, field.id)) return;
    claim(fieldApiName(field, api.naming), `field '${field.name}'`, path, field.id);
  });
  for (const relation of ctx.design.relations) {
    if (relation.fromEntityId !== entity.id || relation.kind === 'many-to-many') continue;
    const json = styled(foreignKeyColumnFor(relation.fieldName), api.naming);
    claim(json, `the foreign key of '${relation.fieldName}'`, `${base}.fields`, entity.id);
  }

  // Query parameters of the list: paging, sort, then each filter's own.
  const list = entity.resource.operations.list;
  const params = new Set([...pagingParams(api.paging), 'sort']);
  list.filters.forEach((filter, j) => {
    const path = `${base}.resource.operations.list.filters[${j}].param`;
    if (filter.param === undefined) return;
    if (!name(filter.param, path, `The filter parameter of ${entity.name}`, entity.id)) return;
    if (params.has(filter.param)) {
      ctx.report(
        'reserved-query-param',
        path,
        `The filter parameter '${filter.param}' of ${entity.name} is taken by paging, sorting or another filter.`,
        entity.id,
      );
    }
    params.add(filter.param);
  });

  // A list object's keys: items, count and the echoed paging are distinct.
  const shape = resourceApiShape(api, entity);
  if (shape.list.kind === 'object') {
    const keys = [shape.list.itemsKey, ...(shape.list.countKey === null ? [] : [shape.list.countKey])];
    if (shape.list.echoPaging) keys.push(...pagingParams(api.paging));
    const dup = keys.find((k, n) => keys.indexOf(k) !== n);
    if (dup !== undefined) {
      ctx.report(
        'duplicate-api-name',
        `${base}.resource.shape`,
        `The list of ${entity.name} would hold '${dup}' twice (items, count and paging keys must differ).`,
        entity.id,
      );
    }
  }
}
