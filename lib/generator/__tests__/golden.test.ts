import { describe, expect, it } from 'vitest';
import { generateProject } from '../generate';
import { userCodeDesigns } from '../testing/user-code-designs';
import { GOLDEN_DESIGNS } from './helpers';

// One snapshot file per generated file: a change in the generator shows up as a readable diff per file.
describe.each(Object.keys(GOLDEN_DESIGNS))('golden files: %s', (name) => {
  const design = GOLDEN_DESIGNS[name];
  if (!design) throw new Error(name);
  const result = generateProject(design());
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  it.each(Object.keys(result.files))('%s', async (path) => {
    await expect(result.files[path]).toMatchFileSnapshot(`../__golden__/${name}/${path}`);
  });
});

// Designs with user code: the merged project (user files byte for byte, hooks called, 501 tests left out).
describe.each(Object.keys(userCodeDesigns))('golden files with user code: %s', (name) => {
  const entry = userCodeDesigns[name];
  if (!entry) throw new Error(name);
  const userCode = entry.userCode();
  const result = generateProject(entry.design(), { userCode });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  it('merges without problems and keeps every user file as written', () => {
    expect(result.userCodeProblems).toEqual([]);
    expect(result.blocked).toBe(false);
    expect(result.orphaned).toEqual([]);
    for (const [path, file] of Object.entries(userCode.files)) {
      expect(result.owners[path]).toBe('user');
      expect(result.files[path]).toBe(file.content);
    }
  });
  it.each(Object.keys(result.files))('%s', async (path) => {
    await expect(result.files[path]).toMatchFileSnapshot(`../__golden__/${name}/${path}`);
  });
});
