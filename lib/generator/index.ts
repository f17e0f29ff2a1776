/**
 * Design -> FastAPI project generator. `generateProject` is synchronous and deterministic (ruff formatting
 * runs in-process through its WASM build); `checkProject` re-checks any file map with ruff and tree-sitter.
 * Server-side only (WASM packages are `serverExternalPackages`).
 */
export { checkProject, type Diagnostic } from './checks';
export { formatProject, formatPython } from './format/ruff';
export {
  type GenerateOptions,
  type GenerateResult,
  generateProject,
  generateProjectWith,
  type RenderResult,
  renderProject,
  userScaffolds,
} from './generate';
export { buildIr } from './ir/build';
export type { IrProject } from './ir/types';
export { type DesignVersion, planRevisions } from './migrations';
export { type DesignDiff, type DestructiveWarning, diffDesigns } from './migrations/diff';
export { openApiFor } from './openapi/document';
export { conflictMarkerLines, mergeThreeWay } from './user-code/merge';
export { USER_CODE_LIMITS, USER_CODE_ROOTS, userPathProblem, validateUserCode } from './user-code/paths';
export type { FileOwner, UserCode, UserCodeProblem, UserFile } from './user-code/types';
