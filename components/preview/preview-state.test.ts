import { describe, expect, it } from 'vitest';
import { emptyDesign } from '@/lib/design';
import {
  initialPreview,
  type PreviewEvent,
  type PreviewState,
  previewReducer,
  resetNotice,
  sameRuntimeDesign,
  statusText,
} from './preview-state';

const run = (...events: PreviewEvent[]) => events.reduce(previewReducer, initialPreview);
const started: PreviewEvent = { type: 'started', resetData: false };

describe('previewReducer', () => {
  it('keeps a reported data reset until dismissed, marks the step and counts it', () => {
    const reset = {
      outcome: 'reset' as const,
      asked: false,
      all: false,
      tables: [{ table: 'todo_lists', rows: 2, reason: 'no distinct value can be derived' }],
    };
    const kept = run(started, {
      type: 'step',
      step: { step: 'migrate', status: 'done', message: 'data kept', data: { outcome: 'kept' } },
    });
    expect(kept.dataReset).toBeNull();
    expect(kept.dataResets).toBe(0);
    expect(kept.steps.migrate.warning).toBe(false);
    const lost = run(started, {
      type: 'step',
      step: { step: 'migrate', status: 'done', message: 'data partly kept', data: reset },
    });
    expect(lost.steps.migrate.warning).toBe(true);
    expect(lost.dataReset).toEqual(reset);
    expect(lost.dataResets).toBe(1);
    // A later start that keeps everything does not hide what was lost before.
    const later = [
      started,
      { type: 'step', step: { step: 'migrate', status: 'done', data: { outcome: 'kept' } } },
    ];
    const after = (later as PreviewEvent[]).reduce(previewReducer, lost);
    expect(after.dataReset).toEqual(reset);
    expect(after.dataResets).toBe(1);
    expect(previewReducer(after, { type: 'dismissReset' }).dataReset).toBeNull();
    expect(resetNotice(reset)).toEqual({
      title: 'Some preview data was reset',
      lines: ['todo_lists (2 rows): no distinct value can be derived'],
      kept: 'The other tables kept their rows.',
    });
    expect(resetNotice({ ...reset, asked: true, all: true, tables: [] }).title).toMatch(/as you asked/);
  });

  it('follows the steps of a start to Running', () => {
    const midway = run(
      started,
      { type: 'step', step: { step: 'validate', status: 'done', ms: 4 } },
      { type: 'step', step: { step: 'generate', status: 'running' } },
    );
    expect(statusText(midway)).toBe('Starting…');
    expect(midway.steps.validate).toEqual({ status: 'done', ms: 4, message: undefined, warning: false });
    expect(midway.steps.generate.status).toBe('running');
    expect(midway.steps.ready.status).toBe('pending');
    const done = previewReducer(midway, {
      type: 'ended',
      end: { ok: true },
      fallbackBaseUrl: '/preview/w',
    });
    expect(statusText(done)).toBe('Running');
    expect(done.baseUrl).toBe('/preview/w');
    expect(done.starts).toBe(1);
  });

  it('keeps the check beside migrate and start: its end may come after theirs began', () => {
    const diagnostic = {
      file: 'app/main.py',
      line: 1,
      column: 1,
      rule: 'F401',
      message: 'unused',
      severity: 'warning' as const,
    };
    const state = run(
      started,
      { type: 'step', step: { step: 'check', status: 'running' } },
      { type: 'step', step: { step: 'migrate', status: 'running' } },
      { type: 'step', step: { step: 'migrate', status: 'done', ms: 40 } },
      { type: 'step', step: { step: 'start', status: 'running' } },
      { type: 'step', step: { step: 'check', status: 'done', ms: 90, diagnostics: [diagnostic] } },
    );
    expect(state.steps.check).toMatchObject({ status: 'done', ms: 90 });
    expect(state.steps.migrate).toMatchObject({ status: 'done', ms: 40 });
    expect(state.steps.start.status).toBe('running');
    expect(state.diagnostics).toEqual([diagnostic]);
    expect(statusText(state)).toBe('Starting…');
  });

  it('collects problems and diagnostics and says why it failed', () => {
    const problem = {
      code: 'duplicate-entity-name',
      path: 'entities[1].name',
      message: 'Taken',
      elementId: 'e',
    };
    const diagnostic = {
      file: 'app/main.py',
      line: 3,
      column: 1,
      rule: 'F401',
      message: 'unused',
      severity: 'error' as const,
    };
    const failed = run(
      started,
      {
        type: 'step',
        step: { step: 'validate', status: 'failed', message: '1 problem', problems: [problem] },
      },
      { type: 'step', step: { step: 'check', status: 'done', diagnostics: [diagnostic] } },
      { type: 'ended', end: { ok: false }, fallbackBaseUrl: '/preview/w' },
    );
    expect(failed.problems).toEqual([problem]);
    expect(failed.diagnostics).toEqual([diagnostic]);
    expect(statusText(failed)).toBe('Failed: 1 problem');
    expect(
      statusText(
        previewReducer(failed, { type: 'ended', end: { ok: false, error: 'boom' }, fallbackBaseUrl: '' }),
      ),
    ).toBe('Failed: boom');
    // A new start clears what the previous one found.
    expect(previewReducer(failed, started)).toMatchObject({ problems: [], diagnostics: [], error: null });
  });

  it('marks a step still running as failed when the stream breaks', () => {
    const broken = run(
      started,
      { type: 'step', step: { step: 'migrate', status: 'running' } },
      {
        type: 'failed',
        message: 'network error',
      },
    );
    expect(broken.steps.migrate.status).toBe('failed');
    expect(statusText(broken)).toBe('Failed: network error');
  });

  it('says what is missing when the preview cannot run', () => {
    const state: PreviewState = run(
      { type: 'checking' },
      {
        type: 'status',
        status: { state: 'unavailable', missing: ['python', 'bubblewrap'], howTo: 'apt install bubblewrap' },
      },
    );
    expect(statusText(state)).toBe('Unavailable: python, bubblewrap');
    expect(state.unavailable?.howTo).toBe('apt install bubblewrap');
  });
});

describe('sameRuntimeDesign', () => {
  it('ignores the canvas layout only', () => {
    const a = emptyDesign('a');
    expect(sameRuntimeDesign(null, a)).toBe(false);
    expect(sameRuntimeDesign(a, { ...a, layout: { nodes: { x: { x: 1, y: 2 } } } })).toBe(true);
    expect(sameRuntimeDesign(a, { ...a, entities: [] })).toBe(false);
  });
});
