/** How a file differs between two generations of the same project. */
export type FileChange = 'added' | 'modified' | 'removed';
export type GeneratedFiles = Readonly<Record<string, string>>;

/** Every path whose contents differ between `previous` and `next`, sorted by path. */
export function classifyChanges(previous: GeneratedFiles, next: GeneratedFiles): Record<string, FileChange> {
  const paths = [...new Set([...Object.keys(previous), ...Object.keys(next)])].sort();
  const changes: Record<string, FileChange> = {};
  for (const path of paths) {
    const before = previous[path];
    const after = next[path];
    if (before === undefined) changes[path] = 'added';
    else if (after === undefined) changes[path] = 'removed';
    else if (before !== after) changes[path] = 'modified';
  }
  return changes;
}

export function sameFiles(a: GeneratedFiles, b: GeneratedFiles): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

export function countChanges(changes: Readonly<Record<string, FileChange>>): Record<FileChange, number> {
  const counts = { added: 0, modified: 0, removed: 0 };
  for (const change of Object.values(changes)) counts[change] += 1;
  return counts;
}
