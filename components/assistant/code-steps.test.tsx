import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EditorStoreProvider } from '@/components/editor/store/editor-context';
import type { Proposal } from '@/lib/agent/proposal';
import { emptyDesign } from '@/lib/design';
import { ProposalCard } from './proposal-card';
import { ToolStep } from './tool-step';

type Part = Parameters<typeof ToolStep>[0]['part'];
/** The markup of one tool step as the chat renders it. */
const step = (name: string, input: unknown, output: unknown) =>
  renderToStaticMarkup(
    <ToolStep
      part={
        { type: `tool-${name}`, toolCallId: 'c', state: 'output-available', input, output } as unknown as Part
      }
    />,
  );

/** Markup without tags: what it reads as. */
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('code steps in the chat', () => {
  it('show a write, a refused write and the sandbox checks', () => {
    expect(text(step('writeUserFile', { path: 'app/handlers/p.py' }, { ok: true, lines: 12 }))).toContain(
      'Write app/handlers/p.py in the draft — 12 lines',
    );
    const refused = step(
      'writeUserFile',
      { path: 'app/main.py' },
      { ok: false, error: 'app/main.py is generated' },
    );
    expect(refused).toContain('refused: app/main.py is generated');
    expect(refused).toContain('is-failed');
    const checks = step(
      'runCodeChecks',
      {},
      {
        ok: false,
        diagnosticCount: 0,
        project: {
          ran: true,
          tools: [
            { tool: 'mypy', ok: true },
            { tool: 'pytest', ok: false },
          ],
        },
      },
    );
    expect(checks).toContain('ruff passes; mypy passes, pytest fails');
    expect(
      step('runCodeChecks', {}, { ok: true, project: { ran: false, reason: 'No sandbox here.' } }),
    ).toContain('No sandbox here.');
  });

  it('the proposal card lists the files it writes', () => {
    const proposal: Proposal = {
      id: 'p',
      operations: [],
      files: [{ path: 'tests/custom/test_p.py', before: null, after: 'x\n', base: '' }],
      highlight: [],
      summary: ['Writes tests/custom/test_p.py (new, 2 lines)'],
      warnings: [],
      check: { ok: true, problems: 0, diagnostics: 0 },
      complete: true,
    };
    const html = renderToStaticMarkup(
      <EditorStoreProvider design={emptyDesign('t')} version={1}>
        <ProposalCard proposal={proposal} decision="rejected" onDecide={() => {}} onShowCode={() => {}} />
      </EditorStoreProvider>,
    );
    expect(html).toContain('Writes tests/custom/test_p.py (new, 2 lines)');
    expect(html).toContain('Rejected: the design and code were left as they were.');
  });
});
