import { syntheticDesign } from '@/lib/design/testing/arbitraries';
import { checkProject, generateProject } from '@/lib/generator';
import { percentile } from './app-server';

const SIZES = [10, 50, 200, 1000];

/**
 * Generation of synthetic designs, including ruff format (inside generateProject) and the checks
 * (ruff lint + tree-sitter + OpenAPI). Target: 200 entities under 500 ms; cost linear in entities.
 */
export async function generationBenchmark() {
  // Warm up the WASM modules once, as a long-running server would have them.
  const warm = generateProject(syntheticDesign(5));
  if (warm.ok) await checkProject(warm.files);

  const rows = [];
  for (const size of SIZES) {
    const design = syntheticDesign(size);
    const runs = size >= 1000 ? 3 : 5;
    const generate: number[] = [];
    const check: number[] = [];
    let files = 0;
    for (let run = 0; run < runs; run++) {
      const t0 = performance.now();
      const result = generateProject(design);
      const t1 = performance.now();
      if (!result.ok)
        throw new Error(`synthetic design of ${size} has problems: ${result.problems[0]?.message}`);
      const diagnostics = await checkProject(result.files);
      const t2 = performance.now();
      if (diagnostics.length)
        throw new Error(`${diagnostics.length} diagnostics, first: ${JSON.stringify(diagnostics[0])}`);
      generate.push(t1 - t0);
      check.push(t2 - t1);
      files = Object.keys(result.files).length;
    }
    const total = percentile(generate, 50) + percentile(check, 50);
    rows.push({
      entities: size,
      files,
      generateAndFormatMs: Math.round(percentile(generate, 50)),
      checkMs: Math.round(percentile(check, 50)),
      totalMs: Math.round(total),
      msPerEntity: +(total / size).toFixed(2),
    });
  }
  return rows;
}
