import { userPathProblem } from '@/lib/generator/user-code/paths';

/** Where "New file" may create a file: the custom tests and the handler modules. */
export const NEW_FILE_FOLDERS = ['tests/custom/', 'app/handlers/'] as const;
export type NewFileFolder = (typeof NEW_FILE_FOLDERS)[number];

/**
 * The path of a new user file from a folder and a typed name (`.py` added when missing), or why not: the
 * user path rule, and no second file at a path already taken.
 */
export function newUserFilePath(
  folder: NewFileFolder,
  name: string,
  taken: ReadonlySet<string>,
): { path: string } | { problem: string } {
  const trimmed = name.trim();
  if (trimmed === '') return { problem: 'Name the file.' };
  const file = trimmed.endsWith('.py') ? trimmed : `${trimmed}.py`;
  const path = `${folder}${file}`;
  const problem = userPathProblem(path);
  if (problem) return { problem: `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.` };
  if (taken.has(path)) return { problem: `${path} already exists.` };
  return { path };
}

/** What a new file starts with: a test module pytest collects, or an empty handler module. */
export function newUserFileContent(path: string): string {
  if (path.startsWith('tests/custom/'))
    return '"""Tests of my own: they run with the generated suite."""\n\n\ndef test_example() -> None:\n    assert True\n';
  return '';
}
