/**
 * The warm-up's pieces in the real pool (lib/jobs/warm.ts): a person's jobs go before the pieces still to come,
 * and the warm-up still runs every piece of every chain and warms the helper threads.
 */
import { describe, expect, it } from 'vitest';
import { templates } from '@/lib/design';
import { helperStats } from './helpers';
import { activeJobs, runJob } from './pool';
import type { JobName } from './types';
import { warmThreads } from './warm';

const until = async (ready: () => boolean) => {
  while (!ready()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('warmThreads', () => {
  // First: the threads' content caches do not know the design's files yet, so its checks have work to lend.
  it('runs every chain to its end and warms the helper threads', async () => {
    const posted = helperStats().posted;
    const pieces: JobName[] = [];
    const count = await warmThreads(templates.todo(), { threads: 2, onPiece: (name) => pieces.push(name) });
    expect(count).toBe(pieces.length);
    // Two chains of the same pieces, each with its own owner (a person may have only two jobs at once).
    expect(pieces.filter((name) => name === 'validate')).toHaveLength(2);
    expect(pieces.filter((name) => name === 'generate')).toHaveLength(2);
    expect(pieces.filter((name) => name === 'check').length).toBeGreaterThanOrEqual(4);
    expect(helperStats().posted).toBeGreaterThan(posted);
    expect(activeJobs('warm-up:0') + activeJobs('warm-up:1')).toBe(0);
  }, 120_000);

  it("runs a person's jobs in a row before the warm-up's pieces still to come", async () => {
    const pieces: JobName[] = [];
    let warmed = false;
    const warming = warmThreads(templates.todo(), { threads: 1, onPiece: (name) => pieces.push(name) }).then(
      (count) => {
        warmed = true;
        return count;
      },
    );
    // The first piece holds the thread; the person's jobs are posted behind it, as a preview posts its steps.
    await until(() => activeJobs('warm-up:0') === 1);
    const design = templates.blog();
    const job = { owner: 'alice' };
    const validated = await runJob('validate', { design }, job);
    const during: number[] = [pieces.length];
    const generated = await runJob('files', { design }, job);
    during.push(pieces.length);
    const schema = await runJob('carrySchema', { design }, job);
    during.push(pieces.length);
    if ('refused' in generated || !generated.ok) throw new Error('blog did not generate');
    const diagnostics = await runJob('check', { files: generated.files }, job);
    during.push(pieces.length);
    expect(validated).toEqual({ problems: [] });
    expect('tables' in schema && schema.tables.length).toBeGreaterThan(0);
    expect(diagnostics).toEqual([]);
    // At most the piece that was running when the person came; none slipped in between their jobs.
    expect(during[0]).toBeLessThanOrEqual(1);
    expect(new Set(during).size).toBe(1);
    expect(warmed).toBe(false);
    // Then the warm-up goes on to its end: every piece, the whole generate path last.
    const count = await warming;
    expect(count).toBe(pieces.length);
    expect(pieces.slice(0, 3)).toEqual(['validate', 'check', 'files']);
    expect(pieces.at(-1)).toBe('generate');
  }, 120_000);
});
