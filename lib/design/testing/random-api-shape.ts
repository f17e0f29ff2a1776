import type { ApiShape } from '../schema';
import type { Rng } from './random';

/**
 * An API shape for a random design: half keep FastAPI's default (the designs before issue 16 stay as they
 * were), half draw naming, envelopes, list shape, paging and update verb. Always valid (`checkApiShape`).
 */
export function randomApiShape(rng: Rng, base: ApiShape): ApiShape {
  if (rng.bool()) return base;
  const paging = rng.pick([
    { style: 'offset', limitParam: 'limit', offsetParam: 'offset' },
    { style: 'offset', limitParam: 'take', offsetParam: 'skip' },
    { style: 'page', pageParam: 'page', sizeParam: 'pageSize' },
    { style: 'none' },
  ] as const satisfies ApiShape['paging'][]);
  const lists: ApiShape['lists'] = rng.bool(0.3)
    ? { kind: 'array' }
    : {
        kind: 'object',
        itemsKey: rng.pick(['items', '{names}']),
        countKey: rng.pick(['total', '{names}Count', null]),
        echoPaging: rng.bool(),
      };
  return {
    ...base,
    naming: rng.pick(['snake_case', 'camelCase'] as const),
    objects: { wrap: rng.bool(0.4), key: rng.pick(['{name}', 'data']) },
    bodies: { wrap: rng.bool(0.3) },
    lists,
    paging,
    update: rng.pick(['patch', 'put', 'both'] as const),
  };
}
