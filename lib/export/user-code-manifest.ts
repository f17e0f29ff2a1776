import type { UserCode } from '@/lib/generator/user-code/types';

/** The design document inside every export, so the project can be imported into Fastdraft again. */
export const DESIGN_FILE = 'design.json';

/**
 * Which files of an export are the user's, with the scaffold each was last merged from: the merge base, which
 * the project's files alone do not hold. The contents are the files at those paths; a file kept out of the
 * project (orphaned: its endpoint is gone) carries its content in the manifest instead.
 */
export const USER_CODE_FILE = '.fastdraft/user-code.json';

export type UserCodeManifest = { files: Record<string, { base: string; content?: string }> };

export function userCodeManifest(userCode: UserCode, projectFiles: Readonly<Record<string, string>>): string {
  const files: UserCodeManifest['files'] = {};
  for (const path of Object.keys(userCode.files).sort()) {
    const file = userCode.files[path]!;
    files[path] = Object.hasOwn(projectFiles, path)
      ? { base: file.base }
      : { base: file.base, content: file.content };
  }
  return `${JSON.stringify({ files }, null, 2)}\n`;
}
