import { describe, expect, it } from 'vitest';
import type { CustomQueryParam, Design } from '@/lib/design/schema';
import { templates } from '@/lib/design/templates';
import { checkProject } from '../checks';
import { type GenerateResult, generateProject, userScaffolds } from '../generate';
import { openApiFor } from '../openapi/document';
import type { UserCode } from './types';

type Ok = Extract<GenerateResult, { ok: true }>;

function generate(design: Design, userCode?: UserCode): Ok {
  const result = generateProject(design, userCode ? { userCode } : {});
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

/** The blog with a hand-written publish endpoint, optionally taking query parameters. */
function blog(query?: CustomQueryParam[], naming: 'snake_case' | 'camelCase' = 'snake_case'): Design {
  const design = templates.blog();
  design.api.naming = naming;
  design.customEndpoints.push({
    id: 'c_post_publish',
    entityId: 'e_post',
    method: 'POST',
    path: '/{slug}/go',
    summary: 'Publish a post now',
    access: { kind: 'owner' },
    response: { entityId: 'e_post', list: false },
    ...(query ? { query } : {}),
  });
  return design;
}

const PUBLISH = 'app/handlers/post_posts_slug_go.py';
const BODY = '    post = await load_post(session, slug, current_user)\n    return post\n';

function scaffoldOf(design: Design): string {
  const scaffold = userScaffolds(design)?.[PUBLISH];
  if (!scaffold) throw new Error('no scaffold');
  return scaffold;
}

/** The scaffold with its 501 replaced by a body, as a user writes it. */
function written(scaffold: string): string {
  const out = scaffold.replace(/ {4}raise HTTPException\(\n[\s\S]*?\n {4}\)\n/, BODY);
  if (out === scaffold) throw new Error('no 501 in the scaffold');
  return out;
}

const NOTIFY: CustomQueryParam = { name: 'notify_followers', type: 'boolean', required: false };

describe('query parameters of a written handler', () => {
  it('a query parameter added in the design merges cleanly: the body stays, the signature gains it', () => {
    const old = scaffoldOf(blog());
    const mine = written(old);
    const next = blog([NOTIFY, { name: 'at', type: 'datetime', required: true }]);
    const result = generate(next, { files: { [PUBLISH]: { content: mine, base: old } } });
    const merged = result.files[PUBLISH] as string;
    expect(result.userCodeProblems).toEqual([]);
    expect(result.blocked).toBe(false);
    expect(merged).toContain(BODY);
    expect(merged).toContain(
      '    slug: SafeStr,\n    notify_followers: bool | None,\n    at: dt.datetime,\n    current_user: User,\n',
    );
    expect(merged).toContain('import datetime as dt\n');
    expect(merged).not.toContain('status_code=501');
    expect(result.userCode.files[PUBLISH]).toEqual({ content: merged, base: scaffoldOf(next) });
    // The route reads them from the query and passes them on.
    const routes = result.files['app/api/routes/custom.py'] as string;
    expect(routes).toContain('notify_followers: Annotated[bool | None, Query()] = None,');
    expect(routes).toContain('at: Annotated[dt.datetime, Query()],');
    expect(routes).toMatch(
      /handle\(\s+session=session,\s+slug=slug,\s+notify_followers=notify_followers,\s+at=at,/,
    );
  });

  it('in camelCase the URL name is an alias and OpenAPI lists it', () => {
    const design = blog(
      [NOTIFY, { name: 'limit_to', type: 'integer', required: true, description: 'At most' }],
      'camelCase',
    );
    const result = generate(design);
    const routes = result.files['app/api/routes/custom.py'] as string;
    expect(routes).toContain(
      'notify_followers: Annotated[bool | None, Query(alias="notifyFollowers")] = None,',
    );
    expect(routes).toContain('limit_to: Annotated[Int64, Query(alias="limitTo", description="At most")],');
    type Param = { name: string; in: string; required: boolean };
    const doc = openApiFor(design) as { paths: Record<string, { post: { parameters: Param[] } }> };
    const params = doc.paths['/posts/{slug}/go']?.post.parameters ?? [];
    expect(params.map((p) => [p.name, p.in, p.required])).toEqual([
      ['slug', 'path', true],
      ['notifyFollowers', 'query', false],
      ['limitTo', 'query', true],
    ]);
    expect(params[2]).toMatchObject({ description: 'At most', schema: { type: 'integer' } });
    // The 501 test sends the required one, so the request reaches the stub.
    expect(result.files['tests/test_custom.py']).toContain('/go?limitTo=1');
  });

  it('a removed query parameter leaves a written handler cleanly too, and the project passes ruff', async () => {
    const old = scaffoldOf(blog([NOTIFY]));
    const mine = written(old);
    const result = generate(blog(), { files: { [PUBLISH]: { content: mine, base: old } } });
    const merged = result.files[PUBLISH] as string;
    expect(result.userCodeProblems).toEqual([]);
    expect(merged).toContain(BODY);
    expect(merged).not.toContain('notify_followers');
    const findings = await checkProject(generate(blog([NOTIFY])).files);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
