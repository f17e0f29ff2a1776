import { diffIndices } from 'node-diff3';
import type { UserCode } from './types';

export type UserFileChange = { path: string; added: number; removed: number };
export type UserCodeDiff = { added: UserFileChange[]; removed: UserFileChange[]; changed: UserFileChange[] };

/** Past this many line pairs left after the common ends, a change counts as a whole replacement (LCS is ~n·m). */
const LCS_BUDGET = 4_000_000;

/** Lines of a text; a final newline ends the last line rather than starting another. */
function linesOf(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Lines added and removed from `before` to `after`: common prefix and suffix first, then an LCS of the rest. */
export function lineChanges(before: string, after: string): { added: number; removed: number } {
  const a = linesOf(before);
  const b = linesOf(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length === 0 || midB.length === 0 || midA.length * midB.length > LCS_BUDGET)
    return { added: midB.length, removed: midA.length };
  let added = 0;
  let removed = 0;
  for (const hunk of diffIndices(midA, midB)) {
    removed += hunk.buffer1[1];
    added += hunk.buffer2[1];
  }
  return { added, removed };
}

/** Which user files a change of versions adds, removes or changes, with line counts, sorted by path. */
export function diffUserCode(before: UserCode, after: UserCode): UserCodeDiff {
  const out: UserCodeDiff = { added: [], removed: [], changed: [] };
  const paths = [...new Set([...Object.keys(before.files), ...Object.keys(after.files)])].sort();
  for (const path of paths) {
    const a = before.files[path]?.content;
    const b = after.files[path]?.content;
    if (a === undefined) out.added.push({ path, added: linesOf(b ?? '').length, removed: 0 });
    else if (b === undefined) out.removed.push({ path, added: 0, removed: linesOf(a).length });
    else if (a !== b) out.changed.push({ path, ...lineChanges(a, b) });
  }
  return out;
}
