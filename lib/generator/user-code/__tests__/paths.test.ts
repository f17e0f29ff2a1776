import { describe, expect, it } from 'vitest';
import { emptyDesign, newEntity } from '@/lib/design/factories';
import type { CustomEndpoint, Design } from '@/lib/design/schema';
import { handlerModulePath, handlerModulePaths, userPathProblem } from '../paths';

const endpoint = (id: string, over: Partial<CustomEndpoint> = {}): CustomEndpoint => ({
  id,
  method: 'POST',
  path: '/things/{thing_id}/publish',
  summary: '',
  access: { kind: 'public' },
  ...over,
});

function design(endpoints: CustomEndpoint[]): Design {
  return { ...emptyDesign('d'), entities: [newEntity('e_post', 'Post')], customEndpoints: endpoints };
}

describe('handlerModulePath', () => {
  it('takes the summary in snake_case', () => {
    const d = design([endpoint('c1', { summary: 'Publish a post!' })]);
    expect(handlerModulePath(d, { id: 'c1' })).toBe('app/handlers/publish_a_post.py');
  });

  it('falls back to method, entity and path without a summary', () => {
    const d = design([endpoint('c1', { entityId: 'e_post', path: '/{post_id}/publish' })]);
    expect(handlerModulePath(d, { id: 'c1' })).toBe('app/handlers/post_post_post_id_publish.py');
  });

  it('numbers clashing names in design order and keeps Python names legal', () => {
    const d = design([
      endpoint('c1', { summary: 'Publish' }),
      endpoint('c2', { summary: 'publish' }),
      endpoint('c3', { summary: '2 step' }),
      endpoint('c4', { summary: 'import' }),
      endpoint('c5', { summary: '¡¡¡', path: '', method: 'GET' }),
    ]);
    expect([...handlerModulePaths(d).values()]).toEqual([
      'app/handlers/publish.py',
      'app/handlers/publish_2.py',
      'app/handlers/h_2_step.py',
      'app/handlers/import_handler.py',
      'app/handlers/get.py',
    ]);
    for (const path of handlerModulePaths(d).values()) expect(userPathProblem(path)).toBeNull();
  });

  it('cuts long summaries', () => {
    const d = design([endpoint('c1', { summary: 'word '.repeat(100) })]);
    const name = handlerModulePath(d, { id: 'c1' }).slice('app/handlers/'.length, -3);
    expect(name.length).toBeLessThanOrEqual(60);
    expect(name.endsWith('_')).toBe(false);
  });

  it('throws for an endpoint outside the design', () => {
    expect(() => handlerModulePath(design([]), { id: 'nope' })).toThrow();
  });
});

describe('userPathProblem', () => {
  it.each(['app/handlers/a.py', 'app/hooks/post.py', 'tests/custom/test_x.py', 'tests/custom/sub/t.py'])(
    'accepts %s',
    (path) => expect(userPathProblem(path)).toBeNull(),
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
    `app/handlers/${'a'.repeat(300)}.py`,
  ])('refuses %j', (path) => expect(userPathProblem(path)).not.toBeNull());
});
