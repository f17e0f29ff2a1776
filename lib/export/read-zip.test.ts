import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { templates } from '@/lib/design/templates';
import { readProjectZip, ZIP_LIMITS } from './read-zip';
import { DESIGN_FILE, USER_CODE_FILE } from './user-code-manifest';
import { projectZip } from './zip';

const HANDLER = 'app/handlers/publish.py';
const userCode = {
  files: {
    [HANDLER]: { content: 'def publish() -> None:\n    pass\n', base: 'def publish() -> None:\n    ...\n' },
  },
};
const manifest = (files: Record<string, { base: string }>) => strToU8(JSON.stringify({ files }));

describe('readProjectZip', () => {
  it('reads back the design and the user code of an export', () => {
    const zipped = projectZip(templates.todo(), {}, userCode);
    if (!zipped.ok) throw new Error('export failed');
    const back = readProjectZip(zipped.bytes);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(JSON.parse(back.design).name).toBe(templates.todo().name);
    expect(back.userCode).toEqual(userCode);
  });

  it('imports a zip without a manifest with no user code, and refuses one without design.json', () => {
    expect(readProjectZip(zipSync({ [DESIGN_FILE]: strToU8('{}') }))).toEqual({
      ok: true,
      design: '{}',
      userCode: { files: {} },
    });
    expect(readProjectZip(zipSync({ 'README.md': strToU8('x') })).ok).toBe(false);
    expect(readProjectZip(strToU8('not a zip at all')).ok).toBe(false);
    expect(readProjectZip(new Uint8Array(ZIP_LIMITS.bytes + 1)).ok).toBe(false);
  });

  it('refuses manifests naming files that are not user files, missing or past the limits', () => {
    const bad = (files: Record<string, Uint8Array>) =>
      readProjectZip(zipSync({ [DESIGN_FILE]: strToU8('{}'), ...files }));
    expect(
      bad({ [USER_CODE_FILE]: manifest({ 'app/main.py': { base: '' } }), 'app/main.py': strToU8('x') }).ok,
    ).toBe(false);
    expect(bad({ [USER_CODE_FILE]: manifest({ [HANDLER]: { base: '' } }) }).ok).toBe(false);
    expect(bad({ [USER_CODE_FILE]: strToU8('{') }).ok).toBe(false);
    expect(bad({ [USER_CODE_FILE]: strToU8('{"files": {"app/handlers/a.py": 1}}') }).ok).toBe(false);
  });

  it('is zip-bomb safe: a highly compressed entry past its limit is refused before it is inflated', () => {
    // 8 MiB of zeros (twice the design limit) compress to a few KiB: the declared size is checked first.
    const bomb = zipSync({ [DESIGN_FILE]: new Uint8Array(8 * 2 ** 20) }, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(ZIP_LIMITS.bytes);
    const answer = readProjectZip(bomb);
    expect(answer).toMatchObject({ ok: false });
    expect(!answer.ok && answer.message).toContain('larger than');
  });

  it('does not inflate past the declared size of an entry that lies about it', () => {
    const honest = zipSync({ [DESIGN_FILE]: strToU8('{"a": 1}'.padEnd(4096, ' ')) }, { level: 9 });
    // Patch the central directory's uncompressed size (offset 24 of its entry) down to 8 bytes.
    const central = honest.findLastIndex(
      (_, i) => honest[i] === 0x50 && honest[i + 1] === 0x4b && honest[i + 2] === 1 && honest[i + 3] === 2,
    );
    new DataView(honest.buffer).setUint32(central + 24, 8, true);
    const answer = readProjectZip(honest);
    if (answer.ok) expect(answer.design.length).toBeLessThanOrEqual(8);
  });
});
