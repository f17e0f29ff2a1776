/**
 * The copy of the design and of the person's own files (user code) the assistant works on. Operations arrive from the model as untrusted JSON: a batch
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
import { USER_CODE_LIMITS, userPathProblem, validateUserCode } from '@/lib/generator/user-code/paths';
import { emptyUserCode, type UserCode } from '@/lib/generator/user-code/types';

export type ApplyOutcome =
  | { ok: true; applied: number; problems: Problem[] }
  | { ok: false; applied: 0; failedIndex: number | null; error: string; problems?: Problem[] };

export type WriteOutcome = { ok: true; path: string; lines: number } | { ok: false; error: string };

/** One user file the draft changed: `before` is what the person had (the scaffold for an unwritten handler). */
export type FileChange = { path: string; before: string | null; after: string; base: string };

const problemKey = (p: Problem) => `${p.code}|${p.path}|${p.message}`;
const lineCount = (text: string) => (text === '' ? 0 : text.split('\n').length);

export class Draft {
  readonly base: Design;
  private current: Design;
  private readonly log: Operation[] = [];
  readonly baseUserCode: UserCode;
  private code: UserCode;
  /** What each written path held before the first write (null: a new file). */
  private readonly previous = new Map<string, string | null>();

  constructor(base: Design, userCode: UserCode = emptyUserCode()) {
    this.base = base;
    this.current = base;
    this.baseUserCode = userCode;
    this.code = userCode;
  }

  get userCode(): UserCode {
    return this.code;
  }

  /**
   * Writes a user file into the draft (never the stored code). `scaffold`: the text the generator would give an
   * unwritten handler or hooks module, which becomes the file's merge base and the diff's "before". Refused with
   * the reason for a path outside the user folders (generator-owned files included) and past the size limits.
   */
  write(path: string, content: string, scaffold?: string): WriteOutcome {
    const pathProblem = userPathProblem(path);
    if (pathProblem) return { ok: false, error: `${pathProblem}.` };
    if (content.includes('\0')) return { ok: false, error: 'A user file is text: no NUL characters.' };
    if (new TextEncoder().encode(content).length > USER_CODE_LIMITS.fileBytes)
      return { ok: false, error: `A user file is at most ${USER_CODE_LIMITS.fileBytes / 1024} KiB.` };
    if (lineCount(content) > USER_CODE_LIMITS.fileLines)
      return { ok: false, error: `A user file is at most ${USER_CODE_LIMITS.fileLines} lines.` };
    const current = Object.hasOwn(this.code.files, path) ? this.code.files[path] : undefined;
    const file = { content, base: current?.base ?? scaffold ?? '' };
    const next: UserCode = { files: { ...this.code.files } };
    Object.defineProperty(next.files, path, {
      value: file,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    const problems = validateUserCode(next);
    if (problems.length > 0)
      return { ok: false, error: `${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}.` };
    if (!this.previous.has(path)) this.previous.set(path, current?.content ?? scaffold ?? null);
    this.code = next;
    return { ok: true, path, lines: lineCount(content) };
  }

  /** The user files this draft changed, by path; a file written back to what it was is no change. */
  get fileChanges(): FileChange[] {
    const changes: FileChange[] = [];
    for (const [path, before] of [...this.previous].sort(([a], [b]) => a.localeCompare(b))) {
      const file = this.code.files[path];
      if (file && file.content !== before)
        changes.push({ path, before, after: file.content, base: file.base });
    }
    return changes;
  }

  get design(): Design {
    return this.current;
  }

  /** Every operation applied so far, in order: replaying them on `base` gives `design`. */
  get operations(): readonly Operation[] {
    return this.log;
  }

  get changed(): boolean {
    return (this.log.length > 0 && this.current !== this.base) || this.fileChanges.length > 0;
  }

  get designChanged(): boolean {
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
