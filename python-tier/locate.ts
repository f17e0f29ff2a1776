/**
 * Finds the line of the generated project that a schema drift or an OpenAPI difference is about: the model
 * column, the pydantic schema class or field, the route function. Works on the files as they are on disk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Failure } from '@/lib/runner/python-output';

export type SourceFiles = Map<string, string[]>;

/** The project's Python files (relative path -> lines). */
export function readSources(projectDir: string): SourceFiles {
  const out: SourceFiles = new Map();
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(projectDir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory() && entry.name !== '__pycache__' && !entry.name.startsWith('.')) walk(child);
      else if (entry.isFile() && entry.name.endsWith('.py'))
        out.set(child, readFileSync(path.join(projectDir, child), 'utf8').split('\n'));
    }
  };
  for (const top of ['app', 'alembic', 'tests']) {
    try {
      walk(top);
    } catch {
      // a folder the project does not have
    }
  }
  return out;
}

type Hit = { file: string; line: number };

function findLine(lines: string[], test: (line: string) => boolean, from = 0, to = lines.length): number {
  for (let i = from; i < Math.min(to, lines.length); i++) if (test(lines[i] as string)) return i;
  return -1;
}

const reEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where a table's column is declared in app/models (an ORM attribute or an association `Column`). */
export function locateColumn(sources: SourceFiles, table: string, column: string | null): Hit | null {
  for (const [file, lines] of sources) {
    if (!file.startsWith('app/models/')) continue;
    const start = findLine(
      lines,
      (l) =>
        new RegExp(`__tablename__\\s*=\\s*["']${reEscape(table)}["']`).test(l) ||
        new RegExp(`^\\s*["']${reEscape(table)}["'],\\s*$`).test(l),
    );
    if (start < 0) continue;
    if (column === null) return { file, line: start + 1 };
    const col = reEscape(column);
    const end = findLine(lines, (l) => /^(class |\w+ = Table\()/.test(l), start + 1);
    const at = findLine(
      lines,
      (l) =>
        new RegExp(`^\\s+${col}\\s*:\\s*Mapped\\b|Column\\(\\s*["']${col}["']|^\\s*["']${col}["'],`).test(l),
      start,
      end < 0 ? lines.length : end,
    );
    return { file, line: (at < 0 ? start : at) + 1 };
  }
  return null;
}

/** Where the migration creates a table's column (`sa.Column("col", ...)` inside `create_table("table",`). */
export function locateMigrationColumn(
  sources: SourceFiles,
  table: string,
  column: string | null,
): Hit | null {
  for (const [file, lines] of sources) {
    if (!file.startsWith('alembic/versions/')) continue;
    const tableLine = findLine(lines, (l) =>
      new RegExp(`create_table\\(\\s*$|create_table\\(\\s*["']${reEscape(table)}["']`).test(l),
    );
    const named = findLine(
      lines,
      (l) => new RegExp(`["']${reEscape(table)}["']`).test(l),
      Math.max(tableLine, 0),
    );
    if (named < 0) continue;
    if (column === null) return { file, line: named + 1 };
    const end = findLine(lines, (l) => /^\s+op\./.test(l), named + 1);
    const col = reEscape(column);
    const at = findLine(
      lines,
      (l) => new RegExp(`Column\\(\\s*["']${col}["']|^\\s*["']${col}["'],\\s*$`).test(l),
      named,
      end < 0 ? lines.length : end,
    );
    return { file, line: (at < 0 ? named : at) + 1 };
  }
  return null;
}

/** `class Name(` in app/, and within it (or a base class it names) the line of `field:` when given. */
export function locateClass(sources: SourceFiles, name: string, field?: string, depth = 0): Hit | null {
  for (const [file, lines] of sources) {
    if (!file.startsWith('app/')) continue;
    const start = findLine(lines, (l) => new RegExp(`^class ${reEscape(name)}\\b`).test(l));
    if (start < 0) continue;
    if (field) {
      const end = findLine(lines, (l) => /^\S/.test(l), start + 1);
      const at = findLine(
        lines,
        (l) => new RegExp(`^\\s+${reEscape(field)}\\s*:`).test(l),
        start + 1,
        end < 0 ? lines.length : end,
      );
      if (at >= 0) return { file, line: at + 1 };
      const bases = /^class \w+\(([^)]*)\)/.exec(lines[start] as string)?.[1]?.split(',') ?? [];
      for (const base of bases.map((b) => b.trim()).filter((b) => /^\w+$/.test(b))) {
        const inherited = depth < 5 ? locateClass(sources, base, field, depth + 1) : null;
        if (
          inherited &&
          inherited.line > 0 &&
          sources.get(inherited.file)?.[inherited.line - 1]?.match(/^\s/)
        )
          return inherited;
      }
    }
    return { file, line: start + 1 };
  }
  return null;
}

/**
 * The route function of a FastAPI operationId (the route name: the function's, or `<function>_<n>` when
 * renamed; FastAPI's default `<function>_<path>_<method>` too): the longest matching `def`.
 */
export function locateOperation(sources: SourceFiles, operationId: string): Hit | null {
  let best: (Hit & { length: number }) | null = null;
  for (const [file, lines] of sources) {
    if (!file.startsWith('app/')) continue;
    lines.forEach((l, i) => {
      const m = /^(?:async )?def (\w+)\(/.exec(l);
      const name = m?.[1];
      const matches = name === operationId || operationId.startsWith(`${name}_`);
      if (name && matches && (!best || name.length > best.length)) {
        // The decorator above names the route: point at its first line (it may span several).
        let at = i;
        for (;;) {
          const above = at > 0 ? (lines[at - 1] as string) : '';
          if (above.startsWith('@')) at--;
          else if (above === ')') {
            let open = at - 1;
            while (open > 0 && !(lines[open] as string).startsWith('@')) open--;
            if (!(lines[open] as string).startsWith('@')) break;
            at = open;
          } else break;
        }
        best = { file, line: at + 1, length: name.length };
      }
    });
  }
  const found = best as (Hit & { length: number }) | null;
  return found ? { file: found.file, line: found.line } : null;
}

export function atOrFallback(hit: Hit | null, message: string, fallback: Hit): Failure {
  return { ...(hit ?? fallback), message };
}
