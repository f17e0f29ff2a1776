import fc from 'fast-check';
import type { Design } from '../schema';
import { randomDesign } from './random-design';

export { createRng, type Rng } from './random';
export { randomDesign } from './random-design';
export { type OperationSeed, operationFromSeed, operationSeedArbitrary } from './random-operations';
export { syntheticDesign } from './synthetic';

/** fast-check arbitrary of valid designs (shrinks towards seed 0 and fewer entities). */
export function designArbitrary(maxEntities = 8): fc.Arbitrary<Design> {
  return fc
    .tuple(fc.nat({ max: 0x7fffffff }), fc.nat({ max: maxEntities }))
    .map(([seed, size]) => randomDesign(seed, size));
}
