import 'server-only';
import os from 'node:os';

/**
 * Started by instrumentation.ts when a production server starts, so a person's first screens do not pay for
 * first use. All at once: the database opens (a fresh folder's initdb and migrations run in a worker thread,
 * lib/db/connect.ts, so this thread stays free for requests; an existing folder opens with little work here),
 * every generation thread loads the job bundle and ruff's WASM by generating a small template (on the other
 * cores; tree-sitter starts only for a file the formatter did not produce, lib/generator/checks), and the
 * sign-in page is requested from this server itself, so the person's own first page finds its modules loaded
 * (it needs no database: no session cookie). The preview availability check runs after that page; a spare
 * preview sandbox starts once all is done. Each part's end is logged with the process's memory then
 * (docs/benchmarks.md, "Start-up"). Failures are logged and left to the first real request to report.
 */
export async function warmUp(): Promise<void> {
  const started = performance.now();
  const failures: unknown[] = [];
  const parts: string[] = [];
  const done = (name: string) =>
    parts.push(`${name} ${Math.round(performance.now() - started)} ms (rss ${rssMiB()} MiB)`);
  const step = <T>(work: () => Promise<T>) => work().catch((error: unknown) => failures.push(error));
  const [{ db }, { templates }, { runJob, THREADS }, { previewManager }] = await Promise.all([
    import('@/lib/db/client'),
    import('@/lib/design/templates'),
    import('@/lib/jobs/pool'),
    import('@/lib/runner/preview/manager'),
  ]);
  const design = templates.todo();
  await Promise.all([
    step(() => db()).then(() => done('database')),
    // One job per thread (distinct owners: each person may have only two running), so all of them warm up.
    Promise.all(
      Array.from({ length: THREADS }, (_, i) =>
        step(() => runJob('generate', { design }, { owner: `warm-up:${i}` })),
      ),
    ).then(() => done(`${THREADS} generation thread(s)`)),
    (async () => {
      await firstPage();
      done('first page');
      await step(() => previewManager().availability());
      done('preview check');
    })(),
  ]);
  // A sandbox ready for the next new preview (`lib/runner/preview/spare.ts`), once nothing else here needs the
  // cores: started beside the database's first open it delayed that open (and so the first sign-in) by seconds.
  await step(() => previewManager().fillSpare());
  for (const failure of failures) console.error('[warm-up] failed:', failure);
  console.log(
    `[warm-up] ready in ${Math.round(performance.now() - started)} ms (load ${os.loadavg()[0]?.toFixed(2)}): ${parts.join('; ')}`,
  );
}

const rssMiB = () => Math.round(process.memoryUsage.rss() / 2 ** 20);

/** The sign-in page through this server's own port (set by `next start`); skipped when it is not on loopback. */
async function firstPage(): Promise<void> {
  const port = process.env.PORT;
  if (!port) return;
  await fetch(`http://127.0.0.1:${port}/signin`, { signal: AbortSignal.timeout(120_000) })
    .then((response) => response.arrayBuffer())
    .catch(() => undefined);
}
