import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOperation, OperationError } from '../operations';
import { DesignSchema } from '../schema';
import { templates } from '../templates';
import { DANGLING_REFERENCE_CODES, validateDesign } from '../validate';
import {
  designArbitrary,
  operationFromSeed,
  operationSeedArbitrary,
  randomDesign,
  syntheticDesign,
} from './arbitraries';

const startingPoints = fc.oneof(
  fc.constantFrom(templates.blank(), templates.blog(), templates.todo(), templates.shop()),
  designArbitrary(5),
);

describe('random operation sequences', () => {
  it('always leave a schema-valid design without dangling references, or throw OperationError', () => {
    const outcomes = { applied: 0, rejected: 0 };
    fc.assert(
      fc.property(startingPoints, fc.array(operationSeedArbitrary, { maxLength: 40 }), (start, seeds) => {
        let design = start;
        seeds.forEach((seed, step) => {
          const operation = operationFromSeed(design, seed, step);
          try {
            design = applyOperation(design, operation);
            outcomes.applied++;
          } catch (error) {
            expect(error).toBeInstanceOf(OperationError);
            outcomes.rejected++;
          }
          expect(DesignSchema.safeParse(design).success).toBe(true);
          const dangling = validateDesign(design).filter((p) => DANGLING_REFERENCE_CODES.has(p.code));
          expect(dangling).toEqual([]);
        });
      }),
      { numRuns: 300 },
    );
    // Both paths are exercised, and most generated operations do apply.
    expect(outcomes.applied).toBeGreaterThan(outcomes.rejected);
    expect(outcomes.rejected).toBeGreaterThan(0);
  });

  it('never mutate the design they are given', () => {
    fc.assert(
      fc.property(startingPoints, fc.array(operationSeedArbitrary, { maxLength: 10 }), (start, seeds) => {
        const snapshot = structuredClone(start);
        let design = start;
        seeds.forEach((seed, step) => {
          try {
            design = applyOperation(design, operationFromSeed(design, seed, step));
          } catch {}
        });
        expect(start).toEqual(snapshot);
      }),
      { numRuns: 100 },
    );
  });
});

describe('randomDesign', () => {
  it('is deterministic', () => {
    expect(randomDesign(42, 6)).toEqual(randomDesign(42, 6));
    expect(randomDesign(42, 6)).not.toEqual(randomDesign(43, 6));
  });

  it('is schema-valid and has no problems', () => {
    fc.assert(
      fc.property(designArbitrary(12), (design) => {
        expect(DesignSchema.safeParse(design).success).toBe(true);
        expect(validateDesign(design)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('can be large', () => {
    const design = randomDesign(7, 45);
    expect(design.entities.length).toBeGreaterThanOrEqual(45);
    expect(validateDesign(design)).toEqual([]);
  });
});

describe('syntheticDesign', () => {
  it('builds a deterministic valid 300-entity design', () => {
    const design = syntheticDesign(300);
    expect(design.entities).toHaveLength(300);
    expect(design.relations).toHaveLength(299);
    expect(Object.keys(design.layout.nodes)).toHaveLength(300);
    expect(DesignSchema.parse(design)).toEqual(design);
    expect(validateDesign(design)).toEqual([]);
    expect(syntheticDesign(300)).toEqual(design);
  });

  it('handles zero entities', () => {
    expect(validateDesign(syntheticDesign(0))).toEqual([]);
  });
});
