import 'server-only';
import { USER_CODE_LIMITS, UserCodeSchema, userCodeTooLarge } from '@/lib/generator/user-code/schema';
import type { UserCode } from '@/lib/generator/user-code/types';
import { ApiError, zodIssues } from './errors';

/**
 * User code from a request body: 413 past `USER_CODE_LIMITS.totalBytes`, 422 with the issues when a path is not
 * a user path or there are too many files. Checked before anything is stored.
 */
export function requestUserCode(value: unknown): UserCode {
  if (userCodeTooLarge(value)) {
    throw new ApiError(
      'payload_too_large',
      `User code is larger than ${USER_CODE_LIMITS.totalBytes / 2 ** 20} MiB in all; nothing was saved.`,
    );
  }
  const parsed = UserCodeSchema.safeParse(value);
  if (!parsed.success)
    throw new ApiError(
      'validation_failed',
      'The user code is not valid; nothing was saved.',
      zodIssues(parsed.error),
    );
  return parsed.data;
}
