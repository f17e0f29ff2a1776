import type { Design } from '@/lib/design/schema';
import { syntheticDesign } from '@/lib/design/testing/arbitraries';
import { checkProject, formatPython, renderProject } from '@/lib/generator';
import { clearContentCaches, contentCacheStats } from '@/lib/generator/content-cache';
import { percentile } from './app-server';
import { poolGenerationBenchmark } from './generation-pool';

const SIZES = [10, 50, 200, 1000];
export const TARGET_ENTITIES = 200;
const TARGET_MS = 500;

type Timing = { renderMs: number; formatMs: number; checkMs: number; totalMs: number };

/** One generation as the IDE runs it: render, ruff format (together: `generateProject`), then `checkProject`. */
async function generateAndCheck(design: Design): Promise<{ timing: Timing; files: number }> {
  const t0 = performance.now();
  const rendered = renderProject(design);
  const t1 = performance.now();
  if (!rendered.ok) throw new Error(`synthetic design has problems: ${rendered.problems[0]?.message}`);
  const files = formatPython(rendered.files);
  const t2 = performance.now();
  const diagnostics = await checkProject(files);
  const t3 = performance.now();
  if (diagnostics.length)
    throw new Error(`${diagnostics.length} diagnostics, first: ${JSON.stringify(diagnostics[0])}`);
  return {
    timing: { renderMs: t1 - t0, formatMs: t2 - t1, checkMs: t3 - t2, totalMs: t3 - t0 },
    files: Object.keys(files).length,
  };
}

function median(timings: Timing[]): Timing {
  const of = (key: keyof Timing) =>
    Math.round(
      percentile(
        timings.map((t) => t[key]),
        50,
      ),
    );
  return {
    renderMs: of('renderMs'),
    formatMs: of('formatMs'),
    checkMs: of('checkMs'),
    totalMs: of('totalMs'),
  };
}

/** The design after the edit the IDE sees most: one field's max length changed (a different field each run). */
export function oneFieldChange(design: Design, run: number): Design {
  const index = run % design.entities.length;
  return {
    ...design,
    entities: design.entities.map((entity, i) =>
      i !== index
        ? entity
        : {
            ...entity,
            fields: entity.fields.map((field, j) =>
              j === 0 ? { ...field, constraints: { ...field.constraints, maxLength: 200 + run } } : field,
            ),
          },
    ),
  };
}

/**
 * Generation of synthetic designs, including ruff format and the checks (ruff format --check + lint,
 * tree-sitter, OpenAPI). Target: 200 entities under 500 ms; cost linear in entities. Figures (medians):
 * - `firstInProcess`: the very first generation of the 200-entity design in a fresh process (WASM still running
 *   baseline code; V8 tiers it up over the first few seconds of use). Only meaningful when this benchmark runs first.
 * - `cold`: a design this (warmed-up) process has never generated: every content cache empty.
 * - `warm`: regeneration after a one-field change, what the IDE does on every edit: only the files whose
 *   text changed miss the content caches of ruff and tree-sitter.
 */
export async function generationBenchmark() {
  const first = await generateAndCheck(syntheticDesign(TARGET_ENTITIES));
  const firstInProcess = { entities: TARGET_ENTITIES, ...median([first.timing]) };

  // Warm the WASM modules up as a long-running server has them (V8 tiers hot WASM functions up lazily).
  for (let i = 0; i < 4; i++) {
    clearContentCaches();
    await generateAndCheck(syntheticDesign(TARGET_ENTITIES));
  }

  const rows = [];
  for (const size of SIZES) {
    const design = syntheticDesign(size);
    const runs = size >= 1000 ? 3 : 5;
    const cold: Timing[] = [];
    let files = 0;
    for (let run = 0; run < runs; run++) {
      clearContentCaches();
      const result = await generateAndCheck(design);
      cold.push(result.timing);
      files = result.files;
    }
    const warm: Timing[] = [];
    clearContentCaches();
    await generateAndCheck(design);
    const before = contentCacheStats();
    for (let run = 0; run < runs; run++)
      warm.push((await generateAndCheck(oneFieldChange(design, run))).timing);
    const after = contentCacheStats();
    const misses = after.misses - before.misses;
    const lookups = misses + after.hits - before.hits;
    const coldMedian = median(cold);
    const warmMedian = median(warm);
    rows.push({
      entities: size,
      files,
      cold: coldMedian,
      warm: {
        ...warmMedian,
        cacheMissesPerRun: Math.round(misses / runs),
        lookupsPerRun: Math.round(lookups / runs),
      },
      coldMsPerEntity: +(coldMedian.totalMs / size).toFixed(2),
      warmMsPerEntity: +(warmMedian.totalMs / size).toFixed(2),
    });
  }
  const target = rows.find((r) => r.entities === TARGET_ENTITIES);
  // Last: the pool's threads start after the in-process rows, so its first generation is its own.
  const pool = await poolGenerationBenchmark(TARGET_ENTITIES);
  return {
    firstInProcess,
    rows,
    pool,
    target: target && {
      entities: TARGET_ENTITIES,
      targetMs: TARGET_MS,
      coldMet: pool.cold.totalMs < TARGET_MS,
      warmMet: pool.warm.totalMs < TARGET_MS,
      inProcessColdMet: target.cold.totalMs < TARGET_MS,
    },
  };
}
