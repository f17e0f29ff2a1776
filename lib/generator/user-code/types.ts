/**
 * Code the user owns beside the generated project (issue 18): handler modules of custom endpoints, hooks on CRUD,
 * tests under `tests/custom/`. Stored with the workspace, never overwritten by generation: when the scaffold of a
 * file changes, the new scaffold is merged into the user's file three-way against `base`.
 */
export type UserFile = {
  /** What the user's file holds now. */
  content: string;
  /** The scaffold this content was last merged from (the merge base); '' for a file the user created. */
  base: string;
};

/** Project-relative path (`app/handlers/publish_post.py`) -> file. */
export type UserCode = { files: Record<string, UserFile> };

export const emptyUserCode = (): UserCode => ({ files: {} });

/** Who writes a file of the project: the generator (read only, rewritten on every generation) or the user. */
export type FileOwner = 'generator' | 'user';

/**
 * A problem of the user's code found while generating. `merge-conflict`: conflict markers in the file (the merge
 * left both sides, or the user has not resolved them yet): blocks the preview. `user-file-refused`: the path or
 * size is not allowed; the file is left out of the project (and kept as it is in the stored state).
 */
export type UserCodeProblem = {
  code: 'merge-conflict' | 'user-file-refused';
  path: string;
  /** 1-based; 1 for a problem of the whole file. */
  line: number;
  message: string;
};
