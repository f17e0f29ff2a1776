/** A generated project's paths as a folder tree: folders first, then files, each alphabetical. */
export type TreeFile = { kind: 'file'; name: string; path: string };
export type TreeFolder = { kind: 'folder'; name: string; path: string; children: TreeNode[] };
export type TreeNode = TreeFile | TreeFolder;

/** One visible line of the tree, in display order. */
export type TreeRow = { node: TreeNode; depth: number };

const byKindThenName = (a: TreeNode, b: TreeNode) =>
  a.kind === b.kind ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.kind === 'folder' ? -1 : 1;

export function buildFileTree(paths: Iterable<string>): TreeNode[] {
  const root: TreeFolder = { kind: 'folder', name: '', path: '', children: [] };
  const folders = new Map<string, TreeFolder>([['', root]]);
  const folderAt = (path: string): TreeFolder => {
    const existing = folders.get(path);
    if (existing) return existing;
    const cut = path.lastIndexOf('/');
    const folder: TreeFolder = { kind: 'folder', name: path.slice(cut + 1), path, children: [] };
    folderAt(cut < 0 ? '' : path.slice(0, cut)).children.push(folder);
    folders.set(path, folder);
    return folder;
  };
  for (const path of new Set(paths)) {
    const cut = path.lastIndexOf('/');
    folderAt(cut < 0 ? '' : path.slice(0, cut)).children.push({
      kind: 'file',
      name: path.slice(cut + 1),
      path,
    });
  }
  for (const folder of folders.values()) folder.children.sort(byKindThenName);
  return root.children;
}

/** The rows on screen: children of collapsed folders are skipped. */
export function visibleRows(tree: readonly TreeNode[], collapsed: ReadonlySet<string>, depth = 0): TreeRow[] {
  const rows: TreeRow[] = [];
  for (const node of tree) {
    rows.push({ node, depth });
    if (node.kind === 'folder' && !collapsed.has(node.path))
      rows.push(...visibleRows(node.children, collapsed, depth + 1));
  }
  return rows;
}

/** `app/models/post.py` -> `['app', 'app/models']`: the folders to expand to show a file. */
export function ancestorFolders(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}
