import os from 'node:os';
import { canvasBenchmark } from './canvas';
import { exportBenchmark } from './export';
import { firstRunBenchmark } from './first-run';
import { generationBenchmark, TARGET_ENTITIES } from './generation';
import { poolGenerationBenchmark } from './generation-pool';
import { importBenchmark } from './import';
import { layoutBenchmark } from './layout';
import { loadBenchmark } from './load';
import { previewBenchmark } from './preview';
import { proxyBenchmark } from './proxy';
import { startupBenchmark } from './startup';
import { statementsBenchmark } from './statements';

/** `npm run bench [name...]`: runs the benchmarks and prints their figures (record them in docs/benchmarks.md). */
const benchmarks: Record<string, () => Promise<unknown>> = {
  generation: generationBenchmark,
  // The pool part of `generation` alone (its target size): what the IDE's Code view waits for.
  'generation-pool': () => poolGenerationBenchmark(TARGET_ENTITIES),
  canvas: canvasBenchmark,
  export: exportBenchmark,
  load: loadBenchmark,
  layout: layoutBenchmark,
  'first-run': firstRunBenchmark,
  statements: statementsBenchmark,
  preview: previewBenchmark,
  import: importBenchmark,
  proxy: proxyBenchmark,
  startup: startupBenchmark,
};

const wanted = process.argv.slice(2);
const names = wanted.length ? wanted : Object.keys(benchmarks);
console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
);
for (const name of names) {
  const run = benchmarks[name];
  if (!run) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(benchmarks).join(', ')}`);
  const started = performance.now();
  const result = await run();
  console.log(`\n## ${name} (${Math.round(performance.now() - started)} ms in all)`);
  console.log(JSON.stringify(result, null, 2));
}
