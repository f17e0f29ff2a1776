/**
 * The worker pool end to end: the bundled worker (built on demand from lib/jobs/worker.ts) generates, checks
 * and exports in worker threads; admission per person; refusals; the event loop stays free meanwhile.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { designJob, generateResponse } from '@/lib/api/generate';
import { templates } from '@/lib/design';
import { syntheticDesign } from '@/lib/design/testing/synthetic';
import { activeJobs, JOBS_PER_PERSON } from './pool';

const job = (posted: unknown, owner = 'alice') => ({ workspaceId: 'w1', stored: undefined, posted, owner });

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as { status?: number; code?: string; extra?: Record<string, unknown> },
  );

describe('the job pool', () => {
  it('generates, checks and exports a design in a worker thread', async () => {
    const response = await generateResponse(job(templates.blog()));
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = await response.json();
    expect(body.ok).toBe(true);
    expect(body.diagnostics).toEqual([]);
    expect(body.files['app/main.py']).toContain('FastAPI');

    const zipped = await designJob('exportZip', job(templates.blog()));
    expect(zipped.ok && zipped.name).toBe('blog.zip');
    expect(zipped.ok && zipped.bytes.byteLength).toBeGreaterThan(1000);
    expect(activeJobs('alice')).toBe(0);
  });

  it('merges the user code it is given and says who owns each file', async () => {
    const test = 'def test_one() -> None:\n    assert True\n';
    const handler = 'app/handlers/get_me.py';
    const conflicted = '<<<<<<< yours\nx = 1\n=======\nx = 2\n>>>>>>> generated\n';
    const response = await generateResponse({
      ...job(templates.blog()),
      userCode: {
        files: {
          'tests/custom/test_one.py': { content: test, base: '' },
          [handler]: { content: conflicted, base: '' },
        },
      },
    });
    const body = await response.json();
    expect(body.files['tests/custom/test_one.py']).toBe(test);
    expect(body.owners).toMatchObject({
      'tests/custom/test_one.py': 'user',
      [handler]: 'user',
      'app/main.py': 'generator',
    });
    expect(body.userCodeProblems).toEqual([
      expect.objectContaining({ code: 'merge-conflict', path: handler, line: 1 }),
    ]);
    expect(body.blocked).toBe(true);
    // The conflicted file's lines are checked like any other.
    expect(body.diagnostics.some((d: { file: string }) => d.file === handler)).toBe(true);
  });

  it('refuses a deep value (422 with its path) and then generates as before', async () => {
    const design = templates.todo();
    let deep: unknown = 1;
    for (let i = 0; i < 5_000; i++) deep = [deep];
    (design.entities[0]?.fields[0] as { example?: unknown }).example = deep;
    const refused = await rejection(designJob('generate', job(design)));
    expect(refused).toMatchObject({ status: 422, issues: [{ path: 'entities[0].fields[0].example' }] });
    const body = await (await generateResponse(job(templates.todo()))).json();
    expect(body.ok).toBe(true);
  });

  it('answers 413 for a design past the document size', async () => {
    const design = templates.todo();
    (design.entities[0] as { description: string }).description = 'x'.repeat(5 * 2 ** 20);
    expect(await rejection(designJob('generate', job(design)))).toMatchObject({ status: 413 });
  });

  it(`runs at most ${JOBS_PER_PERSON} jobs per person (429 with Retry-After), others are still admitted`, async () => {
    const big = syntheticDesign(150);
    const running = [designJob('files', job(big)), designJob('files', job(big))];
    const third = await rejection(designJob('files', job(big)));
    expect(third).toMatchObject({ status: 429, code: 'rate_limited', extra: { retryAfterSeconds: 5 } });
    const bob = designJob('files', job(templates.todo(), 'bob'));
    for (const result of await Promise.all([...running, bob])) expect(result.ok).toBe(true);
    expect(activeJobs('alice')).toBe(0);
  });

  it('keeps the event loop free while a 1,000-entity design generates', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const body = await (await generateResponse(job(syntheticDesign(1_000)))).json();
    delay.disable();
    expect(body.ok).toBe(true);
    expect(Object.keys(body.files).length).toBeGreaterThan(3_000);
    // On the main thread this blocked for ~30 s; what is left is parsing the response in this test.
    expect(delay.max / 1e6).toBeLessThan(1_000);
  }, 180_000);
});
