import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksFolder, hasUserWrittenCode, removeChecksFolders } from './workspace-checks';

describe('workspace checks', () => {
  it('counts only code the user wrote: an untouched scaffold or an empty new file is none', () => {
    const scaffold = 'async def handle() -> None:\n    raise HTTPException(501)\n';
    expect(hasUserWrittenCode(undefined)).toBe(false);
    expect(hasUserWrittenCode({ files: {} })).toBe(false);
    expect(
      hasUserWrittenCode({ files: { 'app/handlers/a.py': { content: scaffold, base: scaffold } } }),
    ).toBe(false);
    expect(hasUserWrittenCode({ files: { 'tests/custom/test_a.py': { content: '\n', base: '' } } })).toBe(
      false,
    );
    expect(
      hasUserWrittenCode({
        files: { 'app/handlers/a.py': { content: `${scaffold}# mine\n`, base: scaffold } },
      }),
    ).toBe(true);
    expect(
      hasUserWrittenCode({ files: { 'tests/custom/test_a.py': { content: 'x = 1\n', base: '' } } }),
    ).toBe(true);
  });

  it('keeps each workspace its folders under the data folder and refuses anything but an id', () => {
    const id = '0b7c3c1e-2f7a-4d55-9a51-3c8f0f5e7a10';
    expect(checksFolder(id, 'run', '/data')).toBe(path.join('/data', 'checks', id, 'run'));
    expect(checksFolder(id, 'try-it', '/data')).toBe(path.join('/data', 'checks', id, 'try-it'));
    expect(() => checksFolder('../../etc', 'run', '/data')).toThrow();
    expect(() => checksFolder('', 'run', '/data')).toThrow();
  });

  it('removes both kept folders of a deleted workspace and nothing of another', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'checks-'));
    const [gone, kept] = ['a0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002'];
    for (const id of [gone, kept])
      for (const kind of ['run', 'try-it'] as const) {
        await mkdir(checksFolder(id, kind, dataDir), { recursive: true });
        await writeFile(path.join(checksFolder(id, kind, dataDir), 'x.py'), '');
      }
    await removeChecksFolders(gone, dataDir);
    await removeChecksFolders(gone, dataDir); // already gone: no error
    expect(await readdir(path.join(dataDir, 'checks'))).toEqual([kept]);
    await rm(dataDir, { recursive: true, force: true });
  });
});
