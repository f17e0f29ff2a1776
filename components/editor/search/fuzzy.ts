/** Longer queries and labels are cut: scoring is O(query x label). Design names and paths are shorter. */
const MAX_QUERY = 64;
const MAX_LABEL = 1024;

/**
 * Fuzzy match of a typed query against a label: every query character in order (case-insensitive), scored
 * so that a whole-label match beats a prefix, a prefix beats a match at word starts, and contiguous runs beat
 * scattered letters. Null when the label does not contain the query as a subsequence. Bounded work: see MAX_QUERY and MAX_LABEL.
 */
export function fuzzyScore(query: string, fullLabel: string): number | null {
  const label = fullLabel.slice(0, MAX_LABEL);
  const q = query.trim().toLowerCase().slice(0, MAX_QUERY);
  if (q === '') return 0;
  const text = label.toLowerCase();
  if (text === q) return 1000;
  if (text.startsWith(q)) return 800 - label.length;
  const at = text.indexOf(q);
  if (at >= 0) return (isWordStart(label, at) ? 600 : 400) - at - label.length / 10;
  let score = 0;
  let run = 0;
  let from = 0;
  for (let i = 0; i < q.length; i++) {
    const char = q.charAt(i);
    let index = text.indexOf(char, from);
    if (index < 0) return null;
    // Prefer the next word start holding this character, when the rest of the query still fits after it.
    if (!isWordStart(label, index)) {
      const start = nextWordStart(label, text, char, index + 1);
      if (start >= 0 && isSubsequence(q, i + 1, text, start + 1)) index = start;
    }
    run = index === from && from > 0 ? run + 1 : 0;
    score += 10 + run * 5 + (isWordStart(label, index) ? 12 : 0) - Math.min(index - from, 10);
    from = index + 1;
  }
  return score - label.length / 10;
}

/** A capital after a lower-case letter, or the first letter after a separator (`Post.title`, `/blog-posts`). */
function isWordStart(label: string, index: number): boolean {
  if (index === 0) return true;
  const previous = label.charAt(index - 1);
  const current = label.charAt(index);
  if (!/[A-Za-z0-9]/.test(previous)) return true;
  return /[a-z]/.test(previous) && /[A-Z]/.test(current);
}

function nextWordStart(label: string, text: string, char: string, from: number): number {
  for (let index = text.indexOf(char, from); index >= 0; index = text.indexOf(char, index + 1))
    if (isWordStart(label, index)) return index;
  return -1;
}

function isSubsequence(query: string, start: number, text: string, from: number): boolean {
  let at = from;
  for (let i = start; i < query.length; i++) {
    at = text.indexOf(query.charAt(i), at);
    if (at < 0) return false;
    at++;
  }
  return true;
}
