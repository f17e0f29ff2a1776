'use client';

import type { AssistantMessage } from '@/lib/agent/proposal';

type Part = AssistantMessage['parts'][number];
type ToolPart = Extract<Part, { type: `tool-${string}` }> & {
  state: string;
  input?: unknown;
  output?: unknown;
  errorText?: string;
};

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};

/** One line per tool call: what the assistant is doing, then what came of it. */
function describeStep(name: string, part: ToolPart): { label: string; result?: string; failed?: boolean } {
  const input = obj(part.input);
  const output = obj(part.output);
  switch (name) {
    case 'readDesign':
      return { label: input.entity ? `Read entity ${String(input.entity)}` : 'Read the design' };
    case 'applyOperations': {
      const count = Array.isArray(input.operations) ? input.operations.length : 0;
      const label = `Apply ${count} design operation${count === 1 ? '' : 's'}`;
      if (part.state !== 'output-available') return { label };
      if (output.ok) return { label, result: 'applied to the draft' };
      const problems = Array.isArray(output.problems)
        ? output.problems
            .map((p) => obj(p).message)
            .filter(Boolean)
            .slice(0, 3)
            .join(' ')
        : '';
      return { label, result: `refused: ${String(output.error ?? '')} ${problems}`.trim(), failed: true };
    }
    case 'checkDesign': {
      const label = 'Generate and check the project';
      if (part.state !== 'output-available') return { label };
      if (output.ok) return { label, result: 'all checks pass' };
      const problems = Array.isArray(output.problems) ? output.problems.length : 0;
      const diagnostics = Number(output.diagnosticCount ?? 0);
      return {
        label,
        result: problems ? `${problems} design problem(s)` : `${diagnostics} diagnostic(s)`,
        failed: true,
      };
    }
    case 'readGeneratedFile':
      return {
        label: `Read ${String(input.path ?? 'a generated file')}`,
        ...(part.state === 'output-available' && !output.ok ? { result: 'not found', failed: true } : {}),
      };
    case 'listUserFiles':
      return { label: 'List your files' };
    case 'readUserFile':
      return {
        label: `Read ${String(input.path ?? 'a user file')}`,
        ...(part.state === 'output-available' && !output.ok ? { result: 'not found', failed: true } : {}),
      };
    case 'writeUserFile': {
      const label = `Write ${String(input.path ?? 'a user file')} in the draft`;
      if (part.state !== 'output-available') return { label };
      if (output.ok) return { label, result: `${String(output.lines ?? 0)} lines` };
      return { label, result: `refused: ${String(output.error ?? '')}`, failed: true };
    }
    case 'runCodeChecks':
      return codeChecksStep(part, output);
    case 'callPreview': {
      const label = `Call ${String(input.method ?? '')} ${String(input.path ?? '')} on the live preview`;
      if (part.state !== 'output-available') return { label };
      if (output.ok) return { label, result: `answered ${String(output.status)}` };
      return { label, result: String(output.error ?? 'failed'), failed: true };
    }
    default:
      return { label: name };
  }
}

/** ruff, then mypy and pytest: what passed, what failed, or why the sandbox tools did not run. */
function codeChecksStep(part: ToolPart, output: Record<string, unknown>) {
  const label = 'Run ruff, mypy --strict and pytest';
  if (part.state !== 'output-available') return { label };
  const project = obj(output.project);
  const tools = Array.isArray(project.tools) ? project.tools.map(obj) : [];
  const ran = tools.map((t) => `${String(t.tool)} ${t.ok ? 'passes' : 'fails'}`).join(', ');
  const lint = Number(output.diagnosticCount ?? 0);
  const parts = [lint ? `${lint} lint diagnostic(s)` : 'ruff passes', ran || String(project.reason ?? '')];
  return { label, result: parts.filter(Boolean).join('; '), failed: !output.ok };
}

export function ToolStep({ part }: { part: Part }) {
  const tool = part as ToolPart;
  const name = part.type.slice('tool-'.length);
  const running = tool.state === 'input-streaming' || tool.state === 'input-available';
  const { label, result, failed } =
    tool.state === 'output-error'
      ? { label: describeStep(name, tool).label, result: tool.errorText ?? 'failed', failed: true }
      : describeStep(name, tool);
  return (
    <li className={`tool-step${running ? ' is-running' : ''}${failed ? ' is-failed' : ''}`}>
      <span className="tool-step-icon" aria-hidden>
        {running ? '…' : failed ? '✕' : '✓'}
      </span>
      <span>
        {label}
        {result && <span className="tool-step-result"> — {result}</span>}
      </span>
    </li>
  );
}
