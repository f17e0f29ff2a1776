import type { UserCode } from './types';

/**
 * The project as it runs and ships: generated files with the user's files at their paths (a user path is never
 * the generator's, so a user file only joins the map; should both hold one, the user's wins). Sorted by path.
 */
export function withUserFiles(
  generated: Record<string, string>,
  userCode: UserCode | undefined,
): Record<string, string> {
  if (!userCode || Object.keys(userCode.files).length === 0) return generated;
  const merged: Record<string, string> = { ...generated };
  for (const [path, file] of Object.entries(userCode.files)) merged[path] = file.content;
  const sorted: Record<string, string> = {};
  for (const path of Object.keys(merged).sort()) sorted[path] = merged[path] as string;
  return sorted;
}
