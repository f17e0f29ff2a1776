import type { UserCode } from '@/lib/generator/user-code/types';

/** The design document inside every export, so the project can be imported into Fastdraft again. */
export const DESIGN_FILE = 'design.json';

/**
 * Which files of an export are the user's, with the scaffold each was last merged from: the merge base, which
 * the project's files alone do not hold. The contents are the files at those paths.
 */
export const USER_CODE_FILE = '.fastdraft/user-code.json';

export type UserCodeManifest = { files: Record<string, { base: string }> };

export function userCodeManifest(userCode: UserCode): string {
  const files: UserCodeManifest['files'] = {};
  for (const path of Object.keys(userCode.files).sort()) files[path] = { base: userCode.files[path]!.base };
  return `${JSON.stringify({ files }, null, 2)}\n`;
}
