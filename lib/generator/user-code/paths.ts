import { utf8Length } from '@/lib/design/limits';
import type { UserCode, UserCodeProblem } from './types';

/** Where user files may live: one folder level of Python modules under these roots. */
export const USER_CODE_ROOTS = ['app/handlers', 'app/hooks', 'tests/custom'] as const;

/**
 * Bounds on stored user code. `baseLines` bounds the merge: node-diff3's LCS grows with the square of the
 * base's lines (a scaffold is well under 100) times the user's lines; with these, the worst merge of a whole
 * workspace stays under a second.
 */
export const USER_CODE_LIMITS = {
  files: 200,
  pathLength: 120,
  fileBytes: 256 * 1024,
  totalBytes: 2 * 2 ** 20,
  fileLines: 10_000,
  totalLines: 20_000,
  baseLines: 300,
} as const;

const USER_PATH = /^(app\/handlers|app\/hooks|tests\/custom)\/[A-Za-z_][A-Za-z0-9_]*\.py$/;

/**
 * Why a path cannot hold a user file, or null. The only generated files under the roots are their
 * `__init__.py`: a user file never replaces a generated one.
 */
export function userPathProblem(path: string): string | null {
  if (path.length > USER_CODE_LIMITS.pathLength)
    return `A user file path is at most ${USER_CODE_LIMITS.pathLength} characters`;
  if (path.startsWith('/') || path.includes('\\') || path.split('/').includes('..'))
    return 'A user file path is relative to the project, without ".." or backslashes';
  if (path.endsWith('/__init__.py'))
    return `${path} is written by the generator: a user file cannot replace it`;
  if (!USER_PATH.test(path))
    return `User files are Python modules directly under ${USER_CODE_ROOTS.map((r) => `${r}/`).join(', ')} (e.g. app/handlers/publish_post.py)`;
  return null;
}

const lineCount = (text: string) => (text === '' ? 0 : text.split('\n').length);

/**
 * Every problem of a stored `UserCode` on its own (paths, sizes, text), without a design: the storage API
 * refuses a save with these, the generator leaves such files out.
 */
export function validateUserCode(userCode: UserCode): UserCodeProblem[] {
  const problems: UserCodeProblem[] = [];
  const refuse = (path: string, message: string) =>
    problems.push({ code: 'user-file-refused', path, line: 1, message });
  const paths = Object.keys(userCode.files).sort();
  if (paths.length > USER_CODE_LIMITS.files) {
    for (const path of paths.slice(USER_CODE_LIMITS.files))
      refuse(path, `At most ${USER_CODE_LIMITS.files} user files`);
  }
  let totalBytes = 0;
  let totalLines = 0;
  for (const path of paths.slice(0, USER_CODE_LIMITS.files)) {
    const file = userCode.files[path];
    const pathProblem = userPathProblem(path);
    if (pathProblem) {
      refuse(path, pathProblem);
      continue;
    }
    if (!file || typeof file.content !== 'string' || typeof file.base !== 'string') {
      refuse(path, 'A user file has a text content and a text base');
      continue;
    }
    const bytes = utf8Length(file.content) + utf8Length(file.base);
    if (
      utf8Length(file.content) > USER_CODE_LIMITS.fileBytes ||
      utf8Length(file.base) > USER_CODE_LIMITS.fileBytes
    ) {
      refuse(path, `A user file is at most ${USER_CODE_LIMITS.fileBytes / 1024} KiB`);
      continue;
    }
    const lines = lineCount(file.content);
    if (lines > USER_CODE_LIMITS.fileLines) {
      refuse(path, `A user file is at most ${USER_CODE_LIMITS.fileLines} lines`);
      continue;
    }
    if (lineCount(file.base) > USER_CODE_LIMITS.baseLines) {
      refuse(
        path,
        `The merge base of a user file is a scaffold of at most ${USER_CODE_LIMITS.baseLines} lines`,
      );
      continue;
    }
    if (file.content.includes('\0') || file.base.includes('\0')) {
      refuse(path, 'A user file is text: no NUL characters');
      continue;
    }
    totalBytes += bytes;
    totalLines += lines;
    if (totalBytes > USER_CODE_LIMITS.totalBytes) {
      refuse(path, `All user files together are at most ${USER_CODE_LIMITS.totalBytes / 2 ** 20} MiB`);
      continue;
    }
    if (totalLines > USER_CODE_LIMITS.totalLines)
      refuse(path, `All user files together are at most ${USER_CODE_LIMITS.totalLines} lines`);
  }
  return problems;
}

/** The user folders as path prefixes (`app/handlers/`), for messages and the API's description. */
export const USER_CODE_DIRS = USER_CODE_ROOTS.map((root) => `${root}/`);
export const USER_PATH_MAX = USER_CODE_LIMITS.pathLength;
export const isUserPath = (path: string): boolean => userPathProblem(path) === null;
