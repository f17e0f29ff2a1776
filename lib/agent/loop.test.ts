/**
 * The assistant loop driven by the AI SDK's mock model with scripted tool calls: the real tools, draft, checks
 * and proposal, no network.
 */
import { type LanguageModel, readUIMessageStream, type UIMessageChunk } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { applyOperations, type Design, type Operation } from '@/lib/design';
import { templates } from '@/lib/design/templates';
import { assistantStream, type LoopLimits } from './loop';
import type { AssistantMessage, Proposal } from './proposal';
import { scriptedModel } from './testing/mock-model';
import { lastResult, REGISTRATION_OPERATIONS, registrationScript, type Script } from './testing/script';
import type { CallPreview, PreviewCall } from './tools';

const limits: LoopLimits = {
  maxSteps: 8,
  maxOutputTokens: 1000,
  requestTokenLimit: 100_000,
  timeoutMs: 60_000,
};

/** One request driven by a script (or a given model); what the chat panel would end up showing. */
async function run(
  source: Script | LanguageModel,
  design: Design,
  overrides: Partial<LoopLimits> = {},
  callPreview?: CallPreview,
) {
  let used = -1;
  const stream = assistantStream({
    model: typeof source === 'function' ? scriptedModel(source) : source,
    design,
    owner: 'loop-test-user',
    callPreview,
    messages: [{ role: 'user', content: 'Create a POST endpoint for user registration' }],
    limits: { ...limits, ...overrides },
    onUsage: (tokens) => {
      used = tokens;
    },
  }) as ReadableStream<UIMessageChunk>;
  let message: AssistantMessage | undefined;
  for await (const m of readUIMessageStream<AssistantMessage>({ stream })) message = m;
  if (!message) throw new Error('no message');
  const parts = message.parts;
  const tools = parts.flatMap((p) =>
    p.type.startsWith('tool-') && 'state' in p
      ? [
          {
            name: p.type.slice(5),
            state: p.state,
            output: 'output' in p ? p.output : undefined,
            errorText: 'errorText' in p ? p.errorText : undefined,
          },
        ]
      : [],
  );
  const proposal = parts.find((p) => p.type === 'data-proposal')?.data as Proposal | undefined;
  const notices = parts.flatMap((p) => (p.type === 'data-notice' ? [p.data] : []));
  const text = parts.map((p) => (p.type === 'text' ? p.text : '')).join('');
  return { tools, proposal, notices, text, used };
}

