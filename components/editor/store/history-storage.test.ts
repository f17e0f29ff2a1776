import { describe, expect, it } from 'vitest';
import { applyOperations, emptyDesign, type Operation, templates } from '@/lib/design';
import { type EditorAction, editorReducer } from './editor-reducer';
import { type EditorState, initialEditorState } from './editor-state';
import { restoreHistory, serializeHistory } from './history-storage';

const add = (id: string, name = id): Operation => ({ op: 'addEntity', id, name, position: { x: 0, y: 0 } });
const apply = (operations: Operation[], at = 0): EditorAction => ({
  type: 'apply',
  label: 'Edit',
  operations,
  at,
});
const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state);

/** What a reload sees: the saved design as JSON parsed again (new objects, maybe other key order). */
const reloaded = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('undo history in storage', () => {
  it('restores the steps around the reloaded design, and undo brings back the design before them', () => {
    const start = initialEditorState(emptyDesign('t'), 1);
    const s = run(
      start,
      apply([add('a')], 0),
      apply([add('b')], 5000),
      { type: 'replace', label: 'Import', design: templates.todo(), at: 9000 },
      { type: 'undo' },
    );
    const text = serializeHistory(s.history);
    if (text === null) throw new Error('nothing stored');
    const design = reloaded(s.design);
    const history = restoreHistory(text, design);
    expect(history?.past.map((e) => e.label)).toEqual(['Edit', 'Edit']);
    expect(history?.future.map((e) => e.label)).toEqual(['Import']);
    // The loaded object itself is the current point, so the editor shows it as saved.
    expect(history?.past.at(-1)?.after).toBe(design);
    const restored = run(
      { ...initialEditorState(design, 2) },
      { type: 'restoreHistory', history: history!, design },
    );
    const undone = run(restored, { type: 'undo' });
    expect(undone.design.entities.map((e) => e.id)).toEqual(['a']);
    const redone = run(restored, { type: 'redo' });
    expect(redone.design.entities.map((e) => e.name)).toEqual(templates.todo().entities.map((e) => e.name));
  });

  it('offers a change the reload lost (not saved yet) as redo', () => {
    const s = run(initialEditorState(emptyDesign('t'), 1), apply([add('a')]), apply([add('b')], 5000));
    const saved = reloaded(s.history.past[0]?.after);
    const history = restoreHistory(serializeHistory(s.history) as string, saved!);
    expect(history?.past).toHaveLength(1);
    expect(history?.future).toHaveLength(1);
    expect(history?.future[0]?.after.entities.map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('is discarded when the loaded design is not one of its states', () => {
    const s = run(initialEditorState(emptyDesign('t'), 1), apply([add('a')]));
    const text = serializeHistory(s.history) as string;
    const elsewhere = applyOperations(s.design, [{ op: 'renameEntity', entityId: 'a', name: 'Changed' }]);
    expect(restoreHistory(text, elsewhere)).toBeNull();
  });

  it('is discarded when hostile or broken', () => {
    const s = run(initialEditorState(emptyDesign('t'), 1), apply([add('a')]));
    const text = serializeHistory(s.history) as string;
    const stored = JSON.parse(text);
    const variants = [
      '',
      'not json',
      '{"fastdraft":"editor-history"}',
      JSON.stringify({ ...stored, formatVersion: 1 }),
      JSON.stringify({ ...stored, past: [{ label: 'x', at: 0, operations: [{ op: 'dropDatabase' }] }] }),
      // Operations that no longer apply (the entity already exists in the base).
      JSON.stringify({ ...stored, base: s.design }),
      JSON.stringify({ ...stored, past: Array.from({ length: 101 }, () => stored.past[0]) }),
      `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
    ];
    for (const variant of variants) expect(restoreHistory(variant, s.design)).toBeNull();
  });

  it('is restored only into an untouched store showing the design it was restored against', () => {
    const s = run(initialEditorState(emptyDesign('t'), 1), apply([add('a')]));
    const design = reloaded(s.design);
    const history = restoreHistory(serializeHistory(s.history) as string, design);
    if (!history) throw new Error('not restored');
    const fresh = initialEditorState(design, 2);
    expect(run(fresh, { type: 'restoreHistory', history, design }).history).toBe(history);
    const edited = run(fresh, apply([add('b')]));
    expect(run(edited, { type: 'restoreHistory', history, design }).history).toBe(edited.history);
    expect(run(fresh, { type: 'restoreHistory', history, design: reloaded(design) })).toBe(fresh);
  });

  it('keeps the newest steps within the size bound and at most the history limit', () => {
    let s = initialEditorState(emptyDesign('t'), 1);
    for (let i = 0; i < 120; i++) s = run(s, apply([add(`e${i}`, `Entity${i}`)], i * 5000));
    const all = serializeHistory(s.history) as string;
    expect(JSON.parse(all).past).toHaveLength(100);
    // Whole-document replacements (imports) are what grows the text: the oldest go first.
    let r = initialEditorState(emptyDesign('t'), 1);
    for (let i = 0; i < 30; i++)
      r = run(r, {
        type: 'replace',
        label: `Import ${i}`,
        design: { ...templates.blog(), name: `v${i}` },
        at: i,
      });
    const bound = 10 * JSON.stringify(templates.blog()).length;
    const small = serializeHistory(r.history, bound) as string;
    expect(small.length).toBeLessThanOrEqual(bound);
    const kept = JSON.parse(small).past.map((e: { label: string }) => e.label);
    expect(kept.length).toBeGreaterThan(3);
    expect(kept.length).toBeLessThan(10);
    expect(kept.at(-1)).toBe('Import 29');
    const history = restoreHistory(small, reloaded(r.design));
    expect(history?.past).toHaveLength(kept.length);
    expect(serializeHistory(s.history, 10)).toBeNull();
    expect(serializeHistory({ past: [], future: [] })).toBeNull();
  });
});
