/**
 * The draft's user code and the tools on it: writes go into the draft only, paths outside the user folders and
 * generator-owned files are refused with the reason, limits hold, a write reads back and lists as written.
 */
import { describe, expect, it } from 'vitest';
import { USER_CODE_LIMITS } from '@/lib/generator/user-code/paths';
import type { UserCode } from '@/lib/generator/user-code/types';
import { Draft } from './draft';
import { blogWithCustomPublish } from './testing/publish';
import { assistantTools, draftChecks } from './tools';

const HANDLER = 'app/handlers/post_posts_slug_publish.py';
const call = { toolCallId: 't', messages: [] };

describe('Draft user code', () => {
  it('refuses paths outside the user folders and generator-owned modules, changing nothing', () => {
    const draft = new Draft(blogWithCustomPublish());
    for (const path of [
      'app/main.py',
      'app/handlers/__init__.py',
      'app/handlers/../main.py',
      '/etc/passwd',
      'tests/custom/deep/test_x.py',
      'app/handlers/notes.txt',
      '__proto__',
    ])
      expect(draft.write(path, 'x = 1\n')).toMatchObject({ ok: false, error: expect.any(String) });
    expect(draft.userCode.files).toEqual({});
    expect(draft.changed).toBe(false);
  });

  it('bounds each file and all of them together', () => {
    const draft = new Draft(blogWithCustomPublish());
    const tooBig = 'x'.repeat(USER_CODE_LIMITS.fileBytes + 1);
    expect(draft.write('tests/custom/test_big.py', tooBig)).toMatchObject({ ok: false, error: /KiB/ });
    expect(draft.write('tests/custom/test_nul.py', 'a\0b')).toMatchObject({ ok: false, error: /NUL/ });
    const manyLines = '\n'.repeat(USER_CODE_LIMITS.fileLines + 1);
    expect(draft.write('tests/custom/test_long.py', manyLines)).toMatchObject({ ok: false, error: /lines/ });
    const full: UserCode = { files: {} };
    for (let i = 0; i < USER_CODE_LIMITS.files; i++)
      full.files[`tests/custom/test_${i}.py`] = { content: '', base: '' };
    const crowded = new Draft(blogWithCustomPublish(), full);
    expect(crowded.write('tests/custom/test_one_more.py', 'x = 1\n')).toMatchObject({
      ok: false,
      error: /At most 200 user files/,
    });
    expect(crowded.userCode).toBe(full);
  });

  it('keeps the base of a stored file, takes the scaffold as base of a new one, and diffs against the start', () => {
    const start: UserCode = { files: { 'tests/custom/test_a.py': { content: 'old\n', base: '' } } };
    const draft = new Draft(blogWithCustomPublish(), start);
    expect(draft.write('tests/custom/test_a.py', 'new\n')).toEqual({
      ok: true,
      path: 'tests/custom/test_a.py',
      lines: 2,
    });
    expect(draft.write(HANDLER, 'body\n', 'scaffold\n')).toMatchObject({ ok: true });
    expect(draft.write(HANDLER, 'body 2\n', 'ignored\n')).toMatchObject({ ok: true });
    expect(draft.userCode.files[HANDLER]).toEqual({ content: 'body 2\n', base: 'scaffold\n' });
    expect(draft.fileChanges).toEqual([
      { path: HANDLER, before: 'scaffold\n', after: 'body 2\n', base: 'scaffold\n' },
      { path: 'tests/custom/test_a.py', before: 'old\n', after: 'new\n', base: '' },
    ]);
    expect(start.files['tests/custom/test_a.py']?.content).toBe('old\n');
    // Written back to what it was: no change to propose.
    draft.write('tests/custom/test_a.py', 'old\n');
    expect(draft.fileChanges.map((c) => c.path)).toEqual([HANDLER]);
  });
});

