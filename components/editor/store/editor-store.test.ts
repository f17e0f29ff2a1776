import { describe, expect, it } from 'vitest';
import { emptyDesign } from '@/lib/design';
import { createEditorStore } from './editor-store';

describe('a read-only editor store (view links)', () => {
  it('drops every design change but still selects', () => {
    const design = emptyDesign('Shared');
    const store = createEditorStore(design, 1, { readOnly: true });
    const at = 0;
    store.dispatch({
      type: 'apply',
      label: 'Add entity',
      operations: [{ op: 'addEntity', id: 'ent_1', name: 'Post', position: { x: 0, y: 0 } }],
      at,
    });
    store.dispatch({ type: 'replace', label: 'Import', design: { ...design, name: 'Other' }, at });
    store.dispatch({ type: 'undo' });
    expect(store.getState().design).toBe(design);
    store.dispatch({ type: 'select', selection: { kind: 'auth' } });
    expect(store.getState().selection).toEqual({ kind: 'auth' });
  });

  it('a normal store applies the same change', () => {
    const store = createEditorStore(emptyDesign('Mine'), 1);
    store.dispatch({
      type: 'apply',
      label: 'Add entity',
      operations: [{ op: 'addEntity', id: 'ent_1', name: 'Post', position: { x: 0, y: 0 } }],
      at: 0,
    });
    expect(store.getState().design.entities.map((e) => e.name)).toEqual(['Post']);
  });
});
