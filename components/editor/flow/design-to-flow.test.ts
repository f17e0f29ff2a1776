import { describe, expect, it } from 'vitest';
import {
  applyOperations,
  CUSTOM_ENDPOINTS_NODE_ID,
  emptyDesign,
  type Operation,
  templates,
  validateDesign,
} from '@/lib/design';
import { designToFlow } from './design-to-flow';
import type { EntityFlowNode } from './flow-types';
import { reuseUnchanged, withSelection } from './flow-view';

const entityNode = (nodes: ReturnType<typeof designToFlow>['nodes'], id: string) =>
  nodes.find((n): n is EntityFlowNode => n.id === id && n.type === 'entity');

function twoEntities(extra: Operation[] = []) {
  return applyOperations(emptyDesign('t'), [
    { op: 'addEntity', id: 'u', name: 'User', position: { x: 10, y: 20 } },
    { op: 'addEntity', id: 'p', name: 'BlogPost', position: { x: 400, y: 20 } },
    { op: 'addField', entityId: 'u', field: { id: 'u_email', name: 'email', type: 'email', unique: true } },
    {
      op: 'addField',
      entityId: 'p',
      field: { id: 'p_title', name: 'title', type: 'string', constraints: { maxLength: 120 } },
    },
    { op: 'addField', entityId: 'p', field: { id: 'p_note', name: 'note', type: 'text', nullable: true } },
    ...extra,
  ]);
}

