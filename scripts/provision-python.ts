/**
 * `npm run python:provision`: makes the Python toolchain that runs generated projects (see
 * lib/runner/toolchain-provision.ts) and says what it did and what is missing. Exit 0 when usable.
 *   --cache DIR   cache folder (default .cache/python, or FASTDRAFT_PYTHON_CACHE)
 */
import { templates } from '@/lib/design/templates';
import { renderProject } from '@/lib/generator/generate';
import { defaultCacheDir } from '@/lib/runner/toolchain';
import { provisionToolchain, type Requirements, summary } from '@/lib/runner/toolchain-provision';

/** The generated projects' requirements: the same for every design. */
export function generatedRequirements(): Requirements {
  const rendered = renderProject(templates.todo());
  if (!rendered.ok) throw new Error('the todo template does not validate');
  const runtime = rendered.files['requirements.txt'];
  const dev = rendered.files['requirements-dev.txt'];
  if (runtime === undefined || dev === undefined)
    throw new Error('the generator emits no requirements files');
  return { 'requirements.txt': runtime, 'requirements-dev.txt': dev };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--cache');
  const cacheDir = at >= 0 && args[at + 1] ? args[at + 1] : defaultCacheDir();
  const started = Date.now();
  const result = await provisionToolchain({
    cacheDir: cacheDir as string,
    requirements: generatedRequirements(),
    log: (line) => console.log(`python:provision: ${line}`),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!result.ok) {
    console.error(`python:provision: FAILED after ${seconds} s; missing:\n${result.reason}`);
    return 1;
  }
  console.log(`python:provision: ready in ${seconds} s: ${summary(result.toolchain)}`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
