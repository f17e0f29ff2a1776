/** The assistant's draft generations and checks run in the worker pool: the main thread's generator throws here. */
import { describe, expect, it, vi } from 'vitest';

const onMainThread = (name: string) => () => {
  throw new Error(`${name} ran on the main thread`);
};
vi.mock('@/lib/generator', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/generator')>()),
  generateProject: onMainThread('generateProject'),
  checkProject: onMainThread('checkProject'),
}));

const { templates } = await import('@/lib/design');
const { activeJobs } = await import('@/lib/jobs/pool');
const { draftChecks } = await import('./tools');

describe('assistant draft checks', () => {
  it('generate and check in the pool, once per draft, counted against the person asking', async () => {
    const checks = draftChecks({ owner: 'draft-checks-user' });
    const design = templates.todo();
    const files = checks.files(design);
    expect(activeJobs('draft-checks-user')).toBe(1);
    const generated = await files;
    expect(generated.ok && Object.keys(generated.files)).toContain('app/main.py');
    const report = await checks.report(design);
    expect(report).toMatchObject({ ok: true, problems: [] });
    expect(checks.files(design)).toBe(files);
    expect(activeJobs('draft-checks-user')).toBe(0);
  }, 120_000);

  it("reports a draft's problems from the worker", async () => {
    const design = templates.todo();
    design.entities[0]!.name = 'class';
    const report = await draftChecks({ owner: 'draft-checks-user' }).report(design);
    expect(report.ok).toBe(false);
    expect(report.problems.length).toBeGreaterThan(0);
  }, 120_000);
});
