import 'server-only';
import os from 'node:os';

/**
 * Started by instrumentation.ts when a production server starts, so a person's first screens do not pay for
 * first use. At once, every generation thread loads the job bundle, ruff's WASM and tree-sitter by generating
 * a small template (on the other cores: the threads run beside the request thread). Meanwhile the sign-in
 * page is requested from this server itself, so the person's own first page finds its modules loaded; then the
 * database is opened (a page without a session cookie no longer does: PGlite's first open runs initdb and the
 * migrations, on this thread), and the preview availability check runs once. Failures are logged and left to the first real request to report.
 */
export async function warmUp(): Promise<void> {
  const started = performance.now();
  const failures: unknown[] = [];
  const step = <T>(work: () => Promise<T>) => work().catch((error: unknown) => failures.push(error));
  const [{ db }, { templates }, { runJob, THREADS }, { previewManager }] = await Promise.all([
    import('@/lib/db/client'),
    import('@/lib/design/templates'),
    import('@/lib/jobs/pool'),
    import('@/lib/runner/preview/manager'),
  ]);
  const design = templates.todo();
  let pageMs = 0;
  await Promise.all([
    // One job per thread (distinct owners: each person may have only two running), so all of them warm up.
    ...Array.from({ length: THREADS }, (_, i) =>
      step(() => runJob('generate', { design }, { owner: `warm-up:${i}` })),
    ),
    (async () => {
      await firstPage();
      pageMs = Math.round(performance.now() - started);
      await step(() => db());
      await step(() => previewManager().availability());
    })(),
  ]);
  for (const failure of failures) console.error('[warm-up] failed:', failure);
  console.log(
    `[warm-up] first page in ${pageMs} ms; database, ${THREADS} generation thread(s) and the preview check ready ` +
      `in ${Math.round(performance.now() - started)} ms (load ${os.loadavg()[0]?.toFixed(2)})`,
  );
}

/** The sign-in page through this server's own port (set by `next start`); skipped when it is not on loopback. */
async function firstPage(): Promise<void> {
  const port = process.env.PORT;
  if (!port) return;
  await fetch(`http://127.0.0.1:${port}/signin`, { signal: AbortSignal.timeout(120_000) })
    .then((response) => response.arrayBuffer())
    .catch(() => undefined);
}
