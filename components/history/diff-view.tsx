'use client';

import type { ReactNode } from 'react';
import type { UserCodeDiff, UserFileChange } from '@/lib/generator/user-code/diff';

export interface DiffItem {
  id: string;
  name: string;
  entity?: string;
  changes?: string[];
}
interface DiffGroup {
  added: DiffItem[];
  removed: DiffItem[];
  changed: DiffItem[];
}
export interface DiffWarning {
  kind: 'dropped-table' | 'dropped-column' | 'narrowed-type' | 'made-non-nullable';
  table: string;
  column?: string;
  message: string;
}
export interface VersionDiff {
  entities: DiffGroup;
  fields: DiffGroup;
  relations: DiffGroup;
  endpoints: DiffGroup;
  warnings: DiffWarning[];
  /** User files (handlers, hooks, custom tests) added, removed or changed, with line counts. */
  userFiles?: UserCodeDiff;
}

const GROUPS = [
  ['entities', 'Entities'],
  ['fields', 'Fields'],
  ['relations', 'Relations'],
  ['endpoints', 'Endpoints'],
] as const;

const itemName = (item: DiffItem) => (item.entity ? `${item.entity}.${item.name}` : item.name);

const KIND_TEXT: Record<DiffWarning['kind'], string> = {
  'dropped-table': 'table dropped',
  'dropped-column': 'column dropped',
  'narrowed-type': 'type narrowed',
  'made-non-nullable': 'made NOT NULL',
};

/** A stable key of a warning list: the acknowledgement of one list does not carry over to another. */
export const warningsKey = (warnings: readonly DiffWarning[]) =>
  warnings.map((w) => `${w.kind}:${w.table}.${w.column ?? ''}`).join('|');

const userFileCount = (files: UserCodeDiff | undefined) =>
  files ? files.added.length + files.removed.length + files.changed.length : 0;

export function isEmptyDiff(diff: VersionDiff): boolean {
  return (
    userFileCount(diff.userFiles) === 0 &&
    GROUPS.every(
      ([key]) => diff[key].added.length + diff[key].removed.length + diff[key].changed.length === 0,
    )
  );
}

const lines = (change: UserFileChange) => `+${change.added} −${change.removed}`;

/** User files added, removed or changed, each with its lines added and removed. */
function UserFileGroup({ files }: { files: UserCodeDiff | undefined }) {
  if (!files || userFileCount(files) === 0) return null;
  return (
    <div>
      <h4>Your code</h4>
      <ul aria-label="Changed user files">
        {files.added.map((f) => (
          <li key={`a-${f.path}`} className="diff-added">
            Added <code>{f.path}</code> ({lines(f)})
          </li>
        ))}
        {files.removed.map((f) => (
          <li key={`r-${f.path}`} className="diff-removed">
            Removed <code>{f.path}</code> ({lines(f)})
          </li>
        ))}
        {files.changed.map((f) => (
          <li key={`c-${f.path}`} className="diff-changed">
            Changed <code>{f.path}</code> ({lines(f)})
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Entities, fields, relations, endpoints and user files added, removed or changed. */
export function DiffGroups({ diff }: { diff: VersionDiff }) {
  return (
    <>
      {GROUPS.map(([key, label]) => {
        const group = diff[key];
        if (group.added.length + group.removed.length + group.changed.length === 0) return null;
        return (
          <div key={key}>
            <h4>{label}</h4>
            <ul>
              {group.added.map((item) => (
                <li key={`a-${item.id}`} className="diff-added">
                  Added {itemName(item)}
                </li>
              ))}
              {group.removed.map((item) => (
                <li key={`r-${item.id}`} className="diff-removed">
                  Removed {itemName(item)}
                </li>
              ))}
              {group.changed.map((item) => (
                <li key={`c-${item.id}`} className="diff-changed">
                  Changed {itemName(item)}
                  {item.changes && item.changes.length > 0 ? `: ${item.changes.join(', ')}` : ''}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      <UserFileGroup files={diff.userFiles} />
    </>
  );
}

/** The changes that lose data when migrated, each naming its table (and column). */
export function DestructiveWarnings({
  warnings,
  title = 'Destructive changes: migrating will lose data',
  children,
}: {
  warnings: readonly DiffWarning[];
  title?: string;
  children?: ReactNode;
}) {
  if (warnings.length === 0) return null;
  return (
    <div className="history-warnings" role="alert" aria-label="Destructive changes">
      <strong>{title}</strong>
      <ul>
        {warnings.map((w) => (
          <li key={`${w.kind}-${w.table}-${w.column ?? ''}`}>
            <span className="warning-kind">{KIND_TEXT[w.kind]}</span> {w.message}
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}

/** The difference between two committed versions. */
export function DiffView({ from, to, diff }: { from: number; to: number; diff: VersionDiff }) {
  return (
    <section className="history-diff" aria-label={`Changes from v${from} to v${to}`}>
      <h3>
        Changes from v{from} to v{to}
      </h3>
      {isEmptyDiff(diff) && <p className="muted">No changes.</p>}
      <DiffGroups diff={diff} />
      <DestructiveWarnings warnings={diff.warnings} />
    </section>
  );
}