describe('assistant loop', () => {
  it('succeeds first time: reads, applies, checks and proposes the change', async () => {
    const base = templates.blank();
    const { tools, proposal, notices, text, used } = await run(registrationScript, base);
    expect(tools.map((t) => t.name)).toEqual(['readDesign', 'applyOperations', 'checkDesign']);
    expect(tools.every((t) => t.state === 'output-available')).toBe(true);
    expect(tools[1]?.output).toMatchObject({ ok: true, applied: 4 });
    expect(tools[2]?.output).toMatchObject({ ok: true });
    expect(notices).toEqual([]);
    expect(text).toContain('POST /auth/register');
    expect(proposal).toMatchObject({ complete: true, check: { ok: true }, highlight: ['ent_user'] });
    expect(proposal?.summary.join('\n')).toMatch(/Adds 1 entity: User[\s\S]*authentication/);
    // The operations replay onto the design the request started from: what Accept applies.
    const after = applyOperations(base, proposal?.operations ?? []);
    expect(after.auth?.loginFieldId).toBe('fld_user_email');
    expect(used).toBe(400);
  });

  it('fixes what the checks report and proposes only the checked result', async () => {
    // The person's design already has a problem (a field named like a Python keyword); the model's first change
    // passes, the check reports the old problem, the model fixes it and checks again.
    const base = applyOperations(templates.blank(), [
      { op: 'addEntity', id: 'ent_item', name: 'Item', position: { x: 0, y: 0 } },
      {
        op: 'addField',
        entityId: 'ent_item',
        field: { id: 'fld_item_class', name: 'class', type: 'string' },
      },
    ] as Operation[]);
    const script: Script = (turn) => {
      const n = turn.results.length;
      if (n === 0)
        return {
          toolCalls: [
            {
              name: 'applyOperations',
              input: {
                operations: [
                  {
                    op: 'addField',
                    entityId: 'ent_item',
                    field: { id: 'fld_item_title', name: 'title', type: 'string' },
                  },
                ],
              },
            },
          ],
        };
      if (n === 1 || n === 3) return { toolCalls: [{ name: 'checkDesign', input: {} }] };
      if (n === 2) {
        const report = lastResult(turn, 'checkDesign') as { ok: boolean; problems: { elementId?: string }[] };
        if (report.ok) return { text: 'unexpected: the first check passed' };
        const fieldId = report.problems[0]?.elementId;
        return {
          toolCalls: [
            {
              name: 'applyOperations',
              input: { operations: [{ op: 'renameField', fieldId, name: 'category' }] },
            },
          ],
        };
      }
      return { text: 'Added title and renamed `class` (a Python keyword) to `category`.' };
    };
    const { tools, proposal } = await run(script, base);
    expect(tools.map((t) => t.name)).toEqual([
      'applyOperations',
      'checkDesign',
      'applyOperations',
      'checkDesign',
    ]);
    expect(tools[1]?.output).toMatchObject({ ok: false });
    expect((tools[1]?.output as { problems: unknown[] } | undefined)?.problems.length ?? 0).toBeGreaterThan(
      0,
    );
    expect(tools[3]?.output).toMatchObject({ ok: true });
    expect(proposal?.check.ok).toBe(true);
    expect(proposal?.operations.map((o) => o.op)).toEqual(['addField', 'renameField']);
  });

  it('checks a draft the model did not check and sends the problems back until they are fixed', async () => {
    const base = applyOperations(templates.blank(), [
      { op: 'addEntity', id: 'ent_item', name: 'Item', position: { x: 0, y: 0 } },
      {
        op: 'addField',
        entityId: 'ent_item',
        field: { id: 'fld_item_class', name: 'class', type: 'string' },
      },
    ] as Operation[]);
    const seen: string[] = [];
    const script: Script = (turn) => {
      const n = turn.results.length;
      if (n === 0) seen.push(turn.userText);
      if (turn.userText.startsWith('Automatic check')) {
        if (n > 0) return { text: 'Renamed `class` to `category`.' };
        const report = JSON.parse(turn.userText.slice(turn.userText.indexOf('{'))) as {
          problems: { elementId?: string }[];
        };
        const fieldId = report.problems[0]?.elementId;
        return {
          toolCalls: [
            {
              name: 'applyOperations',
              input: { operations: [{ op: 'renameField', fieldId, name: 'category' }] },
            },
          ],
        };
      }
      if (n > 0) return { text: 'Added title.' };
      const field = { id: 'fld_item_title', name: 'title', type: 'string' };
      return {
        toolCalls: [
          {
            name: 'applyOperations',
            input: { operations: [{ op: 'addField', entityId: 'ent_item', field }] },
          },
        ],
      };
    };
    const { tools, proposal, notices, text } = await run(script, base);
    expect(seen).toEqual([
      'Create a POST endpoint for user registration',
      expect.stringMatching(/^Automatic check/),
    ]);
    expect(tools.map((t) => t.name)).toEqual(['applyOperations', 'applyOperations']);
    expect(notices).toEqual([{ kind: 'check', message: expect.stringMatching(/checks found problems/) }]);
    expect(text).toContain('Renamed');
    expect(proposal).toMatchObject({ complete: true, check: { ok: true } });
    expect(proposal?.operations.map((o) => o.op)).toEqual(['addField', 'renameField']);
  });

  it('refuses an invalid operation, tells the model why, and changes nothing', async () => {
    const base = templates.blog();
    const script: Script = (turn) => {
      const n = turn.results.length;
      if (n === 0)
        // A field on an entity that does not exist, then a batch whose second operation breaks the design.
        return {
          toolCalls: [
            {
              name: 'applyOperations',
              input: {
                operations: [
                  { op: 'addField', entityId: 'nope', field: { id: 'f1', name: 'x', type: 'string' } },
                ],
              },
            },
          ],
        };
      if (n === 1)
        return { toolCalls: [{ name: 'applyOperations', input: { operations: [{ op: 'dropDatabase' }] } }] };
      return { text: 'I could not make that change.' };
    };
    const { tools, proposal, text } = await run(script, base);
    expect(tools[0]).toMatchObject({
      name: 'applyOperations',
      state: 'output-available',
      output: { ok: false, failedIndex: 0 },
    });
    expect((tools[0]?.output as { error: string } | undefined)?.error).toMatch(/cannot apply/);
    // Not even a known operation: refused by the tool's input schema before anything runs.
    expect(tools[1]).toMatchObject({ name: 'applyOperations', state: 'output-error' });
    expect(proposal).toBeUndefined();
    expect(text).toContain('could not');
  });

  it('refuses a batch that would leave new validation problems', async () => {
    const base = templates.blank();
    const script: Script = (turn) =>
      turn.results.length === 0
        ? {
            toolCalls: [
              {
                name: 'applyOperations',
                input: {
                  operations: [
                    { op: 'addEntity', id: 'e1', name: 'Thing', position: { x: 0, y: 0 } },
                    { op: 'addField', entityId: 'e1', field: { id: 'f1', name: 'def', type: 'string' } },
                  ],
                },
              },
            ],
          }
        : { text: 'done' };
    const { tools, proposal } = await run(script, base);
    expect(tools[0]?.output).toMatchObject({ ok: false, failedIndex: null });
    expect((tools[0]?.output as { problems: unknown[] } | undefined)?.problems.length ?? 0).toBeGreaterThan(
      0,
    );
    expect(proposal).toBeUndefined();
  });

  it('stops at the step limit, says so, and marks the partial proposal incomplete', async () => {
    const script: Script = (turn) =>
      turn.results.length === 0
        ? {
            toolCalls: [
              { name: 'applyOperations', input: { operations: REGISTRATION_OPERATIONS.slice(0, 1) } },
            ],
          }
        : { toolCalls: [{ name: 'readDesign', input: {} }] };
    const { tools, proposal, notices } = await run(script, templates.blank(), { maxSteps: 3 });
    expect(tools).toHaveLength(3);
    expect(notices).toEqual([{ kind: 'limit', message: expect.stringMatching(/stopped after 3 steps/) }]);
    expect(proposal).toMatchObject({ complete: false, highlight: ['ent_user'] });
  });

  it('stops at the token limit of a request', async () => {
    const script: Script = () => ({ toolCalls: [{ name: 'readDesign', input: {} }] });
    const { tools, notices, used } = await run(script, templates.blank(), { requestTokenLimit: 250 });
    expect(tools).toHaveLength(3);
    expect(used).toBe(300);
    expect(notices[0]?.message).toMatch(/300 tokens, the limit for one request \(250\)/);
  });
});

