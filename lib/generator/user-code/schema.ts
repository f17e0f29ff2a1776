import { z } from 'zod';
import { USER_CODE_LIMITS, USER_PATH_MAX, userPathProblem } from './paths';
import { emptyUserCode, type UserCode } from './types';

// Bounds of a workspace's user code (`USER_CODE_LIMITS`): stored in one row, posted in one body, materialised in
// every preview. The generator holds them, since it refuses the same files on its own.
export { USER_CODE_LIMITS };

const utf8 = new TextEncoder();

export const UserFileSchema = z.object({ content: z.string(), base: z.string() }).strict();

/**
 * User code as the API takes and the database keeps it: paths under the user folders only (see
 * `userPathProblem`), at most `USER_CODE_LIMITS.files` files and `totalBytes` of text.
 */
export const UserCodeSchema = z
  .object({ files: z.record(z.string().max(USER_PATH_MAX), UserFileSchema) })
  .strict()
  .superRefine((code, ctx) => {
    const paths = Object.keys(code.files);
    if (paths.length > USER_CODE_LIMITS.files) {
      ctx.addIssue({
        code: 'custom',
        path: ['files'],
        message: `At most ${USER_CODE_LIMITS.files} user files.`,
      });
    }
    for (const path of paths) {
      const problem = userPathProblem(path);
      if (problem)
        ctx.addIssue({ code: 'custom', path: ['files', path], message: `Not a user file path: ${problem}.` });
    }
    if (userCodeTooLarge(code)) {
      ctx.addIssue({
        code: 'too_big',
        origin: 'string',
        maximum: USER_CODE_LIMITS.totalBytes,
        path: ['files'],
        message: `User code is at most ${USER_CODE_LIMITS.totalBytes / 2 ** 20} MiB in all.`,
      });
    }
  });

/** UTF-8 size of the texts of a (not yet validated) user code value: what `totalBytes` bounds. */
export function userCodeBytes(value: unknown): number {
  if (!value || typeof value !== 'object') return 0;
  const files = (value as { files?: unknown }).files;
  if (!files || typeof files !== 'object') return 0;
  let bytes = 0;
  for (const file of Object.values(files as Record<string, unknown>)) {
    if (!file || typeof file !== 'object') continue;
    for (const key of ['content', 'base'] as const) {
      const text = (file as Record<string, unknown>)[key];
      if (typeof text === 'string') bytes += utf8.encode(text).length;
    }
  }
  return bytes;
}

/** Whether user code is past the byte limit (routes answer 413 for it before validating, 422 after). */
export const userCodeTooLarge = (value: unknown): boolean =>
  userCodeBytes(value) > USER_CODE_LIMITS.totalBytes;

/** Stored user code as the editor gets it; anything unreadable (written before a limit changed) reads as none. */
export function loadUserCode(value: unknown): UserCode {
  const parsed = UserCodeSchema.safeParse(value);
  return parsed.success ? parsed.data : emptyUserCode();
}

/** Paths in a stable order. */
export const userFilePaths = (code: UserCode): string[] => Object.keys(code.files).sort();
