/**
 * The assistant writes code: "implement the publish endpoint" on a blog whose publish is a custom endpoint, driven
 * by the scripted mock model through the real tools. The proposal holds the handler and its test (no design
 * operations); with the Python toolchain the handler passes mypy --strict and its test passes in the sandbox.
 */
import { readUIMessageStream, type UIMessageChunk } from 'ai';
import { describe, expect, it } from 'vitest';
import { type Design, templates } from '@/lib/design';
import type { UserCode } from '@/lib/generator/user-code/types';
import { sandboxAvailability, skipNote } from '@/lib/runner/preview/test-support';
import { checkProject } from '@/lib/runner/project-checks';
import { assistantStream, type LoopLimits } from './loop';
import type { AssistantMessage, Proposal } from './proposal';
import { scriptedModel } from './testing/mock-model';
import {
  blogWithCustomPublish,
  PUBLISH_REQUEST,
  PUBLISH_TEST,
  PUBLISH_TEST_PATH,
  publishScript,
} from './testing/publish';
import { registrationScript, type Script } from './testing/script';
import { draftChecks, type RunProjectChecks } from './tools';

const limits: LoopLimits = {
  maxSteps: 10,
  maxOutputTokens: 4000,
  requestTokenLimit: 100_000,
  timeoutMs: 500_000,
};
const HANDLER = 'app/handlers/post_posts_slug_publish.py';

async function run(
  options: {
    userCode?: UserCode;
    runProjectChecks?: RunProjectChecks;
    script?: Script;
    design?: Design;
  } = {},
) {
  const { script = publishScript, design = blogWithCustomPublish(), ...rest } = options;
  const stream = assistantStream({
    model: scriptedModel(script),
    design,
    owner: 'loop-code-user',
    messages: [{ role: 'user', content: PUBLISH_REQUEST }],
    limits,
    ...rest,
  }) as ReadableStream<UIMessageChunk>;
  let message: AssistantMessage | undefined;
  for await (const m of readUIMessageStream<AssistantMessage>({ stream })) message = m;
  if (!message) throw new Error('no message');
  const tools = message.parts.flatMap((p) =>
    p.type.startsWith('tool-') && 'output' in p ? [{ name: p.type.slice(5), output: p.output as never }] : [],
  );
  const proposal = message.parts.find((p) => p.type === 'data-proposal')?.data as Proposal | undefined;
  const text = message.parts.map((p) => (p.type === 'text' ? p.text : '')).join('');
  const notices = message.parts.flatMap((p) => (p.type === 'data-notice' ? [p.data] : []));
  return { tools, proposal, text, notices };
}

