import { z } from 'zod';

/** Shared by the sign-up form, the API and the sign-in check, so the rule is stated once. */
export const PASSWORD_RULE = 'at least 8 characters, with at least one letter and one digit';

export const passwordSchema = z
  .string()
  .min(8, `Password must be ${PASSWORD_RULE}.`)
  .max(200, 'Password must be at most 200 characters.')
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), `Password must be ${PASSWORD_RULE}.`);

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Enter a valid email address.').max(254));

export const signUpSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().max(100).optional(),
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

/** Error codes the sign-in form turns into messages. `rate_limited:<seconds>` carries the wait. */
export const SIGN_IN_ERROR = { invalid: 'invalid_credentials', rateLimited: 'rate_limited' } as const;
