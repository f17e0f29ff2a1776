import { describe, expect, it } from 'vitest';
import { emptyDesign, loadDesign } from './load';
import { type Design, FORMAT_VERSION } from './schema';
import { templates } from './templates';
import { UPGRADERS, upgradeDocument } from './upgrade';

const v0 = {
  name: 'Old',
  entities: [
    {
      id: 'e1',
      name: 'Post',
      description: '',
      primaryKey: 'int',
      timestamps: true,
      fields: [],
      resource: emptyResource(),
      position: { x: 10, y: 20 },
      collapsed: true,
    },
  ],
  enums: [{ id: 'n1', name: 'Kind', values: ['a'], position: { x: 5, y: 6 } }],
  relations: [],
};

function emptyResource() {
  const open = { enabled: true, access: { kind: 'public' } };
  return {
    lookupFieldId: 'id',
    embed: [],
    operations: {
      list: { ...open, defaultPageSize: 20, maxPageSize: 100, filters: [], sortable: [] },
      get: open,
      create: open,
      update: open,
      delete: open,
    },
  };
}

describe('loadDesign', () => {
  it('loads a current design unchanged', () => {
    const design = templates.blog();
    expect(loadDesign(JSON.parse(JSON.stringify(design)))).toEqual({ ok: true, design });
  });

  it('accepts JSON text', () => {
    const result = loadDesign(JSON.stringify(emptyDesign('Text')));
    expect(result.ok && result.design.name).toBe('Text');
  });

  it('upgrades v0 (positions inside entities) to the current version', () => {
    const result = loadDesign(v0);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.design.formatVersion).toBe(FORMAT_VERSION);
    expect(result.design.layout.nodes).toEqual({ e1: { x: 10, y: 20, collapsed: true }, n1: { x: 5, y: 6 } });
    expect(result.design.entities[0]).not.toHaveProperty('position');
    expect(result.design.entities[0]).not.toHaveProperty('collapsed');
    expect(result.design.customEndpoints).toEqual([]);
    expect(result.design.auth).toBeNull();
  });

  it('treats an explicit formatVersion 0 like a missing one', () => {
    expect(loadDesign({ ...v0, formatVersion: 0 }).ok).toBe(true);
  });

  it('has an upgrader for every older version', () => {
    for (let v = 0; v < FORMAT_VERSION; v++) expect(UPGRADERS[v]).toBeTypeOf('function');
  });

  it('reports readable paths for bad files, first problems first', () => {
    const design = templates.blog();
    const bad = JSON.parse(JSON.stringify(design));
    bad.entities[2].fields[0].type = 'varchar';
    bad.entities[3].primaryKey = 'serial';
    const result = loadDesign(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual([
      'entities[2].fields[0].type',
      'entities[3].primaryKey',
    ]);
    expect(result.issues[0]?.message).toMatch(/string/);
  });

  it('formats record keys in paths', () => {
    const bad = { ...emptyDesign('x'), layout: { nodes: { 'a b': { x: 'no', y: 1 } } } };
    const result = loadDesign(bad);
    expect(!result.ok && result.issues[0]?.path).toBe('layout.nodes["a b"].x');
  });

  it.each([
    [null, ''],
    [[1, 2], ''],
    ['{not json', ''],
    [{ ...emptyDesign('x'), formatVersion: 99 }, 'formatVersion'],
    [{ ...emptyDesign('x'), formatVersion: 'one' }, 'formatVersion'],
    [{ ...emptyDesign('x'), formatVersion: 1.5 }, 'formatVersion'],
  ])('rejects %j at path "%s"', (input, path) => {
    const result = loadDesign(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]?.path).toBe(path);
      expect(result.issues[0]?.message.length).toBeGreaterThan(10);
    }
  });

  it('explains a newer format', () => {
    const result = upgradeDocument({ formatVersion: FORMAT_VERSION + 1 });
    expect(!result.ok && result.message).toMatch(/newer Fastdraft/);
  });

  it('emptyDesign is valid and empty', () => {
    const result = loadDesign(emptyDesign('New'));
    expect(result).toEqual({ ok: true, design: emptyDesign('New') });
  });
});

describe('format 1 -> 2', () => {
  it('hides the login field and limits user writes to the user themself', () => {
    const current = templates.todo();
    const v1 = structuredClone(current) as unknown as Record<string, unknown> & typeof current;
    v1.formatVersion = 1 as never;
    for (const e of v1.entities) for (const f of e.fields) delete (f as { visibility?: string }).visibility;
    const user = v1.entities.find((e) => e.id === 'e_user');
    if (!user) throw new Error('no user');
    user.resource.operations.update.access = { kind: 'authenticated' };
    user.resource.operations.delete = { enabled: true, access: { kind: 'public' } };
    const loaded = loadDesign(v1);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const upgraded = loaded.design.entities.find((e) => e.id === 'e_user');
    expect(upgraded?.fields.map((f) => [f.name, f.visibility])).toEqual([
      ['email', 'owner'],
      ['password', 'public'],
    ]);
    expect(upgraded?.resource.operations.update.access).toEqual({ kind: 'owner' });
    expect(upgraded?.resource.operations.delete.access).toEqual({ kind: 'owner' });
    const list = loaded.design.entities.find((e) => e.id === 'e_todo_list');
    expect(list?.fields.every((f) => f.visibility === 'public')).toBe(true);
  });
});

function withoutActions(design: Design): Design {
  return {
    ...design,
    entities: design.entities.map((e) => {
      const { actions: _actions, ...resource } = e.resource;
      return { ...e, resource };
    }),
  };
}

describe('format 2 -> 3', () => {
  it('writes out the one shape every v2 design had, so old designs load as the templates do today', () => {
    for (const make of [templates.todo, templates.blog, templates.shop]) {
      // v2 had no behaviour blocks (format 4): the templates without their actions (the blog's publish).
      const current = withoutActions(make());
      const { api: _api, ...rest } = structuredClone(current);
      const v2 = { ...rest, formatVersion: 2, auth: rest.auth && { ...rest.auth, api: undefined } };
      if (v2.auth) delete (v2.auth as { api?: unknown }).api;
      const loaded = loadDesign(v2);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
      expect(loaded.design).toEqual(current);
    }
  });

  it('keeps a design without auth without auth', () => {
    const { api: _api, ...v2 } = { ...emptyDesign('x'), formatVersion: 2 };
    const loaded = loadDesign(v2);
    expect(loaded.ok && loaded.design).toEqual(emptyDesign('x'));
  });
});

describe('format 3 -> 4', () => {
  it('loads a v3 design unchanged apart from its version (behaviour blocks are all optional)', () => {
    const current = templates.todo();
    const loaded = loadDesign({ ...structuredClone(current), formatVersion: 3 });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    expect(loaded.design).toEqual(current);
  });
});
