import { describe, expect, it } from 'vitest';
import { type ChecksResponse, checkDiagnostics, checksStatusText } from './project-checks';

const checked = (ok: boolean, findings: number): ChecksResponse => ({
  state: 'checked',
  ok,
  ms: 2_340,
  tools: [
    {
      tool: 'mypy',
      ok,
      summary: ok ? 'Success: no issues found in 40 source files' : 'Found 1 error',
      findings: Array.from({ length: findings }, (_, i) => ({
        tool: 'mypy' as const,
        file: 'app/handlers/get_hello.py',
        line: i,
        message: `error ${i}`,
      })),
    },
    { tool: 'pytest', ok: true, summary: '12 passed', findings: [] },
  ],
});

describe('Run checks in the Code view', () => {
  it('turns findings into error diagnostics whose rule is the tool, on line 1 at least', () => {
    expect(checkDiagnostics({ phase: 'done', response: checked(false, 2) })).toEqual([
      {
        file: 'app/handlers/get_hello.py',
        line: 1,
        column: 1,
        rule: 'mypy',
        message: 'error 0',
        severity: 'error',
      },
      {
        file: 'app/handlers/get_hello.py',
        line: 1,
        column: 1,
        rule: 'mypy',
        message: 'error 1',
        severity: 'error',
      },
    ]);
    expect(checkDiagnostics({ phase: 'running' })).toEqual([]);
    expect(checkDiagnostics({ phase: 'done', response: { state: 'blocked', conflicts: [] } })).toEqual([]);
  });

  it('says what the run found', () => {
    expect(checksStatusText({ phase: 'idle' })).toBe('mypy and pytest not run yet');
    expect(checksStatusText({ phase: 'running' })).toBe('Checks running…');
    expect(checksStatusText({ phase: 'done', response: checked(false, 1) })).toBe(
      'Checks: 1 finding in 2.3 s',
    );
    expect(checksStatusText({ phase: 'done', response: checked(false, 3) })).toBe(
      'Checks: 3 findings in 2.3 s',
    );
    expect(checksStatusText({ phase: 'done', response: checked(true, 0) })).toBe(
      'Checks passed (mypy: Success: no issues found in 40 source files; pytest: 12 passed) in 2.3 s',
    );
    expect(
      checksStatusText({
        phase: 'done',
        response: { state: 'blocked', conflicts: [{ path: 'a.py', line: 3, message: 'x' }] },
      }),
    ).toBe('Checks not run: 1 merge conflict(s) to resolve');
    expect(checksStatusText({ phase: 'failed', message: 'Running checks is unavailable' })).toBe(
      'Checks failed to run: Running checks is unavailable',
    );
  });
});
