import 'server-only';
import os from 'node:os';

/**
 * Started by instrumentation.ts when a production server starts, so a person's first screens do not pay for
 * first use. First the sign-in page is requested from this server itself, before anything else competes for
 * the CPU (the person's own first page then finds its modules loaded; that page opens the database, whose
 * first open runs PGlite's initdb and the migrations). Then, together: the database open completes, every
 * generation thread loads the job bundle, ruff's WASM and tree-sitter by generating and zipping a template,
 * and the preview availability check runs once. Modules load only here, after the first page. Failures are logged
 * and left to the first real request to report.
 */
export async function warmUp(): Promise<void> {
  const started = performance.now();
  await firstPage();
  const pageMs = Math.round(performance.now() - started);
  const [{ db }, { templates }, { runJob, THREADS }, { previewManager }] = await Promise.all([
    import('@/lib/db/client'),
    import('@/lib/design/templates'),
    import('@/lib/jobs/pool'),
    import('@/lib/runner/preview/manager'),
  ]);
  const design = templates.blog();
  const failures: unknown[] = [];
  const step = <T>(work: () => Promise<T>) => work().catch((error: unknown) => failures.push(error));
  // The database on this thread while the generation threads warm on the other cores.
  await Promise.all([
    step(() => db()),
    // One job per thread (distinct owners: each person may have only two running), so all of them warm up.
    ...Array.from({ length: THREADS }, (_, i) =>
      step(async () => {
        await runJob('generate', { design }, { owner: `warm-up:${i}` });
        await runJob('exportZip', { design }, { owner: `warm-up:${i}` });
      }),
    ),
    step(() => previewManager().availability()),
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
