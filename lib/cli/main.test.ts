import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDesign, validateDesign } from '@/lib/design';
import { FORMAT_VERSION } from '@/lib/design/schema';
import * as generator from '@/lib/generator';
import { main } from './main';

// The real generator, with a hook to hand the CLI a broken project once.
vi.mock('@/lib/generator', async (original) => {
  const actual = await original<typeof import('@/lib/generator')>();
  return { ...actual, generateProject: vi.fn(actual.generateProject) };
});

describe('fastdraft CLI', () => {
  const output: string[] = [];
  const errors: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => output.push(line));
  vi.spyOn(console, 'error').mockImplementation((line: string) => errors.push(line));
  afterEach(() => {
    output.length = 0;
    errors.length = 0;
  });

  it('lists templates and prints one as design JSON', async () => {
    expect(await main(['templates'])).toBe(0);
    expect(output).toEqual(['blank', 'blog', 'todo', 'shop', 'conduit', 'social']);
    output.length = 0;
    expect(await main(['template', 'todo'])).toBe(0);
    expect(JSON.parse(output.join('\n'))).toMatchObject({ formatVersion: FORMAT_VERSION, name: 'Todo' });
  });

  it('generates a project from a template and from a design file', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fastdraft-cli-'));
    expect(await main(['generate', '--template', 'todo', '--out', path.join(dir, 'a')])).toBe(0);
    await expect(fs.readFile(path.join(dir, 'a/app/main.py'), 'utf8')).resolves.toContain('FastAPI');
    expect(output.at(-1)).toBe('Checks passed: ruff, syntax, OpenAPI.');
    expect(errors).toEqual([]);
    output.length = 0;
    await main(['template', 'shop']);
    await fs.writeFile(path.join(dir, 'shop.json'), output.join('\n'));
    expect(await main(['generate', path.join(dir, 'shop.json'), '--out', path.join(dir, 'b')])).toBe(0);
    await expect(fs.stat(path.join(dir, 'b/alembic.ini'))).resolves.toBeTruthy();
    await fs.rm(dir, { recursive: true });
  });

  it('checks what it wrote: findings as file:line:column rule, exit 1 on an error', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fastdraft-cli-'));
    const real = vi
      .mocked(generator.generateProject)
      .getMockImplementation() as typeof generator.generateProject;
    vi.mocked(generator.generateProject).mockImplementationOnce((design, options) => {
      const result = real(design, options);
      if (!result.ok) return result;
      const broken = 'def f() -> int:\n    return missing_name\n';
      return { ...result, files: { ...result.files, 'app/broken.py': broken } };
    });
    expect(await main(['generate', '--template', 'todo', '--out', dir])).toBe(1);
    expect(errors).toContain('app/broken.py:2:12 F821 error: Undefined name `missing_name`');
    expect(errors.at(-1)).toMatch(/^Checks: 1 error\(s\), 0 warning\(s\)\.$/);
    // Written anyway: the findings point into the files.
    await expect(fs.readFile(path.join(dir, 'app/broken.py'), 'utf8')).resolves.toContain('missing_name');
    await fs.rm(dir, { recursive: true });
  });

  it('refuses bad input with a clear message and a non-zero exit', async () => {
    expect(await main(['generate', '--template', 'nope', '--out', '/tmp/x'])).toBe(1);
    expect(errors.at(-1)).toContain('Unknown template "nope"');
    expect(await main(['generate', '/does/not/exist.json', '--out', '/tmp/x'])).toBe(1);
    expect(errors.at(-1)).toContain('Cannot read');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fastdraft-cli-'));
    await fs.writeFile(path.join(dir, 'bad.json'), '{"formatVersion": 1, "name": 3}');
    expect(await main(['generate', path.join(dir, 'bad.json'), '--out', dir])).toBe(1);
    expect(errors.at(-1)).toMatch(/is not a valid design:\n {2}name: /);
    expect(await main(['generate', '--template', 'blog'])).toBe(1);
    expect(errors.at(-1)).toContain('Missing --out');
    expect(await main(['frobnicate'])).toBe(2);
    await fs.rm(dir, { recursive: true });
  });

  it('exports a project zip with design.json from a template and from a design file', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fastdraft-cli-'));
    const out = path.join(dir, 'out/todo.zip');
    expect(await main(['export', '--template', 'todo', '--out', out])).toBe(0);
    const entries = unzipSync(new Uint8Array(await fs.readFile(out)));
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(['design.json', 'app/main.py']));
    expect(JSON.parse(strFromU8(entries['design.json'] as Uint8Array))).toMatchObject({ name: 'Todo' });
    output.length = 0;
    await main(['template', 'blog']);
    await fs.writeFile(path.join(dir, 'blog.json'), output.join('\n'));
    expect(await main(['export', path.join(dir, 'blog.json'), '--out', path.join(dir, 'blog.zip')])).toBe(0);
    expect(output.at(-1)).toMatch(/^Wrote .*blog\.zip \(\d+ bytes\)$/);
    await fs.rm(dir, { recursive: true });
  });

  it('refuses to export bad input with a message and exit 1, writing nothing', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fastdraft-cli-'));
    const out = path.join(dir, 'x.zip');
    expect(await main(['export', '--template', 'nope', '--out', out])).toBe(1);
    expect(errors.at(-1)).toContain('Unknown template "nope"');
    expect(await main(['export', '--template', 'todo'])).toBe(1);
    expect(errors.at(-1)).toContain('Missing --out FILE.zip');
    output.length = 0;
    await main(['template', 'todo']);
    const design = JSON.parse(output.join('\n'));
    design.entities[1].name = design.entities[0].name;
    await fs.writeFile(path.join(dir, 'dup.json'), JSON.stringify(design));
    expect(await main(['export', path.join(dir, 'dup.json'), '--out', out])).toBe(1);
    expect(errors.at(-1)).toMatch(/The design has \d+ problem\(s\); nothing was written/);
    await expect(fs.stat(out)).rejects.toThrow();
    await fs.rm(dir, { recursive: true });
  });

  it('imports a SQL file into a design file: the report on stderr, a design that loads and generates', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fastdraft-cli-'));
    const sql = path.join(dir, 'shop.sql');
    await fs.writeFile(
      sql,
      'CREATE TABLE customers (id serial PRIMARY KEY, email text NOT NULL UNIQUE);\n' +
        'CREATE TABLE orders (id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES customers (id));\n',
    );
    const out = path.join(dir, 'out/design.json');
    expect(await main(['import', sql, '--out', out])).toBe(0);
    expect(errors.join('\n')).toMatch(
      /postgresql: \d+ imported, \d+ approximated, \d+ skipped; 2 entities, 0 enums, 1 relations/,
    );
    const design = loadDesign(JSON.parse(await fs.readFile(out, 'utf8')));
    expect(design.ok && design.design.entities).toHaveLength(2);
    expect(design.ok && validateDesign(design.design)).toEqual([]);
    // Positions from the layout: every box has a place.
    expect(design.ok && Object.keys(design.design.layout.nodes)).toHaveLength(2);
    expect(await main(['generate', out, '--out', path.join(dir, 'project')])).toBe(0);
    await fs.rm(dir, { recursive: true });
  });

  it('a file that does not import: its position, exit 1, nothing written', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fastdraft-cli-'));
    const sql = path.join(dir, 'bad.sql');
    await fs.writeFile(sql, 'CREATE TABLE ok (id int);\nCREATE TABLE (;\n');
    const out = path.join(dir, 'design.json');
    expect(await main(['import', sql, '--out', out])).toBe(1);
    expect(errors.at(-1)).toMatch(new RegExp(`^${sql.replaceAll('/', '\\/')}:2:\\d+: error: `));
    await expect(fs.stat(out)).rejects.toThrow();
    expect(await main(['import', sql, '--format', 'cobol'])).toBe(1);
    expect(errors.at(-1)).toContain('Unknown format "cobol"');
    expect(await main(['import'])).toBe(1);
    await fs.rm(dir, { recursive: true });
  });
});
