import { describe, expect, it } from 'vitest';
import { emptyDesign } from '../factories';
import { templates } from '../templates';
import {
  CLIPBOARD_MARKER,
  type Clipboard,
  copyNodes,
  type NewId,
  PASTE_STEP,
  pasteOperations,
  readClipboard,
} from './clipboard';
import { applyOperations } from './operation';
import { entityOf, expectConsistent, expectOperationError, frozenBlog } from './test-helpers';

/** Deterministic ids: ent_1, fld_2... */
function counter(): NewId {
  let n = 0;
  return (prefix) => `${prefix}_${++n}`;
}

function paste(design: ReturnType<typeof frozenBlog>, clip: Clipboard) {
  const plan = pasteOperations(design, clip, counter());
  return { plan, design: applyOperations(design, plan.operations) };
}

function roundTrip(clip: Clipboard): Clipboard {
  const read = readClipboard(JSON.stringify(clip));
  if (read.kind !== 'clipboard') throw new Error(`not read back: ${JSON.stringify(read)}`);
  return read.clipboard;
}

describe('copyNodes', () => {
  it('takes the entities, the enums their fields use and only the relations among them', () => {
    const blog = frozenBlog();
    const clip = copyNodes(blog, ['e_user', 'e_post', 'f_post_title', 'nothing']);
    expect(clip?.fastdraft).toBe(CLIPBOARD_MARKER);
    expect(clip?.entities.map((e) => e.id)).toEqual(['e_user', 'e_post']);
    expect(clip?.enums.map((e) => e.id)).toEqual(['enum_role']);
    expect(clip?.relations.map((r) => r.id).sort()).toEqual(['r_post_author', 'r_user_follows']);
    expect(Object.keys(clip?.layout ?? {}).sort()).toEqual(['e_post', 'e_user', 'enum_role']);
  });

  it('is null when no box is among the ids', () => {
    expect(copyNodes(frozenBlog(), ['f_post_title', 'r_post_author'])).toBeNull();
  });
});

describe('pasteOperations', () => {
  it('pastes beside the original with new ids, unique names and remapped references', () => {
    const blog = frozenBlog();
    const clip = roundTrip(copyNodes(blog, ['e_user', 'e_post']) as Clipboard);
    const { plan, design } = paste(blog, clip);
    expectConsistent(design);
    expect(design.entities.map((e) => e.name)).toEqual(['User', 'Post', 'Comment', 'Tag', 'User2', 'Post2']);
    const [user2, post2] = plan.nodeIds.map((id) => entityOf(design, id));
    if (!user2 || !post2) throw new Error('missing copies');
    expect(plan.nodeIds).toHaveLength(2);
    // The enum with the same name and values is reused, not duplicated.
    expect(design.enums).toHaveLength(1);
    expect(user2.fields.find((f) => f.name === 'role')?.enumId).toBe('enum_role');
    // Every id is new, the relation among the copies joins the copies.
    const author = design.relations.find((r) => r.fromEntityId === post2.id);
    expect(author).toMatchObject({ toEntityId: user2.id, fieldName: 'author', backrefName: 'posts' });
    const follows = design.relations.filter((r) => r.fromEntityId === user2.id && r.toEntityId === user2.id);
    expect(follows).toHaveLength(1);
    // The explicit association table 'follows' is taken by the original: the copy derives its own.
    expect(follows[0]?.associationTable).toBeUndefined();
    // Resource settings follow the new ids; the filter through the relation to User survives.
    const slug = post2.fields.find((f) => f.name === 'slug');
    expect(post2.resource.lookupFieldId).toBe(slug?.id);
    expect(post2.resource.ownerRelationId).toBe(author?.id);
    expect(post2.resource.embed).toEqual([author?.id]); // the tags relation did not come along
    expect(post2.resource.operations.list.filters).toEqual([
      { fieldId: post2.fields.find((f) => f.name === 'published')?.id },
      { relationId: author?.id, fieldId: user2.fields.find((f) => f.name === 'username')?.id },
    ]);
    expect(post2.resource.operations.update.access).toEqual({ kind: 'owner' });
    // Offset from the original.
    expect(design.layout.nodes[post2.id]).toEqual({ x: 420 + PASTE_STEP, y: 40 + PASTE_STEP });
  });

  it('offsets a second paste past the first', () => {
    const blog = frozenBlog();
    const clip = copyNodes(blog, ['e_tag']) as Clipboard;
    const ids = counter();
    const once = applyOperations(blog, pasteOperations(blog, clip, ids).operations);
    const plan = pasteOperations(once, clip, ids);
    const twice = applyOperations(once, plan.operations);
    expect(twice.entities.map((e) => e.name).slice(-2)).toEqual(['Tag2', 'Tag3']);
    expect(twice.layout.nodes[plan.nodeIds[0] as string]).toEqual({
      x: 420 + 2 * PASTE_STEP,
      y: 600 + 2 * PASTE_STEP,
    });
  });

  it('pastes into another design with its enums, table names and paths', () => {
    const shop = templates.shop();
    const blog = frozenBlog();
    const clip = roundTrip(copyNodes(blog, ['e_user', 'e_post', 'e_comment']) as Clipboard);
    const target = emptyDesign('other');
    const { plan, design } = paste(target, clip);
    expectConsistent(design);
    expect(design.entities.map((e) => e.name)).toEqual(['User', 'Post', 'Comment']);
    expect(design.enums).toMatchObject([{ name: 'Role', values: ['reader', 'author', 'admin'] }]);
    expect(plan.nodeIds).toHaveLength(4); // three entities and the enum box
    expect(design.relations).toHaveLength(4);
    expect(design.relations.find((r) => r.kind === 'many-to-many')?.associationTable).toBe('follows');
    // An enum of the same name but other values is not reused: the paste gets its own, renamed.
    const withOtherRole = applyOperations(shop, [
      { op: 'addEnum', id: 'x_role', name: 'Role', values: ['a'] },
    ]);
    const second = paste(withOtherRole, clip).design;
    expectConsistent(second);
    expect(second.enums.map((e) => e.name)).toContain('Role2');
    const pastedUser = second.entities.find((e) => e.name === 'User2');
    const roleEnum = second.enums.find((e) => e.name === 'Role2');
    expect(pastedUser?.fields.find((f) => f.name === 'role')?.enumId).toBe(roleEnum?.id);
  });

  it('drops references to what was not copied', () => {
    const blog = frozenBlog();
    // Comment without Post and User: its relations, owner and filters go; the fields stay.
    const { design, plan } = paste(blog, copyNodes(blog, ['e_comment']) as Clipboard);
    expectConsistent(design);
    const copy = entityOf(design, plan.nodeIds[0] as string);
    expect(copy.fields.map((f) => f.name)).toEqual(['body']);
    expect(copy.resource.ownerRelationId).toBeUndefined();
    expect(copy.resource.embed).toEqual([]);
    expect(copy.resource.operations.list.filters).toEqual([]);
    expect(design.relations).toHaveLength(blog.relations.length);
  });

  it('keeps an enum field as text when its enum is not in the clipboard', () => {
    const clip = copyNodes(frozenBlog(), ['e_user']) as Clipboard;
    const { design, plan } = paste(emptyDesign('x'), { ...clip, enums: [] });
    expectConsistent(design);
    const role = entityOf(design, plan.nodeIds[0] as string).fields.find((f) => f.name === 'role');
    expect(role?.type).toBe('string');
    expect(role?.enumId).toBeUndefined();
  });

  it('refuses a paste past the design limits', () => {
    const clip = copyNodes(frozenBlog(), ['e_tag']) as Clipboard;
    const many = {
      ...clip,
      entities: Array.from({ length: 1001 }, (_, i) => ({ ...clip.entities[0], id: `t${i}`, fields: [] })),
    };
    expectOperationError(
      () => pasteOperations(emptyDesign('x'), many as Clipboard, counter()),
      'invalid-argument',
      /past 1000 entities/,
    );
  });
});

