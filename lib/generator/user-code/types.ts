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
