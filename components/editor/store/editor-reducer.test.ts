import { describe, expect, it } from 'vitest';
import { emptyDesign, type Operation } from '@/lib/design';
import { type EditorAction, editorReducer } from './editor-reducer';
import {
  type EditorState,
  HISTORY_LIMIT,
  initialEditorState,
  saveStatusOf,
  shownDesign,
} from './editor-state';
import { createEditorStore } from './editor-store';

const apply = (
  operations: Operation[],
  extra: Partial<Extract<EditorAction, { type: 'apply' }>> = {},
): EditorAction => ({
  type: 'apply',
  label: 'test',
  operations,
  at: 0,
  ...extra,
});
const addEntity = (id: string, name = id): Operation => ({
  op: 'addEntity',
  id,
  name,
  position: { x: 0, y: 0 },
});
const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state);
const start = () => initialEditorState(emptyDesign('t'), 1);

describe('editorReducer', () => {
  it('applies operations as one undoable step and redoes it', () => {
    const s0 = start();
    const s1 = run(s0, apply([addEntity('a'), addEntity('b')], { select: { kind: 'element', id: 'b' } }));
    expect(s1.design.entities.map((e) => e.id)).toEqual(['a', 'b']);
    expect(s1.selection).toEqual({ kind: 'element', id: 'b' });
    expect(s1.history.past).toHaveLength(1);
    const undone = run(s1, { type: 'undo' });
    expect(undone.design).toBe(s0.design);
    expect(undone.selection).toBeNull(); // 'b' no longer exists
    const redone = run(undone, { type: 'redo' });
    expect(redone.design).toBe(s1.design);
    expect(redone.history.future).toHaveLength(0);
  });

  it('clears the redo stack on a new change and ignores undo/redo with nothing to do', () => {
    const s = run(start(), apply([addEntity('a')]), { type: 'undo' }, apply([addEntity('b')]));
    expect(s.history.future).toEqual([]);
    expect(run(start(), { type: 'undo' })).toEqual(start());
    expect(run(s, { type: 'redo' })).toBe(s);
  });

  it('reports an operation that does not apply and changes nothing else', () => {
    const s1 = run(start(), apply([addEntity('a')]));
    const s2 = run(s1, apply([addEntity('a')]));
    expect(s2.design).toBe(s1.design);
    expect(s2.history).toBe(s1.history);
    expect(s2.notice).toMatch(/already used/);
  });

  it('merges quick edits with the same coalesce key into one history entry', () => {
    const rename = (name: string, at: number) =>
      apply([{ op: 'renameEntity', entityId: 'a', name }], { coalesceKey: 'name:a', at });
    const s1 = run(start(), apply([addEntity('a', 'A')]));
    const s2 = run(s1, rename('Au', 10), rename('Aut', 300), rename('Auth', 600));
    expect(s2.history.past).toHaveLength(2);
    expect(run(s2, { type: 'undo' }).design).toBe(s1.design);
    const s3 = run(s2, rename('Author', 600 + 5000));
    expect(s3.history.past).toHaveLength(3);
  });

  it('keeps at most HISTORY_LIMIT entries', () => {
    let s = start();
    for (let i = 0; i <= HISTORY_LIMIT + 5; i++) s = run(s, apply([addEntity(`e${i}`)]));
    expect(s.history.past).toHaveLength(HISTORY_LIMIT);
  });

  it('replaces the whole design (import) as one undoable step', () => {
    const imported = { ...emptyDesign('imported') };
    const s1 = run(start(), apply([addEntity('a')]), {
      type: 'replace',
      label: 'Import',
      design: imported,
      at: 1,
    });
    expect(s1.design).toBe(imported);
    expect(s1.history.past.at(-1)?.operations).toBeNull();
    expect(run(s1, { type: 'undo' }).design.entities).toHaveLength(1);
  });

  it('tracks save state: dirty, saving, saved, and stays dirty when changed while saving', () => {
    const s1 = run(start(), apply([addEntity('a')]));
    expect(saveStatusOf(s1)).toBe('dirty');
    const saving = run(s1, { type: 'saveStarted', design: s1.design });
    expect(saveStatusOf(saving)).toBe('saving');
    const changed = run(saving, apply([addEntity('b')]));
    const saved = run(changed, { type: 'saveSucceeded', design: s1.design, version: 2 });
    expect(saved.save.version).toBe(2);
    expect(saveStatusOf(saved)).toBe('dirty');
    expect(saveStatusOf(run(saved, { type: 'undo' }))).toBe('saved');
  });

  it('keeps the local design on a conflict and can overwrite or reload', () => {
    const s1 = run(start(), apply([addEntity('a')]), { type: 'saveStarted', design: emptyDesign('x') });
    const conflict = run(s1, { type: 'saveConflict', message: 'changed', currentVersion: 7 });
    expect(saveStatusOf(conflict)).toBe('error');
    expect(conflict.design).toBe(s1.design);
    const overwrite = run(conflict, { type: 'overwriteAfterConflict' });
    expect(overwrite.save).toMatchObject({ version: 7, error: null });
    expect(saveStatusOf(overwrite)).toBe('dirty');
    const remote = emptyDesign('remote');
    const reloaded = run(conflict, { type: 'reloaded', design: remote, version: 7 });
    expect(reloaded.design).toBe(remote);
    expect(reloaded.history.past).toEqual([]);
    expect(saveStatusOf(reloaded)).toBe('saved');
    expect(run(conflict, { type: 'retrySave' })).toBe(conflict);
  });
});

