/** Comments (COMMENT ON, MySQL COMMENT=) -> descriptions. */
import { LIMITS } from '@/lib/design/limits';
import type { EntityBuild, Lookup } from './build-state';
import type { SqlSchema, SqlTable } from './model';
import { displayName } from './model';
import type { Reporter } from './report';

export function applyComments(
  schema: SqlSchema,
  lookup: Lookup,
  builds: Map<SqlTable, EntityBuild>,
  report: Reporter,
): void {
  for (const table of schema.tables) {
    const build = builds.get(table);
    if (build && table.comment) build.entity.description = table.comment.slice(0, LIMITS.descriptionLength);
  }
  for (const comment of schema.comments) {
    const subject = `comment on ${displayName(comment.table)}${comment.column ? `.${comment.column}` : ''}`;
    const table = lookup(comment.table);
    const build = table && builds.get(table);
    if (!build) {
      report.add('skipped', subject, comment.at, 'It is not on an imported entity.');
      continue;
    }
    const text = comment.text.slice(0, LIMITS.descriptionLength);
    const cut = comment.text.length > LIMITS.descriptionLength;
    const status = cut ? 'approximated' : 'imported';
    const message = cut ? `Cut to ${LIMITS.descriptionLength} characters.` : undefined;
    if (comment.column === undefined) {
      build.entity.description = text;
      report.add(status, subject, comment.at, message);
      continue;
    }
    const field = build.fields.get(comment.column);
    if (field) {
      field.description = text;
      report.add(status, subject, comment.at, message);
    } else
      report.add('skipped', subject, comment.at, 'Only fields have descriptions (not the id or relations).');
  }
}
