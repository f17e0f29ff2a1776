import { describe, expect, it } from 'vitest';
import { ancestorFolders, buildFileTree, type TreeNode, visibleRows } from './file-tree';

const shape = (nodes: TreeNode[]): unknown =>
  nodes.map((n) => (n.kind === 'folder' ? { [n.name]: shape(n.children) } : n.name));

describe('buildFileTree', () => {
  it('nests paths into folders, folders first, then files, each alphabetical', () => {
    const tree = buildFileTree([
      'pyproject.toml',
      'app/models/post.py',
      'app/main.py',
      'Dockerfile',
      'app/models/__init__.py',
      'tests/test_posts.py',
    ]);
    expect(shape(tree)).toEqual([
      { app: [{ models: ['__init__.py', 'post.py'] }, 'main.py'] },
      { tests: ['test_posts.py'] },
      'Dockerfile',
      'pyproject.toml',
    ]);
  });

  it('keeps full paths on every node and ignores duplicates', () => {
    const tree = buildFileTree(['app/models/post.py', 'app/models/post.py']);
    const app = tree[0];
    expect(app).toMatchObject({ kind: 'folder', path: 'app' });
    const models = app?.kind === 'folder' ? app.children[0] : undefined;
    expect(models).toMatchObject({
      kind: 'folder',
      path: 'app/models',
      children: [{ kind: 'file', path: 'app/models/post.py' }],
    });
  });

  it('is empty for no paths', () => {
    expect(buildFileTree([])).toEqual([]);
  });
});

describe('visibleRows', () => {
  const tree = buildFileTree(['app/models/post.py', 'app/main.py', 'README.md']);
  const list = (collapsed: string[]) =>
    visibleRows(tree, new Set(collapsed)).map(({ node, depth }) => `${'  '.repeat(depth)}${node.name}`);

  it('lists every node with its depth when nothing is collapsed', () => {
    expect(list([])).toEqual(['app', '  models', '    post.py', '  main.py', 'README.md']);
  });

  it('hides what is inside a collapsed folder, but not the folder', () => {
    expect(list(['app/models'])).toEqual(['app', '  models', '  main.py', 'README.md']);
    expect(list(['app'])).toEqual(['app', 'README.md']);
  });
});

describe('ancestorFolders', () => {
  it('lists the folders from the top down', () => {
    expect(ancestorFolders('app/models/post.py')).toEqual(['app', 'app/models']);
    expect(ancestorFolders('Dockerfile')).toEqual([]);
  });
});
