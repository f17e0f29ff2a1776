/**
 * The copy of the design the assistant works on. Operations arrive from the model as untrusted JSON: a batch
 * applies all or nothing, and a batch that fails its schema, does not fit the design, or leaves the design with
 * new validation problems is refused with the reason (which goes back to the model) and changes nothing.
 * Pure: no I/O, so the loop's behaviour is testable without a model.
 */
import {
  applyOperation,
  type Design,
  type Operation,
  OperationError,
  OperationSchema,
  validateDesign,
} from '@/lib/design';
import { formatPath } from '@/lib/design/paths';
import { coversANode, nextNodePosition } from '@/lib/design/placement';
import type { Problem } from '@/lib/design/validate/problem';

export type ApplyOutcome =
  | { ok: true; applied: number; problems: Problem[] }
  | { ok: false; applied: 0; failedIndex: number | null; error: string; problems?: Problem[] };

const problemKey = (p: Problem) => `${p.code}|${p.path}|${p.message}`;

export class Draft {
  readonly base: Design;
  private current: Design;
  private readonly log: Operation[] = [];

  constructor(base: Design) {
    this.base = base;
    this.current = base;
  }

  get design(): Design {
    return this.current;
  }

  /** Every operation applied so far, in order: replaying them on `base` gives `design`. */
  get operations(): readonly Operation[] {
    return this.log;
  }

  get changed(): boolean {
    return this.log.length > 0 && this.current !== this.base;
  }

  apply(batch: readonly unknown[]): ApplyOutcome {
    const parsed: Operation[] = [];
    for (const [index, raw] of batch.entries()) {
      const result = OperationSchema.safeParse(raw);
      if (!result.success) {
        const issue = result.error.issues[0];
        const op = typeof raw === 'object' && raw && 'op' in raw ? String((raw as { op: unknown }).op) : '?';
        const where = issue?.path.length ? ` at ${formatPath(issue.path)}` : '';
        return {
          ok: false,
          applied: 0,
          failedIndex: index,
          error: `Operation ${index} (${op}) is not valid${where}: ${issue?.message ?? 'unknown problem'}.`,
        };
      }
      parsed.push(result.data);
    }
    const before = new Set(validateDesign(this.current).map(problemKey));
    let next = this.current;
    for (const [index, original] of parsed.entries()) {
      const operation = placed(next, original);
      parsed[index] = operation;
      try {
        next = applyOperation(next, operation);
      } catch (error) {
        if (!(error instanceof OperationError)) throw error;
        return {
          ok: false,
          applied: 0,
          failedIndex: index,
          error: `Operation ${index} (${operation.op}) cannot apply: ${error.message}`,
        };
      }
    }
    const problems = validateDesign(next);
    const added = problems.filter((p) => !before.has(problemKey(p)));
    if (added.length > 0) {
      return {
        ok: false,
        applied: 0,
        failedIndex: null,
        error: 'The operations would leave the design with new problems; nothing was applied.',
        problems: added,
      };
    }
    this.current = next;
    this.log.push(...parsed);
    return { ok: true, applied: parsed.length, problems };
  }
}

/** A model cannot see the canvas: a new box it puts on top of another goes next to the others instead. */
function placed(design: Design, operation: Operation): Operation {
  if (operation.op !== 'addEntity' && operation.op !== 'addEnum') return operation;
  if (!operation.position || coversANode(design, operation.position))
    return { ...operation, position: nextNodePosition(design) };
  return operation;
}
