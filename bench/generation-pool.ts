import { execFileSync } from 'node:child_process';
import { register } from 'node:module';
import type { Design } from '@/lib/design/schema';
import { syntheticDesign } from '@/lib/design/testing/synthetic';
import { percentile } from './app-server';
import { oneFieldChange } from './generation';

// lib/jobs/pool.ts is a server module (`import 'server-only'`, which throws outside React's server build).
register('./server-only-hook.mjs', import.meta.url);

/** A design no earlier run generated: every entity renamed, so (nearly) every file's text is new to the caches. */
function freshDesign(entities: number, run: number): Design {
  const design = syntheticDesign(entities);
  return {
    ...design,
    name: `${design.name} run ${run}`,
    entities: design.entities.map((e) => ({ ...e, name: `${e.name}R${run}` })),
  };
}

type PoolTiming = { filesMs: number; checkMs: number; totalMs: number; cpuMs: number };

/** CPU time of this process, every thread included (less sensitive to a loaded machine than wall time). */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Generation through the path the generate route takes: `generateResponse` (lib/api/generate.ts) posts a
 * `generate` job to the worker pool (lib/jobs), which loads, renders, formats, checks and serializes in a
 * worker thread; the response is read back as JSON. Breakdown: a `files` job on the same design (load, IR,
 * emit, ruff format; no checks) run just before on a copy renamed the same way, so it is as cold; `checkMs`
 * is the difference.
 * - `first`: the first generation of the pool's fresh threads (WASM not yet tiered up).
 * - `cold`: a design the threads never generated (renamed entities), after a warm-up.
 * - `coldWithoutHelpers`: the same with `FASTDRAFT_CHECK_HELPERS=0` (one thread checks), interleaved with `cold`.
 * - `warm`: a one-field change of the design generated just before (the IDE's regeneration after an edit).
 */
export async function poolGenerationBenchmark(entities: number) {
  const { generateResponse, designJob } = await import('@/lib/api/generate');
  const job = (posted: Design, owner = 'bench') => ({
    workspaceId: 'bench',
    stored: undefined,
    posted,
    owner,
  });
  const generate = async (design: Design) => {
    const started = performance.now();
    const cpu = cpuMs();
    const body = await (await generateResponse(job(design))).json();
    const ms = performance.now() - started;
    const cpuSpent = cpuMs() - cpu;
    if (!body.ok) throw new Error(`synthetic design has problems: ${JSON.stringify(body.problems[0])}`);
    if (body.diagnostics.length)
      throw new Error(
        `${body.diagnostics.length} diagnostics, first: ${JSON.stringify(body.diagnostics[0])}`,
      );
    return { ms, cpuMs: cpuSpent, files: Object.keys(body.files).length };
  };
  const filesOnly = async (design: Design) => {
    const started = performance.now();
    const result = await designJob('files', job(design));
    if (!result.ok) throw new Error('synthetic design has problems');
    return performance.now() - started;
  };

  // The worker bundle is built before timing (the pool builds it on demand when its sources changed).
  execFileSync(process.execPath, ['scripts/build-workers.mjs'], { stdio: 'ignore' });
  const helpers = await import('@/lib/jobs/helpers').catch(() => null);
  const helperChunks = () => helpers?.helperStats().chunks ?? 0;
  let run = 0;
  const firstStarted = performance.now();
  const first = await generate(freshDesign(entities, run++));
  const firstMs = Math.round(performance.now() - firstStarted);
  for (let i = 0; i < 4; i++) await generate(freshDesign(entities, run++));

  const cold: PoolTiming[] = [];
  const warm: PoolTiming[] = [];
  const coldAlone: PoolTiming[] = [];
  const chunksBefore = helperChunks();
  for (let i = 0; i < 7; i++) {
    // The files job sees a renamed copy of its own, so the generate job after it is cold too.
    const filesMs = await filesOnly(freshDesign(entities, run++));
    const design = freshDesign(entities, run++);
    const { ms, cpuMs } = await generate(design);
    cold.push({ filesMs, checkMs: ms - filesMs, totalMs: ms, cpuMs });
    // The same cold generation on the job's thread alone, interleaved so both see the same machine load.
    process.env.FASTDRAFT_CHECK_HELPERS = '0';
    const alone = await generate(freshDesign(entities, run++));
    delete process.env.FASTDRAFT_CHECK_HELPERS;
    coldAlone.push({ filesMs, checkMs: alone.ms - filesMs, totalMs: alone.ms, cpuMs: alone.cpuMs });
    const edited = oneFieldChange(design, i);
    const warmFilesMs = await filesOnly(oneFieldChange(design, i + 100));
    const again = await generate(edited);
    warm.push({
      filesMs: warmFilesMs,
      checkMs: again.ms - warmFilesMs,
      totalMs: again.ms,
      cpuMs: again.cpuMs,
    });
  }
  const median = (timings: PoolTiming[]) => {
    const of = (key: keyof PoolTiming) =>
      Math.round(
        percentile(
          timings.map((t) => t[key]),
          50,
        ),
      );
    return {
      filesMs: of('filesMs'),
      checkMs: of('checkMs'),
      totalMs: of('totalMs'),
      cpuMs: of('cpuMs'),
    };
  };
  const helperChunksPerRun = Math.round((helperChunks() - chunksBefore) / cold.length);
  const { THREADS } = await import('@/lib/jobs/pool');
  return {
    entities,
    files: first.files,
    threads: THREADS,
    helperThreads: helpers?.HELPER_THREADS ?? 0,
    /** Chunks of 8 Python files checked by helper threads per cold + warm pair (the rest: the job's thread). */
    helperChunksPerRun,
    firstMs,
    cold: median(cold),
    /** Cold with `FASTDRAFT_CHECK_HELPERS=0`: what the helper threads save. */
    coldWithoutHelpers: median(coldAlone),
    warm: median(warm),
    coldRuns: cold.map((t) => Math.round(t.totalMs)),
    coldWithoutHelpersRuns: coldAlone.map((t) => Math.round(t.totalMs)),
    warmRuns: warm.map((t) => Math.round(t.totalMs)),
  };
}
