import { describe, expect, it } from 'vitest';
import { designToFlow } from '@/components/editor/flow/design-to-flow';
import { estimatedNodeSize } from '@/components/editor/flow/node-size';
import {
  allIds,
  applyOperations,
  type Design,
  DesignSchema,
  defaultApiShape,
  emptyDesign,
  TEMPLATE_NAMES,
  templates,
  validateDesign,
} from '@/lib/design';
import { LIMITS } from '@/lib/design/limits';
import { syntheticDesign } from '@/lib/design/testing/synthetic';
import { layoutImport } from './layout';
import { planImport } from './plan';
import { sampleImport } from './testing/sample-import';
import { ImportError } from './types';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const problems = (design: Design) => validateDesign(design).map((p) => `${p.code} ${p.message}`);

async function applied(imported: Design, target: Design, mode: 'new' | 'merge') {
  const plan = planImport(imported, target, mode, await layoutImport(imported));
  const design = DesignSchema.parse(applyOperations(target, plan.operations));
  return { plan, design };
}

describe('planImport', () => {
  it('into a new workspace: everything imported, valid, with auth, the API shape and a layout', async () => {
    const imported = sampleImport();
    expect(problems(imported)).toEqual([]);
    const { plan, design } = await applied(imported, emptyDesign('New'), 'new');
    expect(problems(design)).toEqual([]);
    expect(plan.clashes).toEqual([]);
    expect(design.entities.map((e) => e.name)).toEqual(['User', 'Post', 'Tag']);
    expect(design.enums.map((e) => e.name)).toEqual(['Role']);
    expect(design.relations.map((r) => r.kind).sort()).toEqual(['many-to-many', 'many-to-one']);
    const post = design.entities.find((e) => e.name === 'Post')!;
    const user = design.entities.find((e) => e.name === 'User')!;
    expect(post.tableName).toBe('blog_posts');
    // The nested resource follows its relation's new id.
    expect(post.resource.parentRelationId).toBe(design.relations.find((r) => r.kind === 'many-to-one')!.id);
    expect(design.auth?.userEntityId).toBe(user.id);
    expect(design.auth?.roleFieldId).toBe(user.fields.find((f) => f.name === 'role')!.id);
    expect(design.api.naming).toBe('camelCase');
    expect(design.customEndpoints.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /status']);
    // Highlighted: the boxes, relations and endpoint it adds.
    expect(new Set(plan.highlight)).toEqual(
      new Set([
        ...design.entities.map((e) => e.id),
        ...design.enums.map((e) => e.id),
        ...design.relations.map((r) => r.id),
        ...design.customEndpoints.map((c) => c.id),
      ]),
    );
    // Every box has a place, and none overlaps another.
    const boxes = designToFlow(design).nodes.map((n) => ({
      ...n.position,
      ...estimatedNodeSize(n),
      id: n.id,
    }));
    expect(boxes.map((b) => b.id).sort()).toEqual(Object.keys(design.layout.nodes).sort());
    for (const a of boxes)
      for (const b of boxes)
        if (a.id < b.id)
          expect(
            a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height,
            `${a.id} overlaps ${b.id}`,
          ).toBe(false);
  });

  it.each(TEMPLATE_NAMES)(
    'merged into the %s template: fresh ids, no new problems, below the boxes there',
    async (name) => {
      const target = templates[name]();
      const before = problems(target);
      const imported = sampleImport();
      const { plan, design } = await applied(imported, target, 'merge');
      expect(problems(design)).toEqual(before);
      const targetIds = allIds(target);
      const newIds = plan.operations.flatMap((o) => ('id' in o && o.op !== 'moveNode' ? [o.id] : []));
      expect(newIds.filter((id) => targetIds.has(id))).toEqual([]);
      // The target keeps everything it had, unchanged.
      for (const entity of target.entities) expect(design.entities).toContainEqual(entity);
      if (!sameJson(target.api, defaultApiShape())) expect(design.api).toEqual(target.api);
      const bottom = Math.max(
        ...designToFlow(target).nodes.map((n) => n.position.y + estimatedNodeSize(n).height),
      );
      const added = new Set(plan.highlight);
      for (const [id, node] of Object.entries(design.layout.nodes))
        if (added.has(id)) expect(node.y, id).toBeGreaterThan(bottom);
    },
  );

  it('lists and resolves name clashes: renamed entity, reused enum, taken table, endpoint and auth kept', async () => {
    const target = sampleImport('Mine');
    // Target laid out (a workspace has positions), then the same import again.
    const laidOut = applyOperations(
      target,
      [...(await layoutImport(target))].map(([id, p]) => ({ op: 'moveNode' as const, id, ...p })),
    );
    const { plan, design } = await applied(sampleImport(), laidOut, 'merge');
    expect(problems(design)).toEqual([]);
    expect(design.entities.map((e) => e.name)).toEqual(['User', 'Post', 'Tag', 'User2', 'Post2', 'Tag2']);
    expect(design.enums).toHaveLength(1);
    expect(plan.clashes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'enum', name: 'Role', message: expect.stringContaining('uses it') }),
        {
          kind: 'entity',
          name: 'User',
          message: 'The name User is taken: the imported entity is called User2.',
        },
        expect.objectContaining({ kind: 'table', name: 'users' }),
        expect.objectContaining({ kind: 'table', name: 'blog_posts' }),
        expect.objectContaining({ kind: 'endpoint', name: 'GET /status' }),
        expect.objectContaining({ kind: 'auth' }),
      ]),
    );
    expect(design.customEndpoints).toHaveLength(1);
    expect(design.auth).toEqual(laidOut.auth);
  });

  it('keeps an explicit table name that is free although the entity was renamed', async () => {
    const target = applyOperations(emptyDesign('T'), [
      { op: 'addEntity', id: 'x', name: 'Post', position: { x: 0, y: 0 } },
    ]);
    const { plan, design } = await applied(sampleImport(), target, 'merge');
    expect(design.entities.find((e) => e.name === 'Post2')?.tableName).toBe('blog_posts');
    expect(plan.clashes.filter((c) => c.kind === 'table')).toEqual([]);
    expect(problems(design)).toEqual([]);
  });

  it('merge keeps a target API shape of its own and lists it; takes the import one over the default', async () => {
    const own = applyOperations(emptyDesign('T'), [{ op: 'setApiShape', api: { errors: 'problem' } }]);
    const kept = await applied(sampleImport(), own, 'merge');
    expect(kept.design.api.errors).toBe('problem');
    expect(kept.design.api.naming).toBe('snake_case');
    expect(kept.plan.clashes.map((c) => c.kind)).toContain('api');
    const taken = await applied(sampleImport(), emptyDesign('T'), 'merge');
    expect(taken.design.api.naming).toBe('camelCase');
  });

  it('is deterministic and a second import of the same source gets ids past the first', async () => {
    const imported = sampleImport();
    const positions = await layoutImport(imported);
    const a = planImport(imported, emptyDesign('A'), 'new', positions);
    expect(planImport(imported, emptyDesign('A'), 'new', positions)).toEqual(a);
    const once = applyOperations(emptyDesign('A'), a.operations);
    const twice = planImport(imported, once, 'merge', positions);
    expect(() => applyOperations(once, twice.operations)).not.toThrow();
  });

  it('an import past the design limits is an ImportError naming the limit', async () => {
    const big = syntheticDesign(LIMITS.entities - 1);
    expect(() => planImport(sampleImport(), big, 'merge')).toThrow(ImportError);
    expect(() => planImport(sampleImport(), big, 'merge')).toThrow(/1000 entities/);
  });

  it('leaves out an imported endpoint whose route the design already has, and lists it', async () => {
    const imported = applyOperations(sampleImport(), [
      {
        op: 'addCustomEndpoint',
        endpoint: { id: 'c.posts', method: 'GET', path: '/posts', summary: '', access: { kind: 'public' } },
      },
    ]);
    const { plan, design } = await applied(imported, templates.blog(), 'merge');
    expect(problems(design)).toEqual(problems(templates.blog()));
    expect(design.customEndpoints.map((c) => `${c.method} ${c.path}`)).not.toContain('GET /posts');
    expect(plan.clashes).toContainEqual(
      expect.objectContaining({
        kind: 'endpoint',
        name: 'GET /posts',
        message: expect.stringMatching(/left out/),
      }),
    );
  });

  it("an import with auth into a design with auth: the imported user's ownership becomes signed-in access", async () => {
    const imported = sampleImport();
    const { design } = await applied(imported, templates.blog(), 'merge');
    const user2 = design.entities.find((e) => e.name === 'User2')!;
    expect(user2.resource.operations.update.access).toEqual({ kind: 'authenticated' });
    expect(design.auth).toEqual(templates.blog().auth);
    expect(problems(design)).toEqual(problems(templates.blog()));
  });
});
