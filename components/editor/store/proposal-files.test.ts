/**
 * An assistant proposal that writes user files next to design operations: shown while under review, accepted as
 * ONE undoable step for both (undo brings back the design and the user code, redo both again), rejected as
 * nothing; the step survives a reload of the tab's history.
 */
import { describe, expect, it } from 'vitest';
import { emptyDesign } from '@/lib/design';
import type { UserCode } from '@/lib/generator/user-code/types';
import { type EditorAction, editorReducer } from './editor-reducer';
import {
  type EditorState,
  initialEditorState,
  saveStatusOf,
  shownDesign,
  shownUserCode,
} from './editor-state';
import { restoreHistory, serializeHistory } from './history-storage';

const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state);
const HANDLER = 'app/handlers/publish.py';
const TEST = 'tests/custom/test_publish.py';
const stored: UserCode = { files: { [HANDLER]: { content: 'old\n', base: 'scaffold\n' } } };

const propose: EditorAction = {
  type: 'propose',
  id: 'p1',
  label: 'Assistant: implement publish',
  operations: [{ op: 'addEntity', id: 'e_post', name: 'Post', position: { x: 0, y: 0 } }],
  highlight: ['e_post'],
  files: [
    { path: HANDLER, after: 'implemented\n', base: 'scaffold\n' },
    { path: TEST, after: 'def test_it() -> None: ...\n', base: '' },
  ],
};

describe('proposals with files', () => {
  it('accepts operations and files as one undoable step', () => {
    const s0 = initialEditorState(emptyDesign('t'), 1, stored);
    const s1 = run(s0, propose);
    expect(s1.userCode).toBe(s0.userCode);
    expect(shownUserCode(s1).files[HANDLER]?.content).toBe('implemented\n');
    expect(shownDesign(s1).entities.map((e) => e.id)).toEqual(['e_post']);

    const s2 = run(s1, { type: 'acceptProposal', at: 5 });
    expect(s2.proposal).toBeNull();
    expect(s2.design.entities.map((e) => e.id)).toEqual(['e_post']);
    expect(s2.userCode.files).toEqual({
      [HANDLER]: { content: 'implemented\n', base: 'scaffold\n' },
      [TEST]: { content: 'def test_it() -> None: ...\n', base: '' },
    });
    expect(saveStatusOf(s2)).toBe('dirty');
    expect(s2.history.past).toHaveLength(1);

    const undone = run(s2, { type: 'undo' });
    expect(undone.design).toBe(s0.design);
    expect(undone.userCode).toBe(s0.userCode);
    expect(undone.history.past).toHaveLength(0);
    const redone = run(undone, { type: 'redo' });
    expect(redone.design).toBe(s2.design);
    expect(redone.userCode).toBe(s2.userCode);
  });

  it('rejecting drops the files and the operations', () => {
    const s0 = initialEditorState(emptyDesign('t'), 1, stored);
    const s1 = run(s0, propose, { type: 'rejectProposal' });
    expect(s1.design).toBe(s0.design);
    expect(s1.userCode).toBe(s0.userCode);
    expect(s1.history).toBe(s0.history);
  });

  it('holds user-file writes while a proposal is under review', () => {
    const s0 = initialEditorState(emptyDesign('t'), 1, stored);
    const s1 = run(s0, propose, { type: 'writeUserFile', path: HANDLER, content: 'typed\n' });
    expect(s1.userCode).toBe(s0.userCode);
    expect(s1.notice).toMatch(/Accept or reject/);
  });

  it('an undo that restores user code survives a reload of the history', () => {
    const s0 = initialEditorState(emptyDesign('t'), 1, stored);
    const s2 = run(s0, propose, { type: 'acceptProposal', at: 5 });
    const history = restoreHistory(serializeHistory(s2.history) as string, s2.design);
    expect(history?.past[0]?.userCode).toEqual({ before: s0.userCode, after: s2.userCode });
    const reloaded = run(initialEditorState(s2.design, 2, s2.userCode), {
      type: 'restoreHistory',
      history: history as NonNullable<typeof history>,
      design: s2.design,
    });
    expect(run(reloaded, { type: 'undo' }).userCode).toEqual(s0.userCode);
  });
});
