/**
 * The tier catches a broken project and says where: the todo template's project, corrupted on purpose, run
 * through only the steps that matter (a few seconds each). Skipped without a Python toolchain (see
 * `npm run python:provision`); in CI the toolchain is provisioned first, so this runs there.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templates } from '@/lib/design/templates';
import { generateProject, openApiFor } from '@/lib/generator';
import { findToolchain } from '@/lib/runner/toolchain';
import { alembicStep, openApiStep, type Project, pytestStep, writeProject } from './steps';

const lookup = await findToolchain();
const design = templates.todo();

function lineOf(file: string, needle: string): number {
  const index = readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`${needle} not in ${file}`);
  return index + 1;
}

function replaceIn(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  writeFileSync(file, text.replace(from, to));
}

describe.skipIf(!lookup.ok)('python tier on a project broken on purpose', () => {
  let root = '';
  let project: Project;

  beforeAll(() => {
    if (!lookup.ok) return;
    const generated = generateProject(design);
    if (!generated.ok) throw new Error('todo does not generate');
    mkdirSync(lookup.toolchain.workRoot, { recursive: true });
    root = mkdtempSync(path.join(lookup.toolchain.workRoot, 'fastdraft-tier-test-'));
    writeProject(root, generated.files);
    project = { design: 'todo', dir: root, toolchain: lookup.toolchain };
  });
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('a wrong column type fails alembic check at the model column', async () => {
    const model = path.join(root, 'app/models/todo_list.py');
    const line = lineOf(model, 'title: Mapped[str] = mapped_column(String(100)');
    replaceIn(model, 'mapped_column(String(100)', 'mapped_column(String(50)');
    try {
      const result = await alembicStep(project, 'sqlite');
      expect(result.ok).toBe(false);
      expect(result.failures[0]).toMatchObject({ file: 'app/models/todo_list.py', line });
      expect(result.failures[0]?.message).toMatch(/modify_type todo_lists\.title/);
      expect(result.failures[0]?.message).toMatch(/migration: alembic\/versions\/0001_initial\.py:\d+/);
    } finally {
      replaceIn(model, 'mapped_column(String(50)', 'mapped_column(String(100)');
    }
  }, 120_000);

  it('a route whose response does not match its schema fails pytest at the route', async () => {
    const routes = path.join(root, 'app/api/routes/todo_lists.py');
    const line = lineOf(routes, '@router.get("/{todo_list_id}"');
    const original = 'return TodoListRead.model_validate(row)';
    replaceIn(routes, original, 'return {"id": "not-a-number"}  # type: ignore[return-value]');
    try {
      const result = await pytestStep(project, 'sqlite', [
        'tests/test_todo_lists.py',
        '-k',
        'test_get_todo_list',
      ]);
      expect(result.ok).toBe(false);
      const failure = result.failures.find((f) => f.message.startsWith('test_get_todo_list:'));
      expect(failure).toMatchObject({ file: 'app/api/routes/todo_lists.py', line });
      expect(failure?.message).toMatch(/ResponseValidationError/);
    } finally {
      replaceIn(routes, 'return {"id": "not-a-number"}  # type: ignore[return-value]', original);
    }
  }, 120_000);

  it('a served OpenAPI document that differs names the route and the schema field', async () => {
    const expected = structuredClone(openApiFor(design)) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    const item = expected.paths['/todo-lists/{todo_list_id}']?.get;
    if (!item) throw new Error('no GET /todo-lists/{todo_list_id} in openApiFor');
    item.responses['201'] = item.responses['200'];
    delete item.responses['200'];
    delete expected.components.schemas.TodoListRead?.properties.title;
    const result = await openApiStep(project, expected);
    expect(result.ok).toBe(false);
    const routeLine = lineOf(
      path.join(root, 'app/api/routes/todo_lists.py'),
      '@router.get("/{todo_list_id}"',
    );
    expect(result.failures).toContainEqual(
      expect.objectContaining({ file: 'app/api/routes/todo_lists.py', line: routeLine }),
    );
    const schemaFile = path.join(root, 'app/schemas/todo_list.py');
    const classLine = lineOf(schemaFile, 'class TodoListRead');
    const fieldLine = readFileSync(schemaFile, 'utf8')
      .split('\n')
      .findIndex((l, i) => i >= classLine && /^\s+title\s*:/.test(l));
    expect(result.failures).toContainEqual(
      expect.objectContaining({ file: 'app/schemas/todo_list.py', line: fieldLine + 1 }),
    );
  }, 120_000);
});
