import type { IrProject } from '../ir/types';
import { pyStr } from '../python/literal';

/**
 * 409s of unique constraints over several columns (`Entity.uniques`) name their fields: `app/core/conflicts.py`
 * knows each constraint by name (PostgreSQL's message) and by its columns (SQLite's), and the 409 of the
 * project's error format lists the fields' JSON names. Projects without such constraints are left as they were.
 */

export function hasCompositeUniques(project: IrProject): boolean {
  return project.entities.some((e) => e.uniques.length > 0);
}

/** `app/core/conflicts.py`, or null without composite uniques. */
export function emitConflicts(project: IrProject): string | null {
  if (!hasCompositeUniques(project)) return null;
  const tuple = (items: readonly string[]) =>
    `(${items.map(pyStr).join(', ')}${items.length === 1 ? ',' : ''})`;
  const entries = project.entities.flatMap((e) =>
    e.uniques.map(
      (u) => `    ${pyStr(u.name)}: (${pyStr(e.tableName)}, ${tuple(u.columns)}, ${tuple(u.fields)}),`,
    ),
  );
  return `"""Which fields a unique constraint over several columns is about, for its 409."""

import re

# Constraint name -> (table, columns, JSON names of the fields).
_UNIQUES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
${entries.join('\n')}
}
_SQLITE_COLUMNS = re.compile(r"UNIQUE constraint failed: ([\\w., ]+)")


def conflicting_fields(message: str) -> tuple[str, ...] | None:
    """The fields of a composite unique violation, as PostgreSQL or SQLite words it."""
    found = _SQLITE_COLUMNS.search(message)
    columns = found.group(1).strip() if found else None
    for name, (table, members, fields) in _UNIQUES.items():
        if f'"{name}"' in message or columns == ", ".join(f"{table}.{c}" for c in members):
            return fields
    return None


def conflict_message(fields: tuple[str, ...]) -> str:
    """What a 409 says about \`fields\`."""
    return f"This combination of {', '.join(fields)} is already taken"
`;
}

function swap(text: string, from: string, to: string): string {
  if (!text.includes(from))
    throw new Error(`conflicts: the generated code changed near ${from.slice(0, 40)}`);
  return text.replace(from, to);
}

/** The lines of `commit_or_409` (FastAPI's error format) whose 409 detail names a composite constraint's fields. */
export function commitConflictLines(conflicting: string, message: string): string[] {
  return [
    '        await session.rollback()',
    `        fields = ${conflicting}(str(exc.orig))`,
    '        detail = "Conflicts with existing data (unique or reference constraint)"',
    `        raise HTTPException(status_code=409, detail=detail if fields is None else ${message}(fields)) from exc`,
  ];
}

/** `app/core/errors.py` (problem, field-map) whose 409 names a composite constraint's fields. */
export function withCompositeConflicts(errors: string): string {
  const withImport = swap(
    errors,
    'logger = logging.getLogger("app.errors")',
    'from app.core.conflicts import conflict_message, conflicting_fields\n\nlogger = logging.getLogger("app.errors")',
  );
  return swap(
    withImport,
    `    field = _unique_column(str(getattr(exc, "orig", exc)))\n`,
    `    message = str(getattr(exc, "orig", exc))
    fields = conflicting_fields(message)
    if fields is not None:
        text = conflict_message(fields)
        items = [{"type": "unique", "loc": ["body", f], "msg": text} for f in fields]
        return error_response(409, text, request.url.path, items)
    field = _unique_column(message)
`,
  );
}
