import { diff3Merge } from 'node-diff3';

/**
 * The three-way merge of a user file: `ours` (the user's file) and `theirs` (the fresh scaffold) both derived
 * from `base` (the scaffold the user's file was last merged from). Line based, like git's: a change on one side
 * only is taken; the same change on both is taken once; different changes to the same lines are a conflict,
 * written with ordinary markers so any editor shows both sides.
 */

export const MARKER_OURS = '<<<<<<< yours';
export const MARKER_SPLIT = '=======';
export const MARKER_THEIRS = '>>>>>>> generated';

export type MergeOutcome = {
  content: string;
  /** 1-based line of each conflict's opening marker in `content`. */
  conflicts: number[];
};

/**
 * Lines as small integers: node-diff3 groups equal lines in a plain object keyed by the line, so a line such as
 * `constructor` or `__proto__` would hit Object.prototype; interned numbers cannot. `texts[id]` is the line.
 */
function intern(buffers: readonly string[][]): { ids: number[][]; texts: string[] } {
  const byText = new Map<string, number>();
  const texts: string[] = [];
  const ids = buffers.map((lines) =>
    lines.map((line) => {
      let id = byText.get(line);
      if (id === undefined) {
        id = texts.length;
        byText.set(line, id);
        texts.push(line);
      }
      return id;
    }),
  );
  return { ids, texts };
}

const linesOf = (text: string): string[] => (text === '' ? [] : text.split('\n'));

export function mergeThreeWay(base: string, ours: string, theirs: string): MergeOutcome {
  if (ours === base || ours === theirs) return { content: theirs, conflicts: [] };
  if (theirs === base) return { content: ours, conflicts: [] };
  const { ids, texts } = intern([linesOf(ours), linesOf(base), linesOf(theirs)]);
  const [a, o, b] = ids as [number[], number[], number[]];
  const text = (id: number) => texts[id] as string;
  const out: string[] = [];
  const conflicts: number[] = [];
  for (const region of diff3Merge(a, o, b, { excludeFalseConflicts: true })) {
    if (region.ok) out.push(...region.ok.map(text));
    else if (region.conflict) {
      conflicts.push(out.length + 1);
      out.push(
        MARKER_OURS,
        ...region.conflict.a.map(text),
        MARKER_SPLIT,
        ...region.conflict.b.map(text),
        MARKER_THEIRS,
      );
    }
  }
  return { content: out.join('\n'), conflicts };
}

/** 1-based lines of conflict markers left in a file (a merge's, or ones the user has not resolved yet). */
export function conflictMarkerLines(content: string): number[] {
  const found: number[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.startsWith('<<<<<<<')) found.push(i + 1);
  });
  return found;
}