describe('createEditorStore', () => {
  it('notifies subscribers only when the state changes', () => {
    const store = createEditorStore(emptyDesign('t'), 1);
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.dispatch({ type: 'undo' });
    expect(calls).toBe(0);
    store.dispatch(apply([addEntity('a')]));
    expect(calls).toBe(1);
    unsubscribe();
    store.dispatch({ type: 'undo' });
    expect(calls).toBe(1);
    expect(store.getState().design.entities).toEqual([]);
  });
});

describe('assistant proposals', () => {
  const propose = (operations: Operation[]): EditorAction => ({
    type: 'propose',
    id: 'p1',
    label: 'Assistant: add User',
    operations,
    highlight: ['u'],
  });

  it('shows a proposal without changing the design; accepting is one undoable step', () => {
    const s0 = run(start(), apply([addEntity('a')]));
    const s1 = run(s0, propose([addEntity('u', 'User'), addEntity('v', 'Other')]));
    expect(s1.design).toBe(s0.design);
    expect(shownDesign(s1).entities.map((e) => e.id)).toEqual(['a', 'u', 'v']);
    const s2 = run(s1, { type: 'acceptProposal', at: 5 });
    expect(s2.proposal).toBeNull();
    expect(s2.design.entities.map((e) => e.id)).toEqual(['a', 'u', 'v']);
    expect(s2.history.past.at(-1)).toMatchObject({
      label: 'Assistant: add User',
      operations: [{ op: 'addEntity' }, { op: 'addEntity' }],
    });
    const s3 = run(s2, { type: 'undo' });
    expect(s3.design).toBe(s0.design);
  });

  it('rejecting leaves the design and history untouched', () => {
    const s0 = run(start(), apply([addEntity('a')]));
    const s1 = run(s0, propose([addEntity('u')]), { type: 'rejectProposal' });
    expect(s1.design).toBe(s0.design);
    expect(s1.history).toBe(s0.history);
    expect(s1.proposal).toBeNull();
  });

  it('holds edits, undo and redo while a proposal is under review', () => {
    const s0 = run(start(), apply([addEntity('a')]));
    const s1 = run(s0, propose([addEntity('u')]), apply([addEntity('b')]), { type: 'undo' });
    expect(s1.design).toBe(s0.design);
    expect(s1.notice).toMatch(/Accept or reject/);
    expect(s1.proposal?.id).toBe('p1');
  });

  it('refuses a proposal that no longer fits the design', () => {
    const s0 = run(start(), apply([addEntity('u')]));
    const s1 = run(s0, propose([addEntity('u')]));
    expect(s1.proposal).toBeNull();
    expect(s1.notice).toMatch(/no longer fits/);
  });
});