describe('the assistant writes code', () => {
  it('writes the handler from its scaffold and a test under tests/custom/, and proposes both files', async () => {
    const { tools, proposal } = await run();
    expect(tools.map((t) => t.name)).toEqual([
      'listUserFiles',
      'readUserFile',
      'writeUserFile',
      'writeUserFile',
      'runCodeChecks',
    ]);
    expect(tools[0]?.output).toMatchObject({
      files: expect.arrayContaining([{ path: HANDLER, state: 'scaffold' }]),
    });
    const scaffold = (tools[1]?.output as { content: string } | undefined)?.content;
    expect(scaffold).toContain('status_code=501');
    expect(tools[2]?.output).toMatchObject({ ok: true, path: HANDLER });
    expect(tools[3]?.output).toMatchObject({ ok: true, path: PUBLISH_TEST_PATH });
    // Ruff and tree-sitter pass on both files; mypy and pytest say why they did not run.
    expect(tools[4]?.output).toMatchObject({
      ok: true,
      diagnostics: [],
      userCodeProblems: [],
      project: { ran: false, reason: expect.stringContaining('cannot run here') },
    });

    expect(proposal?.operations).toEqual([]);
    expect(proposal?.check.ok).toBe(true);
    expect(proposal?.files.map((f) => f.path)).toEqual([HANDLER, PUBLISH_TEST_PATH]);
    const [handler, test] = proposal?.files ?? [];
    // The handler's "before" is the scaffold it replaces, and stays its merge base.
    expect(handler).toMatchObject({ before: scaffold, base: scaffold });
    expect(handler?.after).toContain('raise HTTPException(status_code=404');
    expect(handler?.after).toMatch(/^# fastdraft-id: endpoint-[0-9a-f]{16}/m);
    expect(test).toEqual({ path: PUBLISH_TEST_PATH, before: null, after: PUBLISH_TEST, base: '' });
    expect(proposal?.summary).toContain(
      `Writes ${PUBLISH_TEST_PATH} (new, ${PUBLISH_TEST.split('\n').length} lines)`,
    );
  }, 120_000);

  it('starts from the user code the editor posted: an existing file is changed, its base kept', async () => {
    const userCode: UserCode = {
      files: { [PUBLISH_TEST_PATH]: { content: 'def test_old() -> None:\n    assert True\n', base: '' } },
    };
    const { proposal, tools } = await run({ userCode });
    expect(tools[0]?.output).toMatchObject({
      files: expect.arrayContaining([{ path: PUBLISH_TEST_PATH, state: 'written' }]),
    });
    expect(proposal?.files.find((f) => f.path === PUBLISH_TEST_PATH)).toMatchObject({
      before: 'def test_old() -> None:\n    assert True\n',
      after: PUBLISH_TEST,
      base: '',
    });
  }, 120_000);
});

describe('checks of a design change beside the person’s own code', () => {
  it('do not hold a lint finding in a user file the request did not write against the change', async () => {
    const userCode: UserCode = {
      files: {
        'tests/custom/test_mine.py': {
          content: 'import os\n\n\ndef test_x() -> None:\n    pass\n',
          base: '',
        },
      },
    };
    const { tools, proposal, notices } = await run({
      script: registrationScript,
      design: templates.blank(),
      userCode,
    });
    expect(tools.map((t) => t.name)).toEqual(['readDesign', 'applyOperations', 'checkDesign']);
    expect(tools[2]?.output).toMatchObject({ ok: true });
    expect(notices).toEqual([]);
    expect(proposal).toMatchObject({ files: [], check: { ok: true } });
    // The finding is there: a report that judges every file fails on it.
    const all = await draftChecks({ owner: 'loop-code-user' }).report(templates.blank(), userCode);
    expect(all.ok).toBe(false);
    expect(all.diagnostics).toContainEqual(
      expect.objectContaining({ file: 'tests/custom/test_mine.py', line: 1 }),
    );
  }, 120_000);
});

const available = await sandboxAvailability();

describe.skipIf(!available.ok)(`the code the assistant wrote, in the sandbox${skipNote(available)}`, () => {
  it('passes mypy --strict, and its test passes with the generated suite', async () => {
    const runtime = available.ok ? available.runtime : (null as never);
    const runs: Record<string, string>[] = [];
    const { tools, proposal, text } = await run({
      runProjectChecks: (files) => {
        runs.push(files);
        return checkProject(files, runtime);
      },
    });
    expect(runs).toHaveLength(1);
    expect(runs[0]?.[PUBLISH_TEST_PATH]).toBe(PUBLISH_TEST);
    const checks = tools.find((t) => t.name === 'runCodeChecks')?.output as unknown as {
      ok: boolean;
      project: { ran: boolean; tools: { tool: string; ok: boolean; summary: string; findings: unknown[] }[] };
    };
    expect(checks.project.tools.map((t) => [t.tool, t.ok, t.findings])).toEqual([
      ['mypy', true, []],
      ['pytest', true, []],
    ]);
    expect(checks.ok).toBe(true);
    expect(checks.project.tools[1]?.summary).toMatch(/^\d+ passed/);
    expect(text).toContain('404 for an unknown post');
    expect(proposal?.files).toHaveLength(2);

    // The test is real: against the scaffold (501), the same test fails at its first assertion.
    const scaffolded = { ...runs[0], [HANDLER]: proposal?.files[0]?.before ?? '' };
    const failing = await checkProject(scaffolded, runtime, { tools: ['pytest'] });
    expect(failing.tools[0]?.findings).toContainEqual(expect.objectContaining({ file: PUBLISH_TEST_PATH }));
  }, 600_000);
});
