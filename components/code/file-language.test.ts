import { describe, expect, it } from 'vitest';
import { languageOf } from './file-language';

describe('languageOf', () => {
  it.each([
    ['app/models/post.py', 'python'],
    ['pyproject.toml', 'toml'],
    ['alembic.ini', 'ini'],
    ['README.md', 'markdown'],
    ['Dockerfile', 'dockerfile'],
    ['.env.example', 'ini'],
    ['alembic/script.py.mako', 'python'],
    ['requirements.txt', 'plaintext'],
    ['.gitignore', 'plaintext'],
  ])('%s -> %s', (path, language) => {
    expect(languageOf(path)).toBe(language);
  });
});
