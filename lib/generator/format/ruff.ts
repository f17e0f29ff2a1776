import { createRequire } from 'node:module';
import path from 'node:path';
import type { Workspace } from '@astral-sh/ruff-wasm-nodejs';
import * as ruffWasm from '@astral-sh/ruff-wasm-nodejs';
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

let ruff: typeof ruffWasm = ruffWasm;
let workspace: Workspace | undefined;

/**
 * A new instance of ruff's WASM module (new linear memory): a trap or a stack overflow inside WASM can leave
 * the module's memory corrupt, and in a worker thread (a smaller native stack, so deep input overflows WASM's
 * own stack in its memory) even a new Workspace then fails with "memory access out of bounds".
 */
function freshRuffModule(): typeof ruffWasm {
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  const id = require.resolve('@astral-sh/ruff-wasm-nodejs');
  delete require.cache[id];
  return require(id) as typeof ruffWasm;
}

/**
 * Runs `use` with the thread's ruff Workspace (created once: creating it costs far more than formatting a
 * file). A WASM instance that throws may be left corrupted (a stack overflow on deeply nested input made every
 * later call fail until restart), so the instance is dropped on any throw and the next call builds a new one;
 * after a trap or a stack overflow the module itself is loaded afresh too. The error is rethrown. A syntax
 * error (a plain Error) costs one Workspace rebuild (~100 ms), rare for generated code.
 */
export function withRuff<T>(use: (ws: Workspace) => T): T {
  workspace ??= new ruff.Workspace(RUFF_SETTINGS, ruff.PositionEncoding.Utf16);
  const current = workspace;
  try {
    return use(current);
  } catch (error) {
    if (workspace === current) {
      workspace = undefined;
      if (error instanceof WebAssembly.RuntimeError || error instanceof RangeError) ruff = freshRuffModule();
    }
    try {
      current.free();
    } catch {
      // Already unusable: nothing to release.
    }
    throw error;
  }
}

/** input -> ruff-formatted output (up to 32 M characters of inputs, about two 1,000-entity projects). */
const formatted = new ContentCache<string>(32 * 2 ** 20);

/**
 * Texts known to be ruff-formatted: every output of `formatSource` (ruff's formatter is idempotent: its test
 * suite formats every fixture twice and a difference is a bug; `format/ruff.test.ts` checks it on the
 * templates' projects). The keys are the very strings `formatted` holds as values, so this costs entries,
 * not text. It spares `checkProject`'s format check from formatting the generator's output a second time.
 */
const stable = new ContentCache<true>(32 * 2 ** 20);

/**
 * `ruff format` of one source, memoised by content: regenerating after a small design edit leaves most files
 * unchanged. Throws on a syntax error (never cached).
 */
export function formatSource(content: string): string {
  return formatted.through(content, (text) => {
    const output = withRuff((ws) => ws.format(text));
    stable.set(output, true);
    return output;
  });
}

/** What `formatSource` gave for this input, if the cache still holds it (a lookup only). */
export function knownFormatOutput(content: string): string | undefined {
  return formatted.get(content);
}

/** Records what another thread's `formatSource` gave for this input (lib/jobs/shared-checks.ts). */
export function rememberFormatted(content: string, output: string): void {
  formatted.set(content, output);
  stable.set(output, true);
}

/** Marks a text as ruff-formatted (another thread formatted it: lib/jobs/shared-checks.ts). */
export function markFormatted(content: string): void {
  stable.set(content, true);
}

/** Whether this text is known to be ruff-formatted without formatting it (a cache lookup only). */
export function isKnownFormatted(content: string): boolean {
  return stable.get(content) === true;
}

/**
 * Whether ruff is known to parse this text (a cache lookup only): every text known to be formatted came out of
 * ruff's formatter, which only formats what it parsed and whose output re-formats (parses) unchanged
 * (`format/ruff.test.ts`). It spares the checks tree-sitter's parse of the generator's output; anything else
 * (user files, merged files, texts no formatter produced) is parsed as before.
 */
export const isKnownParsed = isKnownFormatted;

/** `ruff format --check` of one text: null on a syntax error (`ruff check` reports it with its position). */
export function isFormatted(content: string): boolean | null {
  if (isKnownFormatted(content)) return true;
  try {
    return formatSource(content) === content;
  } catch {
    return null;
  }
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
