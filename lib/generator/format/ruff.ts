import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { ContentCache } from '../content-cache';
import { FIRST_PARTY } from '../python/imports';

/** The settings of the generated pyproject.toml, so WASM ruff and the ruff CLI agree. */
export const RUFF_SETTINGS = {
  'line-length': 88,
  'target-version': 'py311',
  lint: {
    select: ['E', 'F', 'W', 'I', 'B', 'UP'],
    isort: { 'known-first-party': [...FIRST_PARTY], 'known-third-party': ['alembic'] },
    'flake8-bugbear': { 'extend-immutable-calls': ['fastapi.Depends', 'fastapi.Query', 'fastapi.Path'] },
  },
};

let workspace: Workspace | undefined;

/**
 * Runs `use` with the process's ruff Workspace (created once: creating it costs far more than formatting a
 * file). A WASM instance that throws may be left corrupted (a stack overflow on deeply nested input made every
 * later call fail until restart), so the instance is dropped on any throw and the next call builds a new one;
 * the error is rethrown. A syntax error costs one rebuild (~100 ms), rare for generated code.
 */
export function withRuff<T>(use: (ws: Workspace) => T): T {
  workspace ??= new Workspace(RUFF_SETTINGS, PositionEncoding.Utf16);
  const current = workspace;
  try {
    return use(current);
  } catch (error) {
    if (workspace === current) workspace = undefined;
    try {
      current.free();
    } catch {
      // Already unusable: nothing to release.
    }
    throw error;
  }
}

/** input -> ruff-formatted output (up to 32 M characters of inputs, about three 1,000-entity projects). */
const formatted = new ContentCache<string>(32 * 2 ** 20);

/**
 * `ruff format` of one source, memoised by content: regenerating after a small design edit leaves most files
 * unchanged, and the format check of `checkProject` re-formats text this very function produced.
 * Throws on a syntax error (never cached).
 */
export function formatSource(content: string): string {
  return formatted.through(content, (text) => withRuff((ws) => ws.format(text)));
}

/**
 * ruff-formats every `.py` file. Deterministic and synchronous (the WASM module is loaded with the import);
 * throws on a syntax error, which would be a generator bug.
 */
export function formatPython(files: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of Object.keys(files).sort()) {
    const content = files[path] as string;
    if (!path.endsWith('.py')) {
      out[path] = content;
      continue;
    }
    try {
      out[path] = formatSource(content);
    } catch (error) {
      throw new Error(`Generated ${path} is not valid Python: ${String(error)}`);
    }
  }
  return out;
}

/** Alias under the name the pipelines use. */
export const formatProject = formatPython;
