import 'server-only';
import os from 'node:os';
import { db } from '@/lib/db/client';
import { templates } from '@/lib/design';
import { runJob, THREADS } from '@/lib/jobs/pool';
import { previewManager } from '@/lib/runner/preview/manager';

/**
 * Started by instrumentation.ts when a production server starts, so a person's first screens do not pay for
 * first use: the database opens (PGlite's first open runs the migrations, seconds), every worker thread
 * loads the job bundle, ruff's WASM and tree-sitter by generating and zipping a template, and the preview
 * availability check runs once. Runs in the background (requests are served meanwhile, at most waiting for
 * the same open); a failure here is logged and left to the first real request to report.
 */
export async function warmUp(): Promise<void> {
  const started = performance.now();
  const design = templates.blog();
  const steps = await Promise.allSettled([
    db(),
    // One job per thread (distinct owners: each person may have only two running), so all of them warm up.
    ...Array.from({ length: THREADS }, async (_, i) => {
      await runJob('generate', { design }, { owner: `warm-up:${i}` });
      await runJob('exportZip', { design }, { owner: `warm-up:${i}` });
    }),
    previewManager().availability(),
  ]);
  const failed = steps.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
  for (const failure of failed) console.error('[warm-up] failed:', failure.reason);
  const ms = Math.round(performance.now() - started);
  console.log(
    `[warm-up] database, ${THREADS} generation thread(s) and the preview check ready in ${ms} ms (load ${os.loadavg()[0]?.toFixed(2)})`,
  );
}
