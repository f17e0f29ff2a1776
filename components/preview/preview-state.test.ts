import { describe, expect, it } from 'vitest';
import { emptyDesign } from '@/lib/design';
import {
  initialPreview,
  type PreviewEvent,
  type PreviewState,
  previewReducer,
  sameRuntimeDesign,
  statusText,
} from './preview-state';

const run = (...events: PreviewEvent[]) => events.reduce(previewReducer, initialPreview);
const started: PreviewEvent = { type: 'started', resetData: false };

describe('previewReducer', () => {
  it('follows the steps of a start to Running', () => {
    const midway = run(
      started,
      { type: 'step', step: { step: 'validate', status: 'done', ms: 4 } },
      { type: 'step', step: { step: 'generate', status: 'running' } },
    );
    expect(statusText(midway)).toBe('Starting…');
    expect(midway.steps.validate).toEqual({ status: 'done', ms: 4, message: undefined });
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
