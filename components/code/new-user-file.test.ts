import { describe, expect, it } from 'vitest';
import { newUserFileContent, newUserFilePath } from './new-user-file';

describe('newUserFilePath', () => {
  it('adds .py and refuses names the user path rule or an existing file refuses', () => {
    expect(newUserFilePath('tests/custom/', 'test_publish', new Set())).toEqual({
      path: 'tests/custom/test_publish.py',
    });
    expect(newUserFilePath('app/handlers/', 'extra.py', new Set())).toEqual({
      path: 'app/handlers/extra.py',
    });
    expect(newUserFilePath('tests/custom/', '', new Set())).toHaveProperty('problem');
    expect(newUserFilePath('tests/custom/', '../app/main', new Set())).toHaveProperty('problem');
    expect(newUserFilePath('tests/custom/', 'a b', new Set())).toHaveProperty('problem');
    expect(newUserFilePath('tests/custom/', 'x.py', new Set(['tests/custom/x.py']))).toEqual({
      problem: 'tests/custom/x.py already exists.',
    });
  });

  it('starts a test module with a test pytest collects', () => {
    expect(newUserFileContent('tests/custom/test_a.py')).toContain('def test_example() -> None:');
    expect(newUserFileContent('app/handlers/a.py')).toBe('');
  });
});
