import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '@/lib/design';
import { templates } from '@/lib/design/templates';
import { buildIr, generateProject } from '@/lib/generator';
import { projectSlug, projectZip } from './zip';

type CentralEntry = { name: string; madeBy: number; mode: number; dosDate: number; dosTime: number };

/** The central directory of a zip (no zip64, no comment: what fflate writes for these sizes). */
function centralDirectory(bytes: Uint8Array): CentralEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      madeBy: view.getUint8(at + 5),
      dosTime: view.getUint16(at + 12, true),
      dosDate: view.getUint16(at + 14, true),
      mode: view.getUint32(at + 38, true) >>> 16,
      name: strFromU8(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('projectZip', () => {
  it('gives byte-identical zips for the same design, named after the project slug', () => {
    const first = projectZip(templates.blog());
    const second = projectZip(templates.blog());
    if (!first.ok || !second.ok) throw new Error('blog does not export');
    expect(first.name).toBe('blog.zip');
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
  });

  it('holds the generated files and design.json, sorted, with fixed timestamps and unix modes', () => {
    const design = templates.todo();
    const zipped = projectZip(design);
    const generated = generateProject(design);
    if (!zipped.ok || !generated.ok) throw new Error('todo does not export');
    const entries = centralDirectory(zipped.bytes);
    const names = entries.map((e) => e.name);
    expect(names).toEqual([...Object.keys(generated.files), 'design.json'].sort(byteOrder));
    expect(names).toContain('app/main.py');
    for (const entry of entries) {
      expect(entry.madeBy, entry.name).toBe(3);
      expect(entry.mode, entry.name).toBe(entry.name.endsWith('.sh') ? 0o100755 : 0o100644);
      // 1980-01-01 00:00:00 in DOS format: year 0, month 1, day 1.
      expect(entry.dosDate, entry.name).toBe((1 << 5) | 1);
      expect(entry.dosTime, entry.name).toBe(0);
    }
    const contents = unzipSync(zipped.bytes);
    expect(strFromU8(contents['app/main.py'] as Uint8Array)).toBe(generated.files['app/main.py']);
  });

  it('design.json round-trips through loadDesign', () => {
    const design = templates.shop();
    const zipped = projectZip(design);
    if (!zipped.ok) throw new Error('shop does not export');
    const text = strFromU8(unzipSync(zipped.bytes)['design.json'] as Uint8Array);
    expect(text).toBe(`${JSON.stringify(design, null, 2)}\n`);
    const loaded = loadDesign(JSON.parse(text));
    expect(loaded.ok && loaded.design).toEqual(design);
  });

  it('names the zip as the generator names the project', () => {
    for (const design of [templates.blog(), templates.shop(), { ...templates.todo(), name: '  ' }]) {
      expect(projectSlug(design)).toBe(buildIr(design).slug);
    }
  });

  it('refuses a design with problems', () => {
    const design = templates.todo();
    const [a, b] = design.entities;
    if (!a || !b) throw new Error('todo has two entities');
    const broken = { ...design, entities: [a, { ...b, name: a.name }, ...design.entities.slice(2)] };
    const zipped = projectZip(broken);
    expect(zipped.ok).toBe(false);
    if (!zipped.ok) expect(zipped.problems.length).toBeGreaterThan(0);
  });

  it.skipIf(!process.env.CI && !hasZipinfo())('passes unzip -t and zipinfo shows the modes', () => {
    const zipped = projectZip(templates.todo());
    if (!zipped.ok) throw new Error('todo does not export');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fastdraft-zip-'));
    try {
      const file = path.join(dir, zipped.name);
      writeFileSync(file, zipped.bytes);
      expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
      const listing = execFileSync('zipinfo', [file], { encoding: 'utf8' });
      expect(listing).toMatch(/^-rw-r--r-- {2}2\.0 unx .* 80-Jan-01 00:00 app\/main\.py$/m);
      expect(listing).not.toMatch(/^d/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function hasZipinfo(): boolean {
  try {
    execFileSync('zipinfo', ['-h'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