describe('readClipboard', () => {
  const valid = () => JSON.parse(JSON.stringify(copyNodes(frozenBlog(), ['e_post', 'e_user'])));

  it('leaves plain text and other JSON alone', () => {
    expect(readClipboard('Post')).toEqual({ kind: 'foreign' });
    expect(readClipboard('{"entities": []}')).toEqual({ kind: 'foreign' });
    expect(readClipboard(`{"note": "${CLIPBOARD_MARKER}"}`)).toEqual({ kind: 'foreign' });
  });

  it.each([
    ['broken JSON', `{"fastdraft": "${CLIPBOARD_MARKER}", `],
    ['another envelope version', JSON.stringify({ ...valid(), version: 99 })],
    ['a wrong shape', JSON.stringify({ ...valid(), entities: [{ id: 1 }] })],
    ['duplicate ids', JSON.stringify({ ...valid(), enums: [...valid().enums, ...valid().enums] })],
    [
      'too many layout entries',
      JSON.stringify({
        ...valid(),
        layout: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`n${i}`, { x: 0, y: 0 }])),
      }),
    ],
    [
      'a prototype key',
      `{"fastdraft":"${CLIPBOARD_MARKER}","version":1,"formatVersion":2,"__proto__":{"x":1},"entities":"no"}`,
    ],
    [
      'deep nesting',
      `{"fastdraft":"${CLIPBOARD_MARKER}","version":1,"formatVersion":2,"entities":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    ],
    ['megabytes', `{"fastdraft":"${CLIPBOARD_MARKER}","pad":"${'x'.repeat(5 * 2 ** 20)}"}`],
  ])('reports %s as invalid without throwing', (_, text) => {
    const read = readClipboard(text);
    expect(read.kind).toBe('invalid');
    expect(read.kind === 'invalid' && read.message.length).toBeGreaterThan(0);
  });

  it('pastes any schema-valid clipboard with dangling references into a consistent design', () => {
    const clip = valid();
    clip.relations.push({ ...clip.relations[0], id: 'r_elsewhere', toEntityId: 'e_missing' });
    clip.entities[1].fields[0].copyFrom = { relationId: 'r_missing', fieldId: 'f_missing' };
    clip.entities[1].resource.embed = ['r_missing'];
    clip.entities[1].resource.ownerPath = ['r_missing'];
    clip.entities[1].resource.lookupFieldId = 'f_tag_name';
    const read = readClipboard(JSON.stringify(clip));
    if (read.kind !== 'clipboard') throw new Error('should read');
    const { design } = paste(frozenBlog(), read.clipboard);
    expectConsistent(design);
  });
});

describe('pasting actions', () => {
  it('copies actions through the new ids and drops those naming what stayed behind', () => {
    const blog = frozenBlog();
    const clip = roundTrip(copyNodes(blog, ['e_user', 'e_post']) as Clipboard);
    const { plan, design } = paste(blog, clip);
    expectConsistent(design);
    const post2 = entityOf(design, plan.nodeIds[1] as string);
    const published = post2.fields.find((f) => f.name === 'published')?.id;
    const publishedAt = post2.fields.find((f) => f.name === 'published_at')?.id;
    expect(post2.resource.actions).toEqual([
      expect.objectContaining({
        id: expect.stringMatching(/^act_/),
        kind: 'set',
        sets: [
          { fieldId: published, value: { kind: 'literal', value: true } },
          { fieldId: publishedAt, value: { kind: 'now' } },
        ],
      }),
    ]);
  });
});
