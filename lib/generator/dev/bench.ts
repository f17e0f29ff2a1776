/** Dev helper: times each stage for a synthetic design. npx tsx lib/generator/dev/bench.ts 200 */
import { syntheticDesign } from '@/lib/design/testing/arbitraries';
import { checkProject } from '../checks';
import { formatPython, withRuff } from '../format/ruff';
import { renderProject } from '../generate';

const size = Number(process.argv[2] ?? 200);
const design = syntheticDesign(size);
withRuff(() => undefined);
const t0 = performance.now();
const rendered = renderProject(design);
const t1 = performance.now();
if (!rendered.ok) throw new Error('invalid');
const formatted = formatPython(rendered.files);
const t2 = performance.now();
const diagnostics = await checkProject(formatted);
const t3 = performance.now();
const py = Object.keys(formatted).filter((f) => f.endsWith('.py')).length;
console.log(
  `${size} entities, ${py} .py files: render ${(t1 - t0).toFixed(0)} ms, ruff format ${(t2 - t1).toFixed(0)} ms, ` +
    `lint+parse ${(t3 - t2).toFixed(0)} ms, ${diagnostics.length} diagnostics`,
);