describe('designToFlow', () => {
  it("lists custom endpoints in their entity's box and the others in one box of their own", () => {
    const endpoint = (id: string, extra: object) => ({
      op: 'addCustomEndpoint' as const,
      endpoint: {
        id,
        method: 'GET' as const,
        path: '/x',
        summary: '',
        access: { kind: 'public' as const },
        ...extra,
      },
    });
    const design = twoEntities([
      endpoint('c_publish', {
        entityId: 'p',
        method: 'POST',
        path: '/{id}/publish',
        summary: 'Publish a post',
        access: { kind: 'authenticated' },
      }),
      endpoint('c_health', { path: '/stats' }),
      endpoint('c_bad', { path: 'no-slash' }),
    ]);
    const problems = validateDesign(design);
    const { nodes } = designToFlow(design, problems);
    expect(entityNode(nodes, 'p')?.data.customRoutes).toEqual([
      {
        id: 'c_publish',
        method: 'POST',
        path: '/blog-posts/{id}/publish',
        summary: 'Publish a post',
        locked: true,
        access: 'Signed-in users',
      },
    ]);
    expect(entityNode(nodes, 'u')?.data.customRoutes).toEqual([]);
    const loose = nodes.find((n) => n.id === CUSTOM_ENDPOINTS_NODE_ID);
    expect(loose).toMatchObject({ type: 'endpoints', ariaLabel: 'Custom endpoints' });
    if (loose?.type !== 'endpoints') throw new Error('no endpoints box');
    expect(loose.data.routes.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /stats', 'GET no-slash']);
    // The bad path is the box's problem; the entity counts those of its own endpoint (signed-in without auth).
    expect(loose.data.problemCount).toBe(1);
    const ofPublish = problems.filter((p) => p.elementId === 'c_publish').length;
    expect(ofPublish).toBeGreaterThan(0);
    expect(entityNode(nodes, 'p')?.data.problemCount).toBe(ofPublish);
    // No loose endpoints, no box.
    const attachedOnly = applyOperations(design, [
      { op: 'deleteCustomEndpoint', endpointId: 'c_health' },
      { op: 'deleteCustomEndpoint', endpointId: 'c_bad' },
    ]);
    expect(designToFlow(attachedOnly).nodes.some((n) => n.type === 'endpoints')).toBe(false);
  });

  it('selects a custom endpoint row in its box', () => {
    const design = twoEntities([
      {
        op: 'addCustomEndpoint',
        endpoint: {
          id: 'c1',
          entityId: 'p',
          method: 'GET',
          path: '/feed',
          summary: '',
          access: { kind: 'public' },
        },
      },
    ]);
    const selected = withSelection(designToFlow(design), { kind: 'element', id: 'c1' });
    expect(entityNode(selected.nodes, 'p')?.data.selectedKey).toBe('custom:c1');
  });

  it('projects entities with their layout position, aria label, table name and rows (PK first)', () => {
    const { nodes, edges } = designToFlow(twoEntities());
    expect(edges).toEqual([]);
    const post = entityNode(nodes, 'p');
    expect(post?.position).toEqual({ x: 400, y: 20 });
    expect(post?.ariaLabel).toBe('Entity BlogPost');
    expect(post?.data.tableName).toBe('blog_posts');
    expect(post?.data.rows.map((r) => [r.name, r.type, r.marks])).toEqual([
      ['id', 'int', ['pk']],
      ['title', 'string(120)', []],
      ['note', 'text', ['nullable']],
      ['created_at', 'datetime', []],
      ['updated_at', 'datetime', []],
    ]);
    expect(entityNode(nodes, 'u')?.data.rows[1]).toMatchObject({
      name: 'email',
      marks: ['unique'],
      selectId: 'u_email',
    });
  });

  it('lists enabled routes with the lookup field and a lock when access is not public', () => {
    const design = twoEntities([
      {
        op: 'updateResource',
        entityId: 'u',
        patch: {
          lookupFieldId: 'u_email',
          operations: { delete: { enabled: false }, update: { access: { kind: 'authenticated' } } },
        },
      },
    ]);
    const routes = entityNode(designToFlow(design).nodes, 'u')?.data.routes ?? [];
    expect(routes.map((r) => `${r.method} ${r.path}${r.locked ? ' 🔒' : ''}`)).toEqual([
      'GET /users',
      'GET /users/{email}',
      'POST /users',
      'PATCH /users/{email} 🔒',
    ]);
  });

  it('draws relations as edges with cardinality and adds FK columns to the many side', () => {
    const design = twoEntities([
      { op: 'connect', id: 'r1', fromEntityId: 'p', toEntityId: 'u', fieldName: 'author', nullable: true },
      {
        op: 'connect',
        id: 'r2',
        fromEntityId: 'p',
        toEntityId: 'u',
        kind: 'one-to-one',
        fieldName: 'editor',
      },
      {
        op: 'connect',
        id: 'r3',
        fromEntityId: 'u',
        toEntityId: 'u',
        kind: 'many-to-many',
        fieldName: 'following',
        backrefName: 'followers',
      },
    ]);
    const { nodes, edges } = designToFlow(design);
    expect(edges.map((e) => [e.id, e.source, e.target, e.data?.cardinality])).toEqual([
      ['r1', 'p', 'u', 'N:1'],
      ['r2', 'p', 'u', '1:1'],
      ['r3', 'u', 'u', 'N:M'],
    ]);
    expect(edges[0]?.ariaLabel).toBe('Relation BlogPost.author to User (N:1)');
    const fks = entityNode(nodes, 'p')?.data.rows.filter((r) => r.kind === 'fk');
    expect(fks?.map((r) => [r.name, r.marks, r.selectId])).toEqual([
      ['author_id', ['fk', 'nullable'], 'r1'],
      ['editor_id', ['fk', 'unique'], 'r2'],
    ]);
    // many-to-many holds no FK column
    expect(entityNode(nodes, 'u')?.data.rows.some((r) => r.kind === 'fk')).toBe(false);
  });

  it('projects enums as nodes and counts problems on the node that owns the element', () => {
    const design = applyOperations(twoEntities(), [
      { op: 'addEnum', id: 'st', name: 'Status', values: [], position: { x: 0, y: 500 } },
      { op: 'renameField', fieldId: 'p_title', name: 'class' },
    ]);
    const { nodes } = designToFlow(design, [
      { code: 'empty-enum', path: 'enums[0]', message: 'x', elementId: 'st' },
      { code: 'reserved-name', path: 'entities[1].fields[0].name', message: 'x', elementId: 'p_title' },
    ]);
    const status = nodes.find((n) => n.id === 'st');
    expect(status).toMatchObject({ type: 'enum', position: { x: 0, y: 500 }, ariaLabel: 'Enum Status' });
    expect(status?.data.problemCount).toBe(1);
    expect(entityNode(nodes, 'p')?.data.problemCount).toBe(1);
  });

  it('projects the blog template: every entity, every relation, a self-relation', () => {
    const design = templates.blog();
    const { nodes, edges } = designToFlow(design);
    expect(nodes.filter((n) => n.type === 'entity')).toHaveLength(design.entities.length);
    expect(edges).toHaveLength(design.relations.length);
    expect(edges.some((e) => e.source === e.target)).toBe(true);
  });

  it('is deterministic and does not touch the design', () => {
    const design = twoEntities();
    const frozen = JSON.stringify(design);
    expect(designToFlow(design)).toEqual(designToFlow(design));
    expect(JSON.stringify(design)).toBe(frozen);
  });
});

describe('withSelection and reuseUnchanged', () => {
  it('marks the selected node, the selected field row, the selected edge and the selected route', () => {
    const flow = designToFlow(twoEntities([{ op: 'connect', id: 'r1', fromEntityId: 'p', toEntityId: 'u' }]));
    expect(withSelection(flow, { kind: 'element', id: 'u' }).nodes.find((n) => n.id === 'u')?.selected).toBe(
      true,
    );
    const field = withSelection(flow, { kind: 'element', id: 'p_title' });
    expect(entityNode(field.nodes, 'p')?.data.selectedKey).toBe('p_title');
    const relation = withSelection(flow, { kind: 'element', id: 'r1' });
    expect(relation.edges[0]?.selected).toBe(true);
    expect(entityNode(relation.nodes, 'p')?.data.selectedKey).toBe('r1');
    const route = withSelection(flow, { kind: 'endpoint', entityId: 'u', operation: 'get' });
    expect(entityNode(route.nodes, 'u')?.data.selectedKey).toBe('route:get');
  });

  it('keeps the previous objects of nodes that did not change', () => {
    const before = designToFlow(twoEntities());
    const after = designToFlow(
      applyOperations(twoEntities(), [{ op: 'renameField', fieldId: 'p_title', name: 'headline' }]),
    );
    const nodes = reuseUnchanged(before.nodes, after.nodes);
    expect(nodes.find((n) => n.id === 'u')).toBe(before.nodes.find((n) => n.id === 'u'));
    expect(nodes.find((n) => n.id === 'p')).not.toBe(before.nodes.find((n) => n.id === 'p'));
    expect(reuseUnchanged(before.nodes, designToFlow(twoEntities()).nodes)).toBe(before.nodes);
  });
});
