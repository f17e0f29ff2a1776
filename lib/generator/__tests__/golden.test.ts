import { describe, expect, it } from 'vitest';
import { generateProject } from '../generate';
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
