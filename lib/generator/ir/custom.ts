import { styled } from '@/lib/design/api-shape';
import type { Design } from '@/lib/design/schema';
import { toAccess } from './access';
import { endpointFunctionName, uniqueName } from './naming';
import type { IrCustomEndpoint, IrEntity } from './types';

/** Stubs for hand-written endpoints, all in the `custom` router with their full paths. */
export function buildCustomEndpoints(
  design: Design,
  entityById: ReadonlyMap<string, IrEntity>,
): IrCustomEndpoint[] {
  const names = new Set<string>();
  return design.customEndpoints.map((endpoint) => {
    const entity = endpoint.entityId === undefined ? undefined : entityById.get(endpoint.entityId);
    const path = entity ? `${entity.resource.path}${endpoint.path}` : endpoint.path;
    const functionName = uniqueName(endpointFunctionName(endpoint.method, path), names);
    names.add(functionName);
    const pathParams = [...path.matchAll(/\{([a-z_][a-z0-9_]*)\}/g)].map((m) => m[1] as string);
    return {
      id: endpoint.id,
      method: endpoint.method,
      path,
      pathParams: [...new Set(pathParams)],
      query: (endpoint.query ?? []).map((q) => ({
        name: q.name,
        wire: styled(q.name, design.api.naming),
        type: q.type,
        required: q.required,
        description: q.description?.trim() ? q.description.trim() : null,
      })),
      summary: endpoint.summary,
      access: toAccess(endpoint.access),
      functionName,
      module: 'custom',
      requestId: endpoint.request?.entityId ?? null,
      response: endpoint.response
        ? { entityId: endpoint.response.entityId, list: endpoint.response.list }
        : null,
      entityId: entity?.id ?? null,
    };
  });
}
