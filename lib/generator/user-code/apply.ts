import {
  definedHooks,
  entityHooks,
  type HookName,
  handlerPath,
  hooksPath,
  scaffoldIdOf,
  type UserCodeInfo,
} from '../fastapi/user-code';
import type { IrEntity, IrProject } from '../ir/types';
import { conflictMarkerLines, mergeThreeWay } from './merge';
import { USER_CODE_ROOTS, validateUserCode } from './paths';
import type { UserCode, UserCodeProblem, UserFile } from './types';

/**
 * The user's files against this generation's scaffolds:
 * - a scaffold path (a custom endpoint's handler, an entity's hooks): the stored file merged three-way (base:
 *   the scaffold it was last merged from, ours: the user's text, theirs: the new scaffold). An unchanged file
 *   becomes the new scaffold; a clean merge is applied; a conflict keeps both sides between markers;
 * - a handler nobody has written yet: its scaffold;
 * - a file the user created (base ''): kept as it is, in the project;
 * - a file whose endpoint or entity is gone: kept in the state, out of the project, listed as orphaned (dropped
 *   when the user never changed it: nothing of theirs is lost);
 * - a file whose endpoint or entity got a new path (`# fastdraft-id` of its base): moved there and merged;
 * - a refused file (path, size): kept in the state as it is, out of the project, with a problem.
 */
export type UserCodeMerge = {
  /** The user-owned files of the project, by path. */
  files: Record<string, string>;
  /**
   * What to store: each file's content and the scaffold it now derives from. A file that is exactly its
   * scaffold is left out (generation recreates it), so the state holds only what the user wrote.
   */
  state: UserCode;
  orphaned: string[];
  /** Files that followed their endpoint or entity to a new path (an endpoint's path, an entity's name changed). */
  renamed: { from: string; to: string }[];
  problems: UserCodeProblem[];
  info: UserCodeInfo;
};

/** Own property even for a hostile key (`__proto__` is refused as a path, but never becomes a prototype). */
function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

const CONFLICT_MESSAGE =
  'Merge conflict: the design changed these lines of the scaffold and you changed them too. Keep what you need between <<<<<<< yours and >>>>>>> generated and delete the markers.';

export function applyUserCode(
  project: IrProject,
  scaffolds: Readonly<Record<string, string>>,
  stored: UserCode,
): UserCodeMerge {
  // A caller's value, checked by its API: still, a missing `files` is no user code rather than a crash.
  const userCode: UserCode =
    typeof stored?.files === 'object' && stored.files !== null ? stored : { files: {} };
  const problems = validateUserCode(userCode);
  const refused = new Set(problems.map((p) => p.path));
  const files: Record<string, string> = {};
  const state: UserCode = { files: {} };
  const orphaned: string[] = [];
  const keep = (path: string, file: UserFile) =>
    setOwn(state.files, path, { content: file.content, base: file.base });
  const handlers = new Map(
    project.operations.filter((op) => op.kind === 'custom').map((op) => [handlerPath(op), op] as const),
  );
  const paths = Object.keys(userCode.files).sort();
  const moves = followRenames(scaffolds, userCode, paths, refused);
  const renamed: { from: string; to: string }[] = [];
  for (const storedPath of paths) {
    const file = userCode.files[storedPath] as UserFile;
    if (refused.has(storedPath)) {
      // Kept for the user to fix, unless it is not even a file (then there is nothing to keep).
      if (typeof file?.content === 'string' && typeof file.base === 'string') keep(storedPath, file);
      continue;
    }
    const path = moves.get(storedPath) ?? storedPath;
    if (path !== storedPath) renamed.push({ from: storedPath, to: path });
    const scaffold = Object.hasOwn(scaffolds, path) ? scaffolds[path] : undefined;
    if (file.base === '') {
      setOwn(files, path, file.content);
      keep(path, file);
    } else if (scaffold === undefined) {
      if (file.content !== file.base) {
        orphaned.push(path);
        keep(path, file);
      }
    } else {
      const merged = mergeThreeWay(file.base, file.content, scaffold);
      setOwn(files, path, merged.content);
      if (merged.content !== scaffold) keep(path, { content: merged.content, base: scaffold });
    }
  }
  // Every route calls its handler: a handler not written yet (or refused) is its scaffold in the project.
  for (const path of handlers.keys()) {
    if (!Object.hasOwn(files, path)) setOwn(files, path, scaffolds[path] as string);
  }
  for (const path of Object.keys(files)) {
    for (const line of conflictMarkerLines(files[path] as string))
      problems.push({ code: 'merge-conflict', path, line, message: CONFLICT_MESSAGE });
  }
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
  return { files, state, orphaned, renamed, problems, info: infoOf(project, scaffolds, files, handlers) };
}

/**
 * Stored files whose scaffold is gone from their path but whose base names an endpoint or entity that still
 * has a scaffold elsewhere (its path or name changed): moved there, when nothing is stored at the new path.
 */
function followRenames(
  scaffolds: Readonly<Record<string, string>>,
  userCode: UserCode,
  stored: readonly string[],
  refused: ReadonlySet<string>,
): Map<string, string> {
  const byId = new Map<string, string>();
  for (const [path, text] of Object.entries(scaffolds)) {
    const id = scaffoldIdOf(text);
    if (id) byId.set(id, path);
  }
  const moves = new Map<string, string>();
  const taken = new Set(stored);
  for (const path of stored) {
    const file = userCode.files[path] as UserFile;
    if (refused.has(path) || file.base === '' || Object.hasOwn(scaffolds, path)) continue;
    const id = scaffoldIdOf(file.base);
    const target = id ? byId.get(id) : undefined;
    if (target === undefined || taken.has(target)) continue;
    moves.set(path, target);
    taken.add(target);
  }
  return moves;
}

function infoOf(
  project: IrProject,
  scaffolds: Readonly<Record<string, string>>,
  files: Readonly<Record<string, string>>,
  handlers: ReadonlyMap<string, { handler: string }>,
): UserCodeInfo {
  const implemented = new Set<string>();
  for (const [path, op] of handlers) if (files[path] !== scaffolds[path]) implemented.add(op.handler);
  const hooks = new Map<string, ReadonlySet<HookName>>();
  for (const entity of project.entities as IrEntity[]) {
    const content = Object.hasOwn(files, hooksPath(entity)) ? files[hooksPath(entity)] : undefined;
    if (content === undefined) continue;
    const possible = new Set(entityHooks(entity));
    hooks.set(entity.id, new Set([...definedHooks(content)].filter((h) => possible.has(h))));
  }
  const packages = new Set(
    USER_CODE_ROOTS.filter((root) => Object.keys(files).some((p) => p.startsWith(`${root}/`))),
  );
  return { implemented, hooks, packages };
}
