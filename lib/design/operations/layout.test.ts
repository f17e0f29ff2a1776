import { describe, expect, it } from 'vitest';
import { CUSTOM_ENDPOINTS_NODE_ID, moveNode, toggleCollapsed } from './layout';
import { expectOperationError, frozenBlog } from './test-helpers';

describe('moveNode', () => {
  it('changes only the layout', () => {
    const before = frozenBlog();
    const design = moveNode(before, { id: 'e_post', x: 7, y: 8 });
    expect(design.layout.nodes.e_post).toEqual({ x: 7, y: 8 });
    expect(design.entities).toBe(before.entities);
    expect(design.relations).toBe(before.relations);
  });
  it('moves enums too and keeps the collapsed flag', () => {
    let design = toggleCollapsed(frozenBlog(), { id: 'enum_role' });
    design = moveNode(design, { id: 'enum_role', x: 1, y: 1 });
    expect(design.layout.nodes.enum_role).toEqual({ x: 1, y: 1, collapsed: true });
  });
  it('rejects unknown ids', () => {
    expectOperationError(() => moveNode(frozenBlog(), { id: 'f_post_title', x: 0, y: 0 }), 'not-found');
  });
  it('moves the box of custom endpoints of no entity while there are any', () => {
    const design = moveNode(frozenBlog(), { id: CUSTOM_ENDPOINTS_NODE_ID, x: 5, y: 6 });
    expect(design.layout.nodes[CUSTOM_ENDPOINTS_NODE_ID]).toEqual({ x: 5, y: 6 });
    expectOperationError(
      () => moveNode({ ...frozenBlog(), customEndpoints: [] }, { id: CUSTOM_ENDPOINTS_NODE_ID, x: 0, y: 0 }),
      'not-found',
    );
  });
});

describe('toggleCollapsed', () => {
  it('toggles, or sets when told', () => {
    let design = toggleCollapsed(frozenBlog(), { id: 'e_post' });
    expect(design.layout.nodes.e_post?.collapsed).toBe(true);
    design = toggleCollapsed(design, { id: 'e_post' });
    expect(design.layout.nodes.e_post?.collapsed).toBe(false);
    design = toggleCollapsed(design, { id: 'e_post', collapsed: false });
    expect(design.layout.nodes.e_post?.collapsed).toBe(false);
  });
  it('rejects unknown ids', () => {
    expectOperationError(() => toggleCollapsed(frozenBlog(), { id: 'nope' }), 'not-found');
  });
});