describe('time limit', () => {
  it('stops a request that takes longer than the limit and says so', async () => {
    const model = new MockLanguageModelV3({
      // A provider that never answers: only the abort ends the wait.
      doStream: async ({ abortSignal }) => ({
        stream: new ReadableStream({
          start(controller) {
            abortSignal?.addEventListener('abort', () => controller.error(abortSignal.reason));
          },
        }),
      }),
    });
    const { notices, used } = await run(model, templates.blank(), { timeoutMs: 300 });
    expect(notices).toEqual([
      { kind: 'limit', message: 'I stopped after 1 second, the time limit for one request.' },
    ]);
    expect(used).toBe(0);
  });
});

describe('questions', () => {
  it('answers from the generated code and the live preview without proposing anything', async () => {
    const calls: PreviewCall[] = [];
    const callPreview: CallPreview = async (call) => {
      calls.push(call);
      return { status: 422, body: '{"detail":[{"loc":["query","sort"],"msg":"Input should be \'title\'"}]}' };
    };
    const script: Script = (turn) => {
      const n = turn.results.length;
      if (n === 0)
        return { toolCalls: [{ name: 'readGeneratedFile', input: { path: 'app/api/routes/nope.py' } }] };
      if (n === 1) {
        const listed = lastResult(turn, 'readGeneratedFile') as { files: string[] };
        const posts = listed.files.find((f) => f.endsWith('routes/posts.py'));
        return { toolCalls: [{ name: 'readGeneratedFile', input: { path: posts } }] };
      }
      if (n === 2)
        return { toolCalls: [{ name: 'callPreview', input: { method: 'GET', path: '/posts?sort=views' } }] };
      const answer = lastResult(turn, 'callPreview') as { status: number };
      return { text: `The list answers ${answer.status}: \`sort\` only accepts the sortable fields.` };
    };
    const { tools, proposal, text } = await run(script, templates.blog(), {}, callPreview);
    expect(tools.map((t) => t.name)).toEqual(['readGeneratedFile', 'readGeneratedFile', 'callPreview']);
    expect(tools[1]?.output).toMatchObject({ ok: true, content: expect.stringContaining('async def') });
    expect(calls).toEqual([{ method: 'GET', path: '/posts?sort=views' }]);
    expect(text).toContain('answers 422');
    expect(proposal).toBeUndefined();
  });
});

describe('draft placement', () => {
  it('moves a new box the model put on top of another next to the others', async () => {
    const { Draft } = await import('./draft');
    const base = applyOperations(templates.blank(), [
      { op: 'addEntity', id: 'ent_post', name: 'Post', position: { x: 80, y: 80 } },
    ] as Operation[]);
    const draft = new Draft(base);
    expect(draft.apply(REGISTRATION_OPERATIONS.slice(0, 1)).ok).toBe(true);
    expect(draft.design.layout.nodes.ent_user).toEqual({ x: 420, y: 80 });
    expect(draft.operations[0]).toMatchObject({ op: 'addEntity', position: { x: 420, y: 80 } });
  });
});
