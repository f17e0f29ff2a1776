import { describe, expect, it } from 'vitest';
import { templates } from '@/lib/design/templates';
import { userScaffolds } from '../../generate';
import { handlerModulePath, handlerModulePaths } from '../handler-paths';
import { userPathProblem } from '../paths';

describe('handlerModulePath', () => {
  it('names the module the generator scaffolds for each custom endpoint', () => {
    const design = templates.blog();
    const paths = handlerModulePaths(design);
    if (!paths) throw new Error('the blog generates');
    const scaffolded = Object.keys(userScaffolds(design) ?? {}).filter((p) => p.startsWith('app/handlers/'));
    expect([...paths.values()].sort()).toEqual(scaffolded.sort());
    for (const endpoint of design.customEndpoints)
      expect(userPathProblem(handlerModulePath(design, endpoint) ?? '')).toBeNull();
  });

  it('is null while the design has problems, and for an endpoint outside the design', () => {
    const design = templates.blog();
    expect(handlerModulePath(design, { id: 'nope' })).toBeNull();
    const broken = { ...design, entities: design.entities.map((e) => ({ ...e, name: '' })) };
    expect(handlerModulePaths(broken)).toBeNull();
  });
});

describe('userPathProblem', () => {
  it.each(['app/handlers/a.py', 'app/hooks/post.py', 'tests/custom/test_x.py'])('accepts %s', (path) =>
    expect(userPathProblem(path)).toBeNull(),
  );
  it.each([
    '',
    'app/main.py',
    'app/handlers/a.txt',
    'app/handlers/../main.py',
    'app/handlers//a.py',
    'app/handlers/./a.py',
    '/app/handlers/a.py',
    'app/handlers/a b.py',
    'app/handlers/__init__.py',
    'app\\handlers\\a.py',
    'tests/custom/sub/t.py',
    `app/handlers/${'a'.repeat(300)}.py`,
  ])('refuses %j', (path) => expect(userPathProblem(path)).not.toBeNull());
});