describe('user-file tools', () => {
  it('list the scaffold, refuse generated files, and read back a write', async () => {
    const draft = new Draft(blogWithCustomPublish());
    const tools = assistantTools(draft, draftChecks({ owner: 'draft-code-user' }));
    const listed = await tools.listUserFiles.execute?.({}, call);
    expect(listed).toMatchObject({ ok: true, generates: true });
    expect((listed as { files: unknown[] }).files).toContainEqual({ path: HANDLER, state: 'scaffold' });

    const refused = await tools.writeUserFile.execute?.({ path: 'app/main.py', content: 'print(1)\n' }, call);
    expect(refused).toMatchObject({ ok: false, error: /generated from the design/ });
    const init = await tools.writeUserFile.execute?.({ path: 'app/handlers/__init__.py', content: '' }, call);
    expect(init).toMatchObject({ ok: false, error: /written by the generator/ });
    const read = await tools.readUserFile.execute?.({ path: 'app/main.py' }, call);
    expect(read).toMatchObject({ ok: false, error: /readGeneratedFile/ });

    const scaffold = (await tools.readUserFile.execute?.({ path: HANDLER }, call)) as { content: string };
    expect(scaffold).toMatchObject({ ok: true, state: 'scaffold' });
    const body = `${scaffold.content.replace('status_code=501', 'status_code=404')}`;
    expect(await tools.writeUserFile.execute?.({ path: HANDLER, content: body }, call)).toMatchObject({
      ok: true,
    });
    expect(await tools.readUserFile.execute?.({ path: HANDLER }, call)).toEqual({
      ok: true,
      path: HANDLER,
      state: 'written',
      content: body,
    });
    expect(draft.userCode.files[HANDLER]).toEqual({ content: body, base: scaffold.content });
    const again = (await tools.listUserFiles.execute?.({}, call)) as { files: unknown[] };
    expect(again.files).toContainEqual({ path: HANDLER, state: 'written' });
    expect(await tools.readUserFile.execute?.({ path: 'tests/custom/test_none.py' }, call)).toMatchObject({
      ok: false,
      error: /No user file/,
    });
  }, 120_000);

  it('runCodeChecks reports lint findings of a user file and says when mypy and pytest cannot run', async () => {
    const draft = new Draft(blogWithCustomPublish());
    const tools = assistantTools(draft, draftChecks({ owner: 'draft-code-user' }));
    await tools.writeUserFile.execute?.(
      { path: 'tests/custom/test_bad.py', content: 'import os\ndef f(:\n' },
      call,
    );
    const report = (await tools.runCodeChecks.execute?.({}, call)) as {
      ok: boolean;
      diagnostics: { file: string; line: number }[];
      project: { ran: boolean; reason?: string };
    };
    expect(report.ok).toBe(false);
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ file: 'tests/custom/test_bad.py', line: 2 }),
    );
    // No sandbox runner given: the report says mypy and pytest did not run, and why.
    expect(report.project).toEqual({ ran: false, reason: expect.stringMatching(/cannot run here/) });

    const bounded = (await assistantTools(draft, draftChecks({ owner: 'draft-code-user' }), {
      runProjectChecks: async () => ({
        ok: false,
        tools: [
          {
            tool: 'mypy',
            ok: false,
            summary: 'Found 100 errors',
            findings: Array.from({ length: 100 }, (_, i) => ({
              tool: 'mypy' as const,
              file: 'app/handlers/x.py',
              line: i + 1,
              message: 'm'.repeat(5000),
            })),
          },
        ],
      }),
    }).runCodeChecks.execute?.({}, call)) as {
      project: { tools: { findings: { message: string }[]; findingCount: number }[] };
    };
    const mypy = bounded.project.tools[0];
    expect(mypy?.findingCount).toBe(100);
    expect(mypy?.findings).toHaveLength(30);
    expect(mypy?.findings[0]?.message.length).toBeLessThan(1600);
  }, 120_000);
});
