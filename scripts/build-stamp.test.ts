import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIsCurrent, buildStamp, STAMP_FILE } from './build-stamp.mjs';

const roots: string[] = [];
function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fastdraft-stamp-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

const app = {
  'app/page.tsx': 'export default 1',
  'lib/x.ts': 'export const x = 1',
  'package-lock.json': '{}',
  'lib/x.test.ts': 'test',
  'README.md': '# readme',
};

describe('buildStamp', () => {
  it('is the same for the same sources, whatever the timestamps', () => {
    const a = tree(app);
    const b = tree(app);
    fs.utimesSync(path.join(b, 'lib/x.ts'), new Date(0), new Date(0));
    expect(buildStamp(a)).toBe(buildStamp(b));
  });

  it('changes with a source, the lockfile or a new file, not with tests or docs', () => {
    const base = buildStamp(tree(app));
    expect(buildStamp(tree({ ...app, 'lib/x.ts': 'export const x = 2' }))).not.toBe(base);
    expect(buildStamp(tree({ ...app, 'package-lock.json': '{"v":2}' }))).not.toBe(base);
    expect(buildStamp(tree({ ...app, 'components/y.tsx': 'y' }))).not.toBe(base);
    expect(buildStamp(tree({ ...app, 'lib/x.test.ts': 'other test' }))).toBe(base);
    expect(buildStamp(tree({ ...app, 'README.md': 'other docs', 'e2e/a.spec.ts': 'spec' }))).toBe(base);
  });
});

describe('buildIsCurrent', () => {
  it('needs a complete build (BUILD_ID) with this stamp', () => {
    const root = tree(app);
    const dist = path.join(root, '.next');
    const stamp = buildStamp(root);
    expect(buildIsCurrent(dist, stamp)).toBe(false);
    fs.mkdirSync(dist);
    fs.writeFileSync(path.join(dist, STAMP_FILE), `${stamp}\n`);
    expect(buildIsCurrent(dist, stamp)).toBe(false);
    fs.writeFileSync(path.join(dist, 'BUILD_ID'), 'abc');
    expect(buildIsCurrent(dist, stamp)).toBe(true);
    expect(buildIsCurrent(dist, 'other')).toBe(false);
  });
});
