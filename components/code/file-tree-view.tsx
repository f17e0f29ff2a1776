'use client';

import { useEffect, useMemo, useState } from 'react';
import type { FileChange } from './file-changes';
import { ancestorFolders, buildFileTree, visibleRows } from './file-tree';

const CHANGE_MARK: Record<FileChange, string> = { added: 'A', modified: 'M', removed: 'D' };

export type FileTreeViewProps = {
  paths: readonly string[];
  openPath: string | null;
  changes: Readonly<Record<string, FileChange>>;
  diagnosticCounts: ReadonlyMap<string, number>;
  /** The user's own files (editable), marked in the tree. */
  userPaths?: ReadonlySet<string>;
  onOpen: (path: string) => void;
};

/** The generated files as a collapsible tree; each file shows its change mark and diagnostics count. */
export function FileTreeView({
  paths,
  openPath,
  changes,
  diagnosticCounts,
  userPaths,
  onOpen,
}: FileTreeViewProps) {
  const tree = useMemo(() => buildFileTree(paths), [paths]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  // A file opened from elsewhere (a diagnostic) is revealed in the tree.
  useEffect(() => {
    if (!openPath) return;
    setCollapsed((current) => {
      const hidden = ancestorFolders(openPath).filter((folder) => current.has(folder));
      if (hidden.length === 0) return current;
      const next = new Set(current);
      for (const folder of hidden) next.delete(folder);
      return next;
    });
  }, [openPath]);
  const rows = visibleRows(tree, collapsed);
  const toggle = (path: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(path)) next.add(path);
      return next;
    });

  return (
    <nav className="file-tree" aria-label="Files">
      <ul>
        {rows.map(({ node, depth }) => {
          const indent = { paddingLeft: `${0.5 + depth * 0.9}rem` };
          if (node.kind === 'folder') {
            const open = !collapsed.has(node.path);
            const hiddenChange =
              !open && Object.keys(changes).some((path) => path.startsWith(`${node.path}/`));
            return (
              <li key={`d:${node.path}`}>
                <button
                  type="button"
                  className="tree-row tree-folder"
                  style={indent}
                  aria-expanded={open}
                  title={node.path}
                  onClick={() => toggle(node.path)}
                >
                  <span className="tree-caret" aria-hidden>
                    {open ? '▾' : '▸'}
                  </span>
                  {node.name}
                  {hiddenChange && (
                    <span className="change-dot" title="Changed files inside">
                      •
                    </span>
                  )}
                </button>
              </li>
            );
          }
          const change = changes[node.path];
          const count = diagnosticCounts.get(node.path) ?? 0;
          const user = userPaths?.has(node.path) ?? false;
          const label = [
            node.path,
            user && 'your file',
            change,
            count > 0 && `${count} ${count === 1 ? 'diagnostic' : 'diagnostics'}`,
          ]
            .filter(Boolean)
            .join(', ');
          return (
            <li key={`f:${node.path}`}>
              <button
                type="button"
                className={`tree-row tree-file${change ? ` is-${change}` : ''}${user ? ' is-user' : ''}`}
                style={indent}
                aria-label={label}
                aria-current={node.path === openPath ? 'true' : undefined}
                title={label}
                onClick={() => onOpen(node.path)}
              >
                <span className="tree-name">{node.name}</span>
                {count > 0 && <span className="diagnostic-badge">{count}</span>}
                {change && <span className={`change-mark change-${change}`}>{CHANGE_MARK[change]}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
