import { describe, expect, it } from 'vitest';
import {
  type Diagnostic,
  diagnosticsByFile,
  type GenerateResponse,
  type GenerationState,
  generationReducer,
  initialGeneration,
  listedPaths,
  statusText,
} from './generation-state';

const ok = (files: Record<string, string>, diagnostics: Diagnostic[] = []): GenerateResponse => ({
  ok: true,
  files,
  diagnostics,
  generatedAt: '2025-01-01T00:00:00.000Z',
});
const answer = (state: GenerationState, response: GenerateResponse) =>
  generationReducer(generationReducer(state, { type: 'started' }), { type: 'answered', response });

describe('generationReducer', () => {
  it('has no changes and no previous generation after the first one', () => {
    const state = answer(initialGeneration, ok({ 'a.py': '1' }));
    expect(state).toMatchObject({ phase: 'ready', files: { 'a.py': '1' }, previous: null, changes: {} });
    expect(statusText(state)).toBe('Generated 1 file');
  });

  it('compares a new generation with the one before', () => {
    const first = answer(initialGeneration, ok({ 'a.py': '1', 'old.py': 'x' }));
    const second = answer(first, ok({ 'a.py': '2', 'new.py': 'y' }));
    expect(second.previous).toEqual({ 'a.py': '1', 'old.py': 'x' });
    expect(second.changes).toEqual({ 'a.py': 'modified', 'new.py': 'added', 'old.py': 'removed' });
    expect(listedPaths(second)).toEqual(['a.py', 'new.py', 'old.py']);
  });

  it('keeps the last real change when a regeneration yields the same files', () => {
    const first = answer(initialGeneration, ok({ 'a.py': '1' }));
    const second = answer(first, ok({ 'a.py': '2' }));
    const d: Diagnostic = {
      file: 'a.py',
      line: 1,
      column: 1,
      rule: 'F401',
      message: 'unused',
      severity: 'error',
    };
    const third = answer(second, ok({ 'a.py': '2' }, [d]));
    expect(third.changes).toEqual({ 'a.py': 'modified' });
    expect(third.previous).toEqual({ 'a.py': '1' });
    expect(third.diagnostics).toEqual([d]);
  });

  it('keeps the last generated files while blocked, and compares with them once unblocked', () => {
    const first = answer(initialGeneration, ok({ 'a.py': '1' }));
    const blocked = answer(first, {
      ok: false,
      problems: [{ code: 'invalid-name', path: 'entities[0].name', message: 'bad' }],
    });
    expect(blocked.phase).toBe('blocked');
    expect(blocked.files).toEqual({ 'a.py': '1' });
    expect(statusText(blocked)).toBe('Generation blocked by 1 problem');
    const fixed = answer(blocked, ok({ 'a.py': '3' }));
    expect(fixed).toMatchObject({
      phase: 'ready',
      problems: [],
      previous: { 'a.py': '1' },
      changes: { 'a.py': 'modified' },
    });
  });

  it('reports a failed request without losing the files', () => {
    const first = answer(initialGeneration, ok({ 'a.py': '1' }));
    const failed = generationReducer(first, { type: 'failed', message: 'Could not reach the server.' });
    expect(failed).toMatchObject({ phase: 'failed', files: { 'a.py': '1' } });
    expect(statusText(failed)).toBe('Generation failed: Could not reach the server.');
    expect(statusText(generationReducer(failed, { type: 'started' }))).toBe('Generating…');
  });
});

describe('diagnosticsByFile', () => {
  it('groups in order', () => {
    const d = (file: string, line: number): Diagnostic => ({
      file,
      line,
      column: 1,
      rule: 'E',
      message: '',
      severity: 'error',
    });
    const grouped = diagnosticsByFile([d('a.py', 1), d('b.py', 2), d('a.py', 3)]);
    expect([...grouped.keys()]).toEqual(['a.py', 'b.py']);
    expect(grouped.get('a.py')?.map((x) => x.line)).toEqual([1, 3]);
  });
});
