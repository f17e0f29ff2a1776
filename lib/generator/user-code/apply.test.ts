import { describe, expect, it } from 'vitest';
import type { Design } from '@/lib/design/schema';
import { templates } from '@/lib/design/templates';
import { checkProject } from '../checks';
import { type GenerateResult, generateProject, userScaffolds } from '../generate';
import { USER_CODE_LIMITS } from './paths';
import type { UserCode } from './types';

type Ok = Extract<GenerateResult, { ok: true }>;

function generate(design: Design, userCode?: UserCode): Ok {
  const result = generateProject(design, userCode ? { userCode } : {});
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

/**
 * The blog with a hand-written publish endpoint (the template's own publish is a declarative action now): the
 * handler these tests write into.
 */
function blog(): Design {
  const design = templates.blog();
  design.customEndpoints.push({
    id: 'c_post_publish',
    entityId: 'e_post',
    method: 'POST',
    path: '/{slug}/go',
    summary: 'Publish a post now',
    access: { kind: 'owner' },
    response: { entityId: 'e_post', list: false },
  });
  return design;
}

const PUBLISH = 'app/handlers/post_posts_slug_go.py';
const ME = 'app/handlers/get_me.py';

function scaffoldsOf(design: Design): Record<string, string> {
  const scaffolds = userScaffolds(design);
  if (!scaffolds) throw new Error('design has problems');
  return scaffolds;
}

/** The scaffold with its 501 replaced by a body, as a user writes it. */
function written(scaffold: string, body: string): string {
  const out = scaffold.replace(/ {4}raise HTTPException\(\n[\s\S]*?\n {4}\)\n/, body);
  if (out === scaffold) throw new Error('no 501 in the scaffold');
  return out;
}

const BODY = '    post = await load_post(session, slug, current_user)\n    return post\n';

/** The blog with a path parameter added to the publish endpoint (its handler is renamed with it). */
function withChannel(): Design {
  const design = blog();
  const publish = design.customEndpoints.find((e) => e.id === 'c_post_publish');
  if (!publish) throw new Error('no publish endpoint');
  publish.path = '/{slug}/go/{channel}';
  return design;
}

/** The blog whose publish endpoint answers nothing (204): the return annotation and an import change. */
function withoutResponse(): Design {
  const design = blog();
  const publish = design.customEndpoints.find((e) => e.id === 'c_post_publish');
  if (!publish) throw new Error('no publish endpoint');
  delete publish.response;
  return design;
}

describe('generateProject with user code', () => {
  it('without user code: every handler is its scaffold, owned by the user, and the state stays empty', () => {
    const result = generate(blog());
    const scaffolds = scaffoldsOf(blog());
    expect(result.files[PUBLISH]).toBe(scaffolds[PUBLISH]);
    expect(result.files[PUBLISH]).toContain('status_code=501');
    expect(result.owners[PUBLISH]).toBe('user');
    expect(result.owners['app/handlers/__init__.py']).toBe('generator');
    expect(result.owners['app/api/routes/custom.py']).toBe('generator');
    // Hooks are offered, not written: no file, no call.
    expect(scaffolds['app/hooks/post.py']).toContain('async def before_create(');
    expect(result.files['app/hooks/post.py']).toBeUndefined();
    expect(result.files['app/api/routes/posts.py']).not.toContain('hooks');
    expect(result.userCode).toEqual({ files: {} });
    expect(result).toMatchObject({ orphaned: [], renamed: [], userCodeProblems: [], blocked: false });
    expect(Object.keys(result.owners)).toEqual(Object.keys(result.files));
  });

  it('scaffolds a typed signature: session, parameters, the caller or the optional viewer, the answer', () => {
    const design = blog();
    design.customEndpoints.push({
      id: 'c_feed',
      method: 'GET',
      path: '/feed',
      summary: 'The feed',
      access: { kind: 'public', viewer: true },
      response: { entityId: 'e_post', list: true },
    });
    const scaffolds = scaffoldsOf(design);
    expect(scaffolds['app/handlers/get_feed.py']).toContain(
      'async def handle(\n    session: AsyncSession,\n    current_user: User | None,\n) -> list[PostDetail]:',
    );
    expect(scaffolds[PUBLISH]).toContain(
      'async def handle(\n    session: AsyncSession,\n    slug: SafeStr,\n    current_user: User,\n) -> PostDetail:',
    );
    expect(scaffolds[PUBLISH]).toContain('status_code=501');
    const routes = generate(design).files['app/api/routes/custom.py'] as string;
    expect(routes).toContain('current_user: ViewerUser,');
    expect(routes).toContain(
      'return await get_feed_handler.handle(session=session, current_user=current_user)',
    );
  });

  it('an unchanged stored file becomes the new scaffold and leaves the state', () => {
    const old = scaffoldsOf(blog())[PUBLISH] as string;
    const result = generate(withoutResponse(), { files: { [PUBLISH]: { content: old, base: old } } });
    const fresh = scaffoldsOf(withoutResponse())[PUBLISH] as string;
    expect(fresh).not.toBe(old);
    expect(result.files[PUBLISH]).toBe(fresh);
    expect(result.userCode.files[PUBLISH]).toBeUndefined();
  });

  it('merges a signature change into a written handler silently and stores the new base', () => {
    const old = scaffoldsOf(blog())[PUBLISH] as string;
    const mine = written(old, BODY);
    const result = generate(withoutResponse(), { files: { [PUBLISH]: { content: mine, base: old } } });
    const merged = result.files[PUBLISH] as string;
    expect(merged).toContain(BODY);
    expect(merged).toContain(') -> None:');
    expect(merged).not.toContain('PostDetail');
    expect(result.userCodeProblems).toEqual([]);
    expect(result.blocked).toBe(false);
    expect(result.userCode.files[PUBLISH]).toEqual({
      content: merged,
      base: scaffoldsOf(withoutResponse())[PUBLISH],
    });
    // A written handler has no "answers 501" test any more.
    expect(result.files['tests/test_custom.py']).not.toContain(
      'test_post_posts_slug_publish_not_implemented',
    );
    expect(result.files['tests/test_custom.py']).toContain('test_get_me_not_implemented');
  });

  it('follows an endpoint whose path changed: the file moves with it and gains the new parameter', () => {
    const old = scaffoldsOf(blog())[PUBLISH] as string;
    const mine = written(old, BODY);
    const result = generate(withChannel(), { files: { [PUBLISH]: { content: mine, base: old } } });
    const moved = 'app/handlers/post_posts_slug_go_channel.py';
    expect(result.renamed).toEqual([{ from: PUBLISH, to: moved }]);
    expect(result.files[PUBLISH]).toBeUndefined();
    expect(result.files[moved]).toContain(BODY);
    expect(result.files[moved]).toContain('    channel: str,\n');
    expect(Object.keys(result.userCode.files)).toEqual([moved]);
    expect(result.orphaned).toEqual([]);
    expect(result.userCodeProblems).toEqual([]);
    expect(result.files['app/api/routes/custom.py']).toContain('post_posts_slug_go_channel_handler.handle(');
  });

  it('follows an entity whose name changed: its hooks file moves with it and stays called', () => {
    const old = scaffoldsOf(blog())['app/hooks/post.py'] as string;
    const mine = old.replace(
      '    """Before a new row is stored: set or check fields of `row`."""\n',
      '    """Before a new row is stored: set or check fields of `row`."""\n    row.title = row.title.strip()\n',
    );
    expect(mine).not.toBe(old);
    const design = blog();
    const post = design.entities.find((e) => e.id === 'e_post');
    if (!post) throw new Error('no post');
    post.name = 'Article';
    const result = generate(design, { files: { 'app/hooks/post.py': { content: mine, base: old } } });
    expect(result.renamed).toEqual([{ from: 'app/hooks/post.py', to: 'app/hooks/article.py' }]);
    const moved = result.files['app/hooks/article.py'] as string;
    expect(moved).toContain('    row.title = row.title.strip()\n');
    expect(moved).toContain('row: Article,');
    expect(moved).not.toContain('Post');
    expect(result.userCodeProblems).toEqual([]);
    expect(result.files['app/api/routes/articles.py']).toContain('await article_hooks.before_create(');
  });

  it('keeps both sides of a conflict with markers, lists it with its line and blocks the preview', () => {
    const old = scaffoldsOf(blog())[PUBLISH] as string;
    const mine = written(old, BODY).replace(') -> PostDetail:', ') -> PostDetail:  # the full view');
    const result = generate(withoutResponse(), { files: { [PUBLISH]: { content: mine, base: old } } });
    const merged = result.files[PUBLISH] as string;
    const lines = merged.split('\n');
    const start = lines.indexOf('<<<<<<< yours');
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start, start + 5)).toEqual([
      '<<<<<<< yours',
      ') -> PostDetail:  # the full view',
      '=======',
      ') -> None:',
      '>>>>>>> generated',
    ]);
    expect(result.userCodeProblems).toEqual([
      {
        code: 'merge-conflict',
        path: PUBLISH,
        line: start + 1,
        message: expect.stringContaining('Merge conflict'),
      },
    ]);
    expect(result.blocked).toBe(true);
    // The state holds the markers until the user resolves them; they stay a problem on every generation.
    expect(result.userCode.files[PUBLISH]?.content).toBe(merged);
    const again = generate(withoutResponse(), result.userCode);
    expect(again.files[PUBLISH]).toBe(merged);
    expect(again.blocked).toBe(true);
    // Resolved: no problem, nothing blocked.
    const resolved = merged.replace(/<<<<<<< yours\n.*\n=======\n(.*)\n>>>>>>> generated\n/, '$1\n');
    const fixed = generate(withoutResponse(), {
      files: { [PUBLISH]: { content: resolved, base: result.userCode.files[PUBLISH]?.base as string } },
    });
    expect(fixed).toMatchObject({ userCodeProblems: [], blocked: false });
    expect(fixed.files[PUBLISH]).toBe(resolved);
  });

  it('keeps files the user created as they are, in the project, each folder a package', () => {
    const test = 'def test_nothing() -> None:\n    assert 1 + 1 == 2\n';
    const helper = 'def slugify(text: str) -> str:\n    return text.lower()\n';
    const result = generate(blog(), {
      files: {
        'tests/custom/test_extra.py': { content: test, base: '' },
        'app/handlers/text.py': { content: helper, base: '' },
      },
    });
    expect(result.files['tests/custom/test_extra.py']).toBe(test);
    expect(result.files['app/handlers/text.py']).toBe(helper);
    expect(result.owners['tests/custom/test_extra.py']).toBe('user');
    expect(result.owners['tests/custom/__init__.py']).toBe('generator');
    expect(result.userCode.files['tests/custom/test_extra.py']).toEqual({ content: test, base: '' });
  });

  it('lists a written file whose endpoint is gone as orphaned: kept in the state, out of the project', () => {
    const old = scaffoldsOf(blog())[ME] as string;
    const mine = written(old, '    return UserRead.model_validate(current_user)\n');
    const design = blog();
    design.customEndpoints = design.customEndpoints.filter((e) => e.id !== 'c_me');
    const result = generate(design, {
      files: { [ME]: { content: mine, base: old }, [PUBLISH]: { content: 'x', base: 'x' } },
    });
    expect(result.orphaned).toEqual([ME]);
    expect(result.files[ME]).toBeUndefined();
    expect(result.files['app/api/routes/custom.py']).not.toContain('get_me');
    expect(result.userCode.files[ME]).toEqual({ content: mine, base: old });
  });

  it('drops a stored copy of a removed scaffold the user never changed', () => {
    const old = scaffoldsOf(blog())[ME] as string;
    const design = blog();
    design.customEndpoints = design.customEndpoints.filter((e) => e.id !== 'c_me');
    const result = generate(design, { files: { [ME]: { content: old, base: old } } });
    expect(result.orphaned).toEqual([]);
    expect(result.userCode).toEqual({ files: {} });
  });

  it('calls the hooks a user hooks file defines, and only those', () => {
    const hooks = [
      'async def before_create(session, row, current_user) -> None:',
      '    row.title = row.title.strip()',
      '',
      '',
      '# async def after_create(session, row, current_user) -> None:',
      'async def after_delete(session, row, current_user) -> None:',
      '    pass',
      '',
    ].join('\n');
    const result = generate(blog(), {
      files: { 'app/hooks/post.py': { content: hooks, base: '' } },
    });
    const routes = result.files['app/api/routes/posts.py'] as string;
    expect(routes).toContain('from app.hooks import post as post_hooks');
    expect(routes).toContain(
      'await post_hooks.before_create(session=session, row=row, current_user=current_user)',
    );
    expect(routes).toContain(
      'await post_hooks.after_delete(session=session, row=row, current_user=current_user)',
    );
    expect(routes).not.toContain('after_create');
    expect(routes.indexOf('before_create')).toBeLessThan(routes.indexOf('session.add(row)'));
    // Other entities are untouched.
    expect(result.files['app/api/routes/comments.py']).toBe(
      generate(blog()).files['app/api/routes/comments.py'],
    );
    expect(result.owners['app/hooks/__init__.py']).toBe('generator');
  });

  it('refuses hostile paths and oversized files with clear problems, never replacing a generated file', () => {
    const plain = generate(blog());
    const hostile: UserCode = { files: {} };
    const put = (path: string, content = 'x = 1\n', base = '') =>
      Object.defineProperty(hostile.files, path, { value: { content, base }, enumerable: true });
    for (const path of [
      '../evil.py',
      '/etc/passwd',
      'app/handlers/../../main.py',
      'app\\handlers\\x.py',
      'app/main.py',
      'app/handlers/__init__.py',
      'app/handlers/deep/x.py',
      'app/handlers/x.txt',
      '__proto__',
      'constructor',
      `app/handlers/${'a'.repeat(200)}.py`,
    ])
      put(path);
    put('app/hooks/big.py', 'x'.repeat(USER_CODE_LIMITS.fileBytes + 1));
    put('app/hooks/nul.py', 'x = 1\0\n');
    put('app/hooks/long_base.py', 'x = 1\n', 'x\n'.repeat(USER_CODE_LIMITS.baseLines + 1));
    const result = generate(blog(), hostile);
    const refused = result.userCodeProblems.filter((p) => p.code === 'user-file-refused').map((p) => p.path);
    expect(refused.sort()).toEqual(Object.keys(hostile.files).sort());
    for (const p of result.userCodeProblems) expect(p.message.length).toBeGreaterThan(10);
    expect(result.userCodeProblems.find((p) => p.path === 'app/main.py')?.message).toMatch(/directly under/);
    expect(result.userCodeProblems.find((p) => p.path === 'app/handlers/__init__.py')?.message).toMatch(
      /written by the generator/,
    );
    // The project is exactly the one without user code; the refused files stay in the state, untouched.
    expect(result.files).toEqual(plain.files);
    expect(result.owners['app/main.py']).toBe('generator');
    expect(Object.keys(result.userCode.files).sort()).toEqual(Object.keys(hostile.files).sort());
    expect(Object.getPrototypeOf(result.userCode.files)).toBe(Object.prototype);
    expect(result.blocked).toBe(false);
  });

  it('refuses stored entries that are not files without failing', () => {
    const files = {
      'tests/custom/test_a.py': null,
      'tests/custom/test_b.py': { content: 1, base: '' },
      'tests/custom/test_c.py': 'text',
    } as unknown as UserCode['files'];
    const result = generate(templates.todo(), { files });
    expect(result.userCodeProblems.map((p) => p.path)).toEqual(Object.keys(files));
    expect(result.userCode).toEqual({ files: {} });
  });

  it('refuses files beyond the count limit', () => {
    const files: UserCode['files'] = {};
    for (let i = 0; i <= USER_CODE_LIMITS.files; i++)
      files[`tests/custom/test_${String(i).padStart(3, '0')}.py`] = { content: '', base: '' };
    const result = generate(templates.todo(), { files });
    expect(result.userCodeProblems).toEqual([
      {
        code: 'user-file-refused',
        path: `tests/custom/test_${USER_CODE_LIMITS.files}.py`,
        line: 1,
        message: `At most ${USER_CODE_LIMITS.files} user files`,
      },
    ]);
  });

  it('keeps handler paths short for a long route, and a stored file there is merged like any other', () => {
    const design = blog();
    const me = design.customEndpoints.find((e) => e.id === 'c_me');
    if (!me) throw new Error('no /me');
    me.path = `/${'very-long-segment/'.repeat(25)}me`;
    const [path, scaffold] =
      Object.entries(scaffoldsOf(design)).find(([, text]) => text.includes('very-long')) ?? [];
    if (!path || !scaffold) throw new Error('no scaffold for the long route');
    expect(path.length).toBeLessThanOrEqual(USER_CODE_LIMITS.pathLength);
    expect(path).toMatch(/^app\/handlers\/get_very_long_segment_[a-z0-9_]+_[0-9a-f]{8}\.py$/);
    const mine = written(scaffold, '    return UserRead.model_validate(current_user)\n');
    const result = generate(design, { files: { [path]: { content: mine, base: scaffold } } });
    expect(result.userCodeProblems).toEqual([]);
    expect(result.files[path]).toBe(mine);
  });

  it('checks user files with ruff and tree-sitter, findings on their lines', async () => {
    const old = scaffoldsOf(blog())[ME] as string;
    const mine = written(old, '    return missing_name\n');
    const result = generate(blog(), { files: { [ME]: { content: mine, base: old } } });
    const line = mine.split('\n').indexOf('    return missing_name') + 1;
    const findings = await checkProject(result.files);
    expect(findings).toContainEqual(
      expect.objectContaining({ file: ME, line, rule: 'F821', severity: 'error' }),
    );
  });
});
