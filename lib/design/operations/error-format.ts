import { z } from 'zod';
import { type Design, ErrorFormatSchema } from '../schema';

/** The body of every 4xx the generated app answers (`design.api.errors`). */
export const SetErrorFormatArgs = z.object({ errors: ErrorFormatSchema });
export function setErrorFormat(design: Design, args: z.infer<typeof SetErrorFormatArgs>): Design {
  return { ...design, api: { ...design.api, errors: args.errors } };
}
