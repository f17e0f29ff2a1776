import 'server-only';
import os from 'node:os';

/**
 * Started by instrumentation.ts when a production server starts, so a person's first screens do not pay for
 * first use. All at once: the database opens (a fresh folder's initdb and migrations run in a worker thread,
 * lib/db/connect.ts, so this thread stays free for requests), the generation and helper threads warm up in
 * small pieces a person's job overtakes (lib/jobs/warm.ts: a preview started a moment after the server does not
 * wait behind a whole warm-up generation), and the sign-in page is requested from this server itself, so the
 * person's own first page finds its modules loaded (it needs no database: no session cookie). The helper
 * threads start only once the database is open: on a small machine their WASM compilation took the CPU the
 * open needed, while the job threads (at nice 10) hold back only the first preview if they wait
 * (docs/benchmarks.md, "Start-up"). The preview
 * availability check runs after the first page. Each part's end is logged with the process's memory then.
 * Failures are logged and left to the first real request to report.
 */
export async function warmUp(): Promise<void> {
  const started = performance.now();
  const failures: unknown[] = [];
  const parts: string[] = [];
  const done = (name: string) =>
    parts.push(`${name} ${Math.round(performance.now() - started)} ms (rss ${rssMiB()} MiB)`);
  const step = <T>(work: () => Promise<T>) => work().catch((error: unknown) => failures.push(error));
  const [{ db }, { templates }, { THREADS }, { warmThreads }, { previewManager }] = await Promise.all([
    import('@/lib/db/client'),
    import('@/lib/design/templates'),
    import('@/lib/jobs/pool'),
    import('@/lib/jobs/warm'),
    import('@/lib/runner/preview/manager'),
  ]);
  const design = templates.todo();
  const opened = step(() => db()).then(() => done('database'));
  await Promise.all([
    opened,
    step(() => warmThreads(design, { helpersAfter: opened })).then(() =>
      done(`${THREADS} generation thread(s)`),
    ),
    (async () => {
      await firstPage();
      done('first page');
      await step(() => previewManager().availability());
      done('preview check');
    })(),
  ]);
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
