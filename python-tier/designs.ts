/** The designs the tier runs: the templates, the focused designs, and random valid designs with fixed seeds. */
import type { Design } from '@/lib/design/schema';
import { templates } from '@/lib/design/templates';
import { randomDesign } from '@/lib/design/testing/arbitraries';
import { focusedDesigns } from '@/lib/generator/testing/designs';
import { userCodeDesigns } from '@/lib/generator/testing/user-code-designs';
import type { UserCode } from '@/lib/generator/user-code/types';
import { openApiRoundTripDesigns } from './roundtrip-openapi';
import type { StepName } from './steps';

/**
 * `userCode`: the user's files (handlers, hooks, tests) generated with the design, as the IDE would. `steps`: the
 * only steps the design runs (the corpus round trips); absent: every step but those of `LISTED_ONLY`.
 */
export type TierDesign = {
  name: string;
  design: () => Design;
  userCode?: () => UserCode;
  steps?: readonly StepName[];
};

/** [seed, size] of the random designs: 20 fixed seeds, 1 to 6 entities (plus a User when auth is drawn). */
export const RANDOM_DESIGNS: readonly (readonly [number, number])[] = Array.from(
  { length: 20 },
  (_, i) => [1000 + i, 1 + (i % 6)] as const,
);

export function tierDesigns(): TierDesign[] {
  return [
    ...(['blog', 'todo', 'shop', 'conduit', 'social'] as const).map((name) => ({
      name,
      design: templates[name],
    })),
    ...Object.entries(focusedDesigns).map(([name, design]) => ({ name, design })),
    ...Object.entries(userCodeDesigns).map(([name, entry]) => ({ name, ...entry })),
    ...RANDOM_DESIGNS.map(([seed, size]) => ({
      name: `random-${seed}-${size}`,
      design: () => randomDesign(seed, size),
    })),
    ...openApiRoundTripDesigns(),
  ];
}
