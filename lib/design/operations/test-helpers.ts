import { expect } from 'vitest';
import { type Design, DesignSchema } from '../schema';
import { templates } from '../templates';
import { DANGLING_REFERENCE_CODES, validateDesign } from '../validate';
import { OperationError, type OperationErrorCode } from './errors';

/** A frozen blog template: any mutation by an operation throws. */
export function frozenBlog(): Design {
  return deepFreeze(templates.blog());
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** The result is schema-valid and has no dangling references. */
export function expectConsistent(design: Design): void {
  expect(DesignSchema.safeParse(design).success).toBe(true);
  expect(validateDesign(design).filter((p) => DANGLING_REFERENCE_CODES.has(p.code))).toEqual([]);
}

export function expectOperationError(run: () => unknown, code: OperationErrorCode, message?: RegExp): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(OperationError);
    expect((error as OperationError).code).toBe(code);
    if (message) expect((error as Error).message).toMatch(message);
    return;
  }
  throw new Error('expected an OperationError');
}

export function entityOf(design: Design, id: string) {
  const found = design.entities.find((e) => e.id === id);
  if (!found) throw new Error(`no entity ${id}`);
  return found;
}
