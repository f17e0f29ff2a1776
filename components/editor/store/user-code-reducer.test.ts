import { describe, expect, it } from 'vitest';
import { emptyDesign } from '@/lib/design';
import { type EditorAction, editorReducer } from './editor-reducer';
import { type EditorState, initialEditorState, saveStatusOf } from './editor-state';
import { createEditorStore } from './editor-store';

const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state);
const PATH = 'app/handlers/publish.py';
const stored = { files: { [PATH]: { content: 'old\n', base: 'scaffold\n' } } };

describe('user code in the editor store', () => {
  it('writes a file keeping its merge base, creates new ones without one, and ignores no-op writes', () => {
    const start = initialEditorState(emptyDesign('t'), 3, stored);
    const edited = run(start, { type: 'writeUserFile', path: PATH, content: 'new\n' });
    expect(edited.userCode.files[PATH]).toEqual({ content: 'new\n', base: 'scaffold\n' });
    expect(saveStatusOf(edited)).toBe('dirty');
    expect(run(edited, { type: 'writeUserFile', path: PATH, content: 'new\n' })).toBe(edited);
    const created = run(edited, { type: 'writeUserFile', path: 'tests/custom/test_a.py', content: '' });
    expect(created.userCode.files['tests/custom/test_a.py']).toEqual({ content: '', base: '' });
  });

  it('saves code under the one version the design uses', () => {
    const start = initialEditorState(emptyDesign('t'), 3, stored);
    const edited = run(start, { type: 'writeUserFile', path: PATH, content: 'new\n' });
    const saving = run(edited, { type: 'codeSaveStarted', userCode: edited.userCode });
    expect(saveStatusOf(saving)).toBe('saving');
    const saved = run(saving, { type: 'codeSaveSucceeded', userCode: edited.userCode, version: 4 });
    expect(saveStatusOf(saved)).toBe('saved');
    expect(saved.save.version).toBe(4);
    expect(saved.save.savedDesign).toBe(start.design);
  });

  it('after a conflict, overwriting marks design and code unsaved; a reload takes the stored code', () => {
    const start = initialEditorState(emptyDesign('t'), 3, stored);
    const conflict = run(start, { type: 'saveConflict', message: 'x', currentVersion: 7 });
    const overwrite = run(conflict, { type: 'overwriteAfterConflict' });
    expect(overwrite.save.version).toBe(7);
    expect(overwrite.save.savedUserCode).not.toBe(overwrite.userCode);
    const reloaded = run(conflict, {
      type: 'reloaded',
      design: start.design,
      version: 8,
      userCode: { files: {} },
    });
    expect(reloaded.userCode).toEqual({ files: {} });
    expect(saveStatusOf(reloaded)).toBe('saved');
  });

  it('a read-only store (view link) drops user code writes', () => {
    const store = createEditorStore(emptyDesign('t'), 1, { readOnly: true, userCode: stored });
    store.dispatch({ type: 'writeUserFile', path: PATH, content: 'changed' });
    store.dispatch({ type: 'replaceUserCode', userCode: { files: {} } });
    expect(store.getState().userCode).toBe(stored);
  });
});
